"""The mailings that deliveries send: each app registers its own (from its AppConfig.ready or `mailings.py`),
so core never imports the apps.

A mailing's `build(recipient, shared)` turns one DeliveryRecipient row into its unsent e-mail
(`alliance.core.mail.render_message`), or None when that e-mail is no longer needed (a census member who
answered since). It runs at sending time, so personal links are made per recipient as the e-mail goes out.
`prepare(delivery)`, when given, computes once per run what every recipient's e-mail shares.
`sent(recipient)`, when given, runs once the mail server has accepted that recipient's e-mail (a census
invitation records then that it was sent).
`rate_per_minute()`, when given, is the most e-mails a minute the worker may send for this mailing (0: no limit);
the worker waits between batches to keep to it.
`permission` is the permission of the page that ordered the delivery: whoever holds it may see the delivery's
progress and send to the rest. `page_url(delivery)` is that page.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.mail import EmailMessage
from django.utils.translation import gettext_lazy as _

from alliance.core.audit import register_actions

register_actions(
    {
        "core.delivery.ordered": _("Bulk e-mail ordered"),
        "core.delivery.sent": _("Bulk e-mail sending run"),
        "core.delivery.resumed": _("Bulk e-mail sent to the rest"),
    }
)


@dataclass(frozen=True)
class Mailing:
    kind: str
    label: Any  # a lazy translation, shown to staff
    permission: str
    build: Callable[..., EmailMessage | None]
    page_url: Callable[..., str]
    prepare: Callable[..., Any] | None = None
    sent: Callable[..., None] | None = None
    batch_size: int = 50
    rate_per_minute: Callable[[], int] | None = None


_MAILINGS: dict[str, Mailing] = {}


def register_mailing(mailing: Mailing) -> Mailing:
    """Register `mailing` under its kind (again on a reload: the last registration wins)."""
    _MAILINGS[mailing.kind] = mailing
    return mailing


def mailing(kind: str) -> Mailing:
    """The registered mailing of `kind`; KeyError when no app registered it."""
    return _MAILINGS[kind]
