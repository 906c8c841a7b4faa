"""What a partner agency's promotion image may be, and how it is stored: core/files.py's checked image (PNG or
JPEG read by Pillow), at most `PROMOTION_IMAGE_MAX_BYTES` (2 MB) and `PROMOTION_IMAGE_MAX_SIDE` (4096) pixels a
side, stored under the SHA-256 of its bytes as `info/promotions/<hash>.<png|jpg>`, and served only through
`views.promotions.promotion_image` (core/files.py's image response: sandboxed, cached).
"""

from alliance.core import files

IMAGE_DIR = "info/promotions/"
PROMOTION_IMAGE_MAX_BYTES = 2 * 1024 * 1024
PROMOTION_IMAGE_MAX_SIDE = 4096
EXTENSIONS = files.IMAGE_EXTENSIONS
CONTENT_TYPES = files.IMAGE_CONTENT_TYPES


def checked_image(upload) -> tuple[bytes, str]:
    """(content, stored extension) of an uploaded promotion image; ValidationError saying what is wrong."""
    return files.checked_image(upload, max_bytes=PROMOTION_IMAGE_MAX_BYTES, max_side=PROMOTION_IMAGE_MAX_SIDE)


def store_image(content: bytes, extension: str) -> str:
    """Store the image's bytes under their hash (once) and return the stored name."""
    return files.store_image(content, extension, directory=IMAGE_DIR)


def content_type_of(name: str) -> str:
    return files.image_content_type(name)
