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
