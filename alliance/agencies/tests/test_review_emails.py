import pytest
from django.test import TestCase

from alliance.agencies.services.reports import review_report, submit_report
from alliance.agencies.tests.factories import EntryFactory, LiaisonFactory

pytestmark = pytest.mark.django_db


def test_the_liaison_reads_the_comment_of_a_returned_report_then_the_acceptance(staff_user, smtp_server, settings):
    settings.SITE_URL = "http://testserver"
    liaison = LiaisonFactory(user__email="nia@example.kr", agency__name="한국지능정보사회진흥원")
    report = EntryFactory(report__agency=liaison.agency, report__quarter=2).report
    submit_report(actor=liaison.user, report=report)

    with TestCase.captureOnCommitCallbacks(execute=True):
        review_report(actor=staff_user, report=report, decision="return", note="참여 기관 수를 적어 주세요.")
    submit_report(actor=liaison.user, report=report)
    with TestCase.captureOnCommitCallbacks(execute=True):
        review_report(actor=staff_user, report=report, decision="accept")

    subjects = [message["Subject"].strip() for message in smtp_server.messages]
    returned = smtp_server.messages[0].get_body(("plain",)).get_content()
    assert [m.envelope_recipients for m in smtp_server.messages] == [["nia@example.kr"], ["nia@example.kr"]]
    assert subjects == [
        "[메타버스 얼라이언스] 2026년 2분기 실적 보고가 보완 요청되었습니다",
        "[메타버스 얼라이언스] 2026년 2분기 실적 보고가 승인되었습니다",
    ]
    assert "참여 기관 수를 적어 주세요." in returned
    assert f"http://testserver/agencies/{liaison.agency.pk}/reports/2026/2/" in returned
