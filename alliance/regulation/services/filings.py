"""A member company's platform-operator filings and their review by the delegated agency."""

import secrets
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.models import ReviewStatus
from alliance.core.review import lock_pending, record_review, resubmit
from alliance.core.tasks import enqueue_on_commit
from alliance.core.versions import bump_version, check_version
from alliance.programs.uploads import check_attachment
from alliance.regulation.filing_states import EDIT, RECEIVE, RETURN, SUBMIT, next_state
from alliance.regulation.models import Filing, FilingKind, FilingNumber
from alliance.regulation.tasks import send_review_email

FIELDS = (
    "kind", "platform_name", "address", "description", "platform_type", "revenue_year", "revenue_won",
    "contact_name", "contact_email", "contact_phone",
)  # fmt: skip


class IllegalMoveError(ValidationError):
    pass


def _require(filing: Filing, action: str) -> str:
    target = next_state(filing.state, action)
    if target is None:
        raise IllegalMoveError(
            _("A filing that is “%(state)s” cannot be changed this way.") % {"state": filing.get_state_display()},
            code="illegal_move",
        )
    return target


def changeable_filings(organisation_id: int):
    """The company's received filings that a change or cancellation may refer to (not cancellations)."""
    return Filing.objects.filter(
        organisation_id=organisation_id, status=ReviewStatus.APPLIED, kind__in=(FilingKind.NEW, FilingKind.CHANGE)
    ).order_by("-reviewed_at")


@transaction.atomic
def save_filing(
    *, actor, organisation, data: dict, changes_filing=None, evidence=None, filing=None, expected_version=None
) -> Filing:
    """Write a draft (or the company's corrections to a returned filing).

    Rule: only a draft or returned filing is edited, by its own company; a change or cancellation refers to one
    of the company's received new or change filings, a new filing to none; the evidence file is a PDF, HWP(X),
    DOCX or PPTX checked by name and content. A revenue below 1억원 is allowed (the page says filing is not
    required). With `expected_version` (the form's), a save after another representative's is refused
    (core.versions.StaleEditError). Side effects: one audit entry; the version moves on.
    """
    if filing is not None:
        filing = Filing.objects.select_for_update().get(pk=filing.pk)
        check_version(filing, expected_version)
        if filing.organisation_id != organisation.pk:
            raise ValidationError(_("This filing belongs to another company."))
        _require(filing, EDIT)
    else:
        filing = Filing(organisation=organisation)
    kind = data["kind"]
    if kind == FilingKind.NEW:
        changes_filing = None
    elif changes_filing is None or not changeable_filings(organisation.pk).filter(pk=changes_filing.pk).exists():
        raise ValidationError(_("Choose the received filing this change or cancellation refers to."))
    for field in FIELDS:
        setattr(filing, field, data[field])
    filing.changes_filing = changes_filing
    if evidence is not None:
        check_attachment(evidence)
        filing.evidence_name = PurePath(evidence.name).name[:200]
        filing.evidence.save(f"evidence.{PurePath(evidence.name).suffix.lstrip('.').lower()}", evidence, save=False)
    created = filing.pk is None
    bump_version(filing)
    filing.save()
    record_audit(
        action="regulation.filing.created" if created else "regulation.filing.saved",
        actor=actor,
        target=filing,
        after={"platform_name": filing.platform_name, "kind": filing.kind},
    )
    return filing


@transaction.atomic
def submit_filing(*, actor, filing: Filing) -> Filing:
    """Submit a draft or a returned filing for the agency's review. Rule: only from those two states.
    Side effects: one audit entry."""
    filing = Filing.objects.select_for_update().get(pk=filing.pk)
    _require(filing, SUBMIT)
    if filing.status == ReviewStatus.RETURNED:
        resubmit(filing, changes={})
    filing.submitted_at = timezone.now()
    filing.submitted_by = actor
    filing.save(update_fields=["submitted_at", "submitted_by"])
    record_audit(action="regulation.filing.submitted", actor=actor, target=filing, after={"status": "submitted"})
    return filing


def _next_number(year: int) -> int:
    """The year's next receipt number: the counter row is locked until the transaction ends."""
    FilingNumber.objects.get_or_create(year=year)
    counter = FilingNumber.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


@transaction.atomic
def review_filing(*, actor, filing_id: int, receive: bool, note: str = "") -> Filing:
    """The delegated agency's decision on a submitted filing: received (numbered in the year, a public check
    token) or returned with comments (required).

    Rule: only a submitted filing, decided once (core.review.lock_pending refuses the second of two reviewers).
    Side effects: the audit entry of core.review.record_review; the contact's e-mail queued after commit.
    """
    filing = lock_pending(Filing.objects.all(), filing_id)
    _require(filing, RECEIVE if receive else RETURN)
    if not receive and not note.strip():
        raise ValidationError(_("Write what the company should correct."))
    if receive:
        year = timezone.localdate().year
        filing.year, filing.number = year, _next_number(year)
        filing.check_token = secrets.token_urlsafe(24)
        filing.save(update_fields=["year", "number", "check_token"])
    record_review(
        filing,
        actor=actor,
        status=ReviewStatus.APPLIED if receive else ReviewStatus.RETURNED,
        action="regulation.filing.received" if receive else "regulation.filing.returned",
        note=note,
        after={"number": filing.receipt_number} if receive else None,
    )
    enqueue_on_commit(send_review_email, filing_id=filing.pk)
    return filing
