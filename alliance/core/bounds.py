"""Domain limits of the numbers companies and staff enter, one place for forms, models and the importer.

A member once saved a revenue of 2^63−1: accepted by the form, it overflowed the public statistics' sum
(500) after the staff sync. Rule: every company figure stays within these limits wherever it is entered;
with them a sum over every company of the registry (a few thousand) fits a 64-bit column.
"""

import re

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

REVENUE_MILLION_MAX = 10**12  # KRW million: far above any company's revenue
EMPLOYEES_MAX = 10_000_000
COUNT_MAX = 1_000_000  # patents, certifications, awards


def bounded(maximum: int) -> list:
    """Validators for a figure between 0 and `maximum`, with Korean messages."""
    return [
        MinValueValidator(0, message=_("Enter 0 or more.")),
        MaxValueValidator(maximum, message=_("Enter at most %(limit_value)s.")),
    ]


# ---------------------------------------------------------------- numbers in forms
#
# Rule: every number a form takes has a minimum and a maximum (the form field's, or its model field's
# validators for a ModelForm; `core/tests/test_number_bounds.py` fails on a numeric field without them), and
# an error on a number names the field (`NamedNumberErrorsMixin`), so that a message shown away from its
# input still says where. Ids posted in forms are 1 to ID_MAX (what fits a 64-bit column: an id of 2^63
# reached the database and failed with OverflowError, a 500).

ID_MAX = 10**18 - 1  # 18 digits, as the URL converter `<id:…>` (core/converters.py)
POINTS_MAX = 1_000  # a criterion's maximum points, a score, a cut-off, bonus points
WINNERS_MAX = 100  # winners of one award
VOTES_MAX = 1_000  # votes cast in one committee decision
_ID = re.compile(r"^[0-9]{1,18}$")
NUMBER_FIELDS = (forms.IntegerField, forms.DecimalField, forms.FloatField)


def id_field(**kwargs) -> forms.IntegerField:
    """A hidden form field carrying a row's id: 1 to ID_MAX."""
    return forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=ID_MAX, **kwargs)


def parse_id(value) -> int | None:
    """An id posted or given as text: its number when it is 1 to 18 ASCII digits, else None (the lookup then
    finds nothing: 404). `str.isdigit` also takes "²" and "١", which `int()` then refuses or reads."""
    text = str(value or "")
    return int(text) if _ID.match(text) and int(text) > 0 else None


def parse_year(value, *, low: int = 1900, high: int = 2100) -> int | None:
    """A year asked in a query (`?year=2026`): four ASCII digits from `low` to `high`, else None (the caller
    then shows its default or answers 404). `int()` alone took "２０２６", failed on "²" (500) and read
    twenty digits into a number no column holds (OverflowError, 500)."""
    text = str(value or "")
    return int(text) if re.fullmatch(r"[0-9]{4}", text) and low <= int(text) <= high else None


def positive_whole_number(text: str, maximum: int) -> int | None:
    """A whole number from 1 to `maximum` written in a line of text (rubrics, awards), else None."""
    text = text.strip()
    if not re.fullmatch(r"[0-9]{1,9}", text) or not 0 < int(text) <= maximum:
        return None
    return int(text)


class NamedNumberErrorsMixin:
    """Put before the form class: each error of a number field starts with the field's label ("점수: …")."""

    def full_clean(self):
        super().full_clean()
        for name, field in self.fields.items():
            if isinstance(field, NUMBER_FIELDS) and name in self._errors:
                label = str(field.label or name)
                named = [
                    message if message.startswith(label) else f"{label}: {message}" for message in self._errors[name]
                ]
                self._errors[name] = self.error_class(named, renderer=self.renderer)


# A ModelForm's integer fields get the range of their column (on every database): put
# `formfield_callback = bounded_formfield` in the form's Meta. A smallint of 40,000 otherwise failed in
# PostgreSQL (500).
_COLUMN_RANGES = {
    "PositiveSmallIntegerField": (0, 32_767),
    "SmallIntegerField": (-32_768, 32_767),
    "PositiveIntegerField": (0, 2_147_483_647),
    "IntegerField": (-2_147_483_648, 2_147_483_647),
    "PositiveBigIntegerField": (0, 2**63 - 1),
    "BigIntegerField": (-(2**63), 2**63 - 1),
}


def bounded_formfield(db_field, **kwargs):
    """The model field's form field, an integer one bounded by its column's range (narrower bounds kept)."""
    field = db_field.formfield(**kwargs)
    column = _COLUMN_RANGES.get(db_field.get_internal_type())
    if column is not None and isinstance(field, forms.IntegerField):
        low = column[0] if field.min_value is None else max(field.min_value, column[0])
        high = column[1] if field.max_value is None else min(field.max_value, column[1])
        return type(field)(
            required=field.required, label=field.label, help_text=field.help_text, initial=field.initial,
            widget=field.widget, min_value=low, max_value=high,
        )  # fmt: skip
    return field
