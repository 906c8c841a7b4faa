"""Placeholder: to be replaced by the real views."""

from django.http import HttpResponse


def directory_export(request, **kwargs):
    return HttpResponse("TODO")


def registry_export(request, **kwargs):
    return HttpResponse("TODO")
