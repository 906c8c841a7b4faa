"""The index's version per kind: moved by every write of a kind's documents (services.py), so that a search's
result kept in the cache under it (`queries.rank_kept`) is never served after the index changed.

Moved at once and again after the writing transaction commits (a search made by another request before the
commit is never kept under the new version).
"""

import uuid

from django.core.cache import cache
from django.db import transaction


def _key(kind: str) -> str:
    return f"fulltext.{kind}.version"


def index_changed(kind: str) -> None:
    """Forget the searches of `kind` kept so far: now, and again once the current transaction commits."""
    _new_version(kind)
    transaction.on_commit(lambda: _new_version(kind))


def _new_version(kind: str) -> None:
    cache.set(_key(kind), uuid.uuid4().hex, None)


def index_version(kind: str) -> str:
    found = cache.get(_key(kind))
    if found is None:
        cache.add(_key(kind), uuid.uuid4().hex, None)
        found = cache.get(_key(kind))
    return found
