"""Text of an HWPX file (한글's OWPML format, KS X 6101): a zip whose `Contents/section0.xml`,
`section1.xml`, … hold the body; the text is in `<hp:t>` elements inside `<hp:p>` paragraphs.

The XML is parsed with lxml with entities, DTDs and the network off and huge trees refused, after the zip
directory passed the bomb checks; each part is read with its real size bounded. A package whose manifest
declares encrypted parts is recorded as encrypted.
"""

import re

from django.utils.translation import gettext as _
from lxml import etree

from alliance.info.extraction.limits import LockedFileError, UnreadableFileError, limit
from alliance.info.extraction.text import Extracted, TextCollector
from alliance.info.extraction.zips import open_checked_zip, read_part
from alliance.info.models.archive import ExtractionState

_SECTION = re.compile(r"^Contents/section(\d+)\.xml$", re.IGNORECASE)
_MANIFEST = "META-INF/manifest.xml"


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


def parse_xml(data: bytes, name: str):
    try:
        return etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as error:
        raise UnreadableFileError(_("The part %(name)s is not well-formed XML.") % {"name": name}) from error


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text_of(element) -> str:
    """The element's text and its child elements', entity references (never resolved) and comments left out."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(_text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def section_paragraphs(root):
    """The text of each paragraph of a section, in order; a table's cells are paragraphs of their own."""
    current, pieces = None, []
    for element in root.iter():
        if _local(element.tag) != "t":
            continue
        paragraph = next((ancestor for ancestor in element.iterancestors() if _local(ancestor.tag) == "p"), None)
        if paragraph is not current and pieces:
            yield "".join(pieces)
            pieces = []
        current = paragraph
        pieces.append(_text_of(element))
    if pieces:
        yield "".join(pieces)


def extract_hwpx(stream) -> Extracted:
    archive = open_checked_zip(stream)
    with archive:
        names = archive.namelist()
        if _MANIFEST in names:
            manifest = read_part(archive, _MANIFEST, max_bytes=limit("MAX_XML_PART_BYTES"))
            if any(_local(node.tag) == "encryption-data" for node in parse_xml(manifest, _MANIFEST).iter()):
                raise LockedFileError(ExtractionState.ENCRYPTED, _("The HWPX file is protected by a password."))
        sections = sorted((int(match[1]), name) for name in names if (match := _SECTION.match(name)))
        if not sections:
            raise UnreadableFileError(_("The file has no body section (Contents/section0.xml): not an HWPX file."))
        collector = TextCollector()
        for _number, name in sections:
            root = parse_xml(read_part(archive, name, max_bytes=limit("MAX_XML_PART_BYTES")), name)
            for text in section_paragraphs(root):
                collector.add(text)
            if collector.full:
                break
    return collector.result()
