"""The checklist's versions (staff and the ethics subcommittee): list, edit, publish; and the statistics."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.permissions import POST, permission_required
from alliance.core.rules import is_secretariat
from alliance.core.versions import StaleEditError
from alliance.regulation.forms import ChecklistEditForm, StartYearForm
from alliance.regulation.models import Checklist
from alliance.regulation.queries import checklist_years, latest_version
from alliance.regulation.queries.statistics import statistics as statistics_of
from alliance.regulation.services import checklist as service

MANAGE = "regulation.manage_checklist"


@permission_required(MANAGE)
def checklists(request):
    year = timezone.localdate().year
    start = StartYearForm(request.POST or None, initial={"year": year})
    if request.method == "POST" and start.is_valid():
        try:
            started = service.start_year(actor=request.user, year=start.cleaned_data["year"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The checklist of %(year)s was started as a draft.") % {"year": started.year})
            return redirect("regulation:checklist", pk=started.pk)
    versions = Checklist.objects.all()
    context = {"versions": versions, "year": year, "start": start}
    return render(request, "regulation/checklists.html", context)


@permission_required(MANAGE)
def checklist(request, pk: int):
    version = get_object_or_404(Checklist, pk=pk)
    newest = latest_version(version.year)
    editable = newest.pk == version.pk
    form = ChecklistEditForm(request.POST or None, checklist=version)
    if request.method == "POST" and editable and form.is_valid():
        try:
            saved = service.save_items(
                actor=request.user,
                checklist=version,
                items=form.edited_items(),
                note=form.cleaned_data["note"],
                expected_version=form.loaded_version,
            )
        except StaleEditError as error:
            form.stale(error)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            if saved.pk != version.pk:
                messages.success(request, _("Saved as a new version (%(number)s), a draft.") % {"number": saved.number})
            else:
                messages.success(request, _("Draft saved."))
            return redirect("regulation:checklist", pk=saved.pk)
    context = {"version": version, "form": form, "editable": editable, "newest": newest}
    return render(request, "regulation/checklist.html", context)


@permission_required(MANAGE, methods=POST)
def checklist_publish(request, pk: int):
    version = get_object_or_404(Checklist, pk=pk)
    try:
        service.publish(actor=request.user, checklist=version)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Version %(number)s published: new answers are given on it.") % {"number": version.number}
        )
    return redirect("regulation:checklist", pk=version.pk)


@permission_required("regulation.view_statistics")
def statistics(request, year: int):
    context = statistics_of(year)
    context["years"] = checklist_years()
    # A shared result is opened by name only by those who may read a company's self-check (the secretariat);
    # the subcommittee sees the name and the total.
    context["may_open_results"] = is_secretariat(request.user)
    return render(request, "regulation/statistics.html", context)
