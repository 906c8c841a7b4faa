"""The base permissions of governance: staff, seat holders (active seats only) and member representatives."""

import datetime

import pytest
from django.utils import timezone

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.governance.rules import held_seat_on, seats_of
from alliance.governance.tests.factories import BodyFactory, PersonFactory, SeatFactory, SubcommitteeFactory

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


def today():
    return timezone.localdate()


def seat_holder(body, **seat):
    """A user holding a seat in `body` whose term covers a year around today unless `seat` says otherwise."""
    user = UserFactory(role=Role.STEERING)
    seat = {"term_start": today() - 100 * DAY, "term_end": today() + 200 * DAY, **seat}
    SeatFactory(body=body, person=PersonFactory(user=user), **seat)
    return user


def test_staff_see_and_manage_everything(staff_user):
    body = BodyFactory()
    assert staff_user.has_perm("governance.view_governance")
    assert staff_user.has_perm("governance.manage_bodies")
    assert staff_user.has_perm("governance.view_body", body)


def test_seat_holder_sees_own_body_only():
    steering, other = BodyFactory(), SubcommitteeFactory(open_to_members=False)
    user = seat_holder(steering)
    assert user.has_perm("governance.view_body", steering)
    assert not user.has_perm("governance.view_body", other)
    assert user.has_perm("governance.view_own_bodies")
    assert not user.has_perm("governance.view_governance")
    assert not user.has_perm("governance.manage_bodies")


def test_ended_or_expired_seats_give_nothing():
    body = BodyFactory()
    ended = seat_holder(body, ended_on=today())
    expired = seat_holder(body, term_end=today() - DAY)
    future = seat_holder(body, term_start=today() + DAY)
    for user in (ended, expired, future):
        assert not user.has_perm("governance.view_body", body)
        assert not user.has_perm("governance.view_own_bodies")


def test_a_seat_ending_later_is_still_active_today():
    body = BodyFactory()
    user = seat_holder(body, ended_on=today() + DAY)
    assert user.has_perm("governance.view_body", body)


def test_meeting_date_decides_for_a_meeting():
    body = BodyFactory()
    user = seat_holder(body, term_start=today() - 90 * DAY, term_end=today() - 10 * DAY)
    assert held_seat_on(user, body, today() - 30 * DAY)
    assert not held_seat_on(user, body, None)
    assert list(seats_of(user, today() - 10 * DAY)) == list(body.seats.all())


def test_member_sees_only_open_subcommittees(member_rep):
    steering = BodyFactory()
    open_one = SubcommitteeFactory()
    closed = SubcommitteeFactory(open_to_members=False)
    abolished = SubcommitteeFactory(abolished_on=today())
    assert member_rep.has_perm("governance.view_body", open_one)
    assert member_rep.has_perm("governance.join_subcommittee", open_one)
    for body in (steering, closed, abolished):
        assert not member_rep.has_perm("governance.view_body", body)
        assert not member_rep.has_perm("governance.join_subcommittee", body)
    assert member_rep.has_perm("governance.view_open_subcommittees")
    assert not member_rep.has_perm("governance.view_own_bodies")


def test_representative_without_company_and_other_roles_cannot_join():
    body = SubcommitteeFactory()
    for user in (UserFactory(role=Role.MEMBER_REP), UserFactory(role=Role.AGENCY), UserFactory(role=Role.STEERING)):
        assert not user.has_perm("governance.join_subcommittee", body)
        assert not user.has_perm("governance.view_body", body)


def test_anonymous_has_nothing():
    from django.contrib.auth.models import AnonymousUser

    body = SubcommitteeFactory()
    user = AnonymousUser()
    assert not user.has_perm("governance.view_body", body)
    assert not user.has_perm("governance.view_own_bodies")
