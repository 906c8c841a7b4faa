"""Placeholder: to be replaced by the real views."""

from django.http import HttpResponse


def imports(request, **kwargs):
    return HttpResponse("TODO imports.imports")


def import_detail(request, **kwargs):
    return HttpResponse("TODO imports.import_detail")


def import_progress(request, **kwargs):
    return HttpResponse("TODO imports.import_progress")


def import_report(request, **kwargs):
    return HttpResponse("TODO imports.import_report")
