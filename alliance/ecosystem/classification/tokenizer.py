"""Korean morphological analysis for the classifier (Kiwi).

A company profile says what a company does with nouns ("광학 모듈", "재활"), verb and adjective stems
("제작하", "납품하") and foreign words ("HMD", "SDK"); particles and endings say nothing about the category
and are dropped. Compound nouns are written both ways in Korean ("디지털휴먼" / "디지털 휴먼"), so a run
of adjacent nouns also yields the joined compound, and Kiwi splits a joined compound into its parts: each
spelling then meets the other.
"""

from functools import lru_cache

# NNG/NNP nouns, XR roots, SL foreign words, SH hanja.
NOUN_TAGS = frozenset({"NNG", "NNP", "XR", "SL", "SH"})
STEM_TAGS = frozenset({"VV", "VA", "VV-R", "VA-R", "VV-I", "VA-I"})
# Cross-validation, training and suggesting analyse the same profiles again and again.
CACHE_LIMIT = 50_000
_cache: dict[str, tuple[str, ...]] = {}


@lru_cache(maxsize=1)
def kiwi():
    """The shared analyser (loading its model takes a second or two, so once per process)."""
    from kiwipiepy import Kiwi  # noqa: PLC0415  Kiwi loads its Korean model: only when text is tokenised

    return Kiwi()


def _content(tokens) -> tuple[str, ...]:
    kept = []
    run = []
    for token in tokens:
        if token.tag in NOUN_TAGS:
            form = token.form.lower()
            kept.append(form)
            run.append(form)
            continue
        if len(run) > 1:
            kept.append("".join(run))
        run = []
        if token.tag in STEM_TAGS:
            kept.append(token.form + "다")
    if len(run) > 1:
        kept.append("".join(run))
    return tuple(kept)


def _remember(text: str, value: tuple[str, ...]) -> None:
    if len(_cache) >= CACHE_LIMIT:
        _cache.clear()
    _cache[text] = value


def morphemes(text: str) -> list[str]:
    """Content morphemes of `text`, lower-cased, with joined compounds of adjacent nouns."""
    text = text or ""
    if text not in _cache:
        _remember(text, _content(kiwi().tokenize(text, split_complex=True)) if text.strip() else ())
    return list(_cache[text])


def analyse_many(texts) -> None:
    """Analyse the texts not seen yet in one Kiwi batch (its worker threads), so that morphemes() of
    each is then a cache hit. Training on a year's placements analyses hundreds at once."""
    pending = [text for text in dict.fromkeys(texts) if text and text.strip() and text not in _cache]
    if len(pending) < 2:
        return
    for text, tokens in zip(pending, kiwi().tokenize(pending, split_complex=True), strict=True):
        _remember(text, _content(tokens))
