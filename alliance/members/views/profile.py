"""A member representative keeps its own organisation's profile current; staff edit any organisation here too.

Saving through the representative counts as a confirmation of the profile (last confirmed today).
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from alliance.core.permissions import permission_required
from alliance.core.versions import Extra, StaleEditError
from alliance.members import phrases
from alliance.members.forms.organisation import (
    ContactFormSet,
    OrganisationProfileForm,
    StaffOrganisationForm,
    contact_rows,
)
from alliance.members.models import Organisation
from alliance.members.rules import editable_organisation
from alliance.members.services.field_proposals import propose_field
from alliance.members.services.registry import contact_rows_text, contacts_text, update_profile


@permission_required("members.view_own_organisation")
def my_organisation(request):
    return redirect("members:organisation_edit", pk=request.user.organisation_id)


@permission_required("members.change_organisation", object_level=True)
def organisation_edit(request, pk: int):
    organisation = editable_organisation(request.user, pk)
    is_secretariat = request.user.has_perm("members.manage_registry")
    form_class = StaffOrganisationForm if is_secretariat else OrganisationProfileForm
    # The forms write their values onto their instance while validating; the service gets an untouched copy
    # so that its history records the real `before`.
    form_instance = Organisation.objects.get(pk=organisation.pk)
    # The contacts are edited beside the form: a change to them since the page was loaded is listed too.
    extra = {"contacts": Extra(label=str(phrases.CONTACTS), value=contacts_text(organisation))}
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, instance=form_instance, extra=extra)
        contacts = ContactFormSet(request.POST, instance=form_instance, prefix="contacts")
        if form.is_valid() and contacts.is_valid():
            try:
                update_profile(
                    actor=request.user,
                    organisation=organisation,
                    data=form.profile_data(),
                    field_names=form.cleaned_data["field_names"],
                    contacts=contact_rows(contacts),
                    confirmed_on=None if is_secretariat else timezone.localdate(),
                    expected_version=form.loaded_version,
                )
            except StaleEditError as error:
                form.stale(error, yours_extra={"contacts": contact_rows_text(contact_rows(contacts))})
            else:
                messages.success(request, phrases.SAVED)
                if proposed := form.cleaned_data.get("proposed_field"):
                    propose_field(actor=request.user, organisation=organisation, name=proposed)
                    messages.info(request, phrases.field_proposed(proposed))
                return redirect("members:organisation_edit", pk=organisation.pk)
    else:
        form = form_class(instance=form_instance, extra=extra)
        contacts = ContactFormSet(instance=form_instance, prefix="contacts")
    context = {
        "organisation": organisation,
        "form": form,
        "contacts": contacts,
        "is_secretariat": is_secretariat,
        "proposals": organisation.field_proposals.select_related("term")[:10],
        "vocabulary_url": reverse("members:vocabulary") if is_secretariat else "",
        "public_url": organisation.get_absolute_url() if organisation.is_current_member else "",
    }
    return render(request, "members/profile/edit.html", context)
