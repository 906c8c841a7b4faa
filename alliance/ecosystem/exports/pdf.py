"""HTML → PDF with WeasyPrint and the Korean font (written here because alliance/core/pdf.py, the shared
helper, is not in this branch yet; the integrator may switch callers to it)."""

from django.conf import settings

KOREAN_FONT = "Noto Sans CJK KR"


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
