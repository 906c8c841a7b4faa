import datetime

import pytest
from django.test import TestCase

from alliance.agencies.jobs import report_reminders_job
from alliance.agencies.models import QuarterDeadline
from alliance.agencies.services.reminders import send_due_reminders
from alliance.agencies.services.reports import set_deadline, submit_report
from alliance.agencies.tests.factories import EntryFactory, LiaisonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def liaisons(settings):
    settings.SITE_URL = "http://testserver"
    late = LiaisonFactory(agency__short_name="SPRI", agency__name="소프트웨어정책연구소", user__email="spri@example.kr")
    done = LiaisonFactory(agency__short_name="IITP", user__email="iitp@example.kr")
    entry = EntryFactory(report__agency=done.agency, report__year=2026, report__quarter=3)
    submit_report(actor=done.user, report=entry.report)
    return late, done


def _send(as_of):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return send_due_reminders(as_of=as_of)


def test_reminder_reaches_only_agencies_that_have_not_submitted(liaisons, smtp_server):
    addressed = _send(datetime.date(2026, 10, 3))

    message = smtp_server.messages[0]
    body = message.get_body(("plain",)).get_content()
    assert (addressed, [m.envelope_recipients for m in smtp_server.messages]) == (1, [["spri@example.kr"]])
    assert message["Subject"].strip() == "[메타버스 얼라이언스] 2026년 3분기 실적 보고 기한 2026. 10. 10."
    assert f"http://testserver/agencies/{liaisons[0].agency.pk}/reports/2026/3/" in body


def test_each_step_is_sent_once_and_the_last_day_step_follows(liaisons, smtp_server):
    sent = [_send(datetime.date(2026, 10, day)) for day in (2, 3, 4, 8, 9, 9, 10, 11)]

    assert sent == [0, 1, 0, 0, 1, 0, 0, 0]
    assert len(smtp_server.messages) == 2
    assert QuarterDeadline.objects.get(year=2026, quarter=3).reminded_days_before == 1


def test_a_moved_deadline_starts_the_reminders_again(liaisons, smtp_server, staff_user):
    _send(datetime.date(2026, 10, 9))
    set_deadline(actor=staff_user, year=2026, quarter=3, due_on=datetime.date(2026, 10, 20))

    assert _send(datetime.date(2026, 10, 13)) == 1


def test_an_agency_that_has_submitted_gets_no_reminder(liaisons, smtp_server):
    late, _done = liaisons
    entry = EntryFactory(report__agency=late.agency, report__year=2026, report__quarter=3)
    submit_report(actor=late.user, report=entry.report)

    assert (_send(datetime.date(2026, 10, 3)), smtp_server.messages) == (0, [])


def test_the_periodic_job_reports_what_it_did(db):
    assert report_reminders_job().endswith("agency liaisons reminded")


def test_the_deadlines_page_shows_the_reminders_progress(liaisons, smtp_server, client, staff_user):
    _send(datetime.date(2026, 10, 3))
    client.force_login(staff_user)

    page = client.get("/agencies/deadlines/2026/").content.decode()

    assert ("유관기관 실적 보고 안내 메일" in page, "1명 중 1명에게 발송했습니다." in page) == (True, True)
