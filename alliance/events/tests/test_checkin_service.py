"""Check-in at the door: once per guest, only this event's confirmed registrations, walk-ins let in at once."""

import secrets

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance.core.models import AuditEntry
from alliance.events.models import OrganisationType, Registration
from alliance.events.queries import door
from alliance.events.services import checkin
from alliance.events.services.checkin import Outcome
from alliance.events.tests.door_factories import make_event, make_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return make_event()


def test_a_ticket_lets_its_guest_in_once_and_says_already_the_second_time(event, staff_user):
    registration, token = make_registration(event, name="김민지")

    first = checkin.check_in_ticket(
        event=event, ticket=f"https://alliance.example.kr/events/tickets/{token}/", actor=staff_user
    )
    checked_at = first.registration.checked_in_at
    second = checkin.check_in_ticket(event=event, ticket=token, actor=staff_user)

    assert (first.outcome, second.outcome) == (Outcome.CHECKED_IN, Outcome.ALREADY)
    assert first.message == "입장 확인"
    assert second.message == "이미 입장"
    registration.refresh_from_db()
    assert registration.checked_in_at == checked_at
    assert registration.checked_in_by == staff_user
    assert AuditEntry.objects.filter(action="events.checked_in", target_id=str(registration.pk)).count() == 1


def test_a_ticket_of_another_event_is_refused_and_names_that_event(event, staff_user):
    other = make_event(title="2025 분과통합 공개세미나")
    registration, token = make_registration(other)

    result = checkin.check_in_ticket(event=event, ticket=token, actor=staff_user)

    assert result.outcome == Outcome.OTHER_EVENT
    assert result.message == "다른 행사의 티켓입니다: 2025 분과통합 공개세미나"
    registration.refresh_from_db()
    assert registration.checked_in_at is None


@pytest.mark.parametrize(
    ("status", "outcome", "message"),
    [
        (Registration.Status.CANCELLED, Outcome.CANCELLED, "취소된 등록입니다."),
        (Registration.Status.WAITING, Outcome.WAITING, "아직 대기자 명단에 있는 등록입니다."),
    ],
)
def test_a_cancelled_or_waiting_registration_is_refused(event, staff_user, status, outcome, message):
    registration, token = make_registration(event, status=status)

    result = checkin.check_in_ticket(event=event, ticket=token, actor=staff_user)

    assert (result.outcome, result.message) == (outcome, message)
    registration.refresh_from_db()
    assert registration.checked_in_at is None
    assert not AuditEntry.objects.filter(action="events.checked_in").exists()


def test_an_unknown_ticket_says_not_registered(event, staff_user):
    result = checkin.check_in_ticket(event=event, ticket="not-a-ticket", actor=staff_user)

    assert (result.outcome, result.message) == (Outcome.UNKNOWN, "등록되지 않은 티켓")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(guess=st.one_of(st.text(max_size=300), st.builds(lambda: secrets.token_urlsafe(32))))
def test_guessed_tokens_let_nobody_in(staff_user, guess):
    event = make_event()
    registration, _token = make_registration(event)

    assert checkin.check_in_ticket(event=event, ticket=guess, actor=staff_user).outcome == Outcome.UNKNOWN
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_the_stored_hash_is_no_ticket(event, staff_user):
    registration, _token = make_registration(event)

    assert (
        checkin.check_in_ticket(event=event, ticket=registration.token_hash, actor=staff_user).outcome
        == Outcome.UNKNOWN
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(st.sampled_from(["ticket", "list"]), min_size=1, max_size=6))
def test_any_sequence_of_scans_and_list_presses_lets_the_guest_in_exactly_once(staff_user, actions):
    event = make_event()  # one per example: hypothesis runs every example in the same test's transaction
    registration, token = make_registration(event)
    outcomes = []
    for action in actions:
        if action == "ticket":
            outcomes.append(checkin.check_in_ticket(event=event, ticket=token, actor=staff_user).outcome)
        else:
            outcomes.append(
                checkin.check_in_registration(event=event, registration=registration, actor=staff_user).outcome
            )

    assert outcomes == [Outcome.CHECKED_IN] + [Outcome.ALREADY] * (len(actions) - 1)
    assert door.arrivals(event).checked_in == 1


def test_a_walk_in_is_registered_and_let_in_at_once(event, staff_user):
    make_registration(event)

    guest = checkin.register_walk_in(
        event=event,
        actor=staff_user,
        name=" 이도윤 ",
        organisation_name="한국전자통신연구원",
        organisation_type=OrganisationType.INSTITUTION,
    )

    assert (guest.name, guest.walk_in, guest.source, guest.status) == (
        "이도윤",
        True,
        Registration.Source.WALK_IN,
        Registration.Status.CONFIRMED,
    )
    assert guest.checked_in_at is not None
    assert door.arrivals(event) == door.Arrivals(checked_in=1, expected=2, walk_ins=1)
    assert AuditEntry.objects.filter(action="events.walk_in", target_id=str(guest.pk)).count() == 1


def test_a_walk_in_with_a_registered_address_is_sent_to_the_list(event, staff_user):
    make_registration(event, email="kim@example.kr")

    with pytest.raises(ValidationError) as refused:
        checkin.register_walk_in(event=event, actor=staff_user, name="김", email="KIM@example.kr")

    assert refused.value.code == "registered"


def test_a_walk_in_needs_a_name(event, staff_user):
    with pytest.raises(ValidationError) as refused:
        checkin.register_walk_in(event=event, actor=staff_user, name="  ")

    assert refused.value.code == "name"


def test_attendance_by_kind_of_organisation_counts_confirmed_arrivals_and_walk_ins(event, staff_user):
    for kind, came in [
        (OrganisationType.COMPANY, True),
        (OrganisationType.COMPANY, False),
        (OrganisationType.UNIVERSITY, True),
    ]:
        registration, _ = make_registration(event, organisation_type=kind)
        if came:
            checkin.check_in_registration(event=event, registration=registration, actor=staff_user)
    make_registration(event, organisation_type=OrganisationType.GOVERNMENT, status=Registration.Status.CANCELLED)
    checkin.register_walk_in(event=event, actor=staff_user, name="방문객", organisation_type=OrganisationType.PRESS)

    rows = {
        row.organisation_type: (row.registered, row.attended, row.walk_ins) for row in door.attendance_by_type(event)
    }

    assert rows == {
        OrganisationType.COMPANY: (2, 1, 0),
        OrganisationType.INSTITUTION: (0, 0, 0),
        OrganisationType.UNIVERSITY: (1, 1, 0),
        OrganisationType.GOVERNMENT: (0, 0, 0),
        OrganisationType.PRESS: (1, 1, 1),
        OrganisationType.OTHER: (0, 0, 0),
        "": (4, 3, 1),
    }


def test_search_finds_by_name_or_organisation_within_the_event(event):
    make_registration(event, name="박서준", organisation_name="주식회사 버추얼")
    make_registration(event, name="최유리", organisation_name="버추얼랩")
    make_registration(make_event(title="다른 행사"), name="박서준", organisation_name="주식회사 버추얼")

    assert [guest.name for guest in door.search_guests(event, "버추얼")] == ["박서준", "최유리"]
    assert [guest.name for guest in door.search_guests(event, "박서")] == ["박서준"]
    assert door.search_guests(event, "  ") == []


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("https://alliance.example.kr/events/tickets/abc_DEF-123/", "abc_DEF-123"),
        ("https://alliance.example.kr/events/tickets/abc_DEF-123", "abc_DEF-123"),
        ("  abc_DEF-123\n", "abc_DEF-123"),
        ("https://alliance.example.kr/", ""),
        ("abc def", ""),
        ("x" * 201, ""),
    ],
)
def test_the_token_is_read_from_the_ticket_address_or_the_bare_token(text, token):
    assert door.ticket_token(text) == token
