"""Company figures (revenue, employees): one rule for who sees them exactly, one presenter for everyone else.

Rule (`may_see_exact_figures`, also the django-rules permission `core.view_exact_figures`): the exact
revenue and number of employees of a company are shown to the secretariat and to that company itself (its
representative); the public, other companies' representatives and every other role see bands only: revenue
in REVENUE_BANDS (백만원), employees in EMPLOYEE_BANDS. A company outside the registry (a non-member player)
has no representative: only staff see its exact figures.

Every page, export, image and API that shows a company's figures goes through `shown_figures` (or draws a
chart from its banded values); where it is applied is listed in docs/ARCHITECTURE.md ("Company figures"),
and `ecosystem/tests/test_figures_disclosure.py` crawls every public page, export and API for an exact figure.
Totals (`shown_total`, `withheld_parts`): a sum of company figures over a group (a category's revenue or
employees) is a company figure when few companies make it up — with one or two, the total is a company's own
number, or the difference of two totals is. So the public sees a total only over at least
`settings.ALLIANCE_MIN_COMPANIES_FOR_TOTALS` companies reporting the figure (default 3), and the cell says
why not otherwise ("3개사 미만 비공개"); staff (`may_see_exact_figures(user, None)`) see every total. Where
totals of parts sit beside the total of their whole (categories beside their layer's subtotal), hiding a
small part alone would not do: the whole minus the shown parts gives it back, so `withheld_parts` hides
further parts (the smallest first) until the hidden ones together hold at least the minimum. Counts of
companies are not company figures.
"""

import math
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from alliance.core.rules import may_see_exact_figures

__all__ = [
    "EMPLOYEE_BANDS",
    "REVENUE_BANDS",
    "ShownFigures",
    "ShownTotal",
    "may_see_exact_figures",
    "min_companies_for_totals",
    "revenue_band",
    "shown_figures",
    "shown_total",
    "withheld_parts",
    "withheld_whole",
]

# (key, label, lowest revenue in 백만원 or None, highest or None). The keys are an interface (the snapshot API's
# "revenue_band", the map's filter tokens): they never change.
REVENUE_BANDS = (
    ("unknown", pgettext_lazy("revenue band", "Not disclosed"), None, None),
    ("under-1b", gettext_lazy("Under ₩1 billion"), 0, 999),
    ("1b-10b", gettext_lazy("₩1–10 billion"), 1_000, 9_999),
    ("10b-100b", gettext_lazy("₩10–100 billion"), 10_000, 99_999),
    ("over-100b", gettext_lazy("₩100 billion or more"), 100_000, None),
)
# The member statistics' size bands (their Korean keys head the statistics tables).
EMPLOYEE_BANDS = (
    ("10인 미만", gettext_lazy("Fewer than 10"), 0, 9),
    ("10~19인", gettext_lazy("10–19 employees"), 10, 19),
    ("20~49인", gettext_lazy("20–49 employees"), 20, 49),
    ("50~99인", gettext_lazy("50–99 employees"), 50, 99),
    ("100~299인", gettext_lazy("100–299 employees"), 100, 299),
    ("300인 이상", gettext_lazy("300 or more employees"), 300, None),
)


def revenue_band(revenue: int | None) -> int:
    """Index into REVENUE_BANDS of a revenue in 백만원."""
    if revenue is None:
        return 0
    for index, (_key, _label, low, high) in enumerate(REVENUE_BANDS[1:], start=1):
        if revenue >= low and (high is None or revenue <= high):
            return index
    return 1  # a negative revenue (a loss reported as revenue) is still "under 1 billion"


def employee_band(employees: int | None) -> int | None:
    """Index into EMPLOYEE_BANDS, None when unknown."""
    if employees is None:
        return None
    for index, (_key, _label, low, high) in enumerate(EMPLOYEE_BANDS):
        if employees >= low and (high is None or employees <= high):
            return index
    return 0


def band_revenue(band: int) -> int | None:
    """A revenue standing for a whole band on a chart's log axis: the band's geometric middle (under ₩1 billion:
    ₩316 million; the open top band: as far above its floor), None for the unknown band."""
    _key, _label, low, high = REVENUE_BANDS[band]
    if low is None:
        return None
    low, high = max(low, 100), high if high is not None else low * 10
    return round(math.sqrt(low * (high + 1)))


@dataclass(frozen=True)
class ShownFigures:
    """A company's figures as one viewer may see them: exact (`revenue`, `employees` set) or banded (both None;
    `revenue_band`/`employees_band` and the texts say the band)."""

    exact: bool
    revenue: int | None
    employees: int | None
    revenue_band: int
    employees_band: int | None
    revenue_text: str
    employees_text: str


def shown_figures(*, revenue: int | None, employees: int | None, exact: bool) -> ShownFigures:
    """The presenter: `exact` comes from `may_see_exact_figures(user, organisation)`."""
    band, size = revenue_band(revenue), employee_band(employees)
    if exact:
        revenue_text = "-" if revenue is None else _("%(amount)s KRW million") % {"amount": f"{revenue:,}"}
        employees_text = "-" if employees is None else _("%(count)s employees") % {"count": f"{employees:,}"}
        return ShownFigures(True, revenue, employees, band, size, revenue_text, employees_text)
    employees_text = "-" if size is None else str(EMPLOYEE_BANDS[size][1])
    return ShownFigures(False, None, None, band, size, str(REVENUE_BANDS[band][1]), employees_text)


def min_companies_for_totals() -> int:
    """How many companies reporting a figure a public total needs (settings.ALLIANCE_MIN_COMPANIES_FOR_TOTALS)."""
    return settings.ALLIANCE_MIN_COMPANIES_FOR_TOTALS


def withheld_text() -> str:
    """What a withheld total's cell says: "3개사 미만 비공개"."""
    return _("Not disclosed (fewer than %(count)s companies)") % {"count": min_companies_for_totals()}


@dataclass(frozen=True)
class ShownTotal:
    """A total of a company figure as one viewer may see it: `value` None when withheld (`withheld` True) or
    when no company reports the figure; `companies` is how many report it."""

    value: int | None
    companies: int
    withheld: bool

    @property
    def text(self) -> str:
        return withheld_text() if self.withheld else ""


def shown_total(value: int | None, *, companies: int, exact: bool, withhold: bool = False) -> ShownTotal:
    """The presenter of a total over `companies` reporting companies. `exact`: the viewer may see every total
    (staff); `withhold`: hidden beside its whole by `withheld_parts` (for the public only)."""
    hidden = not exact and companies > 0 and (companies < min_companies_for_totals() or withhold)
    return ShownTotal(None if hidden or not companies else value, companies, hidden)


def withheld_parts(companies: list[int], *, exact: bool) -> set[int]:
    """Indexes of the parts of a whole (their reporting companies given in order) whose totals the public may not
    see: each part under the minimum, then, while the hidden parts together hold fewer than the minimum, the
    shown part with the fewest companies (the whole minus the shown parts would give the hidden ones away).
    Parts with no reporting company hide nothing. Staff: none."""
    if exact:
        return set()
    least = min_companies_for_totals()
    hidden = {index for index, count in enumerate(companies) if 0 < count < least}
    while hidden and sum(companies[index] for index in hidden) < least:
        shown = [index for index, count in enumerate(companies) if count and index not in hidden]
        if not shown:
            break  # every part is hidden: the whole is as small and is hidden by its own count
        hidden.add(min(shown, key=lambda index: (companies[index], index)))
    return hidden


def withheld_whole(companies: list[int], *, exact: bool) -> bool:
    """Whether the public may not see a whole's total beside its parts' shown totals (the parts' reporting
    companies given): its parts under the minimum are withheld, and when they together hold fewer than the
    minimum, the whole minus the shown parts would give them away. (The whole's own count is `shown_total`'s.)
    Staff: never."""
    least = min_companies_for_totals()
    hidden = sum(count for count in companies if 0 < count < least)
    return not exact and 0 < hidden < least
