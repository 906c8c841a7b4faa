"""The exact number of members on a day, kept in the cache until the registry changes.

The home page and the directory's unfiltered pages show it on every visit, and at 100,000 organisations
counting reads every row or index entry (10–20 ms on PostgreSQL). The count is cached under the day and a
registry version; every write to organisations moves the version, at once and again after its transaction
commits (so that a count read by another request before the commit is never kept under the new version):
saves and deletes through the model's signals (connected in apps.py), and the bulk writes (the importer,
the demo data) by calling `registry_changed()`.
"""

import datetime
import uuid

from django.core.cache import cache
from django.db import transaction

from alliance.members.models import Organisation

VERSION_KEY = "members.registry.version"
DAY_SECONDS = 24 * 3600


def registry_changed(**_signal) -> None:
    """Forget cached member counts: now, and again once the current transaction commits."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def _version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def member_count(on: datetime.date | None = None) -> int:
    """The exact number of members on `on` (today when omitted).

    Counted as every organisation less those that are not members (`queries.non_member_ids`: few, read from
    the two date indexes), because the membership condition itself reads every row.
    """
    from alliance.members.queries import non_member_ids

    day = on or datetime.date.today()
    key = f"members.count.{day.isoformat()}.{_version()}"
    count = cache.get(key)
    if count is None:
        count = Organisation.objects.count() - sum(ids.count() for ids in non_member_ids(day))
        cache.set(key, count, DAY_SECONDS)
    return count
