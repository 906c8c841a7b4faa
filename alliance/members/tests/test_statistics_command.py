"""`manage.py member_stats`: one JSON object, or a readable table; a bad date is a CommandError."""

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from alliance.core.regions import SIDO
from alliance.members.models import MemberCategory
from alliance.members.tests.factories import OrganisationFactory


def run(*args) -> str:
    out = io.StringIO()
    call_command("member_stats", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_member_stats_json_is_exact_for_a_small_registry():
    OrganisationFactory(name="가온", category=MemberCategory.LARGE, sigungu="종로구")
    OrganisationFactory(name="나래", category=MemberCategory.SMALL, sigungu="마포구")
    OrganisationFactory(name="다온", category=MemberCategory.UNIVERSITY, sido="대전", sigungu="유성구")
    OrganisationFactory(name="라온", category=MemberCategory.NONPROFIT, sido="", sigungu="")
    OrganisationFactory(name="미래", joined_on=datetime.date(2026, 1, 1))
    OrganisationFactory(name="바람", joined_on=datetime.date(2022, 1, 1), withdrawn_on=datetime.date(2025, 12, 31))

    output = run("--as-of", "2025-12-31", "--format", "json")

    by_sido = dict.fromkeys(["서울", "경기", "인천"], 0) | {sido.short: 0 for sido in SIDO} | {"서울": 2, "대전": 1}
    expected = {
        "as_of": "2025-12-31",
        "total": 4,
        "by_category": {
            "대기업": 1,
            "중기업": 0,
            "소기업": 1,
            "기관·협단체": 0,
            "기타(비영리)": 1,
            "대학/산학협력단": 1,
        },
        "by_sido": by_sido,
        "seoul_zones": {"도심권": 1, "동남권": 0, "서북권": 1, "서남권": 0, "동북권": 0},
        "sido_unknown": 1,
        "seoul_zone_unknown": 0,
    }
    # One line, keys in this order (all 17 시·도 as in seed 003 table 5: 서울, 경기, 인천, then the
    # others in canonical order), Korean unescaped.
    assert output == json.dumps(expected, ensure_ascii=False) + "\n"


@pytest.mark.django_db
def test_member_stats_json_counts_unknown_districts_outside_the_name_maps():
    OrganisationFactory(name="가온", sido="서울", sigungu="강남구")
    OrganisationFactory(name="나래", sido="서울", sigungu="")
    OrganisationFactory(name="다온", sido="", sigungu="")

    result = json.loads(run("--as-of", "2025-12-31", "--format", "json"))

    assert (list(result["by_sido"])[:4], "미상" in result["by_sido"], "미상" in result["seoul_zones"]) == (
        ["서울", "경기", "인천", "부산"],
        False,
        False,
    )
    assert (result["by_sido"]["서울"], result["seoul_zones"]["동남권"]) == (2, 1)
    assert (result["sido_unknown"], result["seoul_zone_unknown"]) == (1, 1)


@pytest.mark.django_db
def test_member_stats_table_lists_the_categories():
    OrganisationFactory(name="가온", category=MemberCategory.LARGE)

    lines = run("--as-of", "2025-12-31").splitlines()

    assert [line.split()[0] for line in lines[4:13]] == [
        "대기업", "중기업", "소기업", "기업", "기관·협단체", "기타(비영리)", "기관", "대학/산학협력단", "총합",
    ]  # fmt: skip
    assert lines[4].split()[1:3] == ["1", "1"]


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["2025-13-01", "31.12.2025", "yesterday"])
def test_member_stats_bad_date_is_a_command_error(value):
    with pytest.raises(CommandError) as error:
        run("--as-of", value, "--format", "json")

    assert value in str(error.value)
