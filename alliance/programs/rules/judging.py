"""Who may see what in judging.

Evaluators see only the panels of programmes they take part in and only their own assignments; before they
have declared their ties and signed the panel's pledge they see no proposal. Everything else answers 404.
Staff run the panels. A group's own representatives see its result once released.
Registered at start-up through alliance/programs/rules.py.
"""

import rules

from alliance.core.permissions import require_object_permission
from alliance.core.roles import Role
from alliance.core.rules import has_role, is_secretariat
from alliance.programs.models import Assignment, Panel, Pledge, ProgrammeEvaluator

is_evaluator = has_role(Role.EVALUATOR)


@rules.predicate
def judges_programme_of(user, panel) -> bool:
    """An evaluator of the panel's programme."""
    return panel is not None and ProgrammeEvaluator.objects.filter(programme_id=panel.programme_id, user=user).exists()


@rules.predicate
def has_pledged(user, panel) -> bool:
    """Ties declared for the programme and this panel's pledge signed: only then are proposals shown."""
    if panel is None or not getattr(user, "pk", None):
        return False
    declared = ProgrammeEvaluator.objects.filter(
        programme_id=panel.programme_id, user=user, ties_declared_at__isnull=False
    ).exists()
    return declared and Pledge.objects.filter(panel=panel, evaluator=user).exists()


@rules.predicate
def is_assigned(user, assignment) -> bool:
    return assignment is not None and assignment.evaluator_id == getattr(user, "pk", None)


rules.add_perm("programs.run_judging", is_secretariat)
rules.add_perm("programs.evaluate", is_evaluator)
rules.add_perm("programs.judge_panel", is_evaluator & judges_programme_of)
rules.add_perm("programs.see_proposals", has_pledged)
rules.add_perm("programs.score_assignment", is_evaluator & is_assigned)


def evaluator_panel(user, pk: int) -> Panel:
    """A panel of a programme the evaluator takes part in; 404 otherwise."""
    panel = Panel.objects.filter(pk=pk).select_related("programme").first()
    require_object_permission(user, "programs.judge_panel", panel)
    return panel


def own_assignment(user, pk: int) -> Assignment:
    """One of the evaluator's own assignments; anyone else's is 404."""
    assignment = (
        Assignment.objects.filter(pk=pk)
        .select_related("panel", "panel__programme", "group", "group__track", "group__lead")
        .first()
    )
    require_object_permission(user, "programs.score_assignment", assignment)
    return assignment
