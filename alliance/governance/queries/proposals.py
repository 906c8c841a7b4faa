"""Reads of the policy proposals reused by the status command, the pages and (later) the quarterly briefing."""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.governance.models import Body, BodyKind, Meeting
from alliance.governance.models.proposals import (
    DELIVERED_STATES,
    Deliverable,
    DeliverableKind,
    Proposal,
    ProposalMove,
    ProposalState,
)
from alliance.governance.rules import seats_of


def proposals_by_state(year: int, *, as_of: datetime.date | None = None) -> dict[str, int]:
    """How many of the year's proposals are in each state (as of a day: the last move on or before it)."""
    proposals = Proposal.objects.filter(body__year=year)
    if as_of is None:
        counts: dict[str, int] = {}
        for state in proposals.values_list("state", flat=True):
            counts[state] = counts.get(state, 0) + 1
        return dict(sorted(counts.items()))
    end = datetime.datetime.combine(as_of, datetime.time.max, tzinfo=timezone.get_current_timezone())
    latest: dict[int, str] = {}
    moves = ProposalMove.objects.filter(proposal__in=proposals, at__lte=end).order_by("proposal_id", "at", "pk")
    for proposal_id, state in moves.values_list("proposal_id", "to_state"):
        latest[proposal_id] = state
    counts = {}
    for state in latest.values():
        counts[state] = counts.get(state, 0) + 1
    return dict(sorted(counts.items()))


def proposals_visible_to(user, year: int, *, everything: bool, agency_id: int | None):
    """The year's proposals `user` may open, as one query: the rule of `governance.view_proposal`, given
    whether the user sees `everything` (staff) and the agency they speak for."""
    proposals = Proposal.objects.filter(body__year=year).select_related("body")
    if everything:
        return proposals.order_by("body__order", "body__name", "-moved_at")
    seats = seats_of(user)
    visible = Q(body__in=seats.values("body"))
    if seats.filter(body__year=year, body__kind=BodyKind.STEERING).exists():
        visible |= ~Q(state__in=(ProposalState.DRAFT, ProposalState.ADOPTED))
    if agency_id is not None:
        visible |= Q(shares__agency_id=agency_id)
    return proposals.filter(visible).distinct().order_by("body__order", "body__name", "-moved_at")


def bodies_to_draft_in(user, year: int, *, everything: bool):
    """The year's open subcommittees `user` could draft a proposal in: every one for staff, else those they sit
    on (one query, so that the permission is then checked on a few bodies, not on each of the year's)."""
    bodies = Body.objects.filter(year=year, kind=BodyKind.SUBCOMMITTEE, abolished_on__isnull=True)
    return bodies if everything else bodies.filter(pk__in=seats_of(user).values("body"))


@dataclass(frozen=True)
class DeliverableProgress:
    deliverable: Deliverable
    done: int

    @property
    def short(self) -> bool:
        return self.done < self.deliverable.target_count


@dataclass
class Obligations:
    body: Body
    planned: int
    held: int
    deliverables: list[DeliverableProgress]
    proposals_put_forward: int
    warnings: list[str] = field(default_factory=list)

    @property
    def remaining(self) -> int:
        return max(self.planned - self.held, 0)


def obligations(year: int, *, as_of: datetime.date) -> list[Obligations]:
    """Each subcommittee of `year` against its plan as of a day: meetings held of planned, deliverables done
    of their targets, and early warnings when a deliverable is short while at most one meeting remains or the
    year's last two months have begun. Four queries whatever the number of subcommittees."""
    bodies = list(Body.objects.filter(year=year, kind=BodyKind.SUBCOMMITTEE, abolished_on__isnull=True))
    held = dict(
        Meeting.objects.filter(body__in=bodies, date__lte=as_of, attendance_recorded_at__isnull=False)
        .values("body")
        .annotate(n=Count("pk"))
        .values_list("body", "n")
    )
    delivered: dict[int, int] = {}
    put_forward: dict[int, int] = {}
    for body_id, state in Proposal.objects.filter(body__in=bodies).values_list("body", "state"):
        if state in DELIVERED_STATES:
            delivered[body_id] = delivered.get(body_id, 0) + 1
        if state != ProposalState.DRAFT:
            put_forward[body_id] = put_forward.get(body_id, 0) + 1
    deliverables: dict[int, list[Deliverable]] = {}
    for deliverable in Deliverable.objects.filter(body__in=bodies):
        deliverables.setdefault(deliverable.body_id, []).append(deliverable)
    late_in_year = as_of >= datetime.date(year, 11, 1)
    result = []
    for body in bodies:
        progress = [
            DeliverableProgress(
                item, delivered.get(body.pk, 0) if item.kind == DeliverableKind.POLICY_PROPOSAL else item.done_count
            )
            for item in deliverables.get(body.pk, [])
        ]
        entry = Obligations(body, body.meetings_planned, held.get(body.pk, 0), progress, put_forward.get(body.pk, 0))
        entry.warnings = _warnings(entry, late_in_year=late_in_year)
        result.append(entry)
    return result


def _warnings(entry: Obligations, *, late_in_year: bool) -> list[str]:
    short = [item for item in entry.deliverables if item.short]
    if not short or (entry.remaining > 1 and not late_in_year):
        return []
    parts = [_("%(count)s meeting(s) left") % {"count": entry.remaining}]
    for item in short:
        if item.deliverable.kind == DeliverableKind.POLICY_PROPOSAL and not entry.proposals_put_forward:
            parts.append(_("no proposal put forward"))
        else:
            parts.append(
                _("%(kind)s %(done)s of %(target)s done")
                % {
                    "kind": item.deliverable.get_kind_display(),
                    "done": item.done,
                    "target": item.deliverable.target_count,
                }
            )
    return [f"{entry.body.name}: {', '.join(str(part) for part in parts)}"]
