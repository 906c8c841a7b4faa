import pytest
from django.utils import translation

from alliance.core.regions import (
    SEOUL_DISTRICTS,
    SEOUL_ZONES,
    STATISTICS_SIDO_ORDER,
    RegionError,
    canonical_sido,
    clean_sigungu,
    seoul_zone,
)


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


@pytest.mark.parametrize(
    ("value", "sido", "stored"),
    [
        ("강남구", "서울", "강남구"),
        (" 강남 구 ", "서울", "강남구"),
        ("", "서울", ""),
        ("성남시  분당구", "경기", "성남시 분당구"),
    ],
)
def test_clean_sigungu_stored_form(value, sido, stored):
    assert clean_sigungu(value, sido) == stored


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("강남", "'강남'은(는) 서울특별시 25개 자치구가 아닙니다. 혹시 강남구인가요?"),
        ("판교", "'판교'은(는) 서울특별시 25개 자치구가 아닙니다."),
    ],
)
def test_clean_sigungu_seoul_outside_the_25_districts_refused_in_korean(value, message):
    with translation.override("ko"), pytest.raises(RegionError) as error:
        clean_sigungu(value, "서울")

    assert error.value.message == message


def test_clean_sigungu_too_long_refused():
    with translation.override("ko"), pytest.raises(RegionError) as error:
        clean_sigungu("가" * 31, "경기")

    assert error.value.message == "30자 이내로 입력하세요."


def test_statistics_order_starts_with_the_capital_area_as_in_table_5():
    assert STATISTICS_SIDO_ORDER[:5] == ("서울", "경기", "인천", "부산", "대구")
    assert len(set(STATISTICS_SIDO_ORDER)) == 17
