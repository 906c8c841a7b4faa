"""Phrases the programs app reuses, and the Korean labels of its audit actions.

Other helpers add their actions to this one `register_actions` call or a call of their own below.
"""

from django.utils.translation import gettext_lazy as _

from alliance.core.audit import register_actions

register_actions(
    {
        "programs.programme.created": _("Programme created"),
        "programs.programme.updated": _("Programme rules updated"),
        "programs.programme.rule_locked": _("Ranking rule locked"),
        "programs.stage.updated": _("Programme stage updated"),
        "programs.track.saved": _("Track saved"),
        "programs.rubric.saved": _("Rubric saved"),
        "programs.awards.saved": _("Awards saved"),
        "programs.group.formed": _("Project group formed"),
        "programs.group.partner_invited": _("Partner company invited"),
        "programs.group.partner_removed": _("Partner company removed"),
        "programs.group.partner_confirmed": _("Partner company confirmed"),
        "programs.proposal.saved": _("Proposal draft saved"),
        "programs.proposal.submitted": _("Proposal submitted"),
        "programs.attachment.added": _("Attachment added"),
        "programs.attachment.removed": _("Attachment removed"),
        "programs.deadline.extended": _("Deadline extended"),
    }
)

SAVED = _("Saved.")
NOT_FOUND = _("No such project group.")
