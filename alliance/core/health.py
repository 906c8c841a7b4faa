"""Health checks for the proxy, systemd and monitoring: JSON, no login, cheap.

- `/healthz`: the process answers (no database, nothing else): restart the process when this fails.
- `/readyz`: it can serve: the database answers, every migration is applied, the cache stores and returns a
  value, the task queue's table is readable and the file storage is reachable. 200 when all hold, else 503
  with each failing check named (the reason stays in the log, not in the public answer).

Migrations are compared with the code once per process and remembered once applied: the code of a running
process does not change, and an upgrade migrates before it restarts the servers (README, "Upgrade").
"""

import logging
import os
import uuid
from pathlib import Path

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult

from alliance.core.permissions import public

logger = logging.getLogger(__name__)
_migrations_applied = False


def _database() -> None:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")


def pending_migrations() -> list:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def _migrations() -> None:
    global _migrations_applied  # noqa: PLW0603  remembered per process (see the module)
    if _migrations_applied:
        return
    if pending_migrations():
        msg = "unapplied migrations"
        raise RuntimeError(msg)
    _migrations_applied = True


def _cache() -> None:
    # A key of its own per probe: the processes of every machine share one Redis, and a fixed key written by
    # another probe between this one's set and get would read as a broken cache.
    value = uuid.uuid4().hex
    key = f"readyz:probe:{value}"
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        msg = "the cache did not return what was stored"
        raise RuntimeError(msg)
    cache.delete(key)


def _task_queue() -> None:
    DBTaskResult.objects.order_by().values_list("pk").first()


def _storage() -> None:
    if isinstance(default_storage, FileSystemStorage):
        # Uploads are written here: the folder (or the one the first upload will create it in) must be writable.
        location = Path(default_storage.location)
        while not location.exists():  # the first upload creates the folder: its nearest parent must be writable
            location = location.parent
        if not (location.is_dir() and os.access(location, os.W_OK)):
            msg = f"{location} is not a writable directory"
            raise RuntimeError(msg)
    else:
        default_storage.exists("readyz-probe")


CHECKS = {
    "database": _database,
    "migrations": _migrations,
    "cache": _cache,
    "task_queue": _task_queue,
    "storage": _storage,
}


@public
@require_GET
@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@public
@require_GET
@never_cache
def readyz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("readiness check %s failed", name)
            results[name] = "failed"
        else:
            results[name] = "ok"
    ready = all(outcome == "ok" for outcome in results.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", "checks": results}, status=200 if ready else 503)
