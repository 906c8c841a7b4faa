"""The statistics page of a year's map as an XLSX workbook (core.spreadsheets.tables_xlsx): one sheet per table,
translated headers (Korean by default), numbers as numbers.

Rule: the workbook holds what the page shows the same viewer (queries.map_statistics.map_statistics): a total
withheld on the page (core/figures.py, "Totals") is withheld here, its cell saying why ("3개사 미만 비공개").
Revenue is in 백만원 (the unit of the figures companies report), so that the sheet adds up exactly.
"""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alliance.core.figures import ShownTotal
from alliance.core.spreadsheets import Table, tables_xlsx
from alliance.ecosystem.queries.map_statistics import MapStatistics, Row


def _total(total: ShownTotal):
    return total.text if total.withheld else total.value


def _kind(kind: str) -> str:
    labels = {"subtotal": pgettext("statistics row", "Subtotal"), "total": pgettext("statistics row", "Total")}
    return labels.get(kind, "")


def _share_table(title: str, heading: str, rows: list[Row]) -> Table:
    return Table(
        title,
        [heading, _("Number of players"), _("Share (%)")],
        ([row.label, row.count, float(row.share) if row.share is not None else None] for row in rows),
    )


def statistics_workbook(stats: MapStatistics) -> bytes:
    """Sheets: by category (players, revenue, employees), by region, by number of employees, by company age,
    and the change over the years."""
    categories = Table(
        _("By category"),
        [
            pgettext("taxonomy level", "Category"),
            _("Row type"),
            _("Number of players"),
            _("Revenue (KRW million)"),
            _("Employees"),
        ],
        (
            [row.label, _kind(row.kind), row.count, _total(row.revenue), _total(row.employees)]
            for row in stats.categories
        ),
    )
    years = Table(
        _("Change over the years"),
        [_("Year"), *stats.domain_names, _("Number of players"), _("Revenue (KRW million)"), _("Published")],
        (
            [
                row.year,
                *(row.domains.get(name, (0, 0))[0] for name in stats.domain_names),
                row.players,
                _total(row.revenue),
                _("Yes") if row.published else "",
            ]
            for row in stats.years
        ),
    )
    return tables_xlsx(
        [
            categories,
            _share_table(_("By region"), _("Region"), stats.regions),
            _share_table(_("By number of employees"), _("Employees"), stats.sizes),
            _share_table(_("By company age"), _("Company age"), stats.ages),
            years,
        ]
    )
