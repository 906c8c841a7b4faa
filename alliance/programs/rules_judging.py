"""Who may see what in judging.

Evaluators see only the panels of programmes they take part in and only their own assignments; before they
have declared their ties and signed the panel's pledge they see no proposal. Everything else answers 404.
Staff run the panels. A group's own representatives see its result once released.
"""

import rules
from django.http import Http404

from alliance.core.roles import Role
from alliance.core.rules import has_role, is_secretariat
from alliance.programs.models import Assignment, Panel, ProgrammeEvaluator

is_evaluator = has_role(Role.EVALUATOR)

rules.add_perm("programs.run_judging", is_secretariat)
rules.add_perm("programs.evaluate", is_evaluator)


def require_evaluator(user) -> None:
    if not user.has_perm("programs.evaluate"):
        raise Http404


def evaluator_panel(user, pk: int) -> Panel:
    """A panel of a programme the evaluator takes part in; 404 otherwise."""
    require_evaluator(user)
    panel = Panel.objects.filter(pk=pk).select_related("programme").first()
    if panel is None or not ProgrammeEvaluator.objects.filter(programme_id=panel.programme_id, user=user).exists():
        raise Http404
    return panel


def own_assignment(user, pk: int) -> Assignment:
    """One of the evaluator's own assignments; anyone else's is 404."""
    require_evaluator(user)
    assignment = (
        Assignment.objects.filter(pk=pk, evaluator=user)
        .select_related("panel", "panel__programme", "group", "group__track", "group__lead")
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment
