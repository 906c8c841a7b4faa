"""What the ecosystem map adds to the public front page (`alliance.core.frontpage`): the players on the newest
year's map, leading to the map."""

from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.core.frontpage import Figure, FigureValue, register_figure
from alliance.ecosystem.queries import newest_map_players


def _players() -> FigureValue | None:
    newest = newest_map_players()
    if newest is None:
        return None
    year, players = newest
    label = _("Companies on the %(year)s ecosystem map") % {"year": year}
    return FigureValue(label, players, "곳", reverse("ecosystem:latest"))


register_figure(Figure("ecosystem", 20, _players))
