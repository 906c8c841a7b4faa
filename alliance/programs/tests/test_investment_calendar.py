"""Investment-day calendars that people's calendars can follow: a meeting keeps its UID when the day is
rescheduled, its SEQUENCE rises on every change, a cancelled meeting stays in the file as cancelled and its
cancellation is e-mailed once (METHOD:CANCEL), schedules go out as METHOD:REQUEST.

Each .ics is read with the icalendar library and, independently, by `raw_events` below (RFC 5545 line
unfolding and property splitting only), so a file that only icalendar's leniency accepts would fail.
"""

import datetime
import re

import icalendar
import pytest
from django.urls import reverse

from alliance.programs.models import Meeting
from alliance.programs.services import investment as service
from alliance.programs.services import investment_meetings as meetings
from alliance.programs.tests.factories import representative
from alliance.programs.tests.factories_investment import DayCompanyFactory, DeskFactory, InvestmentDayFactory

pytestmark = pytest.mark.django_db

SITE_DOMAIN = "alliance.example.kr"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = f"https://{SITE_DOMAIN}"


@pytest.fixture
def day():
    return InvestmentDayFactory()


@pytest.fixture
def eight_meetings(day, staff_user):
    """Four desks, two companies each requesting all four: eight meetings once scheduled."""
    desks = [DeskFactory(day=day) for _ in range(4)]
    companies = [DayCompanyFactory(day=day, requests=desks) for _ in range(2)]
    service.schedule_day(actor=staff_user, day=day)
    assert Meeting.objects.filter(day=day, status=Meeting.Status.SCHEDULED).count() == 8
    return desks, companies


def raw_events(ics: bytes) -> tuple[dict, list[dict]]:
    """The calendar's own properties and each VEVENT's, as {NAME: (parameters, value)}: an independent reading."""
    lines = re.sub(r"\r\n[ \t]", "", ics.decode("utf-8")).split("\r\n")
    calendar, events, current, depth = {}, [], None, []
    for line in filter(None, lines):
        name_part, value = line.split(":", 1)
        name, *parameters = name_part.split(";")
        if name == "BEGIN":
            depth.append(value)
            if value == "VEVENT":
                current = {}
        elif name == "END":
            depth.pop()
            if value == "VEVENT":
                events.append(current)
        elif depth == ["VCALENDAR"]:
            calendar[name] = (parameters, value)
        elif depth == ["VCALENDAR", "VEVENT"]:
            current[name] = (parameters, value)
    return calendar, events


def download(client, user, year) -> bytes:
    client.force_login(user)
    response = client.get(reverse("programs:my_meetings_ics", args=[year]))
    assert response.status_code == 200
    return response.content


def by_uid(ics: bytes) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in icalendar.Calendar.from_ical(ics).walk("VEVENT")}


def all_meetings_file(day) -> bytes:
    return meetings.calendar_file(day=day, meetings=Meeting.objects.filter(day=day).order_by("pk"), for_desk=False)


def test_rescheduling_the_day_keeps_every_meetings_uid(day, staff_user, eight_meetings):
    before = by_uid(all_meetings_file(day))

    service.schedule_day(actor=staff_user, day=day)

    after = by_uid(all_meetings_file(day))
    assert len(before) == 8
    assert set(after) == set(before)
    assert all(uid.endswith(f"@{SITE_DOMAIN}") for uid in after)
    for uid, event in after.items():  # a meeting whose time changed has a higher sequence, the others the same
        moved = event.decoded("dtstart") != before[uid].decoded("dtstart")
        assert int(event["SEQUENCE"]) == int(before[uid]["SEQUENCE"]) + moved


def test_moving_the_day_to_another_date_keeps_uids_and_raises_sequence(day, staff_user, eight_meetings):
    before = by_uid(all_meetings_file(day))

    service.configure_day(
        actor=staff_user,
        programme=day.programme,
        date=datetime.date(2026, 11, 20),
        venue=day.venue,
        starts=day.starts,
        ends=day.ends,
        every_minutes=day.every_minutes,
        length_minutes=day.length_minutes,
        breaks=day.breaks,
    )

    day.refresh_from_db()
    after = by_uid(all_meetings_file(day))
    assert set(after) == set(before)
    assert {int(event["SEQUENCE"]) for event in after.values()} == {1}
    assert {event.decoded("dtstart").date() for event in after.values()} == {datetime.date(2026, 11, 20)}


def test_a_meeting_the_new_schedule_drops_stays_in_the_file_as_cancelled(client, day, staff_user, eight_meetings):
    desks, (_first, second) = eight_meetings
    dropped = Meeting.objects.get(company=second, desk=desks[3])
    service.set_requests(actor=staff_user, company=second, desks=desks[:3])

    service.schedule_day(actor=staff_user, day=day)

    dropped.refresh_from_db()
    assert (dropped.status, dropped.sequence) == (Meeting.Status.CANCELLED, 1)
    ics = download(client, representative(second.organisation), day.programme.year)
    _calendar, events = raw_events(ics)
    statuses = sorted((event["UID"][1], event["STATUS"][1]) for event in events)
    assert len(statuses) == 4
    assert (f"{dropped.uid}@{SITE_DOMAIN}", "CANCELLED") in statuses
    assert [status for _uid, status in statuses].count("CONFIRMED") == 3


def test_cancelling_a_meeting_sends_one_cancellation_and_keeps_it_in_the_download(
    client, day, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    desk = DeskFactory(day=day)
    company = DayCompanyFactory(day=day)
    rep = representative(company.organisation)
    meeting = meetings.book_meeting(actor=staff_user, desk=desk, company=company, slot="14:40")
    with django_capture_on_commit_callbacks(execute=True):
        meetings.order_schedule_emails(actor=staff_user, day=day)
    schedule_files = [part.get_content() for mail in smtp_server.messages for part in mail.iter_attachments()]
    schedule_files = [part.encode() if isinstance(part, str) else part for part in schedule_files]
    smtp_server.messages.clear()

    with django_capture_on_commit_callbacks(execute=True):
        meetings.set_meeting_status(actor=staff_user, meeting=meeting, status=Meeting.Status.CANCELLED)

    uid = f"{meeting.uid}@{SITE_DOMAIN}"
    assert sorted(address for mail in smtp_server.messages for address in mail.envelope_recipients) == sorted(
        [rep.email, desk.user.email]
    )
    for schedule in schedule_files:
        calendar, (event,) = raw_events(schedule)
        assert calendar["METHOD"][1] == "REQUEST"
        assert (event["UID"][1], event["SEQUENCE"][1], event["STATUS"][1]) == (uid, "0", "CONFIRMED")
    for mail in smtp_server.messages:
        (attachment,) = mail.iter_attachments()
        assert attachment.get_content_type() == "text/calendar"
        assert attachment.get_param("method") == "CANCEL"
        content = attachment.get_content()
        cancel = content.encode() if isinstance(content, str) else content
        calendar, (event,) = raw_events(cancel)
        assert calendar["METHOD"][1] == "CANCEL"
        assert (event["UID"][1], event["SEQUENCE"][1], event["STATUS"][1]) == (uid, "1", "CANCELLED")
        assert event["DTSTART"] == (["TZID=Asia/Seoul"], "20261113T144000")
        parsed = icalendar.Calendar.from_ical(cancel)
        assert [str(zone["TZID"]) for zone in parsed.walk("VTIMEZONE")] == ["Asia/Seoul"]
        assert "취소" in mail["Subject"]
    downloaded = by_uid(download(client, rep, day.programme.year))
    assert list(downloaded) == [uid]
    assert (str(downloaded[uid]["STATUS"]), int(downloaded[uid]["SEQUENCE"])) == ("CANCELLED", 1)


def test_a_cancellation_before_the_schedules_were_sent_mails_nobody(
    day, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    meeting = meetings.book_meeting(
        actor=staff_user, desk=DeskFactory(day=day), company=DayCompanyFactory(day=day), slot="14:40"
    )

    with django_capture_on_commit_callbacks(execute=True):
        meetings.set_meeting_status(actor=staff_user, meeting=meeting, status=Meeting.Status.CANCELLED)

    assert smtp_server.messages == []
    meeting.refresh_from_db()
    assert meeting.sequence == 1


def test_moving_a_meeting_keeps_its_uid_and_raises_its_sequence(day, staff_user):
    desk = DeskFactory(day=day)
    meeting = meetings.book_meeting(actor=staff_user, desk=desk, company=DayCompanyFactory(day=day), slot="14:40")
    uid = meeting.uid

    meetings.move_meeting(actor=staff_user, meeting=meeting, desk=desk, slot="16:20")

    meeting.refresh_from_db()
    assert (meeting.uid, meeting.sequence, meeting.slot) == (uid, 1, "16:20")
