"""The governance pages: the secretariat's year overview, a body's page, seat forms, the year copy behind a
confirmation, "내 회의체", open subcommittees joined and left by a member representative."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.core.roles import Role
from alliance.core.tests.confirming import post_confirmed
from alliance.core.tests.factories import UserFactory
from alliance.governance.models import (
    ActionItem,
    Body,
    Minutes,
    MinutesItem,
    MinutesState,
    MinutesVersion,
    Participation,
    Position,
    Seat,
)
from alliance.governance.tests.factories import (
    BodyFactory,
    MeetingFactory,
    PersonFactory,
    SeatFactory,
    SubcommitteeFactory,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def today():
    return timezone.localdate()


def current_term():
    return {"term_start": today() - 100 * DAY, "term_end": today() + 30 * DAY}


def test_home_lists_bodies_terms_ending_and_meetings(client, staff_user):
    year = today().year
    steering = BodyFactory(year=year, name="운영위원회", meetings_planned=3)
    SeatFactory(body=steering, person=PersonFactory(name="김도윤"), **current_term())
    SeatFactory(body=steering, person=PersonFactory(name="배석자"), is_observer=True, **current_term())
    MeetingFactory(body=steering, number=1, date=None, planned_period="4~5월")
    MeetingFactory(body=steering, number=2, date=today() + 5 * DAY, place="사무국 회의실")
    client.force_login(staff_user)
    page = client.get(reverse("governance:home"), {"year": year, "within": 60}).content.decode()
    assert "운영위원회" in page
    assert "김도윤" in page  # term ends within 60 days
    assert "배석자" not in page  # observers have no term to renew here
    assert "날짜를 정하지 않은 회의가 1회 있습니다." in page
    assert "2차 회의" in page
    assert "사무국 회의실" in page


def test_body_page_groups_seats_by_sector_and_shows_ex_officio(client, staff_user):
    year = today().year
    steering = BodyFactory(year=year, name="운영위원회")
    subcommittee = SubcommitteeFactory(year=year, name="윤리제도")
    from alliance.governance.services.bodies import add_seat

    add_seat(
        body=subcommittee,
        person=PersonFactory(name="최서아"),
        position=Position.SUBCOMMITTEE_CHAIR,
        by=None,
        **current_term(),
    )
    client.force_login(staff_user)
    page = client.get(reverse("governance:body_detail", args=[steering.pk])).content.decode()
    assert "학계·연구계" in page
    assert "당연직(윤리제도)" in page


def test_seat_create_new_person_and_edit_and_end(client, staff_user):
    body = BodyFactory(year=today().year)
    client.force_login(staff_user)
    response = client.post(
        reverse("governance:seat_create", args=[body.pk]),
        {
            "name": "한서준",
            "affiliation": "과학기술정보통신부",
            "title": "과장",
            "sector": "government",
            "position": "member",
            "term_start": f"{body.year}-01-01",
            "term_end": f"{body.year}-12-31",
        },
    )
    assert response.status_code == 302
    seat = Seat.objects.get(body=body)
    assert (seat.person.name, seat.person.affiliation, seat.position) == ("한서준", "과학기술정보통신부", "member")
    client.post(
        reverse("governance:seat_edit", args=[seat.pk]),
        {
            "affiliation": "과학기술정보통신부",
            "title": "국장",
            "sector": "government",
            "position": "vice_chair",
            "term_start": f"{body.year}-01-01",
            "term_end": f"{body.year}-12-31",
        },
    )
    seat.refresh_from_db()
    seat.person.refresh_from_db()
    assert (seat.position, seat.person.title) == ("vice_chair", "국장")
    client.post(reverse("governance:seat_end", args=[seat.pk]), {"ended_on": today().isoformat()})
    seat.refresh_from_db()
    assert seat.ended_on == today()


def test_seat_form_reports_a_term_ending_before_its_start(client, staff_user):
    body = BodyFactory()
    client.force_login(staff_user)
    response = client.post(
        reverse("governance:seat_create", args=[body.pk]),
        {"person": PersonFactory().pk, "position": "member", "term_start": "2026-12-31", "term_end": "2026-01-01"},
    )
    assert response.status_code == 200
    assert "임기 종료일은 시작일과 같거나 그 뒤여야 합니다." in response.content.decode()
    assert Seat.objects.count() == 0


def test_year_copy_behind_a_confirmation(client, staff_user):
    BodyFactory(year=2025, name="운영위원회")
    client.force_login(staff_user)
    url = reverse("governance:year_copy", args=[2025])
    first = client.post(url)
    assert first.status_code == 200
    assert Body.objects.filter(year=2026).count() == 0
    post_confirmed(client, url)
    assert list(Body.objects.filter(year=2026).values_list("name", flat=True)) == ["운영위원회"]


def test_my_bodies_lists_the_seat_holders_bodies_and_upcoming_meetings(client):
    user = UserFactory(role=Role.STEERING)
    body = BodyFactory(year=today().year, name="운영위원회")
    SeatFactory(body=body, person=PersonFactory(user=user), **current_term())
    MeetingFactory(body=body, number=3, date=today() + 5 * DAY)
    MeetingFactory(body=body, number=1, date=today() - 5 * DAY)
    client.force_login(user)
    page = client.get(reverse("governance:my_bodies")).content.decode()
    assert "운영위원회" in page
    assert "3차 회의" in page
    assert "1차 회의" not in page


def test_member_joins_and_leaves_from_the_list(client, member_rep, organisation):
    body = SubcommitteeFactory(year=today().year, name="상생협력")
    SubcommitteeFactory(year=today().year, name="비공개", open_to_members=False)
    client.force_login(member_rep)
    page = client.get(reverse("governance:open_subcommittees")).content.decode()
    assert "상생협력" in page
    assert "비공개" not in page
    client.post(reverse("governance:join", args=[body.pk]))
    assert Participation.objects.get(body=body).organisation == organisation
    client.post(reverse("governance:leave", args=[body.pk]))
    assert Participation.objects.get(body=body).left_on == today()


def test_staff_see_participants_members_do_not(client, staff_user, member_rep, organisation):
    body = SubcommitteeFactory(year=today().year)
    Participation.objects.create(body=body, organisation=organisation, joined_on=today())
    client.force_login(staff_user)
    assert "참여 회원사" in client.get(reverse("governance:body_detail", args=[body.pk])).content.decode()
    client.force_login(member_rep)
    page = client.get(reverse("governance:body_detail", args=[body.pk])).content.decode()
    assert "참여 회원사" not in page
    assert "분과 참여 그만두기" in page


@pytest.mark.parametrize("view", ["governance:home", "governance:open_subcommittees", "governance:my_bodies"])
def test_list_pages_take_a_constant_number_of_queries(client, django_assert_max_num_queries, view, organisation):
    """Ten more bodies, seats and meetings cost no more queries."""
    year = today().year
    user = UserFactory(role=Role.STAFF if view == "governance:home" else Role.MEMBER_REP, organisation=organisation)

    def add(count):
        for number in range(count):
            body = SubcommitteeFactory(year=year)
            SeatFactory(body=body, person=PersonFactory(user=user), **current_term())
            MeetingFactory(body=body, number=1, date=today() + DAY * (number + 1))

    client.force_login(user)
    add(1)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse(view)).status_code == 200
    add(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse(view)).status_code == 200


def test_body_form_bounds_its_numbers(client, staff_user):
    client.force_login(staff_user)
    response = client.post(
        reverse("governance:body_create") + "?year=2026",
        {
            "name": "상생협력",
            "kind": "subcommittee",
            "order": "1",
            "meetings_planned": "40000",
            "quorum_rule": "majority",
        },
    )
    assert response.status_code == 200
    assert "32767 이하" in response.content.decode() or "32,767" in response.content.decode()
    assert Body.objects.count() == 0


def test_my_bodies_lists_my_open_follow_up_actions_from_confirmed_minutes(client):
    user = UserFactory(role=Role.STEERING, name="김위원")
    body = BodyFactory(year=today().year, name="운영위원회")
    SeatFactory(body=body, person=PersonFactory(user=user, name="김위원"), **current_term())
    meeting = MeetingFactory(body=body, number=2, date=today() - 5 * DAY)
    minutes = Minutes.objects.create(meeting=meeting)

    def item_in(state: str) -> MinutesItem:
        number = minutes.versions.count() + 1
        version = MinutesVersion.objects.create(minutes=minutes, number=number, state=state, created_at=timezone.now())
        return MinutesItem.objects.create(version=version, order=1, title="안건")

    confirmed, draft = item_in(MinutesState.CONFIRMED), item_in(MinutesState.DRAFT)
    ActionItem.objects.create(item=confirmed, description="분과 운영 계획 제출", owner="김위원", due_on=today() + DAY)
    ActionItem.objects.create(item=confirmed, description="이미 끝난 일", owner="김위원", done=True)
    ActionItem.objects.create(item=confirmed, description="다른 위원의 일", owner="박위원")
    ActionItem.objects.create(item=draft, description="초안에만 있는 일", owner="김위원")
    client.force_login(user)

    page = client.get(reverse("governance:my_bodies")).content.decode()

    assert (
        "분과 운영 계획 제출" in page,
        "이미 끝난 일" in page,
        "다른 위원의 일" in page,
        "초안에만 있는 일" in page,
    ) == (
        True,
        False,
        False,
        False,
    )
