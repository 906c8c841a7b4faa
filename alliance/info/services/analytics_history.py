"""Loading the old site's monthly visit totals (`import_visits`: a CSV with the columns 연도, 월, 방문수).

Rule: every row is checked first; any error (by row and column, in Korean) and nothing is written. A year is
written 2024, 2024년 or 24년, a month 1, 01 or 1월, visits as a whole number with or without thousands
separators; a row whose 방문수 is empty or "-" (no figure, as the old table's December 2025) is skipped. A
month already imported is replaced. The file may be UTF-8 (with or without a byte-order mark) or CP949.
Side effects: one transaction writing `ImportedMonthlyVisits` rows and one audit entry.
"""

import csv
import io
import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.info.models import ImportedMonthlyVisits

COLUMNS = ("연도", "월", "방문수")
NO_FIGURE = {"", "-", "–", "—"}
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


class VisitsImportError(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class MonthFigure:
    year: int
    month: int
    visits: int


def decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise VisitsImportError([_("The file is neither UTF-8 nor CP949 text: save it as CSV (UTF-8) and try again.")])


def read_figures(text: str) -> tuple[list[MonthFigure], int]:
    """The month figures of a CSV text and the number of rows without a figure; VisitsImportError listing every
    row's errors."""
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise VisitsImportError(
            [
                _("The first row must name the columns %(columns)s; missing: %(missing)s.")
                % {"columns": ", ".join(COLUMNS), "missing": ", ".join(missing)}
            ]
        )
    figures, errors, skipped, seen = [], [], 0, {}
    for line, raw in enumerate(reader, start=2):
        row = {(name or "").strip(): (value or "").strip() for name, value in raw.items() if isinstance(value, str)}
        if not any(row.values()):
            continue
        row_errors = []
        year = _year(row.get("연도", ""), row_errors)
        month = _month(row.get("월", ""), row_errors)
        if row.get("방문수", "") in NO_FIGURE:
            skipped += 1
            errors += [_("Row %(row)s: %(error)s") % {"row": line, "error": error} for error in row_errors]
            continue
        visits = _visits(row.get("방문수", ""), row_errors)
        if not row_errors and (year, month) in seen:
            row_errors.append(
                _("%(year)s-%(month)02d is already given in row %(other)s.")
                % {"year": year, "month": month, "other": seen[(year, month)]}
            )
        if row_errors:
            errors += [_("Row %(row)s: %(error)s") % {"row": line, "error": error} for error in row_errors]
            continue
        seen[(year, month)] = line
        figures.append(MonthFigure(year, month, visits))
    if errors:
        raise VisitsImportError(errors)
    return figures, skipped


def _year(value: str, errors: list) -> int | None:
    match = re.fullmatch(r"(\d{4}|\d{2})\s*년?", value)
    if not match:
        errors.append(_("연도 '%(value)s' is not a year (write 2025, 2025년 or 25년).") % {"value": value})
        return None
    year = int(match.group(1))
    year = year + 2000 if year < 100 else year
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        errors.append(
            _("연도 %(year)s is outside %(first)s–%(last)s.")
            % {"year": year, "first": EARLIEST_YEAR, "last": LATEST_YEAR}
        )
        return None
    return year


def _month(value: str, errors: list) -> int | None:
    match = re.fullmatch(r"(\d{1,2})\s*월?", value)
    if not match or not 1 <= int(match.group(1)) <= 12:
        errors.append(_("월 '%(value)s' is not a month from 1 to 12.") % {"value": value})
        return None
    return int(match.group(1))


def _visits(value: str, errors: list) -> int | None:
    if not re.fullmatch(r"\d{1,3}(,\d{3})*|\d+", value):
        errors.append(_("방문수 '%(value)s' is not a whole number of visits.") % {"value": value})
        return None
    return int(value.replace(",", ""))


@dataclass(frozen=True)
class VisitsImport:
    months: int
    skipped: int
    total: int


def import_visits(*, data: bytes, source: str = "") -> VisitsImport:
    """Load the month figures of a CSV file (the module's rule).

    Side effects: the module's docstring.
    """
    figures, skipped = read_figures(decode(data))
    with transaction.atomic():
        for figure in figures:
            ImportedMonthlyVisits.objects.update_or_create(
                year=figure.year, month=figure.month, defaults={"visits": figure.visits}
            )
        record_audit(
            action="info.visits.imported",
            target=None,
            actor_label=source,
            after={"months": [f"{figure.year}-{figure.month:02d}" for figure in figures]},
        )
    return VisitsImport(months=len(figures), skipped=skipped, total=sum(figure.visits for figure in figures))
