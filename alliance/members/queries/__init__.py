"""Reads of the member registry that several callers share (directory, statistics, exports).

Who counts as a member on a day is `membership.py`'s rule.
"""

import datetime
from collections.abc import Callable, Mapping
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.functional import cached_property

from alliance.core.korean import fold_width
from alliance.members import search
from alliance.members.membership import member_count, member_on_q, non_member_ids
from alliance.members.models import BusinessField, BusinessFieldVariant, Organisation
from alliance.members.models.organisation import business_field_key
from alliance.members.search import filter_by_query

DIRECTORY_FILTERS = ("q", "category", "sido", "field")


def business_field_names() -> list[str]:
    return list(BusinessField.objects.order_by("name").values_list("name", flat=True))


def business_field_terms(names) -> dict[str, str]:
    """{typed name: the term it means} for these names: the term with its key (`business_field_key`) or with a
    variant of that key; a name that matches no term means the first (in sorted order) of the typed names
    sharing its key, spaces collapsed and full-width letters and digits made plain ("ＸＲ" → "XR")."""
    names = list(names)
    cleaned = sorted({_plain(name) for name in names if name and name.strip()})
    keys = {name: business_field_key(name) for name in cleaned}
    by_key = _terms_by_key(set(keys.values()))
    for name, key in keys.items():
        by_key.setdefault(key, name)
    return {name: by_key[keys[_plain(name)]] for name in names if name and name.strip()}


def vocabulary_split(names) -> tuple[list[str], list[str]]:
    """(the sorted terms these typed names mean, the names that mean no term of the vocabulary): a known term
    or a recorded spelling of one is that term; any other name (spaces collapsed, full-width made plain, one
    per key) is not in the vocabulary."""
    cleaned = sorted({_plain(name) for name in names if name and name.strip()})
    keys = {name: business_field_key(name) for name in cleaned}
    by_key = _terms_by_key(set(keys.values()))
    known = sorted({by_key[key] for key in keys.values() if key in by_key})
    unknown, seen = [], set()
    for name, key in keys.items():
        if key not in by_key and key not in seen:
            seen.add(key)
            unknown.append(name)
    return known, unknown


def _terms_by_key(keys: set[str]) -> dict[str, str]:
    by_key = dict(BusinessField.objects.filter(key__in=keys).values_list("key", "name"))
    for key, name in BusinessFieldVariant.objects.filter(key__in=keys).values_list("key", "field__name"):
        by_key.setdefault(key, name)
    return by_key


def _plain(name: str) -> str:
    return " ".join(fold_width(name).split())


def directory_search(params: Mapping[str, str]) -> search.Search:
    """The directory's search text and filters (category, sido, field) as one token search."""
    facets = []
    if params.get("category"):
        facets.append(search.category_token(params["category"]))
    if params.get("sido"):
        facets.append(search.sido_token(params["sido"]))
    if params.get("field"):
        field_id = BusinessField.objects.filter(name=params["field"]).values_list("id", flat=True).first()
        if field_id is None:
            return search.Search(impossible=True)
        facets.append(search.field_token(field_id))
    return search.plan_search(query=params.get("q") or "", facets=facets)


def _matching_rows(params: Mapping[str, str], on: datetime.date | None) -> QuerySet:
    return directory_search(params).token_rows(excluded=non_member_ids(on or timezone.localdate()))


def directory_organisations(params: Mapping[str, str], *, on: datetime.date | None = None) -> QuerySet:
    """Current members matching the directory's search and filters, in name order (corporate form ignored).

    `params` holds any of q (search text), category, sido (short name) and field (a business field's name).
    The directory page and its export share this.
    """
    matching = _matching_rows(params, on).values("organisation_id")
    return Organisation.objects.filter(id__in=matching).order_by("name_key")


def filter_query_string(params: Mapping[str, str], names=DIRECTORY_FILTERS) -> str:
    """`q=..&sido=..` of the non-empty filters, for page and export links that keep them."""
    return urlencode([(name, params[name]) for name in names if params.get(name)])


# Counting a search or filter stops here: the real directory (about 1,140 members) always shows its exact
# count (its broadest filter, 서울, holds about 660); a search among 100,000 benchmark rows shows "more than
# 1,000" instead of confirming every match, which is what a count costs (each candidate's text is read to
# confirm it). Without a search or filter the count is exact whatever the size (`member_count`).
DIRECTORY_COUNT_CAP = 1_000


class _OrganisationsOf:
    """The organisations of ordered token rows, as the paginator slices them: one page, one query (+ fields).

    `exact_count`, when given, is the count (no cap): the unfiltered directory is every member.
    """

    def __init__(self, rows: QuerySet, *, cap: int, exact_count: Callable[[], int] | None = None):
        self._rows = rows
        self.cap = cap
        self._exact_count = exact_count

    @cached_property
    def uncapped_count(self) -> int:
        if self._exact_count is not None:
            return self._exact_count()
        return self._rows.order_by()[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        return self._exact_count is None and self.uncapped_count > self.cap

    def count(self) -> int:
        return self.uncapped_count if self._exact_count is not None else min(self.uncapped_count, self.cap)

    def __getitem__(self, window: slice) -> list[Organisation]:
        ids = list(self._rows.values_list("organisation_id", flat=True)[window])
        found = Organisation.objects.filter(id__in=ids).prefetch_related("fields").in_bulk()
        return [found[pk] for pk in ids]


def directory_page(params: Mapping[str, str], *, on: datetime.date | None = None) -> dict:
    """One page of the public directory: `page` (cards with their fields), `count`, `capped`, `query_string`.

    A fixed number of queries whatever the page holds: the token counts of a search, the count, the page's
    ids in name order, their organisations and their business fields.
    """
    unfiltered = not any(params.get(name) for name in DIRECTORY_FILTERS)
    organisations = _OrganisationsOf(
        _matching_rows(params, on).order_by("name_key"),
        cap=DIRECTORY_COUNT_CAP,
        exact_count=(lambda: member_count(on)) if unfiltered else None,
    )
    page = Paginator(organisations, settings.DIRECTORY_PAGE_SIZE).get_page(params.get("page"))
    return {
        "page": page,
        "count": organisations.count(),
        "capped": organisations.capped,
        "query_string": filter_query_string(params),
    }


REGISTRY_FILTERS = ("q", "category", "sido", "status")


def registry_organisations(params: Mapping[str, str], *, on: datetime.date | None = None) -> QuerySet:
    """All organisations, withdrawn ones included, narrowed by the staff registry's search and filters.

    `status` is `current` (members on `on`, today by default), `withdrawn` (withdrawn on or before it) or empty.
    """
    day = on or timezone.localdate()
    organisations = Organisation.objects.all()
    if params.get("category"):
        organisations = organisations.filter(category=params["category"])
    if params.get("sido"):
        organisations = organisations.filter(sido=params["sido"])
    if params.get("status") == "current":
        organisations = organisations.filter(member_on_q(day))
    elif params.get("status") == "withdrawn":
        organisations = organisations.filter(withdrawn_on__lte=day)
    return filter_by_query(organisations, params.get("q") or "").order_by("name_key")


def field_usage() -> dict[int, int]:
    """{term id: how many organisations (current or withdrawn) have it}."""
    through = Organisation.fields.through
    return dict(through.objects.values("businessfield_id").annotate(n=Count("id")).values_list("businessfield_id", "n"))


def vocabulary_terms(q: str = "") -> list[BusinessField]:
    """The terms (those whose name or a variant contains `q`), each with `variant_names` and `organisation_count`."""
    terms = BusinessField.objects.prefetch_related("variants").order_by("name")
    if q:
        terms = terms.filter(Q(name__icontains=q) | Q(variants__name__icontains=q)).distinct()
    usage = field_usage()
    terms = list(terms)
    for term in terms:
        term.variant_names = [variant.name for variant in term.variants.all()]
        term.organisation_count = usage.get(term.pk, 0)
    return terms


def organisations_with_field(field: BusinessField):
    through = Organisation.fields.through
    ids = through.objects.filter(businessfield_id=field.pk).values("organisation_id")
    return Organisation.objects.filter(pk__in=ids).order_by("name")
