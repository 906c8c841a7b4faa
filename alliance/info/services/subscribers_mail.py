"""The worker's side of the subscribers' single e-mails: the double opt-in confirmation.

The link is the subscriber's personal link (core/links.py), made as the e-mail is built; only its hash is stored.
"""

from django.conf import settings
from django.urls import reverse

from alliance.core import links
from alliance.core.mail import send_message
from alliance.info.models import Subscriber

CONFIRM_PREFIX = "info/subscribers/email/confirm"


def send_confirmation_email(*, subscriber_id: int) -> int:
    """Send the confirmation e-mail to a subscriber whose request is still open; returns 1 when sent."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, requested_at__isnull=False).first()
    if subscriber is None:
        return 0
    context = {
        "confirm_url": links.absolute_link("info:subscription_confirm", subscriber.link_token()),
        "days": settings.NEWSLETTER_CONFIRM_DAYS,
        "advertising": subscriber.requested_advertising,
        "newsletter_url": settings.SITE_URL + reverse("info:newsletter_subscribe"),
    }
    return send_message(CONFIRM_PREFIX, context, to=[subscriber.email], language=subscriber.language)
