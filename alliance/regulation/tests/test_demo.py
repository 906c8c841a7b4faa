"""`make demo`: the 2026 checklist, twenty companies' answers over two years, filings in every state."""

import pytest

from alliance.core.models import ReviewStatus
from alliance.members.demo import ensure_demo_users
from alliance.members.tests.factories import OrganisationFactory
from alliance.regulation import demo
from alliance.regulation.models import Checklist, Filing, FilingKind, FilingState, SelfCheck
from alliance.regulation.queries import current_checklist

pytestmark = pytest.mark.django_db


def test_demo_holds_checklists_answers_and_filings_in_every_state():
    for _ in range(22):
        OrganisationFactory()
    ensure_demo_users(password="demo-pass-2026")
    summary = demo.load_demo(seed=7)

    assert summary == "실천윤리 체크리스트 2025·2026년, 자가점검 42건, 플랫폼 사업자 신고 13건."
    assert [(c.year, c.number, c.is_published) for c in Checklist.objects.order_by("year", "number")] == [
        (2025, 1, True),
        (2026, 1, True),
        (2026, 2, True),
    ]
    assert [item["weight"] for item in current_checklist(2026).content["items"]][8:] == [12, 12]
    submitted = SelfCheck.objects.filter(submitted_at__isnull=False)
    assert {year: submitted.filter(year=year).count() for year in (2025, 2026)} == {2025: 21, 2026: 20}
    states = {filing.state for filing in Filing.objects.all()}
    assert states == {FilingState.DRAFT, FilingState.SUBMITTED, FilingState.RETURNED, FilingState.RECEIVED}
    received = Filing.objects.filter(status=ReviewStatus.APPLIED).order_by("number")
    assert [filing.number for filing in received] == list(range(1, received.count() + 1))
    assert all(filing.check_token for filing in received)
    assert set(Filing.objects.values_list("kind", flat=True)) == set(FilingKind.values)
    assert demo.load_demo(seed=7) == "윤리 자가점검·플랫폼 신고 데모가 이미 있습니다."
