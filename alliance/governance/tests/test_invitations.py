"""Meeting invitations through the bulk delivery and a real SMTP server, replies by the e-mail's personal link,
the .ics and the personal calendar feed."""

import datetime
import re

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.core.tests.confirming import post_confirmed
from alliance.governance.models import MeetingInvitation, Reply
from alliance.governance.services import invitations
from alliance.governance.services.meetings import update_meeting
from alliance.governance.tests.meetings_support import build_steering

LINK = re.compile(r"http://testserver/governance/meetings/answer/[A-Za-z0-9_-]+/")
FEED = re.compile(r"http://testserver/governance/calendar/[0-9]+-[0-9a-f]+\.ics")


@pytest.fixture
def steering(db):
    return build_steering()


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "http://testserver"


def plain(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def ics_of(message) -> icalendar.Calendar:
    part = next(part for part in message.iter_attachments() if part.get_filename() == "meeting.ics")
    return icalendar.Calendar.from_ical(part.get_content())


def send(client, staff_user, meeting, capture, url_name="governance:meeting_invite"):
    client.force_login(staff_user)
    with capture(execute=True):
        return post_confirmed(client, reverse(url_name, args=[meeting.pk]))


def test_invitation_reaches_every_seat_with_timetable_link_and_ics(
    client, staff_user, steering, smtp_server, django_capture_on_commit_callbacks
):
    meeting = steering["meeting"]

    response = send(client, staff_user, meeting, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    by_address = {m.envelope_recipients[0]: m for m in smtp_server.messages}
    assert sorted(by_address) == [
        "chair@univ.example.kr",
        "cho@metaverse.example.kr",
        "kim@ministry.example.kr",
        "lee@agency.example.kr",
    ]
    mail = by_address["cho@metaverse.example.kr"]
    body = plain(mail)
    year = meeting.date.year
    assert mail["Subject"].strip() == f"[메타버스 얼라이언스] {year}년 운영위원회 제4차 회의 안내"
    assert "15:00~15:05 | 05' | 참석자 소개 | 사무국" in body
    assert "15:05~15:30 | 25' | (안건 1) 4/4분기 현황 보고 | 사무국" in body
    assert "배석자로 초대합니다." in plain(by_address["kim@ministry.example.kr"])
    assert "배석자로" not in body
    assert LINK.search(body)
    assert FEED.search(body)
    event = ics_of(mail).walk("VEVENT")[0]
    assert str(event["uid"]) == f"governance-meeting-{meeting.pk}@testserver"
    assert event.decoded("dtstart") == datetime.datetime(
        meeting.date.year, meeting.date.month, meeting.date.day, 15, 0, tzinfo=event.decoded("dtstart").tzinfo
    )
    assert str(event.decoded("dtstart").tzinfo) == "Asia/Seoul"
    assert ics_of(mail)["method"] == "REQUEST"
    assert MeetingInvitation.objects.filter(meeting=meeting, sent_at__isnull=False).count() == 4
    assert AuditEntry.objects.filter(action="governance.meeting.invited").count() == 1


def test_reply_by_the_emailed_link_then_change_it(
    client, staff_user, steering, smtp_server, django_capture_on_commit_callbacks
):
    meeting = steering["meeting"]
    send(client, staff_user, meeting, django_capture_on_commit_callbacks)
    mail = next(m for m in smtp_server.messages if m.envelope_recipients == ["lee@agency.example.kr"])
    link = LINK.search(plain(mail)).group(0).removeprefix("http://testserver")
    client.logout()

    page = client.get(link)
    client.post(link, {"answer": "substitute", "substitute_name": "이금희", "substitute_title": "팀장"})
    answered = client.get(link)
    client.post(link, {"answer": "absent"})

    assert page.status_code == 200
    assert "이본부장 님, 참석 여부를 알려 주세요." in page.text
    assert "회신 내용: 대리참석 (이금희 팀장)" in answered.text
    reply = Reply.objects.get(meeting=meeting, seat=steering["seats"]["agency"])
    assert (reply.answer, reply.substitute_name) == ("absent", "")
    assert client.get("/governance/meetings/answer/not-a-token/").status_code == 404


def test_reminder_goes_only_to_those_without_an_answer_with_the_same_link(
    client, staff_user, steering, smtp_server, django_capture_on_commit_callbacks
):
    meeting = steering["meeting"]
    send(client, staff_user, meeting, django_capture_on_commit_callbacks)
    first_links = {m.envelope_recipients[0]: LINK.search(plain(m)).group(0) for m in smtp_server.messages}
    Reply.objects.create(
        meeting=meeting, seat=steering["seats"]["chair"], answer="attending", replied_at=timezone.now()
    )
    smtp_server.messages.clear()

    send(client, staff_user, meeting, django_capture_on_commit_callbacks, "governance:meeting_remind")

    reminded = {m.envelope_recipients[0]: m for m in smtp_server.messages}
    assert sorted(reminded) == ["cho@metaverse.example.kr", "kim@ministry.example.kr", "lee@agency.example.kr"]
    mail = reminded["cho@metaverse.example.kr"]
    assert mail["Subject"].strip().startswith("[회신 요청]")
    assert LINK.search(plain(mail)).group(0) == first_links["cho@metaverse.example.kr"]


def test_the_periodic_reminder_runs_once_before_the_meeting(
    client, staff_user, steering, smtp_server, django_capture_on_commit_callbacks
):
    meeting = steering["meeting"]
    send(client, staff_user, meeting, django_capture_on_commit_callbacks)
    smtp_server.messages.clear()
    two_days_before = meeting.date - datetime.timedelta(days=2)

    with django_capture_on_commit_callbacks(execute=True):
        first = invitations.remind_due_meetings(today=two_days_before)
    with django_capture_on_commit_callbacks(execute=True):
        second = invitations.remind_due_meetings(today=two_days_before)
    too_early = invitations.remind_due_meetings(today=meeting.date - datetime.timedelta(days=5))

    assert (first, second, too_early) == (4, 0, 0)
    assert len(smtp_server.messages) == 4


def test_the_feed_lists_a_persons_meetings_with_a_rising_sequence(
    client, staff_user, steering, smtp_server, django_capture_on_commit_callbacks
):
    meeting = steering["meeting"]
    person = steering["seats"]["member"].person
    url = invitations.feed_link(person).removeprefix("http://testserver")

    before = icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")
    update_meeting(actor=staff_user, meeting=meeting, data={"place": "온라인 회의실"}, expected_version=None)
    after = icalendar.Calendar.from_ical(client.get(url).content).walk("VEVENT")

    assert [str(e["uid"]) for e in before] == [f"governance-meeting-{meeting.pk}@testserver"]
    assert [str(e["uid"]) for e in after] == [str(e["uid"]) for e in before]
    assert (before[0]["sequence"], after[0]["sequence"]) == (0, 1)
    assert str(after[0]["location"]) == "온라인 회의실"
    assert client.get(url[:-6] + "0.ics").status_code == 404


def test_invitation_is_refused_without_a_start_time(client, staff_user, steering):
    meeting = steering["meeting"]
    meeting.starts_at = None
    meeting.save()
    client.force_login(staff_user)

    page = client.post(reverse("governance:meeting_invite", args=[meeting.pk]))

    assert "회의 날짜와 시작 시각이 아직 없습니다. 안내 전에 정하세요." in page.text
    assert MeetingInvitation.objects.count() == 0
