"""Searching the full-text index: the matching objects of a kind, best first, and their snippets."""

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet

from alliance.core.fulltext.snippets import Snippet, cut_snippet
from alliance.core.fulltext.text import kind_gram, query_words, word_grams
from alliance.core.models import FullTextDocument, FullTextPosting

# A field's counts summed over the query's words stay below 8 × 999 < 10**4, so these weights make the score
# compare the title's counts first, then the summary's, then the body's.
TITLE_WEIGHT = 10**8
SUMMARY_WEIGHT = 10**4
# Counting a gram's rows (to choose the rarest as the driver) stops here.
FREQUENCY_CAP = 20_000


def rank(*, kind: str, query: str, within: QuerySet | None = None) -> list[int] | None:
    """The ids of the `kind` objects matching every word of `query`, best first; None when the query has no
    word (nothing to search for: the caller lists as it would without a query).

    `within`: a queryset of the object ids to consider (the caller's filters), e.g. `Report.objects.filter(
    publisher=p).values("pk")`; it runs inside the same SQL statement.
    """
    words = query_words(query)
    if not words:
        return None
    grams_per_word = [[kind_gram(kind, gram) for gram in word_grams(word)] for word in words]
    every_gram = list(dict.fromkeys(gram for grams in grams_per_word for gram in grams))
    frequencies = gram_frequencies(every_gram)
    if not all(frequencies.values()):
        return []  # a gram nobody holds: nothing matches
    every_gram.sort(key=lambda gram: (frequencies[gram], gram))
    try:
        sql, params = _ranking_sql(every_gram, grams_per_word, within)
    except EmptyResultSet:  # the caller's filter can match nothing (`pk__in=[]`)
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [object_id for (object_id,) in cursor.fetchall()]


def gram_frequencies(grams: list[int]) -> dict[int, int]:
    """How many objects hold each gram, counted up to FREQUENCY_CAP (enough to choose the rarest), in one
    statement of index-only counts."""
    table = FullTextPosting._meta.db_table
    counts = ", ".join(
        f"(SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE gram = {int(gram)} LIMIT {FREQUENCY_CAP}) AS f{index})"  # noqa: S608
        for index, gram in enumerate(grams)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}")  # our table name and integers only
        return dict(zip(grams, cursor.fetchone(), strict=True))


def _ranking_sql(grams: list[int], grams_per_word: list[list[int]], within: QuerySet | None) -> tuple[str, list]:
    """One statement over the postings alone: the rarest gram's rows (`grams[0]`, the driver) joined by primary
    key to each other gram's row for the same object, so an object is kept only when it holds every gram of
    every word, with no grouping; a word's count in a field is the least of its grams' counts there.

    Grams are integers we computed, written into the statement as literals; the caller's filter comes with its
    parameters."""
    table = FullTextPosting._meta.db_table
    alias = {gram: f"p{index}" for index, gram in enumerate(grams)}
    joins = "".join(
        f" JOIN {table} {alias[gram]} ON {alias[gram]}.gram = {int(gram)} AND {alias[gram]}.object_id = p0.object_id"
        for gram in grams[1:]
    )
    least = "LEAST" if connection.vendor == "postgresql" else "MIN"  # SQLite's MIN of several is a scalar

    def field_total(field: str) -> str:
        per_word = []
        for word in grams_per_word:
            counts = [f"{alias[gram]}.{field}" for gram in word]
            per_word.append(counts[0] if len(counts) == 1 else f"{least}({', '.join(counts)})")
        return "CAST(" + " + ".join(per_word) + " AS BIGINT)"

    ordering = (
        f"{field_total('title')} * {TITLE_WEIGHT} + {field_total('summary')} * {SUMMARY_WEIGHT}"
        f" + {field_total('body')} DESC, p0.dated DESC, p0.object_id DESC"
    )
    sql = f"SELECT p0.object_id FROM {table} p0{joins} WHERE p0.gram = {int(grams[0])}"  # noqa: S608  see above
    params: list = []
    if within is not None:
        within_sql, within_params = within.query.sql_with_params()
        sql += f" AND p0.object_id IN ({within_sql})"
        params.extend(within_params)
    return f"{sql} ORDER BY {ordering}", params


def snippets(*, kind: str, query: str, object_ids: list[int]) -> dict[int, Snippet]:
    """Each object's best matching passage of its summary or body with the query's words marked."""
    words = query_words(query)
    documents = FullTextDocument.objects.filter(kind=kind, object_id__in=object_ids).values_list(
        "object_id", "summary", "body"
    )
    return {object_id: cut_snippet([summary, body], words) for object_id, summary, body in documents}
