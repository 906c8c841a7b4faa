"""Bounds on what the extractors read, checked before reading: a hostile or broken file is refused with a
Korean message saying what is wrong, never read until the worker runs out of memory or time.

Each bound is a setting (ARCHIVE_<NAME>) with the default below. Reports of 300 pages and 20–50 MB are
ordinary; the bounds sit well above them.
"""

from django.conf import settings
from django.utils.translation import gettext as _

from alliance.core.korean import size_label

DEFAULTS = {
    "MAX_FILE_BYTES": 200 * 1024 * 1024,  # the file as stored
    "MAX_PAGES": 3000,  # PDF pages, PPTX slides
    "MAX_ZIP_ENTRIES": 5000,  # parts of an HWPX, DOCX or PPTX package
    "MAX_UNCOMPRESSED_BYTES": 300 * 1024 * 1024,  # all parts of a package together, as declared
    "MAX_COMPRESSION_RATIO": 200,  # one part's declared size over its compressed size
    "MAX_XML_PART_BYTES": 64 * 1024 * 1024,  # one XML part read by the HWPX extractor
    "MAX_HWP_STREAM_BYTES": 128 * 1024 * 1024,  # one HWP body section once inflated
    "MAX_HWP_SECTIONS": 1000,
    "MAX_TEXT_CHARS": 5_000_000,  # text kept per file; the rest is cut (and said so)
}


def limit(name: str) -> int:
    return int(getattr(settings, f"ARCHIVE_{name}", DEFAULTS[name]))


class UnreadableFileError(Exception):
    """The file cannot be read: `message` is the Korean (translated) reason shown to staff."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class LockedFileError(Exception):
    """The file is password-protected or a distribution document (배포용): `state` says which."""

    def __init__(self, state: str, message: str):
        super().__init__(message)
        self.state = state
        self.message = message


def check_file_size(size: int) -> None:
    if size > limit("MAX_FILE_BYTES"):
        raise UnreadableFileError(
            _("The file is %(size)s, larger than the %(limit)s the archive reads.")
            % {"size": size_label(size), "limit": size_label(limit("MAX_FILE_BYTES"))}
        )


def check_page_count(count: int) -> None:
    if count > limit("MAX_PAGES"):
        raise UnreadableFileError(
            _("The file has %(count)s pages; the archive reads at most %(limit)s.")
            % {"count": f"{count:,}", "limit": f"{limit('MAX_PAGES'):,}"}
        )
