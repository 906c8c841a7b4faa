"""Attachment checks as properties: a name alone never gets a file in; the right content with the right
name always does."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given
from hypothesis import strategies as st

from alliance.programs.tests.factories import upload_file
from alliance.programs.uploads import ALLOWED_EXTENSIONS, check_attachment

MAGIC = (b"%PDF", b"\xd0\xcf\x11\xe0", b"PK\x03\x04")


@given(content=st.binary(min_size=1, max_size=512), extension=st.sampled_from(ALLOWED_EXTENSIONS))
def test_check_attachment_content_without_the_formats_header_is_refused(content, extension):
    if content.startswith(MAGIC):
        content = b"x" + content

    with pytest.raises(ValidationError):
        check_attachment(SimpleUploadedFile(f"파일.{extension}", content))


@given(
    extension=st.sampled_from(ALLOWED_EXTENSIONS),
    stem=st.text(alphabet="가나다라abc123 _-", min_size=1, max_size=20),
    upper=st.booleans(),
)
def test_check_attachment_real_content_under_any_name_is_accepted(extension, stem, upper):
    name = f"{stem.strip() or '파일'}.{extension.upper() if upper else extension}"

    assert check_attachment(upload_file(name, extension)) == extension


@pytest.mark.parametrize("extension", ["exe", "zip", "hwpx.exe", "pdf.js", ""])
def test_check_attachment_other_extensions_are_refused_even_with_pdf_content(extension):
    with pytest.raises(ValidationError):
        check_attachment(upload_file(f"문서.{extension}", "pdf"))
