"""The shared data of the ecosystem benchmarks: a year's map with 10,000 players in 300 categories.

`populate(players=10_000, categories=300, seed=..., year=2026, members=1_000)` fills the current
(empty, migrated) database with:
- a taxonomy of 3 domains × 5 layers × categories/15 categories each (300 by default), a third of the
  categories with 2–4 subcategories, the default taxonomy's 18 technologies and 10 application fields;
- `members` member organisations (alliance/members/demo.py) and their players, synced from the registry;
- non-member players up to `players` in all, with invented names, regions, sizes and descriptions;
- one confirmed placement each (10 % with a secondary category), 1–3 technologies, 1–2 fields and the
  technology inputs, the score computed by alliance/ecosystem/scoring.py.
Written in bulk (`core.bulk.insert_rows`); about ten seconds for the default size. Deterministic for a seed.
Not a benchmark itself (no CHECKS): bench/ecosystem_snapshot.py and bench/ecosystem_map.py use it.
"""

import random

HEADS = ("누리", "하늘", "다온", "새봄", "한빛", "가람", "마루", "나래", "아라", "미르", "라온", "비채", "여울", "은하",
         "보람", "윤슬", "넥스", "노바", "오르빗", "큐브")  # fmt: skip
MIDDLES = ("엑스알", "트윈", "메타", "비전", "링크", "웨이브", "스페이스", "월드", "소프트", "테크", "로직", "데이터",
           "클라우드", "스캔", "렌즈", "씬", "모듈")  # fmt: skip
TAILS = ("", "랩", "랩스", "웍스", "스튜디오", "코리아", "시스템즈", "솔루션", "미디어", "인터랙티브")


def populate(*, players: int = 10_000, categories: int = 300, seed: int = 20261122, year: int = 2026,
             members: int = 1_000) -> dict:  # fmt: skip
    from django.db import transaction
    from django.utils import timezone

    from alliance.core.bulk import insert_rows
    from alliance.core.regions import SIDO
    from alliance.ecosystem import default_taxonomy
    from alliance.ecosystem.models import Placement, Player, Taxonomy, TaxonomyNode
    from alliance.ecosystem.scoring import technology_score
    from alliance.ecosystem.services.players import player_name_key, sync_member_players
    from alliance.ecosystem.services.taxonomy import bulk_facets, bulk_tree
    from alliance.members import demo as members_demo
    from alliance.members.models import Organisation
    from alliance.members.services.importing_sql import insert_objects

    rng = random.Random(seed)
    per_layer = max(1, categories // 15)
    words = [
        keyword for _path, category in default_taxonomy.categories_with_paths() for keyword in category["keywords"]
    ]
    tree = [
        {
            "name": f"영역 {d + 1}",
            "layers": [
                {
                    "name": f"부문 {d + 1}-{layer + 1}",
                    "categories": [
                        {
                            "name": f"분류 {d + 1}-{layer + 1}-{c + 1}",
                            "keywords": rng.sample(words, 3),
                            "subcategories": [
                                {"name": f"세부 {d + 1}-{layer + 1}-{c + 1}-{s + 1}"}
                                for s in range(rng.randint(2, 4) if rng.random() < 1 / 3 else 0)
                            ],
                        }
                        for c in range(per_layer)
                    ],
                }
                for layer in range(5)
            ],
        }
        for d in range(3)
    ]
    with transaction.atomic():
        taxonomy = Taxonomy.objects.create(year=year)
        bulk_tree(taxonomy, tree)
        bulk_facets(taxonomy, default_taxonomy.TECHNOLOGIES, default_taxonomy.FIELDS)
        if members:
            members_demo.load(members_demo.generate(members, seed))
            current = Organisation.objects.filter(withdrawn_on__isnull=True).prefetch_related("fields")
            sync_member_players(actor=None, organisations=list(current))
        taken = set(Player.objects.values_list("name_key", flat=True))
        today = timezone.localdate().isoformat()
        new_players = []
        missing = players - len(taken)
        while len(new_players) < missing:
            name = f"{rng.choice(HEADS)}{rng.choice(MIDDLES)}{rng.choice(TAILS)}{rng.randint(1, 999)}"
            key = player_name_key(name)
            if key in taken:
                continue
            taken.add(key)
            employees = int(rng.lognormvariate(3.0, 1.2)) + 1
            new_players.append(
                Player(
                    name=name,
                    name_key=key,
                    region=rng.choice(SIDO).short,
                    employees=employees,
                    revenue=max(10, int(employees * rng.uniform(50, 300))) if rng.random() > 0.12 else None,
                    founded_year=rng.randint(1990, 2025),
                    description=f"{' · '.join(rng.sample(words, 2))} 분야의 솔루션을 개발하는 기업입니다.",
                    sources={"name": {"source": "staff", "on": today}},
                )
            )
        insert_objects(Player, new_players)

        nodes = list(TaxonomyNode.objects.filter(taxonomy=taxonomy, level__in=("category", "subcategory")))
        technologies = list(taxonomy.technologies.all())
        fields = list(taxonomy.fields.all())
        now = timezone.now()
        plans = []
        for player in Player.objects.order_by("pk"):
            inputs = {
                "patents": int(rng.random() ** 2 * 40),
                "rd_staff_share": round(rng.uniform(0, 60), 1),
                "certifications": rng.randint(0, 5),
                "awards": rng.randint(0, 4),
            }
            plans.append(
                (
                    Placement(
                        player_id=player.pk,
                        taxonomy=taxonomy,
                        primary_id=rng.choice(nodes).pk,
                        revenue=player.revenue,
                        employees=player.employees,
                        technology_score=technology_score(**inputs),
                        status=Placement.Status.CONFIRMED,
                        confirmed_at=now,
                        sources={key: {"source": "survey", "on": today} for key in inputs},
                        **inputs,
                    ),
                    rng.sample(technologies, rng.randint(1, 3)),
                    rng.sample(fields, rng.randint(1, 2)),
                    rng.choice(nodes) if rng.random() < 0.1 else None,
                )
            )
        insert_objects(Placement, [plan[0] for plan in plans])
        ids = dict(Placement.objects.filter(taxonomy=taxonomy).values_list("player_id", "pk"))
        insert_rows(
            Placement.technologies.through._meta.db_table,
            ["placement_id", "technology_id"],
            [(ids[plan[0].player_id], item.pk) for plan in plans for item in plan[1]],
        )
        insert_rows(
            Placement.fields.through._meta.db_table,
            ["placement_id", "applicationfield_id"],
            [(ids[plan[0].player_id], item.pk) for plan in plans for item in plan[2]],
        )
        insert_rows(
            Placement.secondary.through._meta.db_table,
            ["placement_id", "taxonomynode_id"],
            [
                (ids[plan[0].player_id], plan[3].pk)
                for plan in plans
                if plan[3] is not None and plan[3].pk != plan[0].primary_id
            ],
        )
    return {
        "players": Player.objects.count(),
        "categories": TaxonomyNode.objects.filter(taxonomy=taxonomy, level="category").count(),
        "placements": len(plans),
    }
