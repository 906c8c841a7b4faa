"""Placeholder: to be replaced by the real views."""

from django.http import HttpResponse


def directory(request, **kwargs):
    return HttpResponse("TODO directory.directory")



def company_page(request, **kwargs):
    return HttpResponse("TODO directory.company_page")
