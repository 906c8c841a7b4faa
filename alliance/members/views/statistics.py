"""Member statistics for the secretariat: tables and charts as of a date, and their XLSX export."""

import datetime

from django import forms
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from alliance.core import downloads
from alliance.core.permissions import permission_required
from alliance.members.statistics import chart_data, member_statistics
from alliance.members.statistics_export import statistics_workbook

EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2999, 12, 31)


class AsOfForm(forms.Form):
    as_of = forms.DateField(
        label=_("As of"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("As of: enter a date as YYYY-MM-DD (for example 2025-12-31).")},
    )

    def clean_as_of(self):
        value = self.cleaned_data["as_of"]
        if value is not None and not EARLIEST <= value <= LATEST:
            raise forms.ValidationError(_("As of: enter a date between 1900-01-01 and 2999-12-31."))
        return value


def _as_of(request) -> tuple[AsOfForm, datetime.date | None]:
    """The date asked for (today when none), or None with the form's errors when it is not a date."""
    today = timezone.localdate()
    form = AsOfForm(request.GET or None, initial={"as_of": today})
    if form.is_bound and not form.is_valid():
        return form, None
    value = form.cleaned_data.get("as_of") if form.is_bound else None
    return form, value or today


@permission_required("members.view_statistics")
@require_GET
def statistics(request):
    form, as_of = _as_of(request)
    invalid = as_of is None
    if invalid:
        # Say what was wrong and show today's figures rather than nothing.
        as_of = timezone.localdate()
    stats = member_statistics(as_of)
    return render(
        request,
        "members/statistics/statistics.html",
        {"form": form, "invalid": invalid, "stats": stats, "chart_data": chart_data(stats)},
    )


@permission_required("members.view_statistics")
@require_GET
def statistics_export(request):
    form, as_of = _as_of(request)
    if as_of is None:
        return HttpResponseBadRequest(" ".join(str(error) for error in form.errors["as_of"]))
    content = statistics_workbook(member_statistics(as_of))
    return downloads.file_response(
        content, filename=f"member-statistics-{as_of.isoformat()}.xlsx", content_type=downloads.XLSX
    )
