"""Importing the registry from XLSX and CSV: validation messages, all-or-nothing, skip-invalid, re-import."""

import datetime
import json
import re
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from alliance.core.models import AuditEntry
from alliance.members.models import Organisation, SearchToken
from alliance.members.search import filter_by_query
from alliance.members.services.importing import import_members
from alliance.members.services.importing_read import HEADERS, ImportFileError
from alliance.members.services.vocabulary import seed_terms
from alliance.members.tests.factories import OrganisationFactory

# Valid registration numbers (check digit correct).
ZEN_NUMBER = "220-81-62517"
HANBIT_NUMBER = "107-86-14075"


BAD_NUMBER = "은(는) 올바른 사업자등록번호가 아닙니다(10자리 숫자, 마지막 자리 검증번호 불일치)."
BAD_DATE = "은(는) 날짜 형식이 아닙니다. 2026-04-15 또는 2026. 4. 15. 형식으로 입력하세요."


def zen_row(**changes) -> dict:
    row = {
        "회사명": "주식회사 젠",
        "사업자등록번호": ZEN_NUMBER,
        "회원구분": "소기업",
        "가입일": "2024-03-01",
        "탈퇴일": "",
        "시도": "서울특별시",
        "시군구": "강남구",
        "설립연도": "2015",
        "종사자수": "1,200",
        "매출액(백만원)": "3,500",
        "주요분야": "디지털트윈, XR/메타버스",
        "홈페이지": "https://zen.example.kr",
        "소개": "<b>디지털트윈</b> 플랫폼",
    }
    return row | changes


def hanbit_row(**changes) -> dict:
    row = zen_row(
        회사명="(주)한빛소프트",
        사업자등록번호=HANBIT_NUMBER,
        회원구분="대학",
        가입일="2025. 1. 2.",
        시도="경기도",
        시군구="성남시 분당구",
        주요분야="교육",
        소개="",
    )
    return row | changes


def xlsx_file(tmp_path, rows, headers=HEADERS, name="members.xlsx"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(list(headers))
    for row in rows:
        sheet.append([row.get(header) for header in headers])
    path = tmp_path / name
    workbook.save(path)
    return path


def csv_file(tmp_path, rows, headers=HEADERS, name="members.csv", encoding="utf-8-sig"):
    lines = [",".join(headers)]
    lines += [",".join(f'"{row.get(header, "")}"' for header in headers) for row in rows]
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


@pytest.fixture
def vocabulary(db):
    """The business fields these rows name, as terms of the registry's vocabulary (a name outside it is a
    proposal for staff, not a new term: test_vocabulary_writes.py)."""
    seed_terms(["XR", "디지털트윈", "메타버스", "교육", "AI"])


def problems(result) -> list[str]:
    return [str(problem) for problem in result.problems]


@pytest.mark.django_db
def test_import_members_xlsx_creates_organisations(tmp_path, vocabulary):
    path = xlsx_file(tmp_path, [zen_row(), hanbit_row()])

    result = import_members(path=path, actor_label="test")

    assert (result.created, result.updated, result.unchanged, result.rejected) == (2, 0, 0, 0)
    zen = Organisation.objects.get(business_number="2208162517")
    assert (zen.name, zen.category, zen.joined_on, zen.sido, zen.sigungu) == (
        "주식회사 젠",
        "small",
        datetime.date(2024, 3, 1),
        "서울",
        "강남구",
    )
    assert (zen.founded_year, zen.employees, zen.revenue_million) == (2015, 1200, 3500)
    assert sorted(zen.fields.values_list("name", flat=True)) == ["XR", "디지털트윈", "메타버스"]
    assert zen.description == "<b>디지털트윈</b> 플랫폼"
    hanbit = Organisation.objects.get(name="(주)한빛소프트")
    assert (hanbit.category, hanbit.joined_on, hanbit.sido, hanbit.sigungu) == (
        "university",
        datetime.date(2025, 1, 2),
        "경기",
        "성남시 분당구",
    )
    assert list(filter_by_query(Organisation.objects.all(), "트윈").values_list("name", flat=True)) == ["주식회사 젠"]
    assert sorted(AuditEntry.objects.values_list("action", flat=True)) == [
        "members.import.finished",
        "members.org.imported",
        "members.org.imported",
    ]


@pytest.mark.django_db
def test_import_members_finished_entry_says_written(tmp_path, vocabulary):
    path = xlsx_file(tmp_path, [zen_row(), hanbit_row()])

    import_members(path=path, actor_label="test")

    entry = AuditEntry.objects.get(action="members.import.finished")
    assert entry.after == {
        "file": "members.xlsx",
        "dry_run": False,
        "written": True,
        "rows": 2,
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "rejected": 0,
    }


@pytest.mark.django_db
def test_import_members_csv_cp949_creates_organisation(tmp_path):
    path = csv_file(tmp_path, [zen_row(가입일="2024/03/01")], encoding="cp949")

    result = import_members(path=path)

    assert (result.created, result.rejected) == (1, 0)
    assert Organisation.objects.get().joined_on == datetime.date(2024, 3, 1)


@pytest.mark.django_db
def test_import_members_same_file_twice_changes_nothing(tmp_path):
    path = xlsx_file(tmp_path, [zen_row(), hanbit_row()])
    import_members(path=path)
    audit_count, token_count = AuditEntry.objects.count(), SearchToken.objects.count()

    result = import_members(path=path)

    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert AuditEntry.objects.count() == audit_count + 1  # only `members.import.finished`
    assert SearchToken.objects.count() == token_count


@pytest.mark.django_db
def test_import_members_changed_row_updates_matched_organisation(tmp_path, vocabulary):
    existing = OrganisationFactory(name="㈜젠", business_number="", field_names=["메타버스"])

    result = import_members(path=xlsx_file(tmp_path, [zen_row(종사자수="15", 주요분야="AI")]))

    assert (result.created, result.updated) == (0, 1)
    existing.refresh_from_db()
    assert (existing.name, existing.business_number, existing.employees) == ("주식회사 젠", "2208162517", 15)
    assert list(existing.fields.values_list("name", flat=True)) == ["AI"]
    assert list(filter_by_query(Organisation.objects.all(), "ai").values_list("pk", flat=True)) == [existing.pk]
    entry = AuditEntry.objects.filter(action="members.org.imported").get()
    assert entry.before["employees"] is None
    assert (entry.after["employees"], entry.after["fields"]) == (15, ["AI"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"사업자등록번호": "220-81-62510"}, f"2행 '사업자등록번호': '220-81-62510'{BAD_NUMBER}"),
        ({"가입일": "3월 1일"}, f"2행 '가입일': '3월 1일'{BAD_DATE}"),
        ({"가입일": ""}, "2행 '가입일': 가입일은(는) 필수 항목입니다."),
        ({"회사명": "  "}, "2행 '회사명': 회사명은(는) 필수 항목입니다."),
        (
            {"회원구분": "스타트업"},
            (
                "2행 '회원구분': '스타트업'은(는) 회원구분이 아닙니다. 다음 중 하나로 입력하세요: "
                "대기업, 중기업, 소기업, 기관·협단체, 기타(비영리), 대학/산학협력단."
            ),
        ),
        ({"시도": "서울도"}, "2행 '시도': '서울도'은(는) 시·도 이름이 아닙니다."),
        ({"시군구": "분당구"}, "2행 '시군구': '분당구'은(는) 서울특별시 25개 자치구가 아닙니다."),
        ({"종사자수": "약 10명"}, "2행 '종사자수': '약 10명'은(는) 정수가 아닙니다."),
        ({"홈페이지": "zen example"}, "2행 '홈페이지': 'zen example'은(는) 올바른 웹 주소가 아닙니다."),
        ({"탈퇴일": "2023-12-31"}, "2행 '탈퇴일': 탈퇴일 2023-12-31이(가) 가입일 2024-03-01보다 앞섭니다."),
    ],
)
def test_import_members_bad_cell_reports_row_column_reason(tmp_path, changes, expected):
    path = xlsx_file(tmp_path, [zen_row(**changes)])

    result = import_members(path=path)

    assert problems(result) == [expected]
    assert Organisation.objects.count() == 0


@pytest.mark.django_db
def test_import_members_duplicates_in_file_name_both_rows(tmp_path):
    rows = [zen_row(), hanbit_row(), zen_row(회사명="젠 주식회사", 사업자등록번호="")]

    result = import_members(path=xlsx_file(tmp_path, rows))

    assert problems(result) == [
        "2행 '회사명': 2, 4행의 회사명이 같은 회사를 가리킵니다.",
        "4행 '회사명': 2, 4행의 회사명이 같은 회사를 가리킵니다.",
    ]


@pytest.mark.django_db
def test_import_members_duplicate_number_in_file_names_both_rows(tmp_path):
    rows = [zen_row(), hanbit_row(사업자등록번호=ZEN_NUMBER.replace("-", ""))]

    result = import_members(path=csv_file(tmp_path, rows))

    assert problems(result) == [
        "2행 '사업자등록번호': 2, 3행의 사업자등록번호가 같습니다.",
        "3행 '사업자등록번호': 2, 3행의 사업자등록번호가 같습니다.",
    ]


@pytest.mark.django_db
def test_import_members_one_bad_row_writes_nothing(tmp_path):
    path = xlsx_file(tmp_path, [zen_row(), hanbit_row(가입일="어제")])

    result = import_members(path=path)

    assert (result.written, result.rejected, Organisation.objects.count(), AuditEntry.objects.count()) == (
        False,
        1,
        0,
        0,
    )


@pytest.mark.django_db
def test_import_members_skip_invalid_writes_valid_rows(tmp_path):
    path = xlsx_file(tmp_path, [zen_row(), hanbit_row(가입일="어제")])

    result = import_members(path=path, skip_invalid=True)

    assert (result.written, result.created, result.rejected) == (True, 1, 1)
    assert list(Organisation.objects.values_list("name", flat=True)) == ["주식회사 젠"]


@pytest.mark.django_db
def test_import_members_dry_run_writes_nothing(tmp_path):
    result = import_members(path=xlsx_file(tmp_path, [zen_row()]), dry_run=True)

    assert (result.created, result.written, Organisation.objects.count()) == (1, False, 0)


@pytest.mark.django_db
def test_import_members_number_of_other_same_name_member_rejected(tmp_path):
    OrganisationFactory(name="주식회사 젠", business_number=HANBIT_NUMBER)

    result = import_members(path=xlsx_file(tmp_path, [zen_row()]))

    assert problems(result) == [
        "2행 '사업자등록번호': 이름이 같은 회원사 '주식회사 젠'의 사업자등록번호는 107-86-14075입니다."
    ]


def _file_error(path) -> str:
    with pytest.raises(ImportFileError) as caught:
        import_members(path=path)
    return caught.value.message


@pytest.mark.django_db
def test_import_members_missing_column_names_it_and_only_the_required_ones(tmp_path):
    headers = [header for header in HEADERS if header != "가입일"]

    message = _file_error(xlsx_file(tmp_path, [zen_row()], headers=headers))

    assert message == (
        "1행을 머리글로 읽었는데 필수 열 '가입일'이(가) 없습니다. 회원 명부에는 회사명, 회원구분, 가입일 열이 "
        "있어야 하고, 나머지 열(사업자등록번호, 탈퇴일, 시도, 시군구, 설립연도, 종사자수, 매출액(백만원), 주요분야, "
        "홈페이지, 소개)은 없어도 됩니다."
    )


@pytest.mark.django_db
def test_import_members_title_rows_and_running_number_are_passed_over(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["2026년 메타버스 얼라이언스 회원사 현황"])
    sheet.append(["(2026. 3. 31. 기준)"])
    sheet.append([])
    sheet.append(["연번", *HEADERS])
    sheet.append([1, *(zen_row().get(header) for header in HEADERS)])
    sheet.append([2, *(hanbit_row(가입일="2025-02-30").get(header) for header in HEADERS)])
    path = tmp_path / "members.xlsx"
    workbook.save(path)

    result = import_members(path=path, actor_label="test")

    # The bad date is reported on the file's own row 6.
    assert problems(result) == [f"6행 '가입일': '2025-02-30'{BAD_DATE}"]


@pytest.mark.django_db
def test_import_members_title_without_a_header_row_names_the_title(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["회원사 현황"])
    workbook.active.append(["회사명", "비고"])
    path = tmp_path / "members.xlsx"
    workbook.save(path)

    message = _file_error(path)

    assert message.startswith("2행을 머리글로 읽었는데 필수 열 '회원구분', '가입일'이(가) 없습니다.")


@pytest.mark.django_db
def test_import_members_reads_an_excel_97_2003_file():
    # Written by xlwt as Excel 97-2003 saves it: a title row, a 연번 column, date cells.
    path = Path(__file__).parent / "data" / "members_97_2003.xls"

    result = import_members(path=path, actor_label="test")

    assert (result.created, result.rejected) == (2, 0)
    zen = Organisation.objects.get(business_number="2208162517")
    assert (zen.name, zen.joined_on, zen.sido, zen.revenue_million) == (
        "주식회사 젠",
        datetime.date(2024, 3, 1),
        "서울",
        3500,
    )


@pytest.mark.django_db
def test_import_members_ole_file_that_is_not_excel_says_so(tmp_path):
    path = tmp_path / "제안서.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)

    message = _file_error(path)

    assert message == "스프레드시트 파일이 아닙니다. 엑셀(.xlsx, .xls) 또는 CSV(.csv) 파일을 올려 주세요."


@pytest.mark.django_db
def test_import_members_not_a_spreadsheet_says_so(tmp_path):
    path = tmp_path / "photo.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")

    assert _file_error(path) == "스프레드시트 파일이 아닙니다. 엑셀(.xlsx, .xls) 또는 CSV(.csv) 파일을 올려 주세요."


@pytest.mark.django_db
def test_import_members_zip_that_is_not_xlsx_says_so(tmp_path):
    import zipfile

    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")

    assert _file_error(path) == "스프레드시트 파일이 아닙니다. 엑셀(.xlsx, .xls) 또는 CSV(.csv) 파일을 올려 주세요."


@pytest.mark.django_db
def test_import_members_empty_file_says_so(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")

    assert _file_error(path) == "파일이 비어 있습니다."


@pytest.mark.django_db
def test_import_members_header_only_says_so(tmp_path):
    assert _file_error(csv_file(tmp_path, [])) == "제목 행만 있고 회원사 행이 없습니다."


@pytest.mark.django_db
def test_import_members_oversized_file_refused(tmp_path, settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    path = tmp_path / "big.csv"
    path.write_bytes(b"a" * (1024 * 1024 + 1))

    assert _file_error(path) == "파일이 1MB를 넘습니다. 파일을 나누어 올려 주세요."


@pytest.mark.django_db
def test_import_members_oversized_file_under_one_megabyte_limit_names_it(tmp_path, settings):
    settings.MAX_UPLOAD_BYTES = 512 * 1024
    path = tmp_path / "big.csv"
    path.write_bytes(b"a" * (512 * 1024 + 1))

    assert _file_error(path) == "파일이 512KB를 넘습니다. 파일을 나누어 올려 주세요."


@pytest.mark.django_db
def test_import_members_command_bad_row_exits_nonzero_and_lists_problem(tmp_path, capsys):
    path = xlsx_file(tmp_path, [zen_row(), hanbit_row(사업자등록번호="123")])

    with pytest.raises(CommandError) as caught:
        call_command("import_members", str(path))

    assert str(caught.value) == "오류 1건이 있어 아무것도 가져오지 않았습니다."
    assert capsys.readouterr().err == f"3행 '사업자등록번호': '123'{BAD_NUMBER.replace('은(는)', '은')}\n"
    assert Organisation.objects.count() == 0


@pytest.mark.django_db
def test_import_members_command_skip_invalid_writes_report(tmp_path, capsys):
    path = xlsx_file(tmp_path, [zen_row(), hanbit_row(사업자등록번호="123")])
    report = tmp_path / "rejected.xlsx"

    call_command("import_members", str(path), "--skip-invalid", "--report", str(report), "--format", "json")

    output = json.loads(capsys.readouterr().out)
    assert (output["created"], output["rejected"], output["report"]) == (1, 1, str(report))
    sheet = openpyxl.load_workbook(report).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == [*HEADERS, "오류"]
    assert (rows[1][0], rows[1][1], rows[1][-1]) == (
        "(주)한빛소프트",
        "123",
        f"'123'{BAD_NUMBER}",
    )
    assert list(Organisation.objects.values_list("name", flat=True)) == ["주식회사 젠"]


@pytest.mark.django_db
def test_import_members_command_missing_file_fails(tmp_path):
    with pytest.raises(CommandError) as caught:
        call_command("import_members", str(tmp_path / "none.xlsx"))

    assert str(caught.value) == f"파일을 찾을 수 없습니다: {tmp_path / 'none.xlsx'}"


def test_xlsx_rows_read_dates_numbers_and_gaps_like_openpyxl(tmp_path):
    from alliance.members.services.importing_read import _xlsx_rows

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["회사명", "가입일", "종사자수", "매출액(백만원)", "홈페이지"])
    sheet.append(["㈜젠", datetime.date(2024, 3, 1), 12, 1.5, True])
    sheet["A5"] = "빈 행 다음"
    sheet["C6"] = 1234567890
    sheet["B6"] = datetime.date(2026, 4, 15)
    sheet["B6"].number_format = "yyyy. m. d."
    path = tmp_path / "mixed.xlsx"
    workbook.save(path)

    rows = _xlsx_rows(path)

    assert rows[1] == ("㈜젠", datetime.date(2024, 3, 1), 12, 1.5, True)
    assert rows[5][:3] == (None, datetime.date(2026, 4, 15), 1234567890)


@pytest.mark.django_db
def test_import_members_xlsx_with_entity_refused_not_expanded(tmp_path):
    import zipfile

    source = xlsx_file(tmp_path, [zen_row()])
    path = tmp_path / "entities.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as changed:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<worksheet", b'<!DOCTYPE w [<!ENTITY a "EXPANDED">]><worksheet', 1)
                # openpyxl writes the name as UTF-8 or as character references (with lxml): replace the cell.
                data, replaced = re.subn(rb'(<c r="A2"[^>]*><is><t>)[^<]*(</t>)', rb"\1&a;\2", data)
                assert replaced == 1
            changed.writestr(item, data)

    assert _file_error(path) == "스프레드시트 파일이 아닙니다. 엑셀(.xlsx, .xls) 또는 CSV(.csv) 파일을 올려 주세요."


@pytest.mark.django_db
def test_import_members_too_many_rows_refused(tmp_path, monkeypatch):
    monkeypatch.setattr("alliance.members.services.importing_read.MAX_ROWS", 2)

    message = _file_error(xlsx_file(tmp_path, [zen_row(), hanbit_row(), zen_row(회사명="셋째")]))

    assert message == "파일의 행이 2행을 넘습니다. 파일을 나누어 올려 주세요."


def _valid_row(**changes):
    from alliance.members.services.importing_rows import validate_row

    values = zen_row(**changes)
    row, row_problems = validate_row(2, tuple(values.values()), values)
    assert [str(problem) for problem in row_problems] == []
    return row


def _valid(**changes) -> dict:
    return _valid_row(**changes).data


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("대기업", "large"),
        ("중기업", "medium"),
        ("기관·협단체", "agency"),
        ("기관", "agency"),
        ("협단체", "agency"),
        ("기타(비영리)", "nonprofit"),
        ("비영리", "nonprofit"),
        ("대학/산학협력단", "university"),
        ("산학협력단", "university"),
        (" 대학 ", "university"),
    ],
)
def test_validate_row_category_variants(written, expected):
    assert _valid(회원구분=written)["category"] == expected


@pytest.mark.parametrize(
    "written",
    [
        "2026-04-15",
        "2026.4.15",
        "2026. 4. 15.",
        "2026/04/15",
        datetime.datetime(2026, 4, 15),
        datetime.date(2026, 4, 15),
    ],
)
def test_validate_row_date_formats(written):
    assert _valid(가입일=written, 탈퇴일="")["joined_on"] == datetime.date(2026, 4, 15)


@pytest.mark.parametrize(
    ("sido", "sigungu", "expected"),
    [("서울시", "강남 구", ("서울", "강남구")), ("강원도", "춘천시", ("강원", "춘천시")), ("", "", ("", ""))],
)
def test_validate_row_region_spellings(sido, sigungu, expected):
    data = _valid(시도=sido, 시군구=sigungu)

    assert (data["sido"], data["sigungu"]) == expected


def test_validate_row_numbers_and_fields():
    row = _valid_row(
        종사자수=1200.0,
        주요분야="XR·AI; 교육/ 교육",
        사업자등록번호=2208162517,
        **{"매출액(백만원)": "12,345백만원"},
    )

    assert (row.data["employees"], row.data["revenue_million"], row.data["business_number"]) == (
        1200,
        12345,
        "2208162517",
    )
    assert row.field_names == ["AI", "XR", "교육"]
