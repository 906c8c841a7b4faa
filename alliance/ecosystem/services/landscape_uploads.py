"""A landscape.yml uploaded on the web, kept between its check and the confirmed import.

Rule: the file is stored under MEDIA_ROOT/imports/landscape/ (private, like the member imports' files: never
linked from a page) under a random name; the page carries that name signed, so a confirmed POST can only
name a file this site stored, within UPLOAD_MAX_AGE. The file is removed once imported; a file never
confirmed is removed by the periodic job `discard_unconfirmed_landscape_uploads` once it is older than
UNCONFIRMED_UPLOAD_RETENTION_HOURS.
Side effects: a file written, read and deleted through the default storage.
"""

import contextlib
import datetime
import uuid

from django.conf import settings
from django.core import signing
from django.core.files.storage import default_storage
from django.utils import timezone

from alliance.ecosystem.services.landscape_import import ImportResult, import_landscape
from alliance.ecosystem.services.landscape_yml import Landscape, parse_landscape

FOLDER = "imports/landscape"
SALT = "alliance.ecosystem.landscape_upload"
UPLOAD_MAX_AGE = 60 * 60  # seconds, as long as a confirmation lasts


class UploadGoneError(Exception):
    """The signed name is forged or expired, or its file is gone (already imported)."""


def store_upload(upload, *, domain_name: str) -> str:
    """Keep the uploaded file; returns the signed reference the confirmation page carries."""
    name = default_storage.save(f"{FOLDER}/{uuid.uuid4().hex}.yml", upload)
    return signing.dumps({"name": name, "domain": domain_name}, salt=SALT)


def _stored(reference: str) -> dict:
    try:
        stored = signing.loads(reference, salt=SALT, max_age=UPLOAD_MAX_AGE)
    except signing.BadSignature as error:
        raise UploadGoneError from error
    if not stored["name"].startswith(f"{FOLDER}/") or not default_storage.exists(stored["name"]):
        raise UploadGoneError
    return stored


def read_upload(reference: str) -> tuple[Landscape, str]:
    """The stored file parsed (LandscapeError, UnicodeDecodeError as for an upload) and its domain name."""
    stored = _stored(reference)
    with default_storage.open(stored["name"], "rb") as file:
        text = file.read().decode("utf-8")
    return parse_landscape(text), stored["domain"]


def discard_upload(reference: str) -> None:
    with contextlib.suppress(UploadGoneError):
        default_storage.delete(_stored(reference)["name"])


def import_upload(*, actor, reference: str, year: int) -> tuple[Landscape, ImportResult]:
    """Import the stored file into `year`'s map (import_landscape's rules and side effects), then remove it."""
    landscape, domain_name = read_upload(reference)
    result = import_landscape(actor=actor, landscape=landscape, year=year, domain_name=domain_name)
    discard_upload(reference)
    return landscape, result


def discard_unconfirmed_uploads(*, now: datetime.datetime | None = None) -> int:
    """Delete the stored uploads older than UNCONFIRMED_UPLOAD_RETENTION_HOURS (their confirmation expired
    long before); returns how many were deleted."""
    cutoff = (now or timezone.now()) - datetime.timedelta(hours=settings.UNCONFIRMED_UPLOAD_RETENTION_HOURS)
    if not default_storage.exists(FOLDER):
        return 0
    deleted = 0
    for name in default_storage.listdir(FOLDER)[1]:
        path = f"{FOLDER}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
            deleted += 1
    return deleted


def discard_unconfirmed_uploads_job() -> str:
    return f"{discard_unconfirmed_uploads()} unconfirmed landscape.yml uploads deleted"
