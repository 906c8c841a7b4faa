"""The secretariat's registry pages: every organisation (withdrawn too), a new one, one record with its history.

Everyone but the secretariat gets 404.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render

from alliance.core.audit import action_label, history_of
from alliance.core.korean import format_business_number
from alliance.core.permissions import permission_required
from alliance.members import phrases, queries
from alliance.members.forms.organisation import RegistryFilterForm, StaffOrganisationForm
from alliance.members.models import Organisation
from alliance.members.services.registry import create_organisation

REGISTRY_PAGE_SIZE = 50


@permission_required("members.manage_registry")
def registry(request):
    form = RegistryFilterForm(request.GET)
    values = form.values()
    organisations = queries.registry_organisations(values)
    page = Paginator(organisations, REGISTRY_PAGE_SIZE).get_page(request.GET.get("page"))
    query_string = queries.filter_query_string(values, queries.REGISTRY_FILTERS)
    context = {"form": form, "page": page, "count": page.paginator.count, "query_string": query_string}
    return render(request, "members/registry/index.html", context)


@permission_required("members.manage_registry")
def organisation_create(request):
    form = StaffOrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {name: value for name, value in form.profile_data().items() if name != "logo" or value}
        organisation = create_organisation(actor=request.user, data=data, field_names=form.cleaned_data["field_names"])
        messages.success(request, phrases.SAVED)
        return redirect("members:organisation_detail", pk=organisation.pk)
    return render(request, "members/registry/create.html", {"form": form})


@permission_required("members.manage_registry")
def organisation_detail(request, pk: int):
    organisation = get_object_or_404(Organisation.objects.prefetch_related("fields", "contacts"), pk=pk)
    history = list(history_of(organisation))
    for entry in history:
        entry.label = action_label(entry.action)
    context = {
        "organisation": organisation,
        "business_number": format_business_number(organisation.business_number),
        "history": history,
        "public_url": organisation.get_absolute_url() if organisation.is_current_member else "",
    }
    return render(request, "members/registry/detail.html", context)
