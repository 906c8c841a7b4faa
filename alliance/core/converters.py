"""URL converters for numbers: an id or a year in a URL that no database row can hold answers 404.

Django's `int` converter accepts any length of digits, so `/players/9223372036854775808/` reached the
database and failed (`OverflowError`, 500). These accept only what fits a 64-bit column; every numeric
URL parameter of the project uses them (`core/tests/test_converters.py` fails on a new `<int:...>`).
"""

from django.urls import register_converter


class IdConverter:
    """A primary key or other counter: 1 to 18 digits (below 2^63 on every database)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


class YearConverter(IdConverter):
    """A calendar year of four digits."""

    regex = "[0-9]{4}"


def register() -> None:
    register_converter(IdConverter, "id")
    register_converter(YearConverter, "year")
