"""Word documents in Korean: python-docx's template with a Korean East-Asian font everywhere.

Word picks the font of Hangul from `w:eastAsia` of the run, then of its style, then of the document defaults
(`w:docDefaults`), and where a style names a theme font instead (`w:eastAsiaTheme`, as the template's headings
do) from the theme — whose East-Asian entries in python-docx's template are Japanese faces. So
`korean_document()` sets `w:eastAsia` (and the East-Asian language ko-KR) in the document defaults and in every
style, and drops the theme references: Korean never falls back to a Japanese face.
"""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

# The font Korean Word documents use; a reader without it substitutes a Korean font of its own.
KOREAN_FONT = "맑은 고딕"
THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def set_east_asian_font(r_pr, name: str = KOREAN_FONT) -> None:
    """`w:rFonts` of a run-properties element name `name` for every script (no theme font), language ko-KR."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:eastAsia"), "ko-KR")


def korean_document(*, size_pt: float = 10, margin_cm: float = 2, landscape: bool = False):
    """A new python-docx Document whose defaults and styles all use the Korean font; A4, turned to landscape when
    asked (the yearly schedule's grid)."""
    document = Document()
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    r_pr_default = defaults.find(qn("w:rPrDefault"))
    if r_pr_default is None:
        r_pr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, r_pr_default)
    r_pr = r_pr_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        r_pr_default.append(r_pr)
    set_east_asian_font(r_pr)
    for style in document.styles:
        element = style.element
        if element.find(qn("w:rPr")) is not None or style.type == 1:  # paragraph styles, and any with run props
            set_east_asian_font(element.get_or_add_rPr())
    document.styles["Normal"].font.size = Pt(size_pt)
    for section in document.sections:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
        section.left_margin = section.right_margin = Cm(margin_cm)
    return document


def as_bytes(document) -> bytes:
    """The document saved, as bytes (a download's content)."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
