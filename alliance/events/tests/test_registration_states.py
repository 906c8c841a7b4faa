"""Register / cancel sequences against the model of a waiting list: never more than the capacity confirmed,
the waiting list in registering order, and every cancellation of a confirmed place moving the first waiter up."""

import itertools

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from alliance.events.models import Registration
from alliance.events.services.registration import cancel, register
from alliance.events.tests.factories import EventFactory

CONFIRMED, WAITING, CANCELLED = (
    Registration.Status.CONFIRMED,
    Registration.Status.WAITING,
    Registration.Status.CANCELLED,
)
_numbers = itertools.count()


class WaitingList(RuleBasedStateMachine):
    @initialize(capacity=st.integers(min_value=1, max_value=4))
    def new_event(self, capacity):
        self.event = EventFactory(capacity=capacity)
        self.confirmed: list[int] = []  # ids, in registering order
        self.waiting: list[int] = []
        self.cancelled: list[int] = []

    @rule()
    def register_one(self):
        n = next(_numbers)
        person = register(event=self.event, name=f"p{n}", email=f"s{n}@example.kr", source="public", consented=True)
        if len(self.confirmed) < self.event.capacity:
            assert person.status == CONFIRMED
            self.confirmed.append(person.pk)
        else:
            assert person.status == WAITING
            self.waiting.append(person.pk)

    @precondition(lambda self: self.confirmed or self.waiting)
    @rule(data=st.data(), confirmed=st.booleans())
    def cancel_one(self, data, confirmed):
        pool = self.confirmed if (confirmed and self.confirmed) or not self.waiting else self.waiting
        pk = data.draw(st.sampled_from(pool))
        moved = cancel(registration=Registration.objects.get(pk=pk))
        pool.remove(pk)
        self.cancelled.append(pk)
        if pool is self.confirmed and self.waiting:
            assert [m.pk for m in moved] == [self.waiting[0]]
            self.confirmed.append(self.waiting.pop(0))
        else:
            assert moved == []

    @precondition(lambda self: self.cancelled)
    @rule(data=st.data())
    def cancel_again(self, data):
        pk = data.draw(st.sampled_from(self.cancelled))
        with pytest.raises(ValidationError):
            cancel(registration=Registration.objects.get(pk=pk))

    @invariant()
    def matches_the_model(self):
        if not hasattr(self, "event"):
            return
        rows = Registration.objects.filter(event=self.event).order_by("sequence")
        assert [r.pk for r in rows if r.status == WAITING] == self.waiting
        assert sorted(r.pk for r in rows if r.status == CONFIRMED) == sorted(self.confirmed)
        assert len(self.confirmed) <= self.event.capacity
        assert not (self.waiting and len(self.confirmed) < self.event.capacity)


@pytest.mark.django_db
def test_waiting_list_state_machine():
    run_state_machine_as_test(
        WaitingList,
        settings=settings(
            max_examples=25, stateful_step_count=15, deadline=None, suppress_health_check=[HealthCheck.too_slow]
        ),
    )
