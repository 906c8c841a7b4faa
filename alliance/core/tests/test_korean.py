import pytest

from alliance.core.korean import (
    business_number_with_check_digit,
    compact,
    company_name_key,
    format_business_number,
    is_valid_business_number,
    size_label,
)


@pytest.mark.parametrize("variant", ["주식회사 젠", "(주)젠", "㈜젠", "젠 주식회사", "(주) 젠", "젠(주)", "주식회사젠"])
def test_company_name_key_variants_match(variant):
    assert company_name_key(variant) == "젠"


def test_company_name_key_keeps_distinct_names_distinct():
    assert company_name_key("주식회사 젠틀") != company_name_key("주식회사 젠")


def test_company_name_key_english_forms():
    assert company_name_key("Zen Co., Ltd.") == company_name_key("ZEN Inc.") == "zen"


def test_compact_removes_spacing():
    assert compact("디지털 트윈") == compact("디지털트윈") == "디지털트윈"


@pytest.mark.parametrize("number", ["220-81-62517", "2208162517", "124-81-00998", "104-81-43125"])
def test_business_number_valid(number):
    assert is_valid_business_number(number) is True


@pytest.mark.parametrize("number", ["220-81-62518", "123", "12345678901", "abcdefghij", ""])
def test_business_number_invalid(number):
    assert is_valid_business_number(number) is False


def test_business_number_with_check_digit_completes_valid_number():
    assert is_valid_business_number(business_number_with_check_digit("220816251")) is True


def test_format_business_number():
    assert format_business_number("2208162517") == "220-81-62517"


@pytest.mark.parametrize(
    ("num_bytes", "expected"),
    [
        (20 * 1024 * 1024, "20MB"),
        (1536 * 1024, "1.5MB"),
        (512 * 1024, "512KB"),
        (900, "900B"),
        (3 * 1024**3, "3GB"),
    ],
)
def test_size_label_reads_like_a_person_writes_it(num_bytes, expected):
    assert size_label(num_bytes) == expected
