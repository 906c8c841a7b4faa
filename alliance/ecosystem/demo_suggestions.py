"""Demo suggestions: the draft map's companies without a confirmed placement get suggestions waiting for
review, made by the same service staff use (the classifier trained on the demo's confirmed placements).
Called by demo.load_demo; deterministic (the classifier has no randomness), a few seconds."""

from django.utils.translation import gettext as _

from alliance.ecosystem.models import PlacementSuggestion
from alliance.ecosystem.services.suggestions import generate_suggestions


def load(*, taxonomy, seed: int) -> str:
    generate_suggestions(actor=None, taxonomy=taxonomy)
    waiting = PlacementSuggestion.objects.filter(taxonomy=taxonomy, status=PlacementSuggestion.Status.WAITING)
    players = waiting.values("player_id").distinct().count()
    return _("Suggestions waiting for review: %(players)s companies.") % {"players": f"{players:,}"}
