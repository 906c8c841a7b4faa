"""Who may see and change the governance app's records (django-rules).

What a user may do comes from all their roles and seats together: staff (사무국) do everything; a person holds
seats through `Person.user`, in as many bodies as they sit on; a member company's representative sees the open
subcommittees (개방형) and joins or leaves them for the company. Views declare the named permissions below;
objects outside a user's scope answer 404.

A seat is *active* on a day when it has not ended (`ended_on` empty or after that day) and its term covers the
day. Pages use today; a meeting uses its own date (`held_seat_on`).

Other governance areas add their permissions in their own block at the end of this module.
"""

import datetime

import rules
from django.db.models import Q
from django.utils import timezone

from alliance.agencies.rules import is_liaison, liaison_agency_id
from alliance.core.rules import has_organisation, is_member_representative, is_secretariat, is_signed_in
from alliance.governance.models import AttendanceStatus, Body, BodyKind, Seat

# ---- govbase: seats, bodies, open subcommittees -------------------------------------------------------------


def active_seat_q(day: datetime.date, prefix: str = "") -> Q:
    """Seats active on `day` (not ended, term covering the day); `prefix` reaches them through a relation
    (`"seats__"`)."""
    return (
        (Q(**{f"{prefix}ended_on__isnull": True}) | Q(**{f"{prefix}ended_on__gt": day}))
        & Q(**{f"{prefix}term_start__lte": day})
        & Q(**{f"{prefix}term_end__gte": day})
    )


def seat_is_active(seat: Seat, day: datetime.date) -> bool:
    """The same rule as `active_seat_q`, for a seat already loaded."""
    return (seat.ended_on is None or seat.ended_on > day) and seat.term_start <= day <= seat.term_end


def seats_of(user, day: datetime.date | None = None):
    """The seats `user` holds (through their people records) that are active on `day` (today by default)."""
    if not (user and user.is_authenticated and user.is_active):
        return Seat.objects.none()
    return Seat.objects.filter(active_seat_q(day or timezone.localdate()), person__user=user)


def held_seat_on(user, body: Body, day: datetime.date | None) -> bool:
    """`user` held an active seat in `body` on `day` (today when the meeting has no date yet)."""
    return body is not None and seats_of(user, day).filter(body=body).exists()


@rules.predicate
def holds_seat_in(user, body) -> bool:
    """The user holds an active seat (member or observer) in `body` today."""
    return held_seat_on(user, body, None)


@rules.predicate
def holds_any_seat(user) -> bool:
    """The user holds an active seat in some body today ("내 회의체")."""
    return seats_of(user).exists()


@rules.predicate
def sits_in_year_of(user, body) -> bool:
    """The user holds an active seat in some body of `body`'s year."""
    return body is not None and seats_of(user).filter(body__year=body.year).exists()


@rules.predicate
def is_open_subcommittee(user, body) -> bool:
    return bool(
        body is not None and body.kind == BodyKind.SUBCOMMITTEE and body.open_to_members and body.abolished_on is None
    )


represents_member = is_member_representative & has_organisation

may_view_body = is_secretariat | holds_seat_in | (represents_member & is_open_subcommittee)

rules.add_perm("governance.view_governance", is_secretariat)  # the governance home of the secretariat
rules.add_perm("governance.manage_bodies", is_secretariat)  # bodies, seats, terms, copying a year
rules.add_perm("governance.view_body", may_view_body)
rules.add_perm("governance.view_own_bodies", is_signed_in & holds_any_seat)
rules.add_perm("governance.view_open_subcommittees", represents_member)
rules.add_perm("governance.join_subcommittee", represents_member & is_open_subcommittee)
rules.add_perm("governance.view_participants", is_secretariat)

# ---- meetings ------------------------------------------------------------------------------------------------


@rules.predicate
def sits_for_meeting(user, meeting) -> bool:
    """The user held a seat (member or observer) in the meeting's body on its day (today while undated): a
    past member still sees the meetings they sat for."""
    return meeting is not None and held_seat_on(user, meeting.body, meeting.date)


rules.add_perm("governance.manage_meetings", is_secretariat)
rules.add_perm("governance.view_meeting", is_signed_in & (is_secretariat | sits_for_meeting))
rules.add_perm("governance.reply_to_meeting", is_signed_in & sits_for_meeting)
rules.add_perm("governance.view_own_meetings", is_signed_in & holds_any_seat)

# ---- minutes -------------------------------------------------------------------------------------------------
# Staff write minutes; the body's seat holders (present or past) and the meeting's attendees read them; the
# attendees comment while they are circulated.


@rules.predicate
def sat_in_body_of(user, target) -> bool:
    """The user holds or held a seat in the body of `target` (a meeting, or a body itself)."""
    body = getattr(target, "body", target)
    return bool(is_signed_in(user) and body is not None and Seat.objects.filter(body=body, person__user=user).exists())


@rules.predicate
def attended(user, meeting) -> bool:
    """The user's seat was present at the meeting, in person or by a substitute."""
    return bool(
        is_signed_in(user)
        and meeting is not None
        and meeting.attendances.filter(
            seat__person__user=user, status__in=(AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)
        ).exists()
    )


@rules.predicate
def ever_held_a_seat(user) -> bool:
    return bool(is_signed_in(user) and Seat.objects.filter(person__user=user).exists())


rules.add_perm("governance.change_minutes", is_secretariat)
rules.add_perm("governance.view_minutes", is_secretariat | sat_in_body_of | attended)
rules.add_perm("governance.comment_minutes", attended)
rules.add_perm("governance.view_body_minutes", is_secretariat | sat_in_body_of)
rules.add_perm("governance.view_meeting_pack", is_secretariat | sat_in_body_of)
rules.add_perm("governance.view_minutes_list", is_secretariat | ever_held_a_seat)

# ---- proposals -----------------------------------------------------------------------------------------------


@rules.predicate
def sits_on_proposal_body(user, proposal) -> bool:
    return proposal is not None and held_seat_on(user, proposal.body, None)


@rules.predicate
def steering_sees_proposal(user, proposal) -> bool:
    """Steering members see a proposal once it is put before them (상정 and after)."""
    return (
        proposal is not None
        and proposal.state not in ("draft", "adopted")
        and seats_of(user).filter(body__year=proposal.body.year, body__kind=BodyKind.STEERING).exists()
    )


@rules.predicate
def agency_received_proposal(user, proposal) -> bool:
    """An agency liaison sees a proposal shared with their agency."""
    agency_id = liaison_agency_id(user)
    return proposal is not None and agency_id is not None and proposal.shares.filter(agency_id=agency_id).exists()


@rules.predicate
def answers_for_share(user, share) -> bool:
    return share is not None and liaison_agency_id(user) == share.agency_id


@rules.predicate
def may_draft_in(user, body) -> bool:
    return body is not None and body.kind == BodyKind.SUBCOMMITTEE and body.abolished_on is None


@rules.predicate
def is_draft(user, proposal) -> bool:
    return proposal is not None and proposal.state == "draft"


rules.add_perm("governance.view_proposals", is_secretariat | holds_any_seat | is_liaison)
rules.add_perm(
    "governance.view_proposal",
    is_secretariat | sits_on_proposal_body | steering_sees_proposal | agency_received_proposal,
)
rules.add_perm("governance.draft_proposal", may_draft_in & (is_secretariat | holds_seat_in))
rules.add_perm("governance.edit_proposal", is_draft & (is_secretariat | sits_on_proposal_body))
rules.add_perm("governance.move_proposal", is_secretariat)
rules.add_perm("governance.answer_proposal", is_secretariat | answers_for_share)
rules.add_perm("governance.view_obligations", is_secretariat | holds_any_seat)

# ---- contracts: the standard-contract revision and the operating rules ------------------------------------


@rules.predicate
def sits_in_reviewing_subcommittee(user, body) -> bool:
    """The user holds an active seat in `body`, a subcommittee (the documents it reviews)."""
    return body is not None and body.kind == BodyKind.SUBCOMMITTEE and held_seat_on(user, body, None)


@rules.predicate
def chairs_body(user, body) -> bool:
    """The user chairs `body` today (a seat with position 분과위원장 or 위원장)."""
    return (
        body is not None
        and seats_of(user).filter(body=body, is_observer=False, position__in=("subcommittee_chair", "chair")).exists()
    )


rules.add_perm("governance.view_contracts", is_secretariat | sits_in_reviewing_subcommittee)
rules.add_perm("governance.comment_on_contract", is_secretariat | sits_in_reviewing_subcommittee)
rules.add_perm("governance.decide_contracts", is_secretariat | (sits_in_reviewing_subcommittee & chairs_body))
rules.add_perm("governance.view_rules", is_secretariat | holds_any_seat)
rules.add_perm("governance.amend_rules", is_secretariat)


# ---- seats asked by apps beside governance (alliance/core/seats.py) -------------------------------------------


def holds_seat_in_body_named(user, body_name: str) -> bool:
    """The user holds a seat active today in a body of this year whose name starts with `body_name`."""
    today = timezone.localdate()
    return seats_of(user, today).filter(body__year=today.year, body__name__startswith=body_name).exists()
