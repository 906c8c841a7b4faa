"""Reads of the member registry that several callers share (directory, statistics, exports).

Rule (issue 2): a member counts on date D when it joined on or before D and had not withdrawn on or
before D.
"""

import datetime
from collections.abc import Mapping
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import CharField, F, Func, Q, QuerySet, Value
from django.utils.functional import cached_property

from alliance.core.korean import search_key
from alliance.members.models import BusinessField, Organisation
from alliance.members.search import filter_by_query


def member_on_q(on: datetime.date, prefix: str = "") -> Q:
    """The condition `member on date D` as a Q, for filters and conditional aggregates."""
    return Q(**{f"{prefix}joined_on__lte": on}) & (
        Q(**{f"{prefix}withdrawn_on__isnull": True}) | Q(**{f"{prefix}withdrawn_on__gt": on})
    )


def current_members(on: datetime.date | None = None) -> QuerySet:
    """Organisations that are members on `on` (today when omitted)."""
    return Organisation.objects.filter(member_on_q(on or datetime.date.today()))


DIRECTORY_FILTERS = ("q", "category", "sido", "field")


def business_field_names() -> list[str]:
    return list(BusinessField.objects.order_by("name").values_list("name", flat=True))


def not_members_on(on: datetime.date) -> QuerySet:
    """Ids of organisations that are not members on `on`: not yet joined, or withdrawn on or before it."""
    return Organisation.objects.filter(Q(joined_on__gt=on) | Q(withdrawn_on__lte=on)).values("id")


def _searched_members(params: Mapping[str, str], on: datetime.date | None) -> QuerySet:
    """Current members matching the search text and the business field (not yet category and region)."""
    organisations = Organisation.objects.exclude(id__in=not_members_on(on or datetime.date.today()))
    if params.get("field"):
        through = Organisation.fields.through.objects.filter(businessfield__name=params["field"])
        organisations = organisations.filter(id__in=through.values("organisation_id"))
    return filter_by_query(organisations, params.get("q") or "")


def _unindexed(name: str):
    """The column as an expression no index serves (`sido || ''`), for filters that must not drive a query."""
    return Func(F(name), Value(""), template="(%(expressions)s)", arg_joiner=" || ", output_field=CharField())


def _narrowed(organisations: QuerySet, params: Mapping[str, str], *, indexed: bool = True) -> QuerySet:
    for name in ("category", "sido"):
        if params.get(name):
            if indexed:
                organisations = organisations.filter(**{name: params[name]})
            else:
                organisations = organisations.alias(**{f"{name}_any": _unindexed(name)})
                organisations = organisations.filter(**{f"{name}_any": params[name]})
    return organisations


def directory_organisations(params: Mapping[str, str], *, on: datetime.date | None = None) -> QuerySet:
    """Current members matching the directory's search and filters, in name order (corporate form ignored).

    `params` holds any of q (search text), category, sido (short name) and field (a business field's name).
    The directory page and its export share this.

    Written for 100,000 organisations: membership is tested as `id NOT IN (the few who are not members)`
    and the field as `id IN (...)`, so that the name index can serve the order and counts read indexes.
    """
    return _narrowed(_searched_members(params, on), params).order_by("name_key")


def filter_query_string(params: Mapping[str, str], names=DIRECTORY_FILTERS) -> str:
    """`q=..&sido=..` of the non-empty filters, for page and export links that keep them."""
    return urlencode([(name, params[name]) for name in names if params.get(name)])


# Counting stops here: the real directory (about 1,140 members) always shows its exact count; a search
# among 100,000 benchmark rows shows "more than 5,000" instead of counting every match.
DIRECTORY_COUNT_CAP = 5_000


class _CappedPaginator(Paginator):
    """Lists with one queryset and counts, up to a cap, with another (same rows, the plan best for each)."""

    def __init__(self, object_list, per_page, *, count_list, cap: int):
        super().__init__(object_list, per_page)
        self._count_list = count_list
        self.cap = cap

    @cached_property
    def uncapped_count(self) -> int:
        return self._count_list.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.uncapped_count, self.cap)

    @property
    def capped(self) -> bool:
        return self.uncapped_count > self.cap


def directory_page(params: Mapping[str, str], *, on: datetime.date | None = None) -> dict:
    """One page of the public directory: `page` (cards with their fields), `count`, `capped`, `query_string`.

    Three queries whatever the page holds (one more for a search's bigram counts): the count, the page's
    organisations, their business fields. The page lists with the category and region tests kept off
    their indexes, so that the name index yields the first rows in order without sorting a whole region;
    the count uses those indexes.
    """
    searched = _searched_members(params, on)
    # With search text the candidates are few and may all sit at one end of the name index (`한빛…`):
    # sort them rather than walk the index; without it, matches are spread and the walk stops early.
    order = _unindexed("name_key").asc() if search_key(params.get("q") or "") else F("name_key").asc()
    listed = _narrowed(searched, params, indexed=False).order_by(order).prefetch_related("fields")
    paginator = _CappedPaginator(
        listed, settings.DIRECTORY_PAGE_SIZE, count_list=_narrowed(searched, params), cap=DIRECTORY_COUNT_CAP
    )
    page = paginator.get_page(params.get("page"))
    return {
        "page": page,
        "count": paginator.count,
        "capped": paginator.capped,
        "query_string": filter_query_string(params),
    }


REGISTRY_FILTERS = ("q", "category", "sido", "status")


def registry_organisations(params: Mapping[str, str], *, on: datetime.date | None = None) -> QuerySet:
    """All organisations, withdrawn ones included, narrowed by the staff registry's search and filters.

    `status` is `current` (members on `on`, today by default), `withdrawn` (withdrawn on or before it) or empty.
    """
    day = on or datetime.date.today()
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
