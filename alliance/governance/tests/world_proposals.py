"""The proposals area's rows of the role × URL matrix (alliance/core/tests/url_matrix.py), merged into
url_expectations.py: in the `subcommittee` user's subcommittee, a proposal approved by the steering committee
and shared with agency A (whose liaison is the `agency` user), a draft to edit and a draft to move."""

from django.utils import timezone

from alliance.core.tests.url_matrix import only, staff_only
from alliance.governance.models import Decision, DecisionMethod, DecisionOutcome, Proposal, ProposalMove
from alliance.governance.services.proposals import create_proposal, move_proposal
from alliance.governance.tests.factories import MeetingFactory

PROPOSALS_EXPECTED = {
    "governance:proposal_list": only({"staff": 200, "steering": 200, "subcommittee": 200, "agency": 200}),
    "governance:proposal_create": only({"staff": 200, "subcommittee": 200}),
    # Shared with agency A after the steering committee approved it: its subcommittee, the steering members
    # and agency A's liaison see it.
    "governance:proposal_detail": only({"staff": 200, "steering": 200, "subcommittee": 200, "agency": 200}),
    "governance:proposal_version": only({"staff": 200, "steering": 200, "subcommittee": 200, "agency": 200}),
    # A draft: its subcommittee and staff only.
    "governance:proposal_edit": only({"staff": 200, "subcommittee": 200}),
    "governance:proposal_move": staff_only(405),  # POST only
    "governance:proposal_answer": only({"staff": 200, "agency": 200}),
    "governance:obligations": only({"staff": 200, "steering": 200, "subcommittee": 200}),
}
PROPOSALS_PK_OF = {
    "governance:proposal_create": "gov_subcommittee",
    "governance:proposal_detail": "gov_proposal_shared",
    "governance:proposal_version": "gov_proposal_version",
    "governance:proposal_edit": "gov_proposal_draft",
    "governance:proposal_move": "gov_proposal_to_move",
    "governance:proposal_answer": "gov_proposal_share",
}
PROPOSALS_COUNTED = (Proposal, ProposalMove)


def build_proposals_world(world) -> dict:
    steering, subcommittee = world["gov_steering"], world["gov_subcommittee"]
    staff = world["users"]["staff"]
    sub_meeting = MeetingFactory(body=subcommittee, number=21)
    steering_meeting = MeetingFactory(body=steering, number=21)
    decision = Decision.objects.create(
        meeting=steering_meeting,
        motion="윤리제도분과 정책 제언 승인의 건",
        method=DecisionMethod.CONSENSUS,
        outcome=DecisionOutcome.ADOPTED,
        recorded_at=timezone.now(),
    )
    shared = create_proposal(body=subcommittee, title="메타버스 윤리 가이드 보급", text="초안", by=staff)
    move_proposal(proposal=shared, to="adopted", by=staff, meeting=sub_meeting)
    move_proposal(proposal=shared, to="submitted", by=staff, meeting=steering_meeting)
    move_proposal(proposal=shared, to="approved", by=staff, decision=decision)
    move_proposal(proposal=shared, to="shared", by=staff, agencies=[world["agency_a"]])
    return {
        "gov_sub_meeting": sub_meeting,
        "gov_proposal_shared": shared,
        "gov_proposal_version": shared.versions.first(),
        "gov_proposal_share": shared.shares.get(),
        "gov_proposal_draft": create_proposal(body=subcommittee, title="초안 제언", text="초안", by=staff),
        "gov_proposal_to_move": create_proposal(body=subcommittee, title="채택할 제언", text="초안", by=staff),
    }


PROPOSALS_POST_DATA = {
    "governance:proposal_create": lambda world: {"title": "새 제언", "text": "본문"},
    "governance:proposal_edit": lambda world: {"title": "초안 제언 (수정)", "text": "고친 본문"},
    "governance:proposal_move": lambda world: {"to": "adopted", "meeting": world["gov_sub_meeting"].pk},
    "governance:proposal_answer": lambda world: {"answer": "reviewing", "text": "검토하겠습니다"},
}
