"""Navigation links shown in the header, by what the signed-in user may do."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def navigation(request):
    user = request.user
    links = [(reverse("members:directory"), _("Member directory"))]
    if user.is_authenticated:
        links.append((reverse("core:dashboard"), _("My page")))
        if user.has_perm("members.manage_registry"):
            links.append((reverse("members:registry"), _("Registry")))
            links.append((reverse("members:statistics"), _("Statistics")))
            links.append((reverse("members:census_rounds"), _("Census")))
            links.append((reverse("core:audit_log"), _("Audit log")))
    return {"nav_links": links}
