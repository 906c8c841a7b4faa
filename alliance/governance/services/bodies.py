"""Writes to a year's bodies, the people on them and their seats, the open subcommittees' participants, and
the copy of a year to the next.

Rule: a subcommittee's chair (분과장) sits on that year's steering committee ex officio (운영규정 제3조②3): the
steering seat is created with the chair's seat and ended when the chair changes (another chair is appointed,
the seat's position changes or the seat ends). Terms are one year and renewed by a steering decision
(제3조②4, `extend_terms`). Every function owns its transaction and writes an audit entry.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from alliance.core.audit import changed, record_audit, snapshot
from alliance.core.versions import bump_version, bump_versions, check_version
from alliance.governance.models import Body, BodyKind, Meeting, Participation, Person, Position, Seat

BODY_FIELDS = (
    "year",
    "name",
    "kind",
    "order",
    "quorum_rule",
    "quorum_count",
    "substitutes_count",
    "substitutes_vote",
    "meetings_planned",
    "open_to_members",
    "description",
    "abolished_on",
)
EDITABLE_BODY_FIELDS = BODY_FIELDS[1:]
SEAT_FIELDS = ("body", "person", "position", "term_start", "term_end", "is_observer", "order", "ended_on")
PERSON_FIELDS = ("name", "organisation", "affiliation", "title", "sector", "email", "user")


def _today() -> datetime.date:
    return timezone.localdate()


def create_body(*, year: int, name: str, kind: str, by, **settings) -> Body:
    """A body of `year`; `settings` are the other fields of BODY_FIELDS (quorum, meetings planned ...).

    Rule: a subcommittee is open to every member company unless `open_to_members` says otherwise.
    Side effects: audit entry `governance.body.created`.
    """
    unknown = set(settings) - set(EDITABLE_BODY_FIELDS)
    if unknown:
        raise TypeError(f"unknown body fields: {sorted(unknown)}")
    settings.setdefault("open_to_members", kind == BodyKind.SUBCOMMITTEE)
    with transaction.atomic():
        body = Body.objects.create(year=year, name=name.strip(), kind=kind, **settings)
        record_audit(action="governance.body.created", actor=by, target=body, after=snapshot(body, BODY_FIELDS))
    return body


def update_body(*, body: Body, by, expected_version: int | None = None, **changes) -> Body:
    """Change a body's name, rules, plan or abolition date.

    Refused with core.versions.StaleEditError when the body was changed since `expected_version` (its form's).
    Side effects: the body's version moves on; audit entry `governance.body.updated` with the fields that
    changed (none when nothing did).
    """
    unknown = set(changes) - set(EDITABLE_BODY_FIELDS)
    if unknown:
        raise TypeError(f"unknown body fields: {sorted(unknown)}")
    with transaction.atomic():
        check_version(body, expected_version)
        before = snapshot(body, BODY_FIELDS)
        for name, value in changes.items():
            setattr(body, name, value)
        bump_version(body)
        body.save()
        old, new = changed(before, snapshot(body, BODY_FIELDS))
        if new:
            record_audit(action="governance.body.updated", actor=by, target=body, before=old, after=new)
    return body


def find_or_create_person(
    *, name: str, sector: str, by, organisation=None, affiliation: str = "", title: str = "", email: str = "", user=None
) -> Person:
    """The person of that name at that organisation (a member, or the affiliation typed), created when new.

    Rule: the affiliation of a member's person is the member's name unless one is given.
    Side effects: audit entry `governance.person.created` when the person is new.
    """
    name, affiliation = name.strip(), (affiliation or (organisation.name if organisation else "")).strip()
    existing = Person.objects.filter(name=name, organisation=organisation, affiliation=affiliation).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        person = Person.objects.create(
            name=name,
            organisation=organisation,
            affiliation=affiliation,
            title=title.strip(),
            sector=sector,
            email=email.strip(),
            user=user,
        )
        record_audit(action="governance.person.created", actor=by, target=person, after=snapshot(person, PERSON_FIELDS))
    return person


def update_person(*, person: Person, by, **changes) -> Person:
    """Change a person's name, organisation, job title, sector, e-mail or account (for every seat they hold).

    Side effects: audit entry `governance.person.updated` with the fields that changed; when something did, the
    versions of the person's seats move on (their forms show the person's details).
    """
    with transaction.atomic():
        before = snapshot(person, PERSON_FIELDS)
        for name, value in changes.items():
            if name not in PERSON_FIELDS:
                raise TypeError(f"unknown person field: {name}")
            setattr(person, name, value)
        person.save()
        old, new = changed(before, snapshot(person, PERSON_FIELDS))
        if new:
            bump_versions(Seat.objects.filter(person=person))
            record_audit(action="governance.person.updated", actor=by, target=person, before=old, after=new)
    return person


def _is_chair_seat(seat: Seat, day: datetime.date) -> bool:
    return (
        seat.body.kind == BodyKind.SUBCOMMITTEE
        and seat.position == Position.SUBCOMMITTEE_CHAIR
        and not seat.is_observer
        and (seat.ended_on is None or seat.ended_on > day)
    )


def _steering_of(year: int) -> Body | None:
    return Body.objects.filter(year=year, kind=BodyKind.STEERING, abolished_on__isnull=True).order_by("pk").first()


def _end(seat: Seat, *, on: datetime.date, by, action: str) -> None:
    seat.ended_on = on
    seat.save(update_fields=["ended_on"])
    record_audit(action=action, actor=by, target=seat, before={"ended_on": None}, after={"ended_on": on.isoformat()})


def _sync_ex_officio(seat: Seat, *, by) -> None:
    """Create the chair's ex officio steering seat, or end it when the seat no longer is a chair's."""
    today = _today()
    current = seat.ex_officio_seats.filter(ended_on__isnull=True)
    if not _is_chair_seat(seat, today):
        for ex_officio in current:
            _end(ex_officio, on=seat.ended_on or today, by=by, action="governance.seat.ex_officio_ended")
        return
    if current.exists():
        current.update(term_start=seat.term_start, term_end=seat.term_end)
        return
    steering = _steering_of(seat.body.year)
    if steering is None or steering.seats.filter(person=seat.person).exists():
        return  # no steering committee yet, or the chair already sits on it in their own right
    ex_officio = Seat.objects.create(
        body=steering,
        person=seat.person,
        position=Position.SUBCOMMITTEE_CHAIR,
        term_start=seat.term_start,
        term_end=seat.term_end,
        ex_officio_for=seat,
        order=steering.seats.count() + 1,
    )
    record_audit(
        action="governance.seat.ex_officio_added", actor=by, target=ex_officio, after=snapshot(ex_officio, SEAT_FIELDS)
    )


def _replace_previous_chair(seat: Seat, *, by) -> None:
    """A new chair of a subcommittee: the previous chair stays a member and leaves the steering committee."""
    if not _is_chair_seat(seat, _today()):
        return
    previous = seat.body.seats.filter(position=Position.SUBCOMMITTEE_CHAIR, ended_on__isnull=True).exclude(pk=seat.pk)
    for old in previous:
        old.position = Position.MEMBER
        old.save(update_fields=["position"])
        record_audit(
            action="governance.seat.updated",
            actor=by,
            target=old,
            before={"position": Position.SUBCOMMITTEE_CHAIR},
            after={"position": Position.MEMBER},
        )
        _sync_ex_officio(old, by=by)


def add_seat(
    *,
    body: Body,
    person: Person,
    position: str,
    term_start: datetime.date,
    term_end: datetime.date,
    by,
    is_observer: bool = False,
    order: int | None = None,
) -> Seat:
    """Seat `person` on `body`; a subcommittee chair also on the steering committee (ex officio).

    Side effects: audit entries `governance.seat.added` (and `governance.seat.ex_officio_added`).
    """
    if term_end < term_start:
        raise ValueError("a term ends on or after its start")
    with transaction.atomic():
        seat = Seat.objects.create(
            body=body,
            person=person,
            position=position,
            term_start=term_start,
            term_end=term_end,
            is_observer=is_observer,
            order=body.seats.count() + 1 if order is None else order,
        )
        record_audit(action="governance.seat.added", actor=by, target=seat, after=snapshot(seat, SEAT_FIELDS))
        _replace_previous_chair(seat, by=by)
        _sync_ex_officio(seat, by=by)
    return seat


def update_seat(*, seat: Seat, by, **changes) -> Seat:
    """Change a seat's position, term, observer flag or order; the chair's ex officio seat follows.

    Side effects: the seat's version moves on; audit entry `governance.seat.updated` with the fields that changed.
    """
    with transaction.atomic():
        before = snapshot(seat, SEAT_FIELDS)
        for name, value in changes.items():
            if name not in ("position", "term_start", "term_end", "is_observer", "order"):
                raise TypeError(f"unknown seat field: {name}")
            setattr(seat, name, value)
        if seat.term_end < seat.term_start:
            raise ValueError("a term ends on or after its start")
        bump_version(seat)
        seat.save()
        old, new = changed(before, snapshot(seat, SEAT_FIELDS))
        if new:
            record_audit(action="governance.seat.updated", actor=by, target=seat, before=old, after=new)
        _replace_previous_chair(seat, by=by)
        _sync_ex_officio(seat, by=by)
    return seat


def edit_seat(*, seat: Seat, by, expected_version: int | None = None, person_changes: dict, seat_changes: dict) -> Seat:
    """The seat form's save: its holder's details (`update_person`) and the seat's (`update_seat`) in one
    transaction, both or neither.

    Refused with core.versions.StaleEditError, nothing written, when the seat or its holder's details (from
    another of their seats) changed since `expected_version` (the form's).
    Side effects: those of `update_person` and `update_seat`.
    """
    with transaction.atomic():
        check_version(seat, expected_version)
        update_person(person=seat.person, by=by, **person_changes)
        update_seat(seat=seat, by=by, **seat_changes)
    return seat


def end_seat(*, seat: Seat, on: datetime.date, by) -> Seat:
    """The holder leaves the body on `on` (resignation, replacement); a chair also leaves the steering committee.

    Side effects: audit entries `governance.seat.ended` (and `governance.seat.ex_officio_ended`).
    """
    with transaction.atomic():
        _end(seat, on=on, by=by, action="governance.seat.ended")
        _sync_ex_officio(seat, by=by)
    return seat


def _one_year_later(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def extend_terms(*, seats, decision, by) -> list[Seat]:
    """Renew `seats` for one year by a steering `decision` (제3조②4, e.g. 의장 연임): each term ends a year later.

    Rule: the decision records the seats it extended; an ex officio seat follows its chair's seat.
    Side effects: one audit entry `governance.seat.term_extended` per seat.
    """
    extended = []
    with transaction.atomic():
        for seat in seats:
            before = seat.term_end
            seat.term_end = _one_year_later(seat.term_end)
            bump_version(seat)
            seat.save(update_fields=["term_end", "version"])
            seat.ex_officio_seats.filter(ended_on__isnull=True).update(term_end=seat.term_end)
            bump_versions(seat.ex_officio_seats.filter(ended_on__isnull=True))
            record_audit(
                action="governance.seat.term_extended",
                actor=by,
                target=seat,
                before={"term_end": before.isoformat()},
                after={"term_end": seat.term_end.isoformat(), "decision": decision.pk},
            )
            extended.append(seat)
        decision.seats.add(*extended)
    return extended


def join_subcommittee(*, body: Body, organisation, by) -> Participation:
    """A member company takes part in an open subcommittee (개방형): no approval needed.

    Rule: joining again while taking part changes nothing. Side effects: audit entry `governance.participation.joined`.
    """
    with transaction.atomic():
        current = Participation.objects.select_for_update().filter(body=body, organisation=organisation)
        existing = current.filter(left_on__isnull=True).first()
        if existing is not None:
            return existing
        participation = Participation.objects.create(
            body=body, organisation=organisation, joined_by=by, joined_on=_today()
        )
        record_audit(action="governance.participation.joined", actor=by, target=participation)
    return participation


def leave_subcommittee(*, body: Body, organisation, by) -> Participation | None:
    """The member company stops taking part; its history stays (joined on, left on).

    Side effects: audit entry `governance.participation.left` (nothing when it was not taking part).
    """
    with transaction.atomic():
        participation = (
            Participation.objects.select_for_update()
            .filter(body=body, organisation=organisation, left_on__isnull=True)
            .first()
        )
        if participation is None:
            return None
        participation.left_on = _today()
        participation.save(update_fields=["left_on"])
        record_audit(
            action="governance.participation.left",
            actor=by,
            target=participation,
            after={"left_on": participation.left_on.isoformat()},
        )
    return participation


@dataclass(frozen=True)
class YearCopy:
    bodies: int
    seats: int
    meetings: int


def copy_plan(year: int) -> YearCopy:
    """What copying `year` to the next would create (the confirmation shows it before anything is written)."""
    bodies = Body.objects.filter(year=year, abolished_on__isnull=True)
    standing = Seat.objects.filter(body__in=bodies, ended_on__isnull=True)
    return YearCopy(
        bodies=bodies.count(),
        seats=standing.filter(Q(ex_officio_for__isnull=True) | Q(ex_officio_for__in=standing)).count(),
        meetings=Meeting.objects.filter(body__in=bodies).count(),
    )


def _next_year_term(seat: Seat, next_year: int) -> tuple[datetime.date, datetime.date]:
    """A year later; a term already renewed into the next year (a chair re-appointed) keeps its end."""
    first_day = datetime.date(next_year, 1, 1)
    if seat.term_end >= first_day:
        return max(first_day, seat.term_start), seat.term_end
    return _one_year_later(seat.term_start), _one_year_later(seat.term_end)


def copy_year(*, year: int, by) -> YearCopy:
    """Start `year + 1` as a copy of `year`: its bodies (not abolished), their seats that have not ended with
    terms a year later (a term already running into the next year keeps its end), and its meetings as a plan
    (number, period, topics; no date, place or agenda).

    Rule: refused (ValueError) when the next year already has bodies. Ex officio seats keep pointing to their
    chair's new seat.
    Side effects: audit entry `governance.year.copied` with the counts.
    """
    with transaction.atomic():
        if Body.objects.filter(year=year + 1).exists():
            raise ValueError("the next year already has bodies")
        new_seat_of: dict[int, Seat] = {}
        ex_officio_links: list[tuple[Seat, int]] = []
        counts = {"bodies": 0, "seats": 0, "meetings": 0}
        copied = Body.objects.filter(year=year, abolished_on__isnull=True)
        # An ex officio seat follows its chair's seat: not copied when the chair's subcommittee is not.
        copied_seats = set(Seat.objects.filter(body__in=copied, ended_on__isnull=True).values_list("pk", flat=True))
        for body in copied.prefetch_related("seats", "meetings"):
            copy = Body.objects.create(**{name: getattr(body, name) for name in EDITABLE_BODY_FIELDS}, year=year + 1)
            counts["bodies"] += 1
            for seat in body.seats.all():
                if seat.ended_on is not None or (seat.ex_officio_for_id and seat.ex_officio_for_id not in copied_seats):
                    continue
                term_start, term_end = _next_year_term(seat, year + 1)
                new = Seat.objects.create(
                    body=copy,
                    person_id=seat.person_id,
                    position=seat.position,
                    term_start=term_start,
                    term_end=term_end,
                    is_observer=seat.is_observer,
                    order=seat.order,
                )
                new_seat_of[seat.pk] = new
                if seat.ex_officio_for_id:
                    ex_officio_links.append((new, seat.ex_officio_for_id))
                counts["seats"] += 1
            for meeting in body.meetings.all():
                Meeting.objects.create(
                    body=copy,
                    number=meeting.number,
                    planned_period=meeting.planned_period,
                    planned_topics=meeting.planned_topics,
                    format=meeting.format,
                )
                counts["meetings"] += 1
        for new, chair_seat_pk in ex_officio_links:
            new.ex_officio_for = new_seat_of.get(chair_seat_pk)
            new.save(update_fields=["ex_officio_for"])
        result = YearCopy(**counts)
        record_audit(
            action="governance.year.copied",
            actor=by,
            target=None,
            after={"year": year, "next_year": year + 1, **counts},
        )
    return result
