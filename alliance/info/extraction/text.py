"""The text an extractor hands back: collected piece by piece, tidied, and cut at MAX_TEXT_CHARS."""

import re
from dataclasses import dataclass

from alliance.info.extraction.limits import limit

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Extracted:
    text: str
    page_count: int | None = None
    truncated: bool = False


def tidy(text: str) -> str:
    """Control characters out, runs of spaces as one, at most one blank line in a row."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


class TextCollector:
    """Pieces of text (pages, paragraphs) gathered until MAX_TEXT_CHARS; `full` tells the caller to stop."""

    def __init__(self):
        self.pieces: list[str] = []
        self.length = 0
        self.limit = limit("MAX_TEXT_CHARS")

    @property
    def full(self) -> bool:
        return self.length >= self.limit

    def add(self, piece: str) -> None:
        if piece and not self.full:
            self.pieces.append(piece)
            self.length += len(piece) + 1

    def result(self, *, page_count: int | None = None) -> Extracted:
        text = tidy("\n".join(self.pieces))
        return Extracted(text=text[: self.limit], page_count=page_count, truncated=len(text) > self.limit or self.full)
