"""Template filters for Korean conventions: 1,139개사, 2026. 4. 15., 1,234백만원."""

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.formats import date_format

register = template.Library()


@register.filter
def count_with(value, unit: str) -> str:
    """`{{ 1139|count_with:"개사" }}` → 1,139개사."""
    if value is None or value == "":
        return "-"
    return f"{intcomma(value)}{unit}"


@register.filter
def kdate(value) -> str:
    """A date as 2026. 4. 15. (or the active locale's DATE_FORMAT)."""
    if not value:
        return "-"
    return date_format(value, "DATE_FORMAT")


@register.filter
def signed(value) -> str:
    """+36 / -4 / 0, for year-on-year changes."""
    if value is None:
        return "-"
    return f"+{intcomma(value)}" if value > 0 else intcomma(value)
