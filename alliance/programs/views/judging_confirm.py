"""What judging's mass actions say before they act (core/confirm.py): automatic assignment, seating the final
panel, closing a panel, selecting the groups that go on, placing the winners and releasing the results with
their e-mails; and the preview of the result e-mail that the release's confirmation page frames."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from alliance.core.confirm import GROUPS, RECORDS, Confirmation, email_preview_response
from alliance.core.models import User
from alliance.core.permissions import permission_required
from alliance.programs.models import Absence, Panel, ProjectGroup, Winner
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service
from alliance.programs.services import results as results_service
from alliance.programs.services import stage_emails


def _panel_url(panel: Panel) -> str:
    return reverse("programs:panel_detail", args=[panel.pk])


def _results_url(panel: Panel) -> str:
    return reverse("programs:panel_results", args=[panel.pk])


def _pair(evaluator: str, group: str) -> str:
    return _("%(evaluator)s → %(group)s") % {"evaluator": evaluator, "group": group}


def automatic_confirmation(panel: Panel) -> Confirmation:
    pairs = [] if panel.is_closed else assignment_service.plan_automatic_assignment(panel)
    users = dict(User.objects.filter(pk__in={ev for ev, _g in pairs}).values_list("pk", "name"))
    groups = dict(ProjectGroup.objects.filter(pk__in={g for _ev, g in pairs}).values_list("pk", "name"))
    refusals = []
    if panel.is_closed:
        refusals.append(_("The panel is closed; assignments can no longer change."))
    elif not pairs:
        refusals.append(_("Every group already has its evaluators, or no evaluator is free of conflicts."))
    return Confirmation(
        title=_("Assign evaluators automatically"),
        summary=_(
            "Each group of %(panel)s receives up to %(count)s evaluators, loads balanced, conflicts of interest "
            "excluded; existing assignments stay."
        )
        % {"panel": panel, "count": panel.evaluators_per_group},
        count=len(pairs),
        unit=RECORDS,
        names=[_pair(users[ev], groups[group]) for ev, group in pairs],
        refusals=refusals,
        cancel_url=_panel_url(panel),
        confirm_label=_("Add the assignments"),
    )


def seating_confirmation(panel: Panel) -> Confirmation:
    refusals = []
    if panel.kind != Panel.Kind.FINAL:
        refusals.append(_("Only the final panel seats every judge for every group."))
    elif panel.is_closed:
        refusals.append(_("The panel is closed; assignments can no longer change."))
    assignments, recusals = ([], []) if refusals else assignment_service.plan_final_seating(panel)
    if not refusals and not assignments and not recusals:
        refusals.append(_("Every final judge is already seated for every finalist."))
    warnings = []
    if recusals:
        warnings.append(
            _("%(count)s conflicts of interest are recorded as recusals: %(list)s")
            % {
                "count": len(recusals),
                "list": ", ".join(_pair(absence.judge.name, absence.group.name) for absence in recusals[:10]),
            }
        )
    return Confirmation(
        title=_("Seat every judge for every finalist"),
        summary=_("Every final judge is assigned every group that went on, except where a conflict makes them recuse."),
        count=len(assignments),
        unit=RECORDS,
        names=[_pair(item.evaluator.name, item.group.name) for item in assignments],
        warnings=warnings,
        refusals=refusals,
        cancel_url=_panel_url(panel),
        confirm_label=_("Seat the judges"),
    )


def closing_confirmation(panel: Panel) -> Confirmation:
    groups = list(assignment_service.panel_groups(panel).order_by("name").values_list("name", flat=True))
    refusals = [_("The panel is already closed.")] if panel.is_closed else panel_service.closing_refusals(panel)
    warnings = []
    if absences := Absence.objects.filter(panel=panel).count():
        warnings.append(
            _("%(count)s recorded absences or recusals: those score sheets stay empty.") % {"count": absences}
        )
    return Confirmation(
        title=_("Close the panel"),
        summary=_(
            "The scores of %(panel)s become final: evaluators can no longer change them, and the results can be "
            "computed and released."
        )
        % {"panel": panel},
        count=len(groups),
        unit=GROUPS,
        names=groups,
        warnings=warnings,
        refusals=refusals,
        cancel_url=_panel_url(panel),
        confirm_label=_("Close the panel"),
    )


def screening_confirmation(panel: Panel) -> Confirmation:
    try:
        outcomes, refusals = results_service.plan_screening(panel), []
    except ValidationError as error:
        outcomes, refusals = [], error.messages
    advancing = sum(outcome.advances for outcome in outcomes)
    outcomes.sort(key=lambda outcome: not outcome.advances)
    warnings = []
    if not refusals and panel.outcomes.exists():
        warnings.append(_("The groups selected earlier are replaced by this selection."))
    return Confirmation(
        title=_("Select the groups that go on"),
        summary=_("%(advancing)s of %(total)s ranked groups go on to the next stage; the others stop here.")
        % {"advancing": advancing, "total": len(outcomes)},
        count=len(outcomes),
        unit=GROUPS,
        names=[
            (_("%(group)s: goes on") if outcome.advances else _("%(group)s: does not go on"))
            % {"group": outcome.group.name}
            for outcome in outcomes
        ],
        warnings=warnings,
        refusals=refusals,
        cancel_url=_results_url(panel),
        confirm_label=_("Record the selection"),
    )


def _winner_label(winner: Winner) -> str:
    return _("%(track)s, place %(place)s (%(award)s): %(group)s") % {
        "track": winner.track.name,
        "place": winner.place,
        "award": winner.award_name,
        "group": winner.group.name,
    }


def winners_confirmation(panel: Panel) -> Confirmation:
    try:
        (placed, overrides), refusals = results_service.plan_winners(panel), []
    except ValidationError as error:
        placed, overrides, refusals = [], [], error.messages
    warnings = []
    if overrides:
        warnings.append(_("%(count)s places set by staff overrides stay as they are.") % {"count": len(overrides)})
    if not refusals and Winner.objects.filter(panel=panel, is_override=False).exists():
        warnings.append(_("The places filled earlier from the ranking are replaced."))
    return Confirmation(
        title=_("Place the winners from the ranking"),
        summary=_("The top groups of each track take its award places, in rank order."),
        count=len(placed) + len(overrides),
        unit=GROUPS,
        names=[_winner_label(winner) for winner in sorted([*placed, *overrides], key=lambda w: (w.track_id, w.place))],
        warnings=warnings,
        refusals=refusals,
        cancel_url=_results_url(panel),
        confirm_label=_("Place the winners"),
    )


def release_confirmation(panel: Panel) -> Confirmation:
    refusals = []
    if panel.is_closed and (missing := panel_service.missing_scores(panel)):
        refusals.append(
            _("%(count)s score sheets are incomplete (a score was withdrawn after closing): the results are not final.")
            % {"count": len(missing)}
        )
    refusals += results_service.release_refusals(panel)
    ranked = [] if refusals else stage_emails.results_recipients(panel)
    warnings = []
    if unreachable := [group.name for group, addresses in ranked if not addresses]:
        warnings.append(
            _(
                "%(count)s groups have no representative with an e-mail address and only see their result on the "
                "site: %(list)s"
            )
            % {"count": len(unreachable), "list": ", ".join(unreachable[:10])}
        )
    if panel.kind == Panel.Kind.FINAL and not refusals:
        warnings.append(
            _("The %(count)s winners also receive an e-mail with their award.") % {"count": panel.winners.count()}
        )
    if not refusals and not ranked:
        refusals.append(_("No group is ranked: there is no result to release."))
    summary = _(
        "Applicants see their own result and may object; each group's representatives receive its result by e-mail."
    )
    if panel.kind == Panel.Kind.FINAL:
        summary += " " + _("The public results page shows the final results.")
    return Confirmation(
        title=_("Release the results"),
        summary=summary,
        count=len(ranked),
        unit=GROUPS,
        names=[
            f"{group.name} ({', '.join(addresses)})"
            if addresses
            else _("%(group)s (no e-mail address)") % {"group": group.name}
            for group, addresses in ranked
        ],
        warnings=warnings,
        refusals=refusals,
        cancel_url=_results_url(panel),
        confirm_label=_("Release the results"),
        preview_url=reverse("programs:panel_results_preview", args=[panel.pk]) if ranked else "",
        sample_email=(lambda: stage_emails.result_email_sample(panel)) if ranked else None,
    )


RESULTS_CONFIRMATIONS = {
    "screening": screening_confirmation,
    "winners": winners_confirmation,
    "release": release_confirmation,
}
PANEL_CONFIRMATIONS = {
    "auto": automatic_confirmation,
    "seat": seating_confirmation,
    "close": closing_confirmation,
}


@permission_required("programs.run_judging")
@require_GET
def panel_results_preview(request, pk: int):
    """The result e-mail of the first ranked group, for the release's confirmation page."""
    panel = get_object_or_404(Panel.objects.select_related("programme"), pk=pk)
    message = stage_emails.result_email_sample(panel)
    if message is None:
        raise Http404
    return email_preview_response(message)
