"""Benchmark: governance pages and `governance_status` over ten years of bodies, seats and meetings.

`run()` builds, in the fresh database, ten years (2017–2026) of 20 bodies a year (a steering committee and 19
subcommittees), 300 seats, 150 meetings (the held ones with attendance for every seat) and 1,500 agenda items
a year, plus 400 policy proposals a year once the proposals area has its model. It then times, as a signed-in
staff user, a seat holder and a member representative would open them, the governance pages (server time
through Django's test client, median of ROUNDS after a warm-up) with their query counts, and
`governance_status` for the newest year.

    python bench/run.py --only governance
"""

import datetime
import statistics
import time

TITLE = "governance: 10 years × 20 bodies, 300 seats, 150 meetings, 1,500 agenda items, 400 proposals"
CHECKS = {
    "pages_max_ms": ("<=", 100, "ms"),
    "status_ms": ("<=", 1000, "ms"),
    "year_minutes_docx_ms": ("<=", 5000, "ms"),
}
DATABASES = ("sqlite", "postgresql")
YEARS = range(2017, 2027)
BODIES, SEATS, MEETINGS, AGENDA_ITEMS = 20, 300, 150, 1500
ROUNDS = 7


def _year(year: int, people: list, holder) -> None:
    from django.utils import timezone

    from alliance.governance.models import (
        AgendaItem,
        Attendance,
        AttendanceStatus,
        Body,
        BodyKind,
        Meeting,
        Position,
        Seat,
    )

    bodies = Body.objects.bulk_create(
        Body(
            year=year,
            name="운영위원회" if number == 0 else f"분과 {number:02d}",
            kind=BodyKind.STEERING if number == 0 else BodyKind.SUBCOMMITTEE,
            order=number,
            meetings_planned=MEETINGS // BODIES,
            open_to_members=number > 0,
        )
        for number in range(BODIES)
    )
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    seats = Seat.objects.bulk_create(
        Seat(
            body=bodies[number % BODIES],
            person=people[number],
            position=Position.CHAIR if number < BODIES else Position.MEMBER,
            term_start=start,
            term_end=end,
            order=number,
        )
        for number in range(SEATS)
    )
    if holder is not None:
        Seat.objects.create(body=bodies[0], person=holder, term_start=start, term_end=end, order=SEATS)
    meetings = Meeting.objects.bulk_create(
        Meeting(
            body=bodies[number % BODIES],
            number=number // BODIES + 1,
            date=start + datetime.timedelta(days=2 * number),
            planned_period="4~5월",
            planned_topics="연간 계획",
            attendance_recorded_at=timezone.now(),
        )
        for number in range(MEETINGS)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meetings[number % MEETINGS],
            order=number // MEETINGS + 1,
            title=f"안건 {number}",
            duration_minutes=20,
        )
        for number in range(AGENDA_ITEMS)
    )
    seats_of = {}
    for seat in seats:
        seats_of.setdefault(seat.body_id, []).append(seat)
    statuses = (
        AttendanceStatus.PRESENT,
        AttendanceStatus.PRESENT,
        AttendanceStatus.SUBSTITUTE,
        AttendanceStatus.ABSENT,
    )
    Attendance.objects.bulk_create(
        (
            Attendance(meeting=meeting, seat=seat, status=statuses[index % 4])
            for meeting in meetings
            for index, seat in enumerate(seats_of[meeting.body_id])
        ),
        batch_size=2000,
    )


def build() -> dict:
    from django.contrib.auth import get_user_model

    from alliance.core.roles import Role
    from alliance.core.services.accounts import set_roles
    from alliance.governance.models import Person, Sector
    from alliance.members.tests.factories import OrganisationFactory

    users = get_user_model().objects
    staff = users.create_user(email="staff@bench.example.kr", name="사무국", password=None)
    steering = users.create_user(email="steering@bench.example.kr", name="운영위원", password=None)
    member = users.create_user(
        email="member@bench.example.kr", name="회원사", organisation=OrganisationFactory(), password=None
    )
    for user, role in ((staff, Role.STAFF), (steering, Role.STEERING), (member, Role.MEMBER_REP)):
        set_roles(user=user, roles=[role], by=None)
    people = Person.objects.bulk_create(
        Person(name=f"위원{number:03d}", affiliation=f"기관 {number:03d}", sector=Sector.values[number % 4])
        for number in range(SEATS)
    )
    holder = Person.objects.create(name="벤치 운영위원", affiliation="벤치", sector=Sector.ACADEMIA, user=steering)
    for year in YEARS:
        _year(year, people, holder if year == YEARS[-1] else None)
    _proposals()
    return {"staff": staff, "steering": steering, "member": member}


PROPOSALS = 400
STATES_CYCLE = ("draft", "adopted", "submitted", "approved", "shared", "answered", "implemented", "rejected")


def _proposals() -> None:
    """400 proposals a year over the subcommittees, in the states of a busy year, each with its moves and
    versions (bulk inserts: the state machine itself is tested, not timed)."""
    from django.utils import timezone

    from alliance.governance.models import Body, BodyKind, Proposal, ProposalMove, ProposalVersion

    now = timezone.now()
    for year in YEARS:
        subcommittees = list(Body.objects.filter(year=year, kind=BodyKind.SUBCOMMITTEE))
        proposals = Proposal.objects.bulk_create(
            Proposal(
                body=subcommittees[number % len(subcommittees)],
                title=f"{year} 정책 제언 {number:03d}",
                text="제언 본문 " * 40,
                state=STATES_CYCLE[number % len(STATES_CYCLE)],
                created_at=now,
                moved_at=now,
            )
            for number in range(PROPOSALS)
        )
        ProposalMove.objects.bulk_create(
            ProposalMove(proposal=proposal, from_state="", to_state=proposal.state, at=now) for proposal in proposals
        )
        ProposalVersion.objects.bulk_create(
            ProposalVersion(
                proposal=proposal,
                number=1,
                state=proposal.state,
                title=proposal.title,
                text=proposal.text,
                created_at=now,
            )
            for proposal in proposals
        )


def _a_proposal(year: int) -> int:
    from alliance.governance.models import Proposal

    return Proposal.objects.filter(body__year=year).order_by("pk").values_list("pk", flat=True).first()


def _minutes(body, staff) -> None:
    """Confirmed minutes for each meeting of `body` (the minutes area): its agenda items with a discussion, a
    presentation and an action item each."""
    from django.utils import timezone

    from alliance.governance.models import Meeting
    from alliance.governance.services import minutes as service

    for meeting in Meeting.objects.filter(body=body):
        version = service.start_minutes(actor=staff, meeting=meeting).versions.get()
        for item in version.items.all():
            service.update_item(
                actor=staff,
                item=item,
                title=item.title,
                discussion="논의 내용 첫째 줄\n논의 내용 둘째 줄\n논의 내용 셋째 줄",
                decisions=[],
                presentations=[{"title": "발표", "presenter": "발표자 이사", "affiliation": "회원사"}],
                action_items=[{"description": "후속 조치", "owner": "사무국", "due_on": None, "done": False}],
            )
        service.move(actor=staff, version=version, step=service.CIRCULATE, comments_due=timezone.localdate())
        service.move(actor=staff, version=version, step=service.CONFIRM)


def _timed(function) -> tuple[float, float]:
    function()  # warm-up: template loading, query compilation
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), max(timings)


def _page_figures(client, user, url: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(user)

    def get():
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}")

    median, _ = _timed(get)
    with CaptureQueriesContext(connection) as queries:
        get()
    return round(median, 1), len(queries.captured_queries)


def run() -> dict:
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    from alliance.governance.documents.docx_builders import year_minutes_docx
    from alliance.governance.models import Body
    from alliance.governance.queries.status import governance_status

    started = time.perf_counter()
    users = build()
    build_seconds = time.perf_counter() - started
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    year = YEARS[-1]
    steering = Body.objects.get(year=year, order=0)
    subcommittee = Body.objects.get(year=year, order=1)
    _minutes(steering, users["staff"])
    first_meeting = steering.meetings.order_by("number").first()
    pages = {
        "home": (users["staff"], reverse("governance:home") + f"?year={year}&within=60"),
        "body_detail_staff": (users["staff"], reverse("governance:body_detail", args=[subcommittee.pk])),
        "body_detail_steering": (users["steering"], reverse("governance:body_detail", args=[steering.pk])),
        "my_bodies": (users["steering"], reverse("governance:my_bodies")),
        "open_subcommittees": (users["member"], reverse("governance:open_subcommittees")),
        "minutes_list": (users["staff"], reverse("governance:minutes_list") + f"?year={year}"),
        "minutes_detail": (users["steering"], reverse("governance:minutes_detail", args=[first_meeting.pk])),
        "proposal_list": (users["staff"], reverse("governance:proposal_list") + f"?year={year}"),
        "proposal_detail": (users["staff"], reverse("governance:proposal_detail", args=[_a_proposal(year)])),
        "obligations": (users["staff"], reverse("governance:obligations") + f"?year={year}"),
    }
    figures = {}
    for name, (user, url) in pages.items():
        figures[f"{name}_ms"], figures[f"{name}_queries"] = _page_figures(client, user, url)
    as_of = datetime.date(year, 12, 31)
    status_median, status_max = _timed(lambda: governance_status(year=year, as_of=as_of))
    docx_median, _ = _timed(lambda: year_minutes_docx(steering))
    return {
        **figures,
        "pages_max_ms": max(value for key, value in figures.items() if key.endswith("_ms")),
        "status_ms": round(status_median, 1),
        "status_max_ms": round(status_max, 1),
        "year_minutes_docx_ms": round(docx_median, 1),
        "bodies": Body.objects.count(),
        "build_seconds": round(build_seconds, 1),
    }
