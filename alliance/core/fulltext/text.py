"""Text and queries reduced to the form the full-text index compares (the rules are in the package docstring).

`compact` is the indexed form of a text: width and case folded, every character that is neither a letter nor
a digit removed (spaces, punctuation, line breaks), so that `디지털 트윈` and `디지털트윈` are one string.
`query_words` splits a query into its words, each compacted and without a trailing particle
(`보고서를` → `보고서`). `grams` are the index's keys: the two-letter pieces of a compacted text, and in titles
and summaries also the single letters.
"""

import re
import unicodedata
import zlib
from collections import Counter

from alliance.core.korean import fold_width

# Only letters and digits count: `AR/VR` is `arvr`, `3.5` is `35`, a line break is nothing.
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
# NFKC outside Hangul: on Hangul it would turn compatibility jamo (ㄱ, ㅏ) into conjoining ones.
_NOT_HANGUL = re.compile(r"[^\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff\uffa0-\uffdc]+")

# Particles (조사) written after a noun, longest first so that `에서는` goes before `는`. Only the last one is
# removed, and only when at least two letters remain (`AI가` → `ai`): `국가` keeps its 가, `결과` its 과. A word
# that merely ends like a particle (`고양이` → `고양`) is cut too; that only widens what it finds, since `고양`
# is part of `고양이`.
_PARTICLE_LIST = (
    "을 를 이 가 은 는 의 에 도 만 와 과 로 으로 에서 에게 께 께서 한테 부터 까지 보다 처럼 마다 "
    "이나 나 이며 며 이랑 랑 에는 에서는 에도 에서도 으로는 로는 와는 과는 에의 에서의 으로의 로의 "
    "이란 란 이라는 라는 으로서 로서 으로써 로써 이다 입니다 이고 조차 마저 밖에 과의 와의 에게서"
)
PARTICLES = tuple(sorted(_PARTICLE_LIST.split(), key=len, reverse=True))
MIN_STEM = 2

# A query is at most this many words of at most this many letters (a pasted paragraph is not a search).
MAX_QUERY_WORDS = 8
MAX_WORD_LETTERS = 40

# A gram is an integer: one letter is its code point, two letters are (first << 21) | second (code points
# are below 2**21), so a gram is never mistaken for another. In the index a gram carries its document kind in
# the bits above (`kind_gram`), so that one kind's postings are a range of their own and fit a signed 64-bit
# column.
_SHIFT = 21
_KIND_SHIFT = 2 * _SHIFT
_KIND_BITS = 20


def fold(text: str) -> str:
    """Width (`ＡＩ` → `AI`), compatibility forms outside Hangul (NFKC) and case (`XR` → `xr`) folded."""
    text = _NOT_HANGUL.sub(lambda run: unicodedata.normalize("NFKC", run.group(0)), fold_width(text or ""))
    return text.casefold()


def compact(text: str) -> str:
    """The indexed form: folded, letters and digits only (no spacing, no punctuation)."""
    return _NOT_WORD.sub("", fold(text))


def strip_particle(word: str) -> str:
    """A compacted query word without its trailing particle (`보고서를` → `보고서`), when two letters remain."""
    for particle in PARTICLES:
        stem = word[: -len(particle)]
        if word.endswith(particle) and len(stem) >= MIN_STEM:
            return stem
    return word


def query_words(query: str) -> list[str]:
    """The query's words as the index compares them: compacted, particle removed, duplicates once, in order."""
    words = []
    for raw in (query or "").split()[:MAX_QUERY_WORDS]:
        word = strip_particle(compact(raw)[:MAX_WORD_LETTERS])
        if word and word not in words:
            words.append(word)
    return words


def gram_of(piece: str) -> int:
    """The integer key of one or two letters."""
    if len(piece) == 1:
        return ord(piece)
    return (ord(piece[0]) << _SHIFT) | ord(piece[1])


def word_grams(word: str) -> list[int]:
    """The grams a query word needs: its single letter when it is one letter long, else its two-letter pieces."""
    if len(word) == 1:
        return [gram_of(word)]
    return list(dict.fromkeys(gram_of(word[i : i + 2]) for i in range(len(word) - 1)))


def count_grams(compacted: str, *, letters: bool) -> Counter:
    """How often each two-letter piece (and with `letters` each letter) occurs in a compacted text."""
    counts = Counter(map(str.__add__, compacted, compacted[1:]))
    if letters:
        counts.update(compacted)
    return Counter({gram_of(piece): count for piece, count in counts.items()})


def kind_code(kind: str) -> int:
    """A stable number for a document kind (a CRC of its name: the platform's few kinds never share one)."""
    return zlib.crc32(kind.encode()) & ((1 << _KIND_BITS) - 1)


def kind_gram(kind: str, gram: int) -> int:
    """The gram as stored for documents of `kind`."""
    return (kind_code(kind) << _KIND_SHIFT) | gram


def kind_range(kind: str) -> tuple[int, int]:
    """Every stored gram of `kind` lies in [low, high)."""
    low = kind_code(kind) << _KIND_SHIFT
    return low, low + (1 << _KIND_SHIFT)
