"""Sending an edition of the newsletter through the shared bulk delivery (alliance.core.delivery).

Rules:
- An edition is sent once: ordering it (staff's confirmed button, or the periodic job `info_newsletter_scheduled`
  at its send time) fixes its recipients — every active subscriber, or for an edition carrying advertising only
  those whose consent to advertising is current (정보통신망법 §50, NEWSLETTER_AD_MARKING) — one delivery row each,
  and marks the edition sent in the same transaction; an edition already sent or ordered is refused.
- An edition carrying advertising (with NEWSLETTER_AD_MARKING on) gets "(광고)" at the start of its subject and a
  footer stating the sender (NEWSLETTER_SENDER_NAME, _ADDRESS, _CONTACT) and the free opt-out; it is refused
  while the sender's address or contact is not set. Every edition's footer carries the personal unsubscribe link,
  also given as RFC 8058 List-Unsubscribe + List-Unsubscribe-Post headers.
- The e-mail is rendered once per run (`prepare`) and copied per recipient with their link
  (`core.mail.personalised_copy`); a recipient who unsubscribed, was suspended or lost the advertising consent
  since the order is not sent to (the row is withdrawn). No open or click tracking: no pixel, no rewritten links.
- Batches of NEWSLETTER_BATCH_SIZE over one SMTP connection, at most NEWSLETTER_RATE_PER_MINUTE a minute; retries,
  resumption and "never twice" are the delivery mechanism's.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alliance.core import links
from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.mail import personalised_copy, render_message
from alliance.core.models import Delivery
from alliance.info.models import Edition, Subscriber
from alliance.info.queries.newsletter import marks_advertising
from alliance.info.queries.subscribers import EDITION_HEADER, EDITION_MAILING, edition_deliveries, edition_recipients

EDITION_PREFIX = "info/newsletter/email"  # the newsletter area's edition e-mail
# Until that area's templates exist: the edition's kept text and HTML, or a pointer to the web archive.
FALLBACK_PREFIX = "info/subscribers/email/edition"
FOOTER = "info/subscribers/email/_footer"
# Stands for the recipient's own link while the e-mail is rendered once; never sent (each copy replaces it).
LINK_PLACEHOLDER = "https://personal-link.invalid/unsubscribe"
AD_MARK = "(광고)"
SEND_TIME = datetime.time(8, 30)  # KST, when an edition scheduled without a time goes out


def edition_page(edition: Edition) -> str:
    """The staff page of the edition's delivery (where it is ordered and followed)."""
    return reverse("info:edition_delivery", args=[edition.pk])


def edition_addressees(edition: Edition) -> list[Addressee]:
    recipients = edition_recipients(advertising=marks_advertising(edition)).only("pk", "email", "language")
    return [Addressee(email=s.email, language=s.language, object_id=s.pk) for s in recipients.iterator()]


def already_ordered(edition: Edition) -> bool:
    return edition_deliveries(edition).exists()


def edition_refusals(edition: Edition, *, count: int | None = None) -> list[str]:
    refusals = []
    if edition.state == Edition.State.SENT or already_ordered(edition):
        refusals.append(_("This edition has been sent already: an edition goes out once."))
    if marks_advertising(edition) and not (settings.NEWSLETTER_SENDER_ADDRESS and settings.NEWSLETTER_SENDER_CONTACT):
        refusals.append(
            _(
                "An edition carrying advertising must state the sender's address and contact: set "
                "NEWSLETTER_SENDER_ADDRESS and NEWSLETTER_SENDER_CONTACT."
            )
        )
    if count == 0:
        refusals.append(_("Nobody would receive this edition: there is no subscriber it may go to."))
    return refusals


def send_edition(*, actor, edition: Edition, now=None) -> Delivery:
    """Order the delivery of `edition` to its recipients, once.

    Rule: `edition_refusals` is empty (checked again under the edition's lock).
    Side effects: the delivery and its rows (audit `core.delivery.ordered`); the edition marked sent with the
    subject, text and HTML as they go out; after the commit, the sending task.
    """
    now = now or timezone.now()
    with transaction.atomic():
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        addressees = edition_addressees(edition)
        if refusals := edition_refusals(edition, count=len(addressees)):
            raise ValidationError(refusals)
        if not edition.text and _has_edition_templates():  # kept as sent (web archive): no one's footer
            body = _rendered(edition)
            edition.text = body.body
            edition.html = next((content for content, kind in body.alternatives if kind == "text/html"), "")
        edition.state, edition.sent_at = Edition.State.SENT, now
        edition.save(update_fields=["state", "sent_at", "text", "html"])
        return order_delivery(actor=actor, kind=EDITION_MAILING, target=edition, addressees=addressees)


def due_editions(now: datetime.datetime):
    """Scheduled editions whose send time has come (08:30 KST of their publishing day when none is set)."""
    scheduled = Edition.objects.filter(state=Edition.State.SCHEDULED, publishing_date__lte=timezone.localdate(now))
    return [edition for edition in scheduled.order_by("publishing_date") if send_time(edition) <= now]


def send_time(edition: Edition) -> datetime.datetime:
    if edition.send_at is not None:
        return edition.send_at
    return timezone.make_aware(datetime.datetime.combine(edition.publishing_date, SEND_TIME))


def send_scheduled_editions(*, now=None) -> str:
    """The periodic job: order every due scheduled edition (each exactly once: the order marks it sent)."""
    now = now or timezone.now()
    sent, refused = [], []
    for edition in due_editions(now):
        try:
            delivery = send_edition(actor=None, edition=edition, now=now)
        except ValidationError as error:
            refused.append(f"{edition.publishing_date}: {' '.join(error.messages)}")
        else:
            sent.append(f"{edition.publishing_date} ({delivery.recipients.count()})")
    return f"ordered {sent or 'none'}; refused {refused or 'none'}"


# ---- the e-mail -------------------------------------------------------------------------------------------------


def _footer_context(edition: Edition) -> dict:
    return {
        "edition": edition,
        "advertising": marks_advertising(edition),
        "unsubscribe_url": LINK_PLACEHOLDER,
        "sender_name": settings.NEWSLETTER_SENDER_NAME,
        "sender_address": settings.NEWSLETTER_SENDER_ADDRESS,
        "sender_contact": settings.NEWSLETTER_SENDER_CONTACT,
    }


def _has_edition_templates() -> bool:
    try:
        get_template(f"{EDITION_PREFIX}/subject.txt")
    except TemplateDoesNotExist:
        return False
    return True


def _rendered(edition: Edition, *, to=(), language: str = ""):
    context = {**_footer_context(edition), "edition": edition, "web_url": settings.SITE_URL + "/newsletter"}
    prefix = EDITION_PREFIX if _has_edition_templates() else FALLBACK_PREFIX
    return render_message(prefix, context, to=list(to), language=language, unsubscribe_url=LINK_PLACEHOLDER)


def edition_message(edition: Edition, *, to=(), language: str = ""):
    """The edition's e-mail with the footer and the advertising mark, the link still a placeholder."""
    message = _rendered(edition, to=to, language=language)
    return with_subscriber_footer(message, _footer_context(edition), language=language)


def with_subscriber_footer(message, context: dict, *, language: str = ""):
    """`message` with the subscribers' footer (the §50 sender when `context["advertising"]`, the unsubscribe link
    `context["unsubscribe_url"]`) in both parts, and (광고) before an advertising subject: every e-mail to the
    newsletter's subscribers ends so."""
    with translation.override(language or settings.LANGUAGE_CODE):
        footer_text = render_to_string(f"{FOOTER}.txt", context)
        footer_html = render_to_string(f"{FOOTER}.html", context)
    message.body = f"{message.body.rstrip()}\n\n{footer_text.strip()}\n"
    message.alternatives = [
        (_with_footer(content, footer_html) if kind == "text/html" else content, kind)
        for content, kind in message.alternatives
    ]
    if context.get("advertising") and not message.subject.startswith(AD_MARK):
        message.subject = f"{AD_MARK} {message.subject}"
    return message


def _with_footer(html: str, footer: str) -> str:
    position = html.lower().rfind("</body>")
    return html + footer if position < 0 else html[:position] + footer + html[position:]


LINK_SLOT = "__personal_link_slot__"


@dataclass(frozen=True)
class SharedEdition:
    edition: Edition
    advertising: bool
    message: object
    link_pattern: str  # the unsubscribe link with LINK_SLOT where the token goes (one URL reversal per run)


def prepare_edition(delivery) -> SharedEdition:
    edition = Edition.objects.get(pk=delivery.target_id)
    return SharedEdition(
        edition=edition,
        advertising=marks_advertising(edition),
        message=edition_message(edition),
        link_pattern=links.absolute_link("info:subscription_link", LINK_SLOT) + f"?edition={edition.pk}",
    )


RECEIVING_FIELDS = ("pk", "state", "advertising", "advertising_suspended_at", "link_issued_at")


def build_edition_email(recipient, shared: SharedEdition):
    """One recipient's copy with their link; None when they may no longer receive it (read now, not at the order)."""
    subscriber = Subscriber.objects.filter(pk=recipient.object_id).only(*RECEIVING_FIELDS).first()
    if subscriber is None or subscriber.state != Subscriber.State.ACTIVE:
        return None
    if shared.advertising and not subscriber.receives_advertising:
        return None
    link = shared.link_pattern.replace(LINK_SLOT, subscriber.link_token())
    return personalised_copy(
        shared.message,
        to=[recipient.email],
        replacements={LINK_PLACEHOLDER: link},
        unsubscribe_url=link,
        extra_headers={EDITION_HEADER: str(shared.edition.pk)},
    )
