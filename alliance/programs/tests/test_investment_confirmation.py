"""The investment day's mass actions ask first (core/confirm.py): the scheduler run says how many companies and
which meetings it replaces; the schedules' sending says who receives what, previews one schedule and sends a
test to oneself. The first POST writes nothing and sends nothing."""

import pytest
from django.urls import reverse

from alliance.core.models import AuditEntry
from alliance.core.tests.confirming import post_confirmed
from alliance.programs.models import Meeting
from alliance.programs.services import investment_meetings as meetings_service
from alliance.programs.tests.factories import representative
from alliance.programs.tests.factories_investment import DayCompanyFactory, DeskFactory, InvestmentDayFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def korean(settings):
    settings.LANGUAGE_CODE = "ko"


@pytest.fixture
def day():
    return InvestmentDayFactory()


def _booked_day(day):
    desk = DeskFactory(day=day, firm="대성창업투자", user=None)
    company = DayCompanyFactory(day=day)
    representative(company.organisation, email="rep@company.example.kr")
    meetings_service.book_meeting(actor=None, desk=desk, company=company, slot="14:00")
    return company


def test_sending_schedules_first_shows_who_and_the_e_mail_and_sends_nothing(
    client, staff_user, day, smtp_server, django_capture_on_commit_callbacks
):
    company = _booked_day(day)
    client.force_login(staff_user)
    url = reverse("programs:investment_send", args=[day.programme.year])

    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url)
    preview = client.get(reverse("programs:investment_send_preview", args=[day.programme.year]))

    html = page.content.decode()
    assert "1명" in html
    assert f"{company} (rep@company.example.kr)" in html
    assert "1개 기업·투자자는 메일 주소가 없어 일정을 받지 못합니다: 대성창업투자" in html
    assert "14:00" in preview.content.decode()
    assert smtp_server.messages == []
    assert AuditEntry.objects.filter(action="programs.investment.schedules_sent").count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        post_confirmed(client, url)

    assert [message.envelope_recipients for message in smtp_server.messages] == [["rep@company.example.kr"]]


def test_schedule_test_send_reaches_only_staff_with_the_calendar(client, staff_user, day, smtp_server):
    _booked_day(day)
    client.force_login(staff_user)

    client.post(reverse("programs:investment_send", args=[day.programme.year]), {"send_test": "1"})

    assert [message.envelope_recipients for message in smtp_server.messages] == [[staff_user.email]]
    message = smtp_server.messages[0]
    assert message["Subject"].strip().startswith("[테스트] ")
    assert [part.get_filename() for part in message.iter_attachments()] == ["meetings.ics"]


def test_sending_without_meetings_is_refused(client, staff_user, day, smtp_server):
    client.force_login(staff_user)

    page = client.post(reverse("programs:investment_send", args=[day.programme.year]), {"confirmed": "forged"})

    assert "보낼 일정이 없습니다" in page.content.decode()
    assert 'name="confirmed"' not in page.content.decode()
    assert smtp_server.messages == []


def test_scheduler_run_first_says_which_meetings_it_replaces(
    client, staff_user, day, django_capture_on_commit_callbacks
):
    _booked_day(day)
    client.force_login(staff_user)
    url = reverse("programs:investment_schedule", args=[day.programme.year])

    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(url)

    html = page.content.decode()
    assert "1개사" in html
    assert "지금 잡힌 면담 1건" in html
    assert list(Meeting.objects.values_list("source", flat=True)) == ["manual"]
    assert AuditEntry.objects.filter(action="programs.investment.scheduled").count() == 0
