"""The governance demo's proposals area: proposals in many states moved only along the state machine, the
상생협력 obligation warning, the standard-contract revision and the two versions of the operating rules."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.utils import translation

from alliance.agencies import demo as agencies_demo
from alliance.governance import demo
from alliance.governance.models import (
    ClauseComment,
    ContractDocument,
    DecisionEffect,
    Proposal,
    ProposalMove,
    RulesVersion,
)
from alliance.governance.queries.proposals import obligations, proposals_by_state
from alliance.governance.services.proposals import TRANSITIONS
from alliance.members.demo import ensure_demo_users

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    ensure_demo_users(password="demo-pass-2026")
    agencies_demo.load_demo(seed=1)
    return demo.load_demo(seed=1)


def test_proposals_in_many_states_moved_only_along_the_state_machine(loaded):
    states = set(Proposal.objects.values_list("state", flat=True))
    assert len(states) >= 6
    for proposal in Proposal.objects.all():
        moves = list(ProposalMove.objects.filter(proposal=proposal).order_by("at", "pk"))
        assert moves[0].from_state == ""
        for move in moves[1:]:
            assert move.to_state in TRANSITIONS[move.from_state], (proposal.title, move.from_state, move.to_state)
        assert [move.to_state for move in moves][-1] == proposal.state
        assert [move.from_state for move in moves[1:]] == [move.to_state for move in moves[:-1]]
        assert proposal.versions.count() == len(moves)


def test_steering_moves_name_their_meeting_and_decision(loaded):
    for move in ProposalMove.objects.filter(to_state__in=("approved", "rejected", "revision_requested")):
        assert move.decision.effect == DecisionEffect.PROPOSAL
        assert move.decision.meeting == move.proposal.submitted_to
    assert ProposalMove.objects.filter(to_state="adopted", meeting__isnull=True).count() == 0


def test_2025_counted_as_it_stood_at_the_end_of_2025(loaded):
    assert proposals_by_state(2025, as_of=datetime.date(2025, 12, 31)) == {
        "answered": 2,
        "rejected": 1,
        "revision_requested": 1,
        "shared": 1,
    }


def test_cooperation_warned_in_late_2026(loaded):
    with translation.override("ko"):
        rows = obligations(2026, as_of=datetime.date(2026, 11, 20))
        warnings = [warning for row in rows for warning in row.warnings]
    assert warnings == ["상생협력: 남은 회의 1회, 표준계약서·표준약관 개정안 1건 중 0건 완료, 제출된 제언 없음"]


def test_contract_revision_and_rules(loaded):
    assert ContractDocument.objects.filter(body__year=2026, body__name="상생협력").count() == 5
    assert ClauseComment.objects.exclude(disposition="pending").count() == 8
    assert ClauseComment.objects.filter(disposition="pending").count() == 2
    assert [(version.number, version.decision_id is None) for version in RulesVersion.objects.order_by("number")] == [
        (1, True),
        (2, False),
    ]
    assert "임기는 1년으로 하되, 연임할 수 있다" in RulesVersion.objects.get(number=1).text
    assert RulesVersion.objects.get(number=2).decision.effect == DecisionEffect.AMEND_RULES


def test_status_command_counts_2026_proposals_and_the_demo_is_idempotent(loaded):
    out = io.StringIO()
    call_command("governance_status", year=2026, output="json", stdout=out)
    assert json.loads(out.getvalue())["proposals"] != {}
    count = Proposal.objects.count()
    assert demo.load_demo(seed=1) == "회의체 데모가 이미 있습니다."
    assert demo.demo_proposals.load(seed=1) == "정책 제언 데모가 이미 있습니다."
    assert Proposal.objects.count() == count
