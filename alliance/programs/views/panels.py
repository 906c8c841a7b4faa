"""Secretariat pages of judging: a programme's panels and evaluators, a panel's assignments and progress,
absences and closing, the speaking-order draw and the presentation timer."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance.core.confirm import Confirmation, confirmation_gate
from alliance.core.delivery.progress import progress_of
from alliance.core.models import User
from alliance.core.permissions import permission_required
from alliance.programs.forms.judging import AbsenceForm, AssignForm, EvaluatorForm, OpenPanelForm, posted_id
from alliance.programs.models import Assignment, Panel, Programme, ProgrammeEvaluator, ProjectGroup
from alliance.programs.queries import judging as queries
from alliance.programs.services import assignment as assignment_service
from alliance.programs.services import panels as panel_service
from alliance.programs.views import judging_confirm


def _report(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@permission_required("programs.run_judging")
@require_http_methods(["GET", "POST"])
def judging_programme(request, pk: int):
    programme = get_object_or_404(Programme, pk=pk)
    evaluator_form = EvaluatorForm(request.POST if request.POST.get("action") == "evaluator" else None)
    panel_form = OpenPanelForm(request.POST if request.POST.get("action") == "panel" else None)
    if request.method == "POST":
        try:
            if evaluator_form.is_bound and evaluator_form.is_valid():
                assignment_service.add_evaluator(actor=request.user, programme=programme, **evaluator_form.cleaned_data)
                messages.success(request, _("Saved."))
                return redirect("programs:judging_programme", pk=pk)
            if panel_form.is_bound and panel_form.is_valid():
                panel = panel_service.open_panel(actor=request.user, programme=programme, **panel_form.cleaned_data)
                return redirect("programs:panel_detail", pk=panel.pk)
        except ValidationError as error:
            _report(request, error)
    context = {
        "programme": programme,
        "panels": Panel.objects.filter(programme=programme),
        "evaluators": ProgrammeEvaluator.objects.filter(programme=programme).select_related(
            "user", "user__organisation"
        ),
        "evaluator_form": evaluator_form,
        "panel_form": panel_form,
    }
    return render(request, "programs/judging/staff/programme.html", context)


def _panel_forms(panel, data=None):
    evaluators = queries.panel_memberships(panel).values_list("user_id", flat=True)
    users = User.objects.filter(pk__in=evaluators).order_by("name")
    groups = assignment_service.panel_groups(panel).order_by("name")
    action = (data or {}).get("action")
    assign = AssignForm(data if action == "assign" else None, evaluators=users, groups=groups, prefix="assign")
    absence = AbsenceForm(data if action == "absence" else None, evaluators=users, groups=groups, prefix="absence")
    return assign, absence


def _panel_action(request, panel, assign_form, absence_form) -> None:
    action = request.POST.get("action")
    if action == "assign" and assign_form.is_valid():
        assignment_service.assign_evaluator(
            actor=request.user,
            panel=panel,
            user=assign_form.cleaned_data["evaluator"],
            group=assign_form.cleaned_data["group"],
        )
    elif action == "auto":
        added = assignment_service.assign_automatically(actor=request.user, panel=panel)
        messages.success(request, _("%(count)d assignments added.") % {"count": added})
    elif action == "seat":
        added = assignment_service.seat_final_panel(actor=request.user, panel=panel)
        messages.success(request, _("%(count)d assignments added.") % {"count": added})
    elif action == "remove":
        assignment = get_object_or_404(Assignment, pk=posted_id(request, "assignment"), panel=panel)
        assignment_service.remove_assignment(actor=request.user, assignment=assignment)
    elif action == "absence" and absence_form.is_valid():
        data = absence_form.cleaned_data
        panel_service.record_absence(
            actor=request.user,
            panel=panel,
            judge=data["evaluator"],
            group=data["group"],
            reason=data["reason"],
            note=data["note"],
        )
    elif action == "notify":
        count = panel_service.notify_evaluators(actor=request.user, panel=panel)
        messages.success(request, _("%(count)s evaluators are being e-mailed.") % {"count": f"{count:,}"})
    elif action == "close":
        panel_service.close_panel(actor=request.user, panel=panel)
        messages.success(request, _("The panel is closed."))


def _notify_confirmation(panel) -> Confirmation:
    notices = panel_service.evaluators_to_notify(panel)
    sample = notices[0] if notices else None
    return Confirmation(
        title=_("E-mail the evaluators"),
        summary=_("Each evaluator below is told how many groups await them on %(panel)s.") % {"panel": panel},
        count=len(notices),
        names=[f"{evaluator.name} <{evaluator.email}>" for evaluator, _count in notices],
        refusals=[] if notices else [_("No evaluator is assigned to this panel yet.")],
        cancel_url=reverse("programs:panel_detail", args=[panel.pk]),
        sample_email=(lambda: panel_service.assignment_notice(panel, *sample)) if sample else None,
    )


@permission_required("programs.run_judging")
@require_http_methods(["GET", "POST"])
def panel_detail(request, pk: int):
    panel = get_object_or_404(Panel.objects.select_related("programme"), pk=pk)
    assign_form, absence_form = _panel_forms(panel, request.POST if request.method == "POST" else None)
    action = request.POST.get("action") if request.method == "POST" else None
    confirmations = {"notify": _notify_confirmation, **judging_confirm.PANEL_CONFIRMATIONS}
    if action in confirmations and (page := confirmation_gate(request, confirmations[action](panel))) is not None:
        return page
    if request.method == "POST":
        try:
            _panel_action(request, panel, assign_form, absence_form)
        except ValidationError as error:
            _report(request, error)
        else:
            if not (assign_form.errors or absence_form.errors):
                return redirect("programs:panel_detail", pk=pk)
    assignments = list(queries.assignments_with_progress(panel))
    context = {
        "panel": panel,
        "assignments": assignments,
        "complete": sum(1 for item in assignments if item.scored >= item.criteria),
        "absences": queries.absences(panel),
        "missing": panel_service.missing_scores(panel) if not panel.is_closed else [],
        "unjudged": panel_service.unjudged_groups(panel) if not panel.is_closed else [],
        "judge_count": queries.final_judge_count(panel),
        "assign_form": assign_form,
        "absence_form": absence_form,
        "deliveries": progress_of(panel, (panel_service.EVALUATORS_MAILING,)),
    }
    return render(request, "programs/judging/staff/panel.html", context)


@permission_required("programs.run_judging")
@require_http_methods(["GET", "POST"])
def panel_order(request, pk: int):
    panel = get_object_or_404(Panel.objects.select_related("programme"), pk=pk)
    if request.method == "POST":
        draw = panel_service.draw_speaking_order(actor=request.user, panel=panel)
        messages.success(request, _("Speaking order drawn (seed %(seed)s).") % {"seed": draw.seed})
        return redirect("programs:panel_order", pk=pk)
    draw = queries.latest_draw(panel)
    groups = {
        group.pk: group
        for group in ProjectGroup.objects.filter(programme_id=panel.programme_id).select_related("track")
    }
    order = [groups[group_id] for group_id in draw.order if group_id in groups] if draw else []
    context = {"panel": panel, "draw": draw, "order": order, "draws": panel.draws.select_related("drawn_by")[:20]}
    return render(request, "programs/judging/staff/order.html", context)


@permission_required("programs.run_judging")
def panel_timer(request, pk: int):
    panel = get_object_or_404(Panel.objects.select_related("programme"), pk=pk)
    draw = queries.latest_draw(panel)
    names = dict(ProjectGroup.objects.filter(programme_id=panel.programme_id).values_list("pk", "name"))
    order = [names[group_id] for group_id in draw.order if group_id in names] if draw else []
    return render(request, "programs/judging/staff/timer.html", {"panel": panel, "order": order})
