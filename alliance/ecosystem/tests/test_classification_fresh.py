"""The blind fresh evaluation set and the evaluation that scores on it."""

from alliance.ecosystem.classification.dataset import category_counts, load_examples, load_fresh_examples
from alliance.ecosystem.classification.documents import default_targets
from alliance.ecosystem.classification.evaluation import evaluate_fresh


def _normalised(text: str) -> str:
    return " ".join(text.split())


def _three_categories(examples, per_category: int):
    wanted = {"하드웨어", "게임", "의료·헬스케어"}
    picked, seen = [], {}
    for document, path in examples:
        if path[-1] in wanted and seen.get(path[-1], 0) < per_category:
            seen[path[-1]] = seen.get(path[-1], 0) + 1
            picked.append((document, path))
    return picked


def test_fresh_set_has_16_profiles_in_each_of_the_19_categories():
    counts = category_counts(load_fresh_examples())
    names = {target.path[-1] for target in default_targets()}

    assert len(names) == 19
    assert {name for name, count in counts.items() if count >= 16} == names


def test_fresh_set_labels_are_paths_of_the_default_taxonomy():
    paths = {target.path for target in default_targets()}

    assert {path for _, path in load_fresh_examples()} - paths == set()


def test_fresh_set_repeats_no_profile_of_the_labelled_set_or_itself():
    labelled = {_normalised(document.text) for document, _ in load_examples()}
    fresh = [_normalised(document.text) for document, _ in load_fresh_examples()]

    assert [text for text in fresh if text in labelled] == []
    assert len(set(fresh)) == len(fresh)


def test_fresh_evaluation_trains_on_the_labelled_set_and_scores_on_the_fresh_set():
    labelled = _three_categories(load_examples(), 12)
    fresh = _three_categories(load_fresh_examples(), 4)

    result = evaluate_fresh(examples=labelled, fresh=fresh, grid=[(1.0, 2.0)])

    assert (result["train"], result["examples"]) == (36, 12)
    assert result["categories"] == {"하드웨어": 4, "게임": 4, "의료·헬스케어": 4}
    assert result["margin_over_baseline"] == result["macro_f1"] - result["baseline_macro_f1"]
    assert 0.0 < result["macro_f1"] <= 1.0
