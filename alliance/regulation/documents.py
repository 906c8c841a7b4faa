"""The documents of the regulatory self-service: the filing's receipt certificate (신고 접수증) as PDF with a QR
code of its public check page, and the filings list as XLSX."""

import base64
import io

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.core.pdf import render_pdf
from alliance.core.spreadsheets import table_xlsx


def qr_data_url(url: str) -> str:
    """The QR code of `url` as an SVG data: URL (drawn by segno; the PDF fetches data: URLs only)."""
    stream = io.BytesIO()
    segno.make(url, error="m").save(stream, kind="svg", scale=4, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(stream.getvalue()).decode()


def check_url(filing) -> str:
    """The public check page of a received filing, as an absolute URL (SITE_URL)."""
    return settings.SITE_URL + reverse("regulation:filing_check", args=[filing.check_token])


def certificate_pdf(filing, *, request=None) -> bytes:
    url = check_url(filing)
    context = {"filing": filing, "check_url": url, "qr": qr_data_url(url)}
    return render_pdf("regulation/pdf/certificate.html", context, request=request)


def filings_xlsx(filings) -> bytes:
    headers = (
        _("Receipt number"), _("Member company"), _("Platform name"), _("Filing type"), _("Platform type"),
        _("Status"), _("Submitted at"), _("Previous-year revenue (KRW)"), _("Contact name"), _("Contact e-mail"),
    )  # fmt: skip
    rows = (
        (
            filing.receipt_number,
            filing.organisation.name,
            filing.platform_name,
            filing.get_kind_display(),
            filing.get_platform_type_display(),
            filing.get_state_display(),
            filing.submitted_at,
            filing.revenue_won,
            filing.contact_name,
            filing.contact_email,
        )
        for filing in filings
    )
    return table_xlsx(headers, rows, title=_("Platform filings"))
