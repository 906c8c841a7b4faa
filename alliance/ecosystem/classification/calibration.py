"""Confidences that mean what they say: of suggestions shown at about 0.9, about nine in ten are right.

A linear SVM's margins are not probabilities. They become one by temperature scaling: softmax(margins ×
scale), with the single scale chosen to minimise the log-loss of *out-of-fold* margins (each example scored
by a model that did not see it). One number is fitted, so it cannot overfit the way per-class or isotonic
maps do on a few hundred examples, and it never changes the ranking. When the examples come from several
sources (the labelled sets were written separately, in different voices), the folds are the sources: each
source is scored by a model trained on the others, which is what meeting a new author looks like, and
pulls the confidence down to what holds on text written by someone else.

`expected_calibration_error` and `reliability_table` measure it (10 equal-width bins of confidence).
"""

import numpy as np
from scipy.optimize import minimize_scalar

MIN_SCALE, MAX_SCALE = 0.05, 50.0
BINS = 10


def softmax(margins: np.ndarray, scale: float) -> np.ndarray:
    """Rows of probabilities from margins (−∞ → 0); monotone in each margin, each row sums to one."""
    scaled = np.asarray(margins, dtype=float) * scale
    finite_max = np.where(np.isfinite(scaled), scaled, -np.inf).max(axis=1, keepdims=True)
    shifted = np.exp(np.where(np.isfinite(scaled), scaled - finite_max, -np.inf))
    return shifted / shifted.sum(axis=1, keepdims=True)


def negative_log_likelihood(margins: np.ndarray, y: np.ndarray, scale: float) -> float:
    probabilities = softmax(margins, scale)[np.arange(len(y)), y]
    return float(-np.log(np.clip(probabilities, 1e-12, 1.0)).mean())


def fit_scale(margins: np.ndarray, y: np.ndarray) -> float:
    """The temperature (as a multiplier) with the lowest log-loss of the given out-of-fold margins."""
    result = minimize_scalar(
        lambda log_scale: negative_log_likelihood(margins, y, float(np.exp(log_scale))),
        bounds=(np.log(MIN_SCALE), np.log(MAX_SCALE)),
        method="bounded",
    )
    return float(np.exp(result.x))


def _bins(confidences: np.ndarray, bins: int) -> np.ndarray:
    return np.minimum((np.asarray(confidences) * bins).astype(int), bins - 1)


def reliability_table(confidences, correct, bins: int = BINS) -> list[dict]:
    """Per bin of confidence: its range, how many suggestions, their mean confidence, the share right."""
    confidences, correct = np.asarray(confidences, dtype=float), np.asarray(correct, dtype=float)
    which = _bins(confidences, bins)
    rows = []
    for index in range(bins):
        chosen = which == index
        if chosen.any():
            rows.append(
                {
                    "bin": f"{index / bins:.1f}–{(index + 1) / bins:.1f}",
                    "count": int(chosen.sum()),
                    "confidence": float(confidences[chosen].mean()),
                    "accuracy": float(correct[chosen].mean()),
                }
            )
    return rows


def expected_calibration_error(confidences, correct, bins: int = BINS) -> float:
    """Σ over bins of (share of suggestions in the bin) × |mean confidence − share right| (ECE, 10 bins)."""
    total = len(confidences)
    if not total:
        return 0.0
    return float(
        sum(
            row["count"] / total * abs(row["confidence"] - row["accuracy"])
            for row in reliability_table(confidences, correct, bins)
        )
    )


HIGH, MEDIUM = 0.8, 0.5


def confidence_level(confidence: float) -> str:
    """ "high" (≥ 0.8), "medium" (≥ 0.5) or "low": how the suggestions page and the command word it."""
    if confidence >= HIGH:
        return "high"
    return "medium" if confidence >= MEDIUM else "low"
