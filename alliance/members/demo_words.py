"""Word lists and weights for the synthetic demo data (`members.demo`): invented names, not real companies.

Regions follow seed 003 tables 5–6; business fields follow the alliance's fields of activity.
"""

from alliance.members.models import MemberCategory as C

# Word lists, space- or comma-separated for compactness.
ROOTS = (  # noqa: SIM905
    "누리 하늘 온누리 다온 새봄 한빛 솔빛 가람 마루 별빛 이음 나래 아라 도담 바름 푸른 미르 세움 한결 다솜 라온 비채 "
    "그린 여울 늘봄 해온 초록 단비 은하 보람 온새 참빛 큰별 새길 한울 빛나 다울 슬기 너울 윤슬"
).split()
TECH = (  # noqa: SIM905
    "엑스알 트윈 메타 버스 브이알 에이알 홀로 픽셀 큐브 모션 비전 링크 웨이브 스페이스 월드 랩스 소프트 테크 로직 "
    "데이터 클라우드 스캔 렌즈 아바타 씬 모듈 시티 필드 인사이트 플레이"
).split()
TAILS = {
    C.LARGE: ("", "그룹", "전자", "홀딩스", "텔레콤", "정보통신", "시스템"),
    C.MEDIUM: ("", "", "시스템즈", "솔루션", "네트웍스", "엔터테인먼트", "이노베이션", "코리아"),
    C.SMALL: ("", "", "", "랩", "스튜디오", "웍스", "인터랙티브", "플랫폼", "코리아", "솔루션"),
}
COMPANY_FORMS = ("주식회사 {}", "(주){}", "㈜{}", "{} 주식회사", "주식회사 {}")
TOPICS = "메타버스 가상융합 실감콘텐츠 디지털트윈 확장현실 공간정보 디지털휴먼 에듀테크 스마트제조 XR 가상현실".split()  # noqa: SIM905
PLACES = "서울 부산 경기 대구 광주 대전 강원 충북 전북 경남 제주".split()  # noqa: SIM905
FIELDS = (  # noqa: SIM905
    "메타버스 플랫폼, 디지털트윈, XR 콘텐츠, 가상현실, 증강현실, 실감형 콘텐츠, 인공지능, 3D 모델링, 게임, 교육, "
    "헬스케어, 제조, 블록체인, 홀로그램, 디지털휴먼, 5G 네트워크, 클라우드, 공간정보, 햅틱, 가상 전시, 스마트시티, "
    "XR 디바이스"
).split(", ")
OFFERS = (  # noqa: SIM905
    "실감형 교육 콘텐츠, 디지털트윈 플랫폼, XR 협업 솔루션, 가상 전시 서비스, 3D 아바타 엔진, 공간 컴퓨팅 도구, "
    "메타버스 커머스 플랫폼, 산업용 AR 글래스, 햅틱 장갑, 가상 훈련 시뮬레이터, 디지털휴먼 제작 도구, "
    "홀로그램 디스플레이, 360도 영상 제작 서비스, AI 기반 3D 모델링 도구"
).split(", ")
SURNAMES = dict(
    pair.split(":")
    for pair in (  # noqa: SIM905
        "김:kim 이:lee 박:park 최:choi 정:jung 강:kang 조:cho 윤:yoon 장:jang 임:lim 한:han 오:oh 서:seo "
        "신:shin 권:kwon 황:hwang 안:ahn 송:song 류:ryu 홍:hong"
    ).split()
)
GIVEN = "민 서 준 지 현 수 영 우 진 하 윤 은 도 연 혜 성 재 예 주 태 희 원 경 나".split()  # noqa: SIM905
POSITIONS = ("대표", "팀장", "과장", "대리", "책임연구원", "선임연구원", "매니저", "사업개발 담당")
REASONS = ("사업 종료", "폐업", "회원 활동 중단 요청", "연락 두절로 직권 탈퇴", "타 협의체로 이전")

# Seed 003 table 5 (Seoul 59.7, 경기 21.4, 인천 1.7, the rest 17.1 %), about 1 % with no 시·도.
SIDO_WEIGHTS = {
    "서울": 59.7, "경기": 21.4, "인천": 1.7, "부산": 3.0, "대구": 2.0, "광주": 1.5, "대전": 2.5, "울산": 0.5,
    "세종": 0.5, "강원": 0.8, "충북": 0.8, "충남": 1.0, "전북": 0.8, "전남": 0.5, "경북": 1.0, "경남": 1.0,
    "제주": 0.5, "": 1.0,
}  # fmt: skip
# Seed 003 table 6: zone shares 12.1 / 43.0 / 16.0 / 21.7 / 7.2 %, spread over districts with clusters
# (강남구, 마포구, 금천구) as the report describes; a weight per district, in SEOUL_ZONES order.
DISTRICT_WEIGHTS = {
    "도심권": (3, 4, 3), "동북권": (4, 1.5, 1, 0.5, 1, 0.5, 0.5, 1), "서북권": (1, 1.5, 8),
    "서남권": (1, 2, 3, 4, 3, 1, 1), "동남권": (5, 10, 4, 1),
}  # fmt: skip
ZONE_SHARES = {"도심권": 12.1, "동남권": 43.0, "서북권": 16.0, "서남권": 21.7, "동북권": 7.2}
SIGUNGU = {
    "경기": "성남시 수원시 고양시 안양시 용인시 부천시 화성시 파주시 하남시 광명시",
    "인천": "연수구 남동구 미추홀구 부평구 서구",
    "부산": "해운대구 부산진구 남구 수영구 강서구",
    "대구": "수성구 동구 북구 달서구",
    "광주": "북구 광산구 동구 서구",
    "대전": "유성구 서구 대덕구 중구",
    "울산": "남구 중구 울주군",
    "강원": "춘천시 원주시 강릉시",
    "충북": "청주시 충주시",
    "충남": "천안시 아산시 당진시",
    "전북": "전주시 군산시 익산시",
    "전남": "나주시 순천시 여수시",
    "경북": "포항시 구미시 경산시",
    "경남": "창원시 김해시 진주시",
    "제주": "제주시 서귀포시",
}
