"""The filing's state machine: any sequence of actions through the services moves only as MOVES allows, and an
illegal move changes nothing (hypothesis); receipt numbers are sequential and unique, check links unguessable."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory
from alliance.regulation.filing_states import ACTIONS, EDIT, RECEIVE, RETURN, SUBMIT, next_state
from alliance.regulation.models import Filing, FilingState
from alliance.regulation.services import filings as service
from alliance.regulation.tests.factories import FilingFactory

DATA = dict.fromkeys(service.FIELDS)


def _act(filing, action, *, rep, staff):
    if action == SUBMIT:
        service.submit_filing(actor=rep, filing=filing)
    elif action == RETURN:
        service.review_filing(actor=staff, filing_id=filing.pk, receive=False, note="보완해 주세요")
    elif action == RECEIVE:
        service.review_filing(actor=staff, filing_id=filing.pk, receive=True)
    else:
        data = {field: getattr(filing, field) for field in service.FIELDS} | {"platform_name": "고친 이름"}
        service.save_filing(actor=rep, organisation=filing.organisation, data=data, filing=filing)


@pytest.mark.django_db(transaction=False)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(st.sampled_from(ACTIONS), max_size=7))
def test_no_illegal_move(organisation, actions):
    rep = UserFactory(role=Role.MEMBER_REP, organisation=organisation)
    staff = UserFactory(role=Role.STAFF)
    filing = FilingFactory(organisation=organisation)
    state = FilingState.DRAFT
    for action in actions:
        expected = next_state(state, action)
        try:
            _act(filing, action, rep=rep, staff=staff)
        except ValidationError:
            assert expected is None, f"{action} from {state} refused"
        else:
            assert expected is not None, f"{action} from {state} allowed"
            state = expected
        filing = Filing.objects.get(pk=filing.pk)
        assert filing.state == state
        assert (filing.number is not None) == (state == FilingState.RECEIVED)


def test_receipt_numbers_run_per_year_and_check_tokens_differ(organisation, db):
    staff = UserFactory(role=Role.STAFF)
    rep = UserFactory(role=Role.MEMBER_REP, organisation=organisation)
    received = []
    for _ in range(3):
        filing = FilingFactory(organisation=organisation)
        service.submit_filing(actor=rep, filing=filing)
        received.append(service.review_filing(actor=staff, filing_id=filing.pk, receive=True))
    assert [filing.number for filing in received] == [1, 2, 3]
    assert received[0].receipt_number == f"제{received[0].year}-0001호"
    tokens = {filing.check_token for filing in received}
    assert len(tokens) == 3
    assert all(len(token) >= 32 for token in tokens)


def test_a_second_review_is_refused(organisation, db):
    staff = UserFactory(role=Role.STAFF)
    filing = FilingFactory(organisation=organisation)
    service.submit_filing(actor=UserFactory(role=Role.MEMBER_REP, organisation=organisation), filing=filing)
    service.review_filing(actor=staff, filing_id=filing.pk, receive=True)
    with pytest.raises(ValidationError):
        service.review_filing(actor=staff, filing_id=filing.pk, receive=False, note="늦은 반려")
    assert Filing.objects.get(pk=filing.pk).state == FilingState.RECEIVED


def test_a_change_refers_to_a_received_filing(organisation, db):
    rep = UserFactory(role=Role.MEMBER_REP, organisation=organisation)
    draft = FilingFactory(organisation=organisation)
    data = {field: getattr(draft, field) for field in service.FIELDS} | {"kind": "change"}
    with pytest.raises(ValidationError):
        service.save_filing(actor=rep, organisation=organisation, data=data, changes_filing=draft)
    assert EDIT in ACTIONS
