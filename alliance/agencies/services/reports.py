"""Quarterly activity reports: the liaison writes and submits; staff return them with comments or accept them
(the reviewed-submission shape of alliance/core/review.py); staff set each quarter's deadline.

States: draft (pending, never submitted) → submitted (pending) → returned (with comments) → submitted again
→ accepted (applied, final). Only these moves; each one is recorded in the audit log.
"""

import datetime
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.agencies import queries, tasks
from alliance.agencies.models import Agency, PlanItem, QuarterDeadline, QuarterlyReport, ReportEntry, ReportFile
from alliance.agencies.uploads import check_report_file
from alliance.core import review
from alliance.core.audit import record_audit
from alliance.core.models import ReviewStatus
from alliance.core.tasks import enqueue_on_commit
from alliance.core.versions import StaleEditError, bump_version

ENTRY_FIELDS = ("text", "started_on", "ended_on", "figures")
NOT_EDITABLE = _("This report has been submitted; it can be changed again only if the secretariat returns it.")
ACCEPT, RETURN = "accept", "return"


def report_of(agency: Agency, year: int, quarter: int) -> QuarterlyReport | None:
    return QuarterlyReport.objects.filter(agency=agency, year=year, quarter=quarter).first()


def _locked_report(agency: Agency, year: int, quarter: int) -> QuarterlyReport:
    report, _created = QuarterlyReport.objects.select_for_update().get_or_create(
        agency=agency, year=year, quarter=quarter
    )
    if not report.editable:
        raise ValidationError(NOT_EDITABLE, code="not_editable")
    return report


def _plan_item(agency: Agency, year: int, item_id) -> PlanItem:
    item = PlanItem.objects.filter(pk=item_id, plan__agency=agency, plan__year=year).first()
    if item is None:
        raise ValidationError(_("This item is not in the agency's plan for %(year)s.") % {"year": year})
    return item


def save_report(
    *, actor, agency: Agency, year: int, quarter: int, entries: dict, expected_versions: dict | None = None
) -> QuarterlyReport:
    """Save what was done per plan item: `entries` is {plan item id: {text, started_on, ended_on, figures}}.

    Rule: the report is a draft or was returned; the items belong to the agency's plan of that year; an entry
    whose end comes before its start is refused. Nothing is written when one entry is refused, nor when an
    entry was saved by someone else since the version its form showed (`expected_versions`: {plan item id:
    version}; an agency has several liaisons): core.versions.StaleEditError, whose `items` is {plan item id:
    the entry's version now} for every such entry.
    Side effects: the report row (first save) and its entries, each saved entry's version moved on; audit
    `agencies.report.saved`.
    """
    expected_versions = expected_versions or {}
    with transaction.atomic():
        report = _locked_report(agency, year, quarter)
        stored = {
            entry.plan_item_id: entry
            for entry in ReportEntry.objects.select_for_update().filter(report=report, plan_item__in=list(entries))
        }
        stale = {
            item_id: stored[item_id].version if item_id in stored else 0
            for item_id in entries
            if expected_versions.get(item_id) is not None
            and expected_versions[item_id] != (stored[item_id].version if item_id in stored else 0)
        }
        if stale:
            error = StaleEditError(current_version=0)
            error.items = stale
            raise error
        saved = 0
        for item_id, values in entries.items():
            item = _plan_item(agency, year, item_id)
            started, ended = values.get("started_on"), values.get("ended_on")
            if started and ended and ended < started:
                raise ValidationError(
                    _("%(item)s: the end date comes before the start date.") % {"item": item.text[:40]}
                )
            entry = stored.get(item_id) or ReportEntry(report=report, plan_item=item)
            for name in ENTRY_FIELDS:
                setattr(entry, name, values.get(name) or _empty(name))
            if entry.pk is None:
                entry.version = 1  # a form that showed no entry yet (version 0) is now stale
            else:
                bump_version(entry)
            entry.save()
            saved += 1
        record_audit(action="agencies.report.saved", actor=actor, target=report, after={"entries": saved})
    return report


def _empty(name: str):
    return None if name.endswith("_on") else ""


def add_report_file(*, actor, agency: Agency, year: int, quarter: int, item_id, upload) -> ReportFile:
    """Rule: a photo (JPG, PNG) or document (PDF, HWP, HWPX, PPTX, DOCX) whose content matches its name, on an
    editable report, for an item of the plan. Side effects: the stored file, the entry if new; audit
    `agencies.report.file_added`."""
    kind = check_report_file(upload)
    with transaction.atomic():
        report = _locked_report(agency, year, quarter)
        entry, _created = ReportEntry.objects.get_or_create(report=report, plan_item=_plan_item(agency, year, item_id))
        name = PurePath(upload.name).name[:200]
        stored = ReportFile(entry=entry, kind=kind, original_name=name, uploaded_by=actor)
        stored.file.save(name, upload, save=False)
        stored.save()
        record_audit(action="agencies.report.file_added", actor=actor, target=report, after={"file": name})
    return stored


def remove_report_file(*, actor, file: ReportFile) -> None:
    """Rule: only while the report is editable. Side effects: the row and the stored file; audit."""
    with transaction.atomic():
        report = QuarterlyReport.objects.select_for_update().get(pk=file.entry.report_id)
        if not report.editable:
            raise ValidationError(NOT_EDITABLE, code="not_editable")
        name = file.original_name
        file.file.delete(save=False)
        file.delete()
        record_audit(action="agencies.report.file_removed", actor=actor, target=report, before={"file": name})


def submit_report(*, actor, report: QuarterlyReport) -> QuarterlyReport:
    """Rule: a draft or a returned report with at least one entry describing what was done.
    Side effects: submitted time (and the first one, which decides lateness), status pending (a returned
    report comes back through `core.review.resubmit`); audit `agencies.report.submitted`."""
    with transaction.atomic():
        report = QuarterlyReport.objects.select_for_update().get(pk=report.pk)
        if not report.editable:
            raise ValidationError(NOT_EDITABLE, code="not_editable")
        if not report.entries.exclude(text="").exists():
            raise ValidationError(
                _("Describe what was done for at least one plan item before submitting."), code="empty"
            )
        before = {"status": "returned" if report.status == ReviewStatus.RETURNED else "draft"}
        if report.status == ReviewStatus.RETURNED:
            review.resubmit(report, changes={})
        now = timezone.now()
        report.submitted_at, report.submitted_by = now, actor
        report.first_submitted_at = report.first_submitted_at or now
        report.save(update_fields=["submitted_at", "submitted_by", "first_submitted_at"])
        record_audit(
            action="agencies.report.submitted", actor=actor, target=report, before=before, after={"status": "submitted"}
        )
    return report


def review_report(*, actor, report: QuarterlyReport, decision: str, note: str = "") -> QuarterlyReport:
    """Staff accept a submitted report or return it with comments.

    Rule: only a report awaiting review (submitted, pending); returning needs a comment saying what to fix;
    of two staff deciding at once the second is refused.
    Side effects: status, reviewer, time, note; audit `agencies.report.accepted` / `agencies.report.returned`;
    after the commit, the e-mail to the agency's liaisons (task `send_review_email`).
    """
    if decision not in (ACCEPT, RETURN):
        raise ValidationError(_("Choose to accept or return the report."), code="decision")
    if decision == RETURN and not note.strip():
        raise ValidationError(_("Say what the agency should change when you return a report."), code="note")
    with transaction.atomic():
        submitted = QuarterlyReport.objects.filter(submitted_at__isnull=False)
        if not submitted.filter(pk=report.pk).exists():
            raise ValidationError(_("This report has not been submitted."), code="not_submitted")
        locked = review.lock_pending(submitted, report.pk)
        status = ReviewStatus.APPLIED if decision == ACCEPT else ReviewStatus.RETURNED
        action = "agencies.report.accepted" if decision == ACCEPT else "agencies.report.returned"
        review.record_review(locked, actor=actor, status=status, action=action, note=note)
        enqueue_on_commit(tasks.send_review_email, report_id=locked.pk)
    return locked


def set_deadlines(*, actor, year: int, dates: dict, expected_version: int | None = None) -> list[QuarterDeadline]:
    """The year's deadlines form: `dates` is {quarter: date}; each changed one is set by `set_deadline`.

    Rule: refused with core.versions.StaleEditError, nothing written, when a deadline of the year was changed
    since `expected_version` (the form's: queries.deadlines_version, the sum of the year's rows' versions).
    Side effects: those of `set_deadline`, per changed quarter.
    """
    with transaction.atomic():
        rows = list(QuarterDeadline.objects.select_for_update().filter(year=year))
        current = sum(row.version for row in rows)
        if expected_version is not None and expected_version != current:
            raise StaleEditError(current_version=current)
        shown = queries.deadlines(year)
        return [
            set_deadline(actor=actor, year=year, quarter=quarter, due_on=due_on)
            for quarter, due_on in sorted(dates.items())
            if shown[quarter] != due_on
        ]


def set_deadline(*, actor, year: int, quarter: int, due_on: datetime.date) -> QuarterDeadline:
    """Rule: a quarter's deadline falls after the quarter's first day. Side effects: the deadline row (a
    changed date sends its reminders again); audit `agencies.deadline.set`."""
    if due_on <= datetime.date(year, 3 * quarter - 2, 1):
        raise ValidationError(
            _("Q%(quarter)s: the deadline must come after the quarter starts.") % {"quarter": quarter}
        )
    with transaction.atomic():
        row = QuarterDeadline.objects.select_for_update().filter(year=year, quarter=quarter).first()
        before = {"due_on": row.due_on.isoformat()} if row else {}
        if row is None:
            row = QuarterDeadline(year=year, quarter=quarter, due_on=due_on, version=1)
        if row.due_on != due_on:
            row.reminded_days_before = None
            row.version += 1  # the year's deadline form shows the date (queries.deadlines_version)
        row.due_on = due_on
        row.save()
        record_audit(
            action="agencies.deadline.set", actor=actor, target=row, before=before, after={"due_on": due_on.isoformat()}
        )
    return row
