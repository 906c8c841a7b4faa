"""Backups: the database, the stored files and a manifest, written together and restored together.

`write_backup(out)` writes into a sibling folder and renames it to `out` only when everything is written, so a
folder named like a backup is always a whole one:

- the database: PostgreSQL with `pg_dump --format=custom` (one consistent snapshot); SQLite with its online
  backup API (consistent while the platform keeps writing);
- `files/`: every file of the default storage (the local media folder or the object store), read through the
  storage API;
- `manifest.json`: the engine, when, the latest migration per app, the row count of every table and the size
  and SHA-256 of the database copy and of every file.

`restore_backup(folder)` refuses a damaged backup (a checksum that does not match) and a database or storage
that already holds data unless `force`; it loads the database (`pg_restore`; SQLite's backup API the other way
round), puts the files back, and then checks that the counts and checksums equal the manifest's.

Files written between the database snapshot and the copy of the files are in the backup without a row that
points to them: harmless. The reverse (a row whose file is missing) cannot happen, because files are copied
after the snapshot and the platform never deletes a file that a row still names.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.db import connection, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.translation import gettext as _

MANIFEST = "manifest.json"
FILES_DIR = "files"
FORMAT_VERSION = 1
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or a restore that cannot be done; the message says why, in the user's language."""


@dataclass
class RestoreReport:
    counts: dict[str, int]
    files: int
    problems: list[str] = field(default_factory=list)


def sha256_of(stream) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: stream.read(_CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def _engine() -> str:
    return "postgresql" if connection.vendor == "postgresql" else connection.vendor


def table_counts() -> dict[str, int]:
    """Rows per model (`app_label.Model`), every installed model with a table of its own."""
    return {model._meta.label: model._base_manager.count() for model in sorted(_counted_models(), key=_label)}


def _label(model) -> str:
    return model._meta.label


def _latest_migrations() -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def stored_files(storage=default_storage, folder: str = "") -> list[str]:
    """Every file below `folder` of the storage, as storage names, sorted."""
    if folder and not storage.exists(folder):
        return []
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}/{name}" if folder else name for name in files]
    for directory in directories:
        names.extend(stored_files(storage, f"{folder}/{directory}" if folder else directory))
    return sorted(names)


def _postgres_environment() -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump and pg_restore; the password through the environment, not argv."""
    settings = connection.settings_dict
    arguments = ["--dbname", settings["NAME"]]
    if settings.get("HOST"):
        arguments += ["--host", settings["HOST"]]
    if settings.get("PORT"):
        arguments += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        arguments += ["--username", settings["USER"]]
    environment = {**os.environ, "PGPASSWORD": settings.get("PASSWORD") or ""}
    return arguments, environment


def _run(command: list[str], environment: dict[str, str]) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(
            _("%(program)s failed: %(error)s") % {"program": command[0], "error": result.stderr.strip()[-2000:]}
        )


def _counted_models():
    return [
        model for model in apps.get_models(include_auto_created=True) if not model._meta.proxy and model._meta.managed
    ]


def _dump_database(target: Path) -> tuple[str, dict[str, int]]:
    """Copy the database into `target`; returns the copy's file name and the row counts of that very copy."""
    if _engine() == "postgresql":
        return _dump_postgresql(target)
    if _engine() != "sqlite":
        raise BackupError(_("Backups support PostgreSQL and SQLite databases only."))
    name = "database.sqlite3"
    connection.ensure_connection()
    destination = sqlite3.connect(target / name)
    try:
        connection.connection.backup(destination)
        counts = {
            model._meta.label: destination.execute(f'SELECT COUNT(*) FROM "{model._meta.db_table}"').fetchone()[0]  # noqa: S608  table names from the models
            for model in _counted_models()
        }
    finally:
        destination.close()
    return name, dict(sorted(counts.items()))


def _dump_postgresql(target: Path) -> tuple[str, dict[str, int]]:
    """pg_dump reads the snapshot this transaction exports, so the counts taken in it are the dump's."""
    name = "database.dump"
    arguments, environment = _postgres_environment()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = table_counts()
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--snapshot={snapshot}",
                "--file",
                str(target / name),
                *arguments,
            ],
            environment,
        )
    return name, counts


def _copy_files(target: Path, storage=default_storage) -> dict[str, dict]:
    listed = {}
    for name in stored_files(storage):
        path = target / FILES_DIR / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with storage.open(name, "rb") as source, path.open("wb") as copy:
            shutil.copyfileobj(source, copy, _CHUNK)
        with path.open("rb") as written:
            listed[name] = {"size": path.stat().st_size, "sha256": sha256_of(written)}
    return listed


def write_backup(out: Path) -> dict:
    """Write a whole backup to `out` (which must not exist yet, or be an empty folder); returns the manifest."""
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise BackupError(_("%(folder)s already exists and is not empty: choose a new folder.") % {"folder": out})
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        created_at = timezone.now()
        database, counts = _dump_database(partial)
        with (partial / database).open("rb") as dump:
            database_sha = sha256_of(dump)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": created_at.isoformat(),
            "engine": _engine(),
            "database": {"file": database, "size": (partial / database).stat().st_size, "sha256": database_sha},
            "migrations": _latest_migrations(),
            "counts": counts,
            "files": _copy_files(partial),
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        if out.exists():
            out.rmdir()
        partial.rename(out)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return manifest


def read_manifest(folder: Path) -> dict:
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise BackupError(_("%(folder)s is not a backup: it has no manifest.json.") % {"folder": folder})
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(_("manifest.json cannot be read: %(error)s") % {"error": error}) from None
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(_("This backup's format is not one this version can restore."))
    return manifest


def verify_backup(folder: Path, manifest: dict) -> None:
    """Every file of the backup is there with the size and checksum the manifest gives."""
    folder = Path(folder)
    expected = [(manifest["database"]["file"], manifest["database"])] + [
        (f"{FILES_DIR}/{name}", entry) for name, entry in manifest["files"].items()
    ]
    for relative, entry in expected:
        path = folder / relative
        if not path.is_file():
            raise BackupError(_("The backup is incomplete: %(file)s is missing.") % {"file": relative})
        with path.open("rb") as stream:
            if sha256_of(stream) != entry["sha256"]:
                raise BackupError(
                    _("The backup is damaged: %(file)s does not match its checksum.") % {"file": relative}
                )


def platform_is_empty(storage=default_storage) -> bool:
    """No row in any platform table (Django's own bookkeeping aside) and no stored file."""
    bookkeeping = {"contenttypes.ContentType", "auth.Permission"}
    with_rows = [label for label, count in table_counts_if_migrated().items() if count and label not in bookkeeping]
    return not with_rows and not stored_files(storage)


def table_counts_if_migrated() -> dict[str, int]:
    existing = set(connection.introspection.table_names())
    return {
        model._meta.label: model._base_manager.count()
        for model in _counted_models()
        if model._meta.db_table in existing
    }


def _load_database(folder: Path, manifest: dict) -> None:
    path = Path(folder) / manifest["database"]["file"]
    if manifest["engine"] != _engine():
        raise BackupError(
            _("This backup is of a %(backup)s database; the platform is configured for %(here)s.")
            % {"backup": manifest["engine"], "here": _engine()}
        )
    if _engine() == "postgresql":
        arguments, environment = _postgres_environment()
        connections.close_all()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                *arguments,
                str(path),
            ],
            environment,
        )
        return
    connection.ensure_connection()
    source = sqlite3.connect(path)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    connections.close_all()


def _restore_files(folder: Path, manifest: dict, storage=default_storage) -> None:
    for name in manifest["files"]:
        if storage.exists(name):
            storage.delete(name)
        with (Path(folder) / FILES_DIR / name).open("rb") as stream:
            saved = storage.save(name, File(stream, name=name))
        if saved != name:
            raise BackupError(_("The storage renamed %(file)s while restoring it.") % {"file": name})


def restore_backup(folder: Path, *, force: bool = False, storage=default_storage) -> RestoreReport:
    """Restore a backup onto this platform's database and storage, then check it against the manifest."""
    manifest = read_manifest(folder)
    verify_backup(folder, manifest)
    if not force and not platform_is_empty(storage):
        raise BackupError(
            _("The database or the file storage already holds data: restore refused (use --force to replace it).")
        )
    _load_database(folder, manifest)
    _restore_files(folder, manifest, storage)
    counts = table_counts()
    problems = [
        _("%(table)s: %(found)s rows restored, %(expected)s in the backup.")
        % {"table": label, "found": counts.get(label, 0), "expected": expected}
        for label, expected in manifest["counts"].items()
        if counts.get(label, 0) != expected
    ]
    for name, entry in manifest["files"].items():
        with storage.open(name, "rb") as stream:
            if sha256_of(stream) != entry["sha256"]:
                problems.append(_("%(file)s: the restored file does not match its checksum.") % {"file": name})
    return RestoreReport(counts=counts, files=len(manifest["files"]), problems=problems)
