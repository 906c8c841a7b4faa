"""Demo ecosystem map: the default taxonomy for 2025 (published as a snapshot) and 2026 (the editable draft).

Rules (issue 3, "Demo and tests"):
- Deterministic for a seed; fast (bulk writes, a couple of seconds for ~1,500 players).
- Every current demo member becomes a player (from the registry, `services.players.sync_member_players`),
  and ~300 invented non-member companies join them (names not those of real companies).
- A player's category is the platform's own suggester's first choice for its description and business fields
  (`classification.training.suggester_for_year`, fitted on the bundled labelled sets for the fresh 2025
  taxonomy), so a company that makes software or content *for* a field sits in the core area and the field
  is its application-field facet, as seed 003's value chain has it (placing by keyword put such makers among
  the field's users, and the live suggester then learnt that from the demo's confirmed placements). The
  subcategory follows its keywords; application fields are the suggester's, technologies follow keywords,
  else a seeded draw; technology inputs are drawn so that the score spreads over 0–100.
- 2025: a 2025 taxonomy from the default, ~88 % of the players placed, all confirmed, frozen as the
  published 2025 snapshot. 2026: a copy of the 2025 taxonomy with every player placed — some moved to
  the suggester's second choice in the same area, most grown, newcomers entered, a few gone — ~93 %
  confirmed, the rest drafts, so the comparison page and the data-quality page both have something to show.
- KSIC: about KSIC_SHARE of the players whose 2026 category lists KSIC sub-classes (the default taxonomy
  carries them where the match is clear) get one of those codes, as a company's 사업자 registration would
  give it; the others have none, as many profiles do. So the classifier's KSIC feature has data.
- Then `alliance.ecosystem.demo_suggestions.load(taxonomy=..., seed=...)` if that module exists.
"""

import importlib
import random

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.bulk import insert_rows
from alliance.core.korean import particle
from alliance.core.regions import SIDO
from alliance.ecosystem.classification.training import player_document, suggester_for_year
from alliance.ecosystem.models import ApplicationField, Level, Placement, Player, Taxonomy, TaxonomyNode, Technology
from alliance.ecosystem.queries import node_paths
from alliance.ecosystem.scoring import technology_score
from alliance.ecosystem.services.players import player_name_key, sync_member_players
from alliance.ecosystem.services.snapshots import freeze_snapshot
from alliance.ecosystem.services.taxonomy import copy_taxonomy, seed_default_taxonomy
from alliance.members.models import Organisation
from alliance.members.services.importing_sql import insert_objects

NON_MEMBERS = 300
KSIC_SHARE = 0.6
FROZEN_YEAR, DRAFT_YEAR = 2025, 2026
NAME_HEADS = (  # noqa: SIM905  invented name parts
    "넥스 비욘드 오로라 큐브릭 루미 픽토 에테르 노바 카이로 제니스 아이온 코어 퀀텀 메이븐 프리즘 리프 "
    "오르빗 스텔라 옵티 헥사 네오 벡터 시그마 루프 아틀라스 포톤 모자이크 써클 플럭스 에코"
).split()
NAME_TAILS = (  # noqa: SIM905
    "랩스 웍스 스튜디오 테크 인터랙티브 비전 다이나믹스 소프트 엑스알 미디어 시스템 버스 로보틱스 디지털"
).split()
OFFERS = ("솔루션", "플랫폼", "서비스", "콘텐츠", "장비", "엔진", "도구")
SIDO_SHORT = [sido.short for sido in SIDO]
SIDO_WEIGHTS = [40 if s == "서울" else 25 if s == "경기" else 4 for s in SIDO_SHORT]


def _keyword_hits(text: str, keywords) -> int:
    return sum(1 for keyword in keywords if keyword and keyword in text)


class _Planner:
    """Chooses categories, facets and figures for players on one taxonomy."""

    def __init__(self, taxonomy: Taxonomy, rng: random.Random):
        self.rng = rng
        nodes = list(TaxonomyNode.objects.filter(taxonomy=taxonomy).order_by("position", "id"))
        self.categories = [node for node in nodes if node.level == Level.CATEGORY]
        self.subcategories: dict[int, list[TaxonomyNode]] = {}
        for node in nodes:
            if node.level == Level.SUBCATEGORY:
                self.subcategories.setdefault(node.parent_id, []).append(node)
        self.technologies = list(Technology.objects.filter(taxonomy=taxonomy).order_by("position", "id"))
        self.fields = list(ApplicationField.objects.filter(taxonomy=taxonomy).order_by("position", "id"))
        paths = node_paths(taxonomy)
        self.category_of_path = {tuple(paths[category.pk]): category for category in self.categories}

    def node_for(self, text: str, choices: list[tuple[str, ...]]) -> TaxonomyNode:
        """The suggester's first category (`choices`: its category paths, best first), then a subcategory."""
        category = self.category_of_path.get(choices[0]) if choices else None
        return self.sub_of(category or self.rng.choice(self.categories), text)

    def sub_of(self, category: TaxonomyNode, text: str = "") -> TaxonomyNode:
        subs = self.subcategories.get(category.pk, [])
        matching = [sub for sub in subs if _keyword_hits(text, [*sub.keywords, sub.name])]
        if matching:
            return self.rng.choice(matching)
        if subs and self.rng.random() < 0.7:
            return self.rng.choice(subs)
        return category

    def facets(self, text: str, items, most: int) -> list:
        matching = [item for item in items if _keyword_hits(text, [*item.keywords, item.name])]
        self.rng.shuffle(matching)
        chosen = matching[:most]
        if not chosen:
            chosen = self.rng.sample(items, k=min(len(items), self.rng.randint(1, most)))
        return chosen

    def inputs(self) -> dict:
        strength = self.rng.random()
        return {
            "patents": int(strength**1.5 * self.rng.uniform(0, 30)),
            "rd_staff_share": round(min(100.0, strength * self.rng.uniform(5, 70)), 1),
            "certifications": self.rng.randint(0, int(1 + strength * 5)),
            "awards": self.rng.randint(0, int(strength * 6)),
        }


def _non_member_players(rng: random.Random, planner: _Planner, count: int, taken: set[str]) -> list[Player]:
    today = timezone.localdate().isoformat()
    players = []
    while len(players) < count:
        name = f"{rng.choice(NAME_HEADS)}{rng.choice(NAME_TAILS)}"
        if rng.random() < 0.5:
            name = f"{name}{rng.choice(('코리아', '', '', '2'))}"
        key = player_name_key(name)
        if key in taken:
            continue
        taken.add(key)
        category = rng.choice(planner.categories)
        words = rng.sample(category.keywords, k=min(2, len(category.keywords))) or [category.name]
        offer = particle(rng.choice(OFFERS), "을")
        description = f"{' · '.join(words)} 분야의 {category.name} {offer} 개발·공급하는 기업입니다."
        employees = int(rng.lognormvariate(3.2, 1.1)) + 2
        values = {
            "name": name,
            "description": description,
            "business_fields": ", ".join(words),
            "region": rng.choices(SIDO_SHORT, weights=SIDO_WEIGHTS)[0],
            "employees": employees,
            "revenue": max(30, int(employees * rng.uniform(60, 260))),
            "founded_year": rng.randint(1995, 2024),
        }
        player = Player(name_key=key, sources={field: {"source": "staff", "on": today} for field in values}, **values)
        players.append(player)
    return players


def _text_of(player: Player) -> str:
    return f"{player.name} {player.description} {player.business_fields}"


def _placements(planner: _Planner, taxonomy: Taxonomy, plans: list[dict]) -> None:
    """Insert placements and their many-to-many rows in bulk; `plans` hold player, node, facets, figures."""
    now = timezone.now()
    today = timezone.localdate().isoformat()
    rows = []
    for plan in plans:
        figures = plan["figures"]
        rows.append(
            Placement(
                player_id=plan["player"].pk,
                taxonomy=taxonomy,
                primary_id=plan["node"].pk,
                status=plan["status"],
                confirmed_at=now if plan["status"] == Placement.Status.CONFIRMED else None,
                technology_score=technology_score(
                    **{k: figures[k] for k in ("patents", "rd_staff_share", "certifications", "awards")}
                ),
                sources={
                    key: {"source": plan["source"], "on": today} for key, value in figures.items() if value is not None
                },
                **figures,
            )
        )
    insert_objects(Placement, rows)
    ids = dict(Placement.objects.filter(taxonomy=taxonomy).values_list("player_id", "pk"))
    insert_rows(
        Placement.technologies.through._meta.db_table,
        ["placement_id", "technology_id"],
        [(ids[plan["player"].pk], item.pk) for plan in plans for item in plan["technologies"]],
    )
    insert_rows(
        Placement.fields.through._meta.db_table,
        ["placement_id", "applicationfield_id"],
        [(ids[plan["player"].pk], item.pk) for plan in plans for item in plan["fields"]],
    )
    insert_rows(
        Placement.secondary.through._meta.db_table,
        ["placement_id", "taxonomynode_id"],
        [(ids[plan["player"].pk], plan["secondary"].pk) for plan in plans if plan.get("secondary")],
    )


class _Suggested:
    """The suggester's category paths (best first) and application fields for each player, by player id."""

    def __init__(self, year: int, players: list[Player]):
        suggester = suggester_for_year(year)
        documents = [player_document(player) for player in players]
        categories = suggester.categories.suggest(documents, k=2)
        fields = suggester.fields.suggest(documents)
        self.categories = {p.pk: [tuple(s.path) for s in found] for p, found in zip(players, categories, strict=True)}
        self.fields = {p.pk: [item.name for item in found] for p, found in zip(players, fields, strict=True)}


def _plan(planner: _Planner, player: Player, suggested: _Suggested, *, status: str) -> dict:
    text = _text_of(player)
    node = planner.node_for(text, suggested.categories[player.pk])
    named = [field for field in planner.fields if field.name in suggested.fields[player.pk][:2]]
    secondary = None
    if planner.rng.random() < 0.12:
        other = planner.rng.choice(planner.categories)
        if other.pk not in (node.pk, node.parent_id):
            secondary = other
    return {
        "player": player,
        "node": node,
        "secondary": secondary,
        "technologies": planner.facets(text, planner.technologies, 3),
        "fields": named or planner.facets(text, planner.fields, 2),
        "figures": {"revenue": player.revenue, "employees": player.employees, **planner.inputs()},
        "status": status,
        "source": "registry" if player.organisation_id else "staff",
    }


def _by_path(taxonomy: Taxonomy) -> dict[tuple, TaxonomyNode]:
    paths = node_paths(taxonomy)
    return {tuple(paths[node.pk]): node for node in TaxonomyNode.objects.filter(taxonomy=taxonomy)}


def _give_ksic_codes(rng: random.Random, taxonomy: Taxonomy, plans: list[dict]) -> None:
    """A KSIC sub-class of its category for about KSIC_SHARE of the players placed in a category that has some."""
    codes_of = dict(
        TaxonomyNode.objects.filter(taxonomy=taxonomy, level=Level.CATEGORY).values_list("pk", "ksic_codes")
    )
    today = timezone.localdate().isoformat()
    coded = []
    for plan in plans:
        node = plan["node"]
        codes = codes_of.get(node.parent_id if node.level == Level.SUBCATEGORY else node.pk) or []
        if codes and rng.random() < KSIC_SHARE:
            player = plan["player"]
            player.ksic_code = rng.choice(codes)
            player.sources = {**player.sources, "ksic_code": {"source": "staff", "on": today}}
            coded.append(player)
    Player.objects.bulk_update(coded, ["ksic_code", "sources"], batch_size=500)


def load_demo(*, seed: int) -> str:
    """Load the demo ecosystem map (see the module docstring); returns a one-line Korean summary."""
    rng = random.Random(f"ecosystem-{seed}")  # noqa: S311  demo data, not secrets
    with transaction.atomic():
        older = seed_default_taxonomy(actor=None, year=FROZEN_YEAR)
        planner = _Planner(older, rng)
        members = Organisation.objects.filter(withdrawn_on__isnull=True).prefetch_related("fields").order_by("pk")
        sync_member_players(actor=None, organisations=list(members))
        taken = set(Player.objects.values_list("name_key", flat=True))
        insert_objects(Player, _non_member_players(rng, planner, NON_MEMBERS, taken))
        everyone = list(Player.objects.order_by("pk"))
        # Nothing is confirmed yet: the suggester speaks from the bundled labelled sets alone.
        suggested = _Suggested(FROZEN_YEAR, everyone)

        # 2025: most players, all confirmed, then published.
        in_2025 = [player for player in everyone if rng.random() < 0.88]
        plans_2025 = [_plan(planner, player, suggested, status=Placement.Status.CONFIRMED) for player in in_2025]
        for plan in plans_2025:  # a year earlier the companies were smaller
            figures = plan["figures"]
            for key in ("revenue", "employees"):
                if figures[key] is not None and rng.random() < 0.7:
                    figures[key] = max(1, int(figures[key] * rng.uniform(0.7, 0.97)))
        _placements(planner, older, plans_2025)
        freeze_snapshot(actor=None, year=FROZEN_YEAR)

        # 2026: a copy of 2025's taxonomy; the same places mostly, some moves, newcomers, a few leavers.
        draft = copy_taxonomy(actor=None, source=older, year=DRAFT_YEAR)
        draft_planner = _Planner(draft, rng)
        older_paths = node_paths(older)
        draft_nodes = _by_path(draft)
        placed_2025 = {plan["player"].pk: plan for plan in plans_2025}
        plans_2026 = []
        for player in everyone:
            previous = placed_2025.get(player.pk)
            if previous is not None and not player.organisation_id and rng.random() < 0.04:
                continue  # left the map
            status = Placement.Status.CONFIRMED if rng.random() < 0.93 else Placement.Status.DRAFT
            plan = _plan(draft_planner, player, suggested, status=status)
            if previous is not None:
                choices = suggested.categories[player.pk]
                moved = len(choices) > 1 and choices[1][0] == choices[0][0] and rng.random() < 0.08
                plan["node"] = (  # most stay where they were; some move to the second choice in the same area
                    draft_planner.sub_of(draft_planner.category_of_path[choices[1]], _text_of(player))
                    if moved
                    else draft_nodes[tuple(older_paths[previous["node"].pk])]
                )
                plan["secondary"] = None
            plans_2026.append(plan)
        _placements(draft_planner, draft, plans_2026)
        _give_ksic_codes(rng, draft, plans_2026)

        suggestions = ""
        try:
            demo_suggestions = importlib.import_module("alliance.ecosystem.demo_suggestions")
        except ModuleNotFoundError as error:
            if error.name != "alliance.ecosystem.demo_suggestions":
                raise
        else:
            result = demo_suggestions.load(taxonomy=draft, seed=seed)
            suggestions = f" {result}" if isinstance(result, str) else ""
    return (
        _(
            "Ecosystem map: %(players)s players (%(members)s members) on the %(draft)s map, "
            "%(frozen)s map published as a snapshot."
        )
        % {
            "players": f"{len(plans_2026):,}",
            "members": f"{sum(1 for plan in plans_2026 if plan['player'].organisation_id):,}",
            "draft": DRAFT_YEAR,
            "frozen": FROZEN_YEAR,
        }
        + suggestions
    )
