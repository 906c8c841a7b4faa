"""The filings as staff and the delegated agency list them (drafts are the company's own: never listed)."""

from django.db.models import Q

from alliance.core.models import ReviewStatus
from alliance.regulation.models import Filing, FilingState

STATE_Q = {
    FilingState.SUBMITTED: Q(status=ReviewStatus.PENDING, submitted_at__isnull=False),
    FilingState.RETURNED: Q(status=ReviewStatus.RETURNED),
    FilingState.RECEIVED: Q(status=ReviewStatus.APPLIED),
}


def filed():
    """Every filing past its draft."""
    return Filing.objects.exclude(status=ReviewStatus.PENDING, submitted_at__isnull=True)


def filings_listed(*, kind: str = "", platform_type: str = "", state: str = "", year: int | None = None):
    filings = filed().select_related("organisation", "changes_filing").order_by("-submitted_at", "-pk")
    if kind:
        filings = filings.filter(kind=kind)
    if platform_type:
        filings = filings.filter(platform_type=platform_type)
    if state in STATE_Q:
        filings = filings.filter(STATE_Q[state])
    if year:
        filings = filings.filter(Q(year=year) | Q(year__isnull=True, submitted_at__year=year))
    return filings


def filing_years() -> list[int]:
    years = {moment.year for moment in filed().values_list("submitted_at", flat=True) if moment}
    return sorted(years, reverse=True)


def filings_of(organisation_id: int):
    return Filing.objects.filter(organisation_id=organisation_id).select_related("changes_filing")
