"""Benchmark: the yearly schedule page ≤ 200 ms and `kpi_report` ≤ 1 s on ten years of platform data (issue 14).

`run()` grows the demo's shape to ten years (2017–2026), with bulk inserts: 3,000 member organisations joining
and withdrawing over the years; each year 20 committees and 150 meetings (held ones with attendance recorded),
120 policy proposals with their moves, a programme with its seven stages, 40 project groups of three companies
with submitted proposals, ten released winners with two benefits each, about 250 newsletter editions (every
publishing day), 300 archive reports, a year of daily visits, 60 announcement e-mailings, 60 relayed agency
promotions, eight agencies' four quarterly reports, two census rounds, 20 events with 150 registrations each,
seven staff plan items, and the default indicators with a target for every year. It then times, as staff through
Django's test client (median and p95 of ROUNDS after a warm-up), the 2026 schedule page, its PDF and DOCX, the
indicators page, and `kpi_report --format json` for 2026 as of 1 October.

    python bench/run.py --only reports_plan
"""

import datetime
import io
import statistics
import time
from contextlib import redirect_stdout

TITLE = "reports: the yearly schedule page and kpi_report on 10 years of platform data"
CHECKS = {"plan_page_p95_ms": ("<=", 200, "ms"), "kpi_report_p95_ms": ("<=", 1000, "ms")}
YEARS = range(2017, 2027)
ORGANISATIONS, BODIES, MEETINGS, PROPOSALS, GROUPS = 3000, 20, 150, 120, 40
REPORTS, MAILINGS, PROMOTIONS, EVENTS, REGISTRATIONS = 300, 60, 60, 20, 150
ROUNDS = 15
AS_OF = datetime.date(2026, 10, 1)


def _aware(day: datetime.date, hour: int = 10) -> datetime.datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _members() -> list:
    from alliance.members.membership import registry_changed
    from alliance.members.models import MemberCategory, Organisation

    categories = list(MemberCategory.values)
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"벤치 회원사 {number:05d}",
            name_key=f"벤치회원사{number:05d}",
            category=categories[number % len(categories)],
            joined_on=datetime.date(2016, 1, 1) + datetime.timedelta(days=number),
            withdrawn_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=number) if number % 7 == 0 else None,
        )
        for number in range(ORGANISATIONS)
    )
    registry_changed()
    return organisations


def _governance(year: int) -> None:
    from django.utils import timezone

    from alliance.governance.models import Body, BodyKind, Meeting, Proposal, ProposalMove

    bodies = Body.objects.bulk_create(
        Body(year=year, name="운영위원회" if number == 0 else f"분과 {number:02d}", order=number,
             kind=BodyKind.STEERING if number == 0 else BodyKind.SUBCOMMITTEE, meetings_planned=MEETINGS // BODIES)
        for number in range(BODIES)
    )  # fmt: skip
    start = datetime.date(year, 1, 10)
    Meeting.objects.bulk_create(
        Meeting(body=bodies[number % BODIES], number=number // BODIES + 1, planned_period=f"{number % 12 + 1}월",
                date=start + datetime.timedelta(days=2 * number),
                attendance_recorded_at=timezone.now() if number % 5 else None)
        for number in range(MEETINGS)
    )  # fmt: skip
    states = ("draft", "adopted", "submitted", "approved", "shared", "answered", "implemented", "rejected")
    proposals = Proposal.objects.bulk_create(
        Proposal(body=bodies[1 + number % (BODIES - 1)], title=f"{year} 정책 제안 {number}", text="본문",
                 state=states[number % len(states)], created_at=_aware(start), moved_at=_aware(start))
        for number in range(PROPOSALS)
    )  # fmt: skip
    ProposalMove.objects.bulk_create(
        ProposalMove(proposal=proposal, to_state=proposal.state, at=_aware(start + datetime.timedelta(days=number)))
        for number, proposal in enumerate(proposals)
    )


def _competition(year: int, organisations: list) -> None:
    from alliance.programs.models import (
        GroupMember,
        Panel,
        ProjectGroup,
        Proposal,
        SupportBenefit,
        SupportGrant,
        Winner,
    )
    from alliance.programs.services.programme import create_programme

    programme = create_programme(actor=None, year=year, name=f"{year} 메타버스 얼라이언스 프로젝트 그룹")
    track = programme.tracks.first()
    groups = ProjectGroup.objects.bulk_create(
        ProjectGroup(programme=programme, track=track, name=f"{year} 그룹 {number}",
                     lead=organisations[(year * GROUPS + number * 3) % ORGANISATIONS])
        for number in range(GROUPS)
    )  # fmt: skip
    submitted = _aware(datetime.date(year, 5, 1))
    Proposal.objects.bulk_create(
        Proposal(group=group, title="제안", status=Proposal.Status.SUBMITTED, submitted_at=submitted)
        for group in groups
    )
    GroupMember.objects.bulk_create(
        GroupMember(group=group, programme=programme, role="lead" if offset == 0 else "partner",
                    organisation=organisations[(year * GROUPS + number * 3 + offset) % ORGANISATIONS],
                    confirmed_at=submitted)
        for number, group in enumerate(groups)
        for offset in range(3)
    )  # fmt: skip
    panel = Panel.objects.create(
        programme=programme, kind=Panel.Kind.FINAL, released_at=_aware(datetime.date(year, 12, 10))
    )
    winners = Winner.objects.bulk_create(
        Winner(panel=panel, track=track, group=group, place=place) for place, group in enumerate(groups[:10], start=1)
    )
    benefits = SupportBenefit.objects.bulk_create(
        SupportBenefit(programme=programme, kind="booth", code=f"B{number}", name=f"지원 {number}") for number in (1, 2)
    )
    SupportGrant.objects.bulk_create(
        SupportGrant(benefit=benefit, winner=winner, number=f"{year}-{benefit.code}-{winner.place}",
                     issued_on=datetime.date(year, 12, 12),
                     use="used" if winner.place % 2 else "pending",
                     used_on=datetime.date(year, 12, 20) if winner.place % 2 else None,
                     used_for="정부과제" if winner.place % 2 else "")
        for benefit in benefits
        for winner in winners
    )  # fmt: skip


def _information(year: int, publisher, agencies: list, content_type) -> None:
    from alliance.core.models import Delivery, ReviewStatus
    from alliance.info.models import Board, Category, DailyVisits, Edition, Post, Promotion
    from alliance.info.models import Report as ArchiveReport
    from alliance.info.queries.mailings import POST_MAILING
    from alliance.info.queries.newsletter_calendar import publishing_dates

    Edition.objects.bulk_create(
        Edition(publishing_date=day, subject=f"뉴스레터 {day}", state=Edition.State.SENT, sent_at=_aware(day, 7))
        for day in publishing_dates(datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    )
    ArchiveReport.objects.bulk_create(
        ArchiveReport(posted_on=datetime.date(year, 1, 1) + datetime.timedelta(days=number), publisher=publisher,
                      title=f"{year} 동향 보고서 {number}")
        for number in range(REPORTS)
    )  # fmt: skip
    first = datetime.date(year, 1, 1)
    DailyVisits.objects.bulk_create(
        DailyVisits(day=first + datetime.timedelta(days=number), views=300, visits=120, complete=True)
        for number in range(365)
    )
    Delivery.objects.bulk_create(
        Delivery(kind=POST_MAILING, target_type=content_type, target_id=1,
                 ordered_at=_aware(first + datetime.timedelta(days=6 * number)))
        for number in range(MAILINGS)
    )  # fmt: skip
    posts = Post.objects.bulk_create(
        Post(board=Board.NEWS, category=Category.NOTICE, title=f"{year} 홍보 {number}", body="본문",
             publish_at=_aware(first + datetime.timedelta(days=6 * number)))
        for number in range(PROMOTIONS)
    )  # fmt: skip
    Promotion.objects.bulk_create(
        Promotion(agency=agencies[number % len(agencies)], title=post.title, body="본문", post=post,
                  status=ReviewStatus.APPLIED, reviewed_at=post.publish_at, starts_on=post.publish_at.date(),
                  ends_on=post.publish_at.date())
        for number, post in enumerate(posts)
    )  # fmt: skip


def _agencies_and_census(year: int, agencies: list) -> None:
    from alliance.agencies.models import QuarterlyReport
    from alliance.members.models import CensusRound

    QuarterlyReport.objects.bulk_create(
        QuarterlyReport(agency=agency, year=year, quarter=quarter,
                        first_submitted_at=_aware(datetime.date(year, 3 * quarter, 28)),
                        submitted_at=_aware(datetime.date(year, 3 * quarter, 28)))
        for agency in agencies
        for quarter in range(1, 5)
    )  # fmt: skip
    for half in (0, 1):
        census_round = CensusRound.objects.create(title=f"{year} 회원사 현황 조사 {half + 1}",
                                                  closes_on=datetime.date(year, 4 + 6 * half, 30))  # fmt: skip
        CensusRound.objects.filter(pk=census_round.pk).update(
            opened_at=_aware(datetime.date(year, 3 + 6 * half, 2)),
            closed_at=_aware(datetime.date(year, 5 + 6 * half, 2)),
        )


def _events(year: int) -> None:
    from alliance.events.models import Event, EventKind, OrganisationType, Registration

    events = Event.objects.bulk_create(
        Event(title=f"{year} 행사 {number}", kind=EventKind.values[number % len(EventKind.values)],
              date=datetime.date(year, 1, 15) + datetime.timedelta(days=17 * number), starts_at=datetime.time(14),
              ends_at=datetime.time(17), published=True)
        for number in range(EVENTS)
    )  # fmt: skip
    Registration.objects.bulk_create(
        (
            Registration(event=event, name=f"참석자{number}", email=f"p{year}-{event.pk}-{number}@bench.example.kr",
                         organisation_name="회원사", organisation_type=OrganisationType.values[number % 3],
                         status=Registration.Status.CONFIRMED, sequence=number + 1,
                         token_hash=f"{event.pk:08d}{number:08d}".ljust(64, "0"),
                         expires_at=_aware(event.date + datetime.timedelta(days=1)),
                         checked_in_at=_aware(event.date, 14) if number % 4 else None)
            for event in events
            for number in range(REGISTRATIONS)
        ),
        batch_size=2000,
    )  # fmt: skip


def build():
    from django.contrib.contenttypes.models import ContentType

    from alliance.agencies.models import Agency
    from alliance.info.models import Edition, Publisher
    from alliance.reports.models import Area, Indicator, IndicatorTarget, PlanItem
    from alliance.reports.services.indicators import load_default_indicators

    organisations = _members()
    agencies = Agency.objects.bulk_create(Agency(name=f"유관기관 {n}", short_name=f"AG{n}") for n in range(8))
    publisher = Publisher.objects.create(name="SPRI", key="spri")
    content_type = ContentType.objects.get_for_model(Edition)
    for year in YEARS:
        _governance(year)
        _competition(year, organisations)
        _information(year, publisher, agencies, content_type)
        _agencies_and_census(year, agencies)
        _events(year)
        PlanItem.objects.bulk_create(
            PlanItem(year=year, area=Area.values[number % len(Area.values)], title=f"{year} 사무국 항목 {number}",
                     first_month=number + 1, last_month=number + 2,
                     done_on=datetime.date(year, number + 2, 20) if number % 2 else None)
            for number in range(7)
        )  # fmt: skip
    load_default_indicators(actor=None, year=YEARS[-1])
    IndicatorTarget.objects.bulk_create(
        IndicatorTarget(indicator=indicator, year=year, target=100)
        for indicator in Indicator.objects.all()
        for year in YEARS
        if not indicator.targets.filter(year=year).exists()
    )


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1)


def _timed(call) -> list[float]:
    call()  # warm-up
    timings = []
    for _ in range(ROUNDS):
        begin = time.perf_counter()
        call()
        timings.append((time.perf_counter() - begin) * 1000)
    return timings


def run() -> dict:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from alliance.core.roles import Role
    from alliance.core.services.accounts import set_roles
    from alliance.reports.queries.plan import plan_entries

    started = time.perf_counter()
    build()
    build_seconds = time.perf_counter() - started
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    staff = get_user_model().objects.create_user(email="plan@bench.example.kr", name="사무국", password=None)
    set_roles(user=staff, roles=[Role.STAFF], by=None)
    client = Client()
    client.force_login(staff)
    query = {"as_of": AS_OF.isoformat()}

    def get(name: str) -> None:
        response = client.get(reverse(name, kwargs={"year": 2026}), query)
        if response.status_code != 200:
            msg = f"{name} answered {response.status_code}"
            raise RuntimeError(msg)

    def report() -> None:
        with redirect_stdout(io.StringIO()):
            out = io.StringIO()
            call_command("kpi_report", "--year", "2026", "--as-of", AS_OF.isoformat(), "--format", "json", stdout=out)

    page = _timed(lambda: get("reports:plan"))
    indicators_page = _timed(lambda: get("reports:indicators"))
    kpi = _timed(report)
    pdf = [_timed(lambda: get("reports:plan_pdf"))[0]]
    docx = _timed(lambda: get("reports:plan_docx"))
    return {
        "years": len(YEARS),
        "plan_entries_2026": len(plan_entries(2026)),
        "plan_page_p50_ms": round(statistics.median(page), 1),
        "plan_page_p95_ms": _p95(page),
        "indicators_page_p95_ms": _p95(indicators_page),
        "kpi_report_p50_ms": round(statistics.median(kpi), 1),
        "kpi_report_p95_ms": _p95(kpi),
        "plan_pdf_ms": round(pdf[0], 1),
        "plan_docx_p95_ms": _p95(docx),
        "build_seconds": round(build_seconds, 1),
    }
