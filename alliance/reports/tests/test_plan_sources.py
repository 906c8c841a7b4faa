"""The yearly schedule's sources, each built from factories and read back as exact entries, and the states."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from alliance.agencies.models import QuarterDeadline
from alliance.agencies.tests.factories import AgencyFactory, ReportFactory
from alliance.governance.models import BodyKind
from alliance.governance.tests.factories import BodyFactory, MeetingFactory
from alliance.info.models import Edition
from alliance.info.queries.newsletter_calendar import publishing_dates
from alliance.info.tests.factories_newsletter import EditionFactory
from alliance.members.models import CensusRound
from alliance.programs.models import StageKind
from alliance.programs.tests.factories import ProgrammeFactory
from alliance.reports.models import Area, PlanItem
from alliance.reports.queries import plan as queries
from alliance.reports.queries.plan import COMING, DONE, LATE, PlanEntry, entry_state, plan_grid, planned_months

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))


def _rows(entries):
    return [(entry.area, entry.title, entry.months, entry.planned_on, entry.done_on, entry.source) for entry in entries]


def test_competition_stages_run_over_their_months_and_end_on_their_last_day():
    programme = ProgrammeFactory(year=2026)
    ProgrammeFactory(year=2025)  # another year's stages stay out
    label = dict(StageKind.choices)
    url = reverse("programs:programme_stages", kwargs={"pk": programme.pk})
    entries = queries.competition_entries(2026)

    def stage(kind, months, day):
        return (Area.COMPETITION, str(label[kind]), months, day, day, "programs")

    assert _rows(entries) == [
        stage("call", (3, 4, 5), datetime.date(2026, 5, 8)),
        stage("screening", (5,), datetime.date(2026, 5, 22)),
        stage("mentoring_1", (6,), datetime.date(2026, 6, 30)),
        stage("investment_day", (6,), datetime.date(2026, 6, 11)),
        stage("mentoring_2", (8,), datetime.date(2026, 8, 31)),
        stage("final", (11,), datetime.date(2026, 11, 10)),
        stage("awards", (12,), datetime.date(2026, 12, 10)),
    ]
    assert {entry.url for entry in entries} == {url}


@pytest.mark.parametrize(
    ("period", "months"),
    [("4월", (4,)), ("4~5월", (4, 5)), ("4∼5월", (4, 5)), ("3월, 10월", (3, 10)), ("10-12월", (10, 11, 12)),
     ("하반기", ()), ("", ()), ("13월", ()), ("5~4월", ())],
)  # fmt: skip
def test_planned_months_read_the_meeting_plans_period(period, months):
    assert planned_months(period) == months


def test_meetings_are_planned_in_their_period_and_done_when_held():
    steering = BodyFactory(year=2026, name="운영위원회", kind=BodyKind.STEERING, order=0)
    sub = BodyFactory(year=2026, name="윤리제도 분과", kind=BodyKind.SUBCOMMITTEE, order=1)
    BodyFactory(year=2025, name="운영위원회")
    held = MeetingFactory(
        body=steering, number=1, planned_period="4월", date=datetime.date(2026, 4, 15),
        attendance_recorded_at=timezone.now(),
    )  # fmt: skip
    dated = MeetingFactory(body=steering, number=2, planned_period="7월", date=datetime.date(2026, 7, 9))
    planned = MeetingFactory(body=sub, number=1, planned_period="4~5월", date=None)
    moved = MeetingFactory(body=sub, number=2, planned_period="6월", date=datetime.date(2026, 9, 2))
    undated_unplanned = MeetingFactory(body=sub, number=3, planned_period="", date=datetime.date(2026, 10, 20))
    entries = queries.governance_entries(2026)
    assert [(e.area, e.months, e.planned_on, e.done_on, e.url) for e in entries] == [
        (Area.STEERING, (4,), datetime.date(2026, 4, 15), datetime.date(2026, 4, 15), _meeting_url(held)),
        (Area.STEERING, (7,), datetime.date(2026, 7, 9), None, _meeting_url(dated)),
        (Area.SUBCOMMITTEES, (4, 5), None, None, _meeting_url(planned)),
        (Area.SUBCOMMITTEES, (6,), None, None, _meeting_url(moved)),
        (Area.SUBCOMMITTEES, (10,), datetime.date(2026, 10, 20), None, _meeting_url(undated_unplanned)),
    ]
    assert entries[0].title == "운영위원회 제1차 회의"


def _meeting_url(meeting):
    return reverse("governance:meeting_detail", kwargs={"pk": meeting.pk})


def test_census_rounds_run_from_opening_to_closing_and_are_done_when_closed():
    closed = CensusRound.objects.create(title="2026 상반기 회원사 현황 조사", closes_on=datetime.date(2026, 3, 31))
    CensusRound.objects.filter(pk=closed.pk).update(
        opened_at=datetime.datetime(2026, 2, 2, 10, tzinfo=SEOUL),
        closed_at=datetime.datetime(2026, 4, 2, 9, tzinfo=SEOUL),
    )
    running = CensusRound.objects.create(title="2026 하반기 회원사 현황 조사", closes_on=datetime.date(2027, 1, 15))
    CensusRound.objects.filter(pk=running.pk).update(opened_at=datetime.datetime(2026, 11, 20, 10, tzinfo=SEOUL))
    old = CensusRound.objects.create(title="2025 회원사 현황 조사", closes_on=datetime.date(2025, 12, 31))
    CensusRound.objects.filter(pk=old.pk).update(opened_at=datetime.datetime(2025, 11, 1, tzinfo=SEOUL))
    assert _rows(queries.census_entries(2026)) == [
        (Area.MEMBERS, "2026 상반기 회원사 현황 조사", (2, 3), datetime.date(2026, 3, 31), datetime.date(2026, 4, 2),
         "members"),
        (Area.MEMBERS, "2026 하반기 회원사 현황 조사", (11, 12), None, None, "members"),
    ]  # fmt: skip


def test_agency_deadlines_in_the_year_are_done_once_every_active_agency_submitted():
    first, second = AgencyFactory(), AgencyFactory()
    AgencyFactory(active=False)  # an inactive agency is not waited for
    QuarterDeadline.objects.create(year=2026, quarter=2, due_on=datetime.date(2026, 7, 15))
    for agency, day in ((first, 3), (second, 8)):
        ReportFactory(
            agency=agency, year=2025, quarter=4, first_submitted_at=datetime.datetime(2026, 1, day, 11, tzinfo=SEOUL)
        )
    ReportFactory(agency=first, year=2026, quarter=1, first_submitted_at=datetime.datetime(2026, 4, 9, tzinfo=SEOUL))
    entries = queries.agency_entries(2026)
    assert [(e.months, e.planned_on, e.done_on) for e in entries] == [
        ((1,), datetime.date(2026, 1, 10), datetime.date(2026, 1, 8)),  # 2025 Q4, due in January
        ((4,), datetime.date(2026, 4, 10), None),  # one agency of two
        ((7,), datetime.date(2026, 7, 15), None),  # the deadline staff set
        ((10,), datetime.date(2026, 10, 10), None),
    ]
    assert [e.url for e in entries] == [
        reverse("agencies:report_grid", kwargs={"year": year}) for year in (2025, 2026, 2026, 2026)
    ]


def test_newsletter_months_are_done_when_every_publishing_day_had_its_edition():
    march = publishing_dates(datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
    for day in march:
        EditionFactory(publishing_date=day, state=Edition.State.SENT)
    april = publishing_dates(datetime.date(2026, 4, 1), datetime.date(2026, 4, 30))
    EditionFactory(publishing_date=april[0], state=Edition.State.SENT)
    EditionFactory(publishing_date=april[1], state=Edition.State.DRAFT)
    entries = queries.newsletter_entries(2026)
    assert [(e.months, e.planned_on, e.done_on) for e in entries[:2]] == [
        ((3,), march[-1], march[-1]),
        ((4,), april[-1], None),
    ]
    assert [e.months for e in entries] == [(month,) for month in range(3, 13)]  # from the first edition on
    assert entries[1].note == f"{len(april)}회 중 1회 발행"
    assert queries.newsletter_entries(2025) == []


def test_newsletter_has_no_months_without_any_edition():
    assert queries.newsletter_entries(2026) == []


def test_staff_items_keep_their_months_and_done_day():
    item = PlanItem.objects.create(
        year=2026, area=Area.GENERAL, title="사업 방향 논의 및 기본 계획 수립", first_month=1, last_month=2,
        done_on=datetime.date(2026, 2, 20), note="사무국",
    )  # fmt: skip
    PlanItem.objects.create(year=2027, area=Area.GENERAL, title="다음 해", first_month=1, last_month=1)
    assert queries.staff_entries(2026) == [
        PlanEntry(
            area=Area.GENERAL, title="사업 방향 논의 및 기본 계획 수립", months=(1, 2), planned_on=None,
            done_on=datetime.date(2026, 2, 20), url=reverse("reports:plan_item_edit", kwargs={"pk": item.pk}),
            source="staff", note="사무국",
        )
    ]  # fmt: skip


# ---------------------------------------------------------------- planned against actual


def _entry(months=(4,), planned_on=None, done_on=None, title="항목", area=Area.GENERAL):
    return PlanEntry(area=area, title=title, months=months, planned_on=planned_on, done_on=done_on)


@pytest.mark.parametrize(
    ("entry", "as_of", "state"),
    [
        (_entry(done_on=datetime.date(2026, 4, 15)), datetime.date(2026, 4, 15), DONE),
        (_entry(done_on=datetime.date(2026, 4, 15)), datetime.date(2026, 4, 14), COMING),  # done later than D
        (_entry(), datetime.date(2026, 4, 30), COMING),  # still its month
        (_entry(), datetime.date(2026, 5, 1), LATE),
        (_entry(planned_on=datetime.date(2026, 4, 10)), datetime.date(2026, 4, 11), LATE),
        (_entry(months=()), datetime.date(2026, 12, 31), COMING),  # nothing planned: never late
        (_entry(done_on=datetime.date(2026, 6, 1)), datetime.date(2026, 7, 1), DONE),  # done late is done
    ],
)
def test_entry_state(entry, as_of, state):
    assert entry_state(entry, 2026, as_of) == state


@given(
    first=st.integers(1, 12),
    length=st.integers(0, 11),
    as_of=st.dates(datetime.date(2025, 12, 1), datetime.date(2027, 1, 31)),
    done=st.one_of(st.none(), st.dates(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))),
)
def test_an_entry_is_late_exactly_when_its_last_planned_month_is_over_and_it_is_not_done(first, length, as_of, done):
    months = tuple(range(first, min(first + length, 12) + 1))
    state = entry_state(_entry(months=months, done_on=done), 2026, as_of)
    over = as_of > queries.month_end(2026, months[-1])
    done_by_then = done is not None and done <= as_of
    assert state == (DONE if done_by_then else LATE if over else COMING)


def test_grid_rows_share_a_title_and_cells_keep_the_most_urgent_mark():
    entries = [
        _entry(months=(3,), done_on=datetime.date(2026, 3, 31), title="뉴스레터", area=Area.INFORMATION),
        _entry(months=(4,), title="뉴스레터", area=Area.INFORMATION),
        _entry(months=(5,), title="뉴스레터", area=Area.INFORMATION),
        _entry(months=(3, 4), done_on=datetime.date(2026, 6, 2), title="모집 공고", area=Area.COMPETITION),
    ]
    grid = plan_grid(2026, datetime.date(2026, 5, 10), entries)
    newsletter, call = grid.rows
    assert newsletter.cells == {3: DONE, 4: LATE, 5: COMING}
    assert newsletter.state == LATE
    assert call.cells == {3: LATE, 4: LATE}  # not done by 10 May
    assert plan_grid(2026, datetime.date(2026, 6, 30), entries).rows[1].cells == {3: COMING, 4: COMING, 6: DONE}
    assert grid.counts() == {DONE: 1, LATE: 2, COMING: 1}
    assert [mark for _month, _state, mark in newsletter.marks][2:5] == ["●", "▲", "○"]


def test_plan_entries_come_in_area_order_then_month():
    PlanItem.objects.create(year=2026, area=Area.COMPETITION, title="나", first_month=6, last_month=6)
    PlanItem.objects.create(year=2026, area=Area.GENERAL, title="다", first_month=12, last_month=12)
    PlanItem.objects.create(year=2026, area=Area.COMPETITION, title="가", first_month=3, last_month=3)
    assert [entry.title for entry in queries.plan_entries(2026)] == ["다", "가", "나"]


def test_published_events_are_planned_and_done_on_their_date():
    from alliance.events.tests.door_factories import make_event, make_registration

    seminar = make_event(title="2026 분과통합 공개세미나", date=datetime.date(2026, 6, 11))
    make_registration(seminar, checked_in_at=timezone.now())
    make_event(title="비공개 행사", date=datetime.date(2026, 7, 1), published=False)
    make_event(title="2025 성과공유회", date=datetime.date(2025, 12, 10))
    assert queries.event_entries(2026) == [
        PlanEntry(
            area=Area.EVENTS, title="2026 분과통합 공개세미나", months=(6,), planned_on=datetime.date(2026, 6, 11),
            done_on=datetime.date(2026, 6, 11), url=reverse("events:staff_edit", kwargs={"pk": seminar.pk}),
            source="events", note="1명 입장",
        )
    ]  # fmt: skip
