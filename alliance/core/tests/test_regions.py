import pytest

from alliance.core.regions import SEOUL_DISTRICTS, SEOUL_ZONES, canonical_sido, seoul_zone


@pytest.mark.parametrize(
    ("raw", "short"),
    [
        ("서울", "서울"),
        ("서울시", "서울"),
        ("서울특별시", "서울"),
        ("서울 특별시", "서울"),
        ("강원도", "강원"),
        ("강원특별자치도", "강원"),
        ("전라북도", "전북"),
        ("전북특별자치도", "전북"),
        ("경기도", "경기"),
        ("제주도", "제주"),
    ],
)
def test_canonical_sido_spellings(raw, short):
    assert canonical_sido(raw) == short


def test_canonical_sido_unknown_is_none():
    assert canonical_sido("평양") is None


def test_seoul_has_25_districts_in_5_zones():
    assert (len(SEOUL_DISTRICTS), len(set(SEOUL_DISTRICTS)), len(SEOUL_ZONES)) == (25, 25, 5)


@pytest.mark.parametrize(
    ("district", "zone"),
    [("강남구", "동남권"), ("마포구", "서북권"), ("종로구", "도심권"), ("금천구", "서남권"), ("노원구", "동북권")],
)
def test_seoul_zone_of_district(district, zone):
    assert seoul_zone(district) == zone
