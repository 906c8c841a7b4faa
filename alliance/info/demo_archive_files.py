"""Synthetic report files with Korean text, made on the spot: PDF (WeasyPrint through core/pdf.py), HWPX
(a hand-built OWPML package), DOCX (python-docx) and PPTX (python-pptx). For the demo, the tests and the
benchmark: real files the extractors read as they read a secretariat's uploads."""

import io
import zipfile

from alliance.core.pdf import render_pdf

PDF_TEMPLATE = "info/archive/pdf/sample.html"
HWPX_PARAGRAPH_NS = "http://www.hancom.co.kr/hwpml/2011/paragraph"
HWPX_SECTION_NS = "http://www.hancom.co.kr/hwpml/2011/section"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"
MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
EMPTY_MANIFEST = f'{XML_DECLARATION}<odf:manifest xmlns:odf="{MANIFEST_NS}"/>'


def pdf_bytes(title: str, pages: list[list[str]]) -> bytes:
    """A PDF whose title heads the first page and each item of `pages` (its paragraphs) starts a new page."""
    return render_pdf(PDF_TEMPLATE, {"title": title, "pages": pages})


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def hwpx_section(paragraphs: list[str]) -> str:
    """An OWPML section: one <hp:p> per paragraph, its text in a run's <hp:t>."""
    body = "".join(
        f'<hp:p id="{index}" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:t>{_xml_text(text)}</hp:t>'
        "</hp:run></hp:p>"
        for index, text in enumerate(paragraphs)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<hs:sec xmlns:hs="{HWPX_SECTION_NS}" xmlns:hp="{HWPX_PARAGRAPH_NS}">{body}</hs:sec>'
    )


def hwpx_bytes(sections: list[list[str]], *, manifest: str | None = None, extra: dict | None = None) -> bytes:
    """An HWPX package: `mimetype` first and stored, the version, the manifest, content.hpf and one
    `Contents/sectionN.xml` per item of `sections`. `manifest` replaces META-INF/manifest.xml; `extra` adds parts."""
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip", compress_type=zipfile.ZIP_STORED)
        package.writestr(
            "version.xml",
            '<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version"'
            ' tagetApplication="WORDPROCESSOR" major="5" minor="1" micro="0" buildNumber="1"/>',
        )
        package.writestr(
            "META-INF/container.xml",
            f'{XML_DECLARATION}<ocf:container xmlns:ocf="{CONTAINER_NS}">'
            '<ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/>'
            "</ocf:rootfiles></ocf:container>",
        )
        package.writestr(
            "META-INF/manifest.xml",
            manifest or EMPTY_MANIFEST,
        )
        items = "".join(
            f'<opf:item id="section{index}" href="Contents/section{index}.xml" media-type="application/xml"/>'
            for index in range(len(sections))
        )
        package.writestr(
            "Contents/content.hpf",
            '<?xml version="1.0" encoding="UTF-8"?><opf:package xmlns:opf="http://www.idpf.org/2007/opf/">'
            f"<opf:manifest>{items}</opf:manifest></opf:package>",
        )
        for index, paragraphs in enumerate(sections):
            package.writestr(f"Contents/section{index}.xml", hwpx_section(paragraphs))
        for name, content in (extra or {}).items():
            package.writestr(name, content)
    return stream.getvalue()


def docx_bytes(title: str, paragraphs: list[str], *, table: list[list[str]] | None = None) -> bytes:
    import docx  # noqa: PLC0415  python-docx is loaded only where a document is made

    document = docx.Document()
    document.add_heading(title, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def pptx_bytes(slides: list[tuple[str, str]]) -> bytes:
    """A presentation of (title, body) slides."""
    import pptx  # noqa: PLC0415  python-pptx is loaded only where a presentation is made

    presentation = pptx.Presentation()
    layout = presentation.slide_layouts[1]  # title and content
    for title, body in slides:
        slide = presentation.slides.add_slide(layout)
        slide.shapes.title.text = title
        slide.placeholders[1].text = body
    stream = io.BytesIO()
    presentation.save(stream)
    return stream.getvalue()
