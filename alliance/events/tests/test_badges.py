"""Name badges read back from the PDF: every name on its page, one A6 page each, eight labels to an A4 sheet."""

import io

from pypdf import PdfReader

from alliance.events import badges
from alliance.events.badges import Badge

MM = 72 / 25.4

PEOPLE = [
    Badge(name=f"홍길동{number}", organisation=f"메타랩{number}", title="대표", event="2025 성과공유회")
    for number in range(1, 11)
]


def pages_of(pdf: bytes):
    return PdfReader(io.BytesIO(pdf)).pages


def test_a6_badges_one_per_page_with_name_organisation_title_and_event():
    pages = pages_of(badges.a6_pdf(PEOPLE[:3]))

    assert len(pages) == 3
    for page, person in zip(pages, PEOPLE[:3], strict=True):
        text = page.extract_text()
        assert person.name in text
        assert person.organisation in text
        assert "대표" in text
        assert "2025 성과공유회" in text
        assert round(float(page.mediabox.width) / MM) == 105
        assert round(float(page.mediabox.height) / MM) == 148


def test_label_sheets_hold_eight_badges_each_in_reading_order():
    pages = pages_of(badges.sheet_pdf(PEOPLE))

    assert len(pages) == 2
    first, second = pages[0].extract_text(), pages[1].extract_text()
    assert [person.name in first for person in PEOPLE] == [True] * 8 + [False] * 2
    assert "홍길동9" in second
    assert "홍길동10" in second
    assert first.index("홍길동1\n") < first.index("홍길동2") < first.index("홍길동3")
    assert round(float(pages[0].mediabox.width) / MM) == 210
    assert round(float(pages[0].mediabox.height) / MM) == 297


def test_sheet_layout_constants_fit_on_a4():
    assert badges.LABELS_PER_SHEET == 8
    assert badges.SHEET_MARGIN_SIDE_MM * 2 + badges.SHEET_COLUMNS * badges.LABEL_WIDTH_MM == 210
    assert badges.SHEET_MARGIN_TOP_MM * 2 + badges.SHEET_ROWS * badges.LABEL_HEIGHT_MM == 297


def test_a_long_name_is_set_smaller_and_still_printed():
    guest = Badge(name="Alexandra Montgomery-Smith", organisation="Global XR Partners")

    text = pages_of(badges.a6_pdf([guest]))[0].extract_text()

    assert guest.is_long
    assert text.split() == ["Alexandra", "Montgomery-", "Smith", "Global", "XR", "Partners"]


def test_no_badges_gives_one_empty_page():
    assert len(pages_of(badges.a6_pdf([]))) == 1
    assert len(pages_of(badges.sheet_pdf([]))) == 1
