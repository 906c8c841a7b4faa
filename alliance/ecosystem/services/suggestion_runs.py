"""Asking for fresh placement suggestions: the staff's request, which the `generate_suggestions` task serves.

Rule: only the request is recorded here; the suggester runs in the background (it reads every player's text
and may take a while) and records its own `ecosystem.suggestions.generated` entry when done.
Side effects: audit `ecosystem.suggestions.requested` (on the taxonomy); the task, queued once the
transaction commits.
"""

from django.db import transaction

from alliance.core.audit import record_audit
from alliance.core.tasks import enqueue_on_commit
from alliance.ecosystem.models import Taxonomy
from alliance.ecosystem.tasks import generate_suggestions


def request_suggestions(*, actor, taxonomy: Taxonomy) -> None:
    """Queue fresh suggestions for every player of `taxonomy`'s map without a confirmed placement."""
    actor_id = actor.pk if getattr(actor, "is_authenticated", False) else None
    with transaction.atomic():
        record_audit(action="ecosystem.suggestions.requested", actor=actor, target=taxonomy)
        enqueue_on_commit(generate_suggestions, taxonomy_id=taxonomy.pk, actor_id=actor_id)
