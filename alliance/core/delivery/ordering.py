"""Ordering a delivery, and sending it to the rest. The rules of every bulk e-mail:

- The recipients are fixed when the sending is ordered: one DeliveryRecipient row each (address, language,
  the per-recipient object the e-mail is built from). Nobody sees the others' addresses.
- A worker sends the rows in batches over one SMTP connection (`sending.send_delivery`). Each row is
  marked sent as soon as the mail server accepts its e-mail; a permanent refusal (5xx) marks it failed with
  the server's answer and it is not tried again; a temporary failure (4xx, a dropped connection, a server
  that does not answer) marks it deferred with its next attempt after a back-off, and it is retried then
  (by a task queued to run then where the task backend can defer, else by `manage.py deliver_pending`).
- A run claims its batch first (a token and a time on the rows, renewed per e-mail); a claim is held for
  CLAIM_LEASE, so two workers never send the same e-mail and a crashed run's rows are free again after it.
- Staff see the progress on the page that ordered the delivery and may send to the rest (deferred rows at
  once), with the permission of that page (declared in the mailing's registration).
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.delivery.progress import CLAIM_LEASE, delivery_progress
from alliance.core.delivery.registry import mailing
from alliance.core.models import Delivery, DeliveryRecipient
from alliance.core.tasks import enqueue_on_commit, send_delivery


@dataclass(frozen=True)
class Addressee:
    """One recipient as the ordering service fixes it."""

    email: str
    language: str = ""
    object_id: int | None = None


def order_delivery(*, actor, kind: str, target, addressees, parameters: dict | None = None) -> Delivery:
    """Fix the recipients of one sending of mailing `kind` about `target`, and queue its sending.

    Rule: `kind` is a registered mailing. Addresses are kept as given (the caller removes duplicates).
    Side effects: the Delivery and one row per addressee; audit `core.delivery.ordered` on `target` with the
    mailing and the count; after the commit, the task `send_delivery`.
    """
    mailing(kind)  # a kind nobody registered cannot be sent: fail now, not in the worker
    now = timezone.now()
    with transaction.atomic():
        delivery = Delivery.objects.create(
            kind=kind,
            target_type=ContentType.objects.get_for_model(target),
            target_id=target.pk,
            parameters=parameters or {},
            ordered_by=actor if getattr(actor, "is_authenticated", False) else None,
            ordered_at=now,
            queued_at=now,
        )
        rows = [
            DeliveryRecipient(delivery=delivery, email=a.email, language=a.language, object_id=a.object_id)
            for a in addressees
        ]
        DeliveryRecipient.objects.bulk_create(rows, batch_size=1000)
        record_audit(
            action="core.delivery.ordered",
            actor=actor,
            target=target,
            after={"mailing": kind, "delivery": delivery.pk, "recipients": len(rows)},
        )
        enqueue_on_commit(send_delivery, delivery_id=delivery.pk)
    return delivery


def withdraw_pending(*, kind: str, target, object_ids) -> int:
    """Withdraw the rows of earlier deliveries of `kind` about `target` for these per-recipient objects that
    no run has sent or holds now: a newer e-mail (a reminder) replaces them. Returns how many."""
    lease_start = timezone.now() - CLAIM_LEASE
    rows = DeliveryRecipient.objects.filter(
        delivery__kind=kind,
        delivery__target_type=ContentType.objects.get_for_model(target),
        delivery__target_id=target.pk,
        object_id__in=list(object_ids),
        state__in=[DeliveryRecipient.State.QUEUED, DeliveryRecipient.State.DEFERRED],
    ).exclude(claimed_at__gte=lease_start)
    return rows.update(state=DeliveryRecipient.State.WITHDRAWN, next_attempt_at=None)


def resume_delivery(*, actor, delivery: Delivery) -> int:
    """Send a delivery to the rest: the recipients neither reached nor refused, deferred ones at once.

    Rule: only while some are left and no run is sending or about to start.
    Side effects: deferred rows due now; `queued_at`; audit `core.delivery.resumed` on the delivery's target
    with the number left; after the commit, the task `send_delivery`. Returns the number left.
    """
    progress = delivery_progress(delivery)
    if not progress.resumable:
        raise ValidationError(_("There is nobody left to send this e-mail to, or it is being sent now."))
    now = timezone.now()
    with transaction.atomic():
        delivery.recipients.filter(state=DeliveryRecipient.State.DEFERRED).update(next_attempt_at=now)
        Delivery.objects.filter(pk=delivery.pk).update(queued_at=now)
        record_audit(
            action="core.delivery.resumed",
            actor=actor,
            target=delivery.target_type.get_object_for_this_type(pk=delivery.target_id),
            after={"mailing": delivery.kind, "delivery": delivery.pk, "pending": progress.pending},
        )
        enqueue_on_commit(send_delivery, delivery_id=delivery.pk)
    return progress.pending
