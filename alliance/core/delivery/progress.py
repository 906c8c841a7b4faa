"""How far a delivery has got, as staff see it on the page that ordered it."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Min, Q
from django.utils import timezone

from alliance.core.delivery.registry import mailing
from alliance.core.models import Delivery, DeliveryRecipient

CLAIM_LEASE = datetime.timedelta(minutes=10)
State = DeliveryRecipient.State


@dataclass(frozen=True)
class DeliveryProgress:
    delivery: Delivery
    total: int
    sent: int
    queued: int
    deferred: int
    failed: int
    withdrawn: int
    sending: bool  # a run holds a live claim on some of the rest
    waiting: bool  # queued for a run that has not started yet
    next_attempt_at: datetime.datetime | None
    failures: list[DeliveryRecipient]

    @property
    def label(self):
        return mailing(self.delivery.kind).label

    @property
    def pending(self) -> int:
        return self.queued + self.deferred

    @property
    def resumable(self) -> bool:
        """Some are left, nothing is sending them, and no run is about to start (or it waited past a lease)."""
        stale_wait = self.waiting and self.delivery.queued_at < timezone.now() - CLAIM_LEASE
        return self.pending > 0 and not self.sending and (not self.waiting or stale_wait)

    @property
    def status(self) -> str:
        """ "done", "sending", "waiting" (queued, not picked up yet), "deferred" (retried later) or "stopped"."""
        if not self.pending:
            return "done"
        if self.sending:
            return "sending"
        if self.waiting:
            return "waiting"
        return "deferred" if self.deferred else "stopped"


def delivery_progress(delivery: Delivery) -> DeliveryProgress:
    delivery.refresh_from_db(fields=["queued_at", "run_at"])
    rows = delivery.recipients.all()
    lease_start = timezone.now() - CLAIM_LEASE
    counts = rows.aggregate(
        total=Count("pk"),
        **{state.value: Count("pk", filter=Q(state=state)) for state in State},
        claimed=Count("pk", filter=Q(state__in=[State.QUEUED, State.DEFERRED], claimed_at__gte=lease_start)),
        next_attempt_at=Min("next_attempt_at", filter=Q(state=State.DEFERRED)),
    )
    waiting = delivery.queued_at is not None and (delivery.run_at is None or delivery.run_at < delivery.queued_at)
    return DeliveryProgress(
        delivery=delivery,
        total=counts["total"],
        sent=counts[State.SENT],
        queued=counts[State.QUEUED],
        deferred=counts[State.DEFERRED],
        failed=counts[State.FAILED],
        withdrawn=counts[State.WITHDRAWN],
        sending=counts["claimed"] > 0,
        waiting=waiting and counts[State.QUEUED] > 0,
        next_attempt_at=counts["next_attempt_at"],
        failures=list(rows.filter(state=State.FAILED).order_by("email")),
    )


def deliveries_of(target, kinds: tuple[str, ...] = ()) -> list[Delivery]:
    """The deliveries ordered about `target` (of the given mailings), newest first."""
    found = Delivery.objects.filter(target_type=ContentType.objects.get_for_model(target), target_id=target.pk)
    return list(found.filter(kind__in=kinds) if kinds else found)


def progress_of(target, kinds: tuple[str, ...] = ()) -> list[DeliveryProgress]:
    """The progress of every delivery about `target`, newest first: what the ordering page shows."""
    return [delivery_progress(delivery) for delivery in deliveries_of(target, kinds)]
