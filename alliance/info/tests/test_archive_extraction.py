"""Text extraction from real files of every format the archive takes, and the files it must not read:
password-protected and distribution-locked (배포용) documents, zip bombs, entity bombs, oversized parts."""

import io
import zipfile

import pytest
from pypdf import PdfReader, PdfWriter

from alliance.info.demo_archive_files import MANIFEST_NS, docx_bytes, hwpx_bytes, hwpx_section, pdf_bytes, pptx_bytes
from alliance.info.extraction import LockedFileError, UnreadableFileError, UnsupportedFormatError, extract
from alliance.info.models import ExtractionState
from alliance.info.tests.cfb_writer import compound_file
from alliance.info.tests.hwp_files import PLACEHOLDER, hwp_bytes, record

TITLE = "가상융합 산업정책 개선방안"


def read(data: bytes, file_format: str):
    return extract(io.BytesIO(data), file_format, size=len(data))


@pytest.fixture(scope="module")
def korean_pdf() -> bytes:
    return pdf_bytes(TITLE, [["AI 전환과 가치이동을 중심으로 보고서를 작성했다."], ["두 번째 쪽: 메타버스 플랫폼"]])


def test_pdf_korean_text_and_pages(korean_pdf):
    extracted = read(korean_pdf, "pdf")
    assert extracted.page_count == 2
    assert extracted.text.splitlines()[:2] == [TITLE, "AI 전환과 가치이동을 중심으로 보고서를 작성했다."]
    assert "두 번째 쪽: 메타버스 플랫폼" in extracted.text.splitlines()


def _encrypted(pdf: bytes, *, user_password: str, owner_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


def test_pdf_with_a_password_to_open_is_recorded_as_encrypted(korean_pdf):
    with pytest.raises(LockedFileError) as locked:
        read(_encrypted(korean_pdf, user_password="secret", owner_password="owner"), "pdf")
    assert locked.value.state == ExtractionState.ENCRYPTED
    assert locked.value.message == "PDF에 암호가 걸려 있습니다."


def test_pdf_protected_only_against_changes_is_read(korean_pdf):
    extracted = read(_encrypted(korean_pdf, user_password="", owner_password="owner"), "pdf")
    assert extracted.text.splitlines()[0] == TITLE


def test_pdf_page_limit_is_checked_before_reading(korean_pdf, settings):
    settings.ARCHIVE_MAX_PAGES = 1
    with pytest.raises(UnreadableFileError) as refused:
        read(korean_pdf, "pdf")
    assert refused.value.message == "파일이 2쪽입니다. 아카이브는 최대 1쪽까지 읽습니다."


def test_damaged_pdf_is_refused_in_korean():
    with pytest.raises(UnreadableFileError) as refused:
        read(b"%PDF-1.7\n" + b"\0" * 100, "pdf")
    assert refused.value.message == "PDF 파일이 손상되어 텍스트를 읽을 수 없습니다."


def test_docx_paragraphs_and_table_cells():
    data = docx_bytes(
        "메타버스-AI 공진화 전망", ["가상융합 생태계를 분석한 보고서를 소개합니다."], table=[["구분", "디지털 트윈"]]
    )
    assert read(data, "docx").text.splitlines() == [
        "메타버스-AI 공진화 전망",
        "가상융합 생태계를 분석한 보고서를 소개합니다.",
        "구분",
        "디지털 트윈",
    ]


def test_password_protected_docx_is_an_ole_file_recorded_as_encrypted():
    data = compound_file({"EncryptionInfo": b"\x04\x00\x04\x00" + b"\0" * 200, "EncryptedPackage": b"\x01" * 5000})
    with pytest.raises(LockedFileError) as locked:
        read(data, "docx")
    assert locked.value.state == ExtractionState.ENCRYPTED


def test_pptx_slides_text_and_count():
    data = pptx_bytes([("MWC25로 바라본 가상융합산업", "글로벌 트렌드"), ("시사점", "XR 기기의 확산")])
    extracted = read(data, "pptx")
    assert extracted.page_count == 2
    assert extracted.text.splitlines() == ["MWC25로 바라본 가상융합산업", "글로벌 트렌드", "시사점", "XR 기기의 확산"]


def test_hwpx_sections_in_number_order():
    sections = [[f"섹션 {number} 문단"] for number in range(12)]
    assert read(hwpx_bytes(sections), "hwpx").text.splitlines() == [f"섹션 {number} 문단" for number in range(12)]


def test_hwpx_with_encrypted_parts_is_recorded_as_encrypted():
    manifest = (
        f'<?xml version="1.0" encoding="UTF-8"?><odf:manifest xmlns:odf="{MANIFEST_NS}">'
        '<odf:file-entry odf:full-path="Contents/section0.xml"><odf:encryption-data odf:checksum-type="SHA1"/>'
        "</odf:file-entry></odf:manifest>"
    )
    with pytest.raises(LockedFileError) as locked:
        read(hwpx_bytes([["암호"]], manifest=manifest), "hwpx")
    assert locked.value.state == ExtractionState.ENCRYPTED


def test_hwpx_entities_are_never_expanded():
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "폭탄폭탄폭탄폭탄"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">'
        '<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
        '<hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph">'
        "<hp:p><hp:run><hp:t>본문 &lol2; &secret; 끝</hp:t></hp:run></hp:p></hs:sec>"
    )
    data = hwpx_bytes([["첫 섹션"]], extra={"Contents/section1.xml": bomb})
    assert read(data, "hwpx").text.splitlines() == ["첫 섹션", "본문 끝"]


def test_zip_bomb_is_refused_before_it_is_inflated():
    data = hwpx_bytes([["본문"]], extra={"BinData/zeros.bin": b"\0" * (20 * 1024 * 1024)})
    with pytest.raises(UnreadableFileError) as refused:
        read(data, "hwpx")
    assert refused.value.message.startswith("BinData/zeros.bin 부분이 ")
    assert refused.value.message.endswith("배 압축되어 있습니다. 압축 폭탄으로 보입니다.")


def test_too_many_parts_and_too_large_unpacked_are_refused(settings):
    data = hwpx_bytes([["본문"]] * 5)
    settings.ARCHIVE_MAX_ZIP_ENTRIES = 6
    with pytest.raises(UnreadableFileError) as refused:
        read(data, "hwpx")
    assert refused.value.message == "패키지에 부분이 10개 있습니다. 최대 6개까지 읽습니다."
    settings.ARCHIVE_MAX_ZIP_ENTRIES = 100
    settings.ARCHIVE_MAX_UNCOMPRESSED_BYTES = 1024
    with pytest.raises(UnreadableFileError):
        read(data, "hwpx")


def test_an_xml_part_larger_than_allowed_is_refused(settings):
    settings.ARCHIVE_MAX_XML_PART_BYTES = 500
    with pytest.raises(UnreadableFileError) as refused:
        read(hwpx_bytes([["가" * 400]]), "hwpx")
    assert refused.value.message == "Contents/section0.xml 부분이 500B보다 큽니다."


def test_hwp_compressed_body_text_without_control_characters():
    data = hwp_bytes(["메타버스 산업 동향\t보고서를 소개합니다.", "두 번째 문단: 디지털 트윈"])
    assert read(data, "hwp").text == "메타버스 산업 동향 보고서를 소개합니다.\n두 번째 문단: 디지털 트윈"


def test_hwp_uncompressed_large_section_in_regular_sectors_and_further_sections():
    data = hwp_bytes(["가상융합 " * 1000], compressed=False, extra_sections=[["둘째 구역"]])
    lines = read(data, "hwp").text.splitlines()
    assert lines == [("가상융합 " * 1000).strip(), "둘째 구역"]


def test_hwp_with_a_password_is_recorded_as_encrypted():
    with pytest.raises(LockedFileError) as locked:
        read(hwp_bytes(["비밀"], password=True), "hwp")
    assert locked.value.state == ExtractionState.ENCRYPTED
    assert locked.value.message == "HWP 파일에 암호가 걸려 있습니다."


def test_hwp_distribution_document_is_locked_and_its_placeholder_never_read():
    with pytest.raises(LockedFileError) as locked:
        read(hwp_bytes(["배포용 본문"], distribution=True), "hwp")
    assert locked.value.state == ExtractionState.DISTRIBUTION_LOCKED
    assert PLACEHOLDER not in locked.value.message
    assert locked.value.message == "배포용 HWP 문서입니다. 본문이 잠겨 있어 읽지 않습니다."


def test_hwp_section_that_inflates_past_the_bound_is_refused(settings):
    settings.ARCHIVE_MAX_HWP_STREAM_BYTES = 4096
    with pytest.raises(UnreadableFileError) as refused:
        read(hwp_bytes(["가" * 5000]), "hwp")
    assert refused.value.message == "구역 BodyText/Section0의 압축을 푼 크기가 4KB보다 큽니다."


def test_hwp_record_running_past_the_end_is_refused():
    cut = record(67, 1, "잘린 문단".encode("utf-16-le"))[:-4]
    with pytest.raises(UnreadableFileError) as refused:
        read(hwp_bytes(["x"], compressed=False, raw_section=cut), "hwp")
    assert refused.value.message == "본문의 레코드가 중간에 끊겨 있습니다. 파일이 손상되었습니다."


def test_ole_file_that_is_not_hwp_is_refused():
    with pytest.raises(UnreadableFileError) as refused:
        read(compound_file({"WordDocument": b"\0" * 100}), "hwp")
    assert refused.value.message == "FileHeader가 없습니다. HWP 5.0 문서가 아닙니다."


def test_unknown_format_and_oversized_file():
    with pytest.raises(UnsupportedFormatError):
        read(b"hello", "txt")
    with pytest.raises(UnreadableFileError):
        extract(io.BytesIO(b"%PDF"), "pdf", size=10**12)


def test_damaged_zip_is_refused():
    with pytest.raises(UnreadableFileError) as refused:
        read(b"PK\x03\x04" + b"\0" * 50, "docx")
    assert refused.value.message == "읽을 수 있는 패키지가 아닙니다(손상된 zip)."


def test_section_xml_helper_escapes_text():
    assert "&lt;b&gt;" in hwpx_section(["<b>"])
    assert zipfile.is_zipfile(io.BytesIO(hwpx_bytes([["a"]])))
