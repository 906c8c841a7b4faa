"""The yearly linkage plan: the liaison drafts and submits it; staff edit it too."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from alliance.agencies.forms import PlanItemForm
from alliance.agencies.models import Heading
from alliance.agencies.services import plans
from alliance.agencies.views.common import WORK, agency_for, error_text, plan_item_for
from alliance.core.permissions import POST, permission_required
from alliance.core.rules import is_secretariat
from alliance.core.versions import LOADED_FIELD, StaleEditError


def _plan_context(request, agency, year: int, form) -> dict:
    plan = plans.plan_of(agency, year)
    items = list(plan.items.all()) if plan else []
    sections = [(label, [item for item in items if item.heading == value]) for value, label in Heading.choices]
    editable = plan is None or plan.is_draft or is_secretariat(request.user)
    return {"agency": agency, "year": year, "plan": plan, "sections": sections, "form": form, "editable": editable}


@permission_required(WORK, object_level=True)
def plan_page(request, pk: int, year: int):
    agency = agency_for(request, pk)
    form = PlanItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            data = {name: value for name, value in form.cleaned_data.items() if name != LOADED_FIELD}
            plans.add_plan_item(actor=request.user, agency=agency, year=year, **data)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Plan item added."))
            return redirect("agencies:plan", pk=agency.pk, year=year)
    return render(request, "agencies/plan.html", _plan_context(request, agency, year, form))


@permission_required(WORK, object_level=True)
def plan_item_edit(request, pk: int):
    item = plan_item_for(request, pk)
    form = PlanItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.cleaned_data.items() if name != LOADED_FIELD}
        try:
            plans.update_plan_item(actor=request.user, item=item, expected_version=form.loaded_version, **data)
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Plan item saved."))
            return redirect("agencies:plan", pk=item.plan.agency_id, year=item.plan.year)
    return render(request, "agencies/plan_item.html", {"item": item, "form": form})


@permission_required(WORK, object_level=True, methods=POST, scope=plan_item_for)
def plan_item_delete(request, pk: int):
    item = plan_item_for(request, pk)
    plan = item.plan
    try:
        plans.delete_plan_item(actor=request.user, item=item)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Plan item deleted."))
    return redirect("agencies:plan", pk=plan.agency_id, year=plan.year)


@permission_required(WORK, object_level=True, methods=POST, scope=agency_for)
def plan_submit(request, pk: int, year: int):
    agency = agency_for(request, pk)
    plan = plans.plan_of(agency, year)
    try:
        if plan is None:
            raise ValidationError(_("Add at least one item before submitting the plan."))
        plans.submit_plan(actor=request.user, plan=plan)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The plan has been submitted to the secretariat."))
    return redirect("agencies:plan", pk=agency.pk, year=year)
