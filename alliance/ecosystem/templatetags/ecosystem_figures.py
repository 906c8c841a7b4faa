"""Figures on the map's pages in the units their readers say: `{{ revenue|revenue }}` → 141.8조원 (the chart's
labels, `ecosystem.chart.revenue_label`), "-" when there is none."""

from django import template

from alliance.ecosystem.chart import revenue_label

register = template.Library()


@register.filter
def revenue(million) -> str:
    if million is None or million == "":
        return "-"
    return revenue_label(int(million))
