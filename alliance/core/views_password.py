"""Password reset by e-mail: ask for a link, then choose a new password through it (Django's auth views).

The request page gives the same answer whether the address has an account or not; too many requests from one
address or one client are refused with a Korean message (alliance/core/password_reset.py).
"""

from axes.helpers import get_client_ip_address
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect

from alliance.core.forms import PasswordResetRequestForm
from alliance.core.password_reset import over_limit, request_password_reset
from alliance.core.permissions import personal_link, public


@public
@never_cache
@csrf_protect
def password_reset_request(request):
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if over_limit(email=email, client_address=get_client_ip_address(request) or ""):
            form.add_error(None, _("Too many reset requests. Please try again in an hour."))
        else:
            request_password_reset(email=email)
            return redirect("core:password_reset_sent")
    status = 429 if form.non_field_errors() else 200
    return render(request, "core/password_reset/request.html", {"form": form}, status=status)


@public
def password_reset_sent(request):
    return render(request, "core/password_reset/sent.html")


# The link's token is the authority; Django's view moves it from the URL into the session at once (a redirect
# to .../set-password/), so it is not left in the address bar or sent on as a Referer.
password_reset_confirm = personal_link(
    auth_views.PasswordResetConfirmView.as_view(
        template_name="core/password_reset/confirm.html",
        success_url=reverse_lazy("core:password_reset_complete"),
    )
)


@public
def password_reset_complete(request):
    return render(request, "core/password_reset/complete.html")
