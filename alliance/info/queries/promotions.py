"""Reads of partner agencies' promotions: a liaison's own, the staff's review queue, the newsletter's
candidates (accepted, their period running) and the count the quarterly briefing takes."""

import datetime

from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.utils import timezone

from alliance.agencies.models import Agency, AgencyLiaison
from alliance.core.dates import period_moments
from alliance.core.models import ReviewStatus
from alliance.info.models import Promotion


def agency_of_liaison(user) -> Agency | None:
    """The agency `user` speaks for (None for anyone who is not a liaison)."""
    liaison = (
        AgencyLiaison.objects.filter(user=user).select_related("agency").first() if user.is_authenticated else None
    )
    return liaison.agency if liaison else None


def agency_promotions(agency: Agency) -> QuerySet[Promotion]:
    return Promotion.objects.filter(agency=agency).select_related("post").order_by("-submitted_at", "-id")


def review_queue() -> QuerySet[Promotion]:
    """Every promotion for staff: those awaiting review first (oldest first), then the rest, newest first."""
    waiting = Case(When(status=ReviewStatus.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField())
    return (
        Promotion.objects.select_related("agency", "post")
        .annotate(waiting=waiting)
        .order_by("waiting", "-submitted_at", "-id")
    )


def running_promotions(first_day: datetime.date, last_day: datetime.date) -> QuerySet[Promotion]:
    """Accepted promotions whose period overlaps the days (the newsletter's candidates)."""
    return (
        Promotion.objects.filter(status=ReviewStatus.APPLIED, starts_on__lte=last_day, ends_on__gte=first_day)
        .select_related("agency", "post")
        .order_by("starts_on", "id")
    )


def promotions_relayed(year: int, quarter: int | None = None) -> int:
    """How many promotions were relayed (accepted and posted) in the quarter, or the year when `quarter` is
    None, by the time their post went up (Korean time): the quarterly briefing's 유관기관 홍보 count."""
    start, end = period_moments(year, quarter)
    return Promotion.objects.filter(
        status=ReviewStatus.APPLIED, post__publish_at__gte=start, post__publish_at__lt=min(end, timezone.now())
    ).count()
