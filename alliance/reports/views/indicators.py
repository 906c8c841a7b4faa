"""Indicators for the secretariat (추진계획 및 성과지표): each indicator grouped by area with its baseline, the
year's target and the actual as of a day, bars of the actual against the target, the XLSX; targets set and
values entered with evidence."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from alliance.core import downloads
from alliance.core.permissions import POST, permission_required
from alliance.core.spreadsheets import Table, tables_xlsx
from alliance.reports.chart import WIDTH, bars
from alliance.reports.forms.indicators import TargetForm, ValueForm
from alliance.reports.models import AREA_ORDER, Area, Indicator, IndicatorKind, IndicatorValue
from alliance.reports.queries.indicators import indicator_rows
from alliance.reports.services import indicators as service
from alliance.reports.views import other_years

PERMISSION = "reports.manage_indicators"


def _as_of(request) -> datetime.date:
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


def _grouped(rows) -> list[tuple[str, list]]:
    labels = dict(Area.choices)
    areas: dict[str, list] = {}
    for row in sorted(rows, key=lambda row: AREA_ORDER.get(row.indicator.area, 99)):
        areas.setdefault(row.indicator.area, []).append(row)
    return [(labels.get(area, area), area_rows) for area, area_rows in areas.items()]


def _context(request, year: int) -> dict:
    as_of = _as_of(request)
    rows = indicator_rows(year, as_of)
    drawn, height = bars(rows)
    return {"year": year, "as_of": as_of, "rows": rows, "areas": _grouped(rows), "bars": drawn,
            "chart_height": height, "chart_width": WIDTH, **other_years(year)}  # fmt: skip


@permission_required(PERMISSION)
@require_GET
def indicators_current(request):
    """This year's indicators (the menu's entry)."""
    return render(request, "reports/indicators/page.html", _context(request, timezone.localdate().year))


@permission_required(PERMISSION)
@require_GET
def indicators(request, year: int):
    return render(request, "reports/indicators/page.html", _context(request, year))


@permission_required(PERMISSION)
@require_GET
def indicators_xlsx(request, year: int):
    context = _context(request, year)
    headers = [_("Area"), _("Indicator"), _("Definition"), _("Formula"), _("Unit"), _("Baseline"),
               _("Baseline as of"), _("Target"), _("Actual"), _("Achieved (%)")]  # fmt: skip
    labels = dict(Area.choices)
    table = Table(
        _("Indicators %(year)s") % {"year": year},
        headers,
        [
            [
                labels.get(row.indicator.area, row.indicator.area),
                row.indicator.name,
                row.indicator.definition,
                row.indicator.formula_text,
                row.indicator.unit,
                row.baseline,
                row.indicator.baseline_on,
                row.target,
                row.actual,
                row.achieved,
            ]
            for row in context["rows"]
        ],
    )
    name = _("%(year)s indicators as of %(day)s.xlsx") % {"year": year, "day": context["as_of"].isoformat()}
    return downloads.file_response(tables_xlsx([table]), filename=name, content_type=downloads.XLSX)


@permission_required(PERMISSION)
def indicator_detail(request, pk: int, year: int):
    indicator = get_object_or_404(Indicator, pk=pk)
    current = indicator.targets.filter(year=year).first()
    target_form = TargetForm(
        request.POST if "target-submit" in request.POST else None,
        prefix="target", initial={"target": current.target if current else None},
    )  # fmt: skip
    value_form = ValueForm(
        request.POST if "value-submit" in request.POST else None,
        request.FILES if "value-submit" in request.POST else None,
        prefix="value",
    )
    if request.method == "POST":
        try:
            if target_form.is_bound and target_form.is_valid():
                service.set_target(
                    actor=request.user, indicator=indicator, year=year, target=target_form.cleaned_data["target"]
                )
                messages.success(request, _("Target saved."))
                return redirect("reports:indicator_detail", pk=pk, year=year)
            if value_form.is_bound and value_form.is_valid():
                service.add_value(actor=request.user, indicator=indicator, **value_form.cleaned_data)
                messages.success(request, _("Value entered."))
                return redirect("reports:indicator_detail", pk=pk, year=year)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
    context = {
        "indicator": indicator, "year": year, "target_form": target_form, "value_form": value_form,
        "values": list(indicator.values.order_by("-on", "-pk")) if indicator.kind == IndicatorKind.ENTERED else [],
        "entered": indicator.kind == IndicatorKind.ENTERED,
    }  # fmt: skip
    return render(request, "reports/indicators/detail.html", context)


@permission_required(PERMISSION)
@require_GET
def indicator_evidence(request, pk: int):
    value = get_object_or_404(IndicatorValue, pk=pk)
    if not value.evidence:
        raise Http404
    return downloads.file_response(value.evidence.open("rb"), filename=value.evidence_name, content_type=None)


@permission_required(PERMISSION, methods=POST)
def indicators_load_defaults(request, year: int):
    created = service.load_default_indicators(actor=request.user, year=year)
    messages.success(request, _("%(count)s indicators added.") % {"count": len(created)})
    return redirect("reports:indicators", year=year)
