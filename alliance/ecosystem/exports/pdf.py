"""HTML → PDF with WeasyPrint and the Korean font (written here because alliance/core/pdf.py, the shared
helper, is not in this branch yet; the integrator may switch callers to it)."""

from django.conf import settings

KOREAN_FONT = "Noto Sans CJK KR"  # named by the stylesheets (static/css/ecosystem-poster.css)


def html_to_pdf(html: str, stylesheets: tuple[str, ...] = ()) -> bytes:
    """The PDF of `html`; `stylesheets` are paths under alliance/static/ (templates hold no <style>)."""
    from weasyprint import CSS, HTML

    sheets = [CSS(filename=str(settings.BASE_DIR / "alliance" / "static" / path)) for path in stylesheets]
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(stylesheets=sheets)
