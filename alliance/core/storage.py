"""Uploaded files on S3-compatible object storage (AWS_STORAGE_BUCKET_NAME set), else the local MEDIA_ROOT.

Rule: a stored file's address is always the platform's own (MEDIA_URL + name), never the object store's:
the application serves each file after its own permission checks (logos through members' and ecosystem's
logo views, with a year's cache lifetime when the name is the content's hash; everything else through the
views that check who may download it, streamed from the storage with `core.downloads.file_response`). The
bucket stays private (no ACL is set, no public address is given out), so the store's own addresses could
only be signed ones, and the platform hands out none. Every app reads and writes through the storage API
(`default_storage`, a FileField's `.open()`), never a local path; a library that needs a file on disk gets
a temporary copy (`local_copy`).
"""

import contextlib
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class ObjectStorage(S3Storage):
    """django-storages' S3 storage whose `url()` is the platform's address of the file (module rule)."""

    def url(self, name, parameters=None, expire=None, http_method=None) -> str:
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))


@contextlib.contextmanager
def local_copy(field_file):
    """The stored file as a path on this machine: its own path on the local folder, else a temporary copy
    (same suffix) removed when the block ends."""
    try:
        own_path = Path(field_file.path)
    except NotImplementedError:  # object storage has no local path
        own_path = None
    if own_path is not None:
        yield own_path
        return
    with tempfile.TemporaryDirectory(prefix="alliance-") as folder:
        path = Path(folder) / Path(field_file.name).name
        with field_file.open("rb") as source, path.open("wb") as copy:
            shutil.copyfileobj(source, copy)
        yield path
