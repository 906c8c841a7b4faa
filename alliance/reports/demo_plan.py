"""Demo yearly plan and indicators (`demo_data`): the items of seed 000's "2026년 추진 일정(안)" that no app dates
by itself, and the default indicators with targets for 2026 (the seed's where it states one, else a rise on the
2025 figure), plus one indicator entered by staff with its values."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from alliance.reports.models import Area, Indicator, IndicatorKind, IndicatorTarget, IndicatorValue, PlanItem
from alliance.reports.services.indicators import load_default_indicators

YEAR = 2026

# (area, title, first month, last month, done on, note): seed 000's schedule, less what the apps date themselves
# (the competition's stages, committee meetings, events, census rounds, report deadlines, newsletter).
PLAN_ITEMS = (
    (Area.GENERAL, "사업 방향 논의 및 기본 계획 수립", 1, 1, datetime.date(2026, 1, 28), ""),
    (Area.AGENCIES, "유관기관 연계·지원 방안 공유", 4, 4, datetime.date(2026, 4, 15), "제1차 운영위원회 안건"),
    (Area.COMPETITION, "KMF 연계 투자마켓 참가 기업 모집", 5, 6, datetime.date(2026, 6, 5), "6/11 투자마켓"),
    (Area.SUBCOMMITTEES, "분과별 정책 제안 제출 및 유관기관 공유", 9, 11, None, "각 분과 최소 1건"),
    (Area.MEMBERS, "홈페이지 회원사 현황 최신화", 9, 10, datetime.date(2026, 10, 30), "전수 조사 결과 반영"),
    (Area.EVENTS, "성과 공유회 개최", 12, 12, None, ""),
    (Area.GENERAL, "2027년 사업 계획(안) 수립", 12, 12, None, ""),
)  # fmt: skip

# Targets for the indicators the seeds give none: the 2025 figure raised by this much.
RISE = Decimal("1.10")


def _targets() -> int:
    """2026 targets for the indicators without one: their baseline raised by RISE (percentages stay ≤ 100)."""
    made = 0
    for indicator in Indicator.objects.filter(kind=IndicatorKind.FORMULA).exclude(targets__year=YEAR):
        if indicator.baseline is None:
            continue
        target = (indicator.baseline * RISE).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
        if indicator.unit == "%":
            target = min(target, Decimal(100))
        IndicatorTarget.objects.create(indicator=indicator, year=YEAR, target=target)
        made += 1
    return made


def load_plan_demo(*, seed: int) -> str:
    with transaction.atomic():
        PlanItem.objects.bulk_create(
            PlanItem(year=YEAR, area=area, title=title, first_month=first, last_month=last, done_on=done, note=note)
            for area, title, first, last, done, note in PLAN_ITEMS
        )
        indicators = load_default_indicators(actor=None, year=YEAR)
        targets = _targets()
        entered, _created = Indicator.objects.get_or_create(
            name="유관기관 연계 지원 실적",
            defaults={
                "area": Area.AGENCIES, "unit": "건", "kind": IndicatorKind.ENTERED, "order": 500,
                "definition": "유관기관 연계로 회원사가 받은 지원 (정부과제 가점, 전시 부스, 채용 연계 등)",
                "formula_text": "사무국이 유관기관 확인 자료로 입력", "baseline": Decimal(12),
                "baseline_on": datetime.date(2025, 12, 31),
            },
        )  # fmt: skip
        IndicatorTarget.objects.get_or_create(indicator=entered, year=YEAR, defaults={"target": Decimal(15)})
        for on, value, note in (
            (datetime.date(2026, 6, 30), 6, "상반기 집계"),
            (datetime.date(2026, 9, 30), 11, "3분기 집계"),
        ):
            IndicatorValue.objects.get_or_create(indicator=entered, on=on, defaults={"value": value, "note": note})
    return _(
        "Yearly plan and indicators: %(items)s plan items for %(year)s, %(indicators)s indicators, %(targets)s "
        "targets set from the year before's figures."
    ) % {"items": len(PLAN_ITEMS), "year": YEAR, "indicators": len(indicators) + 1, "targets": targets}
