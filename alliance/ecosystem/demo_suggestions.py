"""Demo suggestions: the draft map's companies without a confirmed placement get suggestions waiting for
review, made by the same service staff use (the classifier trained on the bundled labelled profiles plus the
demo's confirmed placements). Called by demo.load_demo; about 14 s on the demo's 2,400 profiles when the
model is fitted, under a second when the cache already holds it."""

from django.utils.translation import gettext as _

from alliance.ecosystem.models import PlacementSuggestion
from alliance.ecosystem.services.suggestions import generate_suggestions


def load(*, taxonomy, seed: int) -> str:
    generate_suggestions(actor=None, taxonomy=taxonomy)
    waiting = PlacementSuggestion.objects.filter(taxonomy=taxonomy, status=PlacementSuggestion.Status.WAITING)
    players = waiting.values("player_id").distinct().count()
    return _("Suggestions waiting for review: %(players)s companies.") % {"players": f"{players:,}"}
