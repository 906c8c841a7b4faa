"""The policy-proposal state machine: only the allowed moves, each recorded with a new version."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from alliance.agencies.tests.factories import AgencyFactory
from alliance.core.tests.factories import UserFactory
from alliance.governance.models import (
    AgencyAnswer,
    BodyKind,
    Decision,
    DecisionMethod,
    DecisionOutcome,
    ProposalMove,
    ProposalState,
    ProposalVersion,
)
from alliance.governance.queries.proposals import proposals_by_state
from alliance.governance.queries.status import governance_status
from alliance.governance.services.proposals import (
    TRANSITIONS,
    create_proposal,
    edit_draft,
    move_proposal,
    record_agency_answer,
)
from alliance.governance.tests.factories import BodyFactory, MeetingFactory, SubcommitteeFactory

S = ProposalState


def world():
    subcommittee = SubcommitteeFactory(name="상생협력분과")
    steering = BodyFactory(name="운영위원회 (제언)", kind=BodyKind.STEERING)
    staff = UserFactory()
    decision_meeting = MeetingFactory(body=steering, number=2)
    return {
        "staff": staff,
        "subcommittee": subcommittee,
        "sub_meeting": MeetingFactory(body=subcommittee, number=1),
        "steering_meeting": decision_meeting,
        "decision": Decision.objects.create(
            meeting=decision_meeting,
            motion="상생협력분과 정책 제언 승인의 건",
            method=DecisionMethod.CONSENSUS,
            outcome=DecisionOutcome.ADOPTED,
            recorded_at=datetime.datetime(2026, 6, 10, 15, tzinfo=datetime.UTC),
        ),
        "agencies": [AgencyFactory(short_name="NIPA"), AgencyFactory(short_name="KOSA")],
    }


def arguments_for(to, context) -> dict:
    """What a staff member would give for a move to `to`."""
    if to == S.ADOPTED:
        return {"meeting": context["sub_meeting"]}
    if to == S.SUBMITTED:
        return {"meeting": context["steering_meeting"]}
    if to in (S.APPROVED, S.REVISION_REQUESTED, S.REJECTED):
        return {"decision": context["decision"]}
    if to == S.SHARED:
        return {"agencies": context["agencies"], "shared_on": datetime.date(2026, 7, 1)}
    return {}


@pytest.mark.django_db
def test_the_whole_path_from_draft_to_implemented():
    context = world()
    staff = context["staff"]
    proposal = create_proposal(body=context["subcommittee"], title="메타버스 표준계약서 보급", text="초안", by=staff)
    for to in (S.ADOPTED, S.SUBMITTED, S.APPROVED, S.SHARED):
        proposal = move_proposal(proposal=proposal, to=to, by=staff, **arguments_for(to, context))
    nipa_share = proposal.shares.get(agency__short_name="NIPA")
    record_agency_answer(share=nipa_share, answer=AgencyAnswer.ADOPTED, text="내년 사업에 반영", by=staff)
    proposal.refresh_from_db()
    assert proposal.state == S.ANSWERED
    proposal = move_proposal(proposal=proposal, to=S.IMPLEMENTED, by=staff)

    assert list(proposal.moves.values_list("from_state", "to_state")) == [
        ("", "draft"),
        ("draft", "adopted"),
        ("adopted", "submitted"),
        ("submitted", "approved"),
        ("approved", "shared"),
        ("shared", "answered"),
        ("answered", "implemented"),
    ]
    assert list(proposal.versions.values_list("number", "state")) == [
        (1, "draft"),
        (2, "adopted"),
        (3, "submitted"),
        (4, "approved"),
        (5, "shared"),
        (6, "answered"),
        (7, "implemented"),
    ]
    assert proposal.adopted_at == context["sub_meeting"]
    assert proposal.submitted_to == context["steering_meeting"]
    assert proposal.decision == context["decision"]
    assert list(proposal.shares.values_list("agency__short_name", "answer", "shared_on")) == [
        ("KOSA", "pending", datetime.date(2026, 7, 1)),
        ("NIPA", "adopted", datetime.date(2026, 7, 1)),
    ]
    assert proposals_by_state(2026) == {"implemented": 1}


@pytest.mark.django_db
def test_revision_requested_goes_back_to_a_draft_that_can_be_edited():
    context = world()
    staff = context["staff"]
    proposal = create_proposal(body=context["subcommittee"], title="제언", text="v1", by=staff)
    for to in (S.ADOPTED, S.SUBMITTED, S.REVISION_REQUESTED, S.DRAFT):
        proposal = move_proposal(proposal=proposal, to=to, by=staff, note="보완", **arguments_for(to, context))
    edit_draft(proposal=proposal, title="제언 (보완)", text="v2", by=staff)
    proposal = move_proposal(proposal=proposal, to=S.ADOPTED, by=staff, **arguments_for(S.ADOPTED, context))

    assert proposal.versions.get(number=1).text == "v1"
    assert proposal.versions.last().text == "v2"
    assert proposal.versions.last().title == "제언 (보완)"


@pytest.mark.django_db
def test_moves_need_the_meeting_or_decision_behind_them():
    context = world()
    staff = context["staff"]
    proposal = create_proposal(body=context["subcommittee"], title="제언", text="초안", by=staff)
    other_subcommittee_meeting = MeetingFactory(body=SubcommitteeFactory())

    with pytest.raises(ValidationError) as refused:
        move_proposal(proposal=proposal, to=S.ADOPTED, by=staff, meeting=other_subcommittee_meeting)
    assert refused.value.messages == ["제언을 채택한 상생협력분과 회의를 지정하세요."]
    with pytest.raises(ValidationError) as refused:
        move_proposal(proposal=proposal, to=S.APPROVED, by=staff, decision=context["decision"])
    assert refused.value.messages == ["‘초안’ 상태의 제언은 ‘승인’ 상태가 될 수 없습니다."]
    assert list(proposal.moves.values_list("to_state", flat=True)) == ["draft"]


@pytest.mark.django_db
def test_a_steering_body_drafts_no_proposals_and_only_drafts_are_edited():
    context = world()
    with pytest.raises(ValidationError):
        create_proposal(body=context["steering_meeting"].body, title="x", text="y", by=context["staff"])
    proposal = create_proposal(body=context["subcommittee"], title="제언", text="초안", by=context["staff"])
    move_proposal(proposal=proposal, to=S.ADOPTED, by=context["staff"], meeting=context["sub_meeting"])
    with pytest.raises(ValidationError):
        edit_draft(proposal=proposal, title="x", text="y", by=context["staff"])


@pytest.mark.django_db
def test_counts_by_state_as_of_a_day_follow_the_moves_made_by_then():
    context = world()
    proposal = create_proposal(body=context["subcommittee"], title="제언", text="초안", by=context["staff"])
    move_proposal(proposal=proposal, to=S.ADOPTED, by=context["staff"], meeting=context["sub_meeting"])
    ProposalMove.objects.filter(to_state=S.ADOPTED).update(at=datetime.datetime(2026, 9, 1, tzinfo=datetime.UTC))
    ProposalMove.objects.filter(to_state=S.DRAFT).update(at=datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC))

    assert proposals_by_state(2026, as_of=datetime.date(2026, 6, 30)) == {"draft": 1}
    assert proposals_by_state(2026, as_of=datetime.date(2026, 9, 30)) == {"adopted": 1}
    assert proposals_by_state(2026, as_of=datetime.date(2026, 4, 30)) == {}


class TestStateMachineProperties(TestCase):
    """Any sequence of attempted moves: the legal ones happen and are recorded once each, the others change
    nothing."""

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(st.sampled_from(ProposalState.values), min_size=1, max_size=12))
    def test_only_allowed_moves_happen_and_each_is_recorded(self, attempts):
        context = world()
        staff = context["staff"]
        proposal = create_proposal(body=context["subcommittee"], title="제언", text="초안", by=staff)
        expected_path = [S.DRAFT]
        for to in attempts:
            legal = to in TRANSITIONS[expected_path[-1]] and to != S.ANSWERED  # answers move it
            try:
                proposal = move_proposal(proposal=proposal, to=to, by=staff, **arguments_for(to, context))
            except ValidationError:
                assert not legal
            else:
                assert legal
                expected_path.append(to)
            proposal.refresh_from_db()
            assert proposal.state == expected_path[-1]

        moves = list(ProposalMove.objects.filter(proposal=proposal).values_list("from_state", "to_state"))
        assert moves == list(zip(["", *expected_path[:-1]], expected_path, strict=True))
        versions = ProposalVersion.objects.filter(proposal=proposal)
        assert list(versions.values_list("number", flat=True)) == list(range(1, len(expected_path) + 1))
        assert list(versions.values_list("state", flat=True)) == expected_path


@pytest.mark.django_db
def test_governance_status_counts_the_years_proposals_by_state_as_of_its_day():
    context = world()
    staff = context["staff"]
    for title in ("제언 A", "제언 B"):
        create_proposal(body=context["subcommittee"], title=title, text="초안", by=staff)
    adopted = create_proposal(body=context["subcommittee"], title="제언 C", text="초안", by=staff)
    move_proposal(proposal=adopted, to=S.ADOPTED, by=staff, meeting=context["sub_meeting"])

    today = timezone.localdate()
    assert governance_status(year=2026, as_of=today + datetime.timedelta(days=1))["proposals"] == {
        "adopted": 1,
        "draft": 2,
    }
