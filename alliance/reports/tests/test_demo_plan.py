"""The reports app's demo: the 2026 plan items, the default indicators with targets, the entered indicator."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from alliance.governance.models import BodyKind
from alliance.governance.tests.factories import BodyFactory, MeetingFactory
from alliance.reports.demo_plan import PLAN_ITEMS, load_plan_demo
from alliance.reports.models import Indicator, IndicatorTarget, IndicatorValue, PlanItem
from alliance.reports.queries.indicators import kpi_report
from alliance.reports.queries.plan import plan_grid
from alliance.reports.services.indicators import DEFAULTS

pytestmark = pytest.mark.django_db


def test_the_demo_plans_2026_and_sets_every_indicators_target():
    body = BodyFactory(year=2025, name="운영위원회", kind=BodyKind.STEERING)
    for number in (1, 2):
        MeetingFactory(body=body, number=number, date=datetime.date(2025, 4 * number, 15),
                       attendance_recorded_at=timezone.now())  # fmt: skip
    summary = load_plan_demo(seed=1)
    assert summary.startswith("추진 일정 및 성과지표: 2026년 일정 항목 7개")
    assert PlanItem.objects.filter(year=2026).count() == len(PLAN_ITEMS)
    assert Indicator.objects.count() == len(DEFAULTS) + 1
    steering = Indicator.objects.get(name="운영위원회 개최")
    assert (steering.baseline, IndicatorTarget.objects.get(indicator=steering, year=2026).target) == (2, 3)
    members = Indicator.objects.get(name="회원사 수")
    assert IndicatorTarget.objects.get(indicator=members, year=2026).target == Decimal(0)  # none in 2025 here
    assert IndicatorValue.objects.count() == 2
    report = kpi_report(2026, datetime.date(2026, 9, 30))
    entered = next(row for row in report["indicators"] if row["name"] == "유관기관 연계 지원 실적")
    assert entered == {"name": "유관기관 연계 지원 실적", "unit": "건", "baseline": 12, "target": 15, "actual": 11}
    titles = [row.title for row in plan_grid(2026, datetime.date(2026, 7, 1)).rows]
    assert "사업 방향 논의 및 기본 계획 수립" in titles
