"""The staff review of a submission (census responses, map-survey answers, logos; next agency reports and
newsletter promotion requests). The rows are `alliance.core.models.ReviewedSubmission` subclasses.

Rules:
- The states and the only legal moves (`MOVES`): a pending submission is applied, rejected or returned with
  comments; a returned one comes back pending when it is submitted again; applied and rejected are final.
- A review locks the pending row first (`lock_pending`), so of two staff members deciding at once the second
  is refused ("already reviewed") instead of deciding twice.
- The decision records the reviewer, the time and the note on the row, and one audit entry (`record_review`)
  beside whatever the applying step records of its own effect, in the caller's transaction.
- The before/after view: `change_rows` turns `changes` into rows with field labels (never field keys) for
  the template partial `core/_review_changes.html`.
"""

from collections.abc import Callable, Mapping

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.audit import record_audit
from alliance.core.models import ReviewStatus

MOVES: dict[str, frozenset[str]] = {
    ReviewStatus.PENDING: frozenset({ReviewStatus.APPLIED, ReviewStatus.REJECTED, ReviewStatus.RETURNED}),
    ReviewStatus.RETURNED: frozenset({ReviewStatus.PENDING}),
    ReviewStatus.APPLIED: frozenset(),
    ReviewStatus.REJECTED: frozenset(),
}
DECISIONS = (ReviewStatus.APPLIED, ReviewStatus.REJECTED, ReviewStatus.RETURNED)
ALREADY_REVIEWED = _("This submission has already been reviewed.")


def may_move(current: str, new: str) -> bool:
    return new in MOVES.get(current, ())


def lock_pending(queryset: QuerySet, pk, *, message=ALREADY_REVIEWED):
    """The submission, locked for the rest of the transaction; ValidationError (code "already_reviewed")
    unless it is still pending."""
    submission = queryset.select_for_update().get(pk=pk)
    if submission.status != ReviewStatus.PENDING:
        raise ValidationError(message, code="already_reviewed")
    return submission


def record_review(
    submission,
    *,
    actor,
    status: str,
    action: str,
    note: str = "",
    target=None,
    before: Mapping | None = None,
    after: Mapping | None = None,
) -> None:
    """Record a decision on a locked submission: status, reviewer (None for an anonymous actor), time and
    note on the row; one audit entry `action` on `target` (default: the submission) saying the status moved
    (and the note, when there is one), with `before` and `after` added.

    Raises ValueError for a move `MOVES` does not allow (a program error: `lock_pending` comes first).
    """
    if status not in DECISIONS or not may_move(submission.status, status):
        raise ValueError(f"illegal review move {submission.status} → {status}")
    recorded_before = {"status": str(submission.status)}
    note = note.strip()[:300]
    if note:
        recorded_before["review_note"] = submission.review_note
    recorded_before |= dict(before or {})
    submission.status = status
    submission.review_note = note
    submission.reviewed_by = actor if getattr(actor, "is_authenticated", False) else None
    submission.reviewed_at = timezone.now()
    submission.save(update_fields=["status", "review_note", "reviewed_by", "reviewed_at"])
    recorded = {"status": str(status)} | ({"review_note": note} if note else {}) | dict(after or {})
    record_audit(action=action, actor=actor, target=target or submission, before=recorded_before, after=recorded)


def change_rows(
    changes: Mapping,
    *,
    labels: Mapping[str, str],
    display: Callable[[str, object], str] = lambda name, value: "" if value is None else str(value),
    current: Mapping | None = None,
) -> list[dict]:
    """The rows of the before/after view, in the order of `labels`: label, before, after, and with
    `current` the value now and `moved` when someone else changed it since the submission."""
    rows = []
    for name, label in labels.items():
        if name not in changes:
            continue
        change = changes[name]
        row = {"label": label, "before": display(name, change["before"]), "after": display(name, change["after"])}
        if current is not None:
            row["current"] = display(name, current.get(name))
            row["moved"] = current.get(name) != change["before"]
        rows.append(row)
    return rows


def resubmit(submission, *, changes: Mapping) -> None:
    """A submission returned with comments comes back pending with its new changes (the caller holds the lock).

    Raises ValueError for any other state: an applied or rejected submission is final, a pending one is
    replaced by the app's own rule (a second census answer replaces the pending one).
    """
    if not may_move(submission.status, ReviewStatus.PENDING):
        raise ValueError(f"illegal review move {submission.status} → pending")
    submission.status = ReviewStatus.PENDING
    submission.changes = dict(changes)
    submission.save(update_fields=["status", "changes"])


def submit_through_link(invitation, model, *, changes: Mapping, now, **fields):
    """An answer through a personal link (census, map survey): it replaces the invitation's pending answer;
    with no changes it counts as applied at once (a confirmation). The invitation is marked answered.
    `model` is the ReviewedSubmission subclass whose rows point to the invitation as `invitation`, with the
    reverse name `responses`. The caller holds the invitation's lock and records the audit entry."""
    invitation.responses.filter(status=ReviewStatus.PENDING).delete()
    response = model.objects.create(
        invitation=invitation,
        changes=dict(changes),
        status=ReviewStatus.PENDING if changes else ReviewStatus.APPLIED,
        reviewed_at=None if changes else now,
        **fields,
    )
    invitation.responded_at = now
    invitation.save(update_fields=["responded_at"])
    return response
