"""Demo data of the partner agencies: eight agencies with liaison logins, their 2026 linkage plans, and the
quarterly reports of Q1–Q3 in several states — most accepted, some awaiting review, one returned with
comments, one submitted late, and SPRI's third-quarter report overdue — and, for the previous year the demo's
2025 Q4 steering briefing reports on, submitted 2025 plans with all four quarters' reports accepted.
Deterministic for a seed."""

import datetime
import os
import random

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from alliance.agencies.demo_content import AGENCIES, DONE, PLANS, RESULTS
from alliance.agencies.models import (
    Agency,
    AgencyLiaison,
    LinkagePlan,
    PlanItem,
    QuarterlyReport,
    ReportEntry,
    default_deadline,
)
from alliance.core.models import ReviewStatus, User
from alliance.core.roles import Role
from alliance.core.services.accounts import grant_role
from alliance.members.demo import DEFAULT_PASSWORD

YEAR = 2026
PAST_YEAR = 2025  # the year of the demo's quarterly briefing (reports.demo_briefing): every report accepted
# The README's liaison logins: the role's demo login speaks for NIPA, a second one for RAPA.
LIAISON_LOGINS = (
    ("agency@demo.alliance.kr", "NIPA", "유관기관 담당자 데모"),
    ("rapa@demo.alliance.kr", "RAPA", "RAPA 담당자 데모"),
)
LATE_AGENCY, LATE_QUARTER = "SPRI", 3
# Agencies whose Q3 report is awaiting review, returned with comments, or came in two days late.
Q3_PENDING, Q3_RETURNED, SUBMITTED_LATE = ("IITP", "NIA"), ("KOSA",), ("MDIA", 2)
DRAFT_PLAN = "K-META"


def _moment(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _link(kind: str) -> tuple[str, str]:
    if kind == RESULTS:
        return settings.SITE_URL + reverse("programs:latest_results"), "프로젝트 그룹 시상 결과·수상 후 지원"
    # The newsletter and the surveys have no page on the platform yet: those items carry no link.
    return "", ""


def _liaisons(agencies: dict[str, Agency]) -> None:
    password = os.environ.get("DEMO_PASSWORD", DEFAULT_PASSWORD)
    for email, short_name, name in LIAISON_LOGINS:
        user = User.objects.filter(email=email).first() or User(email=email, name=name)
        user.is_active = True
        user.set_password(password)
        user.save()
        grant_role(user=user, role=Role.AGENCY, by=None)
        AgencyLiaison.objects.update_or_create(user=user, defaults={"agency": agencies[short_name]})


def _plan(agency: Agency, year: int = YEAR) -> list[PlanItem]:
    submitted = agency.short_name != DRAFT_PLAN or year != YEAR
    plan = LinkagePlan.objects.create(
        agency=agency,
        year=year,
        status=LinkagePlan.Status.SUBMITTED if submitted else LinkagePlan.Status.DRAFT,
        submitted_at=_moment(datetime.date(year, 4, 3), 10) if submitted else None,
    )
    items = []
    for heading, text, start, end, kind in PLANS[agency.short_name]:
        url, label = _link(kind)
        items.append(
            PlanItem(
                plan=plan,
                heading=heading,
                text=text,
                start_month=start,
                end_month=end,
                link_url=url,
                link_label=label,
            )
        )
    return PlanItem.objects.bulk_create(items)


def _state(short_name: str, quarter: int, year: int = YEAR) -> str | None:
    """What the demo shows for one agency's quarter: None (no report), or a review status."""
    if year != YEAR:
        return ReviewStatus.APPLIED
    if quarter == LATE_QUARTER and short_name == LATE_AGENCY:
        return None
    if quarter == 3 and short_name in Q3_PENDING:
        return ReviewStatus.PENDING
    if quarter == 3 and short_name in Q3_RETURNED:
        return ReviewStatus.RETURNED
    return ReviewStatus.APPLIED


def _report(
    agency: Agency, quarter: int, items: list[PlanItem], staff, rng: random.Random, *, year: int = YEAR
) -> None:
    status = _state(agency.short_name, quarter, year)
    if status is None:
        return
    deadline = default_deadline(year, quarter)
    late = year == YEAR and (agency.short_name, quarter) == SUBMITTED_LATE
    submitted = _moment(deadline + datetime.timedelta(days=2 if late else -rng.randint(1, 6)), 16)
    reviewed = submitted + datetime.timedelta(days=3) if status != ReviewStatus.PENDING else None
    report = QuarterlyReport.objects.create(
        agency=agency,
        year=year,
        quarter=quarter,
        status=status,
        submitted_at=submitted,
        first_submitted_at=submitted,
        reviewed_at=reviewed,
        reviewed_by=staff if reviewed else None,
        review_note="2분기와 같은 내용입니다. 3분기 실적과 참여 수치를 적어 주세요."
        if status == ReviewStatus.RETURNED
        else "",
    )
    running = [item for item in items if item.runs_in_quarter(quarter)] or items[:1]
    first_day = datetime.date(year, 3 * quarter - 2, 1)
    entries = []
    for item in running:
        text, figures = DONE[item.heading]
        day = first_day + datetime.timedelta(days=rng.randint(0, 80))
        entries.append(
            ReportEntry(
                report=report,
                plan_item=item,
                text=f"{text} ({quarter}분기)",
                started_on=day,
                ended_on=day + datetime.timedelta(days=rng.randint(0, 5)),
                figures=figures.format(n=rng.randint(3, 40)),
            )
        )
    ReportEntry.objects.bulk_create(entries)


def load_demo(*, seed: int) -> str:
    """The eight agencies, two liaison logins, 2026 plans and Q1–Q3 reports, 2025 plans and accepted Q1–Q4
    reports (returns a one-line summary)."""
    if Agency.objects.exists():
        return "유관기관 데모가 이미 있습니다."
    rng = random.Random(seed)  # noqa: S311  demo data, reproducible by seed
    staff = User.objects.with_role(Role.STAFF).order_by("pk").first()
    with transaction.atomic():
        agencies = {
            short: Agency.objects.create(short_name=short, name=name, homepage=homepage)
            for short, name, homepage in AGENCIES
        }
        _liaisons(agencies)
        for agency in agencies.values():
            items = _plan(agency)
            for quarter in (1, 2, 3):
                _report(agency, quarter, items, staff, rng)
        reports = QuarterlyReport.objects.filter(year=YEAR).count()
        # The previous year from its own generator, so the 2026 records stay what they were for a seed.
        past_rng = random.Random(seed + PAST_YEAR)  # noqa: S311  demo data, reproducible by seed
        for agency in agencies.values():
            items = _plan(agency, PAST_YEAR)
            for quarter in (1, 2, 3, 4):
                _report(agency, quarter, items, staff, past_rng, year=PAST_YEAR)
        past = QuarterlyReport.objects.filter(year=PAST_YEAR).count()
    return (
        f"유관기관 {len(agencies)}곳, {YEAR}년 연계·지원 방안과 1~3분기 실적 보고 {reports}건"
        f" ({LATE_AGENCY} {LATE_QUARTER}분기 미제출), {PAST_YEAR}년 1~4분기 실적 보고 {past}건(모두 승인)."
    )
