"""Template filters for Korean conventions: 1,139개사, 1,139, 2026. 4. 15., 1,234백만원.

USE_THOUSAND_SEPARATOR is off, so a number printed as `{{ n }}` has no separator (right for ids and years);
a quantity shown to people goes through `count_with` or `number`.
"""

from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma

from alliance.core import dates
from alliance.core.korean import particle, resolve_particles

register = template.Library()


@register.filter
def count_with(value, unit: str) -> str:
    """`{{ 1139|count_with:"개사" }}` → 1,139개사."""
    if value is None or value == "":
        return "-"
    return f"{intcomma(value)}{unit}"


@register.filter
def number(value):
    """A quantity with thousands separators: `{{ 1139|number }}` → 1,139; "-" for none; anything that is
    not a number (a list of names, a text) is left as it is. Ids and years print plain without it."""
    if value is None or value == "":
        return "-"
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return intcomma(value)
    return value


@register.filter(expects_localtime=True)
def kdate(value, name: str = dates.DATE) -> str:
    """A date in the active language's DATE_FORMAT (2026. 4. 15. / 2026-04-15), or in its format `name`
    (`|kdate:"DATETIME_SECONDS_FORMAT"`); "-" when there is none."""
    if not value:
        return "-"
    return dates.format_moment(value, name)


@register.filter
def signed(value) -> str:
    """+36 / -4 / 0, for year-on-year changes."""
    if value is None:
        return "-"
    return f"+{intcomma(value)}" if value > 0 else intcomma(value)


@register.filter
def josa(value, which: str) -> str:
    """`{{ award|josa:"을" }}` → 대상을; `{{ city|josa:"로" }}` → 서울로 / 부산으로 (either form names it)."""
    return particle(value, which)


@register.filter(is_safe=True)
def particles(value) -> str:
    """`{{ message|particles }}`: every 을(를), 은(는), 이(가), 와(과), (으)로, (이)라는 chosen by the word before."""
    return resolve_particles(str(value))
