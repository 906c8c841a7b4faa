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


def directory_organisations(params: Mapping[str, str], *, on: datetime.date | None = None) -> QuerySet:
    """Current members matching the directory's search and filters, in name order (corporate form ignored).

    `params` holds any of q (search text), category, sido (short name) and field (a business field's name).
    The directory page and its export share this.

    Written for 100,000 organisations: membership is tested as `id NOT IN (the few who are not members)`
    and the field as `id IN (...)`, so that counting reads indexes only and the name index serves the order.
    """
    organisations = Organisation.objects.exclude(id__in=not_members_on(on or datetime.date.today()))
    if params.get("category"):
        organisations = organisations.filter(category=params["category"])
    if params.get("sido"):
        organisations = organisations.filter(sido=params["sido"])
    if params.get("field"):
        through = Organisation.fields.through.objects.filter(businessfield__name=params["field"])
        organisations = organisations.filter(id__in=through.values("organisation_id"))
    return filter_by_query(organisations, params.get("q") or "").order_by("name_key")


def filter_query_string(params: Mapping[str, str], names=DIRECTORY_FILTERS) -> str:
    """`q=..&sido=..` of the non-empty filters, for page and export links that keep them."""
    return urlencode([(name, params[name]) for name in names if params.get(name)])


class _Paginator(Paginator):
    """Counts with one queryset and lists with another (same rows, a query plan better for each)."""

    def __init__(self, object_list, per_page, *, count_list):
        super().__init__(object_list, per_page)
        self._count_list = count_list

    @cached_property
    def count(self) -> int:
        return self._count_list.count()


def _unindexed(name: str):
    """The column as an expression no index serves (`sido || ''`), for filters that must not drive a query."""
    return Func(F(name), Value(""), template="(%(expressions)s)", arg_joiner=" || ", output_field=CharField())


def directory_page(params: Mapping[str, str]) -> dict:
    """One page of the public directory: `page` (cards with their fields), `count`, and `query_string`.

    Four queries whatever the page holds (plus one for a search's bigram counts): the count, the page's
    organisations, their business fields. The page lists with the category and region tests kept off
    their indexes, so that the name index yields the first rows in order without sorting a whole region.
    """
    organisations = directory_organisations(params)
    listed = directory_organisations({**params, "category": "", "sido": ""})
    if params.get("category"):
        listed = listed.alias(category_any=_unindexed("category")).filter(category_any=params["category"])
    if params.get("sido"):
        listed = listed.alias(sido_any=_unindexed("sido")).filter(sido_any=params["sido"])
    paginator = _Paginator(listed.prefetch_related("fields"), settings.DIRECTORY_PAGE_SIZE, count_list=organisations)
    page = paginator.get_page(params.get("page"))
    return {"page": page, "count": paginator.count, "query_string": filter_query_string(params)}


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
