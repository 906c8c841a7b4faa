import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from alliance.core.models import AuditEntry
from alliance.events import queries
from alliance.events.models import Answer, Registration
from alliance.events.services.registration import cancel, register
from alliance.events.tests.factories import EventFactory, QuestionFactory

pytestmark = pytest.mark.django_db
PUBLIC = Registration.Source.PUBLIC
CONFIRMED, WAITING, CANCELLED = (
    Registration.Status.CONFIRMED,
    Registration.Status.WAITING,
    Registration.Status.CANCELLED,
)


def sign_up(event, n, **kwargs):
    return register(event=event, name=f"참가자{n}", email=f"p{n}@example.kr", source=PUBLIC, consented=True, **kwargs)


def test_places_then_waiting_list_in_order():
    event = EventFactory(capacity=2)
    people = [sign_up(event, n) for n in range(4)]
    assert [p.status for p in people] == [CONFIRMED, CONFIRMED, WAITING, WAITING]
    assert [p.sequence for p in people] == [1, 2, 3, 4]
    assert list(queries.waiting_list(event)) == people[2:]


def test_cancelling_a_confirmed_place_moves_the_first_waiter_up():
    event = EventFactory(capacity=1)
    first, second, third = (sign_up(event, n) for n in range(3))
    moved = cancel(registration=first)
    assert moved == [second]
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == (CONFIRMED, WAITING)
    assert second.promoted_at is not None
    assert AuditEntry.objects.filter(action="events.registration.promoted", target_id=str(second.pk)).count() == 1


def test_cancelling_a_waiter_moves_nobody():
    event = EventFactory(capacity=1)
    _first, second, third = (sign_up(event, n) for n in range(3))
    assert cancel(registration=second) == []
    third.refresh_from_db()
    assert third.status == WAITING


def test_cancel_twice_is_refused_and_promotes_once():
    event = EventFactory(capacity=1)
    first, _second, third = (sign_up(event, n) for n in range(3))
    cancel(registration=first)
    with pytest.raises(ValidationError) as error:
        cancel(registration=Registration.objects.get(pk=first.pk))
    assert error.value.code == "already_cancelled"
    assert queries.confirmed_count(event) == 1
    third.refresh_from_db()
    assert third.status == WAITING


def test_closed_registration_is_refused():
    event = EventFactory(registration_closes_at=timezone.now() - datetime.timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        sign_up(event, 1)
    assert error.value.code == "closed"
    later = EventFactory(registration_opens_at=timezone.now() + datetime.timedelta(days=1))
    with pytest.raises(ValidationError):
        sign_up(later, 2)
    unpublished = EventFactory(published=False)
    with pytest.raises(ValidationError):
        sign_up(unpublished, 3)
    assert Registration.objects.count() == 0


def test_public_needs_the_event_open_to_them_and_consent():
    with pytest.raises(ValidationError) as error:
        sign_up(EventFactory(open_to_public=False), 1)
    assert error.value.code == "not_for_you"
    with pytest.raises(ValidationError) as error:
        register(event=EventFactory(), name="홍길동", email="h@example.kr", source=PUBLIC, consented=False)
    assert error.value.code == "consent"


def test_one_live_registration_per_email_and_again_after_cancelling():
    event = EventFactory(capacity=5)
    first = sign_up(event, 1)
    with pytest.raises(ValidationError) as error:
        register(event=event, name="다시", email="P1@Example.kr", source=PUBLIC, consented=True)
    assert error.value.code == "already"
    cancel(registration=first)
    again = sign_up(event, 1)
    assert (again.status, again.sequence) == (CONFIRMED, 2)


def test_answers_and_ticket_token_and_audit():
    event = EventFactory()
    question = QuestionFactory(event=event)
    registration = sign_up(event, 1, answers={question.pk: "예", 999: "x"})
    assert list(Answer.objects.values_list("question_id", "value")) == [(question.pk, "예")]
    assert queries.registration_for_token(registration.link_token()) == registration
    with pytest.raises(Registration.DoesNotExist):
        queries.registration_for_token(registration.link_token()[:-2] + "xx")
    entry = AuditEntry.objects.get(action="events.registration.created")
    assert entry.after["status"] == "confirmed"


def test_no_limit_confirms_everyone():
    event = EventFactory(capacity=0)
    assert {sign_up(event, n).status for n in range(5)} == {CONFIRMED}


def test_cancel_after_the_start_is_refused():
    event = EventFactory(date=timezone.localdate(), starts_at=datetime.time(0, 0), ends_at=datetime.time(23, 59))
    registration = Registration.objects.create(
        event=event, name="a", email="a@example.kr", sequence=1, expires_at=timezone.now(), token_hash="x" * 64
    )
    with pytest.raises(ValidationError) as error:
        cancel(registration=registration)
    assert error.value.code == "closed"
    assert CANCELLED not in Registration.objects.values_list("status", flat=True)
