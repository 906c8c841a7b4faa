"""Placeholder: to be replaced by the real views."""

from django.http import HttpResponse


def statistics(request, **kwargs):
    return HttpResponse("TODO statistics.statistics")


def statistics_export(request, **kwargs):
    return HttpResponse("TODO statistics.statistics_export")
