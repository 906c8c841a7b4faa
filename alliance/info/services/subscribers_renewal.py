"""The two-yearly renewal of the consent to advertising (정보통신망법 §50(8)), run by the periodic job
`info_consent_renewal` (alliance/info/jobs.py).

Rules (settings NEWSLETTER_CONSENT_RENEWAL, _DAYS, NEWSLETTER_RENEWAL_GRACE_DAYS):
- An active subscriber whose consent to advertising was last confirmed NEWSLETTER_CONSENT_RENEWAL_DAYS ago or
  more, and who has not been asked yet, is e-mailed a renewal request with their personal link (bulk delivery,
  mailing RENEWAL_MAILING; one request per confirmation: `renewal_requested_at` is set when it is ordered).
- One who has not renewed NEWSLETTER_RENEWAL_GRACE_DAYS after the request gets no more advertising: a consent row
  `lapsed` and `advertising_suspended_at`. The newsletter without advertising continues; renewing later resumes it.
- With NEWSLETTER_CONSENT_RENEWAL off, nothing is asked or suspended.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from alliance.core.audit import record_audit
from alliance.core.delivery.ordering import Addressee, order_delivery
from alliance.core.mail import render_message
from alliance.core.models import ScheduledJob
from alliance.info.models import Consent, Subscriber
from alliance.info.services.subscribers import record_consent, subscriber_link

RENEWAL_MAILING = "info.consent_renewal"
RENEWAL_JOB = "info_consent_renewal"
RENEWAL_PREFIX = "info/subscribers/email/renewal"


def _advertising_current():
    return Subscriber.objects.filter(
        state=Subscriber.State.ACTIVE, advertising=True, advertising_suspended_at__isnull=True
    )


def due_for_renewal(now: datetime.datetime):
    confirmed_before = now - datetime.timedelta(days=settings.NEWSLETTER_CONSENT_RENEWAL_DAYS)
    return _advertising_current().filter(
        renewal_requested_at__isnull=True, advertising_confirmed_at__lte=confirmed_before
    )


def due_for_suspension(now: datetime.datetime):
    asked_before = now - datetime.timedelta(days=settings.NEWSLETTER_RENEWAL_GRACE_DAYS)
    return _advertising_current().filter(renewal_requested_at__lte=asked_before)


def request_renewals(*, now=None) -> int:
    """E-mail a renewal request to everyone due; returns how many.

    Side effects: `renewal_requested_at`; a delivery of RENEWAL_MAILING (about the job's row) with its audit entry.
    """
    now = now or timezone.now()
    if not settings.NEWSLETTER_CONSENT_RENEWAL:
        return 0
    with transaction.atomic():
        due = list(due_for_renewal(now).select_for_update().order_by("pk"))
        if not due:
            return 0
        Subscriber.objects.filter(pk__in=[subscriber.pk for subscriber in due]).update(renewal_requested_at=now)
        job, _created = ScheduledJob.objects.get_or_create(name=RENEWAL_JOB, defaults={"next_run_at": now})
        order_delivery(
            actor=None,
            kind=RENEWAL_MAILING,
            target=job,
            addressees=[Addressee(email=s.email, language=s.language, object_id=s.pk) for s in due],
        )
    return len(due)


def suspend_unrenewed(*, now=None) -> int:
    """Stop advertising to those who did not renew within the grace period; returns how many.

    Side effects: a consent row `lapsed` each; `advertising_suspended_at`; audit `info.subscriber.renewal_lapsed`.
    """
    now = now or timezone.now()
    if not settings.NEWSLETTER_CONSENT_RENEWAL:
        return 0
    with transaction.atomic():
        lapsed = list(due_for_suspension(now).select_for_update().order_by("pk"))
        for subscriber in lapsed:
            record_consent(
                subscriber,
                purpose=Consent.Purpose.ADVERTISING,
                action=Consent.Action.LAPSED,
                source=Consent.Source.RENEWAL,
                at=now,
            )
            Subscriber.objects.filter(pk=subscriber.pk).update(advertising_suspended_at=now)
            record_audit(action="info.subscriber.renewal_lapsed", target=subscriber, after={"advertising": False})
    return len(lapsed)


def consent_renewal_job() -> str:
    requested, suspended = request_renewals(), suspend_unrenewed()
    return f"{requested} renewal requests, {suspended} advertising suspended"


def build_renewal_email(recipient, shared):
    """The renewal request of one subscriber (None once renewed, unsubscribed or no longer consenting)."""
    subscriber = Subscriber.objects.filter(pk=recipient.object_id).first()
    if subscriber is None or subscriber.renewal_requested_at is None or not subscriber.receives_advertising:
        return None
    context = {
        "renew_url": subscriber_link("info:subscription_renew", subscriber),
        "unsubscribe_url": subscriber_link("info:subscription_link", subscriber),
        "confirmed_at": subscriber.advertising_confirmed_at,
        "grace_days": settings.NEWSLETTER_RENEWAL_GRACE_DAYS,
        "sender_name": settings.NEWSLETTER_SENDER_NAME,
    }
    return render_message(
        RENEWAL_PREFIX,
        context,
        to=[recipient.email],
        language=recipient.language,
        unsubscribe_url=context["unsubscribe_url"],
    )
