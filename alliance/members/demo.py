"""Synthetic demo data: invented member organisations (not real companies) and one demo login per role.

Rules (issue 2, "Demo data"):
- Deterministic: the same `n` and `seed` give the same organisations, names included.
- `n` is the number of members on 2025-12-31; their categories follow the seed's end-2025 table
  (대기업 87, 중기업 220, 소기업 680, 기관·협단체 63, 기타(비영리) 70, 대학/산학협력단 19 for n = 1,139;
  scaled by largest remainders for other n). On top of them come organisations that withdrew (before
  and during 2025) and that joined in 2026; the count on 2024-12-31 is 36 lower (scaled) than on
  2025-12-31, as in the seed ("’24년 대비 36개사 증가").
- Names are built from syllables and words; their `company_name_key` is unique. Regions follow seed 003
  tables 5–6 (Seoul-heavy; Seoul districts weighted like the zones); sizes, revenue and founding years are
  plausible per category; business numbers carry a valid check digit.
- `load` writes in bulk (100,000 organisations in well under a minute) but computes the derived columns
  exactly as `services.registry` does: name key, search text, search index, business-field rows, and
  a `members.org.created` audit entry per organisation.
"""

import datetime
import random
from dataclasses import dataclass
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from alliance.core.audit import snapshot
from alliance.core.korean import business_number_with_check_digit, company_name_key
from alliance.core.models import AuditEntry, User
from alliance.core.regions import SEOUL_ZONES
from alliance.core.roles import Role
from alliance.members import search
from alliance.members.models import Contact, MemberCategory, Organisation
from alliance.members.services.registry import AUDITED_FIELDS, create_organisation, field_objects

C = MemberCategory
SEED_TABLE = {C.LARGE: 87, C.MEDIUM: 220, C.SMALL: 680, C.AGENCY: 63, C.NONPROFIT: 70, C.UNIVERSITY: 19}
SEED_TOTAL = sum(SEED_TABLE.values())  # 1,139
SEED_GROWTH = 36
REFERENCE_DAY = datetime.date(2025, 12, 31)
LAUNCH_DAY = datetime.date(2021, 5, 18)
DEFAULT_SEED = 2026

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


@dataclass
class Plan:
    """One organisation to create, with its primary contact."""

    name: str
    category: str
    joined_on: datetime.date
    withdrawn_on: datetime.date | None
    withdrawal_reason: str
    sido: str
    sigungu: str
    founded_year: int | None
    employees: int | None
    revenue_million: int | None
    field_names: list[str]
    description: str
    homepage: str
    business_number: str
    last_confirmed_on: datetime.date | None
    contact: dict


def category_counts(n: int) -> dict[str, int]:
    """The seed table scaled to `n` members by largest remainders (exactly the table for 1,139)."""
    exact = {category: count * n / SEED_TOTAL for category, count in SEED_TABLE.items()}
    counts = {category: int(value) for category, value in exact.items()}
    by_remainder = sorted(exact, key=lambda c: (-(exact[c] - counts[c]), list(SEED_TABLE).index(c)))
    for category in by_remainder[: n - sum(counts.values())]:
        counts[category] += 1
    return counts


def _day_between(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    return first + datetime.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _early_join(rng: random.Random) -> datetime.date:
    """A joining day before 2025, most of them in the alliance's first two years."""
    year = rng.choices((2021, 2022, 2023, 2024), weights=(35, 30, 20, 15))[0]
    return _day_between(rng, max(LAUNCH_DAY, datetime.date(year, 1, 1)), datetime.date(year, 12, 31))


def _particle(word: str) -> str:
    """을 after a final consonant, 를 after a vowel (Hangul); 를 for anything else."""
    last = word[-1]
    has_final = "가" <= last <= "힣" and (ord(last) - 0xAC00) % 28 != 0
    return "을" if has_final else "를"


class _Generator:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)  # noqa: S311  demo data, not secrets
        self.keys: set[str] = set()
        self.numbers: set[str] = set()
        self.suffixes: dict[str, int] = {}

    def _candidate(self, category: str, extended: bool) -> str:
        """A name; `extended` adds a second word, for when the short combinations run out (large n)."""
        rng = self.rng
        extra = rng.choice(ROOTS) if extended else ""
        if category in TAILS:
            return rng.choice(COMPANY_FORMS).format(
                rng.choice(ROOTS) + extra + rng.choice(TECH) + rng.choice(TAILS[category])
            )
        if category == C.AGENCY:
            place = rng.choice(("한국", "한국", *PLACES))
            kind = rng.choice(("협회", "진흥협회", "산업협회", "연합회", "포럼", "진흥원", "센터"))
            return rng.choice(("", "(사)", "사단법인 ")) + place + extra + rng.choice(TOPICS) + kind
        if category == C.NONPROFIT:
            kind = rng.choice(("재단", "연구소", "학회", "포럼", "협동조합", "연구원"))
            prefix = "재단법인 " if kind == "재단" else rng.choice(("(사)", "사단법인 ", ""))
            return prefix + rng.choice(ROOTS) + extra + rng.choice(TOPICS) + kind
        kind = rng.choice(("대학교 산학협력단", "대학교 산학협력단", "과학기술대학교 산학협력단", "대학교"))
        return rng.choice(ROOTS) + extra + kind

    def name(self, category: str) -> str:
        """A new name whose company_name_key no earlier name has; numbered (`… 2`) as a last resort."""
        for attempt in range(8):
            candidate = self._candidate(category, extended=attempt >= 1)
            key = company_name_key(candidate)
            if key not in self.keys:
                self.keys.add(key)
                return candidate
        base = candidate
        number = self.suffixes.get(base, 1)
        while True:
            number += 1
            candidate, key = f"{base} {number}", company_name_key(f"{base} {number}")
            if key not in self.keys:
                self.suffixes[base] = number
                self.keys.add(key)
                return candidate

    def business_number(self, category: str) -> str:
        kind = {C.AGENCY: "82", C.NONPROFIT: "82", C.UNIVERSITY: "83"}.get(category) or self.rng.choice(
            ("81", "86", "87", "88")
        )
        while True:
            number = business_number_with_check_digit(
                f"{self.rng.randint(101, 899)}{kind}{self.rng.randint(1, 9999):04d}"
            )
            if number not in self.numbers:
                self.numbers.add(number)
                return number

    def region(self) -> tuple[str, str]:
        rng = self.rng
        sido = rng.choices(list(SIDO_WEIGHTS), weights=list(SIDO_WEIGHTS.values()))[0]
        if sido == "서울":
            if rng.random() < 0.01:
                return sido, ""
            zone = rng.choices(list(ZONE_SHARES), weights=list(ZONE_SHARES.values()))[0]
            return sido, rng.choices(SEOUL_ZONES[zone], weights=DISTRICT_WEIGHTS[zone])[0]
        return sido, rng.choice(SIGUNGU[sido].split()) if sido in SIGUNGU else ""

    def size(self, category: str, joined_year: int) -> tuple[int | None, int | None, int | None]:
        """(employees, revenue in 백만원, founding year), each missing now and then."""
        rng = self.rng
        employees = {
            C.LARGE: lambda: min(30_000, 300 + int(rng.paretovariate(1.2) * 200)),
            C.MEDIUM: lambda: int(rng.triangular(20, 299, 80)),
            C.SMALL: lambda: max(1, min(120, int(rng.lognormvariate(2.6, 0.9)))),
            C.AGENCY: lambda: int(rng.triangular(5, 400, 30)),
            C.NONPROFIT: lambda: int(rng.triangular(3, 200, 15)),
            C.UNIVERSITY: lambda: int(rng.triangular(30, 2000, 300)),
        }[category]()
        revenue = {
            C.LARGE: lambda: int(rng.lognormvariate(13.5, 1.2)) + 300_000,
            C.MEDIUM: lambda: int(rng.triangular(10_000, 150_000, 30_000)),
            C.SMALL: lambda: max(10, int(employees * rng.uniform(40, 180))),
        }.get(category, lambda: None)()
        founded = {
            C.LARGE: lambda: rng.randint(1960, 2012),
            C.MEDIUM: lambda: rng.randint(1990, 2019),
            C.SMALL: lambda: max(1990, 2025 - int(rng.expovariate(1 / 5))),
            C.AGENCY: lambda: rng.randint(1985, 2021),
            C.NONPROFIT: lambda: rng.randint(1995, 2023),
            C.UNIVERSITY: lambda: rng.randint(1946, 1998),
        }[category]()
        missing = lambda value: None if rng.random() < 0.03 else value  # noqa: E731
        return missing(employees), missing(revenue), missing(min(founded, joined_year))

    def text(self, category: str) -> tuple[list[str], str]:
        rng = self.rng
        fields = rng.sample(FIELDS, rng.randint(1, 3))
        if category in TAILS:
            offer = rng.choice(OFFERS)
            first = f"{fields[0]} 분야의 {offer}{_particle(offer)} 개발하는 기업입니다."
        elif category == C.UNIVERSITY:
            first = f"{fields[0]} 분야의 산학 협력 과제와 인재 양성 프로그램을 운영합니다."
        else:
            first = f"{fields[0]} 산업 활성화와 회원사 지원을 위해 활동하는 기관입니다."
        if len(fields) > 1 and rng.random() < 0.6:
            first += f" {'·'.join(fields[1:])} 분야로 협력을 넓히고 있습니다."
        return fields, first

    def contact(self, index: int) -> dict:
        rng = self.rng
        surname = rng.choice(list(SURNAMES))
        phone = f"010-{rng.randint(2000, 9999)}-{rng.randint(0, 9999):04d}"
        return {
            "name": surname + rng.choice(GIVEN) + rng.choice(GIVEN),
            "position": rng.choice(POSITIONS),
            "email": f"{SURNAMES[surname]}{rng.randint(10, 99)}@demo{index:06d}.example.kr",
            "phone": phone,
            "is_primary": True,
        }


def _timeline(rng: random.Random, n: int, seed_growth: int) -> list[tuple[datetime.date, datetime.date | None]]:
    """(joined, withdrawn) for the n members on 2025-12-31 followed by the extra organisations."""
    growth = round(seed_growth * n / SEED_TOTAL)
    withdrawn_2025 = max(1, round(n * 0.012))
    joined_2025 = min(n, growth + withdrawn_2025)
    dates = [(_early_join(rng), None) for _ in range(n - joined_2025)]
    dates += [(_day_between(rng, datetime.date(2025, 1, 2), REFERENCE_DAY), None) for _ in range(joined_2025)]
    for index in rng.sample(range(n), round(n * 0.005)):  # withdraw in 2026: still members on 2025-12-31
        dates[index] = (dates[index][0], _day_between(rng, datetime.date(2026, 1, 5), datetime.date(2026, 9, 30)))
    for _ in range(withdrawn_2025):  # members on 2024-12-31, gone by 2025-12-31
        dates.append((_early_join(rng), _day_between(rng, datetime.date(2025, 1, 1), REFERENCE_DAY)))
    for _ in range(round(n * 0.015)):  # joined and left before 2024-12-31
        joined = _day_between(rng, LAUNCH_DAY, datetime.date(2022, 12, 31))
        dates.append((joined, _day_between(rng, joined + datetime.timedelta(days=90), datetime.date(2024, 12, 31))))
    for _ in range(round(n * 0.02)):  # joined in 2026
        dates.append((_day_between(rng, datetime.date(2026, 1, 5), datetime.date(2026, 9, 30)), None))
    return dates


def generate(n: int = SEED_TOTAL, seed: int = DEFAULT_SEED) -> list[Plan]:
    """The organisations to create: pure and deterministic for (n, seed)."""
    generator = _Generator(seed)
    rng = generator.rng
    current = [category for category, count in category_counts(n).items() for _ in range(count)]
    rng.shuffle(current)
    timeline = _timeline(rng, n, SEED_GROWTH)
    categories = current + rng.choices(list(SEED_TABLE), weights=list(SEED_TABLE.values()), k=len(timeline) - n)
    plans = []
    for index, (category, (joined, withdrawn)) in enumerate(zip(categories, timeline, strict=True)):
        sido, sigungu = generator.region()
        employees, revenue, founded = generator.size(category, joined.year)
        field_names, description = generator.text(category)
        confirmed = None
        if rng.random() < 0.85:
            confirmed = _day_between(rng, max(joined, datetime.date(2025, 1, 2)), datetime.date(2026, 10, 30))
        plans.append(
            Plan(
                name=generator.name(category),
                category=category.value,
                joined_on=joined,
                withdrawn_on=withdrawn,
                withdrawal_reason=rng.choice(REASONS) if withdrawn else "",
                sido=sido,
                sigungu=sigungu,
                founded_year=founded,
                employees=employees,
                revenue_million=revenue,
                field_names=field_names,
                description=description,
                homepage=f"https://www.demo{index:06d}.example.kr" if rng.random() < 0.7 else "",
                business_number=generator.business_number(category),
                last_confirmed_on=confirmed,
                contact=generator.contact(index),
            )
        )
    return plans


_PREPARED_TYPES = {"DateField", "DateTimeField", "JSONField", "DecimalField"}


def _insert(model, rows: list[dict], *, batch_size: int = 5000) -> None:
    """Write rows (field name → value) without model instances: COPY on PostgreSQL, executemany elsewhere."""
    if not rows:
        return
    names = list(rows[0])
    fields = [model._meta.get_field(name) for name in names]
    prepared = [field.get_internal_type() in _PREPARED_TYPES for field in fields]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608  our own tables
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(
                        [
                            field.get_db_prep_save(row[name], connection) if prepare else row[name]
                            for name, field, prepare in zip(names, fields, prepared, strict=True)
                        ]
                    )
            return
        for start in range(0, len(rows), batch_size):
            cursor.executemany(
                sql,
                [
                    [
                        field.get_db_prep_save(row[name], connection) if prepare else row[name]
                        for name, field, prepare in zip(names, fields, prepared, strict=True)
                    ]
                    for row in rows[start : start + batch_size]
                ],
            )


def load(plans: list[Plan]) -> int:
    """Write the planned organisations, their contacts, fields, search index and audit in one transaction.

    Derived columns are computed as `services.registry` computes them (name key, search text, bigrams,
    audit snapshot). Side effects: Organisation, Contact, BusinessField and through rows, SearchGram rows,
    one `members.org.created` audit entry per organisation (by "demo_data"). Returns the number created.
    """
    plain = ("category", "joined_on", "withdrawn_on", "withdrawal_reason", "sido", "sigungu", "founded_year")
    plain += ("employees", "revenue_million", "description", "homepage", "business_number", "last_confirmed_on")
    now = timezone.now()
    rows = [
        {attribute: getattr(plan, attribute) for attribute in plain}
        | {
            "name": plan.name.strip(),
            "name_en": "",
            "name_key": company_name_key(plan.name),
            "search_text": search.build_search_text(name=plan.name, name_en="", field_names=sorted(plan.field_names)),
            "logo": "",
            "created_at": now,
            "updated_at": now,
        }
        for plan in plans
    ]
    with transaction.atomic():
        fields = {
            field.name: field.pk for field in field_objects({name for plan in plans for name in plan.field_names})
        }
        _insert(Organisation, rows)
        ids = dict(
            Organisation.objects.filter(created_at=now).values_list("name_key", "id").order_by().iterator(10_000)
        )
        pks = [ids[row["name_key"]] for row in rows]
        _insert(
            Organisation.fields.through,
            [
                {"organisation": pk, "businessfield": fields[name]}
                for pk, plan in zip(pks, plans, strict=True)
                for name in plan.field_names
            ],
        )
        search.insert_grams(
            (pk, gram) for pk, row in zip(pks, rows, strict=True) for gram in search.bigrams(row["search_text"])
        )
        _insert(Contact, [{"organisation": pk, **plan.contact} for pk, plan in zip(pks, plans, strict=True)])
        content_type = ContentType.objects.get_for_model(Organisation).pk
        _insert(
            AuditEntry,
            [
                {
                    "action": "members.org.created",
                    "actor": None,
                    "actor_label": "demo_data",
                    "target_type": content_type,
                    "target_id": str(pk),
                    "target_label": row["name"][:300],
                    "before": None,
                    "after": snapshot(SimpleNamespace(**row), AUDITED_FIELDS) | {"fields": sorted(plan.field_names)},
                    "created_at": now,
                }
                for pk, row, plan in zip(pks, rows, plans, strict=True)
            ],
        )
    return len(rows)


# (role, e-mail, name) of the demo logins `make demo` prints.
DEMO_USERS = (
    (Role.STAFF, "staff@demo.alliance.kr", "사무국 데모"),
    (Role.MEMBER_REP, "member@demo.alliance.kr", "회원사 담당자 데모"),
    (Role.STEERING, "steering@demo.alliance.kr", "운영위원 데모"),
    (Role.SUBCOMMITTEE, "subcommittee@demo.alliance.kr", "분과위원 데모"),
    (Role.EVALUATOR, "evaluator@demo.alliance.kr", "심사위원 데모"),
    (Role.AGENCY, "agency@demo.alliance.kr", "유관기관 데모"),
)
DEMO_ORGANISATION = "주식회사 얼라이언스데모"


def _demo_organisation() -> Organisation:
    """The organisation the demo member representative represents: the first current small company."""
    existing = (
        Organisation.objects.filter(category=C.SMALL, withdrawn_on__isnull=True).order_by("pk").first()
        or Organisation.objects.filter(name_key=company_name_key(DEMO_ORGANISATION)).first()
    )
    if existing:
        return existing
    return create_organisation(
        actor=None,
        data={"name": DEMO_ORGANISATION, "category": C.SMALL, "joined_on": datetime.date(2024, 3, 1), "sido": "서울",
              "sigungu": "강남구", "description": "데모 로그인용 회원사입니다."},
        field_names=["메타버스 플랫폼"],
    )  # fmt: skip


def ensure_demo_users(*, password: str) -> list[User]:
    """One active user per role with the given password, created or reset; returns them in DEMO_USERS order.

    Side effects: creates the users (and, when the registry is empty, one demo organisation through
    `services.registry.create_organisation`); resets their passwords, roles and names.
    """
    users = []
    with transaction.atomic():
        for role, email, name in DEMO_USERS:
            user = User.objects.filter(email=email).first() or User(email=email)
            user.name, user.role, user.is_active = name, role, True
            user.organisation = _demo_organisation() if role == Role.MEMBER_REP else None
            user.set_password(password)
            user.save()
            users.append(user)
    return users
