"""Placeholder: to be replaced by the real views."""

from django.http import HttpResponse


def my_organisation(request, **kwargs):
    return HttpResponse("TODO profile.my_organisation")


def organisation_edit(request, **kwargs):
    return HttpResponse("TODO profile.organisation_edit")
