"""A category suggester for one year's taxonomy, trained on that year's confirmed placements.

Rule: with at least MIN_CONFIRMED confirmed placements whose player has a description, spread over at
least two categories, the trained classifier is used (it can name only the categories it has seen
examples of); with fewer, the keyword rules of the year's taxonomy (a copy of the default one's, edited
by staff), and with no taxonomy for the year at all, the default taxonomy's keywords.
"""

from dataclasses import dataclass

from alliance.ecosystem.models import ApplicationField, Placement, Taxonomy, TaxonomyNode, Technology
from alliance.ecosystem.models.taxonomy import Level

from .documents import Document, Target, default_targets
from .facets import FacetItem, FacetSuggester, default_facets
from .keywords import KeywordRules
from .model import CategoryClassifier

MIN_CONFIRMED = 40


@dataclass
class YearSuggester:
    """What suggest_placement and the suggestion service use. `source` is "classifier" or "keywords"."""

    categories: object  # CategoryClassifier or KeywordRules: both have suggest(documents, k)
    technologies: FacetSuggester
    fields: FacetSuggester
    source: str
    examples: int


def player_document(player) -> Document:
    return Document(text=player.description, business_fields=player.business_fields, ksic_code=player.ksic_code)


def taxonomy_targets(taxonomy: Taxonomy) -> tuple[list[Target], dict[int, tuple[str, ...]]]:
    """The taxonomy's categories (with their own and their subcategories' keywords), and the category path
    of every category and subcategory node by id. One query."""
    nodes = list(TaxonomyNode.objects.filter(taxonomy=taxonomy).order_by("position", "id"))
    by_id = {node.pk: node for node in nodes}
    children: dict[int, list[TaxonomyNode]] = {}
    for node in nodes:
        children.setdefault(node.parent_id, []).append(node)

    def path(node):
        names = []
        while node is not None:
            names.append(node.name)
            node = by_id.get(node.parent_id)
        return tuple(reversed(names))

    targets = []
    for domain in children.get(None, []):
        for layer in children.get(domain.pk, []):
            for category in children.get(layer.pk, []):
                if category.level != Level.CATEGORY:
                    continue
                keywords = list(category.keywords)
                for sub in children.get(category.pk, []):
                    keywords.extend(sub.keywords)
                targets.append(Target(path(category), tuple(dict.fromkeys(keywords)), tuple(category.ksic_codes)))
    return targets, {node.pk: path(node)[:3] for node in nodes if node.level in (Level.CATEGORY, Level.SUBCATEGORY)}


def confirmed_examples(taxonomy: Taxonomy, category_of: dict[int, tuple[str, ...]]):
    """(document, category path, technology names, field names) of each confirmed placement with a text."""
    placements = (
        Placement.objects.filter(taxonomy=taxonomy, status=Placement.Status.CONFIRMED)
        .exclude(player__description="")
        .select_related("player")
        .prefetch_related("technologies", "fields")
        .order_by("id")
    )
    return [
        (
            player_document(p.player),
            category_of[p.primary_id],
            {t.name for t in p.technologies.all()},
            {f.name for f in p.fields.all()},
        )
        for p in placements
        if p.primary_id in category_of
    ]


def suggester_for_year(year: int) -> YearSuggester:
    taxonomy = Taxonomy.objects.filter(year=year).first()
    if taxonomy is None:
        technologies, fields = default_facets()
        return YearSuggester(
            KeywordRules(default_targets()), FacetSuggester(technologies), FacetSuggester(fields), "keywords", 0
        )
    targets, category_of = taxonomy_targets(taxonomy)
    technology_items = [FacetItem(t.name, tuple(t.keywords)) for t in Technology.objects.filter(taxonomy=taxonomy)]
    field_items = [FacetItem(f.name, tuple(f.keywords)) for f in ApplicationField.objects.filter(taxonomy=taxonomy)]
    examples = confirmed_examples(taxonomy, category_of)
    documents = [e[0] for e in examples]
    technologies = FacetSuggester(technology_items).fit(documents, [e[2] for e in examples])
    fields = FacetSuggester(field_items).fit(documents, [e[3] for e in examples])
    paths = [e[1] for e in examples]
    if len(examples) >= MIN_CONFIRMED and len(set(paths)) >= 2:
        classifier = CategoryClassifier(targets).fit(documents, paths)
        return YearSuggester(classifier, technologies, fields, "classifier", len(examples))
    return YearSuggester(KeywordRules(targets), technologies, fields, "keywords", len(examples))
