"""Demo deliverables, policy proposals, the standard-contract revision and the operating rules (the `proposals`
area), called from `demo.py` after the meetings.

Everything goes through the services (create_proposal, move_proposal, record_agency_answer, add_document, ...);
the proposals move at the demo's real meetings, with a steering decision for each outcome. The services stamp
every move with the present moment, so the demo then dates each move, version and answer on the day it stands
for (the meeting, the sharing, the answer): `governance_status --year 2025 --as-of 2025-12-31` counts the 2025
proposals as they stood then. 상생협력 2026 puts forward no proposal, so as of late 2026 it carries the warning
"남은 회의 1회, 제출된 제언 없음". Fixed texts: the same for every seed. Idempotent: an area already present is
left alone.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from alliance.agencies.models import Agency
from alliance.core.models import User
from alliance.core.roles import Role
from alliance.governance import demo_proposals_content as content
from alliance.governance.models import (
    Body,
    BodyKind,
    Clause,
    ContractDocument,
    Decision,
    DecisionEffect,
    DecisionMethod,
    DecisionOutcome,
    Deliverable,
    DeliverableKind,
    Meeting,
    Position,
    Proposal,
    ProposalMove,
    ProposalShare,
    ProposalVersion,
    RulesVersion,
    Sector,
)
from alliance.governance.services import bodies as body_service
from alliance.governance.services import contracts, operating_rules
from alliance.governance.services import proposals as service

STAFF, MEMBER, SUBCOMMITTEE = "staff@demo.alliance.kr", "member@demo.alliance.kr", "subcommittee@demo.alliance.kr"
LIAISONS = {"NIPA": "agency@demo.alliance.kr", "RAPA": "rapa@demo.alliance.kr"}
COMMENTS_CLOSE = datetime.date(2026, 12, 18)


def _user(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _staff() -> User | None:
    return _user(STAFF) or User.objects.filter(role=Role.STAFF).order_by("pk").first()


def _moment(day: datetime.date, hour: int = 17) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _date_last_move(proposal: Proposal, at: datetime.datetime) -> None:
    """Date the move and version a service just wrote on the day it stands for (see the module's docstring)."""
    move = proposal.moves.order_by("-pk").first()
    ProposalMove.objects.filter(pk=move.pk).update(at=at)
    ProposalVersion.objects.filter(pk=proposal.versions.order_by("-number").first().pk).update(created_at=at)
    Proposal.objects.filter(pk=proposal.pk).update(moved_at=at)


def _deliverables(year: int) -> int:
    rows = []
    for body in Body.objects.filter(year=year, kind=BodyKind.SUBCOMMITTEE):
        if body.name == "차세대기술전략":  # the ecosystem map stands in for the policy proposal (seed 000)
            rows.append(
                Deliverable(body=body, kind=DeliverableKind.ECOSYSTEM_MAP, title="가상융합산업 생태계맵", done_count=1)
            )
            continue
        rows.append(Deliverable(body=body, kind=DeliverableKind.POLICY_PROPOSAL, title="정책 제언"))
        if body.name == "상생협력":
            rows.append(
                Deliverable(body=body, kind=DeliverableKind.CONTRACT_REVISION, title="표준계약서·표준약관 개정(안)")
            )
    Deliverable.objects.bulk_create(rows)
    return len(rows)


def _steering_decision(proposal: Proposal, outcome: str, staff) -> Decision:
    """The steering decision on the proposal at the meeting it was put before (the meetings demo records none)."""
    meeting = proposal.submitted_to
    title = proposal.title
    rejected = outcome == "rejected"
    return Decision.objects.create(
        meeting=meeting,
        agenda_item=meeting.agenda_items.filter(title__contains="분과").order_by("order").first(),
        motion=content.DECISION_MOTIONS[outcome].format(title=title),
        method=DecisionMethod.VOTE if rejected else DecisionMethod.CONSENSUS,
        votes_for=3 if rejected else 0,
        votes_against=7 if rejected else 0,
        abstentions=1 if rejected else 0,
        outcome=DecisionOutcome.REJECTED if rejected else DecisionOutcome.ADOPTED,
        effect=DecisionEffect.PROPOSAL,
        recorded_by=staff,
        recorded_at=_moment(meeting.date),
    )


def _step(proposal: Proposal, step: tuple, *, bodies: dict, agencies: dict, staff, drafter) -> Proposal:
    kind = step[0]
    if kind == "adopt":
        meeting = proposal.body.meetings.get(number=step[1])
        proposal = service.move_proposal(proposal=proposal, to="adopted", by=drafter, meeting=meeting)
        _date_last_move(proposal, _moment(meeting.date))
    elif kind == "submit":
        meeting = bodies["운영위원회"].meetings.get(number=step[1])
        proposal = service.move_proposal(proposal=proposal, to="submitted", by=staff, meeting=meeting)
        _date_last_move(proposal, _moment(step[2], 10))
    elif kind == "decide":
        decision = _steering_decision(proposal, step[1], staff)
        note = content.DECISION_NOTES[step[1]]
        proposal = service.move_proposal(proposal=proposal, to=step[1], by=staff, note=note, decision=decision)
        _date_last_move(proposal, decision.recorded_at)
    elif kind == "share":
        chosen = [agencies[name] for name in step[2] if name in agencies]
        proposal = service.move_proposal(proposal=proposal, to="shared", by=staff, agencies=chosen, shared_on=step[1])
        _date_last_move(proposal, _moment(step[1], 10))
    elif kind == "answer":
        _answer(proposal, step, agencies=agencies, staff=staff)
    elif kind == "implement":
        proposal = service.move_proposal(proposal=proposal, to="implemented", by=staff, note=step[2])
        _date_last_move(proposal, _moment(step[1], 10))
    elif kind == "redraft":
        proposal = service.move_proposal(proposal=proposal, to="draft", by=drafter, note="운영위원회 보완 요청 반영")
        _date_last_move(proposal, _moment(step[1], 10))
        proposal = service.edit_draft(proposal=proposal, title=proposal.title, text=step[2], by=drafter)
    return Proposal.objects.get(pk=proposal.pk)


def _answer(proposal: Proposal, step: tuple, *, agencies: dict, staff) -> None:
    _kind, name, answer, text, day = step
    share = proposal.shares.filter(agency__short_name=name).first()
    if share is None:
        return
    moves_before = proposal.moves.count()
    by = _user(LIAISONS[name]) if name in LIAISONS else staff
    service.record_agency_answer(share=share, answer=answer, text=text, by=by)
    ProposalShare.objects.filter(pk=share.pk).update(answered_at=_moment(day, 14))
    if proposal.moves.count() > moves_before:  # the first answer moved the proposal to 기관 회신
        _date_last_move(proposal, _moment(day, 14))


def _proposals() -> int:
    staff = _staff()
    ethics = _user(SUBCOMMITTEE)
    agencies = {agency.short_name: agency for agency in Agency.objects.all()}
    count = 0
    for year, body_name, title, text, path in content.PROPOSALS:
        bodies = {body.name: body for body in Body.objects.filter(year=year)}
        drafter = ethics if body_name == "윤리제도" and ethics else staff
        proposal = service.create_proposal(body=bodies[body_name], title=title, text=text, by=drafter)
        first = proposal.body.meetings.order_by("number").first()
        drafted = _moment(first.date - datetime.timedelta(days=14), 10)
        _date_last_move(proposal, drafted)
        Proposal.objects.filter(pk=proposal.pk).update(created_at=drafted)
        for step in path:
            if step[0] == "share" and not any(name in agencies for name in step[2]):
                break  # no agencies demo (the agencies app's demo not loaded): the proposal stays approved
            proposal = _step(proposal, step, bodies=bodies, agencies=agencies, staff=staff, drafter=drafter)
        count += 1
    return count


def _contract_revision() -> tuple[int, int]:
    """상생협력 2026: the documents under review, members' comments per clause, the chair's dispositions and
    the amendments with their reasons."""
    body = Body.objects.get(year=2026, name="상생협력")
    lawyer = _user(SUBCOMMITTEE)
    if lawyer is not None:  # the subcommittee login (a lawyer) also sits on 상생협력 and comments there
        person = lawyer.governance_people.order_by("pk").first() or body_service.find_or_create_person(
            name="전서윤", sector=Sector.ACADEMIA, affiliation="법무법인 누리", title="변호사", by=None, user=lawyer
        )
        body_service.add_seat(
            body=body,
            person=person,
            position=Position.MEMBER,
            term_start=datetime.date(2026, 1, 1),
            term_end=datetime.date(2026, 12, 31),
            by=None,
        )
    chair = _user(MEMBER) or _staff()
    staff = _staff()
    closes = max(COMMENTS_CLOSE, timezone.localdate())
    documents = [
        contracts.add_document(body=body, title=title, kind=kind, text=text, comments_close_on=closes, by=staff)
        for title, kind, text in content.CONTRACTS
    ]
    comments = 0
    for index, number, author, text, disposition, note, amended, reason in content.COMMENTS:
        clause = Clause.objects.get(document=documents[index], number=number)
        by = (lawyer or staff) if author == "member" else staff
        comment = contracts.comment_on_clause(clause=clause, text=text, by=by)
        comments += 1
        if disposition:
            contracts.dispose_comment(comment=comment, disposition=disposition, note=note, by=chair)
        if amended:
            contracts.set_amendment(clause=clause, proposed_text=amended, reason=reason, by=chair)
    return len(documents), comments


def _rules(staff) -> int:
    """운영규정 v1 (from paper, in force since 2025) and v2 amended by the 2026 first steering meeting."""
    operating_rules.amend_rules(
        text=content.RULES_V1, effective_on=datetime.date(2025, 1, 1), decision=None, summary="제정", by=staff
    )
    meeting = Meeting.objects.get(body__year=2026, body__kind=BodyKind.STEERING, number=1)
    decision = Decision.objects.create(
        meeting=meeting,
        agenda_item=meeting.agenda_items.filter(title__contains="운영계획").first(),
        motion="메타버스 얼라이언스 운영규정 일부 개정의 건 (" + content.RULES_V2_SUMMARY + ")",
        method=DecisionMethod.CONSENSUS,
        outcome=DecisionOutcome.ADOPTED,
        effect=DecisionEffect.AMEND_RULES,
        recorded_by=staff,
        recorded_at=_moment(meeting.date),
    )
    operating_rules.amend_rules(
        text=content.RULES_V2, effective_on=meeting.date, decision=decision, summary=content.RULES_V2_SUMMARY, by=staff
    )
    return 2


def load(*, seed: int = 0) -> str:
    """Deliverables, proposals, the contract revision and the rules; an area already present is skipped.
    `seed` is accepted like the other demo parts; the texts are fixed."""
    del seed
    parts = []
    with transaction.atomic():
        if not Deliverable.objects.filter(body__year__in=(2025, 2026)).exists():
            parts.append(f"산출물 {_deliverables(2025) + _deliverables(2026)}건")
        if not Proposal.objects.filter(body__year__in=(2025, 2026)).exists():
            parts.append(f"정책 제언 {_proposals()}건")
        if not ContractDocument.objects.filter(body__year=2026).exists():
            documents, comments = _contract_revision()
            parts.append(f"표준계약서·약관 검토 {documents}종(의견 {comments}건)")
        if not RulesVersion.objects.exists():
            parts.append(f"운영규정 {_rules(_staff())}개 판")
    return ", ".join(parts) or "정책 제언 데모가 이미 있습니다."
