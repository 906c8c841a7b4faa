"""The one download helper: RFC 6266 file names (Korean too), content types, caching."""

import io

from alliance.core import downloads


def test_an_ascii_name_travels_alone():
    assert downloads.content_disposition("ecosystem-2026.svg") == 'attachment; filename="ecosystem-2026.svg"'


def test_a_korean_name_travels_starred_after_an_ascii_fallback():
    assert downloads.content_disposition("회원사_목록.csv") == (
        "attachment; filename=\"______.csv\"; filename*=UTF-8''%ED%9A%8C%EC%9B%90%EC%82%AC_%EB%AA%A9%EB%A1%9D.csv"
    )


def test_a_given_ascii_name_replaces_the_derived_fallback_and_inline_opens_in_the_browser():
    assert downloads.content_disposition("결과.pdf", inline=True, ascii_name="results.pdf") == (
        "inline; filename=\"results.pdf\"; filename*=UTF-8''%EA%B2%B0%EA%B3%BC.pdf"
    )


def test_quotes_and_backslashes_cannot_break_out_of_the_fallback():
    assert downloads.content_disposition('a"b\\c 가.txt') == (
        "attachment; filename=\"a_b_c _.txt\"; filename*=UTF-8''a%22b%5Cc%20%EA%B0%80.txt"
    )


def test_bytes_become_a_download_with_the_given_type_and_no_store():
    response = downloads.file_response(b"x", filename="a.xlsx", content_type=downloads.XLSX, no_store=True)

    assert (response["Content-Type"], response["Content-Disposition"], response["Cache-Control"]) == (
        downloads.XLSX,
        'attachment; filename="a.xlsx"',
        "private, no-store",
    )
    assert response.content == b"x"


def test_an_open_file_streams_and_its_type_is_guessed_from_the_name_when_not_given():
    response = downloads.file_response(io.BytesIO(b"%PDF-"), filename="계획서.pdf", content_type=None)

    assert (response["Content-Type"], response["Content-Disposition"]) == (
        "application/pdf",
        "attachment; filename=\"___.pdf\"; filename*=UTF-8''%EA%B3%84%ED%9A%8D%EC%84%9C.pdf",
    )
    assert b"".join(response.streaming_content) == b"%PDF-"
    assert "Cache-Control" not in response
