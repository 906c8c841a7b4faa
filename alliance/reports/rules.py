"""Who may do what with the compiled documents: the yearly plan, the indicators and the quarterly briefing are the
secretariat's (every other signed-in role gets 404)."""

import rules

from alliance.core.rules import is_secretariat

# The yearly plan (추진 일정, 추진계획): staff read the grid and keep their own items.
rules.add_perm("reports.manage_plan", is_secretariat)
# Indicators (추진계획 및 성과지표): staff read them, set targets and enter values with evidence.
rules.add_perm("reports.manage_indicators", is_secretariat)
# The quarterly steering-committee briefing (운영위원회 자료): staff generate, edit, download and freeze it.
rules.add_perm("reports.manage_briefings", is_secretariat)
