"""시·도 and Seoul's 5 zones (seed 003, table 6).

A 시·도 arrives spelled many ways (서울, 서울시, 서울특별시; 강원도, 강원특별자치도); the platform stores one
canonical short name (서울, 강원, ...) and shows the official name where space allows.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Sido:
    short: str
    official: str
    aliases: tuple[str, ...] = ()
    capital_area: bool = False


SIDO = (
    Sido("서울", "서울특별시", ("서울시", "서울특별시청"), capital_area=True),
    Sido("부산", "부산광역시", ("부산시",)),
    Sido("대구", "대구광역시", ("대구시",)),
    Sido("인천", "인천광역시", ("인천시",), capital_area=True),
    Sido("광주", "광주광역시", ("광주시",)),
    Sido("대전", "대전광역시", ("대전시",)),
    Sido("울산", "울산광역시", ("울산시",)),
    Sido("세종", "세종특별자치시", ("세종시",)),
    Sido("경기", "경기도", (), capital_area=True),
    Sido("강원", "강원특별자치도", ("강원도",)),
    Sido("충북", "충청북도", ()),
    Sido("충남", "충청남도", ()),
    Sido("전북", "전북특별자치도", ("전라북도",)),
    Sido("전남", "전라남도", ()),
    Sido("경북", "경상북도", ()),
    Sido("경남", "경상남도", ()),
    Sido("제주", "제주특별자치도", ("제주도",)),
)
SIDO_BY_SHORT = {sido.short: sido for sido in SIDO}
# The capital area in the order statistics list it (seed 003, table 5: 서울, 경기, 인천), and every 시·도 in
# the order of that table: the capital area first, then the others in the canonical order above.
CAPITAL_AREA = ("서울", "경기", "인천")
STATISTICS_SIDO_ORDER = (*CAPITAL_AREA, *(sido.short for sido in SIDO if not sido.capital_area))

_ALIASES: dict[str, str] = {}
for _sido in SIDO:
    for _name in (_sido.short, _sido.official, *_sido.aliases):
        _ALIASES[_name.replace(" ", "")] = _sido.short


# Stored value: the short name; label: the official name.
SidoChoices = models.TextChoices("SidoChoices", [(sido.short, (sido.short, sido.official)) for sido in SIDO])


def canonical_sido(value: str) -> str | None:
    """The short name of a 시·도 however it is written, or None when it is not one."""
    key = (value or "").replace(" ", "").strip()
    return _ALIASES.get(key)


SEOUL_ZONES: dict[str, tuple[str, ...]] = {
    "도심권": ("종로구", "중구", "용산구"),
    "동북권": ("성동구", "광진구", "동대문구", "중랑구", "성북구", "강북구", "도봉구", "노원구"),
    "서북권": ("은평구", "서대문구", "마포구"),
    "서남권": ("양천구", "강서구", "구로구", "금천구", "영등포구", "동작구", "관악구"),
    "동남권": ("서초구", "강남구", "송파구", "강동구"),
}
# The order in which seed 003's table 6 lists the zones.
SEOUL_ZONE_ORDER = ("도심권", "동남권", "서북권", "서남권", "동북권")
SEOUL_DISTRICTS = tuple(district for districts in SEOUL_ZONES.values() for district in districts)
_ZONE_BY_DISTRICT = {district: zone for zone, districts in SEOUL_ZONES.items() for district in districts}


def seoul_zone(sigungu: str) -> str | None:
    """The zone of a Seoul district (강남구 → 동남권); None for anything else."""
    return _ZONE_BY_DISTRICT.get((sigungu or "").replace(" ", ""))


def normalise_sigungu(value: str) -> str:
    return (value or "").replace(" ", "").strip()


SIGUNGU_MAX_LENGTH = 30


class RegionError(ValueError):
    """A 시·군·구 that cannot be stored; `message` says why, in the active language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def clean_sigungu(value: str, sido: str) -> str:
    """The stored form of a 시·군·구 written for `sido` (a short name), or RegionError.

    Rule (issue 2): in Seoul it must be one of the 25 districts, so that its zone is known (`강남 구` →
    `강남구`; `강남` is refused, naming `강남구`); elsewhere it is free text of at most 30 characters, spacing
    normalised. Blank stays blank. The importer and the profile and census forms all check through here.
    """
    text = " ".join(str(value or "").split())
    if not text:
        return ""
    if sido == "서울":
        district = normalise_sigungu(text)
        if district in SEOUL_DISTRICTS:
            return district
        message = _("'%(value)s' is not one of Seoul's 25 districts (구).") % {"value": text}
        if f"{district}구" in SEOUL_DISTRICTS:
            message = " ".join([message, _("Did you mean %(district)s?") % {"district": f"{district}구"}])
        raise RegionError(message)
    if len(text) > SIGUNGU_MAX_LENGTH:
        raise RegionError(_("Write at most %(limit)s characters.") % {"limit": SIGUNGU_MAX_LENGTH})
    return text
