"""After an event: its photos, shown on the event's public page.

Rule: a photo is a PNG or JPEG image checked by core/files.py (Pillow reads it; at most PHOTO_MAX_BYTES and
PHOTO_MAX_SIDE pixels a side), stored under the hash of its bytes in `events/photos/`, with an optional caption
(its text for readers who cannot see it); staff add and remove photos, listed in the order added.
Side effects: the stored image, EventPhoto rows; audit `events.photo.added` / `events.photo.removed`.
"""

from django.db import transaction
from django.db.models import Max

from alliance.core import files
from alliance.core.audit import record_audit
from alliance.events.models import Event, EventPhoto

PHOTO_DIR = "events/photos/"
PHOTO_MAX_BYTES = 8 * 1024 * 1024
PHOTO_MAX_SIDE = 8000


def add_photo(*, event: Event, actor, upload, caption: str = "") -> EventPhoto:
    content, extension = files.checked_image(upload, max_bytes=PHOTO_MAX_BYTES, max_side=PHOTO_MAX_SIDE)
    name = files.store_image(content, extension, directory=PHOTO_DIR)
    with transaction.atomic():
        last = EventPhoto.objects.filter(event=event).aggregate(last=Max("position"))["last"] or 0
        photo = EventPhoto.objects.create(
            event=event, image=name, caption=caption.strip(), position=min(last + 1, 1000), uploaded_by=actor
        )
        record_audit(action="events.photo.added", target=photo, actor=actor, after={"caption": photo.caption})
    return photo


def remove_photo(*, photo: EventPhoto, actor) -> None:
    with transaction.atomic():
        record_audit(action="events.photo.removed", target=photo, actor=actor, before={"caption": photo.caption})
        photo.delete()
