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


def rank(*, kind: str, query: str, within: QuerySet | None = None) -> list[int] | None:
    """The ids of the `kind` objects matching every word of `query`, best first; None when the query has no
    word (nothing to search for: the caller lists as it would without a query).

    `within`: a queryset of the object ids to consider (the caller's filters), e.g. `Report.objects.filter(
    publisher=p).values("pk")`; it runs inside the same SQL statement.
    """
    words = query_words(query)
    if not words:
        return None
    try:
        sql, params = _ranking_sql(kind, [word_grams(word) for word in words], within)
    except EmptyResultSet:  # the caller's filter can match nothing (`pk__in=[]`)
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [object_id for (object_id,) in cursor.fetchall()]


def _ranking_sql(kind: str, grams_per_word: list[list[int]], within: QuerySet | None) -> tuple[str, list]:
    """One statement over the postings alone: the rows of the query's grams (of this kind) grouped per object,
    kept when it holds every gram of every word; a word's count in a field is the least count of its grams.

    Grams are integers we computed, written into the statement as literals (a long query would otherwise pass
    hundreds of parameters); the caller's filter comes with its parameters."""
    columns, having, score = [], [], {"title": [], "summary": [], "body": []}
    for index, grams in enumerate(grams_per_word):
        listed = ", ".join(str(kind_gram(kind, gram)) for gram in grams)
        having.append(f"SUM(CASE WHEN p.gram IN ({listed}) THEN 1 ELSE 0 END) = {len(grams)}")
        for field, terms in score.items():
            terms.append(f"CAST(MIN(CASE WHEN p.gram IN ({listed}) THEN p.{field} END) AS BIGINT)")
    every_gram = ", ".join(
        str(kind_gram(kind, gram)) for gram in sorted({gram for grams in grams_per_word for gram in grams})
    )
    ordering = (
        f"({' + '.join(score['title'])}) * {TITLE_WEIGHT} + ({' + '.join(score['summary'])}) * {SUMMARY_WEIGHT}"
        f" + ({' + '.join(score['body'])})"
    )
    sql = f"SELECT p.object_id FROM {FullTextPosting._meta.db_table} p WHERE p.gram IN ({every_gram})"  # noqa: S608
    params: list = []
    if within is not None:
        within_sql, within_params = within.query.sql_with_params()
        sql += f" AND p.object_id IN ({within_sql})"
        params.extend(within_params)
    sql += (
        f" GROUP BY p.object_id HAVING {' AND '.join(having)}"
        f" ORDER BY {ordering} DESC, MAX(p.dated) DESC, p.object_id DESC"
    )
    return sql, params


def snippets(*, kind: str, query: str, object_ids: list[int]) -> dict[int, Snippet]:
    """Each object's best matching passage of its summary or body with the query's words marked."""
    words = query_words(query)
    documents = FullTextDocument.objects.filter(kind=kind, object_id__in=object_ids).values_list(
        "object_id", "summary", "body"
    )
    return {object_id: cut_snippet([summary, body], words) for object_id, summary, body in documents}
