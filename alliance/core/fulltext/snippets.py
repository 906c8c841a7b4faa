"""The passage shown under a search result: the best matching stretch of the text, its matched words marked.

A snippet is plain text plus the spans to mark; `Snippet.html` escapes each piece and wraps the marked ones in
`<mark>` (templates write `{{ snippet.html }}`), so no unescaped text is ever marked up.

Rule: a query word matches the text where its letters occur in order with only spacing or punctuation between
them, case and width aside (`디지털트윈` marks `디지털 트윈`). Among the texts given (summary, then body), the
passage is the SNIPPET_WIDTH characters starting LEAD characters before a match (moved back where the text
ends sooner) that cover the most different
query words, then the most matches; the earliest of equals. With no match anywhere: the opening of the first
non-empty text, unmarked. Spacing inside the passage is collapsed to single spaces; `…` says text was cut.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

SNIPPET_WIDTH = 160
LEAD = 40
# Matches looked at per word and text: enough to find the best passage of a 300-page report.
MAX_MATCHES = 400
ELLIPSIS = "…"
_WIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_FULL_WIDTH = re.compile(r"[\uff01-\uff5e\u3000]")


@dataclass(frozen=True)
class Snippet:
    text: str
    marks: tuple[tuple[int, int], ...] = ()

    def __str__(self) -> str:
        return self.text

    @property
    def html(self) -> SafeString:
        """The passage as HTML: every piece escaped, the marked ones in `<mark>` (what the templates' loop over
        `pieces` wrote, built once here: a page of results has a few hundred pieces)."""
        return mark_safe(  # noqa: S308  every piece escaped just here
            "".join(f"<mark>{escape(piece)}</mark>" if marked else escape(piece) for piece, marked in self.pieces)
        )

    @property
    def pieces(self) -> list[tuple[str, bool]]:
        """The text in order as (piece, marked) pairs."""
        pieces, position = [], 0
        for start, end in self.marks:
            if start > position:
                pieces.append((self.text[position:start], False))
            pieces.append((self.text[start:end], True))
            position = end
        if position < len(self.text):
            pieces.append((self.text[position:], False))
        return pieces


def word_pattern(word: str, *, ignore_case: bool = False) -> re.Pattern:
    """A compacted query word as it may be written: any spacing or punctuation between its letters."""
    return re.compile(r"[\W_]*".join(re.escape(letter) for letter in word), re.IGNORECASE if ignore_case else 0)


def _searchable(text: str) -> tuple[str, bool]:
    """The text width-folded and lower-cased character for character (the offsets hold in the original), and
    whether a case-insensitive match is still needed (when lower-casing would change the length).

    A case-insensitive pattern loses the regular expression engine's fast scan for its first letter (a 300-page
    report then takes tens of milliseconds), and translating is slow, so each only when needed."""
    if _FULL_WIDTH.search(text):
        text = text.translate(_WIDTH_TABLE)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered, False
    return text, True


def _matches(text: str, words: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, word index) of each word's matches, by start."""
    searched, ignore_case = _searchable(text)
    found = []
    for index, word in enumerate(words):
        for count, match in enumerate(word_pattern(word, ignore_case=ignore_case).finditer(searched)):
            if count == MAX_MATCHES:
                break
            found.append((match.start(), match.end(), index))
    return sorted(found)


def _best_window(matches: list[tuple[int, int, int]], length: int) -> tuple[tuple[int, int], int, int]:
    """The window (start, end) with the most distinct words, then the most matches; the earliest of equals."""
    starts = [start for start, _end, _word in matches]
    best, best_key = (0, 0), (-1, -1)
    for anchor in dict.fromkeys(starts):
        start = max(0, min(anchor - LEAD, length - SNIPPET_WIDTH))
        end = min(length, start + SNIPPET_WIDTH)
        candidates = matches[bisect_left(starts, start) : bisect_left(starts, end)]
        inside = [(s, e, w) for s, e, w in candidates if e <= end]
        key = (len({w for _s, _e, w in inside}), len(inside))
        if key > best_key:
            best, best_key = (start, end), key
    return best, *best_key


def _collapse(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> Snippet:
    """text[start:end] with spacing runs as one space, trimmed, `…` where cut; spans moved along."""
    out, new_index = [], {}
    for position in range(start, end):
        new_index[position] = len(out)
        char = text[position]
        if char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            continue
        out.append(char)
    new_index[end] = len(out)
    body = "".join(out)
    trimmed = body.rstrip(" ")
    lead_cut = len(trimmed) - len(trimmed.lstrip(" "))
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - lead_cut
    marks: list[tuple[int, int]] = []
    for span_start, span_end in spans:
        mark = (new_index[span_start] + shift, min(new_index[span_end], len(trimmed)) + shift)
        if marks and mark[0] <= marks[-1][1]:
            marks[-1] = (marks[-1][0], max(marks[-1][1], mark[1]))
        else:
            marks.append(mark)
    return Snippet(prefix + trimmed.lstrip(" ") + suffix, tuple(marks))


def cut_snippet(texts: list[str], words: list[str]) -> Snippet:
    """The best passage of `texts` (in order of preference) for the compacted query `words`."""
    best = None
    for text in texts:
        if not text or not words:
            continue
        matches = _matches(text, words)
        if not matches:
            continue
        (start, end), distinct, count = _best_window(matches, len(text))
        if best is None or (distinct, count) > best[0]:
            spans = [(s, e) for s, e, _w in matches if s >= start and e <= end]
            best = ((distinct, count), text, start, end, spans)
    if best is None:
        opening = next((text for text in texts if text and text.strip()), "")
        return _collapse(opening, 0, min(len(opening), SNIPPET_WIDTH), [])
    _key, text, start, end, spans = best
    return _collapse(text, start, end, spans)
