"""Factories of the ecosystem app. Others add theirs in factories_<area>.py and reuse these.

`small_taxonomy(year)` builds a two-domain tree (see its docstring) that most tests place players on.
"""

import factory

from alliance.ecosystem.models import (
    ApplicationField,
    Level,
    Placement,
    Player,
    Taxonomy,
    TaxonomyNode,
    Technology,
)
from alliance.ecosystem.services.players import player_name_key


class TaxonomyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Taxonomy
        django_get_or_create = ("year",)

    year = 2026


class NodeFactory(factory.django.DjangoModelFactory):
    """A node; give `parent` for anything below a domain (level follows the parent's)."""

    class Meta:
        model = TaxonomyNode

    taxonomy = factory.LazyAttribute(lambda o: o.parent.taxonomy if o.parent else TaxonomyFactory())
    parent = None
    level = factory.LazyAttribute(
        lambda o: (
            Level.DOMAIN
            if o.parent is None
            else {Level.DOMAIN: Level.LAYER, Level.LAYER: Level.CATEGORY, Level.CATEGORY: Level.SUBCATEGORY}[
                o.parent.level
            ]
        )
    )
    name = factory.Sequence(lambda n: f"분류{n:03d}")
    position = factory.Sequence(lambda n: n)


class TechnologyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Technology

    taxonomy = factory.SubFactory(TaxonomyFactory)
    name = factory.Sequence(lambda n: f"기술{n:03d}")
    keywords = factory.LazyAttribute(lambda o: [o.name])


class ApplicationFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationField

    taxonomy = factory.SubFactory(TaxonomyFactory)
    name = factory.Sequence(lambda n: f"분야{n:03d}")
    keywords = factory.LazyAttribute(lambda o: [o.name])


class PlayerFactory(factory.django.DjangoModelFactory):
    """A non-member player. For a member, pass organisation=... and its name."""

    class Meta:
        model = Player

    name = factory.Sequence(lambda n: f"비회원기업{n:04d}")
    name_key = factory.LazyAttribute(lambda o: player_name_key(o.name))
    description = "메타버스 플랫폼을 개발하는 기업입니다."
    region = "서울"
    employees = 20
    revenue = 1500
    founded_year = 2018


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement
        skip_postgeneration_save = True

    player = factory.SubFactory(PlayerFactory)
    primary = factory.LazyAttribute(lambda o: NodeFactory(parent=NodeFactory(parent=NodeFactory())))
    taxonomy = factory.LazyAttribute(lambda o: o.primary.taxonomy)
    revenue = factory.LazyAttribute(lambda o: o.player.revenue)
    employees = factory.LazyAttribute(lambda o: o.player.employees)

    @factory.post_generation
    def technologies(self, create, extracted, **kwargs):
        if create and extracted:
            self.technologies.set(extracted)

    @factory.post_generation
    def fields(self, create, extracted, **kwargs):
        if create and extracted:
            self.fields.set(extracted)

    @factory.post_generation
    def secondary(self, create, extracted, **kwargs):
        if create and extracted:
            self.secondary.set(extracted)


def small_taxonomy(year: int = 2026) -> dict:
    """A small tree with its facets, keyed by short names:

    핵심산업 영역 (domain) → 기반 부문 (layer) → 하드웨어 [XR 디바이스, 센서], 소프트웨어 (categories)
                          → 인프라 (layer) → 클라우드 (category)
    전방연관 영역 (domain) → 1차 (layer) → 교육 (category)
    technologies 디지털트윈, 실시간 렌더링; fields 교육·훈련, 제조·건설.
    """
    taxonomy = TaxonomyFactory(year=year)
    core = NodeFactory(taxonomy=taxonomy, name="핵심산업 영역")
    base = NodeFactory(taxonomy=taxonomy, parent=core, name="기반 부문")
    infra = NodeFactory(taxonomy=taxonomy, parent=core, name="인프라")
    hardware = NodeFactory(taxonomy=taxonomy, parent=base, name="하드웨어", ksic_codes=["26111"])
    forward = NodeFactory(taxonomy=taxonomy, name="전방연관 영역")
    first = NodeFactory(taxonomy=taxonomy, parent=forward, name="1차")
    return {
        "taxonomy": taxonomy,
        "core": core,
        "base": base,
        "infra": infra,
        "hardware": hardware,
        "xr": NodeFactory(taxonomy=taxonomy, parent=hardware, name="XR 디바이스"),
        "sensor": NodeFactory(taxonomy=taxonomy, parent=hardware, name="센서"),
        "software": NodeFactory(taxonomy=taxonomy, parent=base, name="소프트웨어"),
        "cloud": NodeFactory(taxonomy=taxonomy, parent=infra, name="클라우드"),
        "forward": forward,
        "first": first,
        "education": NodeFactory(taxonomy=taxonomy, parent=first, name="교육"),
        "twin": TechnologyFactory(taxonomy=taxonomy, name="디지털트윈"),
        "rendering": TechnologyFactory(taxonomy=taxonomy, name="실시간 렌더링"),
        "training": ApplicationFieldFactory(taxonomy=taxonomy, name="교육·훈련"),
        "manufacturing": ApplicationFieldFactory(taxonomy=taxonomy, name="제조·건설"),
    }
