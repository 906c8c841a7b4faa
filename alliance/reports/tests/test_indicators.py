"""Indicators: every formula's actual equals its app's own query, the as-of arithmetic, entered values, and
`kpi_report` exactly."""

import datetime
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance.core.models import Delivery, ReviewStatus
from alliance.governance.models import BodyKind
from alliance.governance.models.proposals import DELIVERED_STATES, Proposal, ProposalMove
from alliance.governance.queries.bodies import bodies_of_year
from alliance.governance.queries.proposals import proposals_by_state
from alliance.governance.tests.factories import BodyFactory, MeetingFactory
from alliance.info.models import Board, DailyVisits, Edition, ImportedMonthlyVisits, Promotion
from alliance.info.queries.analytics import visits_in_quarter
from alliance.info.queries.archive import reports_posted
from alliance.info.queries.mailings import POST_MAILING, mailings_sent
from alliance.info.queries.newsletter import editions_sent
from alliance.info.queries.promotions import promotions_relayed as info_promotions_relayed
from alliance.info.tests.factories_archive import ReportFactory
from alliance.info.tests.factories_board import PostFactory, PromotionFactory
from alliance.info.tests.factories_newsletter import EditionFactory
from alliance.members.membership import member_count
from alliance.members.tests.factories import OrganisationFactory
from alliance.programs.models import GroupMember, SupportBenefit, SupportGrant, Winner
from alliance.programs.models import Proposal as ProgrammeProposal
from alliance.programs.queries import programmes_with_counts
from alliance.programs.tests.factories import ProgrammeFactory, ProjectGroupFactory
from alliance.programs.tests.factories_judging import final_panel
from alliance.reports.models import Area, Indicator, IndicatorKind, IndicatorTarget, IndicatorValue
from alliance.reports.queries import indicators as queries
from alliance.reports.services.indicators import DEFAULTS, add_value, load_default_indicators, set_target

pytestmark = pytest.mark.django_db
SEOUL = datetime.timezone(datetime.timedelta(hours=9))
YEAR_END = datetime.date(2025, 12, 31)
QUARTER_ENDS = [datetime.date(2025, 3, 31), datetime.date(2025, 6, 30), datetime.date(2025, 9, 30), YEAR_END]


def _at(month, day, hour=10):
    return datetime.datetime(2025, month, day, hour, tzinfo=SEOUL)


@pytest.fixture
def year_2025():
    """A year of every app's dated records, some on the quarters' edges and some in the years around it."""
    for joined, withdrawn in [
        (datetime.date(2023, 5, 1), None),
        (datetime.date(2024, 12, 31), None),
        (datetime.date(2024, 3, 1), datetime.date(2025, 4, 1)),
        (datetime.date(2025, 3, 31), None),
        (datetime.date(2025, 10, 1), None),
        (datetime.date(2026, 1, 1), None),
    ]:
        OrganisationFactory(joined_on=joined, withdrawn_on=withdrawn)
    steering = BodyFactory(year=2025, name="운영위원회", kind=BodyKind.STEERING, meetings_planned=3)
    sub = BodyFactory(year=2025, name="윤리제도 분과", kind=BodyKind.SUBCOMMITTEE, meetings_planned=3)
    for body, number, day, held in [
        (steering, 1, datetime.date(2025, 4, 15), True),
        (steering, 2, datetime.date(2025, 7, 9), True),
        (steering, 3, datetime.date(2025, 11, 20), False),  # dated, not held
        (sub, 1, datetime.date(2025, 3, 31), True),
        (sub, 2, datetime.date(2025, 10, 1), True),
    ]:
        MeetingFactory(body=body, number=number, date=day, attendance_recorded_at=timezone.now() if held else None)
    for moves in (
        [("draft", _at(2, 1)), ("approved", _at(6, 30, 23))],
        [("draft", _at(2, 1)), ("approved", _at(9, 1)), ("shared", _at(12, 1))],
        [("draft", _at(2, 1)), ("rejected", _at(5, 1))],
    ):
        proposal = Proposal.objects.create(
            body=sub, title="정책 제안", text="본문", state=moves[-1][0], created_at=moves[0][1], moved_at=moves[-1][1]
        )
        for state, at in moves:
            ProposalMove.objects.create(proposal=proposal, to_state=state, at=at)
    programme = ProgrammeFactory(year=2025)
    groups = [ProjectGroupFactory(programme=programme, partners=2) for _ in range(3)]
    ProjectGroupFactory(programme=programme, partners=1, submitted=False)
    ProgrammeProposal.objects.filter(group__programme=programme).update(submitted_at=_at(5, 8))  # within the call
    GroupMember.objects.filter(programme=programme).update(confirmed_at=_at(4, 1))
    panel = final_panel(programme)
    for place, group in enumerate(groups[:2], start=1):
        Winner.objects.create(panel=panel, track=group.track, group=group, place=place)
    panel.released_at = _at(12, 10)
    panel.save(update_fields=["released_at"])
    benefit = SupportBenefit.objects.create(programme=programme, kind="booth", code="B1", name="전시 부스")
    for number, (winner, used_on) in enumerate(
        zip(Winner.objects.all(), [datetime.date(2025, 12, 20), None], strict=True)
    ):
        SupportGrant.objects.create(
            benefit=benefit, winner=winner, number=f"2025-{number}", issued_on=datetime.date(2025, 12, 12),
            use=SupportGrant.Use.USED if used_on else SupportGrant.Use.PENDING, used_on=used_on,
            used_for="정부과제 신청" if used_on else "",
        )  # fmt: skip
    for day in (datetime.date(2024, 12, 31), datetime.date(2025, 1, 1), datetime.date(2025, 6, 30), YEAR_END):
        ReportFactory(posted_on=day)
    for day, state in [
        (datetime.date(2025, 1, 2), Edition.State.SENT),
        (datetime.date(2025, 3, 31), Edition.State.SENT),
        (datetime.date(2025, 10, 6), Edition.State.SENT),
        (datetime.date(2025, 11, 3), Edition.State.DRAFT),
        (datetime.date(2026, 1, 2), Edition.State.SENT),
    ]:
        EditionFactory(publishing_date=day, state=state)
    ImportedMonthlyVisits.objects.create(year=2025, month=2, visits=40000)
    DailyVisits.objects.create(day=datetime.date(2025, 5, 1), views=50, visits=20, complete=True)
    DailyVisits.objects.create(day=datetime.date(2025, 5, 31), views=50, visits=7, complete=True)
    for publish_at in (_at(3, 31, 23), _at(4, 1, 0)):
        post = PostFactory(board=Board.NEWS, publish_at=publish_at)
        promotion = PromotionFactory(starts_on=publish_at.date(), ends_on=publish_at.date())
        Promotion.objects.filter(pk=promotion.pk).update(
            status=ReviewStatus.APPLIED, post=post, reviewed_at=timezone.now()
        )
    content_type = ContentType.objects.get_for_model(Edition)
    for ordered_at in (_at(1, 1, 0), _at(6, 30, 23), _at(12, 31, 23)):
        Delivery.objects.create(kind=POST_MAILING, target_type=content_type, target_id=1, ordered_at=ordered_at)
    return programme


def _value(source, as_of=YEAR_END):
    return queries.SOURCES[source].function(2025, as_of)


def test_each_formula_at_the_year_end_equals_its_apps_own_query(year_2025):
    bodies = {body.kind: body for body in bodies_of_year(2025, as_of=YEAR_END)}
    states = proposals_by_state(2025, as_of=YEAR_END)
    # Four of the six organisations above and the eleven of the groups (joined in March 2024) on 31 December;
    # on 31 December 2024: three of the six and the eleven.
    assert _value("members_current") == member_count(YEAR_END) == 15
    assert _value("members_change") == member_count(YEAR_END) - member_count(datetime.date(2024, 12, 31)) == 1
    assert _value("steering_meetings_held") == bodies[BodyKind.STEERING].meetings_held == 2
    assert _value("subcommittee_meetings_held") == bodies[BodyKind.SUBCOMMITTEE].meetings_held == 2
    assert _value("meetings_held_of_planned") == Decimal("66.7")  # 4 of 6
    assert _value("proposals_approved") == sum(states.get(state, 0) for state in DELIVERED_STATES) == 2
    assert _value("competition_groups") == programmes_with_counts().get(year=2025).submitted_count == 3
    assert _value("competition_companies") == 9  # a lead and two partners in each of three groups
    assert _value("awards") == 2
    assert _value("benefits_used") == Decimal("50.0")
    assert _value("newsletter_editions") == sum(editions_sent(2025, quarter) for quarter in range(1, 5)) == 3
    assert _value("archive_reports") == reports_posted(2025) == 3
    assert _value("promotions_relayed") == info_promotions_relayed(2025) == 2
    assert _value("mailings") == mailings_sent(2025) == 3
    assert _value("homepage_visits") == sum(visits_in_quarter(2025, quarter) for quarter in range(1, 5)) == 40027


FLOWS = {
    "newsletter_editions": lambda quarter: editions_sent(2025, quarter),
    "archive_reports": lambda quarter: reports_posted(2025, quarter),
    "promotions_relayed": lambda quarter: info_promotions_relayed(2025, quarter),
    "mailings": lambda quarter: mailings_sent(2025, quarter),
    "homepage_visits": lambda quarter: visits_in_quarter(2025, quarter),
}


@pytest.mark.parametrize("source", sorted(FLOWS))
def test_a_count_at_each_quarters_end_is_the_sum_of_the_quarters_so_far(year_2025, source):
    for quarter, end in enumerate(QUARTER_ENDS, start=1):
        assert _value(source, end) == sum(FLOWS[source](q) for q in range(1, quarter + 1)), (source, end)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.dates(datetime.date(2024, 12, 1), datetime.date(2026, 1, 31)),
    second=st.dates(datetime.date(2024, 12, 1), datetime.date(2026, 1, 31)),
)
def test_counts_never_fall_as_the_day_moves_on_and_stop_at_the_year_end(year_2025, first, second):
    early, late = sorted((first, second))
    for source in FLOWS:
        assert _value(source, early) <= _value(source, late)
        if early >= YEAR_END:
            assert _value(source, early) == _value(source, YEAR_END)
        if late < datetime.date(2025, 1, 1):
            assert _value(source, late) == 0
    assert _value("members_current", late) == member_count(min(late, YEAR_END))


def test_an_entered_indicator_takes_the_latest_value_of_the_year_by_the_day(staff_user):
    indicator = Indicator.objects.create(name="언론 보도", unit="건", kind=IndicatorKind.ENTERED, area=Area.EVENTS)
    for on, value in [
        (datetime.date(2024, 12, 31), 80),
        (datetime.date(2025, 6, 30), 40),
        (datetime.date(2025, 12, 1), 88),
    ]:
        IndicatorValue.objects.create(indicator=indicator, on=on, value=value)
    assert queries.actual(indicator, 2025, datetime.date(2025, 3, 1)) is None
    assert queries.actual(indicator, 2025, datetime.date(2025, 7, 1)) == Decimal("40")
    assert queries.actual(indicator, 2025, datetime.date(2026, 3, 1)) == Decimal("88")


def test_a_value_is_entered_only_for_an_entered_indicator_and_its_evidence_is_checked(staff_user):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    computed = Indicator.objects.create(name="회원사 수", unit="개사", source="members_current")
    with pytest.raises(ValidationError):
        add_value(actor=staff_user, indicator=computed, on=datetime.date(2025, 1, 1), value=Decimal(1))
    entered = Indicator.objects.create(name="언론 보도", unit="건", kind=IndicatorKind.ENTERED)
    with pytest.raises(ValidationError):
        add_value(
            actor=staff_user, indicator=entered, on=datetime.date(2025, 1, 1), value=Decimal(1),
            evidence=SimpleUploadedFile("기사.pdf", b"not a pdf"),
        )  # fmt: skip
    row = add_value(
        actor=staff_user, indicator=entered, on=datetime.date(2025, 12, 31), value=Decimal(88), note="총 88건",
        evidence=SimpleUploadedFile("기사 목록.pdf", b"%PDF-1.4\n%%EOF\n"),
    )  # fmt: skip
    assert (row.value, row.note, row.evidence_name, row.entered_by) == (
        Decimal(88),
        "총 88건",
        "기사 목록.pdf",
        staff_user,
    )
    assert row.evidence.read() == b"%PDF-1.4\n%%EOF\n"


def test_defaults_come_with_the_seeds_targets_and_last_years_figure_as_baseline(year_2025, staff_user):
    created = load_default_indicators(actor=staff_user, year=2026)
    assert [indicator.name for indicator in created] == [default.name for default in DEFAULTS]
    assert load_default_indicators(actor=staff_user, year=2026) == []  # once
    targets = {row.indicator.name: row.target for row in IndicatorTarget.objects.filter(year=2026)}
    assert targets == {"운영위원회 개최": 3, "분과회 개최": 12, "회의 개최율": 100, "정책 제안 승인": 4,
                       "프로젝트 그룹 참여 그룹": 15, "프로젝트 그룹 참여 기업": 35, "시상": 10}  # fmt: skip
    steering = Indicator.objects.get(name="운영위원회 개최")
    assert (steering.baseline, steering.baseline_on) == (Decimal(2), YEAR_END)
    assert Indicator.objects.get(name="사후지원 활용률").baseline == Decimal("50.0")


def test_kpi_report_prints_the_issues_json_exactly(year_2025, staff_user):
    members = Indicator.objects.create(
        name="회원사 수",
        unit="개사",
        source="members_current",
        baseline=3,
        baseline_on=datetime.date(2024, 12, 31),
        order=1,
    )
    set_target(actor=staff_user, indicator=members, year=2025, target=Decimal(5))
    use = Indicator.objects.create(name="사후지원 활용률", unit="%", source="benefits_used", order=2)
    set_target(actor=staff_user, indicator=use, year=2025, target=Decimal("62.5"))
    Indicator.objects.create(name="언론 보도", unit="건", kind=IndicatorKind.ENTERED, order=3)
    out = StringIO()
    call_command("kpi_report", "--year", "2025", "--as-of", "2025-12-31", "--format", "json", stdout=out)
    assert json.loads(out.getvalue()) == {
        "year": 2025,
        "as_of": "2025-12-31",
        "indicators": [
            {"name": "회원사 수", "unit": "개사", "baseline": 3, "target": 5, "actual": 15},
            {"name": "사후지원 활용률", "unit": "%", "baseline": None, "target": 62.5, "actual": 50},
            {"name": "언론 보도", "unit": "건", "baseline": None, "target": None, "actual": None},
        ],
    }
    text = StringIO()
    call_command("kpi_report", "--year", "2025", "--as-of", "2025-06-30", stdout=text)
    lines = text.getvalue().splitlines()
    assert lines[0] == "2025년 성과지표 (2025-06-30 기준)"
    assert lines[2].split() == ["회원사", "수", "개사", "3", "5", "14"]  # on 30 June: one withdrew, one to join
    with pytest.raises(CommandError):
        call_command("kpi_report", "--year", "2025", "--as-of", "31/12/2025")


def test_an_unknown_source_has_no_actual():
    indicator = Indicator.objects.create(name="옛 지표", unit="건", source="removed_function")
    assert queries.actual(indicator, 2025, YEAR_END) is None


def test_event_attendance_is_the_sum_of_each_events_checked_in():
    from alliance.events.queries import attendance
    from alliance.events.tests.door_factories import make_event, make_registration

    seminar = make_event(title="공개세미나", date=datetime.date(2025, 6, 11))
    results = make_event(title="성과공유회", date=datetime.date(2025, 12, 10))
    for event, checked_in in ((seminar, 3), (results, 2)):
        for _ in range(checked_in):
            make_registration(event, checked_in_at=timezone.now())
        make_registration(event)  # registered, not come
    make_event(title="다음 해", date=datetime.date(2026, 1, 5))
    assert _value("event_attendance") == attendance(seminar).checked_in + attendance(results).checked_in == 5
    assert _value("event_attendance", datetime.date(2025, 12, 9)) == 3
    assert _value("event_attendance", datetime.date(2024, 12, 31)) == 0


def test_press_articles_count_as_events_press_count_does():
    from alliance.events.models import PressArticle
    from alliance.events.queries.press import press_count
    from alliance.events.tests.door_factories import make_event

    event = make_event(title="성과공유회", date=datetime.date(2025, 12, 10))
    for day in ("2024-12-31", "2025-01-01", "2025-12-11", "2025-12-31", "2026-01-01"):
        PressArticle.objects.create(
            event=event, outlet="전자신문", published_on=datetime.date.fromisoformat(day), title="기사"
        )
    assert _value("press_articles") == press_count(datetime.date(2025, 1, 1), YEAR_END) == 3
    assert _value("press_articles", datetime.date(2025, 12, 10)) == 1
