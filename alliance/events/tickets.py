"""A ticket's QR code: a PNG (segno, BSD licence) encoding the ticket's personal-link URL, which the door's
scanner reads (the URL carries the opaque token of core/links.py; nothing else is in the code)."""

import io

import segno


def qr_png(url: str, *, scale: int = 8) -> bytes:
    """The PNG of a QR code for `url` (error correction M: survives a creased print-out and a phone's glare)."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
