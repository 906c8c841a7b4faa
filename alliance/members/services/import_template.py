"""The member-list template offered on the import page: the importer's header row and one example row.

Rule: the header is `importing_read.HEADERS` itself, so the template and the importer cannot drift apart; the
example row is one the importer accepts (a test imports the template).
Side effects: none (bytes in memory).
"""

import datetime
import io

from alliance.members.services.exporting import write_xlsx
from alliance.members.services.importing_read import HEADERS

EXAMPLE_ROW = {
    "회사명": "(주)메타버스예시",
    "사업자등록번호": "220-81-62517",
    "회원구분": "소기업",
    "가입일": datetime.date(2026, 3, 15),
    "탈퇴일": None,
    "시도": "서울",
    "시군구": "강남구",
    "설립연도": 2019,
    "종사자수": 42,
    "매출액(백만원)": 3500,
    "주요분야": "디지털 트윈, XR 콘텐츠",
    "홈페이지": "https://example.kr",
    "소개": "예시 행입니다. 지우고 회원사 정보를 입력하세요.",
}


def template_xlsx() -> bytes:
    stream = io.BytesIO()
    write_xlsx(HEADERS, [[EXAMPLE_ROW[header] for header in HEADERS]], stream, title="회원사 명부")
    return stream.getvalue()
