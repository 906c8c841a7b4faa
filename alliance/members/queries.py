"""Reads of the member registry that several callers share (directory, statistics, exports).

Rule (issue 2): a member counts on date D when it joined on or before D and had not withdrawn on or
before D.
"""

import datetime
from collections.abc import Mapping
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet

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


def directory_organisations(params: Mapping[str, str], *, on: datetime.date | None = None) -> QuerySet:
    """Current members matching the directory's search and filters, in name order (corporate form ignored).

    `params` holds any of q (search text), category, sido (short name) and field (a business field's name).
    The directory page and its export share this.
    """
    organisations = current_members(on)
    if params.get("category"):
        organisations = organisations.filter(category=params["category"])
    if params.get("sido"):
        organisations = organisations.filter(sido=params["sido"])
    if params.get("field"):
        organisations = organisations.filter(fields__name=params["field"])
    return filter_by_query(organisations, params.get("q") or "").order_by("name_key")


def filter_query_string(params: Mapping[str, str], names=DIRECTORY_FILTERS) -> str:
    """`q=..&sido=..` of the non-empty filters, for page and export links that keep them."""
    return urlencode([(name, params[name]) for name in names if params.get(name)])


def directory_page(params: Mapping[str, str]) -> dict:
    """One page of the public directory: `page` (cards with their fields), `count`, and `query_string`.

    Three queries whatever the page holds: the count, the page's organisations, their business fields.
    """
    organisations = directory_organisations(params).prefetch_related("fields")
    page = Paginator(organisations, settings.DIRECTORY_PAGE_SIZE).get_page(params.get("page"))
    return {"page": page, "count": page.paginator.count, "query_string": filter_query_string(params)}


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
