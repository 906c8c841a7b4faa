"""Who may do what with events.

The door (check-in, walk-ins, the arrival counter, badges, attendance) and what follows the event (photos,
press coverage, the survey, awards and the IR pitching order) are the secretariat's.
"""

import rules

from alliance.core.rules import is_secretariat

# ---- the door and after the event --------------------------------------------------------------------------------
rules.add_perm("events.check_in", is_secretariat)
rules.add_perm("events.manage_awards", is_secretariat)
rules.add_perm("events.manage_coverage", is_secretariat)
