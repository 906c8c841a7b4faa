"""Who may do what with events.

The door (check-in, walk-ins, the arrival counter, badges, attendance) and what follows the event (photos,
press coverage, the survey, awards and the IR pitching order) are the secretariat's.

Staff manage events, their programme, questions, guests and registrations. A signed-in member's
representative or contact (an account with an organisation) registers for an event open to members and
cancels their own registration. Everyone sees the published events and their programme; a ticket's personal
link is its own authority (core/links.py).
"""

import rules

from alliance.core.rules import has_organisation, is_secretariat, is_signed_in

# ---- events, programme and registration ----------------------------------------------------------------------
rules.add_perm("events.manage_event", is_secretariat)
rules.add_perm("events.register_as_member", is_signed_in & has_organisation)

# ---- the door and after the event --------------------------------------------------------------------------------
rules.add_perm("events.check_in", is_secretariat)
rules.add_perm("events.manage_awards", is_secretariat)
rules.add_perm("events.manage_coverage", is_secretariat)
