"""Applying: forming a group of members, partners confirming, drafts, files, the deadline and extensions."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs import queries
from alliance.programs.models import DeadlineExtension, GroupMember, ProjectGroup, Proposal
from alliance.programs.services import applications as service
from alliance.programs.services.programme import set_stage
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory, representative, upload_file

SEOUL = ZoneInfo("Asia/Seoul")
pytestmark = pytest.mark.django_db

FILLED = {
    "title": "XR 원격 정비 플랫폼",
    "summary": "현장 정비를 원격으로 지원합니다.",
    "product": "AR 글라스용 정비 앱",
    "market": "제조 현장",
    "business_model": "구독형",
    "team": "5명",
}


@pytest.fixture
def open_programme():
    return ProgrammeFactory(call_open=True)


@pytest.fixture
def lead_rep():
    return representative(OrganisationFactory(name="주식회사 리드"))


@pytest.fixture
def partner_rep():
    return representative(OrganisationFactory(name="주식회사 파트너"))


def _form(programme, actor, partners=("(주)파트너",), name="XR 정비 그룹"):
    return service.form_group(
        actor=actor, programme=programme, track=programme.tracks.get(code="SW"), name=name, partner_names=partners
    )


def _ready_group(programme, lead_rep, partner_rep):
    group = _form(programme, lead_rep)
    service.confirm_partner(actor=partner_rep, group=group)
    service.save_proposal(actor=lead_rep, group=group, data=FILLED)
    service.add_attachment(actor=lead_rep, group=group, upload=upload_file("제안서.pdf"))
    return group


def _close_call(programme):
    now = timezone.now()
    set_stage(
        actor=None,
        programme=programme,
        kind="call",
        starts_at=now - datetime.timedelta(days=10),
        ends_at=now - datetime.timedelta(seconds=1),
    )


def test_form_group_lead_is_own_organisation_and_partner_awaits_confirmation(open_programme, lead_rep, partner_rep):
    group = _form(open_programme, lead_rep)

    members = [(m.organisation.name, m.role, m.is_confirmed) for m in group.members.select_related("organisation")]
    assert group.lead == lead_rep.organisation
    assert members == [("주식회사 리드", "lead", True), ("주식회사 파트너", "partner", False)]
    assert group.proposal.status == Proposal.Status.DRAFT
    assert AuditEntry.objects.get(action="programs.group.formed").after == {
        "track": "SW",
        "lead": "주식회사 리드",
        "partners": ["주식회사 파트너"],
        "mentoring_field": "",
    }


def test_form_group_non_member_partner_is_refused_with_its_line(open_programme, lead_rep, partner_rep):
    OrganisationFactory(name="주식회사 탈퇴", withdrawn_on=datetime.date(2025, 1, 1))

    with pytest.raises(ValidationError) as error:
        _form(open_programme, lead_rep, partners=["주식회사 파트너", "주식회사 탈퇴", "없는회사"])

    assert error.value.messages == [
        "2번째 줄: 주식회사 탈퇴은(는) 회원사가 아닙니다.",
        "3번째 줄: 없는회사은(는) 회원사가 아닙니다.",
    ]
    assert ProjectGroup.objects.count() == 0


def test_form_group_company_already_in_a_group_this_year_is_refused(open_programme, lead_rep, partner_rep):
    other = representative(OrganisationFactory(name="주식회사 다른리드"))
    _form(open_programme, other, name="먼저 만든 그룹")

    with pytest.raises(ValidationError) as error:
        _form(open_programme, lead_rep)

    assert error.value.messages == ["1번째 줄: 주식회사 파트너은(는) 올해 이미 다른 그룹에 참여하고 있습니다."]


def test_form_group_by_non_representative_is_refused(open_programme, staff_user):
    with pytest.raises(ValidationError):
        _form(open_programme, staff_user)


def test_form_group_after_the_call_is_refused(open_programme, lead_rep, partner_rep):
    _close_call(open_programme)

    with pytest.raises(ValidationError) as error:
        _form(open_programme, lead_rep)

    assert error.value.messages == ["프로젝트 그룹은 참가 모집 기간에만 구성할 수 있습니다."]


def test_confirm_partner_by_its_representative_confirms_it(open_programme, lead_rep, partner_rep):
    group = _form(open_programme, lead_rep)

    service.confirm_partner(actor=partner_rep, group=group)

    member = GroupMember.objects.get(group=group, organisation=partner_rep.organisation)
    assert (member.is_confirmed, member.confirmed_by) == (True, partner_rep)


def test_confirm_partner_by_an_uninvited_company_is_refused(open_programme, lead_rep, partner_rep):
    group = _form(open_programme, lead_rep)
    stranger = representative(OrganisationFactory(name="주식회사 남"))

    with pytest.raises(ValidationError):
        service.confirm_partner(actor=stranger, group=group)


def test_save_proposal_by_a_partner_is_refused(open_programme, lead_rep, partner_rep):
    group = _form(open_programme, lead_rep)

    with pytest.raises(ValidationError):
        service.save_proposal(actor=partner_rep, group=group, data={"title": "가로채기"})

    assert Proposal.objects.get(group=group).title == ""


def test_submit_proposal_lists_everything_missing(open_programme, lead_rep, partner_rep):
    group = _form(open_programme, lead_rep)
    service.save_proposal(actor=lead_rep, group=group, data={**FILLED, "team": ""})

    with pytest.raises(ValidationError) as error:
        service.submit_proposal(actor=lead_rep, group=group)

    assert error.value.messages == [
        "“팀 구성” 항목을 작성해 주세요.",
        "제안서 파일(PDF, HWP, HWPX, PPTX, DOCX)을 첨부해 주세요.",
        "주식회사 파트너이(가) 아직 참여를 확인하지 않았습니다.",
    ]


def test_submit_proposal_complete_is_submitted_and_final(open_programme, lead_rep, partner_rep):
    group = _ready_group(open_programme, lead_rep, partner_rep)

    service.submit_proposal(actor=lead_rep, group=group)

    group.proposal.refresh_from_db()
    assert group.proposal.status == Proposal.Status.SUBMITTED
    with pytest.raises(ValidationError) as error:
        service.save_proposal(actor=lead_rep, group=group, data={"title": "고친 제목"})
    assert error.value.messages == ["제안서가 제출되어 더 이상 수정할 수 없습니다."]


def test_submit_proposal_after_the_deadline_is_refused(open_programme, lead_rep, partner_rep):
    group = _ready_group(open_programme, lead_rep, partner_rep)
    _close_call(open_programme)

    with pytest.raises(ValidationError):
        service.submit_proposal(actor=lead_rep, group=group)

    assert Proposal.objects.get(group=group).status == Proposal.Status.DRAFT


def test_grant_extension_lets_the_group_submit_after_the_deadline(open_programme, lead_rep, partner_rep, staff_user):
    group = _ready_group(open_programme, lead_rep, partner_rep)
    _close_call(open_programme)

    service.grant_extension(
        actor=staff_user, group=group, until=timezone.now() + datetime.timedelta(hours=2), reason="서버 장애"
    )
    service.submit_proposal(actor=lead_rep, group=group)

    assert Proposal.objects.get(group=group).status == Proposal.Status.SUBMITTED
    entry = AuditEntry.objects.get(action="programs.deadline.extended")
    assert (entry.actor, entry.after["reason"]) == (staff_user, "서버 장애")


def test_grant_extension_ending_before_the_deadline_is_refused(open_programme, staff_user):
    group = ProjectGroupFactory(programme=open_programme, submitted=False)

    with pytest.raises(ValidationError):
        service.grant_extension(actor=staff_user, group=group, until=timezone.now(), reason="사유")

    assert DeadlineExtension.objects.count() == 0


def test_is_open_for_edits_deadline_is_end_of_8_may_seoul_time():
    programme = ProgrammeFactory(year=2026)
    group = ProjectGroupFactory(programme=programme, submitted=False)

    last_second = datetime.datetime(2026, 5, 8, 23, 59, 59, tzinfo=SEOUL)

    assert queries.is_open_for_edits(group, now=last_second) is True
    assert queries.is_open_for_edits(group, now=last_second + datetime.timedelta(seconds=1)) is False
    # 5/8 23:59:59 in Seoul is 14:59:59 UTC: a UTC reading of "5/8" would wrongly stay open 9 hours longer.
    assert queries.is_open_for_edits(group, now=datetime.datetime(2026, 5, 8, 15, 0, tzinfo=datetime.UTC)) is False


@pytest.mark.parametrize(
    "name", ["제안서.pdf", "제안서.hwp", "제안서.hwpx", "발표.pptx", "사업계획.docx", "대문자.PDF"]
)
def test_add_attachment_accepted_formats_are_stored(open_programme, lead_rep, partner_rep, name):
    group = _form(open_programme, lead_rep)

    attachment = service.add_attachment(actor=lead_rep, group=group, upload=upload_file(name))

    assert (attachment.original_name, attachment.size > 0) == (name, True)
    assert attachment.file.read(4) in {b"%PDF", b"\xd0\xcf\x11\xe0", b"PK\x03\x04"}


@pytest.mark.parametrize(
    ("name", "kind", "message"),
    [
        ("제안서.txt", "txt", "제안서.txt: PDF, HWP, HWPX, PPTX, DOCX 파일만 첨부할 수 있습니다."),
        ("가짜.pdf", "txt", "가짜.pdf: 내용이 PDF 파일이 아닙니다. 파일 이름(확장자)과 내용이 일치해야 합니다."),
        ("가짜.docx", "pptx", "가짜.docx: 내용이 DOCX 파일이 아닙니다. 파일 이름(확장자)과 내용이 일치해야 합니다."),
        ("가짜.hwpx", "zip", "가짜.hwpx: 내용이 HWPX 파일이 아닙니다. 파일 이름(확장자)과 내용이 일치해야 합니다."),
        ("가짜.hwp", "pdf", "가짜.hwp: 내용이 HWP 파일이 아닙니다. 파일 이름(확장자)과 내용이 일치해야 합니다."),
    ],
)
@pytest.mark.usefixtures("partner_rep")
def test_add_attachment_wrong_type_is_refused(open_programme, lead_rep, name, kind, message):
    group = _form(open_programme, lead_rep)

    with pytest.raises(ValidationError) as error:
        service.add_attachment(actor=lead_rep, group=group, upload=upload_file(name, kind))

    assert error.value.messages == [message]
    assert group.proposal.attachments.count() == 0


def test_add_attachment_over_the_size_limit_is_refused(open_programme, lead_rep, partner_rep, settings):
    settings.MAX_UPLOAD_BYTES = 1024 * 1024
    group = _form(open_programme, lead_rep)
    upload = upload_file("큰파일.pdf")
    upload.size = 1024 * 1024 + 1

    with pytest.raises(ValidationError) as error:
        service.add_attachment(actor=lead_rep, group=group, upload=upload)

    assert error.value.messages == ["큰파일.pdf: 파일이 1MB보다 큽니다."]


def test_remove_partner_lead_cannot_be_removed(open_programme, lead_rep, partner_rep):
    group = _form(open_programme, lead_rep)
    lead_member = group.members.get(role="lead")

    with pytest.raises(ValidationError):
        service.remove_partner(actor=lead_rep, member=lead_member)


def test_invite_partner_adds_an_unconfirmed_member(open_programme, lead_rep, partner_rep):
    group = _form(open_programme, lead_rep, partners=())
    OrganisationFactory(name="주식회사 추가")

    member = service.invite_partner(actor=lead_rep, group=group, company_name="㈜추가")

    assert (member.organisation.name, member.is_confirmed) == ("주식회사 추가", False)


def test_add_attachment_over_a_limit_under_a_megabyte_names_it_in_kilobytes(
    open_programme, lead_rep, partner_rep, settings
):
    settings.MAX_UPLOAD_BYTES = 512 * 1024
    group = _form(open_programme, lead_rep)
    upload = upload_file("큰파일.pdf")
    upload.size = 512 * 1024 + 1

    with pytest.raises(ValidationError) as error:
        service.add_attachment(actor=lead_rep, group=group, upload=upload)

    assert error.value.messages == ["큰파일.pdf: 파일이 512KB보다 큽니다."]
