"""Korean text rules used across the platform: company-name variants, search keys, registration numbers.

`주식회사 젠`, `(주)젠`, `㈜젠` and `젠 주식회사` are one company: `company_name_key` maps them to one key.
Search ignores spacing (`디지털 트윈` = `디지털트윈`): `compact` is the form both the stored text and the
query are reduced to before a substring match.
"""

import datetime
import re
import unicodedata
from collections.abc import Mapping

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


# A bare 주 typed at the end for ㈜ (`유디포엠주` for `유디포엠㈜`) is a corporate form only where it cannot be part
# of the word: after a name of at least two syllables, and not closing one of the words that end in 주 (place
# names: 제주, 광주, 청주; drinks: 맥주, 소주; 지주 (holding), 건축주, 광고주...). `주` alone, `제주`, `빛고을광주`,
# `한빛지주` and `수제맥주` keep their 주; `유디포엠주`, `메타랩주` lose it.
_JU_WORDS = (
    "제주 광주 전주 청주 공주 원주 충주 상주 경주 나주 영주 양주 파주 진주 여주 무주 성주 금주 예주 "
    "맥주 소주 약주 탁주 과실주 민주 자주 군주 사주 구주 지주 선주 건축주 광고주 화주 차주 점주 업주 주주 "
    "물주 집주 건물주 사업주 고용주 발주 수주 외주 완주 연주 독주 합주 신주 기주 미주 호주 만주 유럽주 아주"
)
_WORDS_ENDING_IN_JU = frozenset(_JU_WORDS.split())
_HANGUL_SYLLABLES = re.compile(r"[가-힣]+$")


def _without_bare_ju(key: str) -> str:
    if not key.endswith("주") or len(key) < 3 or not _HANGUL_SYLLABLES.search(key[-3:]):
        return key
    if any(key.endswith(word) for word in _WORDS_ENDING_IN_JU):
        return key
    return key[:-1]


def company_name_key(name: str) -> str:
    """One key per company whatever corporate form or spacing the name is written with (a bare trailing 주
    included, by the rule above)."""
    stripped = strip_corporate_form(name)
    key = _NON_WORD.sub("", stripped).lower()
    return _without_bare_ju(key) or compact(name)


def legacy_name_keys(name: str) -> list[str]:
    """The keys a name may be stored under from before the bare-주 rule (`유디포엠주`), for lookups."""
    key = company_name_key(name)
    return [key, f"{key}주"]


# Full-width forms and dashes as Korean keyboards and Excel produce them: ２０２４－０３－１５, １２３　４５.
# NFKC is applied outside Hangul only: on Hangul it would turn compatibility jamo (ㄱ, ㅏ) into conjoining ones.
_NOT_HANGUL = re.compile(r"[^\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff\uffa0-\uffdc]+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")


def fold_width(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII, an ideographic space as a space; Hangul untouched.

    Safe on any text people typed (names included): only the width of a character changes, never its sense."""
    return "".join(
        chr(ord(ch) - 0xFEE0) if "\uff01" <= ch <= "\uff5e" else " " if ch == "\u3000" else ch for ch in text or ""
    )


def normalise_value(text: str) -> str:
    """A value that is a number, date, code or address part: NFKC outside Hangul, every dash a hyphen, every
    space a plain one (`２０２４．３．１５`, `123‐45‐67890`, `12\u00a0345`). Not for prose (NFKC turns ① into 1)."""
    text = _NOT_HANGUL.sub(lambda run: unicodedata.normalize("NFKC", run.group(0)), text or "")
    return _WHITESPACE.sub(" ", _DASHES.sub("-", text)).strip()


def search_key(text: str) -> str:
    """What a search query is reduced to: corporate forms, spacing and punctuation removed."""
    return company_name_key(text) if text and text.strip() else ""


# Dates as Korean offices write them. Year, month and day, separated by - . / or written 2024년 3월 15일, with an
# optional time after them (Excel's `2024-03-15 00:00:00`, `오전 9:30`); eight digits 20240315; a two-digit year
# (24.03.15, 24-3-15: 2000-2099, as offices mean it: no member list holds a date before 2000 in that form).
_DATE_PARTS = re.compile(
    r"^(?P<year>\d{4}|\d{2})\s*(?:년|[-./])\s*(?P<month>\d{1,2})\s*(?:월|[-./])\s*(?P<day>\d{1,2})\s*(?:일|\.)?"
    r"(?:\s*\(\w\))?"  # (금)
    r"(?:[\sT]+(?:오전|오후|AM|PM|am|pm)?\s*\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:AM|PM|am|pm)?)?$"
)
_DATE_DIGITS = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")


def parse_korean_date(text: str) -> datetime.date | None:
    """The date a cell's text means (full-width digits and dashes included), None when it is not a date."""
    value = normalise_value(text)
    match = _DATE_PARTS.match(value) or _DATE_DIGITS.match(value)
    if match is None:
        return None
    year = int(match["year"])
    if len(match["year"]) == 2:
        year += 2000
    try:
        return datetime.date(year, int(match["month"]), int(match["day"]))
    except ValueError:
        return None


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


def with_particles(message: str, values: Mapping) -> str:
    """`message % values` with its particles chosen by the words now in place (`‘디지털 트윈’은`, `‘메타버스’는`),
    for a message that is read before any page resolves it: a form error, a command's output, JSON."""
    return resolve_particles(message % values)


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
