"""Background work of the ecosystem app. Each task takes ids, loads, and calls one service."""

from django_tasks import task

from alliance.core.models import User
from alliance.ecosystem.models import Taxonomy
from alliance.ecosystem.services.suggestions import generate_suggestions as generate


@task
def generate_suggestions(taxonomy_id: int, actor_id: int | None = None) -> int:
    """Fresh placement suggestions for the year's players without a confirmed placement."""
    taxonomy = Taxonomy.objects.get(pk=taxonomy_id)
    actor = User.objects.filter(pk=actor_id).first() if actor_id else None
    return generate(actor=actor, taxonomy=taxonomy)
