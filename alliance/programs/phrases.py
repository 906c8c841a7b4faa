"""Phrases the programs app reuses, and the Korean labels of its audit actions.

Other helpers add their actions to this one `register_actions` call or a call of their own below.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.audit import register_actions, register_key_labels, register_value_formats
from alliance.programs.documents.labels import chain_label, policy_label

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
        "programs.mentor.added": _("Mentor added to the pool"),
        "programs.mentoring.matched": _("Mentor matched to a group"),
        "programs.mentoring.scheduled": _("Mentoring session scheduled"),
        "programs.mentoring.feedback": _("Mentoring feedback recorded"),
        "programs.mentoring.interim_uploaded": _("Interim results uploaded"),
    }
)

SAVED = _("Saved.")
NOT_FOUND = _("No such project group.")

# Judging (evaluators, panels, scores, results, objections).
register_actions(
    {
        "programs.evaluator.added": _("Evaluator added to the programme"),
        "programs.evaluator.updated": _("Evaluator's panels changed"),
        "programs.evaluator.ties_declared": _("Evaluator declared ties"),
        "programs.pledge.signed": _("Pledge signed"),
        "programs.assignment.added": _("Evaluator assigned"),
        "programs.assignment.removed": _("Assignment removed"),
        "programs.assignment.withdrawn": _("Assignment withdrawn for a conflict of interest"),
        "programs.assignment.automatic": _("Evaluators assigned automatically"),
        "programs.assignment.final_seated": _("Final panel seated"),
        "programs.panel.opened": _("Judging panel opened"),
        "programs.panel.absence_recorded": _("Judge's absence recorded"),
        "programs.panel.closed": _("Judging panel closed"),
        "programs.panel.order_drawn": _("Speaking order drawn"),
        "programs.panel.evaluators_notified": _("Evaluators e-mailed their assignments"),
        "programs.score.saved": _("Score saved"),
        "programs.score.amended": _("Score amended"),
        "programs.score.imported": _("Scores imported"),
        "programs.screening.decided": _("Screening outcome decided"),
        "programs.results.tie_decided": _("Tie decided by staff"),
        "programs.results.released": _("Results released"),
        "programs.winners.chosen": _("Winners placed"),
        "programs.winners.overridden": _("Winner overridden"),
        "programs.objection.lodged": _("Objection lodged"),
        "programs.objection.answered": _("Objection answered"),
        "programs.programme.loaded": _("Programme loaded from a file"),
        "programs.call.announced": _("Call announced to member representatives"),
        "programs.call.announcement_sent": _("Call announcement e-mailed"),
        "programs.call.resumed": _("Call announcement resumed for those not reached"),
        "programs.support.benefit_saved": _("Post-award benefit saved"),
        "programs.support.granted": _("Post-award benefits granted to the winners"),
        "programs.support.use_recorded": _("Use of a post-award benefit recorded"),
    }
)

# Investment consultation day (KMF 투자마켓).
register_actions(
    {
        "programs.investment.day_configured": _("Investment day set up"),
        "programs.investment.desk_added": _("Investment desk added"),
        "programs.investment.availability_changed": _("Unavailable slots changed"),
        "programs.investment.company_added": _("Company registered for the investment day"),
        "programs.investment.priority_set": _("Scheduling priority changed"),
        "programs.investment.requests_set": _("Meeting requests changed"),
        "programs.investment.declined": _("Investor declined a company"),
        "programs.investment.decline_withdrawn": _("Investor withdrew a decline"),
        "programs.investment.scheduled": _("Meetings scheduled"),
        "programs.investment.meeting_booked": _("Meeting booked"),
        "programs.investment.meeting_moved": _("Meeting moved"),
        "programs.investment.meeting_status": _("Meeting status changed"),
        "programs.investment.checked_in": _("Company checked in"),
        "programs.investment.interest_recorded": _("Investor's interest recorded"),
        "programs.investment.schedules_sent": _("Schedules e-mailed"),
    }
)

# The keys this app's services record beside a model's fields, as the history shows them.


# The keys this app's services record beside a model's fields, as the history shows them.
KEY_LABELS = {
    "mentor": pgettext_lazy("audit key", "mentor"),
    "round_number": pgettext_lazy("audit key", "round"),
    "mentoring_field": pgettext_lazy("audit key", "mentoring field"),
    "requested_investors": pgettext_lazy("audit key", "investors asked for"),
    "starts_at": pgettext_lazy("audit key", "starts at"),
    "place": pgettext_lazy("audit key", "place"),
    "feedback": pgettext_lazy("audit key", "feedback"),
    "partner": pgettext_lazy("audit key", "partner company"),
    "group": pgettext_lazy("audit key", "project group"),
    "evaluator": pgettext_lazy("audit key", "evaluator"),
    "evaluators": pgettext_lazy("audit key", "evaluators"),
    "withdrawn_scores": pgettext_lazy("audit key", "withdrawn scores"),
    "unavailable": pgettext_lazy("audit key", "unavailable"),
    "slot": pgettext_lazy("audit key", "time slot"),
    "screens": pgettext_lazy("audit key", "screens"),
    "rule": pgettext_lazy("audit key", "rule"),
    "recused": pgettext_lazy("audit key", "recused"),
    "priority": pgettext_lazy("audit key", "priority"),
    "per_group": pgettext_lazy("audit key", "per group"),
    "judges_final": pgettext_lazy("audit key", "final-round judges"),
    "judge_names": pgettext_lazy("audit key", "judges"),
    "issued_on": pgettext_lazy("audit key", "issued on"),
    "group_count": pgettext_lazy("audit key", "groups"),
    "firm": pgettext_lazy("audit key", "investment firm"),
    "desk": pgettext_lazy("audit key", "desk"),
    "deadline": pgettext_lazy("audit key", "deadline"),
    "meeting_count": pgettext_lazy("audit key", "meetings"),
    "checked_in": pgettext_lazy("audit key", "arrived"),
    "assigned": pgettext_lazy("audit key", "assigned"),
    "method": pgettext_lazy("audit key", "method"),
    "order": pgettext_lazy("audit key", "order"),
    "numbers": pgettext_lazy("audit key", "numbers"),
    "company": pgettext_lazy("audit key", "company"),
    "closed_at": pgettext_lazy("audit key", "closed at"),
    "reminded": pgettext_lazy("audit key", "reminded"),
    "person": pgettext_lazy("audit key", "person"),
    "emails": pgettext_lazy("audit key", "e-mails"),
}
register_key_labels(KEY_LABELS)


# The programme's rules as the rules form names them, never the engine's keys (trimmed_mean, common_subtotal).
register_value_formats(
    "programs.programme", {"tie_break_chain": lambda chain: chain_label(chain or ()), "absence_policy": policy_label}
)
