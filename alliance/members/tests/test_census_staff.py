"""Staff census pages: who may see them, response rates, stale confirmations, constant query counts."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.core.tests.confirming import post_confirmed
from alliance.members.models import CensusResponse
from alliance.members.queries.census import response_rate
from alliance.members.services.census_responses import profile_values, submit_census_response
from alliance.members.tests.factories import OrganisationFactory
from alliance.members.tests.test_census_support import invite, korean, make_round  # noqa: F401  fixture

pytestmark = pytest.mark.usefixtures("korean")


def _staff_urls(census_round, answer) -> list[str]:
    return [
        reverse("members:census_rounds"),
        reverse("members:census_round_create"),
        reverse("members:census_round_detail", args=[census_round.pk]),
        reverse("members:census_response_review", args=[answer.pk]),
        reverse("members:stale_confirmations"),
    ]


@pytest.fixture
def answered_round(organisation):
    census_round = make_round()
    invitation = invite(census_round, organisation, token="zen-token")
    answer = submit_census_response(invitation=invitation, values={}, confirm_only=True)
    return census_round, answer


def test_staff_pages_are_not_found_for_a_member_representative(client, member_rep, answered_round):
    census_round, answer = answered_round
    client.force_login(member_rep)

    statuses = [client.get(url).status_code for url in _staff_urls(census_round, answer)]
    remind = client.post(reverse("members:census_remind", args=[census_round.pk])).status_code
    close = client.post(reverse("members:census_round_detail", args=[census_round.pk]), {"action": "close"})

    assert [*statuses, remind, close.status_code] == [404] * 7
    census_round.refresh_from_db()
    assert census_round.closed_at is None


def test_staff_pages_send_a_visitor_to_log_in(client, answered_round):
    census_round, answer = answered_round
    urls = [*_staff_urls(census_round, answer), reverse("members:census_remind", args=[census_round.pk])]

    locations = [client.post(url, {"action": "close"})["Location"] for url in urls]

    login = reverse("core:login")
    assert locations == [f"{login}?next={url}" for url in urls]
    census_round.refresh_from_db()
    assert census_round.closed_at is None


def test_staff_pages_answer_staff(client, staff_user, answered_round):
    census_round, answer = answered_round
    client.force_login(staff_user)

    statuses = [client.get(url).status_code for url in _staff_urls(census_round, answer)]

    assert statuses == [200] * 5


@pytest.mark.parametrize(
    ("responded", "invited", "rate"),
    [(1, 3, "33.3"), (2, 3, "66.7"), (1, 8, "12.5"), (1, 16, "6.3"), (3, 3, "100.0"), (0, 0, "0.0")],
)
def test_response_rate_is_a_percentage_to_one_decimal(responded, invited, rate):
    assert response_rate(responded, invited) == Decimal(rate)


def test_round_pages_show_exact_counts_and_rate(client, staff_user):
    census_round = make_round()
    organisations = [OrganisationFactory(name=f"회사{n}") for n in range(3)]
    invitations = [invite(census_round, org, token=f"token-{n}") for n, org in enumerate(organisations)]
    submit_census_response(invitation=invitations[0], values={}, confirm_only=True)
    client.force_login(staff_user)

    listing = client.get(reverse("members:census_rounds"))
    detail = client.get(reverse("members:census_round_detail", args=[census_round.pk]))

    row = listing.context["page"][0]
    assert (row.invited, row.responded, row.pending, row.rate) == (3, 1, 0, Decimal("33.3"))
    assert "33.3%" in listing.content.decode()
    assert [invitation.organisation.name for invitation in detail.context["page"]] == ["회사1", "회사2"]
    assert '<progress class="progress" max="100" value="33.3">' in detail.content.decode()
    assert "3개사 중 1개사 응답" in detail.content.decode()


def test_closing_a_round_stops_its_links(client, staff_user, organisation):
    census_round = make_round()
    invite(census_round, organisation, token="zen-token")
    client.force_login(staff_user)

    post_confirmed(client, reverse("members:census_round_detail", args=[census_round.pk]), {"action": "close"})

    census_round.refresh_from_db()
    assert census_round.closed_at is not None
    assert client.get(reverse("members:census_respond", args=["zen-token"])).status_code == 410
    assert AuditEntry.objects.filter(action="members.census.closed").count() == 1


def test_stale_list_flags_unconfirmed_and_old_confirmations_of_current_members(client, staff_user, settings):
    settings.CONFIRMATION_STALE_DAYS = 365
    today = timezone.localdate()
    OrganisationFactory(name="가 미확인", last_confirmed_on=None)
    OrganisationFactory(name="나 오래됨", last_confirmed_on=today - datetime.timedelta(days=400))
    OrganisationFactory(name="다 경계", last_confirmed_on=today - datetime.timedelta(days=365))
    OrganisationFactory(name="라 최근", last_confirmed_on=today - datetime.timedelta(days=10))
    OrganisationFactory(name="마 탈퇴", last_confirmed_on=None, withdrawn_on=datetime.date(2025, 1, 1))
    client.force_login(staff_user)

    page = client.get(reverse("members:stale_confirmations"))

    rows = [(org.name, org.days_since) for org in page.context["page"]]
    assert rows == [("가 미확인", None), ("나 오래됨", 400)]
    assert "400일" in page.content.decode()
    assert "확인 기록 없음" in page.content.decode()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_rounds_list_queries_do_not_grow_with_rounds(client, staff_user, organisation):
    client.force_login(staff_user)
    first = make_round()
    invite(first, organisation, token="t-0")
    one = _queries(client, reverse("members:census_rounds"))
    for n in (1, 2):
        invite(make_round(title=f"회차 {n}"), organisation, token=f"t-{n}")

    three = _queries(client, reverse("members:census_rounds"))

    assert three == one


def test_non_responders_and_pending_queries_do_not_grow(client, staff_user):
    client.force_login(staff_user)
    census_round = make_round()
    url = reverse("members:census_round_detail", args=[census_round.pk])

    def add(n):
        invitation = invite(census_round, OrganisationFactory(name=f"미응답{n}"), token=f"silent-{n}")
        answered = invite(census_round, OrganisationFactory(name=f"응답{n}"), token=f"answer-{n}")
        submit_census_response(invitation=answered, values={"employees": n} | _same(answered), confirm_only=False)
        OrganisationFactory(name=f"연락처없음{n}")
        return invitation

    add(0)
    one = _queries(client, url)
    add(1)
    add(2)

    three = _queries(client, url)

    assert three == one
    assert CensusResponse.objects.filter(status="pending").count() == 3


def _same(invitation) -> dict:
    values = profile_values(invitation.organisation)
    values.pop("employees")
    return values


def test_stale_list_queries_do_not_grow(client, staff_user):
    client.force_login(staff_user)
    OrganisationFactory(name="미확인0")
    one = _queries(client, reverse("members:stale_confirmations"))
    OrganisationFactory(name="미확인1")
    OrganisationFactory(name="미확인2")

    three = _queries(client, reverse("members:stale_confirmations"))

    assert three == one
