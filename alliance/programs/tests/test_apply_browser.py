"""Browser test in Debian's chromium: a representative forms a group, its partner confirms, and the lead
writes the proposal, attaches a file and submits it (the receipt goes out by real SMTP)."""

import pytest
from playwright.sync_api import expect

from alliance.core.tests.factories import PASSWORD
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import Proposal
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory, representative
from conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_applicant_forms_group_and_submits_before_the_deadline(page, browser, live_server, smtp_server, tmp_path):
    ProgrammeFactory(year=2026, call_open=True, name="2026 프로젝트 그룹")
    lead = representative(OrganisationFactory(name="주식회사 리드"), email="lead@lead.example.kr")
    partner = representative(OrganisationFactory(name="주식회사 파트너"), email="rep@partner.example.kr")
    document = tmp_path / "사업계획서.pdf"
    document.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")

    log_in(page, live_server, lead.email, PASSWORD)
    page.goto(f"{live_server.url}/programs/2026/apply/")
    page.get_by_role("link", name="그룹 구성").click()
    page.fill("#id_name", "햅틱 트레이닝 그룹")
    page.select_option("#id_track", label="HW부문")
    page.select_option("#id_mentoring_field", label="의료헬스케어")
    page.fill("#id_partners", "(주)파트너")
    page.get_by_role("button", name="그룹 구성하기").click()
    expect(page.locator("h1")).to_have_text("햅틱 트레이닝 그룹")
    expect(page.locator("#missing")).to_contain_text("주식회사 파트너가 아직 참여를 확인하지 않았습니다.")
    group_url = page.url

    partner_context = browser.new_context(locale="ko-KR")
    partner_page = partner_context.new_page()
    log_in(partner_page, live_server, partner.email, PASSWORD)
    partner_page.goto(group_url)
    partner_page.get_by_role("button", name="참여 확인").click()
    expect(partner_page.locator(".messages")).to_contain_text("귀사의 그룹 참여를 확인했습니다.")
    partner_context.close()

    page.get_by_role("link", name="제안서 작성·수정").click()
    page.fill("#id_title", "촉감 재현 의료 훈련 장갑")
    page.fill("#id_summary", "햅틱 장갑으로 의료 술기를 훈련합니다.")
    page.fill("#id_product", "햅틱 장갑과 훈련 콘텐츠")
    page.fill("#id_market", "의과대학, 수련병원")
    page.fill("#id_business_model", "장비 판매와 콘텐츠 구독")
    page.fill("#id_team", "2개사, 개발 8명")
    page.get_by_role("button", name="임시 저장").click()
    expect(page.locator(".messages")).to_contain_text("임시 저장했습니다.")
    page.set_input_files("#id_file", str(document))
    page.get_by_role("button", name="첨부", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("사업계획서.pdf를 첨부했습니다.")
    page.get_by_role("button", name="제안서 제출").click()

    expect(page.locator("#proposal-status")).to_have_text("제출 완료")
    assert Proposal.objects.get(group__name="햅틱 트레이닝 그룹").status == Proposal.Status.SUBMITTED
    # The partner's invitation when the group was formed, then the receipt to both companies.
    assert [message.envelope_recipients for message in smtp_server.messages] == [
        ["rep@partner.example.kr"],
        ["lead@lead.example.kr", "rep@partner.example.kr"],
    ]


def test_group_page_fits_a_phone(phone_page, live_server):
    programme = ProgrammeFactory(year=2026, call_open=True)
    lead = representative(OrganisationFactory(name="주식회사 아주긴이름을가진메타버스콘텐츠제작사"))
    group = ProjectGroupFactory(programme=programme, lead=lead.organisation, partners=2, submitted=False)

    log_in(phone_page, live_server, lead.email, PASSWORD)
    phone_page.goto(f"{live_server.url}/programs/groups/{group.pk}/")

    expect(phone_page.get_by_role("button", name="첨부", exact=True)).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
