"""Investment-day services: scheduling from the database, conflict checks, no-shows, interest, e-mail, .ics."""

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError

from alliance.core.models import AuditEntry
from alliance.core.roles import Role
from alliance.core.templatetags.audit import change_rows
from alliance.core.tests.factories import UserFactory
from alliance.programs.models import Meeting
from alliance.programs.services import investment as service
from alliance.programs.services import investment_meetings as meetings
from alliance.programs.tests.factories import representative
from alliance.programs.tests.factories_investment import DayCompanyFactory, DeskFactory, InvestmentDayFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return InvestmentDayFactory()


def test_configure_day_default_grid_is_the_seeds_eight_slots(day):
    assert day.slots == ["14:00", "14:20", "14:40", "15:00", "15:20", "16:00", "16:20", "16:40"]


def test_schedule_day_meets_requests_respecting_declines_and_availability(day, staff_user):
    first, second = DeskFactory(day=day, unavailable=["14:00"]), DeskFactory(day=day)
    eager = DayCompanyFactory(day=day, requests=[first, second])
    declined = DayCompanyFactory(day=day, requests=[first])
    service.set_decline(actor=None, desk=first, company=declined, declined=True)

    solution = service.schedule_day(actor=staff_user, day=day)

    rows = sorted((m.company_id, m.desk_id) for m in Meeting.objects.filter(day=day))
    assert rows == sorted([(eager.pk, first.pk), (eager.pk, second.pk)])
    assert Meeting.objects.get(desk=first).slot != "14:00"
    day.refresh_from_db()
    assert (day.schedule_optimal, day.schedule_satisfied, day.schedule_bound) == (True, 2, 2)
    assert solution.optimal is True
    assert AuditEntry.objects.filter(action="programs.investment.scheduled").count() == 1


def test_schedule_day_refused_once_meetings_were_held(day, staff_user):
    desk = DeskFactory(day=day)
    DayCompanyFactory(day=day, requests=[desk])
    service.schedule_day(actor=staff_user, day=day)
    meetings.set_meeting_status(actor=staff_user, meeting=Meeting.objects.get(), status=Meeting.Status.HELD)

    with pytest.raises(ValidationError):
        service.schedule_day(actor=staff_user, day=day)

    assert Meeting.objects.get().status == Meeting.Status.HELD


def test_book_meeting_refuses_double_booking_with_a_message_naming_both(day, staff_user):
    desk = DeskFactory(day=day, firm="대성창업투자", person="")
    taken, other = DayCompanyFactory(day=day), DayCompanyFactory(day=day)
    meetings.book_meeting(actor=staff_user, desk=desk, company=taken, slot="14:00")

    with pytest.raises(ValidationError) as caught:
        meetings.book_meeting(actor=staff_user, desk=desk, company=other, slot="14:00")

    assert len(caught.value.messages) == 1
    assert "대성창업투자" in caught.value.messages[0]
    assert taken.organisation.name in caught.value.messages[0]
    assert Meeting.objects.count() == 1


def test_booking_conflicts_lists_every_broken_rule(day):
    desk = DeskFactory(day=day, unavailable=["14:20"])
    company = DayCompanyFactory(day=day, unavailable=["14:20"])
    service.set_decline(actor=None, desk=desk, company=company, declined=True)

    reasons = meetings.booking_conflicts(desk=desk, company=company, slot="14:20")

    off_grid = meetings.booking_conflicts(desk=desk, company=company, slot="15:40")

    assert len(reasons) == 3
    assert all(desk.firm in reason or company.organisation.name in reason for reason in reasons)
    assert len(off_grid) == 1
    assert "15:40" in off_grid[0]


def test_move_meeting_refuses_a_slot_where_the_company_is_busy(day, staff_user):
    a, b = DeskFactory(day=day), DeskFactory(day=day)
    company = DayCompanyFactory(day=day)
    first = meetings.book_meeting(actor=staff_user, desk=a, company=company, slot="14:00")
    meetings.book_meeting(actor=staff_user, desk=b, company=company, slot="14:20")

    with pytest.raises(ValidationError):
        meetings.move_meeting(actor=staff_user, meeting=first, desk=a, slot="14:20")

    first.refresh_from_db()
    assert first.slot == "14:00"


def test_no_show_frees_the_slot_for_a_waiting_checked_in_company(day, staff_user):
    desk = DeskFactory(day=day)
    absent = DayCompanyFactory(day=day, requests=[desk])
    waiting = DayCompanyFactory(day=day, requests=[desk])
    not_here = DayCompanyFactory(day=day, requests=[desk])
    meeting = meetings.book_meeting(actor=staff_user, desk=desk, company=absent, slot="14:00")
    meetings.check_in(actor=staff_user, company=waiting)

    meetings.set_meeting_status(actor=staff_user, meeting=meeting, status=Meeting.Status.NO_SHOW)
    candidates = meetings.waiting_companies(meeting)
    offered = meetings.offer_freed_slot(actor=staff_user, meeting=meeting, company=waiting)

    assert candidates == [waiting]
    assert not_here not in candidates
    assert (offered.slot, offered.source, offered.company) == ("14:00", Meeting.Source.OFFERED, waiting)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.NO_SHOW


def test_record_interest_marks_the_meeting_held(day):
    desk = DeskFactory(day=day)
    meeting = meetings.book_meeting(actor=None, desk=desk, company=DayCompanyFactory(day=day), slot="16:00")

    meetings.record_interest(actor=desk.user, meeting=meeting, interest="high", note=" 후속 미팅 ")

    meeting.refresh_from_db()
    assert (meeting.status, meeting.interest, meeting.interest_note) == ("held", "high", "후속 미팅")


def test_add_desk_refuses_an_account_that_is_not_an_investor(day):
    with pytest.raises(ValidationError):
        DeskFactory(day=day, user=UserFactory(role=Role.EVALUATOR))


def test_calendar_file_uses_seoul_time(day):
    desk = DeskFactory(day=day, firm="알바트로스 인베스트먼트", person="")
    meeting = meetings.book_meeting(actor=None, desk=desk, company=DayCompanyFactory(day=day), slot="16:20")

    calendar = icalendar.Calendar.from_ical(meetings.calendar_file(day=day, meetings=[meeting], for_desk=False))

    event = next(iter(calendar.walk("VEVENT")))
    start = event.decoded("dtstart")
    assert start.astimezone(datetime.UTC) == datetime.datetime(2026, 11, 13, 7, 20, tzinfo=datetime.UTC)
    assert event.decoded("dtend") - start == datetime.timedelta(minutes=15)
    assert "알바트로스 인베스트먼트" in str(event["summary"])


def test_send_schedules_mails_each_party_its_own_meetings_with_ics(
    day, smtp_server, staff_user, django_capture_on_commit_callbacks
):
    desk = DeskFactory(day=day)
    company = DayCompanyFactory(day=day)
    rep = representative(company.organisation)
    meetings.book_meeting(actor=staff_user, desk=desk, company=company, slot="14:40")

    with django_capture_on_commit_callbacks(execute=True):
        sent = meetings.order_schedule_emails(actor=staff_user, day=day)

    assert sent == 2
    recipients = sorted(address for mail in smtp_server.messages for address in mail.envelope_recipients)
    assert recipients == sorted([rep.email, desk.user.email])
    calendars = [part.get_content() for mail in smtp_server.messages for part in mail.iter_attachments()]
    assert len(calendars) == 2
    assert all("14:40" in mail.get_body(("plain",)).get_content() for mail in smtp_server.messages)


def test_every_investment_audit_entry_renders_in_the_audit_log(day, staff_user):
    desk = DeskFactory(day=day)
    company = DayCompanyFactory(day=day, requests=[desk], unavailable=["16:40"])
    service.set_priority(actor=staff_user, company=company, priority=True)
    service.schedule_day(actor=staff_user, day=day)
    meeting = Meeting.objects.get()
    meetings.move_meeting(actor=staff_user, meeting=meeting, desk=desk, slot="16:20")
    meetings.check_in(actor=staff_user, company=company)
    meetings.record_interest(actor=desk.user, meeting=meeting, interest="low")

    entries = AuditEntry.objects.filter(action__startswith="programs.investment.")

    assert entries.count() == 10
    assert all(change_rows(entry) for entry in entries)
