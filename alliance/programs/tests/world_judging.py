"""The judging objects of the permission matrix's world (called from url_expectations.build_world)."""

from alliance.programs.models import Panel
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service


def build_judging_world(world) -> dict:
    """The matrix's evaluator judges org A's group on the 2026 final panel, ties declared and pledge signed.

    Evaluator B sits on the same panel, declared and pledged too, but is not assigned org A's group.
    """
    programme, evaluator = world["programme"], world["users"]["evaluator"]
    panel = panel_service.open_panel(actor=None, programme=programme, kind=Panel.Kind.FINAL)
    for judge in (evaluator, world["users"]["evaluator_b"]):
        assignment_service.add_evaluator(actor=None, programme=programme, user=judge, judges_final=True)
        assignment_service.declare_ties(user=judge, programme=programme, organisations=[])
        panel_service.sign_pledge(user=judge, panel=panel, signed_name=judge.name)
    assignment = assignment_service.assign_evaluator(actor=None, panel=panel, user=evaluator, group=world["group"])
    return {"judging_panel": panel, "judging_assignment": assignment}
