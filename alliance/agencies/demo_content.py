"""The demo's partner agencies and their 2026 linkage plans, after the steering papers (seed 000's
"연계·지원 방안" per agency): (heading, text, first month, last month, linked page or "")."""

AGENCIES = (
    ("NIPA", "정보통신산업진흥원", "https://www.nipa.kr"),
    ("RAPA", "한국전파진흥협회", "https://www.rapa.or.kr"),
    ("IITP", "정보통신기획평가원", "https://www.iitp.kr"),
    ("SPRI", "소프트웨어정책연구소", "https://www.spri.kr"),
    ("KOSA", "한국소프트웨어산업협회", "https://www.sw.or.kr"),
    ("NIA", "한국지능정보사회진흥원", "https://www.nia.or.kr"),
    ("MDIA", "가상융합산업협회", ""),
    ("K-META", "한국메타버스산업협회", ""),
)

RESULTS, NEWSLETTER, SURVEY = "results", "newsletter", "survey"

PLANS = {
    "NIPA": (
        ("business", "우수 프로젝트 그룹 대상 NIPA 원장상 수여 및 정부 과제 가점 부여 연계", 3, 12, RESULTS),
        ("outreach", "지역 인프라 협의회 연계를 통한 회원사의 지역 비즈니스 확장 지원", 4, 11, ""),
        ("information", "메타버스허브 입주기업 모집 등 지원사업 공고를 얼라이언스 뉴스레터로 안내", 1, 12, NEWSLETTER),
    ),
    "RAPA": (
        ("information", "신규 과제 사업 공고 주요 정보를 홈페이지·뉴스레터·4개 분과를 통해 안내", 1, 12, NEWSLETTER),
        ("information", "가상융합기술 아카데미 강사·교육생 모집 홍보(홈페이지 팝업, 뉴스레터)", 2, 3, NEWSLETTER),
        (
            "business",
            "'25년 우수 프로젝트 그룹 기업이 사회기반혁신 프로젝트 과제 신청 시 가점(1점) 부여",
            3,
            4,
            RESULTS,
        ),
        ("business", "개발자 경진대회 후원 회원사 대상 우수 청년 개발자 3개월 인턴십 연계", 10, 12, ""),
        ("policy", "가상융합기술 기반 신서비스 발굴을 위한 산업계 수요조사", 1, 12, SURVEY),
        ("outreach", "지원사업 우수 성과물 KMF 전시 홍보 지원", 6, 6, ""),
    ),
    "IITP": (
        ("information", "가상융합 분야 차년도 R&D 투자 방향 설명 및 R&D 과제 현황·성과 공유", 6, 12, ""),
        ("business", "가상융합 분야 기술수요 및 추천 전문가의 기획위원회 참여 등 의견수렴", 5, 12, SURVEY),
        ("business", "프로젝트 그룹 기획 내용을 하반기 R&D 과제기획 시 교차 검토", 8, 12, RESULTS),
        ("policy", "개방형 분과 중 '차세대기술전략' 분과 활동 지원", 1, 12, ""),
        ("outreach", "학회와 연계한 실감콘텐츠 등 가상융합분야 기술교류회 개최", 6, 7, ""),
    ),
    "SPRI": (
        ("information", "메타버스 산업·기술 이슈리포트 및 최신 연구결과 수시 공유", 1, 12, NEWSLETTER),
        ("business", "VR·AR산업 실태조사 모집단에 얼라이언스 회원사 포함", 6, 6, SURVEY),
        ("policy", "가상융합산업 실태조사(시범) 계획 공유 및 의견수렴", 7, 8, ""),
        ("policy", "가상융합산업 실태조사(시범) 결과 공유 및 의견수렴", 12, 12, ""),
    ),
    "KOSA": (
        ("information", "SW 인재양성·재직자 교육, 채용연계 프로그램 등 주요 사업 정보 공유", 1, 12, NEWSLETTER),
        ("policy", "회원사 애로사항과 산업현장 의견을 취합해 KOSA 정책 건의 시 전달", 1, 12, ""),
        ("outreach", "SW 산업 세미나·포럼·컨퍼런스 일정 공유 및 참여 안내", 1, 12, ""),
    ),
    "NIA": (
        ("information", "'27년 디지털 트윈 사업 참여 의향·수요 조사", 10, 10, SURVEY),
        ("information", "'27년 디지털 트윈 공모사업 통합설명회 개최", 11, 12, ""),
        ("business", "디지털 트윈 선도 사업 품질관리 자문단에 회원사 참여 및 의견 수렴", 4, 11, ""),
        ("policy", "연합 트윈 표준(ETRI) 안내 및 적용·활용 지원", 5, 9, ""),
        ("outreach", "과제 참여기업 솔루션의 가상융합산업대전 홍보·전시", 6, 6, ""),
    ),
    "MDIA": (
        ("information", "가상융합 관련 정부 지원 사업 공고 뉴스레터 상시 게재", 1, 12, NEWSLETTER),
        ("policy", "우수 프로젝트 그룹 대상 MDIA 협회장상 수여 및 해외선도기술 연수 참여 지원", 3, 12, RESULTS),
        ("outreach", "KMF 행사 후원 및 투자마켓 연계, 회원사 부스 10% 할인 지원", 6, 6, ""),
    ),
    "K-META": (
        ("information", "회원사 대상 가상융합 정책·시장 동향 브리핑 제공", 1, 12, NEWSLETTER),
        ("outreach", "가상융합서비스 개발자 경진대회 공동 주관 및 회원사 참여 안내", 9, 11, ""),
        ("outreach", "연말 성과공유회 개최 및 회원사 우수사례 발표 기회 제공", 12, 12, ""),
    ),
}

# What the reports say was done (text, figures), by heading.
DONE = {
    "information": ("얼라이언스 뉴스레터와 홈페이지에 관련 공고·행사 안내 게재", "뉴스레터 {n}회 게재"),
    "business": ("우수 프로젝트 그룹 및 회원사 대상 연계 설명회 개최", "회원사 {n}개사 참여"),
    "policy": ("분과 회의에 참여해 회원사 의견 수렴 및 정책 건의 반영", "의견 {n}건 수렴"),
    "outreach": ("기술교류회·전시 연계로 회원사 성과 홍보", "{n}개 기관 참여"),
}
