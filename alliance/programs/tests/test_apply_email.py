"""The submission receipt goes by real SMTP, in Korean, to every representative of the group's companies."""

import pytest

from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.services import application_emails
from alliance.programs.services import applications as service
from alliance.programs.tests.factories import ProgrammeFactory, representative, upload_file

pytestmark = pytest.mark.django_db


def test_submit_proposal_sends_korean_receipt_to_lead_and_partner(
    smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.LANGUAGE_CODE = "ko"
    programme = ProgrammeFactory(call_open=True, name="2026 프로젝트 그룹")
    lead_rep = representative(OrganisationFactory(name="주식회사 리드"), email="lead@lead.example.kr")
    partner_rep = representative(OrganisationFactory(name="주식회사 파트너"), email="rep@partner.example.kr")
    group = service.form_group(
        actor=lead_rep,
        programme=programme,
        track=programme.tracks.get(code="HW"),
        name="햅틱 그룹",
        partner_names=["주식회사 파트너"],
    )
    service.confirm_partner(actor=partner_rep, group=group)
    service.save_proposal(
        actor=lead_rep,
        group=group,
        data={
            "title": "촉감 장갑",
            "summary": "요약",
            "product": "장갑",
            "market": "교육",
            "business_model": "판매",
            "team": "3명",
        },
    )
    service.add_attachment(actor=lead_rep, group=group, upload=upload_file("제안서.pdf"))

    with django_capture_on_commit_callbacks(execute=True):
        service.submit_proposal(actor=lead_rep, group=group)

    (message,) = smtp_server.messages
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert message.envelope_recipients == ["lead@lead.example.kr", "rep@partner.example.kr"]
    assert message["Subject"].strip() == "[메타버스 얼라이언스] 2026 프로젝트 그룹: 햅틱 그룹 제안서 접수 완료"
    assert "촉감 장갑" in text
    assert "주식회사 리드, 주식회사 파트너" in text
    assert "제안서.pdf" in text


def test_send_receipt_email_for_a_draft_sends_nothing(smtp_server):
    from alliance.programs.tests.factories import ProjectGroupFactory

    programme = ProgrammeFactory(call_open=True)
    group = ProjectGroupFactory(programme=programme, submitted=False)

    sent = application_emails.send_receipt_email(group=group)

    assert (sent, smtp_server.messages) == (0, [])


def test_form_group_invites_each_partner_by_korean_email(smtp_server, settings, django_capture_on_commit_callbacks):
    settings.LANGUAGE_CODE = "ko"
    programme = ProgrammeFactory(call_open=True, name="2026 프로젝트 그룹")
    lead_rep = representative(OrganisationFactory(name="주식회사 리드"), email="lead@lead.example.kr")
    representative(OrganisationFactory(name="주식회사 파트너"), email="rep@partner.example.kr")
    representative(OrganisationFactory(name="주식회사 둘째"), email="rep@second.example.kr")

    with django_capture_on_commit_callbacks(execute=True):
        group = service.form_group(
            actor=lead_rep,
            programme=programme,
            track=programme.tracks.get(code="SW"),
            name="XR 그룹",
            partner_names=["주식회사 파트너", "주식회사 둘째"],
        )

    by_recipient = {tuple(m.envelope_recipients): m for m in smtp_server.messages}
    message = by_recipient[("rep@partner.example.kr",)]
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert sorted(by_recipient) == [("rep@partner.example.kr",), ("rep@second.example.kr",)]
    assert message["Subject"].strip() == "[메타버스 얼라이언스] 주식회사 리드에서 프로젝트 그룹 XR 그룹에 초대했습니다"
    assert f"/programs/groups/{group.pk}/" in text


def test_grant_extension_tells_the_group_until_when(
    smtp_server, settings, staff_user, django_capture_on_commit_callbacks
):
    import datetime
    from zoneinfo import ZoneInfo

    from alliance.programs.tests.factories import ProjectGroupFactory

    settings.LANGUAGE_CODE = "ko"
    programme = ProgrammeFactory(year=2026, name="2026 프로젝트 그룹")
    lead_rep = representative(OrganisationFactory(name="주식회사 리드"), email="lead@lead.example.kr")
    group = ProjectGroupFactory(programme=programme, name="늦은 그룹", lead=lead_rep.organisation, submitted=False)
    until = datetime.datetime(2026, 5, 11, 18, 0, tzinfo=ZoneInfo("Asia/Seoul"))

    with django_capture_on_commit_callbacks(execute=True):
        service.grant_extension(actor=staff_user, group=group, until=until, reason="시스템 장애")

    (message,) = smtp_server.messages
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert message.envelope_recipients == ["lead@lead.example.kr"]
    assert message["Subject"].strip() == "[메타버스 얼라이언스] 늦은 그룹 제출 마감 연장 안내"
    assert "2026. 5. 11. 18:00(한국 시간)까지 연장했습니다" in text
