"""The post-award support objects of the permission matrix's world (called from url_expectations.build_world)."""

from alliance.core.tests.url_matrix import only, staff_only
from alliance.programs.models import SupportBenefit, SupportGrant, Winner

SUPPORT_EXPECTED = {
    "programs:support_record": staff_only(),
    "programs:support_xlsx": staff_only(),
    # Staff and the awarded group's lead representative (who records its own use).
    "programs:support_grant": only({"staff": 200, "rep_a": 200}),
    # The awarded group's companies and staff; anyone else is told nothing exists.
    "programs:support_certificate": only({"staff": 200, "rep_a": 200}),
}
SUPPORT_PK_OF = {
    "programs:support_record": "programme",
    "programs:support_xlsx": "programme",
    "programs:support_grant": "support_grant",
    "programs:support_certificate": "support_grant",
}
SUPPORT_COUNTED = (SupportBenefit, SupportGrant)


def build_support_world(world) -> dict:
    """Org A's group won the 2026 final panel's first SW place and holds the NIPA bonus-point certificate."""
    group, panel = world["group"], world["judging_panel"]
    winner = Winner.objects.create(panel=panel, track=group.track, group=group, place=1, award_name="대상")
    benefit = SupportBenefit.objects.get(programme=world["programme"], code="NIPA")
    grant = SupportGrant.objects.create(benefit=benefit, winner=winner, number="2026-NIPA-001", issued_on="2026-12-10")
    return {"support_grant": grant}
