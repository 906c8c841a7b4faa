"""Directory search that works in Korean.

Rules (issue 2): a part of a word finds the whole (`트윈` → `디지털트윈`), name variants find each other
(`㈜젠` → `주식회사 젠`), spacing does not matter (`디지털 트윈` = `디지털트윈`). Names, English names and
business fields are searched.

Text and query are both reduced by `core.korean.company_name_key`; a query matches when its key is a
substring of the organisation's `search_text`. To stay fast at 100,000 organisations the bigrams of each
organisation's text are indexed (`SearchGram`): the query's rarest bigram picks the candidates and the
substring test confirms them.
"""

from collections.abc import Iterable

from django.db import connection
from django.db.models import F, QuerySet, TextField, Value
from django.db.models.functions import Concat

from alliance.core.korean import company_name_key, search_key
from alliance.members.models import Organisation, SearchGram

SEPARATOR = "|"


def build_search_text(*, name: str, name_en: str, field_names: Iterable[str]) -> str:
    pieces = [company_name_key(name), company_name_key(name_en), *(company_name_key(f) for f in field_names)]
    return SEPARATOR.join(piece for piece in pieces if piece)


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1) if SEPARATOR not in text[i : i + 2]}


def reindex(organisation_ids: Iterable[int]) -> None:
    """Rebuild the bigram rows of these organisations from their stored `search_text`."""
    ids = list(organisation_ids)
    if not ids:
        return
    SearchGram.objects.filter(organisation_id__in=ids).delete()
    texts = Organisation.objects.filter(id__in=ids).values_list("id", "search_text")
    insert_grams((org_id, gram) for org_id, text in texts for gram in bigrams(text))


def insert_grams(rows: Iterable[tuple[int, str]]) -> None:
    """Write (organisation id, gram) rows in bulk: COPY on PostgreSQL, executemany elsewhere."""
    table = SearchGram._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} (organisation_id, gram) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            batch = []
            sql = f"INSERT INTO {table} (organisation_id, gram) VALUES (%s, %s)"  # noqa: S608  table name is our own
            for row in rows:
                batch.append(row)
                if len(batch) >= 50_000:
                    cursor.executemany(sql, batch)
                    batch.clear()
            if batch:
                cursor.executemany(sql, batch)


# Counting a bigram's rows stops here: enough to tell a rare bigram from a common one, cheap for the common.
GRAM_COUNT_CAP = 2_000


def gram_frequencies(grams: Iterable[str]) -> dict[str, int]:
    """How many organisations hold each bigram, counted up to GRAM_COUNT_CAP, in one query."""
    grams = sorted(grams)
    table = SearchGram._meta.db_table
    counts = ", ".join(
        f"(SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE gram = %s LIMIT {GRAM_COUNT_CAP}) AS g{index})"  # noqa: S608
        for index in range(len(grams))
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}", grams)  # our table name and placeholders only
        row = cursor.fetchone()
    return dict(zip(grams, row, strict=True))


def filter_by_query(queryset: QuerySet, query: str) -> QuerySet:
    """Narrow an Organisation queryset to those whose names or fields contain the query.

    One character (no bigram to look up): the organisations whose name, corporate form aside, begins with
    it (`젠` finds 주식회사 젠) — an index range, where a substring test would read every row.
    Longer: the candidates holding the query's rarest bigram, confirmed by a substring test when the query
    is longer than one bigram.
    """
    key = search_key(query)
    if not key:
        return queryset
    grams = bigrams(key)
    if not grams:
        # The next code point bounds the range (not U+10FFFF, which some collations ignore).
        return queryset.filter(name_key__gte=key, name_key__lt=chr(ord(key) + 1))
    frequencies = gram_frequencies(grams)
    if not all(frequencies.values()):
        return queryset.none()
    rarest = min(sorted(grams), key=lambda gram: frequencies[gram])
    # Every bigram common: the first and the last of the query, least likely to come together by chance.
    chosen = {key[:2], key[-2:]} if frequencies[rarest] >= GRAM_COUNT_CAP else {rarest}
    candidates = [SearchGram.objects.filter(gram=gram) for gram in sorted(chosen)]
    if len(key) > 2:
        # The substring test on `text|gram`, a value of both tables, so that the database can only test it on
        # the candidates the bigram index yields, never on every organisation (PostgreSQL would). The key
        # (3+ characters, no `|`) cannot fall inside the appended bigram nor straddle the separator.
        text = Concat(F("organisation__search_text"), Value(SEPARATOR), F("gram"), output_field=TextField())
        candidates[0] = candidates[0].alias(text_and_gram=text).filter(text_and_gram__contains=key)
    for grams_of_candidates in candidates:
        queryset = queryset.filter(id__in=grams_of_candidates.values("organisation_id"))
    return queryset
