"""Reads of the report archive reused by several callers: the newest reports (front page, newsletter), the
count for the quarterly briefing, the public list with its filters, and publisher look-ups by spelling."""

import difflib
from dataclasses import dataclass

from django.db.models import CharField, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Cast, Substr

from alliance.core.dates import quarter_bounds
from alliance.core.korean import search_key
from alliance.ecosystem.models import Taxonomy
from alliance.info.models import Publisher, PublisherVariant, Report, ReportFile
from alliance.info.queries.data_versions import ARCHIVE, kept


def publisher_key(name: str) -> str:
    """The key a publisher's spelling is stored and looked up under (case, spacing, punctuation and
    corporate forms such as (재) ignored: `Kotra` = `KOTRA`, `국회 미래연구원` = `국회미래연구원`)."""
    return search_key(name)


def find_publisher(name: str) -> Publisher | None:
    """The publisher a written name means: its own name or one of its spellings; None when unknown."""
    key = publisher_key(name)
    if not key:
        return None
    publisher = Publisher.objects.filter(key=key).first()
    if publisher is None:
        variant = PublisherVariant.objects.filter(key=key).select_related("publisher").first()
        publisher = variant.publisher if variant else None
    return publisher


def known_spellings() -> dict[str, str]:
    """Every known spelling (names and variants) → the publisher's name."""
    spellings = dict(Publisher.objects.values_list("name", "name"))
    spellings |= dict(PublisherVariant.objects.values_list("name", "publisher__name"))
    return spellings


def suggest_publishers(name: str, *, limit: int = 3) -> list[str]:
    """Known spellings close to an unknown name, for the error message that refuses it (closest first)."""
    key = publisher_key(name)
    if not key:
        return []
    by_key = {publisher_key(spelling): spelling for spelling in known_spellings()}
    containing = [spelling for spelling_key, spelling in by_key.items() if key in spelling_key or spelling_key in key]
    close = [by_key[found] for found in difflib.get_close_matches(key, list(by_key), n=limit, cutoff=0.5)]
    return list(dict.fromkeys(close + containing))[:limit]


def current_files() -> Prefetch:
    """The prefetch of a report's current files (the replaced versions left out)."""
    return Prefetch(
        "files", queryset=ReportFile.objects.filter(is_current=True).defer("extracted_text"), to_attr="current_files"
    )


def newest_reports(limit: int = 5) -> list[Report]:
    """The most recently posted reports, newest first, with their publisher (front page, newsletter); kept in the
    cache until the archive changes (queries/data_versions.py)."""
    return kept(
        ARCHIVE,
        f"newest{limit}",
        lambda: list(
            Report.objects.filter(published=True).select_related("publisher").order_by("-posted_on", "-id")[:limit]
        ),
    )


def reports_posted(year: int, quarter: int | None = None) -> int:
    """How many reports were posted in the quarter (or the whole year when `quarter` is None), by 게시일; a report
    taken off the site does not count."""
    if quarter is None:
        return Report.objects.filter(published=True, posted_on__year=year).count()
    first, last = quarter_bounds(year, quarter)
    return Report.objects.filter(published=True, posted_on__range=(first, last)).count()


@dataclass(frozen=True)
class ArchiveFilters:
    """The public list's filters: a publisher's id, a year, a tag's name (technology or field), all optional."""

    publisher: int | None = None
    year: int | None = None
    tag: str = ""

    @property
    def active(self) -> bool:
        return bool(self.publisher or self.year or self.tag)


def filtered_reports(filters: ArchiveFilters, *, within: QuerySet | None = None) -> QuerySet:
    """The reports the filters keep, newest first. `within` narrows them first (the search's matches: a
    queryset or ids in a `pk__in`), so a search box can plug into the same list."""
    reports = within if within is not None else Report.objects.all()
    return reports.filter(filters_q(filters)).select_related("publisher").order_by("-posted_on", "-id")


def filters_q(filters: ArchiveFilters) -> Q:
    """The filters as one condition on reports; the tag as subqueries on the tag tables (no join, no
    DISTINCT), so the condition also serves as the search's `within` over 10,000 reports."""
    condition = Q(published=True)
    if filters.publisher:
        condition &= Q(publisher_id=filters.publisher)
    if filters.year:
        condition &= Q(posted_on__year=filters.year)
    if filters.tag:
        technologies = Report.technologies.through.objects.filter(technology__name=filters.tag)
        fields = Report.application_fields.through.objects.filter(applicationfield__name=filters.tag)
        condition &= Q(pk__in=technologies.values("report_id")) | Q(pk__in=fields.values("report_id"))
    return condition


def listed(reports: QuerySet) -> QuerySet:
    """`reports` with what an exported row holds (publisher, tags, current files) read in a few queries."""
    return reports.select_related("publisher").prefetch_related("technologies", "application_fields", current_files())


def shown(reports: QuerySet) -> QuerySet:
    """`reports` with what a row of the public list shows (publisher, current files' formats): two queries."""
    return reports.select_related("publisher").prefetch_related(current_files())


def filter_choices() -> tuple[list[tuple[int, str]], list[int], list[str]]:
    """The public list's filter choices — publishers (id, name) in use, years, tags — kept in the cache until the
    archive changes (queries/data_versions.py): three reads over every report otherwise, on every visit."""

    def compute():
        return [(publisher.pk, publisher.name) for publisher in publishers_in_use()], archive_years(), tags_in_use()

    return kept(ARCHIVE, "filter-choices", compute)


def archive_years() -> list[int]:
    """The years that have reports, newest first (the year filter's choices): the first four characters of
    the ISO date, distinct, in the database (`dates()` would call a Python function per report on SQLite)."""
    years = (
        Report.objects.filter(published=True)
        .annotate(year=Substr(Cast("posted_on", CharField()), 1, 4))
        .order_by()
        .values_list("year", flat=True)
        .distinct()
    )
    return sorted((int(year) for year in years), reverse=True)


def publishers_in_use() -> list[Publisher]:
    """Publishers with at least one report (the publisher filter's choices)."""
    has_reports = Exists(
        Report.objects.filter(publisher=OuterRef("pk"), published=True)
    )  # a look-up per publisher, no join
    return list(Publisher.objects.filter(has_reports).order_by("name"))


def tags_in_use() -> list[str]:
    """The names of the tags given to reports (technologies then fields, each once, alphabetical within)."""
    technologies = Report.technologies.through.objects.values_list("technology__name", flat=True).distinct()
    fields = Report.application_fields.through.objects.values_list("applicationfield__name", flat=True).distinct()
    return sorted(set(technologies)) + sorted(set(fields) - set(technologies))


def report_files(report: Report) -> list[ReportFile]:
    """Every version of a report's files: the current ones first, each file's versions newest first."""
    return list(report.files.defer("extracted_text").order_by("-is_current", "original_name", "-version"))


def tag_taxonomy(year: int | None = None):
    """The map's taxonomy whose facets tag a report of `year`: that year's, else the newest before it, else the
    newest (None when the map has none)."""
    taxonomies = Taxonomy.objects.order_by("-year")
    return (taxonomies.filter(year__lte=year).first() if year else None) or taxonomies.first()
