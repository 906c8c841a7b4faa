"""A published snapshot's files as served: its JSON API document and its landscape.yml, computed once.

Rule: a published snapshot never changes, so what the public reads of it is computed when it is published and
kept, not rebuilt on every request (at 10,000 players each took 1.3–1.6 s and weighs 5.3 MB).
`store_snapshot_files` runs inside `freeze_snapshot`'s transaction: the landscape.yml is the year's map at that
moment (the frozen data does not hold everything the landscape form carries, so it cannot be computed later),
the JSON document is `snapshot_api.public_document` of the frozen data. Each is one file in the file storage
(`ecosystem/snapshots/`) with a `SnapshotFile` row holding its SHA-256, the strong ETag it is served with
(views answer 304 to a matching If-None-Match), and the version of the shape it was computed in.

`api_file(slug)` is what the API view serves: the stored document, computed now and stored when missing
(a snapshot published before files were kept) or of another version (an upgrade changed API_FORMAT or the logo
address); two requests doing so at once keep one row. `landscape_file(year)` is the stored landscape.yml
or None for a snapshot published before (its year's live landscape.yml is all there is).
Side effects: files written to the default storage, `SnapshotFile` rows created or replaced; no audit entry
(nothing a person decided: the publication itself is audited by freeze_snapshot).
"""

import gzip
import hashlib
import json

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction

from alliance.ecosystem.models import Snapshot, SnapshotFile
from alliance.ecosystem.services.landscape_export import landscape_categories
from alliance.ecosystem.services.landscape_yml import dump_landscape
from alliance.ecosystem.snapshot_api import API_FORMAT, logo_prefix, public_document

LANDSCAPE_VERSION = "landscape-1"
EXTENSIONS = {SnapshotFile.Kind.API_JSON: "json", SnapshotFile.Kind.LANDSCAPE_YML: "yml"}


def api_version() -> str:
    """The API document's version: its format and the address its logos are under."""
    return f"api-{API_FORMAT}:{logo_prefix()}"


def api_document_bytes(snapshot: Snapshot) -> bytes:
    document = public_document(snapshot, logo_prefix=logo_prefix())
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def _store(snapshot: Snapshot, kind: str, version: str, content: bytes) -> SnapshotFile:
    etag = hashlib.sha256(content).hexdigest()
    base = f"ecosystem/snapshots/{snapshot.slug}-{kind}-{etag[:16]}.{EXTENSIONS[kind]}"
    names = [
        default_storage.save(base, ContentFile(content)),
        default_storage.save(f"{base}.gz", ContentFile(gzip.compress(content, compresslevel=9, mtime=0))),
    ]
    values = {"version": version, "file": names[0], "compressed": names[1], "etag": etag, "size": len(content)}
    old = SnapshotFile.objects.filter(snapshot=snapshot, kind=kind).first()
    try:
        with transaction.atomic():
            stored, _created = SnapshotFile.objects.update_or_create(snapshot=snapshot, kind=kind, defaults=values)
    except IntegrityError:  # another request stored it at the same moment: theirs is as good
        for name in names:
            default_storage.delete(name)
        return SnapshotFile.objects.get(snapshot=snapshot, kind=kind)
    if old is not None:
        replaced = [old.file.name, old.compressed.name]
        transaction.on_commit(lambda: [default_storage.delete(name) for name in replaced if name not in names])
    return stored


def store_snapshot_files(*, snapshot: Snapshot) -> list[SnapshotFile]:
    """Compute and store both files of `snapshot`, just published (module rule; call inside its transaction)."""
    landscape = dump_landscape(landscape_categories(snapshot.taxonomy)).encode()
    return [
        _store(snapshot, SnapshotFile.Kind.API_JSON, api_version(), api_document_bytes(snapshot)),
        _store(snapshot, SnapshotFile.Kind.LANDSCAPE_YML, LANDSCAPE_VERSION, landscape),
    ]


def api_file(slug: str) -> SnapshotFile | None:
    """The stored JSON document of the snapshot `slug` (None: no such snapshot), computed and stored first when
    missing or outdated. The frozen data is read only then: serving a stored file reads one small row."""
    stored = SnapshotFile.objects.filter(snapshot__slug=slug, kind=SnapshotFile.Kind.API_JSON).first()
    if stored is not None and stored.version == api_version():
        return stored
    snapshot = Snapshot.objects.filter(slug=slug).first()
    if snapshot is None:
        return None
    return _store(snapshot, SnapshotFile.Kind.API_JSON, api_version(), api_document_bytes(snapshot))


def landscape_file(year: int) -> SnapshotFile | None:
    """The landscape.yml stored when `year`'s map was published; None when it is not published, or was
    published before files were kept."""
    return SnapshotFile.objects.filter(snapshot__year=year, kind=SnapshotFile.Kind.LANDSCAPE_YML).first()
