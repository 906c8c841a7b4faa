"""Applicant pages end to end through the test client, and staff's list of applications."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import DeadlineExtension, ProjectGroup, Proposal
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory, representative, upload_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme():
    return ProgrammeFactory(year=2026, call_open=True)


def test_group_create_post_forms_the_group_and_redirects(client, programme):
    lead = representative(OrganisationFactory(name="주식회사 리드"))
    OrganisationFactory(name="주식회사 파트너")
    client.force_login(lead)

    response = client.post(
        reverse("programs:group_create", args=[2026]),
        {
            "name": "XR 그룹",
            "track": programme.tracks.get(code="SW").pk,
            "mentoring_field": "제조·건설",
            "partners": "(주)파트너\n",
        },
    )

    group = ProjectGroup.objects.get()
    assert response["Location"] == reverse("programs:group_detail", args=[group.pk])
    assert (group.lead, group.mentoring_field, group.members.count()) == (lead.organisation, "제조·건설", 2)


def test_group_create_unknown_partner_shows_the_line_and_writes_nothing(client, programme):
    client.force_login(representative(OrganisationFactory()))

    response = client.post(
        reverse("programs:group_create", args=[2026]),
        {"name": "XR 그룹", "track": programme.tracks.get(code="SW").pk, "partners": "없는 회사"},
    )

    assert response.status_code == 200
    assert "1번째 줄: 없는 회사는 회원사가 아닙니다." in response.content.decode()
    assert ProjectGroup.objects.count() == 0


def test_group_detail_of_another_organisation_is_404(client, programme):
    group = ProjectGroupFactory(programme=programme)
    client.force_login(representative(OrganisationFactory()))

    response = client.get(reverse("programs:group_detail", args=[group.pk]))

    assert response.status_code == 404


def test_group_detail_partner_sees_the_confirm_button(client, programme):
    partner = OrganisationFactory()
    group = ProjectGroupFactory(programme=programme, partners=[partner], submitted=False)
    group.members.filter(organisation=partner).update(confirmed_at=None)
    client.force_login(representative(partner))

    response = client.get(reverse("programs:group_detail", args=[group.pk]))

    assert "참여 확인</button>" in response.content.decode()


def test_attachment_download_by_the_group_returns_the_file(client, programme):
    lead = representative(OrganisationFactory())
    group = ProjectGroupFactory(programme=programme, lead=lead.organisation, submitted=False)
    client.force_login(lead)
    client.post(reverse("programs:attachment_add", args=[group.pk]), {"file": upload_file("계획서.docx")})
    attachment = group.proposal.attachments.get()

    response = client.get(reverse("programs:attachment_download", args=[attachment.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"PK\x03\x04"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"___.docx\"; filename*=UTF-8''%EA%B3%84%ED%9A%8D%EC%84%9C.docx"
    )


def test_attachment_add_wrong_content_shows_the_reason(client, programme):
    lead = representative(OrganisationFactory())
    group = ProjectGroupFactory(programme=programme, lead=lead.organisation, submitted=False)
    client.force_login(lead)

    response = client.post(
        reverse("programs:attachment_add", args=[group.pk]), {"file": upload_file("가짜.pdf", "txt")}, follow=True
    )

    assert "가짜.pdf: 내용이 PDF 파일이 아닙니다." in response.content.decode()
    assert group.proposal.attachments.count() == 0


def test_proposal_edit_by_a_partner_is_404(client, programme):
    partner = OrganisationFactory()
    group = ProjectGroupFactory(programme=programme, partners=[partner], submitted=False)
    client.force_login(representative(partner))

    response = client.post(reverse("programs:proposal_edit", args=[group.pk]), {"title": "가로채기"})

    assert response.status_code == 404
    assert Proposal.objects.get(group=group).title != "가로채기"


def test_extension_grant_post_records_the_extension(client, programme, staff_user):
    group = ProjectGroupFactory(programme=programme, submitted=False)
    client.force_login(staff_user)
    until = timezone.localtime(timezone.now() + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")

    response = client.post(reverse("programs:extension_grant", args=[group.pk]), {"until": until, "reason": "정전"})

    extension = DeadlineExtension.objects.get()
    assert response.status_code == 302
    assert (extension.group, extension.reason, extension.granted_by) == (group, "정전", staff_user)


def test_group_list_shows_only_the_chosen_track(client, programme, staff_user):
    ProjectGroupFactory(programme=programme, name="소프트 그룹", track_code="SW")
    ProjectGroupFactory(programme=programme, name="하드 그룹", track_code="HW")
    client.force_login(staff_user)

    response = client.get(reverse("programs:group_list", args=[programme.pk]), {"track": "HW"})

    assert [group.name for group in response.context["groups"]] == ["하드 그룹"]


def test_group_list_query_count_does_not_grow_with_groups(client, programme, staff_user, django_assert_num_queries):
    ProjectGroupFactory(programme=programme)
    client.force_login(staff_user)
    url = reverse("programs:group_list", args=[programme.pk])
    client.get(url)

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    ProjectGroupFactory(programme=programme)
    ProjectGroupFactory(programme=programme)

    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)

    assert len(response.context["groups"]) == 3


def test_my_groups_query_count_does_not_grow_with_groups(client, django_assert_num_queries):
    lead = representative(OrganisationFactory())
    ProjectGroupFactory(programme=ProgrammeFactory(), lead=lead.organisation)
    client.force_login(lead)
    url = reverse("programs:my_groups")

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    ProjectGroupFactory(programme=ProgrammeFactory(), lead=lead.organisation)
    ProjectGroupFactory(programme=ProgrammeFactory(), lead=lead.organisation)

    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(url)

    assert len(response.context["groups"]) == 3


def test_apply_home_for_an_evaluator_is_404(client, programme):
    client.force_login(UserFactory(role=Role.EVALUATOR))

    response = client.get(reverse("programs:apply_home", args=[2026]))

    assert response.status_code == 404


def test_a_draft_saved_meanwhile_by_another_representative_refuses_the_later_save(programme):
    from django.test import Client

    from alliance.core.tests.editing import posted

    lead = representative(OrganisationFactory())
    colleague = UserFactory(role=Role.MEMBER_REP, organisation=lead.organisation)
    group = ProjectGroupFactory(programme=programme, lead=lead.organisation, submitted=False)
    url = reverse("programs:proposal_edit", args=[group.pk])
    first, second = Client(), Client()
    first.force_login(lead)
    second.force_login(colleague)
    first_form, second_form = posted(first.get(url).context["form"]), posted(second.get(url).context["form"])

    assert first.post(url, first_form | {"market": "제조 현장 교육 시장"}).status_code == 302
    response = second.post(url, second_form | {"team": "PM 1명, 개발 4명"})

    assert response.status_code == 200
    assert [row["label"] for row in response.context["form"].stale_changes] == ["목표 시장"]
    assert response.context["form"].stale_changes[0]["theirs"] == "제조 현장 교육 시장"
    assert Proposal.objects.get(group=group).team != "PM 1명, 개발 4명"

    retry = second.post(url, posted(response.context["form"]))

    assert retry.status_code == 302
    proposal = Proposal.objects.get(group=group)
    assert proposal.team == "PM 1명, 개발 4명"
