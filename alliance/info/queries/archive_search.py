"""The report archive's Korean search: reports matching a query inside the list's filters, best first, each
with its matching passage (core's full-text index, alliance/core/fulltext/, kind `info.report`).

What a report's document holds is `alliance.info.services.archive_index.report_text`: the title; the summary
with the publisher's name and spellings and the tags; the extracted text of its current files. Rules (the
directory's): a part of a word finds the whole, spacing does not matter, a particle does not hide a word
(`보고서` finds `보고서를`), every word must match; title above summary above body, then the newer report.

One page of results costs a constant number of statements whatever the archive's size: the grams' counts and
the ranking (the filters run inside it as a subquery), the page's reports with their publisher and files,
and the page's snippets.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from alliance.core.fulltext.queries import rank, snippets
from alliance.core.fulltext.snippets import Snippet
from alliance.core.fulltext.versions import index_version
from alliance.info.models import Report
from alliance.info.queries.archive import ArchiveFilters, filters_q, shown
from alliance.info.queries.data_versions import ARCHIVE, version

REPORT_KIND = "info.report"
# A query longer than this is cut (the box's maxlength too): a pasted paragraph is not a search.
MAX_QUERY_CHARACTERS = 100


def clean_query(query: str | None) -> str:
    """The query as searched: trimmed and cut at MAX_QUERY_CHARACTERS."""
    return (query or "").strip()[:MAX_QUERY_CHARACTERS]


def matching_report_ids(query: str, filters: ArchiveFilters = ArchiveFilters()) -> list[int] | None:  # noqa: B008  frozen
    """The ids of the reports the filters keep that match every word of `query`, best first; None when the
    query has no word to search for (the caller lists as without a search).

    The ranking is kept in the cache for ARCHIVE_SEARCH_CACHE_SECONDS under the index's version and the archive's
    (either moves on every write), so the next page of the same search, the way back to it and the export do
    not rank again; 0 turns this off."""
    query = clean_query(query)
    within = Report.objects.filter(filters_q(filters)).order_by().values("pk")
    seconds = settings.ARCHIVE_SEARCH_CACHE_SECONDS
    if seconds <= 0:
        return rank(kind=REPORT_KIND, query=query, within=within)
    asked = (
        f"{index_version(REPORT_KIND)}\n{version(ARCHIVE)}\n{query}\n{filters.publisher}\n{filters.year}\n{filters.tag}"
    )
    key = "info.archive.search." + hashlib.sha256(asked.encode()).hexdigest()
    found = cache.get(key)  # kept in a tuple: None (no word to search for) is kept too
    if found is None:
        found = (rank(kind=REPORT_KIND, query=query, within=within),)
        cache.set(key, found, seconds)
    return found[0]


@dataclass(frozen=True)
class Match:
    report: Report
    snippet: Snippet


def matches_for(query: str, report_ids: list[int]) -> list[Match]:
    """The reports `report_ids` (in that order) with what a result row shows — publisher, current files — and
    their matching passage, the query's words marked: three statements."""
    by_id = shown(Report.objects.filter(pk__in=report_ids)).in_bulk()
    passages = snippets(kind=REPORT_KIND, query=clean_query(query), object_ids=report_ids)
    return [
        Match(report=by_id[report_id], snippet=passages.get(report_id, Snippet("")))
        for report_id in report_ids
        if report_id in by_id
    ]


def search_archive(query: str, filters: ArchiveFilters = ArchiveFilters(), *, limit: int = 20) -> list[Match]:  # noqa: B008  frozen
    """The best `limit` matches of `query` within the filters (every match with `limit` 0); none for a query
    without a word."""
    report_ids = matching_report_ids(query, filters) or []
    return matches_for(query, report_ids[:limit] if limit else report_ids)
