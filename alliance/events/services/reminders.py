"""Reminders the day before an event.

Rule: on the day before a published event, every confirmed registration with an e-mail that has not been
reminded gets one reminder (with the .ics and the QR ticket); running again the same day sends nothing more.
Side effects: `reminded_at` set, one audit entry per event reminded, one e-mail per person after the commit.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from alliance.core.audit import record_audit
from alliance.core.tasks import enqueue_on_commit
from alliance.events.models import Event, Registration
from alliance.events.tasks import send_ticket_email


def send_due_reminders(*, as_of: datetime.date, now: datetime.datetime | None = None) -> int:
    """Remind everyone confirmed for the published events of the day after `as_of`; returns how many."""
    now = now or timezone.now()
    total = 0
    for event in Event.objects.filter(published=True, date=as_of + datetime.timedelta(days=1)):
        with transaction.atomic():
            due = list(
                Registration.objects.select_for_update()
                .filter(event=event, status=Registration.Status.CONFIRMED, reminded_at__isnull=True)
                .exclude(email="")
                .values_list("pk", flat=True)
            )
            if not due:
                continue
            Registration.objects.filter(pk__in=due).update(reminded_at=now)
            record_audit(action="events.reminders.sent", target=event, after={"reminded": len(due)})
            for pk in due:
                enqueue_on_commit(send_ticket_email, registration_id=pk, kind="reminder")
        total += len(due)
    return total
