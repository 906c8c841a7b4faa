"""Bodies, seats and the chair's ex officio steering seat; terms renewed by a decision; joining an open
subcommittee; a year copied to the next."""

import datetime

import pytest
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.governance.models import Body, BodyKind, Decision, Meeting, Participation, Position, Seat, Sector
from alliance.governance.services import bodies as service
from alliance.governance.tests.factories import (
    BodyFactory,
    MeetingFactory,
    PersonFactory,
    SeatFactory,
    SubcommitteeFactory,
)

pytestmark = pytest.mark.django_db


def chair_of(subcommittee, person, by=None):
    return service.add_seat(
        body=subcommittee,
        person=person,
        position=Position.SUBCOMMITTEE_CHAIR,
        term_start=datetime.date(2026, 1, 1),
        term_end=datetime.date(2026, 12, 31),
        by=by,
    )


def test_create_body_opens_subcommittees_and_audits(staff_user):
    body = service.create_body(
        year=2026, name=" 상생협력 ", kind=BodyKind.SUBCOMMITTEE, by=staff_user, meetings_planned=3
    )
    assert (body.name, body.open_to_members, body.meetings_planned) == ("상생협력", True, 3)
    entry = AuditEntry.objects.get(action="governance.body.created")
    assert (entry.actor, entry.after["name"]) == (staff_user, "상생협력")


def test_update_body_records_only_changes(staff_user):
    body = BodyFactory()
    service.update_body(body=body, by=staff_user, meetings_planned=4, name=body.name)
    entry = AuditEntry.objects.get(action="governance.body.updated")
    assert (entry.before, entry.after) == ({"meetings_planned": 3}, {"meetings_planned": 4})


def test_find_or_create_person_picks_the_same_person(staff_user, organisation):
    first = service.find_or_create_person(
        name="김하늘", organisation=organisation, sector=Sector.INDUSTRY, by=staff_user
    )
    again = service.find_or_create_person(
        name="김하늘", organisation=organisation, sector=Sector.INDUSTRY, by=staff_user
    )
    other = service.find_or_create_person(
        name="김하늘", affiliation="한국대학교", sector=Sector.ACADEMIA, by=staff_user
    )
    assert first == again != other
    assert first.affiliation == organisation.name
    assert AuditEntry.objects.filter(action="governance.person.created").count() == 2


def test_subcommittee_chair_sits_on_steering_ex_officio(staff_user):
    steering, subcommittee = BodyFactory(), SubcommitteeFactory()
    person = PersonFactory()
    seat = chair_of(subcommittee, person, staff_user)
    ex_officio = Seat.objects.get(body=steering)
    assert (ex_officio.person, ex_officio.ex_officio_for, ex_officio.position) == (
        person,
        seat,
        Position.SUBCOMMITTEE_CHAIR,
    )
    assert (ex_officio.term_start, ex_officio.term_end) == (seat.term_start, seat.term_end)


def test_new_chair_replaces_the_old_one_on_steering(staff_user):
    steering, subcommittee = BodyFactory(), SubcommitteeFactory()
    old_person, new_person = PersonFactory(), PersonFactory()
    old = chair_of(subcommittee, old_person, staff_user)
    chair_of(subcommittee, new_person, staff_user)
    old.refresh_from_db()
    assert old.position == Position.MEMBER
    standing = steering.seats.filter(ended_on__isnull=True)
    assert [seat.person for seat in standing] == [new_person]
    assert steering.seats.get(person=old_person).ended_on == timezone.localdate()


def test_ending_or_demoting_the_chair_ends_the_steering_seat(staff_user):
    steering, subcommittee = BodyFactory(), SubcommitteeFactory()
    seat = chair_of(subcommittee, PersonFactory(), staff_user)
    service.end_seat(seat=seat, on=datetime.date(2026, 9, 30), by=staff_user)
    assert steering.seats.get().ended_on == datetime.date(2026, 9, 30)
    other = chair_of(subcommittee, PersonFactory(), staff_user)
    service.update_seat(seat=other, by=staff_user, position=Position.MEMBER)
    assert steering.seats.filter(ended_on__isnull=True).count() == 0


def test_term_ending_before_start_is_refused(staff_user):
    with pytest.raises(ValueError, match="term"):
        service.add_seat(
            body=BodyFactory(),
            person=PersonFactory(),
            position=Position.MEMBER,
            term_start=datetime.date(2026, 2, 1),
            term_end=datetime.date(2026, 1, 1),
            by=staff_user,
        )


def test_extend_terms_by_decision(staff_user):
    chair = SeatFactory(position=Position.CHAIR)
    meeting = MeetingFactory(body=chair.body)
    decision = Decision.objects.create(
        meeting=meeting, motion="의장 연임건", method="consensus", outcome="adopted", recorded_at=timezone.now()
    )
    service.extend_terms(seats=[chair], decision=decision, by=staff_user)
    chair.refresh_from_db()
    assert chair.term_end == datetime.date(2027, 12, 31)
    assert list(decision.seats.all()) == [chair]
    entry = AuditEntry.objects.get(action="governance.seat.term_extended")
    assert (entry.before, entry.after) == (
        {"term_end": "2026-12-31"},
        {"term_end": "2027-12-31", "decision": decision.pk},
    )


def test_join_and_leave_an_open_subcommittee(member_rep, organisation):
    body = SubcommitteeFactory()
    joined = service.join_subcommittee(body=body, organisation=organisation, by=member_rep)
    assert service.join_subcommittee(body=body, organisation=organisation, by=member_rep) == joined
    service.leave_subcommittee(body=body, organisation=organisation, by=member_rep)
    assert service.leave_subcommittee(body=body, organisation=organisation, by=member_rep) is None
    service.join_subcommittee(body=body, organisation=organisation, by=member_rep)
    rows = list(Participation.objects.order_by("pk").values_list("left_on", flat=True))
    assert rows == [timezone.localdate(), None]
    assert [
        entry.action for entry in AuditEntry.objects.filter(action__startswith="governance.part").order_by("pk")
    ] == [
        "governance.participation.joined",
        "governance.participation.left",
        "governance.participation.joined",
    ]


def test_copy_year_bodies_standing_seats_and_plan(staff_user):
    steering = BodyFactory(year=2025, name="운영위원회")
    subcommittee = SubcommitteeFactory(year=2025, name="윤리제도")
    SubcommitteeFactory(year=2025, name="기술표준", abolished_on=datetime.date(2025, 12, 1))
    SeatFactory(body=subcommittee)
    SeatFactory(body=steering, ended_on=datetime.date(2025, 6, 1))
    MeetingFactory(body=steering, number=1, planned_period="4~5월", planned_topics="사업계획")
    assert service.copy_plan(2025) == service.YearCopy(bodies=2, seats=1, meetings=1)
    result = service.copy_year(year=2025, by=staff_user)
    assert result == service.YearCopy(bodies=2, seats=1, meetings=1)
    copied = Body.objects.filter(year=2026)
    assert sorted(copied.values_list("name", flat=True)) == ["운영위원회", "윤리제도"]
    meeting = Meeting.objects.get(body__year=2026)
    assert (meeting.number, meeting.planned_period, meeting.date) == (1, "4~5월", None)
    seat = Seat.objects.get(body__year=2026)
    assert (seat.term_start, seat.term_end) == (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    with pytest.raises(ValueError, match="already"):
        service.copy_year(year=2025, by=staff_user)


def test_copy_year_keeps_ex_officio_links(staff_user):
    BodyFactory(year=2025)
    subcommittee = SubcommitteeFactory(year=2025)
    service.add_seat(
        body=subcommittee,
        person=PersonFactory(),
        position=Position.SUBCOMMITTEE_CHAIR,
        term_start=datetime.date(2025, 1, 1),
        term_end=datetime.date(2025, 12, 31),
        by=staff_user,
    )
    service.copy_year(year=2025, by=staff_user)
    ex_officio = Seat.objects.get(body__year=2026, body__kind=BodyKind.STEERING)
    assert ex_officio.ex_officio_for == Seat.objects.get(body__year=2026, body__kind=BodyKind.SUBCOMMITTEE)


def test_copy_year_keeps_a_term_already_renewed_into_the_next_year(staff_user):
    chair = SeatFactory(body=BodyFactory(year=2025), position=Position.CHAIR, term_end=datetime.date(2026, 12, 31))
    service.copy_year(year=2025, by=staff_user)
    copied = Seat.objects.get(body__year=2026, person=chair.person)
    assert (copied.term_start, copied.term_end) == (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


def test_copy_year_drops_the_ex_officio_seat_of_an_abolished_subcommittee(staff_user):
    BodyFactory(year=2025)
    subcommittee = SubcommitteeFactory(year=2025)
    service.add_seat(
        body=subcommittee,
        person=PersonFactory(),
        position=Position.SUBCOMMITTEE_CHAIR,
        term_start=datetime.date(2025, 1, 1),
        term_end=datetime.date(2025, 12, 31),
        by=staff_user,
    )
    service.update_body(body=subcommittee, by=staff_user, abolished_on=datetime.date(2025, 12, 31))
    assert service.copy_plan(2025) == service.YearCopy(bodies=1, seats=0, meetings=0)
    assert service.copy_year(year=2025, by=staff_user) == service.YearCopy(bodies=1, seats=0, meetings=0)
