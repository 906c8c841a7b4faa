"""Directory search that works in Korean, fast at 100,000 organisations.

Rules (issue 2): a part of a word finds the whole (`트윈` → `디지털트윈`), name variants find each other
(`㈜젠` → `주식회사 젠`), spacing does not matter (`디지털 트윈` = `디지털트윈`). Names, English names and
business fields are searched. One character matches the names that begin with it (`젠` → 주식회사 젠):
a single syllable is how people look a company up by its initial, and a substring test on one character
would read every row.

Text and query are both reduced by `core.korean.company_name_key`; a query matches when its key is a
substring of the organisation's `search_text`.

Speed: every organisation has tokens in `SearchToken` — its text's bigrams and one token per facet
(`ALL`, category, 시·도, business field) — each row carrying the organisation's name key. A search with
filters is a set of tokens; the rarest one drives: its rows are walked in name order along the
(token, name_key) index, the other tokens are probed by the (organisation, token) index, and a query
longer than one bigram is confirmed by a substring test. A page therefore reads about a page of rows,
and counting stops at a cap. Which token is rarest comes from counts kept a few minutes in the cache
(`token_frequencies`): they choose the plan, never the answer.
"""

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, OuterRef, QuerySet

from alliance.core.bulk import insert_rows
from alliance.core.korean import company_name_key, search_key
from alliance.members.models import Organisation, SearchToken

SEPARATOR = "|"
ALL = "\x01*"
# Counting a token's rows (an index-only range) stops here: far enough to tell common tokens apart.
TOKEN_COUNT_CAP = 10_000
FREQUENCY_SECONDS = 300


def category_token(category: str) -> str:
    return f"\x01c{category}"


def sido_token(sido: str) -> str:
    return f"\x01s{sido}"


def field_token(field_id: int) -> str:
    return f"\x01f{field_id}"


def build_search_text(*, name: str, name_en: str, field_names: Iterable[str]) -> str:
    pieces = [company_name_key(name), company_name_key(name_en), *(company_name_key(f) for f in field_names)]
    return SEPARATOR.join(piece for piece in pieces if piece)


def bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1) if SEPARATOR not in text[i : i + 2]}


def tokens_of(*, search_text: str, category: str, sido: str, field_ids: Iterable[int]) -> set[str]:
    tokens = bigrams(search_text) | {ALL, category_token(category)}
    if sido:
        tokens.add(sido_token(sido))
    tokens.update(field_token(field_id) for field_id in field_ids)
    return tokens


def _chunks(values: list, size: int) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def reindex(organisation_ids: Iterable[int], *, fresh: bool = False) -> None:
    """Rebuild the tokens of these organisations from their stored rows and business fields.

    Call after any write that changes an organisation's names, category, 시·도 or fields; `fresh` skips
    deleting old tokens, for organisations created in the same transaction.
    """
    through = Organisation.fields.through
    for chunk in _chunks(list(organisation_ids), 5_000):
        if not fresh:
            SearchToken.objects.filter(organisation_id__in=chunk).delete()
        fields_of = defaultdict(list)
        for organisation_id, field_id in through.objects.filter(organisation_id__in=chunk).values_list(
            "organisation_id", "businessfield_id"
        ):
            fields_of[organisation_id].append(field_id)
        columns = ("id", "name_key", "search_text", "category", "sido")
        rows = Organisation.objects.filter(id__in=chunk).values_list(*columns)
        insert_rows(
            SearchToken._meta.db_table,
            ("organisation_id", "name_key", "token"),
            (
                (organisation_id, name_key, token)
                for organisation_id, name_key, text, category, sido in rows
                for token in tokens_of(
                    search_text=text, category=category, sido=sido, field_ids=fields_of[organisation_id]
                )
            ),
        )


def token_frequencies(tokens: Iterable[str]) -> dict[str, int]:
    """How many organisations hold each token, counted up to TOKEN_COUNT_CAP.

    The counts only choose which token drives a search, so a count may be a few minutes old: non-zero counts
    are kept in the cache for FREQUENCY_SECONDS (counting a common token's rows is most of a long query's
    time on PostgreSQL). A zero is never kept, since it answers the search outright (nothing matches).
    """
    tokens = sorted(set(tokens))
    keys = {token: _frequency_key(token) for token in tokens}
    known = cache.get_many(keys.values())
    frequencies = {token: known[key] for token, key in keys.items() if key in known}
    missing = [token for token in tokens if token not in frequencies]
    if missing:
        counted = _count_tokens(missing)
        cache.set_many({keys[token]: count for token, count in counted.items() if count}, FREQUENCY_SECONDS)
        frequencies.update(counted)
    return frequencies


def _frequency_key(token: str) -> str:
    # Tokens are Korean text and control characters: hashed into a key every cache backend takes.
    return "members.search.frequency." + hashlib.sha256(token.encode()).hexdigest()[:32]


def _count_tokens(tokens: list[str]) -> dict[str, int]:
    """Each token's row count up to TOKEN_COUNT_CAP, in one query."""
    table = SearchToken._meta.db_table
    counts = ", ".join(
        f"(SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE token = %s LIMIT {TOKEN_COUNT_CAP}) AS t{index})"  # noqa: S608
        for index in range(len(tokens))
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {counts}", tokens)  # our table name and placeholders only
        row = cursor.fetchone()
    return dict(zip(tokens, row, strict=True))


@dataclass
class Search:
    """A directory search as tokens: `driver` is walked, `probes` must also be held, `substring` confirms."""

    driver: str = ALL
    probes: list[str] = field(default_factory=list)
    substring: str = ""
    initial: str = ""
    impossible: bool = False

    def token_rows(self, *, excluded: Iterable[QuerySet] = ()) -> QuerySet:
        """The driver's SearchToken rows that satisfy the search, unordered; `organisation_id` is the answer.

        `excluded`: querysets of organisation ids to leave out."""
        if self.impossible:
            return SearchToken.objects.none()
        rows = SearchToken.objects.filter(token=self.driver)
        if self.initial:
            # The next code point bounds the range (not U+10FFFF, which some collations ignore).
            rows = rows.filter(name_key__gte=self.initial, name_key__lt=chr(ord(self.initial) + 1))
        for token in self.probes:
            rows = rows.filter(
                Exists(SearchToken.objects.filter(organisation_id=OuterRef("organisation_id"), token=token))
            )
        if self.substring:
            rows = rows.filter(organisation__search_text__contains=self.substring)
        for ids in excluded:
            rows = rows.exclude(organisation_id__in=ids)
        return rows


def plan_search(*, query: str = "", facets: Iterable[str] = ()) -> Search:
    """The cheapest way to answer a search text together with facet tokens (category, 시·도, field)."""
    key = search_key(query)
    facets = sorted(set(facets))
    if len(key) == 1:
        search = Search(initial=key)
        grams: set[str] = set()
    else:
        grams = bigrams(key)
        search = Search(substring=key if len(key) > 2 else "")
    candidates = sorted(grams | set(facets))
    if not candidates:
        return search
    frequencies = token_frequencies(candidates)
    if not all(frequencies.values()):
        return Search(impossible=True)
    search.driver = min(candidates, key=lambda token: (frequencies[token], token))
    # Facets are exact and must be probed; bigrams other than the driver are implied by the substring test.
    search.probes = [token for token in facets if token != search.driver]
    if len(key) == 2 and search.driver not in grams:
        search.probes.append(key)
    return search


def filter_by_query(queryset: QuerySet, query: str) -> QuerySet:
    """Narrow an Organisation queryset to those whose names or fields match the search text."""
    if not search_key(query):
        return queryset
    matching = plan_search(query=query).token_rows()
    return queryset.filter(id__in=matching.values("organisation_id"))
