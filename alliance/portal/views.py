"""The home page, whose sections the apps register (`alliance.core.frontpage`), and the signed-in user's page
("My page"), whose tiles the apps register (`alliance.core.navigation`)."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from alliance.core import frontpage
from alliance.core.navigation import ACCOUNT, MEMBER, PERSONAL, PUBLIC, STAFF, tiles_for
from alliance.core.page_cache import cached_for_anonymous
from alliance.core.permissions import permission_required, public
from alliance.members.membership import member_count, registry_day_version


@public
@require_GET
# It shows the member count (the registry's version) and the apps' sections (kept a minute at most).
@cached_for_anonymous(lambda request: f"{registry_day_version()}:{frontpage.version()}")
def home(request):
    context = {"member_count": member_count(), "sections": frontpage.sections()}
    return render(request, "portal/home.html", context)


@permission_required("core.view_dashboard")
def dashboard(request):
    context = {
        "tiles": tiles_for(request.user, (ACCOUNT, STAFF, MEMBER)),
        "personal_tiles": tiles_for(request.user, (PERSONAL,)),
        "open_tiles": tiles_for(request.user, (PUBLIC,)),
    }
    return render(request, "portal/dashboard.html", context)
