"""The blind evaluation set, the training files it must not repeat, and the evaluation that scores on it."""

from alliance.ecosystem.classification.dataset import blind_rows, training_rows
from alliance.ecosystem.classification.documents import default_targets
from alliance.ecosystem.classification.evaluation import evaluate_blind
from alliance.ecosystem.default_taxonomy import FIELDS


def _normalised(text: str) -> str:
    return " ".join(text.split())


def test_blind_set_covers_every_category_both_roles_and_names_fields_of_the_facet():
    rows = blind_rows()
    paths = {target.path for target in default_targets()}
    field_names = {field["name"] for field in FIELDS}

    assert {row.path for row in rows} == paths
    assert {row.role for row in rows} == {"maker", "user"}
    assert set().union(*(row.fields for row in rows)) <= field_names
    assert all(row.path[0] == "핵심산업 영역" for row in rows if row.role == "maker")
    assert all(row.path[0] != "핵심산업 영역" for row in rows if row.role == "user")


def test_blind_set_repeats_no_training_profile_or_itself():
    training = {_normalised(row.document.text) for row in training_rows()}
    blind = [_normalised(row.document.text) for row in blind_rows()]

    assert [text for text in blind if text in training] == []
    assert len(set(blind)) == len(blind)


def test_blind_evaluation_reports_f1_baseline_calibration_and_field():
    wanted = {"하드웨어", "게임", "광고·마케팅"}
    training = [row for row in training_rows() if row.path[-1] in wanted][:60]
    blind = [row for row in blind_rows() if row.path[-1] in wanted]

    result = evaluate_blind(training=training, blind=blind)

    assert (result["train"], result["examples"]) == (60, len(blind))
    assert 0.0 <= result["ece"] <= 1.0
    assert sum(row["count"] for row in result["reliability"]) == len(blind)
    assert 0.0 <= result["baseline_macro_f1"] <= 1.0
    assert 0.0 <= result["field_accuracy"] <= 1.0
