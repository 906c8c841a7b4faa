"""Benchmark: macro-F1 of the suggested classification on a held-out split, classifier vs keyword rules.

The labelled set (alliance/ecosystem/classification/data/descriptions.jsonl: fictional Korean company
profiles over the default taxonomy's categories) is split once, stratified, with a fixed seed; the
classifier's settings are chosen by cross-validation on the training part; the classifier and the
keyword-rule baseline are then scored on the same test part. Pure computation: SQLite only.

    python bench/run.py --only classifier
"""

TITLE = "suggested classification (macro-F1, held-out)"
DATABASES = ("sqlite",)
CHECKS = {"macro_f1": (">=", 0.8, ""), "margin_over_baseline": (">", 0, "")}


def run() -> dict:
    from alliance.ecosystem.classification.evaluation import evaluate

    result = evaluate()
    return {
        "macro_f1": result["macro_f1"],
        "baseline_macro_f1": result["baseline_macro_f1"],
        "margin_over_baseline": result["margin_over_baseline"],
        "cv_macro_f1": result["cv_macro_f1"],
        "examples": result["examples"],
        "test_examples": result["test"],
        "categories": len(result["categories"]),
    }
