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

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext

from alliance.core.audit import snapshot
from alliance.core.bulk import insert_rows
from alliance.core.korean import business_number_with_check_digit, company_name_key
from alliance.core.models import AuditEntry, User
from alliance.core.regions import SEOUL_ZONES
from alliance.core.roles import Role
from alliance.core.services.accounts import set_roles
from alliance.members import search
from alliance.members.demo_words import (
    COMPANY_FORMS,
    DISTRICT_WEIGHTS,
    FIELDS,
    GIVEN,
    OFFERS,
    PLACES,
    POSITIONS,
    REASONS,
    ROOTS,
    SIDO_WEIGHTS,
    SIGUNGU,
    SURNAMES,
    TAILS,
    TECH,
    TOPICS,
    ZONE_SHARES,
)
from alliance.members.membership import registry_changed
from alliance.members.models import Contact, MemberCategory, Organisation
from alliance.members.services.registry import AUDITED_FIELDS, create_organisation
from alliance.members.services.vocabulary import seed_terms

C = MemberCategory
SEED_TABLE = {C.LARGE: 87, C.MEDIUM: 220, C.SMALL: 680, C.AGENCY: 63, C.NONPROFIT: 70, C.UNIVERSITY: 19}
SEED_TOTAL = sum(SEED_TABLE.values())  # 1,139
SEED_GROWTH = 36
REFERENCE_DAY = datetime.date(2025, 12, 31)
LAUNCH_DAY = datetime.date(2021, 5, 18)
DEFAULT_SEED = 2026


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


def _place_of(name: str) -> str | None:
    """The 시·도 a regional association is named after (`(사)부산디지털트윈협회` → 부산), else None."""
    for prefix in ("(사)", "사단법인 "):
        name = name.removeprefix(prefix)
    return next((place for place in PLACES if name.startswith(place)), None)


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
            prefix = {"재단": "재단법인 ", "협동조합": ""}.get(kind) or rng.choice(("(사)", "사단법인 ", ""))
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

    def region(self, sido: str | None = None) -> tuple[str, str]:
        """(시·도, 시·군·구) weighted like seed 003; `sido` fixes the 시·도 (a regional association's own)."""
        rng = self.rng
        sido = sido or rng.choices(list(SIDO_WEIGHTS), weights=list(SIDO_WEIGHTS.values()))[0]
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
            C.SMALL: lambda: max(1, min(60, int(rng.lognormvariate(2.6, 0.9)))),
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
            "name": surname + "".join(rng.sample(GIVEN, 2)),
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
        name = generator.name(category)
        sido, sigungu = generator.region(_place_of(name))
        employees, revenue, founded = generator.size(category, joined.year)
        field_names, description = generator.text(category)
        confirmed = None
        if rng.random() < 0.85:
            confirmed = _day_between(rng, max(joined, datetime.date(2025, 1, 2)), datetime.date(2026, 10, 30))
        plans.append(
            Plan(
                name=name,
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


def _insert(model, rows: list[dict]) -> None:
    """Write rows (field name → value) without model instances, through `core.bulk.insert_rows`."""
    if not rows:
        return
    # A column the demo does not set takes its model default (a `version` counter, say): the raw INSERT
    # would otherwise leave it NULL, as Django's defaults live in Python, not in the table.
    defaults = {
        field.name: field.get_default()
        for field in model._meta.concrete_fields
        if not field.primary_key and field.has_default() and field.name not in rows[0] and field.attname not in rows[0]
    }
    rows = [{**defaults, **row} for row in rows] if defaults else rows
    names = list(rows[0])
    fields = [model._meta.get_field(name) for name in names]
    prepared = [field.get_internal_type() in _PREPARED_TYPES for field in fields]
    insert_rows(
        model._meta.db_table,
        [field.column for field in fields],
        (
            [
                field.get_db_prep_save(row[name], connection) if prepare else row[name]
                for name, field, prepare in zip(names, fields, prepared, strict=True)
            ]
            for row in rows
        ),
    )


def load(plans: list[Plan]) -> int:
    """Write the planned organisations, their contacts, fields, search index and audit in one transaction.

    Derived columns are computed as `services.registry` computes them (name key, search text, search tokens,
    audit snapshot). Side effects: Organisation, Contact, BusinessField and through rows, SearchToken rows,
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
        # The demo starts the vocabulary from its own field names (a staff decision in a real registry).
        terms = seed_terms({name for plan in plans for name in plan.field_names})
        fields = {field.name: field.pk for field in terms.values()}
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
        search.reindex(pks, fresh=True)
        registry_changed()  # bulk writes send no model signals
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


def refuse_unless_debug_or_forced(*, force: bool) -> None:
    """Rule: the demo logins have a published password, so a command that creates them runs with DEBUG off
    (production) only when the operator says `--force`. Used by `demo_logins` and `demo_data`."""
    if not settings.DEBUG and not force:
        message = gettext("DEBUG is off: demo logins have known passwords. Add --force to create them anyway.")
        raise CommandError(message)


# (roles, e-mail, name) of the demo logins `make demo` prints: one per role, and one person holding two roles.
DEFAULT_PASSWORD = "demo-pass-2026"  # noqa: S105  the documented demo password (DEMO_PASSWORD overrides it)
DEMO_USERS = (
    ((Role.STAFF,), "staff@demo.alliance.kr", "사무국 데모"),
    ((Role.MEMBER_REP,), "member@demo.alliance.kr", "회원사 담당자 데모"),
    ((Role.STEERING,), "steering@demo.alliance.kr", "운영위원 데모"),
    ((Role.SUBCOMMITTEE,), "subcommittee@demo.alliance.kr", "분과위원 데모"),
    ((Role.EVALUATOR,), "evaluator@demo.alliance.kr", "심사위원 데모"),
    ((Role.AGENCY,), "agency@demo.alliance.kr", "유관기관 데모"),
    ((Role.INVESTOR,), "investor@demo.alliance.kr", "투자자 데모"),
    ((Role.MEMBER_REP, Role.STEERING), "member-steering@demo.alliance.kr", "회원사 담당자 겸 운영위원 데모"),
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
    seed_terms(["메타버스 플랫폼"])
    return create_organisation(
        actor=None,
        data={"name": DEMO_ORGANISATION, "category": C.SMALL, "joined_on": datetime.date(2024, 3, 1), "sido": "서울",
              "sigungu": "강남구", "description": "데모 로그인용 회원사입니다."},
        field_names=["메타버스 플랫폼"],
    )  # fmt: skip


def ensure_demo_users(*, password: str) -> list[User]:
    """One active user per line of DEMO_USERS with the given password, created or reset; returns them in order.

    Side effects: creates the users (and, when the registry is empty, one demo organisation through
    `services.registry.create_organisation`); resets their passwords, roles and names.
    """
    users = []
    with transaction.atomic():
        for roles, email, name in DEMO_USERS:
            user = User.objects.filter(email=email).first() or User(email=email)
            user.name, user.is_active = name, True
            user.organisation = _demo_organisation() if Role.MEMBER_REP in roles else None
            user.set_password(password)
            user.save()
            set_roles(user=user, roles=roles, by=None)
            users.append(user)
    return users
