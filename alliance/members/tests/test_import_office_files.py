"""Member lists as Korean offices keep them (issue 11): dates written every way, full-width characters, extra
columns, a two-row header with a merged cell, a text file, missing columns, the template, a bare 주 for ㈜."""

import datetime

import openpyxl
import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from alliance.core.korean import company_name_key, parse_korean_date
from alliance.members.models import Organisation
from alliance.members.services.importing import import_members
from alliance.members.services.importing_read import HEADERS, ImportFileError
from alliance.members.tests.factories import OrganisationFactory
from alliance.members.tests.test_import import _valid, problems, vocabulary, xlsx_file, zen_row  # noqa: F401

FULL_WIDTH = str.maketrans("0123456789-.", "０１２３４５６７８９－．")


@pytest.mark.parametrize(
    "written",
    [
        "2024년 3월 15일",
        "2024년3월15일",
        "20240315",
        20240315,
        "24.03.15",
        "24-3-15",
        "2024-03-15 00:00:00",
        "2024-03-15T09:30:00",
        "2024.03.15 (금)",
        "２０２４－０３－１５",
        "２０２４.\u3000３.\u3000１５.",
    ],
)
def test_validate_row_reads_dates_as_offices_write_them(written):
    assert _valid(가입일=written, 탈퇴일="")["joined_on"] == datetime.date(2024, 3, 15)


WRITINGS = (
    lambda d: f"{d.year}년 {d.month}월 {d.day}일",
    lambda d: f"{d:%Y%m%d}",
    lambda d: f"{d:%y.%m.%d}",
    lambda d: f"{d:%Y-%m-%d} 00:00:00",
    lambda d: f"{d.year}. {d.month}. {d.day}.",
    lambda d: f"{d:%Y-%m-%d}".translate(FULL_WIDTH),
)


@given(st.dates(datetime.date(2000, 1, 1), datetime.date(2099, 12, 31)), st.sampled_from(WRITINGS))
def test_every_way_of_writing_a_date_reads_back_the_date(date, writing):
    assert parse_korean_date(writing(date)) == date


@pytest.mark.parametrize("written", ["2024-02-30", "2024년 13월 1일", "15.03.2024x", "3월 15일", "12345678"])
def test_what_is_not_a_date_stays_refused(written):
    assert parse_korean_date(written) is None


def test_validate_row_reads_full_width_digits_hyphens_and_spaces():
    data = _valid(
        사업자등록번호="２２０－８１－６２５１７",
        종사자수="１，２００",
        매출액="３５００",
        설립연도="２０１５",
        회사명="ＸＲ　랩",
        시군구="강남구\u3000",
    )

    assert (data["business_number"], data["employees"], data["founded_year"]) == ("2208162517", 1200, 2015)
    assert (data["name"], data["sigungu"]) == ("XR 랩", "강남구")


@pytest.mark.django_db
@pytest.mark.usefixtures("vocabulary")
def test_an_extra_column_is_imported_around_and_named_in_the_notes(tmp_path):
    path = xlsx_file(
        tmp_path,
        [zen_row(비고="회비 납부"), zen_row(회사명="다른 회사", 사업자등록번호="", 비고="")],
        headers=[*HEADERS, "비고", "담당 부서"],
    )

    result = import_members(path=path, actor_label="test")

    assert (result.created, problems(result)) == (2, [])
    assert result.notes == ["회원 명부에 없는 열이라 읽지 않았습니다: '비고', '담당 부서'."]


@pytest.mark.django_db
def test_a_two_row_header_with_a_merged_cell_is_read_as_one(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["회원사 현황"])
    sheet.append(["연번", "회사명", "회원구분", "가입일", "소재지", None, "비고"])
    sheet.append([None, None, None, None, "시도", "시군구", None])
    sheet.merge_cells("E2:F2")
    for column in "ABCDG":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.append([1, "주식회사 젠", "소기업", "2024.03.15", "서울특별시", "강남구", ""])
    sheet.append([2, "(주)한빛소프트", "대학", "2025년 1월 2일", "경기도", "성남시 분당구", "신규"])
    path = tmp_path / "merged.xlsx"
    workbook.save(path)

    result = import_members(path=path, actor_label="test")

    assert problems(result) == []
    assert sorted(Organisation.objects.values_list("name", "sido", "sigungu", "joined_on")) == [
        ("(주)한빛소프트", "경기", "성남시 분당구", datetime.date(2025, 1, 2)),
        ("주식회사 젠", "서울", "강남구", datetime.date(2024, 3, 15)),
    ]


def _file_error(path) -> str:
    with pytest.raises(ImportFileError) as caught:
        import_members(path=path)
    return caught.value.message


@pytest.mark.django_db
@pytest.mark.parametrize("text", ["this is not a spreadsheet\n", "회의록\n\n1. 안건\n2. 결정 사항\n"])
def test_a_text_file_is_told_it_is_not_a_spreadsheet(tmp_path, text):
    path = tmp_path / "members.csv"
    path.write_text(text, encoding="utf-8")

    assert _file_error(path) == "스프레드시트 파일이 아닙니다. 엑셀(.xlsx, .xls) 또는 CSV(.csv) 파일을 올려 주세요."


@pytest.mark.django_db
def test_a_table_without_any_member_column_is_told_it_is_not_a_member_list(tmp_path):
    path = tmp_path / "members.csv"
    path.write_text("name,category,joined\nZen,small,2024-03-15\n", encoding="utf-8")

    assert _file_error(path).startswith("회원 명부 파일이 아닙니다: 처음 10행 중 어디에도 회사명, 회원구분, 가입일 열")


@pytest.mark.django_db
def test_the_template_file_has_the_header_and_an_example_row_that_imports(client, staff_user, tmp_path):
    client.force_login(staff_user)

    page = client.get(reverse("members:imports")).content.decode()
    response = client.get(reverse("members:import_template"))

    assert reverse("members:import_template") in page
    path = tmp_path / "template.xlsx"
    path.write_bytes(response.content)
    rows = list(openpyxl.load_workbook(path).active.iter_rows(values_only=True))
    assert (len(rows), list(rows[0])) == (2, list(HEADERS))
    result = import_members(path=path, actor_label="test", dry_run=True)
    assert (result.created, problems(result)) == (1, [])


@pytest.mark.parametrize("spelling", ["유디포엠주", "유디포엠 주", "(주)유디포엠", "㈜유디포엠", "유디포엠 주식회사"])
def test_a_bare_ju_typed_for_the_corporate_form_matches_the_other_spellings(spelling):
    assert company_name_key(spelling) == "유디포엠"


@pytest.mark.parametrize(
    "name", ["주", "제주", "빛고을광주", "에코제주", "한빛지주", "수제맥주", "가온소주", "광고주", "메타버스건축주"]
)
def test_a_ju_that_is_part_of_the_word_stays(name):
    assert company_name_key(name) == name


@pytest.mark.django_db
def test_an_import_row_written_with_a_bare_ju_updates_the_member(tmp_path):
    member = OrganisationFactory(name="(주)유디포엠", business_number="")

    result = import_members(
        path=xlsx_file(tmp_path, [zen_row(회사명="유디포엠주", 사업자등록번호="")]), actor_label="test"
    )

    assert (result.created, result.updated, problems(result)) == (0, 1, [])
    assert Organisation.objects.get().pk == member.pk


@pytest.mark.django_db
def test_a_member_saved_with_a_bare_ju_before_the_rule_is_matched_by_its_other_spelling(tmp_path):
    member = OrganisationFactory(name="유디포엠", business_number="")
    Organisation.objects.filter(pk=member.pk).update(name="유디포엠주", name_key="유디포엠주")  # the key saved then

    result = import_members(
        path=xlsx_file(tmp_path, [zen_row(회사명="(주)유디포엠", 사업자등록번호="")]), actor_label="test"
    )

    assert (result.created, result.updated, problems(result)) == (0, 1, [])
    assert Organisation.objects.values_list("pk", "name_key").get() == (member.pk, "유디포엠")
