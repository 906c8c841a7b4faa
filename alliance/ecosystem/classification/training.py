"""The suggester for one year's taxonomy: the bundled labelled sets carried onto it plus the year's
confirmed placements (year_model.py fits and keeps the models; this module reads the database).

Rule: the trained classifier speaks whenever the bundled rows and the confirmed placements together cover at
least two of the year's categories (a fresh year with nothing confirmed already gets the bundled
knowledge); a category of the year that no bundled row reaches is learnt from its confirmed placements, and
one with neither cannot be suggested by the classifier. Only when nothing can be trained (a taxonomy whose
categories all differ from the default one's and nothing confirmed) do the year's keyword rules speak. With
no taxonomy for the year at all, the default taxonomy stands in.
"""

from dataclasses import dataclass

from alliance.ecosystem.models import ApplicationField, Placement, Taxonomy, TaxonomyNode, Technology
from alliance.ecosystem.models.taxonomy import Level

from .documents import Document, Target, default_targets
from .facets import FacetItem, FacetSuggester, default_facets
from .keywords import KeywordRules
from .year_model import ConfirmedExample, year_model


@dataclass
class YearSuggester:
    """What suggest_placement and the suggestion service use. `source` is "classifier" or "keywords"."""

    categories: object  # CategoryClassifier or KeywordRules: both have suggest(documents, k)
    technologies: FacetSuggester
    fields: FacetSuggester
    source: str
    examples: int  # confirmed placements learnt from
    bundled: int = 0  # bundled labelled examples carried onto the year


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


def confirmed_examples(taxonomy: Taxonomy, category_of: dict[int, tuple[str, ...]]) -> list[ConfirmedExample]:
    """Each confirmed placement with a text: its player's document, category path, technologies and fields."""
    placements = (
        Placement.objects.filter(taxonomy=taxonomy, status=Placement.Status.CONFIRMED)
        .exclude(player__description="")
        .select_related("player")
        .prefetch_related("technologies", "fields")
        .order_by("id")
    )
    return [
        ConfirmedExample(
            player_document(p.player),
            category_of[p.primary_id],
            frozenset(t.name for t in p.technologies.all()),
            frozenset(f.name for f in p.fields.all()),
        )
        for p in placements
        if p.primary_id in category_of
    ]


def suggester_for_year(year: int) -> YearSuggester:
    """Fits (or takes from the cache) the year's models: call it from a background task or a command."""
    taxonomy = Taxonomy.objects.filter(year=year).first()
    if taxonomy is None:
        targets = default_targets()
        technology_items, field_items = default_facets()
        confirmed = []
    else:
        targets, category_of = taxonomy_targets(taxonomy)
        technology_items = [FacetItem(t.name, tuple(t.keywords)) for t in Technology.objects.filter(taxonomy=taxonomy)]
        field_items = [FacetItem(f.name, tuple(f.keywords)) for f in ApplicationField.objects.filter(taxonomy=taxonomy)]
        confirmed = confirmed_examples(taxonomy, category_of)
    fitted = year_model(year, targets, technology_items, field_items, confirmed)
    if fitted.categories is not None:
        categories, source = fitted.categories, "classifier"
    else:
        categories, source = KeywordRules(targets), "keywords"
    return YearSuggester(categories, fitted.technologies, fitted.fields, source, fitted.confirmed, fitted.bundled)
