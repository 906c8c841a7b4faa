"""Placeholder: to be replaced by the real views."""

from django.http import HttpResponse


def registry(request, **kwargs):
    return HttpResponse("TODO registry.registry")


def organisation_create(request, **kwargs):
    return HttpResponse("TODO registry.organisation_create")




def organisation_detail(request, **kwargs):
    return HttpResponse("TODO registry.organisation_detail")
