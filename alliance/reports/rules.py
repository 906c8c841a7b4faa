"""Who may do what with the compiled documents: the yearly plan and the indicators are the secretariat's."""

import rules

from alliance.core.rules import is_secretariat

# The yearly plan (추진 일정, 추진계획): staff read the grid and keep their own items.
rules.add_perm("reports.manage_plan", is_secretariat)
# Indicators (추진계획 및 성과지표): staff read them, set targets and enter values with evidence.
rules.add_perm("reports.manage_indicators", is_secretariat)
