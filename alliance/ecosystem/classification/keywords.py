"""The keyword-rule classifier: the baseline of the evaluation and the fallback before any placement is
confirmed. A category scores one point per keyword of its own found in the text or business fields
(spaces ignored, so "디지털 트윈" meets "디지털트윈"), and two for a KSIC code it lists."""

import re

import numpy as np

from .documents import Document, Suggestion, Target

KSIC_WEIGHT = 2.0
_SPACES = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Lower-cased, without whitespace: the form keywords are matched in."""
    return _SPACES.sub("", (text or "").lower())


class KeywordRules:
    def __init__(self, targets: list[Target]):
        self.targets = list(targets)
        self._keywords = [[squeeze(k) for k in t.keywords if squeeze(k)] for t in self.targets]

    def scores(self, document: Document) -> np.ndarray:
        haystack = squeeze(document.text) + "|" + squeeze(document.business_fields)
        code = (document.ksic_code or "").strip()
        return np.array(
            [
                sum(1 for keyword in keywords if keyword in haystack)
                + (KSIC_WEIGHT if code and code in target.ksic_codes else 0.0)
                for target, keywords in zip(self.targets, self._keywords, strict=True)
            ],
            dtype=float,
        )

    def score_matrix(self, documents: list[Document]) -> np.ndarray:
        if not documents:
            return np.zeros((0, len(self.targets)))
        return np.vstack([self.scores(document) for document in documents])

    def suggest(self, documents: list[Document], k: int = 3) -> list[list[Suggestion]]:
        """Up to k categories per document with a hit, best first; confidence is the share of the hits
        (ties keep taxonomy order). A document without any hit gets no suggestion."""
        results = []
        for row in self.score_matrix(documents):
            total = row.sum()
            order = sorted(np.flatnonzero(row), key=lambda i: (-row[i], i))[:k]
            results.append([Suggestion(self.targets[i].path, float(row[i] / total)) for i in order])
        return results

    def predict(self, documents: list[Document]) -> list[tuple[str, ...] | None]:
        return [s[0].path if s else None for s in self.suggest(documents, k=1)]
