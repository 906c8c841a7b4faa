"""PDF documents: Korean text in the Korean font, A4 by default, only local resources fetched."""

import pytest

from alliance.core.pdf import render_pdf, static_only_fetcher
from alliance.core.tests.pdf_reading import font_names, media_boxes, shows

A4_PORTRAIT = (0.0, 0.0, 595.3, 841.9)


def test_render_pdf_shows_korean_in_the_korean_font():
    pdf = render_pdf("core/pdf/base.html", {"title": "프로젝트 그룹 최종 평가 결과표"})

    assert pdf.startswith(b"%PDF-")
    assert shows(pdf, "프로젝트 그룹 최종 평가 결과표")
    assert not shows(pdf, "상장")
    assert "Noto-Sans-CJK-KR-Bold" in font_names(pdf)


def test_render_pdf_is_a4_unless_told():
    portrait = render_pdf("core/pdf/base.html", {"title": "평가"})
    landscape = render_pdf("core/pdf/base.html", {"title": "평가"}, page_size="A4 landscape")

    assert (media_boxes(portrait), media_boxes(landscape)) == ([A4_PORTRAIT], [(0.0, 0.0, 841.9, 595.3)])


def test_fetcher_serves_static_files():
    fetched = static_only_fetcher().fetch("file:///static/css/pdf.css")

    assert (fetched.content_type, b"Noto Sans CJK KR" in fetched.read()) == ("text/css", True)


@pytest.mark.parametrize(
    "url",
    ["http://example.invalid/logo.png", "file:///etc/passwd", "file:///static/../../etc/passwd", "/static/nothing.png"],
)
def test_fetcher_refuses_anything_but_static_files(url):
    with pytest.raises(ValueError, match="limited to static files"):
        static_only_fetcher().fetch(url)
