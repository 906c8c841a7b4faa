"""Investment-day pages: staff flows, the printable grid, own schedules only, .ics, constant query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.core.roles import Role
from alliance.core.tests.confirming import post_confirmed
from alliance.core.tests.factories import UserFactory
from alliance.programs.models import Meeting
from alliance.programs.services import investment_meetings as meetings_service
from alliance.programs.tests.factories import representative
from alliance.programs.tests.factories_investment import DayCompanyFactory, DeskFactory, InvestmentDayFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def day():
    return InvestmentDayFactory()


def book(desk, company, slot):
    return meetings_service.book_meeting(actor=None, desk=desk, company=company, slot=slot)


def test_staff_run_the_scheduler_and_see_whether_it_is_optimal(
    client, staff_user, day, django_capture_on_commit_callbacks
):
    desk = DeskFactory(day=day)
    DayCompanyFactory(day=day, requests=[desk])
    DayCompanyFactory(day=day, requests=[desk])
    client.force_login(staff_user)
    year = day.programme.year

    with django_capture_on_commit_callbacks(execute=True):  # the task is queued when the request commits
        post_confirmed(client, reverse("programs:investment_schedule", args=[year]))
    response = client.get(reverse("programs:investment_day", args=[year]))

    assert Meeting.objects.filter(day=day).count() == 2
    assert response.context["day"].schedule_optimal is True
    assert b'id="schedule-result"' in response.content


def test_board_refuses_double_booking_with_a_message(client, staff_user, day):
    desk = DeskFactory(day=day, firm="피앤아이 인베스트먼트", person="")
    first, second = DayCompanyFactory(day=day), DayCompanyFactory(day=day)
    book(desk, first, "14:00")
    client.force_login(staff_user)

    response = client.post(
        reverse("programs:investment_book", args=[day.programme.year]),
        {"desk": desk.pk, "company": second.pk, "slot": "14:00"},
        follow=True,
    )

    shown = [str(message) for message in response.context["messages"]]
    assert len(shown) == 1
    assert "피앤아이 인베스트먼트" in shown[0]
    assert first.organisation.name in shown[0]
    assert Meeting.objects.count() == 1


def test_board_offers_a_no_shows_slot_to_a_checked_in_company(client, staff_user, day):
    desk = DeskFactory(day=day)
    absent, waiting = DayCompanyFactory(day=day, requests=[desk]), DayCompanyFactory(day=day, requests=[desk])
    meeting = book(desk, absent, "14:20")
    client.force_login(staff_user)
    client.post(reverse("programs:investment_checkin", args=[waiting.pk]))
    client.post(reverse("programs:investment_meeting", args=[meeting.pk]), {"action": "no_show"})

    board = client.get(reverse("programs:investment_board", args=[day.programme.year]))
    client.post(reverse("programs:investment_offer", args=[meeting.pk]), {f"offer{meeting.pk}-company": waiting.pk})

    assert [company for _, _, companies in board.context["freed"] for company in companies] == [waiting]
    assert Meeting.objects.get(company=waiting).source == Meeting.Source.OFFERED
    assert Meeting.objects.get(company=absent).status == Meeting.Status.NO_SHOW


def test_grid_has_investors_as_columns_and_the_break_as_a_row(client, staff_user, day):
    desks = [DeskFactory(day=day, firm=f"투자사{n}", person="") for n in range(2)]
    company = DayCompanyFactory(day=day)
    book(desks[1], company, "16:00")
    client.force_login(staff_user)

    response = client.get(reverse("programs:investment_grid", args=[day.programme.year]))

    rows = response.context["rows"]
    assert [row.label for row in rows][5:7] == ["15:40~16:00", "16:00~16:15"]
    assert rows[6].cells == [None, Meeting.objects.get()]
    assert [str(desk) for desk in response.context["desks"]] == ["투자사0", "투자사1"]


def test_my_meetings_shows_only_the_users_own(client, day):
    desk = DeskFactory(day=day)
    mine, theirs = DayCompanyFactory(day=day), DayCompanyFactory(day=day)
    book(desk, mine, "14:00")
    book(desk, theirs, "14:20")
    client.force_login(representative(mine.organisation))

    response = client.get(reverse("programs:my_meetings"))

    assert [m.company for m in response.context["meetings"]] == [mine]


def test_interest_page_of_another_investors_meeting_is_404(client, day):
    meeting = book(DeskFactory(day=day), DayCompanyFactory(day=day), "14:00")
    client.force_login(UserFactory(role=Role.INVESTOR))

    response = client.get(reverse("programs:my_meeting_interest", args=[meeting.pk]))

    assert response.status_code == 404


def test_investor_records_interest(client, day):
    desk = DeskFactory(day=day)
    meeting = book(desk, DayCompanyFactory(day=day), "14:00")
    client.force_login(desk.user)

    client.post(reverse("programs:my_meeting_interest", args=[meeting.pk]), {"interest": "high", "note": "IR 요청"})

    meeting.refresh_from_db()
    assert (meeting.interest, meeting.interest_note, meeting.status) == ("high", "IR 요청", "held")


def test_company_saves_requests_in_order(client, day):
    first, second = DeskFactory(day=day), DeskFactory(day=day)
    company = DayCompanyFactory(day=day)
    client.force_login(representative(company.organisation))

    client.post(
        reverse("programs:my_investment_requests", args=[day.programme.year]),
        {"choice_1": second.pk, "choice_2": first.pk},
    )

    assert [(r.rank, r.desk) for r in company.requests.order_by("rank")] == [(1, second), (2, first)]


def test_company_requests_with_a_gap_are_refused(client, day):
    first, second = DeskFactory(day=day), DeskFactory(day=day)
    company = DayCompanyFactory(day=day)
    client.force_login(representative(company.organisation))

    response = client.post(
        reverse("programs:my_investment_requests", args=[day.programme.year]), {"choice_2": first.pk}
    )

    assert response.status_code == 200
    assert company.requests.count() == 0
    assert second.requests.count() == 0


def test_investor_declines_a_company(client, day):
    desk = DeskFactory(day=day)
    company = DayCompanyFactory(day=day, requests=[desk])
    client.force_login(desk.user)

    client.post(reverse("programs:my_investment_declines", args=[day.programme.year]), {"declined": [company.pk]})

    assert list(desk.declines.values_list("company", flat=True)) == [company.pk]


def test_my_meetings_ics_lists_own_meetings_in_seoul_time(client, day):
    desk = DeskFactory(day=day)
    company = DayCompanyFactory(day=day)
    book(desk, company, "16:40")
    client.force_login(representative(company.organisation))

    response = client.get(reverse("programs:my_meetings_ics", args=[day.programme.year]))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert b"DTSTART;TZID=Asia/Seoul:20261113T164000" in response.content


def test_my_meetings_ics_defines_the_timezone_it_names(client, day):
    import icalendar

    desk = DeskFactory(day=day)
    company = DayCompanyFactory(day=day)
    book(desk, company, "16:40")
    client.force_login(representative(company.organisation))

    response = client.get(reverse("programs:my_meetings_ics", args=[day.programme.year]))

    calendar = icalendar.Calendar.from_ical(response.content)
    zones = [
        (str(zone["TZID"]), str(zone.subcomponents[0]["TZOFFSETTO"].to_ical())) for zone in calendar.walk("VTIMEZONE")
    ]
    assert zones == [("Asia/Seoul", "+0900")]


def _same_queries(client, url, add_more, django_assert_num_queries):
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    add_more()
    with django_assert_num_queries(len(one.captured_queries)):
        return client.get(url)


def test_day_page_query_count_does_not_grow(client, staff_user, day, django_assert_num_queries):
    desk = DeskFactory(day=day)
    DayCompanyFactory(day=day, requests=[desk])
    client.force_login(staff_user)

    def more():
        for _ in range(2):
            DayCompanyFactory(day=day, requests=[DeskFactory(day=day), desk])

    response = _same_queries(
        client, reverse("programs:investment_day", args=[day.programme.year]), more, django_assert_num_queries
    )

    assert len(response.context["companies"]) == 3


@pytest.mark.parametrize("name", ["programs:investment_board", "programs:investment_grid"])
def test_board_and_grid_query_counts_do_not_grow(client, staff_user, day, django_assert_num_queries, name):
    desk = DeskFactory(day=day)
    book(desk, DayCompanyFactory(day=day), "14:00")
    client.force_login(staff_user)

    def more():
        book(desk, DayCompanyFactory(day=day), "14:20")
        book(DeskFactory(day=day), DayCompanyFactory(day=day), "14:40")

    response = _same_queries(client, reverse(name, args=[day.programme.year]), more, django_assert_num_queries)

    assert response.status_code == 200


def test_my_meetings_query_count_does_not_grow(client, day, django_assert_num_queries):
    desk = DeskFactory(day=day)
    book(desk, DayCompanyFactory(day=day), "14:00")
    client.force_login(desk.user)

    def more():
        book(desk, DayCompanyFactory(day=day), "14:20")
        book(desk, DayCompanyFactory(day=day), "14:40")

    response = _same_queries(client, reverse("programs:my_meetings"), more, django_assert_num_queries)

    assert len(response.context["meetings"]) == 3


def test_day_page_counts_each_desks_requests_and_meetings_once(client, staff_user, day):
    desk = DeskFactory(day=day)
    first, second = DayCompanyFactory(day=day, requests=[desk]), DayCompanyFactory(day=day, requests=[desk])
    book(desk, first, "14:00")
    book(desk, second, "14:20")
    DayCompanyFactory(day=day, requests=[desk])
    client.force_login(staff_user)

    response = client.get(reverse("programs:investment_day", args=[day.programme.year]))

    assert [(d.request_count, d.meeting_count) for d in response.context["desks"]] == [(3, 2)]


def test_send_button_mails_schedules_through_the_task(
    client, staff_user, day, smtp_server, django_capture_on_commit_callbacks
):
    desk = DeskFactory(day=day)
    company = DayCompanyFactory(day=day)
    representative(company.organisation)
    book(desk, company, "14:00")
    client.force_login(staff_user)

    url = reverse("programs:investment_send", args=[day.programme.year])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url)
    assert (first.status_code, smtp_server.messages) == (200, [])
    with django_capture_on_commit_callbacks(execute=True):
        post_confirmed(client, url)

    assert len(smtp_server.messages) == 2
