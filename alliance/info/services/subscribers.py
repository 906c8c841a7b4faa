"""Subscribing to the newsletter, confirming, unsubscribing: every write to a subscriber's consent.

Rules:
- The public subscribes with double opt-in: the form creates (or refreshes) a pending subscriber and e-mails a
  confirmation link (the subscriber's personal link, core/links.py); consent is recorded only when the link is
  confirmed (a button on the page: mail scanners that open links do not subscribe anyone), within
  NEWSLETTER_CONFIRM_DAYS of the request. The form answers the same whatever the address's state, and sends
  at most one confirmation per address every RESEND_PAUSE.
- A signed-in user subscribes their own account's address from My page without a confirmation e-mail (the
  address is the account's), recorded as consent from the member's own page.
- Every change of consent is a `Consent` row (append-only): given, renewed, withdrawn, lapsed, with its
  source and the wording shown. Unsubscribing withdraws both the newsletter and advertising consent; it is
  idempotent (a second one-click writes nothing).
- Advertising consent is separate and optional; it is re-confirmed every two years (services/subscribers_renewal).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alliance.core import links
from alliance.core.audit import record_audit
from alliance.core.tasks import enqueue_on_commit
from alliance.info.consent_wording import CURRENT_ADVERTISING, CURRENT_NEWSLETTER, wording
from alliance.info.models import Consent, Subscriber
from alliance.info.tasks import send_subscription_confirmation
from alliance.members.models import Contact

RESEND_PAUSE = datetime.timedelta(minutes=10)
State = Subscriber.State
Purpose, Action, Source = Consent.Purpose, Consent.Action, Consent.Source


def normalise_email(address: str) -> str:
    return address.strip().lower()


def subscriber_for_token(token: str) -> Subscriber:
    """The subscriber behind a personal link; Subscriber.DoesNotExist (404) for an unknown token."""
    return Subscriber.objects.get(token_hash=links.hash_token(token))


def subscriber_link(viewname: str, subscriber: Subscriber, *, edition_id: int | None = None) -> str:
    url = links.absolute_link(viewname, subscriber.link_token())
    return f"{url}?edition={edition_id}" if edition_id else url


def new_subscriber(email: str, *, now, **fields) -> Subscriber:
    """A subscriber with its personal link fixed now (the token is derived, never stored)."""
    subscriber = Subscriber.objects.create(
        email=email, token_hash=links.unsent_token_hash(), link_issued_at=now, **fields
    )
    subscriber.token_hash = links.hash_token(subscriber.link_token())
    subscriber.save(update_fields=["token_hash"])
    return subscriber


def record_consent(subscriber, *, purpose, action, source, at, version="", actor=None, note="", edition_id=None):
    """One consent row; the wording is the version's text in the subscriber's language (what was shown)."""
    with translation.override(subscriber.language or settings.LANGUAGE_CODE):
        text = wording(version) if version else ""
    return Consent.objects.create(
        subscriber=subscriber,
        purpose=purpose,
        action=action,
        source=source,
        at=at,
        wording_version=version,
        wording=text,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        note=note[:300],
        edition_id=edition_id,
    )


def request_subscription(*, email: str, advertising: bool, language: str = "", now=None) -> None:
    """The public form: e-mail a confirmation link to `email` unless it is subscribed as asked already.

    Rule: nothing is consented until the link is confirmed; at most one confirmation per RESEND_PAUSE.
    Side effects: the pending subscriber (or its refreshed request); audit `info.subscriber.requested`;
    after the commit, the task `send_subscription_confirmation`.
    """
    now = now or timezone.now()
    email = normalise_email(email)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is None:
            subscriber = new_subscriber(email, now=now, language=language)
        elif subscriber.state == State.ACTIVE and (subscriber.receives_advertising or not advertising):
            return  # subscribed as asked: nothing to confirm (the page says the same)
        elif subscriber.requested_at and subscriber.requested_at > now - RESEND_PAUSE:
            return  # a confirmation went out a moment ago
        subscriber.requested_at = now
        subscriber.requested_advertising = advertising
        subscriber.requested_wording = CURRENT_NEWSLETTER
        subscriber.language = language or subscriber.language
        if subscriber.state != State.ACTIVE:
            subscriber.state = State.PENDING
        subscriber.save()
        record_audit(
            action="info.subscriber.requested", actor=None, target=subscriber, after={"advertising": advertising}
        )
        enqueue_on_commit(send_subscription_confirmation, subscriber_id=subscriber.pk)


def confirmation_open(subscriber: Subscriber, *, now=None) -> bool:
    """Whether the subscriber's confirmation link still confirms a request (made within the confirm days)."""
    if subscriber.requested_at is None:
        return False
    return subscriber.requested_at > (now or timezone.now()) - datetime.timedelta(days=settings.NEWSLETTER_CONFIRM_DAYS)


def confirm_subscription(*, subscriber: Subscriber, now=None) -> None:
    """The confirmation link's button: the request becomes consent (double opt-in done).

    Rule: a request was made within NEWSLETTER_CONFIRM_DAYS (else links.LinkGone).
    Side effects: state active (bounce count reset); consent rows `given` (newsletter unless already active,
    advertising when asked) with the wording the form showed; audit `info.subscriber.confirmed`.
    """
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if not confirmation_open(subscriber, now=now):
            raise links.LinkGone
        if subscriber.state != State.ACTIVE:
            record_consent(
                subscriber,
                purpose=Purpose.NEWSLETTER,
                action=Action.GIVEN,
                source=Source.FORM,
                at=now,
                version=subscriber.requested_wording or CURRENT_NEWSLETTER,
            )
            subscriber.state, subscriber.subscribed_at = State.ACTIVE, now
            subscriber.hard_bounces, subscriber.suspended_at = 0, None
        if subscriber.requested_advertising:
            _give_advertising(subscriber, source=Source.FORM, now=now)
        subscriber.requested_at, subscriber.requested_advertising = None, False
        subscriber.save()
        record_audit(
            action="info.subscriber.confirmed",
            actor=None,
            target=subscriber,
            after={"advertising": subscriber.advertising},
        )


def _give_advertising(subscriber: Subscriber, *, source, now, actor=None, note="") -> None:
    record_consent(
        subscriber,
        purpose=Purpose.ADVERTISING,
        action=Action.GIVEN,
        source=source,
        at=now,
        version=CURRENT_ADVERTISING,
        actor=actor,
        note=note,
    )
    subscriber.advertising, subscriber.advertising_confirmed_at = True, now
    subscriber.renewal_requested_at = subscriber.advertising_suspended_at = None


def _withdraw_advertising(subscriber: Subscriber, *, source, now, actor=None, edition_id=None, note="") -> None:
    record_consent(
        subscriber,
        purpose=Purpose.ADVERTISING,
        action=Action.WITHDRAWN,
        source=source,
        at=now,
        actor=actor,
        edition_id=edition_id,
        note=note,
    )
    subscriber.advertising = False
    subscriber.renewal_requested_at = subscriber.advertising_suspended_at = None


def my_subscription(user) -> Subscriber | None:
    if not user.email:
        return None
    return Subscriber.objects.filter(email=normalise_email(user.email)).first()


def set_own_subscription(*, user, newsletter: bool, advertising: bool, now=None) -> Subscriber:
    """My page: the signed-in user's own address subscribed or not, with or without advertising.

    Rule: the account has an e-mail address; advertising only with the newsletter.
    Side effects: the subscriber (linked to the account and its organisation); a consent row per change
    (source: member's own page, with the current wording); audit `info.subscriber.own_changed`.
    """
    if not user.email:
        raise ValidationError(_("Your account has no e-mail address to subscribe."))
    now = now or timezone.now()
    advertising = advertising and newsletter
    email = normalise_email(user.email)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is None:
            if not newsletter:
                return None
            subscriber = new_subscriber(email, now=now, name=user.name, language=settings.LANGUAGE_CODE)
        before = {"state": subscriber.state, "advertising": subscriber.receives_advertising}
        subscriber.user, subscriber.organisation_id = user, user.organisation_id
        if newsletter and subscriber.state != State.ACTIVE:
            record_consent(
                subscriber,
                purpose=Purpose.NEWSLETTER,
                action=Action.GIVEN,
                source=Source.MEMBER_PROFILE,
                at=now,
                version=CURRENT_NEWSLETTER,
                actor=user,
            )
            subscriber.state, subscriber.subscribed_at = State.ACTIVE, now
            subscriber.hard_bounces, subscriber.suspended_at, subscriber.requested_at = 0, None, None
        if advertising and not subscriber.receives_advertising:
            _give_advertising(subscriber, source=Source.MEMBER_PROFILE, now=now, actor=user)
        elif not advertising and subscriber.advertising:
            _withdraw_advertising(subscriber, source=Source.MEMBER_PROFILE, now=now, actor=user)
        if not newsletter and subscriber.state in (State.ACTIVE, State.PENDING, State.SUSPENDED):
            _withdraw_newsletter(subscriber, source=Source.MEMBER_PROFILE, now=now, actor=user)
        subscriber.save()
        after = {"state": subscriber.state, "advertising": subscriber.receives_advertising}
        if after != before:
            record_audit(
                action="info.subscriber.own_changed", actor=user, target=subscriber, before=before, after=after
            )
    return subscriber


def _withdraw_newsletter(subscriber: Subscriber, *, source, now, actor=None, edition_id=None, note="") -> None:
    was_active = subscriber.state in (State.ACTIVE, State.SUSPENDED)
    if subscriber.advertising:
        _withdraw_advertising(subscriber, source=source, now=now, actor=actor, edition_id=edition_id, note=note)
    if was_active:
        record_consent(
            subscriber,
            purpose=Purpose.NEWSLETTER,
            action=Action.WITHDRAWN,
            source=source,
            at=now,
            actor=actor,
            edition_id=edition_id,
            note=note,
        )
    subscriber.state = State.UNSUBSCRIBED
    subscriber.requested_at = None


def unsubscribe(
    *, subscriber: Subscriber, source=Source.EMAIL_LINK, actor=None, edition_id=None, note="", now=None
) -> bool:
    """Stop the newsletter to this address (one click in an e-mail, or staff on the person's request).

    Rule: idempotent: an address already unsubscribed writes nothing (returns False).
    Side effects: state unsubscribed; consent rows `withdrawn` (advertising, newsletter) with the edition
    whose link was used; audit `info.subscriber.unsubscribed`. Editions not yet sent to it are not sent.
    """
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.state == State.UNSUBSCRIBED:
            return False
        _withdraw_newsletter(subscriber, source=source, now=now, actor=actor, edition_id=edition_id, note=note)
        subscriber.save()
        record_audit(
            action="info.subscriber.unsubscribed",
            actor=actor,
            actor_label="" if actor else _("the subscriber (e-mail link)"),
            target=subscriber,
            after={"source": source, "edition": edition_id},
        )
    return True


def renew_advertising(*, subscriber: Subscriber, now=None) -> None:
    """The renewal link's button: consent to advertising confirmed again for two years.

    Rule: the address is subscribed (an unsubscribed one subscribes again through the form).
    Side effects: a consent row `renewed` (source: two-yearly renewal, current wording); advertising resumed;
    audit `info.subscriber.renewed`.
    """
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.state != State.ACTIVE:
            raise ValidationError(_("This address is not subscribed: subscribe again on the newsletter page."))
        record_consent(
            subscriber,
            purpose=Purpose.ADVERTISING,
            action=Action.RENEWED,
            source=Source.RENEWAL,
            at=now,
            version=CURRENT_ADVERTISING,
        )
        subscriber.advertising, subscriber.advertising_confirmed_at = True, now
        subscriber.renewal_requested_at = subscriber.advertising_suspended_at = None
        subscriber.save()
        record_audit(action="info.subscriber.renewed", actor=None, target=subscriber, after={"advertising": True})


def invite_contact(*, user, contact_id: int, now=None) -> str:
    """A member's representative asks one of their organisation's contacts to subscribe: the contact gets the
    same confirmation e-mail as the public form (double opt-in: only the contact's own confirmation consents).

    Rule: the contact belongs to the user's organisation and has an e-mail address (else ValidationError).
    Side effects: those of `request_subscription`. Returns the address invited.
    """
    contact = Contact.objects.filter(pk=contact_id, organisation_id=user.organisation_id).exclude(email="").first()
    if user.organisation_id is None or contact is None:
        raise ValidationError(_("This contact is not one of your organisation's."))
    request_subscription(email=contact.email, advertising=False, language=settings.LANGUAGE_CODE, now=now)
    return contact.email
