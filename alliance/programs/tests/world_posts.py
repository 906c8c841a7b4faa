"""Valid POST bodies of the programs app's URLs for the permission matrix (merged into url_expectations.py),
and the few objects they need beyond the shared world (built by `build_post_world`).

Each body is proven valid by test_valid_payload_is_accepted_by_a_role_that_may: posted by the first role
that may open the URL (or POST_AS), it writes an audit entry or a counted row; refused roles post exactly it.
"""

import datetime

from django.utils import timezone

from alliance.core.roles import Role
from alliance.core.tests.editing import posted
from alliance.core.tests.factories import UserFactory
from alliance.programs.models import GroupMember, Mentor, Objection, Panel
from alliance.programs.services import investment_meetings as meetings_service


def build_post_world(world) -> dict:
    """A partner's representative (org B is not in the group, so the partner is its own company); an objection
    awaiting an answer; a user who is not yet a mentor."""
    group, users = world["group"], world["users"]
    users["partner_rep"] = UserFactory(role=Role.MEMBER_REP, organisation=world["group_partner"].organisation)
    objection = Objection.objects.create(
        panel=world["judging_panel"],
        group=group,
        lodged_by=users["rep_a"],
        text="심사 점수 합산 확인 요청",
        lodged_at=timezone.now(),
    )
    return {
        "objection": objection,
        "mentor_candidate": UserFactory(role=Role.EVALUATOR),
    }


def _programme_rules(world, **changes) -> dict:
    from alliance.programs.forms.programme import ProgrammeRulesForm

    programme = type(world["programme"]).objects.get(pk=world["programme"].pk)
    form = ProgrammeRulesForm(initial=ProgrammeRulesForm.initial_for(programme), version=programme.version)
    return posted(form, **changes)


def _programme_stages(world) -> dict:
    """The stages as shown, the last one ending a day later."""
    from alliance.programs.forms.programme import StagesForm

    programme = type(world["programme"]).objects.get(pk=world["programme"].pk)
    last = programme.stages.order_by("ends_at").last()
    return posted(StagesForm(programme=programme)) | {
        f"{last.kind}_ends_at": (last.ends_at + datetime.timedelta(days=1)).isoformat()
    }


def _day_body(world, **changes) -> dict:
    from alliance.programs.forms.investment import DayForm

    day = type(world["investment_day"]).objects.get(pk=world["investment_day"].pk)
    return posted(DayForm(initial=DayForm.initial_for(day), version=day.version), **changes)


POST_BODIES = {
    "programs:programme_create": lambda world: {"year": "2027", "name": "2027 메타버스 프로젝트 그룹", "copy_from": ""},
    "programs:programme_rules": lambda world: _programme_rules(world, objection_days="10"),
    "programs:programme_stages": _programme_stages,
    "programs:track_create": lambda world: {"code": "AI", "name": "하드웨어", "description": "XR 기기"},
    "programs:track_edit": lambda world: {"part": "track", "code": "SW", "name": "소프트웨어 트랙", "description": ""},
    "programs:extension_grant": lambda world: {"until": "2026-12-31T18:00", "reason": "서류 보완 요청"},
    "programs:group_create": lambda world: {
        "name": "한빛 컨소시엄",
        "track": str(world["track"].pk),
        "mentoring_field": "제조·건설",
        "partners": "",
    },
    "programs:proposal_edit": lambda world: _proposal_body(world, title="공간 컴퓨팅 기반 원격 협업"),
    "programs:partner_confirm": lambda world: {},  # a button: the partner's representative confirms
    "programs:group_result": lambda world: {"panel": str(world["judging_panel"].pk), "text": "점수 합산 확인 요청"},
    "programs:judging_pledge": lambda world: {
        "note": "",
        "agree": "on",
        "signed_name": world["users"]["evaluator"].name,
    },
    "programs:judging_programme": lambda world: {"action": "panel", "kind": "screening", "evaluators_per_group": "3"},
    "programs:panel_detail": lambda world: {"action": "notify"},
    "programs:panel_order": lambda world: {},
    "programs:panel_results": lambda world: {
        "action": "override",
        "winner": str(world["judging_panel"].winners.get().pk),
        "group": str(world["mentoring_other_group"].pk),
        "reason": "수상 기업의 자격 미달",
    },
    "programs:panel_objections": lambda world: {
        "objection": str(world["objection"].pk),
        "answer": "재검토 결과 이상 없음",
    },
    "programs:mentor_pool": lambda world: {
        "user": str(world["mentor_candidate"].pk),
        "field": "제조·건설",
        "expertise": "스마트 팩토리",
    },
    "programs:mentoring_round": lambda world: {  # org A's group goes to mentor B for round 1
        "action": "match",
        "group": str(world["group"].pk),
        "mentor": str(Mentor.objects.get(user=world["users"]["mentor_b"]).pk),
    },
    "programs:support_record": lambda world: {
        "action": "benefit",
        "benefit-kind": "bonus_points",
        "benefit-code": "KOCCA",
        "benefit-name": "콘텐츠 지원사업 가점",
        "benefit-granting_body": "한국콘텐츠진흥원",
        "benefit-applies_to": "",
        "benefit-points": "1.0",
    },
    "programs:investment_day": lambda world: _day_body(world, venue="코엑스 컨퍼런스룸"),
    "programs:investment_desk": lambda world: {"unavailable": [world["investment_day"].slots[1]]},
    "programs:investment_company": lambda world: {"settings": "1", "priority": "on", "unavailable": []},
    "programs:investment_book": lambda world: {
        "desk": str(world["investment_desk"].pk),
        "company": str(world["investment_other_company"].pk),
        "slot": world["investment_day"].slots[1],
    },
    "programs:investment_meeting": lambda world: {"action": "held", "desk": "", "slot": ""},
    "programs:investment_offer": lambda world: {
        f"offer{world['investment_meeting'].pk}-company": str(world["investment_other_company"].pk)
    },
    "programs:investment_checkin": lambda world: {},
}
POST_BODIES_AS = {
    "programs:group_create": "rep_b",  # org A already leads a group this year
    "programs:partner_confirm": "partner_rep",
    "programs:group_result": "rep_a",
    "programs:proposal_edit": "rep_a",
}


def _release_final(world) -> None:
    """Objections are lodged against released results: release the final panel (not in the shared world, where
    evaluators still score)."""
    Panel.objects.filter(pk=world["judging_panel"].pk).update(released_at=timezone.now())


# What a URL's valid POST needs of the world beyond the shared state, done before any role posts to it.
def _slot_freed(world) -> None:
    """Org A did not come to its 14:00 meeting, and the other company has arrived: the slot can be offered to it.
    (Only for this URL: the scheduler refuses a day that has started.)"""
    meetings_service.set_meeting_status(actor=None, meeting=world["investment_meeting"], status="no_show")
    meetings_service.check_in(actor=None, company=world["investment_other_company"])


def _partner_invited(world) -> None:
    """The partner has not confirmed yet (the group's factory confirms its partners)."""
    GroupMember.objects.filter(pk=world["group_partner"].pk).update(confirmed_at=None, confirmed_by=None)


POST_BODIES_SETUP = {
    "programs:group_result": _release_final,
    "programs:investment_offer": _slot_freed,
    "programs:partner_confirm": _partner_invited,
}


def _proposal_body(world, **changes) -> dict:
    from django.forms.models import model_to_dict

    from alliance.programs.forms.applications import ProposalForm
    from alliance.programs.services import applications as service

    proposal = type(world["group"].proposal).objects.get(pk=world["group"].proposal.pk)
    initial = model_to_dict(proposal, fields=service.PROPOSAL_FIELDS)
    return posted(ProposalForm(initial=initial), **changes)
