"""Korean morphological analysis for the classifier (Kiwi).

A company profile says what a company does with nouns ("광학 모듈", "재활"), verb and adjective stems
("제작하", "납품하") and foreign words ("HMD", "SDK"); particles and endings say nothing about the category
and are dropped. Compound nouns are written both ways in Korean ("디지털휴먼" / "디지털 휴먼"), so a run
of adjacent nouns also yields the joined compound, and Kiwi splits a joined compound into its parts: each
spelling then meets the other.
"""

from functools import lru_cache

# NNG/NNP nouns, XR roots, SL foreign words, SH hanja, SN numbers kept only inside compounds.
NOUN_TAGS = frozenset({"NNG", "NNP", "XR", "SL", "SH"})
STEM_TAGS = frozenset({"VV", "VA", "VV-R", "VA-R", "VV-I", "VA-I"})


@lru_cache(maxsize=1)
def kiwi():
    """The shared analyser (loading its model takes about a second, so once per process)."""
    from kiwipiepy import Kiwi

    return Kiwi()


def morphemes(text: str) -> list[str]:
    """Content morphemes of `text`, lower-cased, with joined compounds of adjacent nouns."""
    return list(_morphemes(text or ""))


@lru_cache(maxsize=20_000)
def _morphemes(text: str) -> tuple[str, ...]:
    # Cached: cross-validation and repeated suggestions analyse the same profiles again.
    tokens = []
    run = []
    for token in kiwi().tokenize(text, split_complex=True):
        if token.tag in NOUN_TAGS:
            form = token.form.lower()
            tokens.append(form)
            run.append(form)
            continue
        if len(run) > 1:
            tokens.append("".join(run))
        run = []
        if token.tag in STEM_TAGS:
            tokens.append(token.form + "다")
    if len(run) > 1:
        tokens.append("".join(run))
    return tuple(tokens)
