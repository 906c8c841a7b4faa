"""The trained category classifier: a linear support-vector machine over FeatureBuilder's features.

Confidence is the softmax of the one-vs-rest margins times a scale fitted on out-of-fold margins of the
training examples (calibration.py: folds by source when the examples say where they come from, else
stratified), so a confidence of 0.8 means about four in five. Scaling never changes the ranking, only how
sure the numbers say the model is. (A logistic regression
ranked within noise of the SVM in cross-validation on the labelled set and trained several times slower.)
"""

import numpy as np
from sklearn.model_selection import LeaveOneGroupOut, StratifiedKFold
from sklearn.svm import LinearSVC

from .calibration import fit_scale, softmax
from .documents import Document, Suggestion, Target
from .features import DEFAULT_ROLE_WEIGHT, FeatureBuilder
from .keywords import KeywordRules

DEFAULT_C = 1.0
DEFAULT_KEYWORD_WEIGHT = 2.0
DEFAULT_SCALE = 4.0
CALIBRATION_FOLDS = 3
MAX_ITERATIONS = 5_000


class CategoryClassifier:
    def __init__(
        self,
        targets: list[Target],
        *,
        c: float = DEFAULT_C,
        keyword_weight: float = DEFAULT_KEYWORD_WEIGHT,
        calibrate: bool = True,
        role_weight: float = DEFAULT_ROLE_WEIGHT,
    ):
        self.targets = list(targets)
        self.c = c
        self.keyword_weight = keyword_weight
        self.role_weight = role_weight
        self.calibrate = calibrate
        self.scale = DEFAULT_SCALE

    def _train(self, documents, y, weights=None):
        features = FeatureBuilder(
            KeywordRules(self.targets), keyword_weight=self.keyword_weight, role_weight=self.role_weight
        )
        # Weighted confirmed placements (year_model) need more passes than liblinear's default 1,000 to converge.
        model = LinearSVC(C=self.c, max_iter=MAX_ITERATIONS).fit(
            features.fit_transform(documents), y, sample_weight=weights
        )
        return features, model

    @staticmethod
    def _margins(features, model, documents, width: int) -> np.ndarray:
        """Margins over all `width` labels; a label the model never saw gets −∞ (probability 0)."""
        raw = model.decision_function(features.transform(documents))
        if raw.ndim == 1:  # two labels: one margin, positive for the second
            raw = np.column_stack([-raw, raw])
        full = np.full((len(documents), width), -np.inf)
        full[:, model.classes_] = raw
        return full

    def fit(
        self, documents: list[Document], paths: list[tuple[str, ...]], groups=None, weights=None
    ) -> "CategoryClassifier":
        """`groups` (optional): where each example comes from; calibration then holds out one source at a time.
        `weights` (optional): how much each example counts (a year's confirmed placements above the bundled
        examples); the calibration folds keep them."""
        if len(set(paths)) < 2:
            raise ValueError("the classifier needs examples of at least two categories")
        self.labels = sorted(set(paths))
        index = {path: i for i, path in enumerate(self.labels)}
        y = np.array([index[path] for path in paths])
        weights = None if weights is None else np.asarray(weights, dtype=float)
        self.features, self.model = self._train(documents, y, weights)
        if self.calibrate:
            self.scale = self._fit_scale(documents, y, groups, weights)
        return self

    def _splits(self, y, groups):
        if groups is not None and len(set(groups)) >= 2:
            return list(LeaveOneGroupOut().split(np.zeros(len(y)), y, groups))
        folds = min(CALIBRATION_FOLDS, int(np.bincount(y).min()))
        if folds < 2:
            return []
        return list(StratifiedKFold(n_splits=folds, shuffle=True, random_state=0).split(np.zeros(len(y)), y))

    def out_of_fold_margins(self, documents, y, groups=None, weights=None) -> tuple[np.ndarray, np.ndarray]:
        """Margins of each example from a model that did not see it, and which examples got one."""
        margins = np.zeros((len(y), len(self.labels)))
        scored = np.zeros(len(y), dtype=bool)
        for train, test in self._splits(y, groups):
            if len(set(y[train])) < 2:
                continue
            fold_weights = None if weights is None else weights[train]
            features, model = self._train([documents[i] for i in train], y[train], fold_weights)
            margins[test] = self._margins(features, model, [documents[i] for i in test], len(self.labels))
            scored[test] = True
        return margins, scored

    def _fit_scale(self, documents, y, groups=None, weights=None) -> float:
        margins, scored = self.out_of_fold_margins(documents, y, groups, weights)
        if not scored.any():
            return DEFAULT_SCALE
        return fit_scale(margins[scored], y[scored])

    def probabilities(self, documents: list[Document]) -> np.ndarray:
        """Rows of confidences over self.labels (each row sums to one)."""
        if not documents:
            return np.zeros((0, len(self.labels)))
        return softmax(self._margins(self.features, self.model, documents, len(self.labels)), self.scale)

    def suggest(self, documents: list[Document], k: int = 3) -> list[list[Suggestion]]:
        results = []
        for row in self.probabilities(documents):
            order = np.argsort(-row, kind="stable")[:k]
            results.append([Suggestion(self.labels[i], float(row[i])) for i in order])
        return results

    def predict(self, documents: list[Document]) -> list[tuple[str, ...]]:
        return [suggestions[0].path for suggestions in self.suggest(documents, k=1)]
