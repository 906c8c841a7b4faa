"""The 2026 industrial-metaverse ethics checklist (산업용 메타버스 실천윤리 체크리스트) as first published.

Source: seed 001 "윤리제도 분과 3차 회의 활동 결과" — the subcommittee keeps the 3 guiding values (3대 지향 가치) and
the 8 practice principles (8대 실천 원칙) of the 2022 metaverse ethics principles, rewrites the articles for B2B use
("~해야 한다" becomes "~노력한다"), 총칙 및 8대 실천 윤리 (24개 조항), and a checklist reduced to 10 items on a
5-point scale, 100 points in all. The seed quotes the articles for 진정성/투명성, 호혜성, 사생활 존중, 공정성 and
책임성 (in the seed's own words below); the other articles and the ten items' wording are written in the same style
(docs/apps/regulation.md says so). Three articles per principle: 24 in all.
"""

GENERAL = (
    "이 윤리는 가상융합 기술을 활용하여 산업용(B2B) 서비스를 만들고 운영하는 기업이 3대 지향 가치를 실현하기 위하여 "
    "자율적으로 실천할 사항을 정한다. 규제가 아닌 자율 점검을 위한 것으로, 기업은 사업 초기부터 윤리적 사항을 "
    "점검하여 성장 과정의 위험에 미리 대비하도록 노력한다."
)

VALUES = (
    {"name": "온전한 정체성", "text": "가상융합 환경에서 기업과 구성원, 이용자의 정체성이 온전히 존중되도록 노력한다."},
    {"name": "안전한 경험", "text": "가상융합 서비스를 만들고 쓰는 모든 이가 안전하게 경험할 수 있도록 노력한다."},
    {"name": "지속가능한 번영", "text": "가상융합 산업이 기업과 사회의 지속가능한 번영에 이바지하도록 노력한다."},
)

PRINCIPLES = (
    {
        "key": "authenticity",
        "name": "진정성",
        "articles": (
            "투명한 운영 원칙 및 책임 구조 마련에 노력한다.",
            "가상 환경이 지나치게 사실적이어서 직원이 현실과 혼동하지 않도록 가상과 현실의 구분을 알리도록 노력한다.",
            "가상 환경에서 제공하는 정보와 표현이 사실에 근거하도록 노력한다.",
        ),
    },
    {
        "key": "autonomy",
        "name": "자율성",
        "articles": (
            "직원과 이용자가 가상융합 기술의 사용 여부와 방식을 스스로 결정할 수 있도록 노력한다.",
            "업무용 가상 환경의 참여 조건과 제약을 사전에 알리도록 노력한다.",
            "과도한 몰입이나 의존을 유도하는 설계를 지양하도록 노력한다.",
        ),
    },
    {
        "key": "reciprocity",
        "name": "호혜성",
        "articles": (
            "기업의 저작권 등 상호 이익을 절충할 수 있도록 노력한다.",
            "협력 기업과 성과와 이익을 공정하게 나누도록 노력한다.",
            "가상융합 생태계의 참여자 모두에게 이익이 되는 협력 관계를 만들도록 노력한다.",
        ),
    },
    {
        "key": "privacy",
        "name": "사생활 존중",
        "articles": (
            "근무 외 시간 및 비업무 영역에서 직원의 사생활 침해를 방지하도록 노력한다.",
            "불필요한 감시나 정보 수집 행위를 제한하도록 노력한다.",
            "가상 공간에서의 개인 활동 기록이 본래 목적 밖으로 쓰이지 않도록 노력한다.",
        ),
    },
    {
        "key": "fairness",
        "name": "공정성",
        "articles": (
            "데이터 소유권 및 사용 범위의 사전 명확화를 통해 분쟁을 예방하도록 노력한다.",
            "거래 조건과 계약 내용을 협력 기업에 투명하게 알리도록 노력한다.",
            "알고리즘이 특정 집단에 불리한 결과를 내지 않도록 점검하도록 노력한다.",
        ),
    },
    {
        "key": "data_protection",
        "name": "개인정보 보호",
        "articles": (
            "생체·행동 정보 등 가상융합 기기가 수집하는 개인정보를 최소한으로 수집하도록 노력한다.",
            "수집한 개인정보를 안전하게 보관하고 목적이 끝나면 파기하도록 노력한다.",
            "개인정보의 처리 방침을 알기 쉽게 공개하도록 노력한다.",
        ),
    },
    {
        "key": "inclusiveness",
        "name": "포용성",
        "articles": (
            "장애, 연령, 지역 등에 관계없이 가상융합 서비스를 이용할 수 있도록 접근성을 높이도록 노력한다.",
            "다양한 구성원이 가상 업무 환경에 참여할 수 있도록 교육과 지원을 제공하도록 노력한다.",
            "가상 공간에서 차별과 혐오 표현을 예방하도록 노력한다.",
        ),
    },
    {
        "key": "responsibility",
        "name": "책임성",
        "articles": (
            "알고리즘 오류 점검 및 개선 체계를 운영하도록 노력한다.",
            "국제 협업 시 책임과 대응 절차를 사전에 협의하도록 노력한다.",
            "XR 장비 사용에 따른 건강 문제를 정기적으로 점검하도록 노력한다.",
        ),
    },
)

# The ten items: (principle key, article number within the whole document, question, what the company could do).
ITEMS = (
    ("authenticity", 1, "우리 회사는 가상융합 서비스의 운영 원칙과 책임 구조를 문서로 정하여 알리고 있다.",
     "운영 원칙과 책임자를 정한 내부 규정을 만들고 고객사와 직원에게 공개하세요."),
    ("authenticity", 2, "우리 회사는 사실적인 가상 환경에서 직원이 현실과 혼동하지 않도록 안내하고 있다.",
     "가상 환경에 들어가기 전 안내 문구와 휴식 안내를 넣고, 현실 혼동 사례를 교육하세요."),
    ("autonomy", 4, "우리 회사는 직원과 이용자가 가상융합 기술의 사용 여부를 스스로 정할 수 있도록 하고 있다.",
     "가상 업무 환경을 쓰지 않는 대안 절차를 마련하고 참여 조건을 미리 알리세요."),
    ("reciprocity", 7, "우리 회사는 협력 기업과 저작권 등 지식재산의 귀속을 사전에 협의하고 있다.",
     "계약서에 결과물의 권리 귀속과 이용 범위를 명시하세요(표준계약서 활용)."),
    ("privacy", 10, "우리 회사는 근무 외 시간과 비업무 영역에서 직원의 사생활을 침해하지 않도록 하고 있다.",
     "근무 시간 밖의 접속 기록 수집을 멈추고, 감시에 해당하는 기능을 점검하세요."),
    ("fairness", 13, "우리 회사는 데이터의 소유권과 사용 범위를 사전에 명확히 정하고 있다.",
     "데이터 처리 계약에 소유권·사용 범위·반환 조건을 적고 고객사와 합의하세요."),
    ("data_protection", 16, "우리 회사는 가상융합 기기가 수집하는 개인정보를 필요한 만큼만 수집하고 있다.",
     "수집 항목을 목록으로 만들고 목적에 필요 없는 생체·행동 정보 수집을 중단하세요."),
    ("inclusiveness", 19, "우리 회사의 가상융합 서비스는 장애, 연령 등에 관계없이 이용할 수 있도록 설계되어 있다.",
     "접근성 지침에 따라 자막, 대체 조작, 글자 크기 조절 등을 점검하세요."),
    ("responsibility", 22, "우리 회사는 알고리즘 오류를 점검하고 개선하는 체계를 운영하고 있다.",
     "오류 신고 창구와 정기 점검 일정을 정하고, 개선 이력을 기록하세요."),
    ("responsibility", 24, "우리 회사는 XR 장비 사용에 따른 직원과 이용자의 건강 문제를 정기적으로 점검하고 있다.",
     "사용 시간 기준과 휴식 규칙을 정하고, 어지럼증 등 건강 문제를 정기적으로 확인하세요."),
)  # fmt: skip


def content() -> dict:
    """The document as a checklist version stores it (`Checklist.content`); equal weights of 10 points."""
    articles, number = [], 0
    principles = []
    for principle in PRINCIPLES:
        numbers = []
        for text in principle["articles"]:
            number += 1
            articles.append({"number": number, "principle": principle["key"], "text": text})
            numbers.append(number)
        principles.append({"key": principle["key"], "name": principle["name"]})
    items = [
        {"number": index, "principle": key, "article": article, "text": text, "advice": advice, "weight": 10}
        for index, (key, article, text, advice) in enumerate(ITEMS, start=1)
    ]
    return {
        "general": GENERAL,
        "values": [dict(value) for value in VALUES],
        "principles": principles,
        "articles": articles,
        "items": items,
    }
