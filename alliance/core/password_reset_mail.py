"""The password-reset e-mail: a link made when the e-mail goes out (the task carries only the account's id)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from alliance.core.mail import send_message


def send_password_reset_message(*, user_id: int) -> int:
    """Send the reset link to the account `user_id` if it is still active; returns the recipients (0 or 1).

    Side effects: one e-mail (through `alliance.core.mail`).
    """
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("core:password_reset_confirm", kwargs={"uidb64": uidb64, "token": token})
    context = {
        "user": user,
        "reset_url": f"{settings.SITE_URL}{path}",
        "valid_minutes": settings.PASSWORD_RESET_TIMEOUT // 60,
    }
    return send_message("core/email/password_reset", context, to=[user.email])
