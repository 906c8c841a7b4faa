"""Password reset by e-mail: who may ask how often, and the request itself.

Rule: anyone may ask for a reset link for an e-mail address; the answer is the same whether an active account
has that address or not (no account enumeration: the e-mail goes out from a background task, so not even the
time taken differs). Each address may ask `PASSWORD_RESET_LIMIT_PER_ADDRESS` times and each client
`PASSWORD_RESET_LIMIT_PER_CLIENT` times per `PASSWORD_RESET_LIMIT_WINDOW_MINUTES`; counts live in the cache
(shared by the web processes), keyed by a hash so that no address is stored in it. A link works for
`PASSWORD_RESET_TIMEOUT` seconds and only until the password changes (Django's token generator).
"""

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model

from alliance.core.audit import record_audit
from alliance.core.ratelimit import count_in_window
from alliance.core.tasks import enqueue_on_commit, send_password_reset_email


def _cache_key(kind: str, value: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{value}".encode()).hexdigest()[:32]
    return f"password-reset:{kind}:{digest}"


def over_limit(*, email: str, client_address: str) -> bool:
    """Count this request for the address and the client; True when either has asked too often. A cache that
    does not answer counts nothing (the request goes through, as the login's limit does)."""
    window = settings.PASSWORD_RESET_LIMIT_WINDOW_MINUTES * 60
    by_address = count_in_window(_cache_key("address", email.strip().lower()), timeout=window) or 0
    by_client = count_in_window(_cache_key("client", client_address or "unknown"), timeout=window) or 0
    return (
        by_address > settings.PASSWORD_RESET_LIMIT_PER_ADDRESS or by_client > settings.PASSWORD_RESET_LIMIT_PER_CLIENT
    )


def request_password_reset(*, email: str) -> None:
    """Queue a reset e-mail when an active account has `email`; do nothing visible otherwise.

    Side effects: an audit entry on the account and one queued e-mail, only when the account exists.
    """
    user = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None or not user.has_usable_password():
        return
    record_audit(action="core.password_reset.requested", target=user, actor_label=str(user))
    enqueue_on_commit(send_password_reset_email, user_id=user.pk)
