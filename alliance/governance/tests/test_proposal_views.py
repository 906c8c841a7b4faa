"""The proposal pages: who sees what, staff record the steps, an agency answers, obligations warn."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alliance.agencies.tests.factories import LiaisonFactory
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.governance.models import (
    AgencyAnswer,
    BodyKind,
    Deliverable,
    DeliverableKind,
    ProposalState,
)
from alliance.governance.queries.proposals import obligations
from alliance.governance.services.proposals import create_proposal, move_proposal
from alliance.governance.tests.factories import (
    BodyFactory,
    MeetingFactory,
    PersonFactory,
    SeatFactory,
    SubcommitteeFactory,
)

pytestmark = pytest.mark.django_db
S = ProposalState


def seat_for(user, body):
    today = timezone.localdate()
    return SeatFactory(
        body=body,
        person=PersonFactory(user=user),
        term_start=today - datetime.timedelta(days=30),
        term_end=today + datetime.timedelta(days=300),
    )


@pytest.fixture
def setting():
    year = timezone.localdate().year
    subcommittee = SubcommitteeFactory(year=year, name="상생협력분과")
    steering = BodyFactory(year=year, name="운영위원회", kind=BodyKind.STEERING)
    staff = UserFactory(role=Role.STAFF)
    member = UserFactory(role=Role.SUBCOMMITTEE)
    seat_for(member, subcommittee)
    proposal = create_proposal(body=subcommittee, title="표준계약서 보급 확대", text="초안 본문", by=member)
    return {
        "year": year,
        "subcommittee": subcommittee,
        "steering": steering,
        "staff": staff,
        "member": member,
        "proposal": proposal,
        "sub_meeting": MeetingFactory(body=subcommittee, number=1),
        "steering_meeting": MeetingFactory(body=steering, number=1),
    }


def test_a_subcommittee_member_drafts_and_edits_while_an_outsider_gets_404(client, setting):
    outsider = UserFactory(role=Role.SUBCOMMITTEE)
    seat_for(outsider, SubcommitteeFactory(year=setting["year"], name="윤리제도분과"))
    detail = reverse("governance:proposal_detail", args=[setting["proposal"].pk])

    client.force_login(setting["member"])
    created = client.post(
        reverse("governance:proposal_create", args=[setting["subcommittee"].pk]),
        {"title": "두 번째 제언", "text": "본문"},
    )
    own_page = client.get(detail).content.decode()
    client.force_login(outsider)
    outsider_status = client.get(detail).status_code
    list_page = client.get(reverse("governance:proposal_list")).content.decode()

    assert created.status_code == 302
    assert ("표준계약서 보급 확대" in own_page, "초안 수정" in own_page) == (True, True)
    assert outsider_status == 404
    assert "표준계약서 보급 확대" not in list_page


def test_staff_record_each_step_and_an_agency_answers(client, setting):
    liaison = LiaisonFactory(agency__name="정보통신산업진흥원", agency__short_name="NIPA")
    proposal = setting["proposal"]
    move_url = reverse("governance:proposal_move", args=[proposal.pk])
    client.force_login(setting["staff"])

    client.post(move_url, {"to": S.ADOPTED, "meeting": setting["sub_meeting"].pk})
    client.post(move_url, {"to": S.SUBMITTED, "meeting": setting["steering_meeting"].pk})
    refused = client.post(move_url, {"to": S.APPROVED}, follow=True).content.decode()
    proposal.refresh_from_db()
    assert proposal.state == S.SUBMITTED
    assert "제언을 상정한 운영위원회 회의의 의결을 지정하세요." in refused

    decision = setting["steering_meeting"].decisions.create(
        motion="제언 승인의 건", method="consensus", outcome="adopted", recorded_at=timezone.now()
    )
    client.post(move_url, {"to": S.APPROVED, "decision": decision.pk})
    client.post(move_url, {"to": S.SHARED, "agencies": [liaison.agency.pk], "shared_on": "2026-07-01"})
    share = proposal.shares.get()

    client.force_login(liaison.user)
    answer_page = client.get(reverse("governance:proposal_answer", args=[share.pk]))
    client.post(
        reverse("governance:proposal_answer", args=[share.pk]),
        {"answer": AgencyAnswer.ADOPTED, "text": "2027년 사업 공고에 반영"},
    )
    liaison_list = client.get(reverse("governance:proposal_list")).content.decode()

    proposal.refresh_from_db()
    share.refresh_from_db()
    assert answer_page.status_code == 200
    assert (proposal.state, share.answer, share.answer_text) == (S.ANSWERED, "adopted", "2027년 사업 공고에 반영")
    assert list(proposal.moves.values_list("to_state", flat=True)) == [
        "draft",
        "adopted",
        "submitted",
        "approved",
        "shared",
        "answered",
    ]
    assert "표준계약서 보급 확대" in liaison_list


def test_another_agencys_liaison_cannot_answer(client, setting):
    proposal = setting["proposal"]
    move_proposal(proposal=proposal, to=S.ADOPTED, by=setting["staff"], meeting=setting["sub_meeting"])
    move_proposal(proposal=proposal, to=S.SUBMITTED, by=setting["staff"], meeting=setting["steering_meeting"])
    decision = setting["steering_meeting"].decisions.create(
        motion="승인", method="consensus", outcome="adopted", recorded_at=timezone.now()
    )
    move_proposal(proposal=proposal, to=S.APPROVED, by=setting["staff"], decision=decision)
    nipa = LiaisonFactory(agency__short_name="NIPA")
    other = LiaisonFactory(agency__short_name="KOSA")
    move_proposal(proposal=proposal, to=S.SHARED, by=setting["staff"], agencies=[nipa.agency])
    share = proposal.shares.get()
    client.force_login(other.user)

    assert client.get(reverse("governance:proposal_answer", args=[share.pk])).status_code == 404
    assert client.get(reverse("governance:proposal_detail", args=[proposal.pk])).status_code == 404


def test_obligations_warn_when_a_deliverable_is_short_and_one_meeting_is_left(setting):
    subcommittee = setting["subcommittee"]
    subcommittee.meetings_planned = 3
    subcommittee.save()
    Deliverable.objects.create(body=subcommittee, kind=DeliverableKind.POLICY_PROPOSAL, target_count=1)
    for number in (2, 3):
        meeting = MeetingFactory(body=subcommittee, number=number + 10)
        meeting.date = datetime.date(setting["year"], 1, number)
        meeting.attendance_recorded_at = timezone.now()
        meeting.save()

    rows = obligations(setting["year"], as_of=datetime.date(setting["year"], 6, 1))

    assert [(row.body.name, row.held, row.planned, row.warnings) for row in rows] == [
        ("상생협력분과", 2, 3, ["상생협력분과: 남은 회의 1회, 제출된 제언 없음"])
    ]


@pytest.mark.parametrize("view", ["governance:proposal_list", "governance:obligations"])
def test_proposal_lists_take_a_constant_number_of_queries(client, setting, django_assert_max_num_queries, view):
    """Ten more proposals (with deliverables and held meetings) cost no more queries."""

    def add(count):
        for number in range(count):
            body = SubcommitteeFactory(year=setting["year"])
            Deliverable.objects.create(body=body, kind=DeliverableKind.POLICY_PROPOSAL)
            create_proposal(body=body, title=f"제언 {number}", text="본문", by=setting["staff"])

    client.force_login(setting["staff"])
    url = reverse(view) + f"?year={setting['year']}"
    add(1)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_step_form_asks_only_for_what_the_next_steps_need(client, setting):
    client.force_login(setting["staff"])
    detail = reverse("governance:proposal_detail", args=[setting["proposal"].pk])

    draft_form = client.get(detail).context["move_form"]
    move_proposal(proposal=setting["proposal"], to=S.ADOPTED, by=setting["staff"], meeting=setting["sub_meeting"])
    move_proposal(
        proposal=setting["proposal"], to=S.SUBMITTED, by=setting["staff"], meeting=setting["steering_meeting"]
    )
    submitted_form = client.get(detail).context["move_form"]

    assert list(draft_form.fields) == ["to", "meeting", "note"]
    assert list(submitted_form.fields) == ["to", "decision", "note"]


def _two_clients(*users):
    from django.test import Client

    clients = []
    for user in users:
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def test_a_draft_edited_meanwhile_refuses_the_later_save(setting):
    from alliance.core.tests.editing import posted

    colleague = UserFactory(role=Role.SUBCOMMITTEE)
    seat_for(colleague, setting["subcommittee"])
    proposal = setting["proposal"]
    url = reverse("governance:proposal_edit", args=[proposal.pk])
    first, second = _two_clients(setting["member"], colleague)
    first_form, second_form = posted(first.get(url).context["form"]), posted(second.get(url).context["form"])

    assert first.post(url, first_form | {"title": "표준계약서 보급 확대 방안"}).status_code == 302
    response = second.post(url, second_form | {"text": "동료가 고친 본문"})

    assert response.status_code == 200
    assert response.context["form"].stale_changes == [
        {"label": "제목", "theirs": "표준계약서 보급 확대 방안", "yours": "표준계약서 보급 확대"}
    ]
    assert "stale-edit" in response.content.decode()
    proposal.refresh_from_db()
    assert (proposal.title, proposal.text) == ("표준계약서 보급 확대 방안", "초안 본문")

    assert second.post(url, posted(response.context["form"])).status_code == 302
    proposal.refresh_from_db()
    assert (proposal.title, proposal.text) == ("표준계약서 보급 확대", "동료가 고친 본문")


def test_an_answer_recorded_meanwhile_by_another_liaison_refuses_the_later_answer(setting):
    from alliance.core.tests.editing import posted

    proposal = setting["proposal"]
    staff = setting["staff"]
    move_proposal(proposal=proposal, to=S.ADOPTED, by=staff, meeting=setting["sub_meeting"])
    move_proposal(proposal=proposal, to=S.SUBMITTED, by=staff, meeting=setting["steering_meeting"])
    decision = setting["steering_meeting"].decisions.create(
        motion="승인", method="consensus", outcome="adopted", recorded_at=timezone.now()
    )
    move_proposal(proposal=proposal, to=S.APPROVED, by=staff, decision=decision)
    nipa = LiaisonFactory(agency__short_name="NIPA")
    colleague = LiaisonFactory(agency=nipa.agency)
    move_proposal(proposal=proposal, to=S.SHARED, by=staff, agencies=[nipa.agency])
    share = proposal.shares.get()
    url = reverse("governance:proposal_answer", args=[share.pk])
    first, second = _two_clients(nipa.user, colleague.user)
    first_form, second_form = posted(first.get(url).context["form"]), posted(second.get(url).context["form"])

    mine = {"answer": AgencyAnswer.REVIEWING, "text": "검토 중입니다"}
    assert first.post(url, first_form | mine).status_code == 302
    response = second.post(url, second_form | {"answer": AgencyAnswer.ADOPTED, "text": "2027년 공고에 반영"})

    assert response.status_code == 200
    assert [row["theirs"] for row in response.context["form"].stale_changes] == ["검토 중", "검토 중입니다"]
    share.refresh_from_db()
    assert (share.answer, share.answer_text) == (AgencyAnswer.REVIEWING, "검토 중입니다")

    assert second.post(url, posted(response.context["form"])).status_code == 302
    share.refresh_from_db()
    assert (share.answer, share.answer_text) == (AgencyAnswer.ADOPTED, "2027년 공고에 반영")


def test_a_body_changed_meanwhile_refuses_the_later_save(setting):
    from alliance.core.tests.editing import posted
    from alliance.governance.models import Body

    body = setting["subcommittee"]
    url = reverse("governance:body_edit", args=[body.pk])
    first, second = _two_clients(setting["staff"], setting["staff"])
    first_form, second_form = posted(first.get(url).context["form"]), posted(second.get(url).context["form"])

    assert first.post(url, first_form | {"meetings_planned": "6"}).status_code == 302
    response = second.post(url, second_form | {"description": "표준계약서 개정을 다룹니다"})

    assert response.status_code == 200
    assert [row["theirs"] for row in response.context["form"].stale_changes] == ["6"]
    assert Body.objects.get(pk=body.pk).description == body.description

    assert second.post(url, posted(response.context["form"])).status_code == 302
    stored = Body.objects.get(pk=body.pk)
    assert (stored.description, stored.meetings_planned) == ("표준계약서 개정을 다룹니다", body.meetings_planned)
