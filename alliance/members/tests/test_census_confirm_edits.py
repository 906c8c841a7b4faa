"""The census "변경 없음 확인" button after the respondent edited fields: a warning listing them, both choices.

Uses the project's compiled catalogue (not the census fragment alone): the warning's Korean lives in pages2.json.
"""

import pytest
from django.utils import timezone

from alliance.members.models import CensusResponse
from alliance.members.tests.factories import OrganisationFactory
from alliance.members.tests.test_census_respond import _profile, _url
from alliance.members.tests.test_census_support import invite, make_round


@pytest.fixture
def zen(db):
    return OrganisationFactory(name="주식회사 젠", employees=30, founded_year=2015, field_names=["메타버스"])


@pytest.fixture
def census_round(staff_user):
    return make_round(opened_by=staff_user)


def test_confirm_as_is_after_editing_warns_and_keeps_the_edits_until_chosen(client, zen, census_round):
    """ "변경 없음 확인" after typing over fields drops nothing silently: the page lists the edited fields and
    offers both ways; only the explicit choice confirms as is."""
    invite(census_round, zen, token="zen-token")
    edited = _profile(zen, employees="45", sigungu="서초구", action="confirm")

    warned = client.post(_url("zen-token"), edited)

    page = warned.content.decode()
    assert (warned.status_code, CensusResponse.objects.count()) == (200, 0)
    assert "일부 항목을 수정하셨습니다. ‘변경 없음 확인’을 누르면 다음 수정 내용이 반영되지 않습니다." in page
    assert [str(label) for label in warned.context["edited"]] == ["시·군·구", "종사자 수"]
    assert 'name="employees" value="45"' in page  # the edits are still in the form
    assert ('value="confirm_discarding_edits"' in page, 'value="submit"' in page) == (True, True)

    client.post(_url("zen-token"), edited | {"action": "confirm_discarding_edits"})

    zen.refresh_from_db()
    answer = CensusResponse.objects.get()
    assert (answer.status, answer.changes, zen.employees, zen.last_confirmed_on) == (
        "applied",
        {},
        30,
        timezone.localdate(),
    )


def test_confirm_as_is_without_edits_confirms_at_once(client, zen, census_round):
    invite(census_round, zen, token="zen-token")

    client.post(_url("zen-token"), _profile(zen, action="confirm"))

    assert CensusResponse.objects.get().status == "applied"


def test_confirm_after_an_invalid_edit_also_warns(client, zen, census_round):
    invite(census_round, zen, token="zen-token")

    warned = client.post(_url("zen-token"), _profile(zen, founded_year="1066", action="confirm"))

    assert ([str(label) for label in warned.context["edited"]], CensusResponse.objects.count()) == (["설립연도"], 0)
