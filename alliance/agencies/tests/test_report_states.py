"""The report's states as a property: whatever the order of saves, submissions and reviews, only the legal moves
happen (draft → submitted → returned → submitted … → accepted), every refused move changes nothing, and every
move is recorded once in the audit log."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.agencies.models import QuarterlyReport
from alliance.agencies.services import reports
from alliance.agencies.tests.factories import LiaisonFactory, PlanItemFactory
from alliance.core.models import AuditEntry, ReviewStatus
from alliance.core.roles import Role
from alliance.core.tests.factories import UserFactory

ACTIONS = ("save", "submit", "return", "accept")
# state → action → the state it leads to (absent: refused).
LEGAL = {
    "draft": {"save": "draft", "submit": "submitted"},
    "submitted": {"return": "returned", "accept": "accepted"},
    "returned": {"save": "returned", "submit": "submitted"},
    "accepted": {},
}
AUDITED = {"save": "saved", "submit": "submitted", "return": "returned", "accept": "accepted"}


def _state(report: QuarterlyReport | None) -> str:
    if report is None or report.is_draft:
        return "draft"
    return {ReviewStatus.PENDING: "submitted", ReviewStatus.RETURNED: "returned", ReviewStatus.APPLIED: "accepted"}[
        report.status
    ]


def _act(action: str, liaison, item, report, staff) -> None:
    if action == "save":
        entries = {item.pk: {"text": "설명회 개최", "figures": "12개 기관 참여"}}
        reports.save_report(actor=liaison.user, agency=liaison.agency, year=2026, quarter=2, entries=entries)
    elif action == "submit":
        if report is None:
            raise ValidationError("no report yet")
        reports.submit_report(actor=liaison.user, report=report)
    else:
        if report is None:
            raise ValidationError("no report yet")
        reports.review_report(actor=staff, report=report, decision=action, note="보완해 주세요")


@pytest.mark.django_db
@settings(max_examples=40, deadline=None)
@given(actions=st.lists(st.sampled_from(ACTIONS), max_size=10))
def test_only_legal_moves_happen_and_each_is_recorded(actions):
    liaison = LiaisonFactory()
    item = PlanItemFactory(plan__agency=liaison.agency)
    staff = UserFactory(role=Role.STAFF)
    for action in actions:
        report = QuarterlyReport.objects.filter(agency=liaison.agency).first()
        state, audited = _state(report), AuditEntry.objects.count()
        expected = LEGAL[state].get(action)
        # Submitting an empty draft is refused too: the first save writes the text.
        if action == "submit" and report is None:
            expected = None
        try:
            _act(action, liaison, item, report, staff)
        except ValidationError:
            assert expected is None, f"{action} refused in {state}"
            assert _state(QuarterlyReport.objects.filter(agency=liaison.agency).first()) == state
            assert AuditEntry.objects.count() == audited
            continue
        assert expected is not None, f"{action} accepted in {state}"
        report = QuarterlyReport.objects.get(agency=liaison.agency)
        assert _state(report) == expected
        assert AuditEntry.objects.order_by("-id").values_list("action", flat=True).first() == (
            f"agencies.report.{AUDITED[action]}"
        )
        assert AuditEntry.objects.count() == audited + 1
