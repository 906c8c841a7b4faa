"""The placements of a year's map as an XLSX workbook (openpyxl, write-only: 10,000 rows stay light)."""

import io

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alliance.core.spreadsheets import new_workbook
from alliance.ecosystem.models import Level, Placement


def placements_workbook(*, year: int) -> bytes:
    """One row per placement of `year` (drafts too, with their status), in five queries."""
    placements = (
        Placement.objects.filter(taxonomy__year=year)
        .select_related("player", "player__organisation", "primary__parent__parent__parent")
        .prefetch_related("technologies", "fields", "secondary")
        .order_by("player__name")
    )
    workbook = new_workbook()  # names come from imported files and the subcommittee: never formulas
    sheet = workbook.create_sheet(_("Placements"))
    sheet.append(
        [
            _("Player"), _("Member"), _("Domain"), _("Layer"), pgettext("taxonomy level", "Category"), _("Subcategory"),
            _("Other categories"), _("Core technologies"), _("Application fields"), _("Region"),
            _("Revenue (KRW million)"), _("Employees"), _("Registered patents"), _("R&D staff share (%)"),
            _("Certifications"), _("Awards won"), _("Technology score"), _("Status"),
        ]
    )  # fmt: skip
    for placement in placements:
        names = []
        node = placement.primary
        while node is not None:
            names.append(node.name)
            node = node.parent
        names.reverse()
        if placement.primary.level != Level.SUBCATEGORY:
            names.append("")
        player = placement.player
        sheet.append(
            [
                player.name,
                _("Yes") if player.organisation_id else _("No"),
                *names[:4],
                ", ".join(node.name for node in placement.secondary.all()),
                ", ".join(technology.name for technology in placement.technologies.all()),
                ", ".join(field.name for field in placement.fields.all()),
                player.region,
                placement.revenue,
                placement.employees,
                placement.patents,
                placement.rd_staff_share,
                placement.certifications,
                placement.awards,
                placement.technology_score,
                placement.get_status_display(),
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
