"""Opening a zip package (HWPX, DOCX, PPTX) only after its directory has been checked against zip bombs:
the number of entries, the total declared uncompressed size, each entry's compression ratio; and reading a
part with its real size bounded (a declared size can lie)."""

import zipfile

from django.utils.translation import gettext as _

from alliance.core.korean import size_label
from alliance.info.extraction.limits import LockedFileError, UnreadableFileError, limit
from alliance.info.models.archive import ExtractionState

_READ_CHUNK = 1024 * 1024


def open_checked_zip(stream) -> zipfile.ZipFile:
    """The package as a ZipFile whose directory passed the checks; UnreadableFileError otherwise."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UnreadableFileError(_("The file is not a readable package (a damaged zip).")) from error
    entries = archive.infolist()
    if len(entries) > limit("MAX_ZIP_ENTRIES"):
        raise UnreadableFileError(
            _("The package holds %(count)s parts; at most %(limit)s are read.")
            % {"count": f"{len(entries):,}", "limit": f"{limit('MAX_ZIP_ENTRIES'):,}"}
        )
    total = sum(entry.file_size for entry in entries)
    if total > limit("MAX_UNCOMPRESSED_BYTES"):
        raise UnreadableFileError(
            _("The package unpacks to %(size)s, more than the %(limit)s allowed.")
            % {"size": size_label(total), "limit": size_label(limit("MAX_UNCOMPRESSED_BYTES"))}
        )
    for entry in entries:
        if entry.file_size > 1024 * 1024 and entry.file_size > limit("MAX_COMPRESSION_RATIO") * max(
            entry.compress_size, 1
        ):
            raise UnreadableFileError(
                _("The part %(name)s is compressed %(ratio)s times: the file looks like a zip bomb.")
                % {"name": entry.filename, "ratio": f"{entry.file_size // max(entry.compress_size, 1):,}"}
            )
    return archive


def read_part(archive: zipfile.ZipFile, name: str, *, max_bytes: int) -> bytes:
    """One part's bytes, refused past `max_bytes` whatever its header declares."""
    if archive.getinfo(name).flag_bits & 0x1:
        raise LockedFileError(ExtractionState.ENCRYPTED, _("The file is protected by a password."))
    chunks, read = [], 0
    try:
        with archive.open(name) as part:
            while chunk := part.read(_READ_CHUNK):
                read += len(chunk)
                if read > max_bytes:
                    raise UnreadableFileError(
                        _("The part %(name)s is larger than %(limit)s.")
                        % {"name": name, "limit": size_label(max_bytes)}
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise UnreadableFileError(_("The part %(name)s is damaged.") % {"name": name}) from error
    return b"".join(chunks)
