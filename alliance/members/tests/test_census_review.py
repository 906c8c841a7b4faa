"""The shared review step (alliance/core/review.py) on census responses: a second review is refused, the
decision is audited, and a property test walks the state machine through random decisions."""

import itertools

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance.core import review
from alliance.core.models import AuditEntry, ReviewStatus
from alliance.members.models import CensusResponse
from alliance.members.services.census_responses import apply_census_response, reject_census_response
from alliance.members.tests.test_census_support import invite, make_round

pytestmark = pytest.mark.django_db

FINAL = {ReviewStatus.APPLIED, ReviewStatus.REJECTED}


@pytest.fixture
def pending(organisation, staff_user):
    invitation = invite(make_round(opened_by=staff_user), organisation, token="zen-token")
    return CensusResponse.objects.create(
        invitation=invitation, changes={"employees": {"before": None, "after": 45}}, respondent_name="홍길동"
    )


def test_second_review_is_refused_and_the_first_stands(staff_user, pending):
    reject_census_response(actor=staff_user, response=pending, note="확인 필요")

    with pytest.raises(ValidationError) as refused:
        apply_census_response(actor=staff_user, response=pending)

    assert refused.value.code == "already_reviewed"
    pending.refresh_from_db()
    assert (pending.status, pending.review_note, pending.reviewed_by) == ("rejected", "확인 필요", staff_user)
    assert list(
        AuditEntry.objects.filter(action__startswith="members.census.").values_list("action", "before", "after")
    ) == [
        (
            "members.census.rejected",
            {"status": "pending", "review_note": ""},
            {"status": "rejected", "review_note": "확인 필요"},
        )
    ]


def test_review_records_reviewer_time_note_and_one_audit_entry(staff_user, pending):
    with transaction.atomic():
        locked = review.lock_pending(CensusResponse.objects.all(), pending.pk)
        review.record_review(
            locked, actor=staff_user, status=ReviewStatus.RETURNED, note=" 매출 근거 첨부 ", action="test.returned"
        )

    pending.refresh_from_db()
    assert (pending.status, pending.review_note, pending.reviewed_by) == ("returned", "매출 근거 첨부", staff_user)
    assert pending.reviewed_at is not None
    entry = AuditEntry.objects.get(action="test.returned")
    assert (entry.action, entry.actor, entry.target_id, entry.before, entry.after) == (
        "test.returned",
        staff_user,
        str(pending.pk),
        {"status": "pending", "review_note": ""},
        {"status": "returned", "review_note": "매출 근거 첨부"},
    )


MOVES = st.sampled_from([*review.DECISIONS, ReviewStatus.PENDING])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=st.lists(MOVES, max_size=6))
def test_review_state_machine_takes_only_legal_moves(staff_user, pending, moves):
    submission = CensusResponse.objects.create(invitation=pending.invitation, changes={})
    seen = [submission.status]
    for move in moves:
        before = submission.status
        legal = review.may_move(before, move)
        try:
            if move == ReviewStatus.PENDING:
                review.resubmit(submission, changes={"employees": {"before": 1, "after": 2}})
            else:
                review.record_review(submission, actor=staff_user, status=move, action="test.reviewed")
        except ValueError:
            assert not legal
            submission.refresh_from_db()
            assert submission.status == before
            continue
        assert legal
        seen.append(submission.status)

    submission.refresh_from_db()
    assert submission.status == seen[-1]
    for earlier, later in itertools.pairwise(seen):
        assert later in review.MOVES[earlier]
        assert earlier not in FINAL
    assert (submission.reviewed_at is None) == (seen == [ReviewStatus.PENDING])
