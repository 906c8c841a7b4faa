"""Benchmark: the suggested classification on a blind set written by someone else's voice.

Gating figures (blind_*): the classifier is trained on every labelled training file
(alliance/ecosystem/classification/data/: descriptions, fresh_descriptions, role_descriptions; labels by
role in seed 003's value chain, see dataset.py), its regularisation chosen by cross-validation on them and
its confidence scale by holding out one file at a time; then it and the keyword-rule baseline are scored
once on data/blind_descriptions.jsonl (108 profiles in a third-person analyst/press voice, 69 makers —
most of them for a field — and 39 businesses of a field, committed before any model change; nothing is
tuned on it).

Figures: category macro-F1 beside the keyword baseline; layer macro-F1; the share of makers placed in the
core area and of field businesses in the forward-linked area; expected calibration error (10 bins) of
the first suggestion's confidence with its reliability table; the field facet's first suggestion.
Live figures (live_*): the models the platform itself fits for a fresh year (classification.year_model, the
default taxonomy, nothing confirmed; what the suggestions page and suggest_placement use), scored on the
same blind set. Pure computation: SQLite only.

    python bench/run.py --only classifier
"""

TITLE = "suggested classification (blind set, role in the value chain)"
DATABASES = ("sqlite",)
CHECKS = {
    "blind_macro_f1": (">=", 0.8, ""),
    "blind_margin_over_baseline": (">", 0, ""),
    "blind_ece": ("<=", 0.1, ""),
    "live_macro_f1": (">=", 0.8, ""),
    "live_ece": ("<=", 0.1, ""),
}


def run() -> dict:
    from alliance.ecosystem.classification.evaluation import evaluate_blind, evaluate_live

    blind = evaluate_blind()
    live = evaluate_live()
    figures = {
        "blind_macro_f1": blind["macro_f1"],
        "blind_baseline_macro_f1": blind["baseline_macro_f1"],
        "blind_margin_over_baseline": blind["macro_f1"] - blind["baseline_macro_f1"],
        "blind_layer_macro_f1": blind["layer_macro_f1"],
        "blind_maker_area_accuracy": blind["maker_area_accuracy"],
        "blind_user_area_accuracy": blind["user_area_accuracy"],
        "blind_ece": blind["ece"],
        "blind_mean_confidence": blind["mean_confidence"],
        "blind_field_accuracy": blind["field_accuracy"],
        "blind_examples": blind["examples"],
        "training_examples": blind["train"],
        "cv_macro_f1": blind["cv_macro_f1"],
        "c": blind["c"],
        "scale": round(blind["scale"], 3),
        "live_macro_f1": live["macro_f1"],
        "live_ece": live["ece"],
        "live_maker_area_accuracy": live["maker_area_accuracy"],
        "live_field_accuracy": live["field_accuracy"],
        "live_scale": round(live["scale"], 3),
        "live_bundled_examples": live["bundled"],
    }
    for row in blind["reliability"]:
        figures[f"reliability_{row['bin']}"] = (
            f"n={row['count']} confidence={row['confidence']:.2f} right={row['accuracy']:.2f}"
        )
    return figures
