"""Versions of the information services' data, for reads kept in the cache until the data changes.

Rule (the members registry's, alliance/members/membership.py): each area (`archive`, `newsletter`) has a
version in the cache; every write to the area's models moves it, at once and again after the write's
transaction commits (so a read made by another request before the commit is never kept under the new
version). Saves and deletes are caught by the models' signals (connected in apps.py), tag changes by
`m2m_changed`; bulk writes that bypass signals (the demo, `bulk_create`) call `data_changed(area)`.
`kept(area, name, compute)` returns a value computed once per version: what every visitor of a page would
compute alike (the archive's filter choices, the front page's newest reports and edition).

The boards are not versioned: a scheduled post becomes public when its time comes, with no write to mark it.
"""

import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction

ARCHIVE = "archive"
NEWSLETTER = "newsletter"
KEPT_SECONDS = 24 * 3600


def _key(area: str) -> str:
    return f"info.data.{area}.version"


def data_changed(area: str) -> None:
    """Forget what was kept for `area`: now, and again once the current transaction commits."""
    _new_version(area)
    transaction.on_commit(lambda: _new_version(area))


def _new_version(area: str) -> None:
    cache.set(_key(area), uuid.uuid4().hex, None)


def version(area: str) -> str:
    found = cache.get(_key(area))
    if found is None:
        cache.add(_key(area), uuid.uuid4().hex, None)
        found = cache.get(_key(area))
    return found


def kept(area: str, name: str, compute: Callable[[], object], *, extra: str = "") -> object:
    """`compute()` kept under the area's version (`extra`: another version the value depends on)."""
    key = f"info.data.{area}.{name}.{version(area)}.{extra}"
    found = cache.get(key)  # kept in a tuple: a computed None is kept too
    if found is None:
        found = (compute(),)
        cache.set(key, found, KEPT_SECONDS)
    return found[0]


def changed_handler(area: str):
    """A signal receiver moving `area`'s version (post_save, post_delete, m2m_changed)."""

    def receiver(**_signal) -> None:
        data_changed(area)

    return receiver
