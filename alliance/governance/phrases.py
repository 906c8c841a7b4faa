"""The Korean labels of the governance app's audit actions. Each area adds its own `register_actions` call."""

from django.utils.translation import gettext_lazy as _

from alliance.core.audit import register_actions

# ---- minutes -------------------------------------------------------------------------------------------------
register_actions(
    {
        "governance.minutes.started": _("Minutes drafted from the agenda"),
        "governance.minutes.item_updated": _("Minutes item edited"),
        "governance.minutes.item_added": _("Minutes item added"),
        "governance.minutes.file_added": _("File added to the minutes"),
        "governance.minutes.file_removed": _("File removed from the minutes"),
        "governance.minutes.action_done": _("Action item ticked"),
        "governance.minutes.circulate": _("Minutes circulated for comments"),
        "governance.minutes.reopen": _("Minutes reopened for editing"),
        "governance.minutes.confirm": _("Minutes confirmed"),
        "governance.minutes.correction_started": _("Correction of confirmed minutes started"),
        "governance.minutes.commented": _("Comment on the minutes"),
    }
)

# ---- govbase: bodies, people, seats, participation, the year copy --------------------------------------------
register_actions(
    {
        "governance.body.created": _("Committee created"),
        "governance.body.updated": _("Committee updated"),
        "governance.person.created": _("Committee member registered"),
        "governance.person.updated": _("Committee member's details updated"),
        "governance.seat.added": _("Seat added"),
        "governance.seat.updated": _("Seat updated"),
        "governance.seat.ended": _("Seat ended"),
        "governance.seat.ex_officio_added": _("Subcommittee chair seated on the steering committee ex officio"),
        "governance.seat.ex_officio_ended": _("Ex officio steering seat ended"),
        "governance.seat.term_extended": _("Term extended by a steering decision"),
        "governance.participation.joined": _("Member company joined a subcommittee"),
        "governance.participation.left": _("Member company left a subcommittee"),
        "governance.year.copied": _("Committees copied to the next year"),
        "governance.year.loaded": _("Committees loaded from a file"),
    }
)

# ---- meetings: preparation, invitations, replies, attendance, decisions ----------------------------------------
register_actions(
    {
        "governance.meeting.created": _("Meeting created"),
        "governance.meeting.updated": _("Meeting updated"),
        "governance.agenda.added": _("Agenda item added"),
        "governance.agenda.updated": _("Agenda item updated"),
        "governance.agenda.moved": _("Agenda item moved"),
        "governance.agenda.removed": _("Agenda item removed"),
        "governance.paper.added": _("Meeting paper added"),
        "governance.paper.removed": _("Meeting paper removed"),
        "governance.meeting.invited": _("Meeting invitations sent"),
        "governance.meeting.reminded": _("Meeting reminders sent"),
        "governance.meeting.replied": _("Reply to a meeting invitation"),
        "governance.attendance.recorded": _("Attendance recorded"),
        "governance.decision.recorded": _("Decision recorded"),
    }
)
