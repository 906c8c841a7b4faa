"""The technology score (기술력 점수), 0–100, from four technology-strength inputs.

Each input earns points in proportion to its value up to a cap, then the points add up:

    score = 35 × min(patents, 20) / 20                 registered patents, full marks at 20
          + 30 × min(R&D staff share, 50) / 50         R&D staff as % of employees, full marks at 50 %
          + 20 × min(certifications, 5) / 5            technology certifications (벤처·이노비즈·GS 인증 …)
          + 15 × min(awards, 5) / 5                    awards and prizes

rounded to one decimal. A missing input counts as 0: the score shows what is known, and the data-quality
page lists placements with inputs missing. Caps keep one very large patent portfolio from drowning the
other signals; the weights favour patents and R&D staff because they are the inputs a registry or an
audit can verify. The formula is shown to readers on the score-explanation page (views/taxonomy.score_formula).
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Component:
    field: str
    label: Promise
    weight: float
    cap: float
    unit: Promise | str


COMPONENTS = (
    Component("patents", _("Registered patents"), 35, 20, _("patents")),
    Component("rd_staff_share", _("R&D staff share"), 30, 50, "%"),
    Component("certifications", _("Certifications"), 20, 5, _("certifications")),
    Component("awards", _("Awards won"), 15, 5, _("awards won")),
)
MAX_SCORE = sum(component.weight for component in COMPONENTS)


def component_points(component: Component, value) -> float:
    if value is None or value <= 0:
        return 0.0
    return component.weight * min(float(value), component.cap) / component.cap


def technology_score(*, patents=None, rd_staff_share=None, certifications=None, awards=None) -> float:
    """The score, 0–100 with one decimal, of these inputs (None = unknown = 0 points)."""
    values = {
        "patents": patents,
        "rd_staff_share": rd_staff_share,
        "certifications": certifications,
        "awards": awards,
    }
    total = sum(component_points(component, values[component.field]) for component in COMPONENTS)
    return round(min(total, MAX_SCORE), 1)


def score_breakdown(placement) -> list[dict]:
    """Per component: label, the input, its cap, weight and the points it earned — for the page."""
    return [
        {
            "component": component,
            "value": getattr(placement, component.field),
            "points": round(component_points(component, getattr(placement, component.field)), 1),
        }
        for component in COMPONENTS
    ]
