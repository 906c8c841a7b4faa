"""A player's public card on a year's map: placement, technologies, fields, revenue band, links. No contacts."""

from dataclasses import dataclass

from alliance.ecosystem.landscape.grid import REVENUE_BANDS, revenue_band
from alliance.ecosystem.models import Placement


@dataclass(frozen=True)
class Card:
    pk: int
    name: str
    description: str
    path: list[str]
    other_paths: list[list[str]]
    technologies: list[str]
    fields: list[str]
    band_label: str
    homepage: str
    directory_url: str
    logo_url: str
    organisation_id: int | None = None


def _node_path(node) -> list[str]:
    names = []
    while node is not None:
        names.append(node.name)
        node = node.parent
    return names[::-1]


def player_card(*, year: int, player_pk: int, logo_prefix: str = "") -> Card | None:
    """What the public card of a confirmed player of `year` shows (no contacts), or None."""

    deep_parent = "primary__parent__parent__parent"
    placement = (
        Placement.objects.filter(taxonomy__year=year, player_id=player_pk, status=Placement.Status.CONFIRMED)
        .select_related("player__organisation", deep_parent)
        .prefetch_related("technologies", "fields", "secondary__parent__parent")
        .first()
    )
    if placement is None:
        return None
    player = placement.player
    organisation = player.organisation
    is_listed = organisation is not None and organisation.withdrawn_on is None
    homepage = player.homepage or (organisation.homepage if organisation else "")
    return Card(
        pk=player.pk,
        name=player.name,
        description=player.description,
        path=_node_path(placement.primary),
        other_paths=[_node_path(node) for node in placement.secondary.all()],
        technologies=[technology.name for technology in placement.technologies.all()],
        fields=[application_field.name for application_field in placement.fields.all()],
        band_label=str(REVENUE_BANDS[revenue_band(placement.revenue)][1]),
        homepage=homepage if homepage.startswith(("http://", "https://")) else "",
        directory_url=organisation.get_absolute_url() if is_listed else "",
        organisation_id=player.organisation_id,
        logo_url=f"{logo_prefix}{player.logo.name.rsplit('/', 1)[-1]}" if player.logo else "",
    )
