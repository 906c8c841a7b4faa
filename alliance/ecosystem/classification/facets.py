"""Multi-label suggestions for the two facets (core technologies, application fields).

A company usually has several of each, so every item is decided on its own. Keyword hits give a
confidence of 1 − 0.5^hits (one hit 0.5, two 0.75, three 0.875). An item with at least
MIN_POSITIVES confirmed examples also gets a one-vs-rest linear model over the same morpheme features;
its probability and the keyword confidence are combined by taking the larger, so a learned item can be
found without its keywords and a keyword is never drowned by a model that saw few examples.
"""

from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from alliance.ecosystem.default_taxonomy import FIELDS, TECHNOLOGIES

from .documents import Document
from .features import document_tokens_many
from .keywords import squeeze

MIN_POSITIVES = 5
THRESHOLD = 0.5


@dataclass(frozen=True)
class FacetItem:
    name: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class FacetSuggestion:
    name: str
    confidence: float


def _identity(tokens):
    return tokens


class FacetSuggester:
    def __init__(self, items: list[FacetItem]):
        self.items = list(items)
        self._keywords = [[squeeze(k) for k in item.keywords if squeeze(k)] for item in self.items]
        self.models: dict[int, LogisticRegression] = {}
        self.vectoriser = None

    def fit(self, documents: list[Document], names: list[set[str]], weights=None) -> "FacetSuggester":
        """Learn the items that have at least MIN_POSITIVES examples (and some counter-examples); `weights`
        (optional) says how much each example counts."""
        self.models = {}
        if not documents:
            return self
        self.vectoriser = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
        matrix = self.vectoriser.fit_transform(document_tokens_many(documents))
        for index, item in enumerate(self.items):
            target = np.array([item.name in chosen for chosen in names], dtype=int)
            if MIN_POSITIVES <= target.sum() < len(target):
                model = LogisticRegression(C=10.0, solver="liblinear")
                self.models[index] = model.fit(matrix, target, sample_weight=weights)
        return self

    def keyword_confidence(self, document: Document) -> np.ndarray:
        haystack = squeeze(document.text) + "|" + squeeze(document.business_fields)
        hits = np.array([sum(1 for k in keywords if k in haystack) for keywords in self._keywords], dtype=float)
        return 1.0 - 0.5**hits

    def suggest(self, documents: list[Document], threshold: float = THRESHOLD) -> list[list[FacetSuggestion]]:
        """Items with confidence ≥ threshold per document, best first (ties in facet order)."""
        if not documents:
            return []
        confidence = np.vstack([self.keyword_confidence(d) for d in documents])
        if self.models:
            matrix = self.vectoriser.transform(document_tokens_many(documents))
            for index, model in self.models.items():
                confidence[:, index] = np.maximum(confidence[:, index], model.predict_proba(matrix)[:, 1])
        results = []
        for row in confidence:
            chosen = [i for i in np.argsort(-row, kind="stable") if row[i] >= threshold]
            results.append([FacetSuggestion(self.items[i].name, float(row[i])) for i in chosen])
        return results


def default_facets() -> tuple[list[FacetItem], list[FacetItem]]:
    """(technologies, fields) of the default taxonomy."""

    def items(rows):
        return [FacetItem(row["name"], tuple(row.get("keywords", []))) for row in rows]

    return items(TECHNOLOGIES), items(FIELDS)
