"""A member representative keeps its own organisation's profile current; staff edit any organisation here too.

Saving through the representative counts as a confirmation of the profile (last confirmed today).
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from alliance.members import phrases
from alliance.members.forms.organisation import (
    ContactFormSet,
    OrganisationProfileForm,
    StaffOrganisationForm,
    contact_rows,
)
from alliance.members.models import Organisation
from alliance.members.rules import editable_organisation
from alliance.members.services.registry import update_profile


@login_required
def my_organisation(request):
    if not request.user.organisation_id:
        raise Http404(phrases.NOT_FOUND)
    return redirect("members:organisation_edit", pk=request.user.organisation_id)


@login_required
def organisation_edit(request, pk: int):
    organisation = editable_organisation(request.user, pk)
    is_staff = request.user.has_perm("members.manage_registry")
    form_class = StaffOrganisationForm if is_staff else OrganisationProfileForm
    # The forms write their values onto their instance while validating; the service gets an untouched copy
    # so that its history records the real `before`.
    form_instance = Organisation.objects.get(pk=organisation.pk)
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, instance=form_instance)
        contacts = ContactFormSet(request.POST, instance=form_instance, prefix="contacts")
        if form.is_valid() and contacts.is_valid():
            update_profile(
                actor=request.user,
                organisation=organisation,
                data=form.profile_data(),
                field_names=form.cleaned_data["field_names"],
                contacts=contact_rows(contacts),
                confirmed_on=None if is_staff else datetime.date.today(),
            )
            messages.success(request, phrases.SAVED)
            return redirect("members:organisation_edit", pk=organisation.pk)
    else:
        form = form_class(instance=form_instance)
        contacts = ContactFormSet(instance=form_instance, prefix="contacts")
    context = {
        "organisation": organisation,
        "form": form,
        "contacts": contacts,
        "is_staff": is_staff,
        "public_url": organisation.get_absolute_url() if organisation.is_current_member else "",
    }
    return render(request, "members/profile/edit.html", context)
