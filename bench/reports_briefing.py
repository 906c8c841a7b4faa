"""Benchmark: the quarterly steering-committee briefing (2025 Q4) in each format over ten years of data.

`run()` builds, in the fresh database, the demo member registry (1,139 members with their join dates), ten
years of governance at the demo's size (bench/governance.py's builder scaled down: a steering committee and four
subcommittees, 16 meetings a year with their agenda and attendance) with confirmed minutes for the 2025
subcommittees, ten years of the information services
(35 archive reports, 250 newsletter editions a year; daily visits and ten pages' daily views) and of the partner
agencies (eight agencies, an accepted report each quarter with an entry under each heading). It then times
the whole path a staff user or `quarterly_briefing` takes — assemble the briefing from live data, write the
file — once per format after a warm-up (the slowest of ROUNDS).

    python bench/run.py --only reports_briefing
"""

import datetime
import time

TITLE = "reports: quarterly briefing 2025 Q4 as DOCX, PDF and HWPX over ten years of demo-sized data"
CHECKS = {
    "docx_s": ("<=", 10, "s"),
    "pdf_s": ("<=", 10, "s"),
    "hwpx_s": ("<=", 10, "s"),
    "assembly_s": ("<=", 10, "s"),
}
DATABASES = ("sqlite", "postgresql")
YEARS = range(2016, 2026)
ROUNDS = 3
PAGES = ["/member_companies", "/", "/metabus_trends_reports", "/newsletter", "/alliance_news", "/notice_board"]


def _members() -> None:
    from alliance.members import demo

    demo.load(demo.generate(demo.SEED_TOTAL, demo.DEFAULT_SEED))


def _governance() -> None:
    """The demo's size each year (seed 000/001): a steering committee and four subcommittees of 16 seats, 16
    meetings a year spread over the year (about four a quarter) with six agenda items each, attendance recorded;
    the 2025 subcommittees' meetings with confirmed minutes."""
    from bench import governance

    governance.BODIES, governance.SEATS, governance.MEETINGS, governance.AGENDA_ITEMS = 5, 80, 16, 96
    governance.PROPOSALS = 10
    world = governance.build()
    from alliance.governance.models import Body, BodyKind, Meeting

    for year in YEARS:
        meetings = Meeting.objects.filter(body__year=year).order_by("pk")
        for number, meeting in enumerate(meetings):
            meeting.date = datetime.date(year, 1, 10) + datetime.timedelta(days=22 * number)
            meeting.save(update_fields=["date"])
    for body in Body.objects.filter(year=2025, kind=BodyKind.SUBCOMMITTEE):
        governance._minutes(body, world["staff"])


def _info() -> None:
    from django.utils import timezone

    from alliance.info.models import CountKind, DailyCount, DailyVisits, Edition, Publisher, Report

    publisher = Publisher.objects.create(name="벤치 발행기관")
    now = timezone.now()
    days = [datetime.date(YEARS[0], 1, 1) + datetime.timedelta(days=n) for n in range(366 * len(YEARS))]
    days = [day for day in days if day.year in YEARS]
    Report.objects.bulk_create(
        Report(posted_on=datetime.date(year, 1 + n % 12, 1 + n % 28), publisher=publisher, title=f"{year} 보고서 {n}")
        for year in YEARS
        for n in range(35)
    )
    weekdays = [day for day in days if day.weekday() < 5]
    Edition.objects.bulk_create(
        Edition(publishing_date=day, subject=f"뉴스레터 {day}", state=Edition.State.SENT, sent_at=now)
        for day in weekdays
    )
    DailyVisits.objects.bulk_create(DailyVisits(day=day, views=3000, visits=1400, complete=True) for day in days)
    DailyCount.objects.bulk_create(
        DailyCount(day=day, kind=CountKind.PAGE, key=page, views=300 + n, visits=100)
        for day in days
        for n, page in enumerate(PAGES)
    )


def _agencies() -> None:
    from django.utils import timezone

    from alliance.agencies.models import Agency, Heading, LinkagePlan, PlanItem, QuarterlyReport, ReportEntry
    from alliance.core.models import ReviewStatus

    now = timezone.now()
    for number, name in enumerate(["NIPA", "RAPA", "SPRI", "IITP", "KOSA", "NIA", "MDIA", "K-META"]):
        agency = Agency.objects.create(name=f"{name} 기관", short_name=name)
        for year in YEARS:
            plan = LinkagePlan.objects.create(agency=agency, year=year)
            items = PlanItem.objects.bulk_create(
                PlanItem(plan=plan, heading=heading, text=f"{name} {heading.label} 계획", start_month=1, end_month=12)
                for heading in Heading
            )
            for quarter in range(1, 5):
                report = QuarterlyReport.objects.create(
                    agency=agency,
                    year=year,
                    quarter=quarter,
                    status=ReviewStatus.APPLIED,
                    reviewed_at=now,
                    submitted_at=now,
                )
                ReportEntry.objects.bulk_create(
                    ReportEntry(
                        report=report, plan_item=item, text=f"{year}년 {quarter}분기 실적 {number}", figures="12개사"
                    )
                    for item in items
                )


def build() -> None:
    _members()
    _governance()
    _info()
    _agencies()


def run() -> dict:
    from django.utils import translation

    from alliance.reports.documents import render
    from alliance.reports.queries.briefing import build_briefing, steering_meetings

    build()
    figures = {}
    with translation.override("ko"):
        meeting = steering_meetings(2025, 4).last()

        def assemble():
            return build_briefing(2025, 4, meeting, today=datetime.date(2026, 1, 15))

        briefing = assemble()
        figures["sections"] = len(briefing.sections)
        figures["figures"] = len(briefing.figures)
        timings = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            assemble()
            timings.append(time.perf_counter() - started)
        figures["assembly_s"] = round(max(timings), 2)
        for fmt in ("docx", "pdf", "hwpx"):
            render(briefing, fmt)  # warm-up: fonts, templates
            timings = []
            for _ in range(ROUNDS):
                started = time.perf_counter()
                render(assemble(), fmt)
                timings.append(time.perf_counter() - started)
            figures[f"{fmt}_s"] = round(max(timings), 2)
            figures[f"{fmt}_bytes"] = len(render(briefing, fmt))
    return figures
