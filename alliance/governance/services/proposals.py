"""Policy proposals (정책 제언): drafting, the moves between states, and the agencies' answers.

Rule: a proposal moves only along `TRANSITIONS`:
    초안 → 분과 채택 (at a meeting of its own subcommittee) → 운영위 상정 (on a steering meeting's agenda)
    → 승인 / 보완 요청 / 반려 (a decision of that steering meeting) → 유관기관 공유 (named agencies, a date)
    → 기관 회신 (the first agency's answer) → 반영 완료;
    보완 요청 goes back to 초안. Anything else is refused with a Korean reason and nothing is written.
Side effects: each move writes one `ProposalMove` and one `ProposalVersion` (the text as it stood) and an audit
entry; sharing writes one `ProposalShare` per agency.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.core.versions import bump_version, check_version
from alliance.governance.models import BodyKind
from alliance.governance.models.proposals import (
    AgencyAnswer,
    Proposal,
    ProposalMove,
    ProposalShare,
    ProposalState,
    ProposalVersion,
)

S = ProposalState
TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.ADOPTED}),
    S.ADOPTED: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.APPROVED, S.REVISION_REQUESTED, S.REJECTED}),
    S.REVISION_REQUESTED: frozenset({S.DRAFT}),
    S.APPROVED: frozenset({S.SHARED}),
    S.SHARED: frozenset({S.ANSWERED}),
    S.ANSWERED: frozenset({S.IMPLEMENTED}),
    S.REJECTED: frozenset(),
    S.IMPLEMENTED: frozenset(),
}
# The moves a steering decision makes; the decision must be one of the meeting the proposal was put before.
DECIDED = frozenset({S.APPROVED, S.REVISION_REQUESTED, S.REJECTED})


def allowed_moves(proposal: Proposal) -> list[str]:
    """The states `proposal` may move to next, in the order of `ProposalState` (for the page's buttons);
    `ANSWERED` is reached by an agency's answer, never by hand."""
    targets = TRANSITIONS[proposal.state] - {S.ANSWERED}
    return [state for state in ProposalState.values if state in targets]


def _snapshot(proposal: Proposal, *, by, at) -> ProposalVersion:
    number = proposal.versions.count() + 1
    return ProposalVersion.objects.create(
        proposal=proposal,
        number=number,
        state=proposal.state,
        title=proposal.title,
        text=proposal.text,
        created_by=by,
        created_at=at,
    )


def create_proposal(*, body, title: str, text: str, by) -> Proposal:
    """A draft of a subcommittee's proposal, version 1.

    Rule: only a subcommittee drafts proposals. Side effects: a version and an audit entry."""
    if body.kind != BodyKind.SUBCOMMITTEE:
        raise ValidationError(_("Policy proposals are drafted in a subcommittee."))
    now = timezone.now()
    with transaction.atomic():
        proposal = Proposal.objects.create(
            body=body, title=title, text=text, created_by=by, created_at=now, moved_at=now
        )
        ProposalMove.objects.create(proposal=proposal, from_state="", to_state=S.DRAFT, by=by, at=now)
        _snapshot(proposal, by=by, at=now)
        record_audit(action="governance.proposal.created", actor=by, target=proposal, after={"title": title})
    return proposal


def edit_draft(*, proposal: Proposal, title: str, text: str, by, expected_version: int | None = None) -> Proposal:
    """Change a draft's title and text (the next move keeps them as a new version).

    Rule: only a draft is edited; later states change only by moves; refused with core.versions.StaleEditError
    when the draft was edited since `expected_version` (its form's: the subcommittee's members write it).
    Side effects: the draft's edit version moves on; an audit entry."""
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        check_version(proposal, expected_version)
        if proposal.state != S.DRAFT:
            raise ValidationError(
                _("Only a draft can be edited; this proposal is “%(state)s”.") % {"state": proposal.get_state_display()}
            )
        before = {"title": proposal.title, "text": proposal.text}
        proposal.title, proposal.text = title, text
        bump_version(proposal)
        proposal.save(update_fields=["title", "text"])
        record_audit(
            action="governance.proposal.edited",
            actor=by,
            target=proposal,
            before=before,
            after={"title": title, "text": text},
        )
    return proposal


def _check_move(proposal: Proposal, to: str, *, meeting, decision, agencies) -> None:
    if to not in TRANSITIONS[proposal.state]:
        raise ValidationError(
            _("A proposal that is “%(state)s” cannot become “%(to)s”.")
            % {"state": proposal.get_state_display(), "to": ProposalState(to).label}
        )
    if to == S.ANSWERED:
        raise ValidationError(_("A proposal is answered when an agency records its answer."))
    if to == S.ADOPTED and (meeting is None or meeting.body_id != proposal.body_id):
        raise ValidationError(
            _("Name the meeting of %(body)s that adopted the proposal.") % {"body": proposal.body.name}
        )
    if to == S.SUBMITTED and (meeting is None or meeting.body.kind != BodyKind.STEERING):
        raise ValidationError(_("Name the steering-committee meeting whose agenda the proposal is on."))
    if to in DECIDED and (decision is None or decision.meeting_id != proposal.submitted_to_id):
        raise ValidationError(_("Name the decision of the steering-committee meeting the proposal was put before."))
    if to == S.SHARED and not agencies:
        raise ValidationError(_("Choose at least one partner agency to share the proposal with."))


def move_proposal(
    *, proposal: Proposal, to: str, by, note: str = "", meeting=None, decision=None, agencies=(), shared_on=None
) -> Proposal:
    """Move `proposal` to `to` (see the module's rule); `meeting` for 채택 and 상정, `decision` for the steering
    outcome, `agencies` and `shared_on` for 공유. Side effects: a move, a version, shares, an audit entry."""
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().select_related("body").get(pk=proposal.pk)
        _check_move(proposal, to, meeting=meeting, decision=decision, agencies=agencies)
        return _apply_move(
            proposal, to, by=by, note=note, meeting=meeting, decision=decision, agencies=agencies, shared_on=shared_on
        )


def _apply_move(proposal, to, *, by, note, meeting, decision, agencies, shared_on) -> Proposal:
    now = timezone.now()
    from_state = proposal.state
    proposal.state, proposal.moved_at = to, now
    if to == S.ADOPTED:
        proposal.adopted_at = meeting
    elif to == S.SUBMITTED:
        proposal.submitted_to = meeting
    elif to in DECIDED:
        proposal.decision = decision
    proposal.save()
    if to == S.SHARED:
        day = shared_on or timezone.localdate()
        ProposalShare.objects.bulk_create(
            [ProposalShare(proposal=proposal, agency=agency, shared_on=day) for agency in agencies]
        )
    ProposalMove.objects.create(
        proposal=proposal,
        from_state=from_state,
        to_state=to,
        by=by,
        at=now,
        note=note,
        meeting=meeting,
        decision=decision,
    )
    _snapshot(proposal, by=by, at=now)
    record_audit(
        action="governance.proposal.moved",
        actor=by,
        target=proposal,
        before={"state": from_state},
        after={"state": to, "note": note},
    )
    return proposal


def record_agency_answer(
    *, share: ProposalShare, answer: str, text: str, by, expected_version: int | None = None
) -> ProposalShare:
    """An agency's answer to a shared proposal (검토 중 / 반영 / 미반영 with text).

    Rule: only a proposal shared with the agency, not yet implemented, is answered; the first answer moves the
    proposal from 공유 to 기관 회신; refused with core.versions.StaleEditError when the agency's answer was
    recorded since `expected_version` (its form's: an agency has several liaisons).
    Side effects: the share (its version moves on), maybe a move and a version, an audit entry."""
    if answer not in (AgencyAnswer.REVIEWING, AgencyAnswer.ADOPTED, AgencyAnswer.NOT_ADOPTED):
        raise ValidationError(_("Choose under review, reflected or not reflected."))
    with transaction.atomic():
        share = ProposalShare.objects.select_for_update().select_related("proposal", "agency").get(pk=share.pk)
        check_version(share, expected_version)
        proposal = Proposal.objects.select_for_update().get(pk=share.proposal_id)
        if proposal.state not in (S.SHARED, S.ANSWERED):
            raise ValidationError(_("This proposal no longer takes answers."))
        share.answer, share.answer_text = answer, text
        share.answered_by, share.answered_at = by, timezone.now()
        bump_version(share)
        share.save()
        if proposal.state == S.SHARED:
            _apply_move(
                proposal,
                S.ANSWERED,
                by=by,
                note=share.agency.name,
                meeting=None,
                decision=None,
                agencies=(),
                shared_on=None,
            )
        record_audit(
            action="governance.proposal.answered",
            actor=by,
            target=proposal,
            after={"agency": share.agency.name, "answer": answer, "text": text},
        )
    return share
