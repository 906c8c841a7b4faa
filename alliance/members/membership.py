"""Who is a member on a day: the one definition, and the cached member count.

Rule: an organisation is a member on date D when it joined on or before D and had not withdrawn on or
before D (a withdrawal takes effect on its date). Every app asks this module (`member_on_q`,
`current_members`, `non_member_ids`, `member_count`) or `Organisation.is_member_on`, which states the same
rule for one row; none writes its own condition.

The home page and the directory's unfiltered pages show the member count on every visit, and at 100,000
organisations counting reads every row or index entry (10–20 ms on PostgreSQL). The count is cached under
the day and a registry version; every write to organisations moves the version, at once and again after its
transaction commits (so that a count read by another request before the commit is never kept under the new
version): saves and deletes through the model's signals (connected in apps.py), and the bulk writes (the
importer, the demo data) by calling `registry_changed()`.
"""

import datetime
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from alliance.members.models import Organisation

VERSION_KEY = "members.registry.version"
DAY_SECONDS = 24 * 3600


def member_on_q(on: datetime.date, prefix: str = "") -> Q:
    """The condition `member on date D` as a Q, for filters and conditional aggregates; `prefix` reaches the
    organisation through a relation (`"organisation__"`)."""
    return Q(**{f"{prefix}joined_on__lte": on}) & (
        Q(**{f"{prefix}withdrawn_on__isnull": True}) | Q(**{f"{prefix}withdrawn_on__gt": on})
    )


def current_members(on: datetime.date | None = None) -> QuerySet:
    """Organisations that are members on `on` (today when omitted)."""
    return Organisation.objects.filter(member_on_q(on or timezone.localdate()))


def non_member_ids(on: datetime.date) -> tuple[QuerySet, QuerySet]:
    """Ids of the organisations that are not members on `on`, as two disjoint sets: those not yet joined,
    and those withdrawn on or before it (a withdrawal never precedes the joining).

    They are few, so `id NOT IN (these)` is cheap on every row. Two sets rather than one `OR`: each is read
    from its own (date, id) index alone, where PostgreSQL answers an `OR` by visiting every matching row.
    """
    return (
        Organisation.objects.filter(joined_on__gt=on).values("id"),
        Organisation.objects.filter(withdrawn_on__lte=on).values("id"),
    )


def registry_changed(**_signal) -> None:
    """Forget cached member counts: now, and again once the current transaction commits."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def registry_day_version() -> str:
    """What the directory's pages and the member count depend on: the registry's version and the day (who is a
    member on it); pages kept rendered for anonymous visitors (core/page_cache.py) are keyed by it."""
    return f"{timezone.localdate()}:{_version()}"


def _version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def member_count(on: datetime.date | None = None) -> int:
    """The exact number of members on `on` (today when omitted).

    Counted as every organisation less those that are not members (`non_member_ids`: few, read from the two
    date indexes), because the membership condition itself reads every row.
    """
    day = on or timezone.localdate()
    key = f"members.count.{day.isoformat()}.{_version()}"
    count = cache.get(key)
    if count is None:
        count = Organisation.objects.count() - sum(ids.count() for ids in non_member_ids(day))
        cache.set(key, count, DAY_SECONDS)
    return count
