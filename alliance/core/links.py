"""Personal links: a URL whose token alone names one recipient (census, map survey; next meeting replies,
agency reports, newsletter unsubscribe, event tickets).

Rules:
- The token is made when the link is e-mailed, never before, and never stored: the row keeps only its
  SHA-256 hash (`hash_token`). Until its first e-mail the row holds the hash of a token nobody ever sees
  (`unsent_token_hash`), so no link opens it.
- The token is an HMAC of the secret key, the row's purpose (`purpose`, a salt of its own per kind of link),
  its id and the moment of its first e-mail (`personal_token`, like Django's password-reset tokens): every
  later e-mail of the row (a reminder) repeats the same link without any token being stored.
- A link works until `PERSONAL_LINK_DAYS` (setting `CENSUS_LINK_DAYS`) after it was sent or the end of the
  closing date (local time), whichever comes first (`link_expiry`); a reminder revives it, expired or not
  (`revive_link`), but never after its round is closed.
- An unknown token is `DoesNotExist` (the view answers 404: a URL does not reveal what exists); a token that
  worked once but is expired or whose round is closed is `LinkGone` (410, "this link no longer works").
- The view side: `@personal_link` (alliance.core.permissions) makes the page never cached, GET and POST
  only, and sent with `Referrer-Policy: same-origin` (the token is in the URL; never to other sites).
The rows are `alliance.core.models.PersonalLinkInvitation` subclasses.
"""

import base64
import datetime
import hashlib
import secrets
from collections.abc import Callable

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class LinkGone(Exception):  # noqa: N818  a state, not an error in the program
    """The link was valid once but no longer works (expired, or its round is closed)."""


def hash_token(token: str) -> str:
    """What the database keeps of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh random (raw token, hash) pair. Only the hash may be stored."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def unsent_token_hash() -> str:
    """The hash a row holds until its e-mail is sent: of a token nobody ever sees, so no link opens it."""
    return new_token()[1]


def personal_token(*, purpose: str, pk: int, sent_at: datetime.datetime) -> str:
    """The token of a row sent at `sent_at`: the same for every e-mail of the row, recoverable only with the
    secret key. `purpose` is the kind of link's own salt, so two kinds of rows with the same id differ."""
    sent_us = (sent_at - _EPOCH) // datetime.timedelta(microseconds=1)
    digest = salted_hmac(purpose, f"{pk}:{sent_us}", algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def link_days() -> int:
    return settings.CENSUS_LINK_DAYS


def link_expiry(
    *, closes_on: datetime.date | None, now: datetime.datetime, days: int | None = None
) -> datetime.datetime:
    """`days` (default: the setting) from now, capped by the end of the closing date (local time)."""
    expiry = now + datetime.timedelta(days=link_days() if days is None else days)
    if closes_on is None:
        return expiry
    closing = timezone.make_aware(datetime.datetime.combine(closes_on + datetime.timedelta(days=1), datetime.time.min))
    return min(expiry, closing)


def last_day(expires_at: datetime.datetime) -> datetime.date:
    """The last local day on which a link works (a link expiring at midnight works the day before)."""
    return timezone.localdate(expires_at - datetime.timedelta(microseconds=1))


def absolute_link(viewname: str, token: str) -> str:
    """The full URL of a personal link, as e-mailed (the site's own address, `SITE_URL`)."""
    return settings.SITE_URL + reverse(viewname, args=[token])


def issue_token(invitation, *, now: datetime.datetime | None = None) -> str:
    """The row's token for an e-mail going out now; the first e-mail fixes `sent_at` (and so the link).

    The caller holds the row's lock and saves `token_hash` and `sent_at` (`ISSUE_FIELDS`) before sending.
    """
    if invitation.sent_at is None:
        invitation.sent_at = now or timezone.now()
    token = invitation.link_token()
    invitation.token_hash = hash_token(token)
    return token


ISSUE_FIELDS = ["token_hash", "sent_at"]


def revive_link(invitation, *, closes_on: datetime.date | None, now: datetime.datetime) -> None:
    """A reminder: the link works again for the link period from now (capped by the closing date), and the
    reminder is counted. The caller saves `REVIVE_FIELDS`."""
    invitation.expires_at = link_expiry(closes_on=closes_on, now=now)
    invitation.reminder_count += 1
    invitation.last_reminded_at = now


REVIVE_FIELDS = ["expires_at", "reminder_count", "last_reminded_at"]


def check_link(invitation, *, is_open: bool, now: datetime.datetime | None = None) -> None:
    """LinkGone unless the link still works: its round is open and it has not expired."""
    if not is_open or invitation.expires_at <= (now or timezone.now()):
        raise LinkGone


def invitation_for_token(queryset: QuerySet, token: str, *, is_open: Callable[[object], bool]):
    """The row behind a link: `queryset.model.DoesNotExist` for an unknown token (404), `LinkGone` for an
    expired link or a closed round (410). `is_open(row)` says whether the row's round still takes answers."""
    invitation = queryset.get(token_hash=hash_token(token))
    check_link(invitation, is_open=is_open(invitation))
    return invitation
