"""Press coverage of the alliance's events (seed 001: "총 88건 기사보도"): counts for the quarterly briefing and the
indicators, lists for the pages."""

import datetime

from alliance.events.models import EventPhoto, PressArticle


def press_count(start: datetime.date, end: datetime.date) -> int:
    """Articles published from `start` to `end` (both included), about any event; one query."""
    return PressArticle.objects.filter(published_on__gte=start, published_on__lte=end).count()


def articles_of(event) -> list[PressArticle]:
    """The event's articles, newest first, by outlet."""
    return list(PressArticle.objects.filter(event=event).order_by("-published_on", "outlet", "pk"))


def articles_between(start: datetime.date, end: datetime.date) -> list[PressArticle]:
    """Articles published from `start` to `end` with their event, in date order (the briefing's list)."""
    return list(
        PressArticle.objects.filter(published_on__gte=start, published_on__lte=end)
        .select_related("event")
        .order_by("published_on", "outlet", "pk")
    )


def after_event(event) -> dict:
    """What the event's public page shows after it: `photos` (in order) and `press_count`; two queries."""
    return {
        "photos": list(EventPhoto.objects.filter(event=event).order_by("position", "pk")),
        "press_count": PressArticle.objects.filter(event=event).count(),
    }
