"""Korean text rules used across the platform: company-name variants, search keys, registration numbers.

`주식회사 젠`, `(주)젠`, `㈜젠` and `젠 주식회사` are one company: `company_name_key` maps them to one key.
Search ignores spacing (`디지털 트윈` = `디지털트윈`): `compact` is the form both the stored text and the
query are reduced to before a substring match.
"""

import re
import unicodedata

# Corporate forms written before or after a name. NFKC turns ㈜ into (주) before these apply.
_CORPORATE_WORDS = (
    "주식회사",
    "유한책임회사",
    "유한회사",
    "합자회사",
    "합명회사",
    "사단법인",
    "재단법인",
    "사회적협동조합",
    "협동조합",
)
_CORPORATE_ABBREVIATIONS = ("주", "유", "재", "사", "합", "협")
_ENGLISH_FORMS = re.compile(
    r"\b(co\.?,?\s*ltd\.?|inc\.?|corp\.?|corporation|company|limited|ltd\.?|llc)\b",
    re.IGNORECASE,
)
_BRACKETED_ABBREVIATION = re.compile(r"\((?:{})\)".format("|".join(_CORPORATE_ABBREVIATIONS)))
_CORPORATE_WORD = re.compile("|".join(_CORPORATE_WORDS))
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_WHITESPACE = re.compile(r"\s+", re.UNICODE)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "")


def compact(text: str) -> str:
    """Lower-case, NFKC, no whitespace: the form in which spacing no longer matters."""
    return _WHITESPACE.sub("", nfkc(text)).lower()


def strip_corporate_form(name: str) -> str:
    """The name without 주식회사/(주)/Inc. and the like, spacing kept."""
    text = _BRACKETED_ABBREVIATION.sub(" ", nfkc(name))
    text = _CORPORATE_WORD.sub(" ", text)
    text = _ENGLISH_FORMS.sub(" ", text)
    return _WHITESPACE.sub(" ", text).strip(" ,.")


def company_name_key(name: str) -> str:
    """One key per company whatever corporate form or spacing the name is written with."""
    stripped = strip_corporate_form(name)
    return _NON_WORD.sub("", stripped).lower() or compact(name)


def search_key(text: str) -> str:
    """What a search query is reduced to: corporate forms, spacing and punctuation removed."""
    return company_name_key(text) if text and text.strip() else ""


_BIZNO_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def business_number_digits(value: str) -> str:
    """The digits of a 사업자등록번호 as typed (123-45-67890 or 1234567890)."""
    return re.sub(r"[\s-]", "", value or "")


def is_valid_business_number(value: str) -> bool:
    """Check the 10 digits and the National Tax Service check digit."""
    digits = business_number_digits(value)
    if len(digits) != 10 or not digits.isdigit():
        return False
    numbers = [int(ch) for ch in digits]
    total = sum(n * w for n, w in zip(numbers[:9], _BIZNO_WEIGHTS, strict=True))
    total += (numbers[8] * 5) // 10
    return (10 - total % 10) % 10 == numbers[9]


def format_business_number(value: str) -> str:
    digits = business_number_digits(value)
    if len(digits) != 10:
        return value
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


def business_number_with_check_digit(first_nine: str) -> str:
    """Complete nine digits with their check digit (used by demo data and tests)."""
    numbers = [int(ch) for ch in first_nine]
    total = sum(n * w for n, w in zip(numbers, _BIZNO_WEIGHTS, strict=True)) + (numbers[8] * 5) // 10
    return first_nine + str((10 - total % 10) % 10)


_SIZE_UNITS = (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024))


def size_label(num_bytes: int) -> str:
    """A file size as people write it: 20MB, 1.5MB, 512KB, 900B (one decimal at most, none when whole)."""
    for unit, size in _SIZE_UNITS:
        if num_bytes >= size:
            text = f"{num_bytes / size:,.1f}".removesuffix(".0")
            return f"{text}{unit}"
    return f"{num_bytes:,}B"


# ---------------------------------------------------------------------------------------------------------
# Particles (조사) chosen by the final consonant (받침) of the word before them.
#
# Messages are translated before the word is known, so the Korean catalogue writes both forms: `%(name)s을(를)`,
# `%(name)s은(는)`, `%(name)s이(가)`, `%(name)s와(과)`, `%(name)s(으)로`, `%(name)s(이)라는`. Once the word is in
# place, `resolve_particles` keeps the one form Korean uses: `대상을`, `젠을`, `서울로`, `서울시로`, `부산으로`.
#
# How the word before is read (its final sound):
# - a Hangul syllable: by its 종성 (ㄹ matters for (으)로: 서울로, not 서울으로);
# - digits as Koreans read numbers: 1 일, 2 이, 3 삼, 4 사, 5 오, 6 육, 7 칠, 8 팔, 9 구, 0 영, and trailing
#   zeros by their unit (10 십, 100 백, 1000 천, 10000 만, 10^8 억, 10^12 조): `3을`, `2를`, `10을`, `1000을`;
# - Latin letters: an all-capital run (an acronym: XR, NIPA, LG) by the Korean names of its last letter
#   (엘 ㄹ, 엠, 엔, 알 ㄹ take 받침; 에이, 비, 씨, ..., 와이 do not); a word with small letters by how English words
#   are borrowed: ending in -l/-le → ㄹ (Intel, Google), -m, -n, -ng, -ck → 받침 (Zoom, Ocean, Ring, Slack),
#   anything else → none (Unity, Kubeflow, Microsoft);
# - closing quotes, brackets and the HTML markup or entities around a name (“젠”은, <b>젠</b>은, &#x27;젠&#x27;은)
#   are looked through; any other character (a symbol, a Chinese character) leaves both forms, which is never
#   wrong.
# ---------------------------------------------------------------------------------------------------------

_NO_BATCHIM, _BATCHIM, _RIEUL = "vowel", "batchim", "rieul"
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL_INDEX = 8  # ㄹ among the 28 종성 (0 = none)
_DIGIT_SOUND = {
    "0": _BATCHIM,  # 영
    "1": _RIEUL,  # 일
    "2": _NO_BATCHIM,  # 이
    "3": _BATCHIM,  # 삼
    "4": _NO_BATCHIM,  # 사
    "5": _NO_BATCHIM,  # 오
    "6": _BATCHIM,  # 육
    "7": _RIEUL,  # 칠
    "8": _RIEUL,  # 팔
    "9": _NO_BATCHIM,  # 구
}
_TRAILING_ZEROS_SOUND = {1: _BATCHIM, 2: _BATCHIM, 3: _BATCHIM}  # 십, 백, 천
_GROUP_UNIT_SOUND = {1: _BATCHIM, 2: _BATCHIM, 3: _NO_BATCHIM, 4: _BATCHIM}  # 만, 억, 조, 경
_LETTER_NAME_SOUND = {"L": _RIEUL, "R": _RIEUL, "M": _BATCHIM, "N": _BATCHIM}  # 엘, 알, 엠, 엔; others 에이…제트
_WORD_ENDINGS = (("ng", _BATCHIM), ("ck", _BATCHIM), ("le", _RIEUL), ("l", _RIEUL), ("m", _BATCHIM), ("n", _BATCHIM))
_LOOK_THROUGH = re.compile(r"(?:</?[a-zA-Z][^<>]*>|&(?:#x?[0-9a-fA-F]+|[a-zA-Z]+);|[\"'’”」』》〉)\]\s*~·.,:!?-])+$")
_NUMBER_AT_END = re.compile(r"(\.?)([0-9]+)$")
_LATIN_AT_END = re.compile(r"[A-Za-z]+$")

# marker → (after a final consonant, after a vowel, after ㄹ)
_PAIRS = {
    "을(를)": ("을", "를", "을"),
    "은(는)": ("은", "는", "은"),
    "이(가)": ("이", "가", "이"),
    "과(와)": ("과", "와", "과"),
    "와(과)": ("과", "와", "과"),
    "(으)": ("으", "", ""),  # (으)로, (으)로서, (으)로부터: 서울로, 부산으로
    "(이)": ("이", "", "이"),  # (이)라는, (이)나, (이)며: 젠이라는, 메타라는
}
# `을(를)` and never `를(을)`: `가(이)라는` is the word 가 before `(이)라는`, not a marker. 과(와) and 와(과) are both
# written, and neither is ambiguous (no particle is written `(와)` alone).
_PARTICLE = {"을": ("을(를)", ""), "를": ("을(를)", ""), "은": ("은(는)", ""), "는": ("은(는)", "")}
_PARTICLE |= {"이": ("이(가)", ""), "가": ("이(가)", ""), "과": ("과(와)", ""), "와": ("과(와)", "")}
_PARTICLE |= {"으로": ("(으)", "로"), "로": ("(으)", "로"), "이라는": ("(이)", "라는"), "라는": ("(이)", "라는")}
_MARKER = re.compile("|".join(re.escape(marker) for marker in sorted(_PAIRS, key=len, reverse=True)))


def _number_sound(dot: str, digits: str) -> str:
    if dot or len(digits) == 1 or not digits.strip("0"):
        return _DIGIT_SOUND[digits[-1]]  # a decimal's digits and 0 alone are read one by one
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros == 0:
        return _DIGIT_SOUND[digits[-1]]
    if zeros < 4:
        return _TRAILING_ZEROS_SOUND[zeros]
    return _GROUP_UNIT_SOUND.get(zeros // 4, _BATCHIM)


def _latin_sound(letters: str) -> str:
    if letters.isupper():
        return _LETTER_NAME_SOUND.get(letters[-1], _NO_BATCHIM)
    lower = letters.lower()
    for ending, sound in _WORD_ENDINGS:
        if lower.endswith(ending):
            return sound
    return _NO_BATCHIM


def final_sound(word: str) -> str | None:
    """'vowel', 'batchim' or 'rieul' (ㄹ) for how the word ends when read aloud; None when it cannot be told."""
    text = _LOOK_THROUGH.sub("", word or "")
    if not text:
        return None
    last = text[-1]
    if _HANGUL_FIRST <= ord(last) <= _HANGUL_LAST:
        jong = (ord(last) - _HANGUL_FIRST) % 28
        return _NO_BATCHIM if jong == 0 else _RIEUL if jong == _RIEUL_INDEX else _BATCHIM
    if number := _NUMBER_AT_END.search(text):
        return _number_sound(number.group(1), number.group(2))
    if latin := _LATIN_AT_END.search(text):
        return _latin_sound(latin.group(0))
    return None


def _form(marker: str, sound: str | None) -> str:
    if sound is None:
        return marker
    after_batchim, after_vowel, after_rieul = _PAIRS[marker]
    return {_BATCHIM: after_batchim, _NO_BATCHIM: after_vowel, _RIEUL: after_rieul}[sound]


def particle(word: str, which: str) -> str:
    """The word with its particle: `particle("대상", "를")` → 대상을; `which` is either form (을 or 를, 로 or 으로)."""
    marker, rest = _PARTICLE[which]
    return f"{word}{_form(marker, final_sound(str(word)))}{rest}"


def resolve_particles(text: str) -> str:
    """Every `을(를)`, `은(는)`, `이(가)`, `와(과)`, `(으)로`, `(이)라는` in a finished text by the word before it."""
    if not text or "(" not in text:
        return text
    pieces, position = [], 0
    for match in _MARKER.finditer(text):
        pieces.append(text[position : match.start()])
        pieces.append(_form(match.group(0), final_sound(text[max(0, match.start() - 80) : match.start()])))
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces)
