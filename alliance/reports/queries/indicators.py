"""Indicators' actuals as of any day: the registered formulas over the platform's data, the values staff entered,
and the yearly report (`kpi_report`, the staff page, the XLSX).

Rules:
- A formula is a function registered here under a name (`SOURCES`); an indicator names one, never code.
- The period of year Y as of day D runs from 1 January of Y to D, cut at 31 December of Y (`period_end`): a
  count (editions sent, reports posted) counts what happened in it; a stock (members) is taken on its last day;
  before 1 January of Y a count is 0.
- Each formula reads its app's own definition: members through `members.membership` (who is a member on a
  day), meetings held as `governance_status` counts them (dated on or before D, attendance recorded), proposals
  approved as their state on D (`proposals_by_state`), mailings through `info.queries.mailings`.
- An entered indicator's actual is the latest value entered for a day of Y on or before D (None without one).
- A percentage is rounded half up to one decimal; None when its whole is 0.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.models import ReviewStatus
from alliance.events.queries import events_in
from alliance.events.queries.press import press_count
from alliance.governance.models import Body, BodyKind, Meeting
from alliance.governance.models.proposals import DELIVERED_STATES
from alliance.governance.queries.proposals import proposals_by_state
from alliance.info.models import DailyVisits, Edition, Promotion
from alliance.info.models import Report as ArchiveReport
from alliance.info.queries.analytics import monthly_visits_of
from alliance.info.queries.mailings import announcement_deliveries
from alliance.members.membership import member_count
from alliance.programs.models import GroupMember, Panel, Proposal, SupportGrant, Winner
from alliance.reports.models import Indicator, IndicatorKind, IndicatorValue

Number = int | Decimal | None
TENTH = Decimal("0.1")


def period_end(year: int, as_of: datetime.date) -> datetime.date:
    """The last day of year Y's period as of D: D, cut at 31 December of Y."""
    return min(as_of, datetime.date(year, 12, 31))


def _first(year: int) -> datetime.date:
    return datetime.date(year, 1, 1)


def _after(day: datetime.date) -> datetime.datetime:
    """The first moment (Korean time) of the day after `day`: moments before it fall on or before `day`."""
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time()))


def percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(TENTH, rounding=ROUND_HALF_UP)


# ---------------------------------------------------------------- formulas


def members_current(year: int, as_of: datetime.date) -> int:
    """Members on the period's last day."""
    return member_count(period_end(year, as_of))


def members_change(year: int, as_of: datetime.date) -> int:
    """Members on the period's last day less members on the last day of the year before."""
    return member_count(period_end(year, as_of)) - member_count(datetime.date(year - 1, 12, 31))


def _held(year: int, as_of: datetime.date):
    return Meeting.objects.filter(
        body__year=year, date__lte=period_end(year, as_of), attendance_recorded_at__isnull=False
    )


def steering_meetings_held(year: int, as_of: datetime.date) -> int:
    """Steering-committee meetings of the year held by the day."""
    return _held(year, as_of).filter(body__kind=BodyKind.STEERING).count()


def subcommittee_meetings_held(year: int, as_of: datetime.date) -> int:
    """Subcommittee meetings of the year held by the day."""
    return _held(year, as_of).filter(body__kind=BodyKind.SUBCOMMITTEE).count()


def meetings_held_of_planned(year: int, as_of: datetime.date) -> Decimal | None:
    """Meetings of the year held by the day, as a percentage of the meetings the bodies planned for the year."""
    planned = Body.objects.filter(year=year).aggregate(planned=Sum("meetings_planned"))["planned"] or 0
    return percent(_held(year, as_of).count(), planned)


def proposals_approved(year: int, as_of: datetime.date) -> int:
    """The year's policy proposals approved by the steering committee (or further on) as of the day."""
    states = proposals_by_state(year, as_of=period_end(year, as_of))
    return sum(states.get(state, 0) for state in DELIVERED_STATES)


def _submitted(year: int, as_of: datetime.date):
    return Proposal.objects.filter(
        group__programme__year=year,
        status=Proposal.Status.SUBMITTED,
        submitted_at__lt=_after(period_end(year, as_of)),
    )


def competition_groups(year: int, as_of: datetime.date) -> int:
    """Project groups of the year's competition that submitted their proposal by the day."""
    return _submitted(year, as_of).count()


def competition_companies(year: int, as_of: datetime.date) -> int:
    """Organisations taking part (confirmed) in the groups that submitted by the day."""
    return (
        GroupMember.objects.filter(
            group_id__in=_submitted(year, as_of).values("group_id"),
            confirmed_at__lt=_after(period_end(year, as_of)),
        )
        .values("organisation_id")
        .distinct()
        .count()
    )


def awards(year: int, as_of: datetime.date) -> int:
    """Groups placed by the year's final judging, once its results were released by the day."""
    return Winner.objects.filter(
        panel__programme__year=year,
        panel__kind=Panel.Kind.FINAL,
        panel__released_at__lt=_after(period_end(year, as_of)),
    ).count()


def benefits_used(year: int, as_of: datetime.date) -> Decimal | None:
    """Post-award benefits of the year's programme used by the day, as a percentage of those granted by then."""
    end = period_end(year, as_of)
    granted = SupportGrant.objects.filter(benefit__programme__year=year, issued_on__lte=end)
    used = granted.filter(use=SupportGrant.Use.USED, used_on__lte=end)
    return percent(used.count(), granted.count())


def newsletter_editions(year: int, as_of: datetime.date) -> int:
    """Newsletter editions sent for publishing days from 1 January to the day."""
    return Edition.objects.filter(
        state=Edition.State.SENT, publishing_date__range=(_first(year), period_end(year, as_of))
    ).count()


def archive_reports(year: int, as_of: datetime.date) -> int:
    """Reports posted to the archive from 1 January to the day (by 게시일)."""
    return ArchiveReport.objects.filter(posted_on__range=(_first(year), period_end(year, as_of))).count()


def promotions_relayed(year: int, as_of: datetime.date) -> int:
    """Partner agencies' promotions accepted and posted from 1 January to the day (not later than now)."""
    start = timezone.make_aware(datetime.datetime.combine(_first(year), datetime.time()))
    return Promotion.objects.filter(
        status=ReviewStatus.APPLIED,
        post__publish_at__gte=start,
        post__publish_at__lt=min(_after(period_end(year, as_of)), timezone.now()),
    ).count()


def mailings(year: int, as_of: datetime.date) -> int:
    """Announcement e-mailings ordered from 1 January to the day."""
    return announcement_deliveries(year).filter(ordered_at__lt=_after(period_end(year, as_of))).count()


def homepage_visits(year: int, as_of: datetime.date) -> int:
    """Homepage visits from 1 January to the day: each month over by then at its figure (imported, else
    recorded), the month in course by the visits recorded up to the day."""
    end = period_end(year, as_of)
    if end < _first(year):
        return 0
    months = monthly_visits_of([year])[year]
    total = sum(visits or 0 for month, visits in months.items() if month < end.month)
    month_over = (end + datetime.timedelta(days=1)).month != end.month
    if month_over:
        return total + (months[end.month] or 0)
    recorded = DailyVisits.objects.filter(day__range=(end.replace(day=1), end)).aggregate(visits=Sum("visits"))
    return total + (recorded["visits"] or 0)


def event_attendance(year: int, as_of: datetime.date) -> int:
    """People checked in (walk-ins included) at the year's published events held from 1 January to the day."""
    end = period_end(year, as_of)
    if end < _first(year):
        return 0
    return sum(event.checked_in_count for event in events_in(_first(year), end))


def press_articles(year: int, as_of: datetime.date) -> int:
    """Press articles about the alliance's events published from 1 January to the day (events' press_count)."""
    end = period_end(year, as_of)
    return press_count(_first(year), end) if end >= _first(year) else 0


@dataclass(frozen=True)
class Source:
    label: object
    function: Callable[[int, datetime.date], Number]


SOURCES: dict[str, Source] = {
    "members_current": Source(_("Members on the day"), members_current),
    "members_change": Source(_("Change in members on the last year-end"), members_change),
    "steering_meetings_held": Source(_("Steering-committee meetings held"), steering_meetings_held),
    "subcommittee_meetings_held": Source(_("Subcommittee meetings held"), subcommittee_meetings_held),
    "meetings_held_of_planned": Source(_("Meetings held of those planned (%)"), meetings_held_of_planned),
    "proposals_approved": Source(_("Policy proposals approved"), proposals_approved),
    "competition_groups": Source(_("Project groups in the competition"), competition_groups),
    "competition_companies": Source(_("Companies in the competition's groups"), competition_companies),
    "awards": Source(_("Groups awarded"), awards),
    "benefits_used": Source(_("Post-award benefits used of those granted (%)"), benefits_used),
    "newsletter_editions": Source(_("Newsletter editions sent"), newsletter_editions),
    "archive_reports": Source(_("Reports posted to the archive"), archive_reports),
    "promotions_relayed": Source(_("Agency promotions posted"), promotions_relayed),
    "mailings": Source(_("Announcement e-mailings"), mailings),
    "homepage_visits": Source(_("Homepage visits"), homepage_visits),
    "event_attendance": Source(_("People checked in at events"), event_attendance),
    "press_articles": Source(_("Press articles about the events"), press_articles),
}


def source_choices() -> list[tuple[str, str]]:
    return [(name, str(source.label)) for name, source in SOURCES.items()]


# ---------------------------------------------------------------- indicators


def entered_actual(indicator: Indicator, year: int, as_of: datetime.date) -> Decimal | None:
    return (
        IndicatorValue.objects.filter(indicator=indicator, on__range=(_first(year), period_end(year, as_of)))
        .order_by("-on", "-pk")
        .values_list("value", flat=True)
        .first()
    )


def actual(indicator: Indicator, year: int, as_of: datetime.date) -> Number:
    """The indicator's actual for `year` as of `as_of` (the module's rules); None when it has none."""
    if indicator.kind == IndicatorKind.ENTERED:
        return entered_actual(indicator, year, as_of)
    source = SOURCES.get(indicator.source)
    return source.function(year, as_of) if source else None


@dataclass(frozen=True)
class IndicatorRow:
    indicator: Indicator
    baseline: Decimal | None
    target: Decimal | None
    actual: Number

    @property
    def achieved(self) -> Decimal | None:
        """The actual as a percentage of the target."""
        if self.actual is None or not self.target:
            return None
        return (Decimal(self.actual) * 100 / self.target).quantize(TENTH, rounding=ROUND_HALF_UP)


def indicator_rows(year: int, as_of: datetime.date) -> list[IndicatorRow]:
    """Every indicator in its order with its baseline, the year's target and the actual as of the day."""
    indicators = list(Indicator.objects.prefetch_related("targets"))
    rows = []
    for indicator in indicators:
        target = next((row.target for row in indicator.targets.all() if row.year == year), None)
        rows.append(IndicatorRow(indicator, indicator.baseline, target, actual(indicator, year, as_of)))
    return rows


def plain_number(value: Number) -> int | float | None:
    """A figure as JSON prints it: a whole number as an integer, else a float."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    return int(value) if value == value.to_integral_value() else float(value)


def kpi_report(year: int, as_of: datetime.date) -> dict:
    """The year's indicators as of the day, in the shape `kpi_report --format json` prints."""
    return {
        "year": year,
        "as_of": as_of.isoformat(),
        "indicators": [
            {
                "name": row.indicator.name,
                "unit": row.indicator.unit,
                "baseline": plain_number(row.baseline),
                "target": plain_number(row.target),
                "actual": plain_number(row.actual),
            }
            for row in indicator_rows(year, as_of)
        ],
    }
