"""The regulation app's shared reads."""

from alliance.regulation.models import Checklist, SelfCheck


def current_checklist(year: int) -> Checklist | None:
    """The year's latest published version (what a new answer is given on), None before one is published."""
    return Checklist.objects.filter(year=year, published_at__isnull=False).order_by("-number").first()


def latest_version(year: int) -> Checklist | None:
    """The year's newest version, published or draft (what the subcommittee edits)."""
    return Checklist.objects.filter(year=year).order_by("-number").first()


def checklist_years() -> list[int]:
    return list(Checklist.objects.order_by("-year").values_list("year", flat=True).distinct())


def previous_result(organisation_id: int, year: int) -> SelfCheck | None:
    """The company's latest submitted answer of an earlier year (compared with this year's)."""
    return (
        SelfCheck.objects.filter(organisation_id=organisation_id, year__lt=year, submitted_at__isnull=False)
        .select_related("checklist")
        .order_by("-year")
        .first()
    )


def latest_score_of(organisation_id: int) -> SelfCheck | None:
    """The company's latest submitted self-check (shown to a programme's evaluators when it says so)."""
    return (
        SelfCheck.objects.filter(organisation_id=organisation_id, submitted_at__isnull=False).order_by("-year").first()
    )
