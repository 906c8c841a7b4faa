"""Decisions (의결) taken at a meeting, and their effect on the records (the `meetings` area).

Rules:
- A decision is by consensus (no counts) or by vote: 찬성 / 반대 / 기권 counts, at least one vote, whose total
  does not exceed the seats eligible to vote (`eligible_voters`): the member seats present in person, plus
  those represented by a substitute when the body's rules let substitutes vote (`Body.substitutes_vote`).
  A substitute votes for the one seat they stand in for (no chains); observers never vote. A vote needs the
  attendance recorded first.
- An adopted decision's effect is applied when it is recorded: EXTEND_TERMS extends the chosen seats' terms
  by one year (services.bodies.extend_terms: ex officio seats follow); ESTABLISH_BODY clears the chosen
  bodies' abolition, ABOLISH_BODY abolishes them on the meeting's day; other effects are recorded only.
  A rejected decision changes nothing.
Side effects: the Decision with its seats and bodies, the effect, an audit entry.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit
from alliance.governance.models import (
    AttendanceStatus,
    Body,
    Decision,
    DecisionEffect,
    DecisionMethod,
    DecisionOutcome,
    Meeting,
)
from alliance.governance.services.bodies import extend_terms


def eligible_voters(meeting: Meeting) -> int:
    """The seats that may vote at `meeting`: members present in person, plus substitutes when they vote."""
    statuses = [AttendanceStatus.PRESENT]
    if meeting.body.substitutes_vote:
        statuses.append(AttendanceStatus.SUBSTITUTE)
    return meeting.attendances.filter(status__in=statuses, seat__is_observer=False).count()


def vote_errors(*, method: str, votes_for: int, votes_against: int, abstentions: int, eligible: int) -> list[str]:
    """What is wrong with these counts (empty: valid). Pure: the property tests call it directly."""
    counts = (votes_for, votes_against, abstentions)
    if method == DecisionMethod.CONSENSUS:
        return [] if counts == (0, 0, 0) else [_("A decision by consensus has no vote counts.")]
    if method != DecisionMethod.VOTE:
        return [_("Method: choose consensus or vote.")]
    if any(count < 0 for count in counts):
        return [_("Vote counts cannot be negative.")]
    total = sum(counts)
    if total == 0:
        return [_("A vote needs at least one vote.")]
    if total > eligible:
        return [
            _("%(total)s votes were counted but only %(eligible)s seats may vote at this meeting.")
            % {"total": total, "eligible": eligible}
        ]
    return []


def _apply(decision: Decision, *, seats, bodies, actor, meeting: Meeting) -> None:
    if decision.outcome != DecisionOutcome.ADOPTED:
        return
    if decision.effect == DecisionEffect.EXTEND_TERMS:
        extend_terms(seats=seats, decision=decision, by=actor)
    elif decision.effect == DecisionEffect.ABOLISH_BODY:
        Body.objects.filter(pk__in=[body.pk for body in bodies]).update(abolished_on=meeting.date)
    elif decision.effect == DecisionEffect.ESTABLISH_BODY:
        Body.objects.filter(pk__in=[body.pk for body in bodies]).update(abolished_on=None)


def record_decision(
    *,
    actor,
    meeting: Meeting,
    motion: str,
    method: str,
    outcome: str,
    effect: str = DecisionEffect.NONE,
    agenda_item=None,
    votes_for: int = 0,
    votes_against: int = 0,
    abstentions: int = 0,
    seats=(),
    bodies=(),
) -> Decision:
    """Record a decision of `meeting` and apply its effect.

    Rule: see the module; the motion is not blank; the agenda item is the meeting's; EXTEND_TERMS names seats
    of the meeting's body and ESTABLISH/ABOLISH_BODY names bodies.
    Side effects: the Decision; its effect; audit `governance.decision.recorded`.
    """
    motion = motion.strip()
    if not motion:
        raise ValidationError(_("Motion: enter what was decided."))
    if outcome not in DecisionOutcome.values or effect not in DecisionEffect.values:
        raise ValidationError(_("Choose the outcome and the effect."))
    if agenda_item is not None and agenda_item.meeting_id != meeting.pk:
        raise ValidationError(_("The agenda item is not one of this meeting's."))
    if method == DecisionMethod.VOTE and meeting.attendance_recorded_at is None:
        raise ValidationError(_("Record the attendance first: a vote counts only the seats present."))
    eligible = eligible_voters(meeting) if method == DecisionMethod.VOTE else 0
    if errors := vote_errors(
        method=method, votes_for=votes_for, votes_against=votes_against, abstentions=abstentions, eligible=eligible
    ):
        raise ValidationError(errors)
    seats, bodies = list(seats), list(bodies)
    if effect == DecisionEffect.EXTEND_TERMS and not seats:
        raise ValidationError(_("Seats concerned: choose the seats whose terms are extended."))
    if effect in (DecisionEffect.ESTABLISH_BODY, DecisionEffect.ABOLISH_BODY) and not bodies:
        raise ValidationError(_("Bodies concerned: choose the bodies established or abolished."))
    with transaction.atomic():
        decision = Decision.objects.create(
            meeting=meeting,
            agenda_item=agenda_item,
            motion=motion,
            method=method,
            votes_for=votes_for,
            votes_against=votes_against,
            abstentions=abstentions,
            outcome=outcome,
            effect=effect,
            recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
            recorded_at=timezone.now(),
        )
        decision.seats.set(seats)
        decision.bodies.set(bodies)
        _apply(decision, seats=seats, bodies=bodies, actor=actor, meeting=meeting)
        record_audit(
            action="governance.decision.recorded",
            actor=actor,
            target=meeting,
            after={
                "motion": motion,
                "method": method,
                "votes_for": votes_for,
                "votes_against": votes_against,
                "abstentions": abstentions,
                "outcome": outcome,
                "effect": effect,
                "seats": [seat.person.name for seat in seats],
                "bodies": [body.name for body in bodies],
            },
        )
    return decision
