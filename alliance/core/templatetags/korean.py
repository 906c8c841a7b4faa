"""Template filters for Korean conventions: 1,139개사, 1,139, 2026. 4. 15., 1,234백만원.

USE_THOUSAND_SEPARATOR is off, so a number printed as `{{ n }}` has no separator (right for ids and years);
a quantity shown to people goes through `count_with` or `number`.
"""

from decimal import Decimal

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import get_language, gettext, ngettext

from alliance.core import dates
from alliance.core.korean import particle, resolve_particles

register = template.Library()
# Korean counter words: an English sentence or column names what is counted, so they are left out there.
COUNTER_WORDS = frozenset({"개사", "개 그룹", "개 기관", "개", "명", "건", "행", "회", "곳"})


def _measures(value) -> dict:
    """Units that carry information an English sentence does not name: the English for each."""
    return {
        "일": ngettext("%(count)s day", "%(count)s days", value if isinstance(value, int) else 2),
        "백만원": gettext("%(count)s million won"),
    }


@register.filter
def count_with(value, unit: str) -> str:
    """`{{ 1139|count_with:"개사" }}` → 1,139개사 on a Korean page. The counter follows the page's language:
    on any other page a Korean counter word (COUNTER_WORDS) is left out, since the English sentence or
    column names what is counted ("Browse all 1,156 member organisations"), a unit of measure (일, 백만원) is
    given in that language, and any other unit (%) is kept."""
    if value is None or value == "":
        return "-"
    if not unit or (get_language() or "ko").startswith("ko"):
        return f"{intcomma(value)}{unit}"
    english = _measures(value).get(unit)
    if english:
        return english % {"count": intcomma(value)}
    # A unit that is no counter word (%, 억원 …) stays: the number alone would say something else.
    return intcomma(value) if unit in COUNTER_WORDS else f"{intcomma(value)}{unit}"


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
