"""Reads of the post-award support record: the programme's winners with what each was granted, one grant with
its winner, and a group's own grants."""

from django.db.models import Prefetch

from alliance.programs.models import SupportBenefit, SupportGrant, Winner


def grants_query():
    return SupportGrant.objects.select_related(
        "benefit__programme", "winner__track", "winner__group__lead", "use_recorded_by"
    )


def winners_with_grants(panel) -> list[Winner]:
    """The panel's winners in track and place order, each with `grants` (its SupportGrants): three queries."""
    return list(
        Winner.objects.filter(panel=panel)
        .select_related("track", "group__lead")
        .prefetch_related(
            Prefetch("support_grants", queryset=SupportGrant.objects.select_related("benefit"), to_attr="grants")
        )
        .order_by("track__position", "track__code", "place")
    )


def benefits_of(programme):
    return SupportBenefit.objects.filter(programme=programme).order_by("position", "pk")


def grants_of_programme(programme):
    """Every grant of the programme, in track, place and benefit order (for the XLSX export)."""
    return (
        grants_query()
        .prefetch_related("winner__group__members__organisation")
        .filter(benefit__programme=programme)
        .order_by("winner__track__position", "winner__track__code", "winner__place", "benefit__position", "pk")
    )


def grants_of_group(group):
    """What the group was granted after its award, in benefit order."""
    return grants_query().filter(winner__group=group).order_by("benefit__position", "pk")


def grant(pk: int) -> SupportGrant | None:
    return grants_query().filter(pk=pk).first()
