"""PDF documents from Django templates, with WeasyPrint and the Korean font "Noto Sans CJK KR".

`render_pdf("app/pdf/thing.html", context)` renders the template (which extends `core/pdf/base.html`), applies
the base PDF stylesheet `css/pdf.css` (A4, the Korean font, tables that repeat their headers across pages,
page numbers) and returns the PDF's bytes. `page_size` overrides the size ("A4 landscape", "A5", "182mm 257mm").

Only local resources are fetched: `/static/...` URLs and `file:` URLs inside the static directories, and
`data:` URLs. Anything else (http, other files) is refused, so a user's text that reaches a template can
never make the server fetch a URL or read a file.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string

from alliance.core.korean import resolve_particles

PDF_STYLESHEET = "css/pdf.css"
FONT_FAMILY = "Noto Sans CJK KR"


def _static_roots() -> list[Path]:
    return [Path(directory).resolve() for directory in settings.STATICFILES_DIRS]


def static_path(url: str) -> Path:
    """The static file a PDF resource URL names; ValueError for anything else."""
    parsed = urlparse(url)
    path = None
    if parsed.scheme in ("", "file") and parsed.path.startswith(settings.STATIC_URL):
        try:
            found = finders.find(unquote(parsed.path.removeprefix(settings.STATIC_URL)))
        except SuspiciousFileOperation:
            found = None
        path = Path(found).resolve() if found else None
    elif parsed.scheme == "file":
        candidate = Path(unquote(parsed.path)).resolve()
        if any(candidate.is_relative_to(root) for root in _static_roots()):
            path = candidate
    if path is None or not path.is_file():
        raise ValueError(f"PDF resources are limited to static files: {url}")
    return path


def static_only_fetcher():
    """A WeasyPrint URL fetcher that serves static files and data: URLs and refuses everything else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: PLC0415  WeasyPrint loads Pango's native libraries: only when a PDF is made

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = static_path(url)
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(), {"Content-Type": content_type})

    return StaticOnlyFetcher()


def document_html(template_name: str, context: dict, *, request=None) -> str:
    """The document's HTML as laid out: the template rendered, its Korean particles chosen (대상을, not 대상을(를))."""
    return resolve_particles(render_to_string(template_name, context, request=request))


def layout_pdf(
    template_name: str,
    context: dict,
    *,
    request=None,
    base_url: str | None = None,
    page_size: str | None = None,
    stylesheets: tuple[str, ...] = (),
    base_stylesheet: bool = True,
    css: str = "",
):
    """The template laid out as a WeasyPrint document (its `pages`, then `write_pdf()`); see render_pdf.

    `css` is a style sheet computed by the caller (the poster's font size and box widths), applied last.
    """
    from weasyprint import CSS, HTML  # noqa: PLC0415  WeasyPrint loads Pango's native libraries: only when a PDF is made

    html = document_html(template_name, context, request=request)
    fetcher = static_only_fetcher()
    names = ((PDF_STYLESHEET,) if base_stylesheet else ()) + tuple(stylesheets)
    sheets = [CSS(filename=finders.find(name), url_fetcher=fetcher) for name in names]
    if page_size:
        sheets.append(CSS(string=f"@page {{ size: {page_size}; }}"))
    if css:
        sheets.append(CSS(string=css, url_fetcher=fetcher))
    document = HTML(string=html, base_url=base_url or settings.STATIC_URL, url_fetcher=fetcher)
    return document.render(stylesheets=sheets)


def render_pdf(template_name: str, context: dict, **options) -> bytes:
    """The template rendered as a PDF (bytes). `base_url` resolves relative URLs (default: the static URL).

    `stylesheets` are further static CSS paths applied after the base one; `base_stylesheet=False` leaves the
    base one out, for a document with a layout of its own (the ecosystem poster). Options as layout_pdf.
    """
    return layout_pdf(template_name, context, **options).write_pdf()
