"""Writes of the indicators: the default set from the seeds, a year's target, a value entered with evidence."""

import datetime
import uuid
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from alliance.core.audit import record_audit, snapshot
from alliance.programs.uploads import check_attachment
from alliance.reports.models import Area, Indicator, IndicatorKind, IndicatorTarget, IndicatorValue
from alliance.reports.queries.indicators import SOURCES, plain_number


@dataclass(frozen=True)
class Default:
    name: str
    area: str
    unit: str
    source: str
    definition: str
    formula: str
    targets: dict[int, int]  # year → target (seed 000's 2026 plan where it states one)


# Seed 000 "2026년 추진계획(안)": 운영위원회 연 3회, 분과회 연 12회 (4개 분과 × 3회), 각 분과 최소 1개 정책 제안,
# 15개 PG그룹(35개사), 시상 10개 그룹. The rest have no target in the seeds; staff set them.
DEFAULTS = (
    Default("회원사 수", Area.MEMBERS, "개사", "members_current",
            "기준일 현재 회원사 수 (가입일이 기준일 이전이고 기준일까지 탈퇴하지 않은 기관)", "기준일 회원사 수", {}),
    Default("회원사 증감", Area.MEMBERS, "개사", "members_change",
            "전년 말 대비 회원사 수의 증감", "기준일 회원사 수 − 전년 12월 31일 회원사 수", {}),
    Default("운영위원회 개최", Area.STEERING, "회", "steering_meetings_held",
            "당해연도 운영위원회 개최 횟수 (출석이 기록된 회의)", "기준일까지 개최된 운영위원회 수", {2026: 3}),
    Default("분과회 개최", Area.SUBCOMMITTEES, "회", "subcommittee_meetings_held",
            "당해연도 분과회 개최 횟수 (4개 분과 합계)", "기준일까지 개최된 분과 회의 수", {2026: 12}),
    Default("회의 개최율", Area.SUBCOMMITTEES, "%", "meetings_held_of_planned",
            "위원회별 연간 계획 회의 대비 개최 회의", "(개최 회의 수 / 계획 회의 수) × 100", {2026: 100}),
    Default("정책 제안 승인", Area.SUBCOMMITTEES, "건", "proposals_approved",
            "분과 정책 제안 중 운영위원회 승인 이후 단계에 이른 건", "기준일 현재 승인·공유·회신·반영 상태인 제안 수",
            {2026: 4}),
    Default("프로젝트 그룹 참여 그룹", Area.COMPETITION, "개 그룹", "competition_groups",
            "당해연도 공모에 제안서를 제출한 프로젝트 그룹", "기준일까지 제출된 제안서 수", {2026: 15}),
    Default("프로젝트 그룹 참여 기업", Area.COMPETITION, "개사", "competition_companies",
            "제안서를 제출한 그룹에 참여를 확정한 기업·기관", "참여 확정 기관 수 (중복 제외)", {2026: 35}),
    Default("시상", Area.COMPETITION, "개 그룹", "awards",
            "최종 발표 평가 결과 공개된 수상 그룹", "공개된 최종 수상 그룹 수", {2026: 10}),
    Default("사후지원 활용률", Area.COMPETITION, "%", "benefits_used",
            "수상 그룹에 부여된 사후지원 중 활용된 비율", "(활용 건수 / 부여 건수) × 100", {}),
    Default("뉴스레터 발행", Area.INFORMATION, "회", "newsletter_editions",
            "데일리 뉴스레터 발송 호수", "1월 1일부터 기준일까지 발송된 호수", {}),
    Default("동향 보고서 게시", Area.INFORMATION, "건", "archive_reports",
            "아카이브에 게시된 동향 보고서", "1월 1일부터 기준일까지 게시된 보고서 수", {}),
    Default("유관기관 홍보 게재", Area.AGENCIES, "건", "promotions_relayed",
            "유관기관 홍보 요청 중 승인되어 게재된 건", "1월 1일부터 기준일까지 게재된 홍보 수", {}),
    Default("사업공고 및 행사 이메일링", Area.INFORMATION, "회", "mailings",
            "회원사·구독자 대상 사업공고 및 행사 이메일 발송", "1월 1일부터 기준일까지 발송 주문 수", {}),
    Default("홈페이지 방문", Area.INFORMATION, "회", "homepage_visits",
            "홈페이지 방문 수 (서버 집계, 쿠키 없음)", "1월 1일부터 기준일까지 방문 수", {}),
    Default("행사 참석", Area.EVENTS, "명", "event_attendance",
            "얼라이언스 행사(공개세미나, 성과공유회 등) 현장 참석자 (현장 등록 포함)",
            "1월 1일부터 기준일까지 열린 행사의 입장 확인 인원 합계", {}),
    Default("언론 보도", Area.EVENTS, "건", "press_articles",
            "얼라이언스 행사 관련 언론 기사 보도", "1월 1일부터 기준일까지 게재된 기사 수", {}),
)  # fmt: skip


def _baseline(source: str, year: int) -> tuple[Decimal | None, datetime.date]:
    """The source's figure for the year before at its last day."""
    day = datetime.date(year - 1, 12, 31)
    value = plain_number(SOURCES[source].function(year - 1, day))
    return (None if value is None else Decimal(str(value))), day


def load_default_indicators(*, actor, year: int) -> list[Indicator]:
    """Create the seeds' indicators that do not exist yet (by name), each with its baseline — the formula's figure
    for the year before, on its 31 December — and the seed's targets for `year`; existing ones are left as they
    are.

    Side effects: the new indicators and targets; audit `reports.indicator_added` for each new indicator.
    """
    created = []
    with transaction.atomic():
        for order, default in enumerate(DEFAULTS, start=1):
            if Indicator.objects.filter(name=default.name).exists():
                continue
            baseline, baseline_on = _baseline(default.source, year)
            indicator = Indicator.objects.create(
                name=default.name, area=default.area, unit=default.unit, kind=IndicatorKind.FORMULA,
                source=default.source, definition=default.definition, formula_text=default.formula,
                baseline=baseline, baseline_on=baseline_on, order=order * 10,
            )  # fmt: skip
            IndicatorTarget.objects.bulk_create(
                [IndicatorTarget(indicator=indicator, year=y, target=t) for y, t in default.targets.items()]
            )
            record_audit(
                action="reports.indicator_added", actor=actor, target=indicator,
                after=snapshot(indicator, ("name", "unit", "source", "baseline")),
            )  # fmt: skip
            created.append(indicator)
    return created


def set_target(*, actor, indicator: Indicator, year: int, target: Decimal | None) -> IndicatorTarget | None:
    """Set (or, with None, remove) the indicator's target for a year.

    Side effects: the target row; audit `reports.indicator_target_set` with the old and the new target.
    """
    with transaction.atomic():
        row = IndicatorTarget.objects.select_for_update().filter(indicator=indicator, year=year).first()
        before = {"year": year, "target": str(row.target) if row else None}
        if target is None:
            if row:
                row.delete()
            row = None
        elif row:
            row.target = target
            row.save(update_fields=["target"])
        else:
            row = IndicatorTarget.objects.create(indicator=indicator, year=year, target=target)
        after = {"year": year, "target": str(target) if target is not None else None}
        record_audit(action="reports.indicator_target_set", actor=actor, target=indicator, before=before, after=after)
    return row


def add_value(
    *, actor, indicator: Indicator, on: datetime.date, value: Decimal, note: str = "", evidence=None
) -> IndicatorValue:
    """Enter a value of an entered indicator as of a day, with its evidence.

    Rule: only an indicator entered by staff takes values (a formula's come from the data); the evidence file is
    checked (PDF, HWP, HWPX, PPTX or DOCX whose content agrees with its name, core's size limit).
    Side effects: the value and its stored file; audit `reports.indicator_value_added`.
    """
    if indicator.kind != IndicatorKind.ENTERED:
        raise ValidationError(_("This indicator is computed from the platform's data: values cannot be entered."))
    name = ""
    if evidence is not None:
        extension = check_attachment(evidence)
        name = PurePath(evidence.name).name
        evidence.name = f"{uuid.uuid4().hex}.{extension}"
    with transaction.atomic():
        row = IndicatorValue(indicator=indicator, on=on, value=value, note=note.strip(), entered_by=actor)
        if evidence is not None:
            row.evidence, row.evidence_name = evidence, name
        row.save()
        record_audit(
            action="reports.indicator_value_added", actor=actor, target=indicator,
            after={"on": on.isoformat(), "value": str(value), "note": row.note, "evidence": name},
        )  # fmt: skip
    return row
