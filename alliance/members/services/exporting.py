"""Exporting the registry (staff) and the public directory as XLSX or CSV.

Rules (issue 2): the registry export has every column, withdrawn members and contacts (names, e-mails and
phones in separate columns) under the import's Korean headers, so that it re-imports without changes.
The directory export is public: current members only, no contacts, no business registration number.
CSV is UTF-8 with a BOM so that Excel opens Korean correctly; text that a spreadsheet would run as a
formula is written as text.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator

from django.utils import timezone
from openpyxl.cell import WriteOnlyCell

from alliance.core import downloads
from alliance.core.figures import shown_figures
from alliance.core.korean import format_business_number
from alliance.core.spreadsheets import csv_text, new_workbook
from alliance.members.models import Organisation
from alliance.members.models.organisation import CATEGORY_KOREAN, MemberCategory
from alliance.members.services.importing_read import (
    CONFIRMED_HEADER,
    CONTACT_HEADERS,
    ERROR_HEADER,
    EXTRA_HEADERS,
    HEADERS,
)

REGISTRY_HEADERS = (*HEADERS, *EXTRA_HEADERS, *CONTACT_HEADERS, CONFIRMED_HEADER)
# The public directory shows employees as a band (core/figures.py: exact figures are for staff and the company).
DIRECTORY_EMPLOYEES_HEADER = "종사자 규모"
DIRECTORY_HEADERS = (
    "회사명",
    "회원구분",
    "가입일",
    "시도",
    "시군구",
    "설립연도",
    DIRECTORY_EMPLOYEES_HEADER,
    "주요분야",
    "홈페이지",
    "소개",
)
FORMATS = {"xlsx": downloads.XLSX, "csv": downloads.CSV}
CONTACT_SEPARATOR = "; "


def _fields(organisation: Organisation) -> str:
    return ", ".join(sorted(field.name for field in organisation.fields.all()))


def _contacts(organisation: Organisation, attribute: str) -> str:
    return CONTACT_SEPARATOR.join(getattr(contact, attribute) or "-" for contact in organisation.contacts.all())


def _common(organisation: Organisation) -> dict:
    return {
        "회사명": organisation.name,
        "회원구분": CATEGORY_KOREAN[MemberCategory(organisation.category)],
        "가입일": organisation.joined_on,
        "시도": organisation.sido,
        "시군구": organisation.sigungu,
        "설립연도": organisation.founded_year,
        "종사자수": organisation.employees,
        "주요분야": _fields(organisation),
        "홈페이지": organisation.homepage,
        "소개": organisation.description,
    }


def registry_queryset():
    """Every organisation, withdrawn ones too, with what `registry_rows` reads."""
    return Organisation.objects.order_by("name_key").prefetch_related("fields", "contacts")


def registry_rows(queryset) -> Iterator[list]:
    """Rows under REGISTRY_HEADERS; `queryset` must prefetch fields and contacts (see registry_queryset)."""
    for organisation in queryset.iterator(chunk_size=2_000):
        row = _common(organisation) | {
            "사업자등록번호": format_business_number(organisation.business_number),
            "탈퇴일": organisation.withdrawn_on,
            "매출액(백만원)": organisation.revenue_million,
            "영문명": organisation.name_en,
            "탈퇴사유": organisation.withdrawal_reason,
            "담당자": _contacts(organisation, "name"),
            "담당자 이메일": _contacts(organisation, "email"),
            "담당자 전화번호": _contacts(organisation, "phone"),
            CONFIRMED_HEADER: organisation.last_confirmed_on,
        }
        yield [row[header] for header in REGISTRY_HEADERS]


def directory_rows(queryset) -> Iterator[list]:
    """Public rows under DIRECTORY_HEADERS: nothing about people, no registration number, employees as a band."""
    for organisation in queryset.prefetch_related("fields").iterator(chunk_size=2_000):
        banded = shown_figures(revenue=None, employees=organisation.employees, exact=False)
        row = _common(organisation) | {DIRECTORY_EMPLOYEES_HEADER: banded.employees_text}
        yield [row[header] for header in DIRECTORY_HEADERS]


def write_xlsx(headers: Iterable[str], rows: Iterable[Iterable], stream, *, title: str = "회원사") -> None:
    """Write one worksheet (openpyxl write-only, so 100,000 rows stay small in memory)."""
    workbook = new_workbook()  # formula-like text stays text (core.spreadsheets)
    sheet = workbook.create_sheet(title)
    sheet.append(list(headers))
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, datetime.date):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd"
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
    workbook.save(stream)


def write_csv(headers: Iterable[str], rows: Iterable[Iterable], stream) -> None:
    """Write UTF-8 CSV with a BOM to a binary stream."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow(list(headers))
    for row in rows:
        writer.writerow([csv_text(value) for value in row])
    text.detach()


def write(fmt: str, headers, rows, stream) -> None:
    if fmt == "xlsx":
        write_xlsx(headers, rows, stream)
    else:
        write_csv(headers, rows, stream)


def export_file_name(kind: str, fmt: str, on: datetime.date | None = None) -> str:
    """회원사_목록_2026-11-21.xlsx (directory) or 회원사_명부_2026-11-21.csv (registry)."""
    label = {"directory": "회원사_목록", "registry": "회원사_명부"}[kind]
    return f"{label}_{(on or timezone.localdate()).isoformat()}.{fmt}"


def rejected_report_bytes(result) -> bytes:
    """The rejected rows of an import (an `ImportResult`) with their original columns plus 오류."""
    width = len(result.headers)
    rows = (
        [*list(cells)[:width], *[None] * (width - len(cells)), "; ".join(messages)]
        for cells, messages in result.rejected_rows
    )
    stream = io.BytesIO()
    write_xlsx([*result.headers, ERROR_HEADER], rows, stream, title="오류")
    return stream.getvalue()
