"""The member statistics as an XLSX workbook: one sheet per table, Korean headers, numbers as numbers.

The headers and row names are the Korean ones of the seed tables (the `key` of each row), whatever the
display language: the secretariat pastes these sheets into its Korean reports.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from alliance.core.spreadsheets import new_workbook
from alliance.members.statistics import Distribution, MemberStatistics

SHARE_FORMAT = "0.0"
COUNT_FORMAT = "#,##0"


def _sheet(workbook: Workbook, title: str, header: list[str], rows: list[list]) -> None:
    sheet = workbook.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for column in sheet.iter_cols(min_row=2, min_col=2):
        for cell in column:
            if isinstance(cell.value, int):
                cell.number_format = COUNT_FORMAT
            elif cell.value is not None and not isinstance(cell.value, str):
                cell.number_format = SHARE_FORMAT
    sheet.column_dimensions["A"].width = 18
    for letter in "BCDE":
        sheet.column_dimensions[letter].width = 14


def _distribution_rows(table: Distribution, *, employees: bool) -> list[list]:
    rows = []
    for row in table.rows:
        values = [row.key, row.count, float(row.share)]
        if employees:
            values += [row.employees, float(row.employee_share)]
        rows.append(values)
    return rows


def statistics_workbook(stats: MemberStatistics) -> bytes:
    """The workbook's bytes. Sheets: 회원 현황, 시도별 분포, 서울 권역별 분포, 종사자 규모, 업력."""
    workbook = new_workbook(write_only=False)
    workbook.remove(workbook.active)
    status = stats.status
    _sheet(
        workbook,
        "회원 현황",
        ["구분", f"{status.as_of.isoformat()} 기준", f"{status.previous_on.isoformat()} 기준", "증감"],
        [[row.key, row.count, row.previous, row.change] for row in status.rows],
    )
    share_header = ["구분", "사업체", "비중(%)", "종사자", "비중(%)"]
    _sheet(workbook, "시도별 분포", share_header, _distribution_rows(stats.regions, employees=True))
    _sheet(workbook, "서울 권역별 분포", share_header, _distribution_rows(stats.seoul_zones, employees=True))
    band_header = ["구분", "사업체", "비중(%)"]
    _sheet(workbook, "종사자 규모", band_header, _distribution_rows(stats.sizes, employees=False))
    _sheet(workbook, "업력", band_header, _distribution_rows(stats.ages, employees=False))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
