"""The census's mass actions ask first: opening a round, reminders and closing show how many organisations and
which, the e-mail (with a sample link) and a test send to oneself, and do nothing until confirmed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.core.tests.confirming import post_confirmed
from alliance.members.models import CensusInvitation, CensusRound
from alliance.members.tests.factories import ContactFactory, OrganisationFactory
from alliance.members.tests.test_census_support import invite, make_round

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def korean(settings):
    settings.LANGUAGE_CODE = "ko"


def _members(count: int) -> None:
    for n in range(count):
        ContactFactory(organisation=OrganisationFactory(name=f"회원사 {n:02d}"), email=f"c{n}@member.example.kr")


def _round_data() -> dict:
    return {
        "title": "2026년 하반기 조사",
        "closes_on": (timezone.localdate() + datetime.timedelta(days=10)).isoformat(),
    }


def test_opening_a_round_first_shows_the_count_and_invites_nobody(client, staff_user, smtp_server):
    _members(6)
    OrganisationFactory(name="주소없는회사")
    client.force_login(staff_user)

    page = client.post(reverse("members:census_round_create"), _round_data())

    html = page.content.decode()
    assert page.status_code == 200
    assert "6개사" in html
    assert "외 1개사" in html
    assert "1개 회원사에 메일 주소가 없어 초대하지 않습니다." in html
    census_audit = AuditEntry.objects.filter(action__startswith="members.census.")
    assert (CensusRound.objects.count(), CensusInvitation.objects.count(), census_audit.count()) == (0, 0, 0)
    assert smtp_server.messages == []


def test_opening_a_round_confirmed_invites_the_count_shown(client, staff_user):
    _members(2)
    client.force_login(staff_user)

    response = post_confirmed(client, reverse("members:census_round_create"), _round_data())

    assert response.status_code == 302
    assert CensusInvitation.objects.count() == 2


def test_census_test_send_reaches_only_the_staff_user_with_a_sample_link(client, staff_user, smtp_server):
    _members(2)
    client.force_login(staff_user)

    client.post(reverse("members:census_round_create"), {**_round_data(), "send_test": "1"})

    assert [message.envelope_recipients for message in smtp_server.messages] == [["staff@alliance.example.kr"]]
    message = smtp_server.messages[0]
    assert message["Subject"].strip() == "[테스트] [메타버스 얼라이언스] 회원사 00 회원사 정보 확인 요청"
    assert "/census/sample-link/" in message.get_body(("plain",)).get_content()
    assert CensusRound.objects.count() == 0


def test_reminders_first_show_who_has_not_answered(client, staff_user, smtp_server):
    census_round = make_round()
    for n in range(3):
        invite(census_round, OrganisationFactory(name=f"미응답 {n}"), token=f"t{n}")
    client.force_login(staff_user)

    page = client.post(reverse("members:census_remind", args=[census_round.pk]))
    preview = client.get(reverse("members:census_remind_preview", args=[census_round.pk]))

    assert "3개사" in page.content.decode()
    assert "미응답 0" in page.content.decode()
    assert "아직 응답하지 않으셨" in preview.content.decode()
    assert list(CensusInvitation.objects.values_list("reminder_count", flat=True)) == [0, 0, 0]
    assert smtp_server.messages == []


def test_closing_a_round_first_says_how_many_links_stop(client, staff_user):
    census_round = make_round()
    invite(census_round, OrganisationFactory(name="미응답"), token="t1")
    client.force_login(staff_user)

    page = client.post(reverse("members:census_round_detail", args=[census_round.pk]), {"action": "close"})

    census_round.refresh_from_db()
    assert "1개사" in page.content.decode()
    assert census_round.closed_at is None
