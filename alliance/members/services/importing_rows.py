"""Validating one row of the member spreadsheet into organisation data.

Rules (issue 2): 회사명, 회원구분 and 가입일 are required; 회원구분 is one of the Korean category names (or an
obvious variant: 대학, 산학협력단, 기관, 협단체, 비영리); 시도 may be spelled any way; 시군구 in Seoul is one
of its 25 districts; dates are Excel dates or written as offices write them (`core.korean.parse_korean_date`:
2026-04-15, 2026.4.15, 2026. 4. 15., 2026/04/15, 2026년 4월 15일, 20260415, 26.04.15, 2026-04-15 00:00:00); full-width
digits, letters, dashes and spaces are read as their ASCII forms (never in Hangul: `core.korean.normalise_value`); the
사업자등록번호 has a valid check digit (dashes optional); numbers may have thousands separators; 탈퇴일 is
not before 가입일; 주요분야 are split on , / · ; . Text with HTML in it is kept as written (it is escaped
wherever it is shown). Each problem names its row and column.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.bounds import EMPLOYEES_MAX, REVENUE_MILLION_MAX
from alliance.core.korean import (
    business_number_digits,
    company_name_key,
    fold_width,
    is_valid_business_number,
    normalise_value,
    parse_korean_date,
)
from alliance.core.regions import RegionError, canonical_sido, clean_sigungu
from alliance.core.spreadsheets import FORMULA_START
from alliance.members.models.organisation import CATEGORY_KOREAN, MemberCategory


@dataclass
class Problem:
    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        return _("Row %(row)s '%(column)s': %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class RowData:
    """A valid row: organisation field values for the columns the file has, and its business fields."""

    row: int
    cells: tuple
    data: dict
    field_names: list[str] | None  # None when the file has no 주요분야 column
    # Names of the 주요분야 cell that mean no term of the vocabulary: proposed to staff, not made terms.
    proposed_fields: list[str] = field(default_factory=list)

    @property
    def name_key(self) -> str:
        return company_name_key(self.data["name"])

    @property
    def business_number(self) -> str:
        return self.data.get("business_number", "")


def _key(text: str) -> str:
    return re.sub(r"[\s·ㆍ/,()\-]", "", text)


_CATEGORY_NAMES = {_key(korean): category for category, korean in CATEGORY_KOREAN.items()}
_CATEGORY_NAMES.update({category.value: category for category in MemberCategory})
_CATEGORY_NAMES.update(
    {
        "대학": MemberCategory.UNIVERSITY,
        "산학협력단": MemberCategory.UNIVERSITY,
        "대학교": MemberCategory.UNIVERSITY,
        "대학산학협력단": MemberCategory.UNIVERSITY,
        "기관": MemberCategory.AGENCY,
        "협단체": MemberCategory.AGENCY,
        "협회": MemberCategory.AGENCY,
        "기관협단체": MemberCategory.AGENCY,
        "공공기관": MemberCategory.AGENCY,
        "비영리": MemberCategory.NONPROFIT,
        "기타": MemberCategory.NONPROFIT,
        "기타비영리": MemberCategory.NONPROFIT,
        "비영리기관": MemberCategory.NONPROFIT,
    }
)
REQUIRED_HEADERS_ORDER = ("회사명", "회원구분", "가입일")
_FIELD_SEPARATORS = re.compile(r"[,/·ㆍ;，、]")
_NUMBER = re.compile(r"^-?\d+$")
_url = URLValidator(schemes=["http", "https"])


class InvalidCellError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = fold_width(str(value)).strip()  # ＡＢＣ, ２０２４, the ideographic space: as typed on a Korean keyboard
    # The CSV export writes text that would start a formula as '=...; take the quote off again.
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_START):
        text = text[1:]
    return text


def parse_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    if not text:
        return None
    date = parse_korean_date(text)
    if date is not None:
        return date
    raise InvalidCellError(_("'%(value)s' is not a date. Write it as 2026-04-15 or 2026. 4. 15.") % {"value": text})


def parse_integer(value, *, minimum: int = 0, maximum: int | None = None) -> int | None:
    if isinstance(value, bool):
        value = str(value)
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = _text(value)
        if not text:
            return None
        cleaned = re.sub(r"[\s,]", "", normalise_value(text)).removesuffix("백만원").removesuffix("명")
        if not _NUMBER.match(cleaned):
            raise InvalidCellError(_("'%(value)s' is not a whole number.") % {"value": text})
        number = int(cleaned)
    if number < minimum or (maximum is not None and number > maximum):
        if maximum is None:
            raise InvalidCellError(_("%(value)s is less than %(minimum)s.") % {"value": number, "minimum": minimum})
        raise InvalidCellError(
            _("%(value)s is not between %(minimum)s and %(maximum)s.")
            % {"value": number, "minimum": minimum, "maximum": maximum}
        )
    return number


def _category(value) -> str:
    text = _text(value)
    category = _CATEGORY_NAMES.get(_key(text))
    if category is None:
        raise InvalidCellError(
            _("'%(value)s' is not a member category. Use one of: %(choices)s.")
            % {"value": text, "choices": ", ".join(CATEGORY_KOREAN.values())}
        )
    return category.value


def _business_number(value) -> str:
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    text = _text(value).zfill(10) if numeric else normalise_value(_text(value))
    if not text:
        return ""
    if not is_valid_business_number(text):
        raise InvalidCellError(
            _("'%(value)s' is not a valid business registration number (10 digits whose last is the check digit).")
            % {"value": text}
        )
    return business_number_digits(text)


def _homepage(value) -> str:
    text = _text(value)
    if not text:
        return ""
    url = text if re.match(r"^https?://", text, re.IGNORECASE) else f"https://{text}"
    try:
        _url(url)
    except ValidationError as error:
        raise InvalidCellError(_("'%(value)s' is not a web address.") % {"value": text}) from error
    if len(url) > 200:
        raise InvalidCellError(_("Write at most %(limit)s characters.") % {"limit": 200})
    return url


def split_fields(value) -> list[str]:
    names = []
    for piece in _FIELD_SEPARATORS.split(_text(value)):
        name = " ".join(piece.split())
        if name and name not in names:
            names.append(name)
    return names


def _fields(value) -> list[str]:
    names = split_fields(value)
    for name in names:
        if len(name) > 60:
            message = _("The field '%(value)s' is longer than %(limit)s characters.")
            raise InvalidCellError(message % {"value": name, "limit": 60})
    return sorted(names)


def _sido(value) -> str:
    text = normalise_value(_text(value))
    if not text:
        return ""
    sido = canonical_sido(text)
    if sido is None:
        raise InvalidCellError(_("'%(value)s' is not a province or metropolitan city (시·도).") % {"value": text})
    return sido


def _sigungu(value, sido: str) -> str:
    try:
        return clean_sigungu(normalise_value(_text(value)), sido)
    except RegionError as error:
        raise InvalidCellError(error.message) from None


def _founded_year(value) -> int | None:
    return parse_integer(value, minimum=1800, maximum=timezone.localdate().year)


def _employees(value) -> int | None:
    return parse_integer(value, maximum=EMPLOYEES_MAX)


def _revenue(value) -> int | None:
    return parse_integer(value, maximum=REVENUE_MILLION_MAX)


def _text_parser(limit: int):
    def parse(value) -> str:
        text = _text(value)
        if len(text) > limit:
            raise InvalidCellError(_("Write at most %(limit)s characters.") % {"limit": limit})
        return text

    return parse


# Column → (model field, parser), in the order problems are reported.
_PARSERS = {
    "회사명": ("name", _text_parser(200)),
    "영문명": ("name_en", _text_parser(200)),
    "사업자등록번호": ("business_number", _business_number),
    "회원구분": ("category", _category),
    "가입일": ("joined_on", parse_date),
    "탈퇴일": ("withdrawn_on", parse_date),
    "탈퇴사유": ("withdrawal_reason", _text_parser(300)),
    "시도": ("sido", _sido),
    "설립연도": ("founded_year", _founded_year),
    "종사자수": ("employees", _employees),
    "매출액(백만원)": ("revenue_million", _revenue),
    "홈페이지": ("homepage", _homepage),
    "소개": ("description", _text_parser(5000)),
}


def validate_row(row: int, cells: tuple, values: dict) -> tuple[RowData | None, list[Problem]]:
    """Check one row's cells (`values` by header); the organisation data, or the problems found."""
    data: dict = {}
    problems: list[Problem] = []
    for column, (model_field, parse) in _PARSERS.items():
        if column not in values:
            continue
        try:
            if column in REQUIRED_HEADERS_ORDER and not _text(values[column]):
                raise InvalidCellError(_("%(column)s is required.") % {"column": column})
            data[model_field] = parse(values[column])
        except InvalidCellError as error:
            problems.append(Problem(row, column, error.message))
    if "시군구" in values:
        try:
            data["sigungu"] = _sigungu(values["시군구"], data.get("sido", ""))
        except InvalidCellError as error:
            problems.append(Problem(row, "시군구", error.message))
    field_names = None
    if "주요분야" in values:
        try:
            field_names = _fields(values["주요분야"])
        except InvalidCellError as error:
            problems.append(Problem(row, "주요분야", error.message))
    joined, withdrawn = data.get("joined_on"), data.get("withdrawn_on")
    if joined and withdrawn and withdrawn < joined:
        problems.append(
            Problem(
                row,
                "탈퇴일",
                _("The withdrawal date %(withdrawn)s is before the joining date %(joined)s.")
                % {"withdrawn": withdrawn.isoformat(), "joined": joined.isoformat()},
            )
        )
    if problems:
        return None, problems
    return RowData(row=row, cells=cells, data=data, field_names=field_names), []
