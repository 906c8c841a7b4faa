"""The yearly plan for the secretariat: the month-by-month grid (추진 일정) on a page, as an A4 landscape PDF and as
DOCX, and the items staff add."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from alliance.core import downloads
from alliance.core.dates import format_moment
from alliance.core.pdf import render_pdf
from alliance.core.permissions import POST, permission_required
from alliance.core.versions import StaleEditError
from alliance.reports.documents.plan_docx import plan_docx
from alliance.reports.forms.plan import FIELDS, PlanItemAddForm, PlanItemEditForm
from alliance.reports.models import PlanItem
from alliance.reports.queries.plan import MARKS, MONTHS, plan_grid
from alliance.reports.services import plan as service
from alliance.reports.views import other_years

PERMISSION = "reports.manage_plan"


def _as_of(request) -> datetime.date:
    """?as_of=YYYY-MM-DD (a day to look back from), else today."""
    value = request.GET.get("as_of", "")
    if not value:
        return timezone.localdate()
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise Http404 from None
    if not 2000 <= day.year <= 2100:
        raise Http404
    return day


def _context(request, year: int) -> dict:
    grid = plan_grid(year, _as_of(request))
    return {"year": year, "grid": grid, "months": MONTHS, "marks": MARKS, "counts": grid.counts(), **other_years(year)}


@permission_required(PERMISSION)
@require_GET
def plan_current(request):
    """This year's schedule (the menu's entry)."""
    year = timezone.localdate().year
    return render(
        request, "reports/plan/grid.html", {**_context(request, year), "form": PlanItemAddForm(prefix="item")}
    )


@permission_required(PERMISSION)
def plan(request, year: int):
    form = PlanItemAddForm(request.POST or None, prefix="item")
    if request.method == "POST" and form.is_valid():
        try:
            service.add_plan_item(actor=request.user, year=year, **{name: form.cleaned_data[name] for name in FIELDS})
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Item added to the plan."))
            return redirect("reports:plan", year=year)
    return render(request, "reports/plan/grid.html", {**_context(request, year), "form": form})


@permission_required(PERMISSION)
@require_GET
def plan_pdf(request, year: int):
    context = _context(request, year)
    content = render_pdf(
        "reports/plan/grid_pdf.html", context, page_size="A4 landscape", stylesheets=("css/reports-plan-pdf.css",)
    )
    name = _("%(year)s schedule.pdf") % {"year": year}
    return downloads.file_response(content, filename=name, content_type=downloads.PDF, inline=True)


@permission_required(PERMISSION)
@require_GET
def plan_docx_download(request, year: int):
    grid = plan_grid(year, _as_of(request))
    content = plan_docx(grid, as_of_text=format_moment(grid.as_of))
    name = _("%(year)s schedule.docx") % {"year": year}
    return downloads.file_response(content, filename=name, content_type=downloads.DOCX)


@permission_required(PERMISSION)
def plan_item_edit(request, pk: int):
    item = get_object_or_404(PlanItem, pk=pk)
    form = PlanItemEditForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            service.update_plan_item(
                actor=request.user, item=item, expected_version=form.loaded_version,
                **{name: form.cleaned_data[name] for name in FIELDS},
            )  # fmt: skip
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Schedule item saved."))
            return redirect("reports:plan", year=item.year)
    return render(request, "reports/plan/item_form.html", {"item": item, "form": form})


@permission_required(PERMISSION, methods=POST)
def plan_item_delete(request, pk: int):
    item = get_object_or_404(PlanItem, pk=pk)
    service.delete_plan_item(actor=request.user, item=item)
    messages.success(request, _("Schedule item deleted."))
    return redirect("reports:plan", year=item.year)
