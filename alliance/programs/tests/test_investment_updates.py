"""A meeting changed after the schedules went out is sent again as an updated invitation: METHOD:REQUEST with
the meeting's own UID and its raised SEQUENCE, to the company's representatives and the desk's investor
(before: nothing was sent, and people's calendars kept the old time). A meeting moved to another desk is
cancelled (METHOD:CANCEL, same UID) for the investor it left. E-mails go through the real SMTP server; each
.ics is read with the icalendar library and, independently, by the calendar tests' `raw_events`."""

import datetime

import icalendar
import pytest

from alliance.programs.models import Meeting
from alliance.programs.services import investment as service
from alliance.programs.services import investment_meetings as meetings
from alliance.programs.tests.factories import representative
from alliance.programs.tests.factories_investment import DayCompanyFactory, DeskFactory, InvestmentDayFactory
from alliance.programs.tests.test_investment_calendar import SITE_DOMAIN, raw_events

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = f"https://{SITE_DOMAIN}"


@pytest.fixture
def booked(staff_user):
    """One meeting at 14:40 between a company (one representative) and a desk, its schedules sent."""
    day = InvestmentDayFactory()
    desk, other_desk = DeskFactory(day=day), DeskFactory(day=day)
    company = DayCompanyFactory(day=day)
    rep = representative(company.organisation)
    meeting = meetings.book_meeting(actor=staff_user, desk=desk, company=company, slot="14:40")
    return day, meeting, rep, desk, other_desk


def _send_schedules(day, staff_user, smtp_server, capture):
    with capture(execute=True):
        meetings.order_schedule_emails(actor=staff_user, day=day)
    smtp_server.messages.clear()


def _calendars(smtp_server) -> dict[str, tuple[str, bytes, str]]:
    """{recipient: (attachment's method parameter, .ics bytes, subject)} of the e-mails sent."""
    found = {}
    for mail in smtp_server.messages:
        (attachment,) = mail.iter_attachments()
        content = attachment.get_content()
        ics = content.encode() if isinstance(content, str) else content
        for address in mail.envelope_recipients:
            assert address not in found, "one e-mail per address"
            found[address] = (attachment.get_param("method"), ics, str(mail["Subject"]))
    return found


def _only_event(ics: bytes) -> tuple[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(ics)
    (event,) = calendar.walk("VEVENT")
    _raw_calendar, (raw,) = raw_events(ics)
    assert raw["UID"][1] == str(event["UID"])
    return str(calendar["METHOD"]), event


def test_a_meeting_moved_to_another_time_is_sent_again_as_an_updated_invitation(
    booked, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    day, meeting, rep, desk, _other = booked
    _send_schedules(day, staff_user, smtp_server, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        meetings.move_meeting(actor=staff_user, meeting=meeting, desk=desk, slot="16:20")

    sent = _calendars(smtp_server)
    assert sorted(sent) == sorted([rep.email, desk.user.email])
    for method_parameter, ics, subject in sent.values():
        method, event = _only_event(ics)
        assert (method_parameter, method) == ("REQUEST", "REQUEST")
        assert (str(event["UID"]), int(event["SEQUENCE"]), str(event["STATUS"])) == (
            f"{meeting.uid}@{SITE_DOMAIN}",
            1,
            "CONFIRMED",
        )
        assert event.decoded("dtstart").replace(tzinfo=None) == datetime.datetime(2026, 11, 13, 16, 20)
        assert "변경" in subject


def test_a_meeting_moved_to_another_desk_is_cancelled_for_the_investor_it_left(
    booked, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    day, meeting, rep, desk, other_desk = booked
    _send_schedules(day, staff_user, smtp_server, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
        meetings.move_meeting(actor=staff_user, meeting=meeting, desk=other_desk, slot="14:40")

    sent = _calendars(smtp_server)
    uid = f"{meeting.uid}@{SITE_DOMAIN}"
    assert sorted(sent) == sorted([rep.email, other_desk.user.email, desk.user.email])
    for address in (rep.email, other_desk.user.email):
        method, event = _only_event(sent[address][1])
        assert (sent[address][0], method, str(event["UID"]), int(event["SEQUENCE"])) == ("REQUEST", "REQUEST", uid, 1)
    method, event = _only_event(sent[desk.user.email][1])
    assert (sent[desk.user.email][0], method, str(event["UID"]), int(event["SEQUENCE"])) == ("CANCEL", "CANCEL", uid, 1)
    assert str(event["STATUS"]) == "CANCELLED"
    meeting.refresh_from_db()
    assert (meeting.status, meeting.desk_id) == (Meeting.Status.SCHEDULED, other_desk.pk)


def test_the_day_moved_to_another_date_sends_every_meeting_again(
    booked, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    day, _meeting, rep, desk, _other = booked
    _send_schedules(day, staff_user, smtp_server, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True):
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

    sent = _calendars(smtp_server)
    assert sorted(sent) == sorted([rep.email, desk.user.email])
    for _method, ics, _subject in sent.values():
        method, event = _only_event(ics)
        assert (method, int(event["SEQUENCE"]), event.decoded("dtstart").date()) == (
            "REQUEST",
            1,
            datetime.date(2026, 11, 20),
        )


def test_a_meeting_booked_or_held_again_after_the_schedules_is_an_invitation(
    booked, staff_user, smtp_server, django_capture_on_commit_callbacks
):
    day, meeting, rep, desk, other_desk = booked
    _send_schedules(day, staff_user, smtp_server, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        meetings.set_meeting_status(actor=staff_user, meeting=meeting, status=Meeting.Status.CANCELLED)
    smtp_server.messages.clear()

    with django_capture_on_commit_callbacks(execute=True):
        meetings.set_meeting_status(actor=staff_user, meeting=meeting, status=Meeting.Status.SCHEDULED)
        added = meetings.book_meeting(actor=staff_user, desk=other_desk, company=meeting.company, slot="16:20")

    received = {}
    for mail in smtp_server.messages:
        (attachment,) = mail.iter_attachments()
        content = attachment.get_content()
        method, event = _only_event(content.encode() if isinstance(content, str) else content)
        for address in mail.envelope_recipients:
            received.setdefault(address, []).append((method, str(event["UID"]), int(event["SEQUENCE"])))
    reinstated, new = (f"{meeting.uid}@{SITE_DOMAIN}", 2), (f"{added.uid}@{SITE_DOMAIN}", 0)
    assert {address: sorted(rows) for address, rows in received.items()} == {
        rep.email: sorted([("REQUEST", *reinstated), ("REQUEST", *new)]),
        desk.user.email: [("REQUEST", *reinstated)],
        other_desk.user.email: [("REQUEST", *new)],
    }


def test_a_move_before_the_schedules_were_sent_mails_nobody(booked, staff_user, smtp_server):
    _day, meeting, _rep, desk, _other = booked

    meetings.move_meeting(actor=staff_user, meeting=meeting, desk=desk, slot="16:20")

    assert smtp_server.messages == []
