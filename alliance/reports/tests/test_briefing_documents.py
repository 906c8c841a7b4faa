"""The briefing's three files, each read back by an independent reader: python-docx for DOCX, pypdf for PDF,
the zip's OWPML XML and hwp-hwpx-parser for HWPX; and the `quarterly_briefing` command."""

import datetime
import io
import zipfile
from xml.etree import ElementTree

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from docx import Document
from docx.oxml.ns import qn
from hwp_hwpx_parser import extract_hwpx
from pypdf import PdfReader

from alliance.reports.documents import render
from alliance.reports.queries.briefing import build_briefing
from alliance.reports.tests.briefing_world import build_world

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 2, 1)


@pytest.fixture
def briefing():
    steering, _ = build_world()
    with translation.override("ko"):
        yield build_briefing(2025, 4, steering, today=TODAY)


def test_docx_reads_back_with_korean_east_asian_fonts(briefing):
    document = Document(io.BytesIO(render(briefing, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert briefing.title in text
    assert "’24년 대비 2개사 증가" in text
    members = ("1", "0", "2", "1", "0", "1", "5")
    member_table = next(t for t in document.tables if tuple(c.text for c in t.rows[-1].cells) == members)
    assert member_table.rows[0].cells[0].text == "기업 (3개)"
    assert member_table.rows[0].cells[2].text == "기업 (3개)"  # merged across 대기업 / 중기업 / 소기업
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "맑은 고딕"
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "ko-KR"
    for name in ("Heading 1", "Title", "Normal"):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "맑은 고딕"
        assert fonts.get(qn("w:eastAsiaTheme")) is None


def test_pdf_reads_back(briefing):
    reader = PdfReader(io.BytesIO(render(briefing, "pdf")))
    text = "".join(page.extract_text() for page in reader.pages)
    squeezed = "".join(text.split())
    assert "대상인원" in squeezed
    assert "’24년대비2개사증가" in squeezed
    assert "[붙임]수치와출처" in squeezed
    assert "254,431" in text


def test_hwpx_reads_back_from_its_xml_and_an_independent_parser(briefing, tmp_path):
    content = render(briefing, "hwpx")
    archive = zipfile.ZipFile(io.BytesIO(content))
    assert archive.namelist()[0] == "mimetype"
    assert archive.read("mimetype") == b"application/hwp+zip"
    for name in ("version.xml", "Contents/content.hpf", "Contents/header.xml", "Contents/section0.xml"):
        ElementTree.fromstring(archive.read(name))  # noqa: S314  well-formed; our own file
    section = ElementTree.fromstring(archive.read("Contents/section0.xml"))  # noqa: S314  our own file
    texts = [node.text or "" for node in section.iter() if node.tag.endswith("}t")]
    assert briefing.title in texts
    assert "- ’24년 대비 2개사 증가" in texts
    tables = sum(1 for node in section.iter() if node.tag.endswith("}tbl"))
    assert tables == sum(len(part.tables()) for part in briefing.sections)
    path = tmp_path / "briefing.hwpx"
    path.write_bytes(content)
    text, _error = extract_hwpx(path)
    assert "| 1 | 0 | 2 | 1 | 0 | 1 | 5 |" in text
    assert "프로젝트 그룹 최종심사 참여 (5개 그룹)" in text


@pytest.mark.parametrize("extension", ["docx", "pdf", "hwpx"])
def test_the_command_writes_the_format_of_the_extension(tmp_path, extension):
    build_world()
    out = tmp_path / f"briefing.{extension.upper()}"
    call_command("quarterly_briefing", "--year", "2025", "--quarter", "4", "--out", str(out), stdout=io.StringIO())
    magic = {"docx": b"PK", "hwpx": b"PK", "pdf": b"%PDF"}[extension]
    assert out.read_bytes().startswith(magic)


def test_the_command_refuses_an_unknown_extension_and_meeting_in_korean(tmp_path):
    with pytest.raises(CommandError, match="알 수 없는 파일 형식입니다"):
        call_command("quarterly_briefing", "--year", "2025", "--quarter", "4", "--out", str(tmp_path / "a.txt"))
    out = str(tmp_path / "a.pdf")
    with pytest.raises(CommandError, match="운영위원회 회의가 없습니다"):
        call_command("quarterly_briefing", "--year", "2025", "--quarter", "4", "--meeting", "999", "--out", out)


def test_the_command_works_on_an_empty_platform(tmp_path):
    out = tmp_path / "empty.docx"
    call_command("quarterly_briefing", "--year", "2024", "--quarter", "1", "--out", str(out), stdout=io.StringIO())
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "이번 분기에는 운영위원회 회의가 없습니다" in text
    assert "이번 분기 자료가 없습니다." in text or "이번 분기에 기록된 행사가 없습니다." in text
