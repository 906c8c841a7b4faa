"""E-mailing a notice to the newsletter's subscribers (사업공고 및 행사 이메일링: seed 001 counts 27 in 2025, a call
or an event relayed by e-mail on its own, outside the daily edition), through the shared bulk delivery.

Rules:
- Only a notice-board post the public can read now is mailed, and once: a post already mailed is refused (a
  correction is a new post).
- It goes to every active subscriber. Marked as advertising (staff's choice when ordering it), it goes only to those
  whose consent to advertising is current, its subject starts with (광고) and its footer states the sender — the
  newsletter's 정보통신망법 §50 rules (NEWSLETTER_AD_MARKING), refused while the sender's address or contact is
  not set.
- The e-mail holds the post's title, its Markdown body rendered and sanitised as on the board, the link to the
  post's page (its attachments are there), and the newsletter's footer with the recipient's own one-click
  unsubscribe link (also as RFC 8058 headers). It is rendered once per run and copied per recipient; someone who
  unsubscribed or lost the advertising consent since the order is not sent to. No open or click tracking.
Side effects of `mail_post`: the delivery and its rows (audit `core.delivery.ordered`), the sending task after the
commit; retries, resumption and "never twice" are the delivery mechanism's.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alliance.core import links
from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.delivery.progress import deliveries_of
from alliance.core.mail import personalised_copy, render_message
from alliance.core.models import Delivery
from alliance.info.board_markdown import render_markdown
from alliance.info.models import Board, Post, Subscriber
from alliance.info.queries import mailings
from alliance.info.queries.newsletter import advertising_marked
from alliance.info.queries.subscribers import edition_recipients
from alliance.info.services.newsletter_delivery import LINK_PLACEHOLDER, with_subscriber_footer

POST_MAILING = mailings.POST_MAILING
PREFIX = "info/board/email/mailing"
LINK_SLOT = "__personal_link_slot__"


def mailing_addressees(*, advertising: bool) -> list[Addressee]:
    recipients = edition_recipients(advertising=advertising_marked(advertising)).only("pk", "email", "language")
    return [Addressee(email=s.email, language=s.language, object_id=s.pk) for s in recipients.iterator()]


def mailing_refusals(post: Post, *, advertising: bool, count: int | None = None) -> list[str]:
    refusals = []
    if post.board != Board.NOTICES or not post.is_public:
        refusals.append(_("Only a notice the public can read now is e-mailed: publish it first."))
    if deliveries_of(post, (POST_MAILING,)):
        refusals.append(_("This notice has been e-mailed already: a notice goes out once."))
    if advertising_marked(advertising) and not (
        settings.NEWSLETTER_SENDER_ADDRESS and settings.NEWSLETTER_SENDER_CONTACT
    ):
        refusals.append(
            _(
                "An e-mail carrying advertising must state the sender's address and contact: set "
                "NEWSLETTER_SENDER_ADDRESS and NEWSLETTER_SENDER_CONTACT."
            )
        )
    if count == 0:
        refusals.append(_("Nobody would receive this e-mail: there is no subscriber it may go to."))
    return refusals


def mail_post(*, actor, post: Post, advertising: bool) -> Delivery:
    """Order the e-mailing of `post` to the subscribers, once (rule: `mailing_refusals` is empty, checked again
    under the post's lock)."""
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        addressees = mailing_addressees(advertising=advertising)
        if refusals := mailing_refusals(post, advertising=advertising, count=len(addressees)):
            raise ValidationError(refusals)
        return order_delivery(
            actor=actor,
            kind=POST_MAILING,
            target=post,
            addressees=addressees,
            parameters={"advertising": advertising_marked(advertising)},
        )


# ---- the e-mail -------------------------------------------------------------------------------------------------


def post_message(post: Post, *, advertising: bool, to=(), language: str = ""):
    """The notice's e-mail with the newsletter's footer and the advertising mark, the link still a placeholder."""
    advertising = advertising_marked(advertising)
    context = {
        "post": post,
        "body_html": render_markdown(post.body),
        "post_url": settings.SITE_URL + post.get_absolute_url(),
        "advertising": advertising,
        "unsubscribe_url": LINK_PLACEHOLDER,
        "sender_name": settings.NEWSLETTER_SENDER_NAME,
        "sender_address": settings.NEWSLETTER_SENDER_ADDRESS,
        "sender_contact": settings.NEWSLETTER_SENDER_CONTACT,
    }
    message = render_message(PREFIX, context, to=list(to), language=language, unsubscribe_url=LINK_PLACEHOLDER)
    return with_subscriber_footer(message, context, language=language)


@dataclass(frozen=True)
class SharedMailing:
    post: Post | None
    advertising: bool
    message: object
    link_pattern: str


def prepare_post_mailing(delivery) -> SharedMailing:
    post = Post.objects.filter(pk=delivery.target_id).first()  # None once deleted: nothing more is sent
    advertising = bool(delivery.parameters.get("advertising"))
    return SharedMailing(
        post=post,
        advertising=advertising,
        message=post_message(post, advertising=advertising) if post else None,
        link_pattern=links.absolute_link("info:subscription_link", LINK_SLOT),
    )


def build_post_email(recipient, shared: SharedMailing):
    """One subscriber's copy with their link; None when they may no longer receive it (read now)."""
    subscriber = Subscriber.objects.filter(pk=recipient.object_id).first()
    if shared.post is None or subscriber is None or subscriber.state != Subscriber.State.ACTIVE:
        return None
    if shared.advertising and not subscriber.receives_advertising:
        return None
    link = shared.link_pattern.replace(LINK_SLOT, subscriber.link_token())
    return personalised_copy(
        shared.message, to=[recipient.email], replacements={LINK_PLACEHOLDER: link}, unsubscribe_url=link
    )
