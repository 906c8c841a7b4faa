"""Importing the member registry from the secretariat's spreadsheet (XLSX or CSV).

Rules (issue 2):
- Every row is validated before anything is written. By default an import with any invalid row writes
  nothing; with `skip_invalid` the valid rows are imported and the rejected ones reported.
- Rows are matched to existing organisations on the 사업자등록번호, else on the normalised name
  (`company_name_key`): re-importing the same file changes nothing. Two rows of one file naming the
  same company (same number or same normalised name) are both rejected, each naming the other.
- All writes happen in one transaction, with one `members.org.imported` audit entry per created or
  updated organisation and one `members.import.finished` entry for the import.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from alliance.core.audit import changed, record_audit, snapshot
from alliance.core.korean import company_name_key, format_business_number, legacy_name_keys
from alliance.core.workers import hold_task_claim
from alliance.members.models import Organisation
from alliance.members.queries import vocabulary_split
from alliance.members.services.importing_read import ImportFileError, Sheet, read_sheet
from alliance.members.services.importing_rows import Problem, RowData, validate_row
from alliance.members.services.importing_write import Plan, Update, chunked, write_plan
from alliance.members.services.registry import AUDITED_FIELDS, _prepare
from alliance.members.services.vocabulary import propose_fields

# About twenty progress readings per stage, at least every 500 rows.
PROGRESS_STEPS = 20
PROGRESS_EVERY = 500
# Progress callbacks receive (stage, rows processed, rows in total); stage is "validating" or "writing".
# Each stage starts with a reading of 0 rows outside the write transaction; the "writing" readings that
# follow come from inside it, so a callback must not expect the database to show them before the end.
Progress = Callable[[str, int, int], None]


def progress_step(total: int) -> int:
    """Rows between two progress readings of a stage of `total` rows."""
    return max(1, min(PROGRESS_EVERY, -(-total // PROGRESS_STEPS)))


@dataclass
class ImportResult:
    file_name: str
    total_rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    rejected_rows: list[tuple[tuple, list[str]]] = field(default_factory=list)  # (cells, messages)
    written: bool = False
    dry_run: bool = False
    notes: list[str] = field(default_factory=list)  # what was read differently from the file, not an error

    @property
    def rejected(self) -> int:
        return len(self.rejected_rows)

    def summary(self) -> dict:
        return {
            "file": self.file_name,
            "dry_run": self.dry_run,
            "written": self.written,
            "rows": self.total_rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "problems": [problem.as_dict() for problem in self.problems],
            "notes": self.notes,
        }


def import_members(
    *,
    path: Path | str,
    actor=None,
    actor_label: str = "",
    dry_run: bool = False,
    skip_invalid: bool = False,
    file_name: str = "",
    progress: Progress | None = None,
) -> ImportResult:
    """Validate every row of the file, then create and update organisations in one transaction.

    Raises ImportFileError when the file as a whole is unusable (empty, too large, not a spreadsheet,
    wrong or missing columns). Writes nothing when `dry_run`, or when a row is invalid and not
    `skip_invalid`. Side effects: organisations, their business fields and search index rows; audit
    entries `members.org.imported` (one per created or updated organisation) and `members.import.finished`.
    """
    path = Path(path)
    result = ImportResult(file_name=file_name or path.name, dry_run=dry_run)
    sheet = read_sheet(path)
    result.headers = sheet.headers
    if sheet.ignored:
        result.notes.append(
            _("These columns are not part of the member list and were ignored: %(columns)s.")
            % {"columns": ", ".join(f"'{name}'" for name in sheet.ignored)}
        )
    result.total_rows = len(sheet.rows)
    valid = _validate(sheet, result, progress)
    valid = _reject_duplicates(valid, result)
    plan = _match(valid, result)
    result.created, result.updated, result.unchanged = len(plan.creates), len(plan.updates), plan.unchanged
    result.problems.sort(key=lambda problem: problem.row or 0)
    if dry_run or (result.problems and not skip_invalid):
        if result.problems and not skip_invalid:
            result.created = result.updated = result.unchanged = 0
        return result
    total = len(plan.creates) + len(plan.updates)
    if progress:
        progress("writing", 0, total)
    try:
        with transaction.atomic():
            hold_task_claim()  # on a worker: written once even if the task is handed to another (core/workers.py)
            write_plan(
                plan=plan,
                actor=actor,
                actor_label=actor_label,
                progress=(lambda done: progress("writing", done, total)) if progress else None,
                batch_size=progress_step(total) if progress else None,
            )
            _propose_fields(plan, actor, actor_label)
            # The entry commits with the rows it describes, so it can say they were written.
            result.written = True
            record_audit(
                action="members.import.finished",
                actor=actor,
                actor_label=actor_label,
                target=None,
                after={"file": result.file_name}
                | {k: v for k, v in result.summary().items() if k != "problems" and (k != "notes" or v)},
            )
    except IntegrityError as error:
        result.written = False
        raise ImportFileError(
            _("The registry changed while the file was being imported, so nothing was written. Import it again.")
        ) from error
    return result


def _validate(sheet: Sheet, result: ImportResult, progress: Progress | None) -> list[RowData]:
    valid = []
    total = len(sheet.rows)
    step = progress_step(total)
    if progress:
        progress("validating", 0, total)
    for count, (number, cells) in enumerate(sheet.rows, start=1):
        row, problems = validate_row(number, cells, sheet.values(cells))
        if row is None:
            _reject(result, cells, problems)
        else:
            valid.append(row)
        if progress and (count % step == 0 or count == total):
            progress("validating", count, total)
    return valid


def _reject(result: ImportResult, cells: tuple, problems: list[Problem]) -> None:
    result.problems.extend(problems)
    result.rejected_rows.append((cells, [problem.message for problem in problems]))


def _reject_duplicates(rows: list[RowData], result: ImportResult) -> list[RowData]:
    """Rows that share a 사업자등록번호 or a normalised name with another row are all rejected."""
    groups: dict[tuple[str, str], list[RowData]] = defaultdict(list)
    for row in rows:
        groups[("회사명", row.name_key)].append(row)
        if row.business_number:
            groups[("사업자등록번호", row.business_number)].append(row)
    problems: dict[int, list[Problem]] = defaultdict(list)
    for (column, _value), members in groups.items():
        if len(members) < 2:
            continue
        numbers = ", ".join(str(member.row) for member in members)
        if column == "회사명":
            message = _("Rows %(rows)s name the same company.") % {"rows": numbers}
        else:
            message = _("Rows %(rows)s have the same business registration number.") % {"rows": numbers}
        for member in members:
            problems[member.row].append(Problem(member.row, column, message))
    kept = []
    for row in rows:
        if row.row in problems:
            _reject(result, row.cells, problems[row.row])
        else:
            kept.append(row)
    return kept


def _load(rows: list[RowData]) -> tuple[dict[str, Organisation], dict[str, Organisation], dict[int, list[str]]]:
    """Existing organisations by number and by name key, and the business field names of each."""
    by_number: dict[str, Organisation] = {}
    by_key: dict[str, Organisation] = {}
    numbers = sorted({row.business_number for row in rows if row.business_number})
    # A name saved before the bare-주 rule keeps its old key (유디포엠주) until it is saved again: look both up.
    keys = sorted({key for row in rows for key in legacy_name_keys(row.data["name"])})
    for lookup, values in (("business_number__in", numbers), ("name_key__in", keys)):
        for chunk in chunked(values, 500):
            for loaded in Organisation.objects.filter(**{lookup: chunk}):
                key = company_name_key(loaded.name)
                organisation = by_number.get(loaded.business_number) or by_key.get(key) or loaded
                by_key[key] = organisation
                if organisation.business_number:
                    by_number[organisation.business_number] = organisation
    field_names: dict[int, list[str]] = defaultdict(list)
    through = Organisation.fields.through
    ids = sorted({organisation.pk for organisation in by_key.values()})
    for chunk in chunked(ids, 500):
        pairs = through.objects.filter(organisation_id__in=chunk).values_list("organisation_id", "businessfield__name")
        for organisation_id, name in pairs:
            field_names[organisation_id].append(name)
    return by_number, by_key, field_names


def _match(rows: list[RowData], result: ImportResult) -> Plan:
    """Split valid rows into creations, real updates and unchanged rows; reject rows that clash with the registry."""
    by_number, by_key, field_names = _load(rows)
    _fields_from_vocabulary(rows)
    plan = Plan()
    claimed: dict[int, int] = {}
    for row in rows:
        target = by_number.get(row.business_number) if row.business_number else None
        problem = None
        if target is None:
            target = by_key.get(row.name_key)
            if target is not None and row.business_number and target.business_number:
                problem = Problem(
                    row.row,
                    "사업자등록번호",
                    _("The member '%(name)s' of the same name has the business registration number %(number)s.")
                    % {"name": target.name, "number": format_business_number(target.business_number)},
                )
        elif row.name_key != company_name_key(target.name) and row.name_key in by_key:
            other = by_key[row.name_key]
            problem = Problem(
                row.row,
                "회사명",
                _("Another member is already called '%(name)s'.") % {"name": other.name},
            )
        if problem is None and target is not None and target.pk in claimed:
            problem = Problem(
                row.row,
                "회사명",
                _("Row %(other)s already refers to the member '%(name)s'.")
                % {"other": claimed[target.pk], "name": target.name},
            )
        if problem is not None:
            _reject(result, row.cells, [problem])
            continue
        if target is None:
            plan.creates.append(row)
            continue
        claimed[target.pk] = row.row
        update = _compare(row, target, sorted(field_names.get(target.pk, [])))
        if update is None:
            plan.unchanged += 1
            if row.proposed_fields:
                plan.unchanged_with_proposals.append((target, row))
        else:
            plan.updates.append(update)
    _note_proposals(plan, result)
    return plan


def _fields_from_vocabulary(rows: list[RowData]) -> None:
    """Each row's business fields as the vocabulary's terms: spellings of one field ("디지털 트윈", "디지털트윈",
    a recorded variant) become its term; a name that means no term is kept aside as the row's proposal for
    staff (never a new term)."""
    for row in rows:
        if row.field_names is None:
            continue
        row.field_names, row.proposed_fields = vocabulary_split(row.field_names)


def _note_proposals(plan: Plan, result: ImportResult) -> None:
    """One note per imported row that names fields outside the vocabulary, with its row and column."""
    rows = [*plan.creates, *(update.row for update in plan.updates), *(row for _, row in plan.unchanged_with_proposals)]
    for row in sorted(rows, key=lambda row: row.row):
        if row.proposed_fields:
            result.notes.append(
                _(
                    "Row %(row)s, column '%(column)s': not in the business-field vocabulary, so proposed to the "
                    "secretariat instead of added: %(names)s."
                )
                % {
                    "row": row.row,
                    "column": "주요분야",
                    "names": ", ".join(f"'{name}'" for name in row.proposed_fields),
                }
            )


def _propose_fields(plan: Plan, actor, actor_label: str) -> None:
    """The rows' names outside the vocabulary become their organisations' proposals (created ones included)."""
    rows = [row for row in plan.creates if row.proposed_fields]
    created = {
        organisation.name_key: organisation
        for organisation in Organisation.objects.filter(name_key__in=[row.name_key for row in rows])
    }
    targets = [(created[row.name_key], row.proposed_fields) for row in rows]
    targets += [(update.organisation, update.row.proposed_fields) for update in plan.updates]
    targets += [(organisation, row.proposed_fields) for organisation, row in plan.unchanged_with_proposals]
    for organisation, names in targets:
        propose_fields(actor=actor, actor_label=actor_label, organisation=organisation, names=names)


def _compare(row: RowData, organisation: Organisation, current_fields: list[str]) -> Update | None:
    before = snapshot(organisation, AUDITED_FIELDS) | {"fields": current_fields}
    old_search_text = organisation.search_text
    for name, value in row.data.items():
        setattr(organisation, name, value)
    names = current_fields if row.field_names is None else row.field_names
    _prepare(organisation, names)
    old, new = changed(before, snapshot(organisation, AUDITED_FIELDS) | {"fields": names})
    if not new:
        return None
    return Update(
        row=row,
        organisation=organisation,
        before=old,
        after=new,
        fields_changed="fields" in new,
        search_changed=organisation.search_text != old_search_text,
    )
