"""Company figures (revenue, employees): one rule for who sees them exactly, one presenter for everyone else.

Rule (`may_see_exact_figures`, also the django-rules permission `core.view_exact_figures`): the exact
revenue and number of employees of a company are shown to the secretariat and to that company itself (its
representative); the public, other companies' representatives and every other role see bands only: revenue
in REVENUE_BANDS (백만원), employees in EMPLOYEE_BANDS. A company outside the registry (a non-member player)
has no representative: only staff see its exact figures.

Every page, export, image and API that shows a company's figures goes through `shown_figures` (or draws a
chart from its banded values); where it is applied is listed in docs/ARCHITECTURE.md ("Company figures"),
and `ecosystem/tests/test_figures_disclosure.py` crawls every public page, export and API for an exact figure.
Sums and counts over companies are not company figures.
"""

import math
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from alliance.core.rules import may_see_exact_figures

__all__ = ["EMPLOYEE_BANDS", "REVENUE_BANDS", "ShownFigures", "may_see_exact_figures", "revenue_band", "shown_figures"]

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
