"""Placeholder: to be replaced by the real views."""

from django.http import HttpResponse


def census_rounds(request, **kwargs):
    return HttpResponse("TODO census.census_rounds")


def census_round_create(request, **kwargs):
    return HttpResponse("TODO census.census_round_create")


def census_round_detail(request, **kwargs):
    return HttpResponse("TODO census.census_round_detail")


def census_remind(request, **kwargs):
    return HttpResponse("TODO census.census_remind")


def census_response_review(request, **kwargs):
    return HttpResponse("TODO census.census_response_review")


def census_respond(request, **kwargs):
    return HttpResponse("TODO census.census_respond")


def stale_confirmations(request, **kwargs):
    return HttpResponse("TODO")
