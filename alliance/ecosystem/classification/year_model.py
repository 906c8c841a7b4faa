"""The live suggester's models for one year: fitted on the bundled labelled sets carried onto the year's
taxonomy (bundled.py) plus the year's confirmed placements, and kept.

Rule: the category classifier is trained as the bench trains it (same features, C and keyword weight the
bench's cross-validation chose, confidence by temperature scaling holding out one source at a time, the
year's confirmed placements being one more source); a confirmed placement counts CONFIRMED_WEIGHT times a
bundled example, because it is the staff's own decision in this year's terms. The field facet learns from
the bundled rows' fields and from the confirmed placements that name a field (a placement without one says
nobody chose yet, not "no field"); the technology facet from the confirmed placements only (the bundled
rows name no technology). Every facet item keeps its keywords.

Fitting takes seconds (Kiwi analysis of ~1,000 profiles and five linear models), so it happens in the
background task that writes suggestions (or the suggest_placement command), never in a page, and the result
is kept in memory and in the cache (CACHES, shared by the server and the workers) under a key made of the
year, a fingerprint of the taxonomy (paths, keywords, KSIC codes, facet items), a fingerprint of the
confirmed placements (texts, categories, facets), of the bundled files and MODEL_VERSION: a change to any of
them makes a new key, so a stale model is never read.
"""

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache

from django.core.cache import cache

from .bundled import bundled_for
from .dataset import TRAINING_FILES
from .documents import Document, Target
from .facets import FacetItem, FacetSuggester
from .model import CategoryClassifier

# Bump when features, training or these settings change: entries fitted by older code are then never read.
MODEL_VERSION = 1
# What `make bench` (evaluation.evaluate_blind) chose by cross-validation on the bundled sets.
LIVE_C = 3.0
LIVE_KEYWORD_WEIGHT = 1.0
CONFIRMED_WEIGHT = 3.0
CONFIRMED_SOURCE = "confirmed"
CACHE_SECONDS = 30 * 24 * 3600
MEMORY_ENTRIES = 4
_memory: dict[str, "FittedYear"] = {}


@dataclass(frozen=True)
class ConfirmedExample:
    document: Document
    path: tuple[str, ...]
    technologies: frozenset[str]
    fields: frozenset[str]


@dataclass
class FittedYear:
    categories: CategoryClassifier | None  # None: fewer than two categories have an example
    technologies: FacetSuggester
    fields: FacetSuggester
    bundled: int  # bundled examples carried onto the year
    confirmed: int


def digest(value) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:32]


@lru_cache(maxsize=1)
def bundled_data_digest() -> str:
    hashed = hashlib.sha256()
    for path in TRAINING_FILES:
        hashed.update(path.read_bytes())
    return hashed.hexdigest()[:32]


def taxonomy_digest(targets: list[Target], technology_items: list[FacetItem], field_items: list[FacetItem]) -> str:
    return digest(
        [
            [[list(t.path), list(t.keywords), list(t.ksic_codes)] for t in targets],
            [[i.name, list(i.keywords)] for i in technology_items],
            [[i.name, list(i.keywords)] for i in field_items],
        ]
    )


def confirmed_digest(confirmed: list[ConfirmedExample]) -> str:
    return digest(
        sorted(
            [
                [e.document.text, e.document.business_fields, e.document.ksic_code, list(e.path)],
                sorted(e.technologies),
                sorted(e.fields),
            ]
            for e in confirmed
        )
    )


def fit_year(
    targets: list[Target], technology_items: list[FacetItem], field_items: list[FacetItem], confirmed
) -> FittedYear:
    bundled = bundled_for(targets, [item.name for item in field_items]).examples
    documents = [e.document for e in bundled] + [e.document for e in confirmed]
    paths = [e.path for e in bundled] + [e.path for e in confirmed]
    categories = None
    if len(set(paths)) >= 2:
        categories = CategoryClassifier(targets, c=LIVE_C, keyword_weight=LIVE_KEYWORD_WEIGHT).fit(
            documents,
            paths,
            groups=[e.source for e in bundled] + [CONFIRMED_SOURCE] * len(confirmed),
            weights=[1.0] * len(bundled) + [CONFIRMED_WEIGHT] * len(confirmed),
        )
    with_field = [e for e in confirmed if e.fields]
    fields = FacetSuggester(field_items).fit(
        [e.document for e in bundled] + [e.document for e in with_field],
        [set(e.fields) for e in bundled] + [set(e.fields) for e in with_field],
        weights=[1.0] * len(bundled) + [CONFIRMED_WEIGHT] * len(with_field),
    )
    technologies = FacetSuggester(technology_items).fit(
        [e.document for e in confirmed], [set(e.technologies) for e in confirmed]
    )
    return FittedYear(categories, technologies, fields, len(bundled), len(confirmed))


def year_model(
    year: int, targets: list[Target], technology_items: list[FacetItem], field_items: list[FacetItem], confirmed
) -> FittedYear:
    """The fitted models for this year's taxonomy and confirmed placements: from memory, the cache, or fitted
    now (and stored in both)."""
    key = "ecosystem:year-model:" + digest(
        [
            MODEL_VERSION,
            year,
            bundled_data_digest(),
            taxonomy_digest(targets, technology_items, field_items),
            confirmed_digest(confirmed),
        ]
    )
    fitted = _memory.get(key)
    if fitted is None:
        fitted = cache.get(key)
    if fitted is None:
        fitted = fit_year(targets, technology_items, field_items, confirmed)
        cache.set(key, fitted, CACHE_SECONDS)
    if len(_memory) >= MEMORY_ENTRIES and key not in _memory:
        _memory.pop(next(iter(_memory)))
    _memory[key] = fitted
    return fitted
