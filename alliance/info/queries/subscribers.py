"""Reads of the newsletter's subscribers: the staff list's filters and counts, the recipients of an edition."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from alliance.info.models import Consent, Subscriber

State = Subscriber.State
MEMBER_Q = Q(user__isnull=False) | Q(organisation__isnull=False)


@dataclass(frozen=True)
class SubscriberFilters:
    state: str = ""
    kind: str = ""  # "member" | "public" | ""
    advertising: str = ""  # "yes" | "no" | ""
    query: str = ""


def filtered_subscribers(filters: SubscriberFilters) -> QuerySet:
    found = Subscriber.objects.select_related("organisation")
    if filters.state:
        found = found.filter(state=filters.state)
    if filters.kind == "member":
        found = found.filter(MEMBER_Q)
    elif filters.kind == "public":
        found = found.exclude(MEMBER_Q)
    if filters.advertising == "yes":
        found = found.filter(state=State.ACTIVE, advertising=True, advertising_suspended_at__isnull=True)
    elif filters.advertising == "no":
        found = found.exclude(state=State.ACTIVE, advertising=True, advertising_suspended_at__isnull=True)
    if filters.query:
        found = found.filter(Q(email__icontains=filters.query) | Q(name__icontains=filters.query))
    return found.order_by("email")


def subscriber_counts() -> dict[str, int]:
    """How many addresses in each state, active members and public, and active with advertising."""
    active = Q(state=State.ACTIVE)
    counts = Subscriber.objects.aggregate(
        total=Count("pk"),
        **{state.value: Count("pk", filter=Q(state=state)) for state in State},
        active_members=Count("pk", filter=active & MEMBER_Q),
        active_advertising=Count("pk", filter=active & Q(advertising=True, advertising_suspended_at__isnull=True)),
    )
    counts["active_public"] = counts[State.ACTIVE] - counts["active_members"]
    return counts


def edition_recipients(*, advertising: bool) -> QuerySet:
    """Who an edition goes to: every active subscriber; for an edition carrying advertising, only those whose
    consent to advertising is current (정보통신망법 §50)."""
    found = Subscriber.objects.filter(state=State.ACTIVE)
    if advertising:
        found = found.filter(advertising=True, advertising_suspended_at__isnull=True)
    return found.order_by("pk")


def consent_history(subscriber: Subscriber) -> QuerySet:
    return Consent.objects.filter(subscriber=subscriber).select_related("actor").order_by("-at", "-id")
