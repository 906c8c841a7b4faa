"""Results: the secretariat's result sheet (raw scores, dropped totals, tie-breaks, fingerprint), tie
decisions, screening, winners, release and objections; a group's own result; the public results page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance.core.confirm import confirmation_gate
from alliance.core.delivery.progress import progress_of
from alliance.core.permissions import permission_required, public
from alliance.core.versions import StaleEditError
from alliance.programs.forms.judging import AnswerForm, ObjectionForm, OverrideForm, TieDecisionForm, posted_id
from alliance.programs.models import Objection, Panel, Programme, ProjectGroup, Track, Winner
from alliance.programs.queries import judging as queries
from alliance.programs.rules import visible_group
from alliance.programs.services import objections as objection_service
from alliance.programs.services import results as service
from alliance.programs.services import stage_results
from alliance.programs.views import judging_confirm


def _results_action(request, panel) -> None:
    action = request.POST.get("action")
    if action == "tie":
        form = TieDecisionForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("Name the tied groups in order and give the reason."))
        track = get_object_or_404(Track, pk=form.cleaned_data["track"], programme_id=panel.programme_id)
        service.record_tie_decision(
            actor=request.user,
            panel=panel,
            track=track,
            order=form.cleaned_data["order"],
            reason=form.cleaned_data["reason"],
        )
    elif action == "screening":
        advancing = service.decide_screening(actor=request.user, panel=panel)
        messages.success(request, _("%(count)d groups go on to the next stage.") % {"count": advancing})
    elif action == "winners":
        service.choose_winners(actor=request.user, panel=panel)
    elif action == "override":
        groups = list(ProjectGroup.objects.filter(programme_id=panel.programme_id).values_list("pk", "name"))
        form = OverrideForm(request.POST, groups=groups)
        if not form.is_valid():
            raise ValidationError(_("Choose the group and give the reason for the override."))
        winner = get_object_or_404(Winner, pk=form.cleaned_data["winner"], panel=panel)
        group = get_object_or_404(ProjectGroup, pk=form.cleaned_data["group"], programme_id=panel.programme_id)
        service.override_winner(actor=request.user, winner=winner, group=group, reason=form.cleaned_data["reason"])
    elif action == "release":
        service.release_results(actor=request.user, panel=panel)
        messages.success(request, _("The results are released."))


@permission_required("programs.run_judging")
@require_http_methods(["GET", "POST"])
def panel_results(request, pk: int):
    panel = get_object_or_404(Panel.objects.select_related("programme"), pk=pk)
    if request.method == "POST":
        confirmation = judging_confirm.RESULTS_CONFIRMATIONS.get(request.POST.get("action"))
        if confirmation is not None and (page := confirmation_gate(request, confirmation(panel))) is not None:
            return page
        try:
            _results_action(request, panel)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("programs:panel_results", pk=pk)
    results = service.panel_results(panel)
    rule = service.rule_of(panel)
    groups_by_track: dict[int, list] = {}
    for group_id, name, track_id in ProjectGroup.objects.filter(programme_id=panel.programme_id).values_list(
        "pk", "name", "track_id"
    ):
        groups_by_track.setdefault(track_id, []).append((group_id, name))
    context = {
        "panel": panel,
        "deliveries": progress_of(panel, (service.RESULTS_MAILING, service.AWARDS_MAILING)),
        "rule": rule,
        "rule_label": queries.RULE_LABELS.get(rule["rule"], ""),
        "tie_break_chain": [queries.tie_break_label(key) for key in rule.get("tie_break_chain") or ()],
        "tracks": queries.result_sheet(panel, results),
        "outcomes": panel.outcomes.select_related("group"),
        "winners": [
            (winner, OverrideForm(initial={"winner": winner.pk}, groups=groups_by_track.get(winner.track_id, [])))
            for winner in panel.winners.select_related("group", "track")
        ],
        "tie_form": TieDecisionForm(),
        "screening_locked": service.screening_locked_reason(panel) if panel.kind == Panel.Kind.SCREENING else "",
        "tie_decisions": panel.tie_decisions.select_related("track", "decided_by"),
    }
    return render(request, "programs/judging/staff/results.html", context)


def _answer_form(objection: Objection, data=None) -> AnswerForm:
    return AnswerForm(data, initial={"objection": objection.pk, "answer": objection.answer}, version=objection.version)


@permission_required("programs.run_judging")
@require_http_methods(["GET", "POST"])
def panel_objections(request, pk: int):
    panel = get_object_or_404(Panel.objects.select_related("programme"), pk=pk)
    sent = None
    if request.method == "POST":
        objection = get_object_or_404(Objection, pk=posted_id(request, "objection"), panel=panel)
        sent = _answer_form(objection, request.POST)
        if sent.is_valid():
            try:
                objection_service.answer_objection(
                    actor=request.user,
                    objection=objection,
                    answer=sent.cleaned_data["answer"],
                    expected_version=sent.loaded_version,
                )
            except StaleEditError as error:
                sent.stale(error)  # the page again, this objection's form listing the answer saved meanwhile
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Saved."))
        if not sent.is_stale:
            return redirect("programs:panel_objections", pk=pk)
    objections = [
        (objection, sent if sent is not None and sent.initial["objection"] == objection.pk else _answer_form(objection))
        for objection in panel.objections.select_related("group", "lodged_by", "answered_by")
    ]
    return render(request, "programs/judging/staff/objections.html", {"panel": panel, "objections": objections})


@permission_required("programs.view_group", object_level=True)
@require_http_methods(["GET", "POST"])
def group_result(request, pk: int):
    """A group's own released results (screening, then final, each only if that panel judges the group: a group
    screened out has no final result to object to) and its objections; staff see it too."""
    group = visible_group(request.user, pk)
    released = stage_results.released_stages(group, request.user)
    panels = Panel.objects.filter(pk__in=[entry["panel"].pk for entry in released])
    form = ObjectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        panel = get_object_or_404(panels, pk=posted_id(request, "panel"))
        try:
            objection_service.lodge_objection(
                user=request.user, panel=panel, group=group, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your objection has been lodged. The secretariat will answer it."))
        return redirect("programs:group_result", pk=pk)
    return render(request, "programs/judging/group_result.html", {"group": group, "released": released, "form": form})


@public
def latest_results(request):
    """`/programs/results/`: the newest programme whose final results are out, else the newest programme."""
    released = Programme.objects.filter(panels__kind=Panel.Kind.FINAL, panels__released_at__isnull=False)
    programme = released.order_by("-year").first() or Programme.objects.order_by("-year").first()
    if programme is None:
        raise Http404
    return redirect("programs:public_results", year=programme.year)


@public
def public_results(request, year: int):
    """The final results and winners once released; nothing before."""
    programme = Programme.objects.filter(year=year).first()
    if programme is None:
        raise Http404
    panel = Panel.objects.filter(programme=programme, kind=Panel.Kind.FINAL, released_at__isnull=False).first()
    tracks = []
    if panel is not None:
        winners = {winner.group.name: winner for winner in panel.winners.select_related("group")}
        for item in service.panel_results(panel):
            rows = [{"row": row, "winner": winners.get(row.group)} for row in (item.result.rows if item.result else ())]
            tracks.append({"track": item.track, "rows": rows})
    context = {"programme": programme, "panel": panel, "tracks": tracks, "released_years": _released_years()}
    return render(request, "programs/judging/public_results.html", context)


def _released_years() -> list[int]:
    """Every year whose final results are out, newest first: the public results page's year switcher."""
    released = Programme.objects.filter(panels__kind=Panel.Kind.FINAL, panels__released_at__isnull=False)
    return list(released.order_by("-year").values_list("year", flat=True).distinct())
