"""The newsletter's public web archive: every sent edition by month, searchable, and each as a page."""

import datetime

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from alliance.core.permissions import public
from alliance.info.queries import newsletter as queries

PAGE_SIZE = 30
MAX_QUERY = 100


def _month(value: str) -> tuple[int, int] | None:
    try:
        year, month = (int(part) for part in value.split("-"))
        datetime.date(year, month, 1)
    except (ValueError, OverflowError):  # not a month, or a year of twenty digits
        return None
    return year, month


@public
def newsletter_archive(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    month = _month(request.GET.get("month", ""))
    editions = queries.search_sent_editions(query=query, month=month)
    page = Paginator(editions, PAGE_SIZE).get_page(request.GET.get("page"))
    snippets = queries.edition_snippets(query, page.object_list)
    for edition in page.object_list:
        edition.snippet = snippets.get(edition.pk)
    context = {
        "page": page,
        "query": query,
        "month": datetime.date(*month, 1) if month else None,
        "months": queries.sent_months(),
    }
    return render(request, "info/newsletter/archive.html", context)


@public
def newsletter_edition(request, day: str):
    try:
        publishing_date = datetime.date.fromisoformat(day)
    except ValueError:
        raise Http404 from None
    edition = get_object_or_404(queries.sent_editions(), publishing_date=publishing_date)
    context = {"edition": edition, "sections": queries.edition_sections(edition)}
    return render(request, "info/newsletter/edition.html", context)
