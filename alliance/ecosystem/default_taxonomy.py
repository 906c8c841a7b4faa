"""The default taxonomy of the ecosystem map, drawn from seed 003.

Seed 003 ("[그림 5] 메타버스 가치사슬과 산업생태계 : 핵심산업 영역과 1·2차 전방연관 영역") splits the
industry into a core area (기반 부문: hardware, software, virtual platforms; 콘텐츠·서비스 생산 및 배급;
인프라: servers, cloud, payment) and first and second forward-linked areas (디지털유통, 스마트제조,
의류·패션, 광고·디자인 …; education, health, tourism, defence …). Its table "메타버스 구현을 뒷받침하는
핵심기술" gives the technology facet. Names are data (Korean), not msgids: staff rename them per year.

KSIC codes are 한국표준산업분류 10th-revision sub-classes (세세분류), listed only where the match is
clear; a category the statistics office has no class for carries none. Keywords feed the keyword-rule
baseline of the classifier and the suggesters for technologies and fields.

Shape: DOMAINS → "layers" → "categories" → "subcategories"; a category's path is
[domain name, layer name, category name].
"""

DOMAINS = [
    {
        "name": "핵심산업 영역",
        "layers": [
            {
                "name": "기반 부문",
                "categories": [
                    {
                        "name": "하드웨어",
                        "ksic": ["26111", "26112", "26211", "26212", "26310", "26329", "26519"],
                        "keywords": [
                            "XR 기기",
                            "HMD",
                            "헤드셋",
                            "스마트글라스",
                            "AR 글라스",
                            "디스플레이",
                            "센서",
                            "디바이스",
                            "웨어러블",
                            "햅틱",
                            "트래커",
                            "광학",
                            "마이크로디스플레이",
                            "홀로그램 디스플레이",
                            "하드웨어",
                            "제조",
                        ],
                        "subcategories": [
                            {"name": "XR 디바이스", "keywords": ["HMD", "헤드셋", "스마트글라스", "AR 글라스"]},
                            {"name": "센서·인터페이스", "keywords": ["센서", "햅틱", "트래커", "모션캡처 장비"]},
                            {
                                "name": "디스플레이·광학",
                                "keywords": ["마이크로디스플레이", "광학", "홀로그램 디스플레이"],
                            },
                            {"name": "반도체·컴퓨팅", "keywords": ["반도체", "GPU", "칩셋", "메모리"]},
                        ],
                    },
                    {
                        "name": "소프트웨어",
                        "ksic": ["58221", "58222", "62010"],
                        "keywords": [
                            "엔진",
                            "SDK",
                            "솔루션",
                            "저작도구",
                            "렌더링",
                            "3D 모델링",
                            "공간매핑",
                            "컴퓨터비전",
                            "소프트웨어",
                            "라이브러리",
                            "API",
                            "개발 도구",
                        ],
                        "subcategories": [
                            {"name": "XR 엔진·저작도구", "keywords": ["엔진", "저작도구", "SDK"]},
                            {"name": "3D 모델링·렌더링", "keywords": ["3D 모델링", "렌더링", "스캔"]},
                            {"name": "공간인식·컴퓨터비전", "keywords": ["공간매핑", "SLAM", "컴퓨터비전"]},
                            {"name": "메타버스 AI", "keywords": ["대화형 AI", "음성인식", "AI 아바타"]},
                        ],
                    },
                    {
                        "name": "가상플랫폼",
                        "ksic": ["63120"],
                        "keywords": [
                            "메타버스 플랫폼",
                            "가상공간",
                            "가상세계",
                            "아바타",
                            "월드",
                            "커뮤니티",
                            "소셜",
                            "가상 오피스",
                            "크리에이터",
                            "플랫폼 운영",
                        ],
                        "subcategories": [
                            {"name": "소셜 메타버스", "keywords": ["소셜", "커뮤니티", "아바타"]},
                            {"name": "업무·협업 플랫폼", "keywords": ["가상 오피스", "협업", "회의"]},
                            {"name": "크리에이터 플랫폼", "keywords": ["크리에이터", "UGC", "월드 제작"]},
                        ],
                    },
                ],
            },
            {
                "name": "콘텐츠·서비스 생산 및 배급",
                "categories": [
                    {
                        "name": "게임",
                        "ksic": ["58211", "58212", "58219"],
                        "keywords": ["게임", "VR 게임", "모바일 게임", "e스포츠", "퍼블리싱", "플레이어", "스팀"],
                        "subcategories": [
                            {"name": "VR·AR 게임", "keywords": ["VR 게임", "AR 게임"]},
                            {"name": "게임 퍼블리싱", "keywords": ["퍼블리싱", "서비스 운영"]},
                        ],
                    },
                    {
                        "name": "영상·VFX",
                        "ksic": ["59111", "59112", "59113", "59114", "59120"],
                        "keywords": [
                            "VFX",
                            "CG",
                            "버추얼 프로덕션",
                            "LED 월",
                            "애니메이션",
                            "후반작업",
                            "영상 제작",
                            "시각효과",
                            "360도 영상",
                            "촬영",
                        ],
                        "subcategories": [
                            {"name": "버추얼 프로덕션", "keywords": ["버추얼 프로덕션", "LED 월", "인카메라"]},
                            {"name": "VFX·애니메이션", "keywords": ["VFX", "애니메이션", "CG"]},
                            {"name": "실감 영상", "keywords": ["360도 영상", "VR 영상", "입체 영상"]},
                        ],
                    },
                    {
                        "name": "디지털휴먼·3D 자산",
                        "ksic": [],
                        "keywords": [
                            "디지털휴먼",
                            "메타휴먼",
                            "버추얼 인플루언서",
                            "가상인간",
                            "3D 에셋",
                            "아바타 제작",
                            "모션캡처",
                            "디지털 자산",
                            "볼류메트릭",
                        ],
                        "subcategories": [
                            {"name": "디지털휴먼", "keywords": ["디지털휴먼", "가상인간", "버추얼 인플루언서"]},
                            {"name": "3D 에셋 제작", "keywords": ["3D 에셋", "디지털 자산", "아이템"]},
                        ],
                    },
                    {
                        "name": "실감 공연·전시",
                        "ksic": ["90191"],
                        "keywords": [
                            "실감 전시",
                            "미디어아트",
                            "이머시브",
                            "홀로그램 공연",
                            "몰입형",
                            "프로젝션 매핑",
                            "가상 공연",
                            "전시",
                            "공연",
                        ],
                        "subcategories": [
                            {"name": "몰입형 전시·미디어아트", "keywords": ["미디어아트", "프로젝션 매핑", "몰입형"]},
                            {"name": "가상·홀로그램 공연", "keywords": ["가상 공연", "홀로그램 공연", "XR 공연"]},
                        ],
                    },
                ],
            },
            {
                "name": "인프라",
                "categories": [
                    {
                        "name": "서버·클라우드",
                        "ksic": ["63111", "63112", "62022"],
                        "keywords": [
                            "클라우드",
                            "서버",
                            "엣지컴퓨팅",
                            "데이터센터",
                            "스트리밍",
                            "호스팅",
                            "CDN",
                            "원격 렌더링",
                            "GPU 서버",
                        ],
                        "subcategories": [
                            {
                                "name": "클라우드 렌더링·스트리밍",
                                "keywords": ["원격 렌더링", "스트리밍", "픽셀 스트리밍"],
                            },
                            {"name": "데이터센터·호스팅", "keywords": ["데이터센터", "호스팅", "서버"]},
                        ],
                    },
                    {
                        "name": "네트워크·통신",
                        "ksic": ["61210", "61220", "26410", "26429"],
                        "keywords": ["5G", "6G", "통신", "네트워크", "저지연", "무선", "이동통신", "IoT", "통신장비"],
                        "subcategories": [
                            {"name": "5G·6G 네트워크", "keywords": ["5G", "6G", "저지연"]},
                            {"name": "IoT 연결", "keywords": ["IoT", "사물인터넷"]},
                        ],
                    },
                    {
                        "name": "결제·블록체인",
                        "ksic": [],
                        "keywords": [
                            "블록체인",
                            "NFT",
                            "결제",
                            "가상자산",
                            "지갑",
                            "스마트계약",
                            "토큰",
                            "분산원장",
                            "정산",
                            "핀테크",
                        ],
                        "subcategories": [
                            {"name": "NFT·디지털 자산 거래", "keywords": ["NFT", "마켓플레이스", "토큰"]},
                            {"name": "결제·정산", "keywords": ["결제", "정산", "핀테크"]},
                        ],
                    },
                ],
            },
        ],
    },
    {
        "name": "1차 전방연관 영역",
        "layers": [
            {
                "name": "제조·유통 혁신",
                "categories": [
                    {
                        "name": "스마트제조",
                        "ksic": [],
                        "keywords": [
                            "스마트팩토리",
                            "스마트제조",
                            "디지털 트윈",
                            "공정",
                            "설비",
                            "생산라인",
                            "유지보수",
                            "원격 지원",
                            "PLM",
                            "시뮬레이션",
                        ],
                        "subcategories": [
                            {"name": "제조 디지털 트윈", "keywords": ["디지털 트윈", "공정 시뮬레이션"]},
                            {"name": "XR 원격 지원", "keywords": ["원격 지원", "정비", "작업 지시"]},
                        ],
                    },
                    {
                        "name": "건설·도시 공간정보",
                        "ksic": ["72111", "72121"],
                        "keywords": [
                            "BIM",
                            "건설",
                            "건축",
                            "스마트시티",
                            "공간정보",
                            "GIS",
                            "측량",
                            "도시",
                            "부동산",
                            "드론 촬영",
                            "3D 지도",
                        ],
                        "subcategories": [
                            {"name": "건설 BIM·XR", "keywords": ["BIM", "건설", "현장"]},
                            {"name": "도시 디지털 트윈", "keywords": ["스마트시티", "3D 지도", "공간정보"]},
                        ],
                    },
                    {
                        "name": "디지털유통·커머스",
                        "ksic": [],
                        "keywords": [
                            "커머스",
                            "쇼핑",
                            "유통",
                            "가상 매장",
                            "라이브커머스",
                            "이커머스",
                            "리테일",
                            "가상 피팅",
                            "온라인몰",
                            "브랜드",
                        ],
                        "subcategories": [
                            {"name": "가상 매장·쇼룸", "keywords": ["가상 매장", "쇼룸", "3D 상품"]},
                            {"name": "가상 피팅·패션", "keywords": ["가상 피팅", "패션", "의류"]},
                        ],
                    },
                ],
            },
            {
                "name": "광고·디자인",
                "categories": [
                    {
                        "name": "광고·마케팅",
                        "ksic": ["71310"],
                        "keywords": [
                            "광고",
                            "마케팅",
                            "캠페인",
                            "브랜딩",
                            "AR 필터",
                            "프로모션",
                            "홍보",
                            "체험형 광고",
                            "에이전시",
                        ],
                        "subcategories": [
                            {"name": "AR 광고", "keywords": ["AR 필터", "AR 광고"]},
                            {"name": "브랜드 메타버스 마케팅", "keywords": ["브랜드 월드", "캠페인"]},
                        ],
                    },
                ],
            },
        ],
    },
    {
        "name": "2차 전방연관 영역",
        "layers": [
            {
                "name": "사회 서비스",
                "categories": [
                    {
                        "name": "교육·훈련",
                        "ksic": ["85503", "85650"],
                        "keywords": [
                            "교육",
                            "훈련",
                            "에듀테크",
                            "학습",
                            "강의",
                            "교실",
                            "실습",
                            "시뮬레이터",
                            "직무교육",
                            "학생",
                            "교사",
                        ],
                        "subcategories": [
                            {"name": "실감형 학교 교육", "keywords": ["교실", "학생", "교과"]},
                            {"name": "직무·안전 훈련", "keywords": ["직무교육", "안전교육", "시뮬레이터"]},
                        ],
                    },
                    {
                        "name": "의료·헬스케어",
                        "ksic": [],
                        "keywords": [
                            "의료",
                            "헬스케어",
                            "재활",
                            "치료",
                            "병원",
                            "수술",
                            "환자",
                            "디지털 치료제",
                            "정신건강",
                            "의료영상",
                        ],
                        "subcategories": [
                            {"name": "재활·디지털 치료", "keywords": ["재활", "디지털 치료제", "인지"]},
                            {"name": "수술·의료 교육", "keywords": ["수술", "해부", "의료영상"]},
                        ],
                    },
                    {
                        "name": "공공·행정",
                        "ksic": [],
                        "keywords": [
                            "공공",
                            "행정",
                            "지자체",
                            "민원",
                            "시민",
                            "정부",
                            "공공기관",
                            "재난",
                            "안전",
                        ],
                        "subcategories": [
                            {"name": "행정·민원 서비스", "keywords": ["민원", "행정", "지자체"]},
                            {"name": "재난·안전 관리", "keywords": ["재난", "안전", "방재"]},
                        ],
                    },
                ],
            },
            {
                "name": "문화·관광·국방",
                "categories": [
                    {
                        "name": "관광·문화유산",
                        "ksic": [],
                        "keywords": [
                            "관광",
                            "여행",
                            "문화유산",
                            "박물관",
                            "유적",
                            "관광지",
                            "컨벤션",
                            "MICE",
                            "지역",
                            "가상 투어",
                        ],
                        "subcategories": [
                            {"name": "문화유산 디지털 복원", "keywords": ["문화유산", "유적", "복원"]},
                            {"name": "가상 관광·MICE", "keywords": ["가상 투어", "컨벤션", "MICE"]},
                        ],
                    },
                    {
                        "name": "국방·안보",
                        "ksic": [],
                        "keywords": [
                            "국방",
                            "군",
                            "전술",
                            "모의훈련",
                            "방산",
                            "사격",
                            "전투",
                            "육군",
                            "해군",
                            "공군",
                        ],
                        "subcategories": [
                            {"name": "군 모의훈련", "keywords": ["모의훈련", "전술", "사격"]},
                            {"name": "방산 정비·운용", "keywords": ["정비", "방산", "무기체계"]},
                        ],
                    },
                ],
            },
        ],
    },
]

# The technology facet: seed 003's table "메타버스 구현을 뒷받침하는 핵심기술".
TECHNOLOGIES = [
    {"name": "XR 디바이스", "keywords": ["XR 기기", "HMD", "헤드셋", "스마트글라스", "AR 글라스", "웨어러블"]},
    {"name": "공간매핑·장면이해", "keywords": ["공간매핑", "장면이해", "SLAM", "공간인식", "위치추적"]},
    {"name": "홀로그래픽 디스플레이", "keywords": ["홀로그램", "홀로그래픽", "라이트필드", "입체 디스플레이"]},
    {"name": "센서·인터페이스", "keywords": ["센서", "햅틱", "시선추적", "제스처", "모션캡처", "인터페이스"]},
    {"name": "3D 모델링", "keywords": ["3D 모델링", "3D 스캔", "포토그래메트리", "3D 에셋", "모델링"]},
    {"name": "실시간 렌더링", "keywords": ["실시간 렌더링", "렌더링", "언리얼", "유니티", "게임엔진"]},
    {"name": "물리엔진", "keywords": ["물리엔진", "물리 시뮬레이션", "시뮬레이션"]},
    {"name": "디지털휴먼", "keywords": ["디지털휴먼", "메타휴먼", "가상인간", "버추얼 인플루언서"]},
    {"name": "디지털 트윈", "keywords": ["디지털 트윈", "디지털트윈", "가상 복제"]},
    {"name": "버추얼 프로덕션", "keywords": ["버추얼 프로덕션", "LED 월", "인카메라 VFX"]},
    {"name": "대화형 AI", "keywords": ["대화형 AI", "챗봇", "음성인식", "자연어", "AI 아바타", "생성형 AI"]},
    {"name": "머신러닝", "keywords": ["머신러닝", "딥러닝", "인공지능", "AI"]},
    {"name": "컴퓨터비전·영상처리", "keywords": ["컴퓨터비전", "영상처리", "영상 분석", "객체 인식", "포즈 추정"]},
    {"name": "5G·6G 네트워크", "keywords": ["5G", "6G", "저지연", "이동통신"]},
    {"name": "클라우드·엣지컴퓨팅", "keywords": ["클라우드", "엣지컴퓨팅", "엣지", "원격 렌더링", "스트리밍"]},
    {"name": "IoT", "keywords": ["IoT", "사물인터넷"]},
    {"name": "반도체·GPU", "keywords": ["GPU", "그래픽카드", "반도체", "칩", "메모리", "CPU"]},
    {"name": "블록체인", "keywords": ["블록체인", "NFT", "분산원장", "스마트계약", "토큰", "가상자산"]},
]

# The application-field facet: where the product is used.
FIELDS = [
    {"name": "교육·훈련", "keywords": ["교육", "훈련", "학습", "강의", "학교", "연수", "실습"]},
    {"name": "의료·헬스케어", "keywords": ["의료", "헬스케어", "병원", "재활", "치료", "환자", "건강"]},
    {"name": "제조·건설", "keywords": ["제조", "공장", "공정", "건설", "건축", "설비", "플랜트"]},
    {"name": "엔터테인먼트", "keywords": ["게임", "공연", "콘서트", "영화", "방송", "엔터테인먼트", "팬"]},
    {"name": "쇼핑·유통", "keywords": ["쇼핑", "커머스", "유통", "매장", "리테일", "판매"]},
    {"name": "관광·컨벤션", "keywords": ["관광", "여행", "컨벤션", "MICE", "박람회", "문화유산"]},
    {"name": "국방", "keywords": ["국방", "군", "방산", "전술"]},
    {"name": "공공", "keywords": ["공공", "행정", "지자체", "시민", "정부"]},
    {"name": "광고·마케팅", "keywords": ["광고", "마케팅", "브랜드", "캠페인", "홍보"]},
    {"name": "업무·협업", "keywords": ["업무", "협업", "회의", "오피스", "원격근무"]},
]


def category_paths():
    """Every category's path [domain, layer, category], in taxonomy order."""
    return [
        [domain["name"], layer["name"], category["name"]]
        for domain in DOMAINS
        for layer in domain["layers"]
        for category in layer["categories"]
    ]


def categories_with_paths():
    """(path, category dict) pairs, in taxonomy order."""
    return [
        ([domain["name"], layer["name"], category["name"]], category)
        for domain in DOMAINS
        for layer in domain["layers"]
        for category in layer["categories"]
    ]
