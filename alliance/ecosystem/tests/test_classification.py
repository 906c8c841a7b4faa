"""The classifier pipeline on a small set: morphemes, keyword rules, the trained model, facets, evaluation."""

import numpy as np
import pytest

from alliance.ecosystem.classification.calibration import MAX_SCALE, MIN_SCALE
from alliance.ecosystem.classification.dataset import category_counts, training_rows
from alliance.ecosystem.classification.documents import Document, Target, default_targets
from alliance.ecosystem.classification.evaluation import evaluate, macro_f1
from alliance.ecosystem.classification.facets import FacetItem, FacetSuggester
from alliance.ecosystem.classification.keywords import KeywordRules
from alliance.ecosystem.classification.model import DEFAULT_SCALE, CategoryClassifier
from alliance.ecosystem.classification.tokenizer import morphemes

HARDWARE = ("핵심", "기반", "하드웨어")
GAME = ("핵심", "콘텐츠", "게임")
HEALTH = ("전방", "사회", "의료")
TARGETS = [
    Target(HARDWARE, ("헤드셋", "렌즈"), ("26519",)),
    Target(GAME, ("게임",)),
    Target(HEALTH, ("재활", "병원")),
]


def small_set():
    """Three categories from the labelled training files, 12 profiles each."""
    wanted = {"하드웨어", "게임", "광고·마케팅"}
    picked, seen = [], {}
    for document, path in ((row.document, row.path) for row in training_rows()):
        if path[-1] in wanted and seen.get(path[-1], 0) < 12:
            seen[path[-1]] = seen.get(path[-1], 0) + 1
            picked.append((document, path))
    return picked


def test_morphemes_keep_content_words_and_join_adjacent_nouns():
    assert morphemes("경량 AR 글라스를 생산합니다.") == ["경량", "ar", "글라스", "경량ar글라스", "생산"]


def test_keyword_rules_rank_by_hits_and_count_the_ksic_code():
    rules = KeywordRules(TARGETS)

    [suggestions] = rules.suggest([Document("병원에 재활 게임을 공급합니다.", ksic_code="")])
    [by_code] = rules.suggest([Document("게임", ksic_code="26519")])

    assert [(s.path, round(s.confidence, 2)) for s in suggestions] == [(HEALTH, 0.67), (GAME, 0.33)]
    assert [(s.path, round(s.confidence, 2)) for s in by_code] == [(HARDWARE, 0.67), (GAME, 0.33)]


def test_keyword_rules_without_a_hit_suggest_nothing():
    assert KeywordRules(TARGETS).suggest([Document("회계 법인입니다.")]) == [[]]


def test_classifier_learns_categories_from_examples_without_their_keywords():
    examples = small_set()
    classifier = CategoryClassifier(default_targets()).fit([d for d, _ in examples], [p for _, p in examples])

    [suggestions] = classifier.suggest([Document("음료 회사의 신제품 홍보 행사를 맡은 대행사입니다.")], k=3)

    assert suggestions[0].path[-1] == "광고·마케팅"
    assert len(suggestions) == 3
    assert suggestions[0].confidence > suggestions[1].confidence


def test_classifier_confidences_sum_to_one_and_follow_the_fitted_scale():
    examples = small_set()
    documents, paths = [d for d, _ in examples], [p for _, p in examples]
    calibrated = CategoryClassifier(default_targets()).fit(documents, paths)
    fixed = CategoryClassifier(default_targets(), calibrate=False).fit(documents, paths)
    text = [Document("게임 속 재활 훈련 콘텐츠")]

    rows = calibrated.probabilities(text)

    assert np.allclose(rows.sum(axis=1), 1.0)
    assert MIN_SCALE <= calibrated.scale <= MAX_SCALE
    assert fixed.scale == DEFAULT_SCALE
    assert [s.path for s in calibrated.suggest(text, k=3)[0]] == [s.path for s in fixed.suggest(text, k=3)[0]]


def test_classifier_needs_two_categories():
    document = Document("게임 회사")

    with pytest.raises(ValueError, match=r"^the classifier needs examples of at least two categories$"):
        CategoryClassifier(TARGETS).fit([document, document], [GAME, GAME])


def test_facets_combine_keywords_and_learned_items():
    items = [FacetItem("디지털 트윈", ("디지털 트윈",)), FacetItem("교육·훈련", ("교육",))]
    documents = [Document(f"학생 대상 가상 실험 수업 {i}") for i in range(6)] + [
        Document(f"공장 설비 모니터링 {i}") for i in range(6)
    ]
    names = [{"교육·훈련"}] * 6 + [set()] * 6
    suggester = FacetSuggester(items).fit(documents, names)

    [keyword_only] = FacetSuggester(items).suggest([Document("디지털트윈과 디지털 트윈 교육")])
    [learned] = suggester.suggest([Document("학생 대상 가상 실험 수업")])

    assert [(s.name, s.confidence) for s in keyword_only] == [("디지털 트윈", 0.5), ("교육·훈련", 0.5)]
    assert [s.name for s in learned] == ["교육·훈련"]


def test_macro_f1_counts_no_suggestion_as_wrong():
    assert macro_f1([GAME, HEALTH], [GAME, None]) == 0.5


def test_training_files_cover_every_category_and_both_roles():
    rows = training_rows()
    counts = category_counts([(row.document, row.path) for row in rows])

    assert sum(counts.values()) >= 1000
    assert set(counts) == {t.path[-1] for t in default_targets()}
    assert min(counts.values()) >= 7
    assert {row.role for row in rows} == {"maker", "user"}


def test_evaluation_reports_classifier_and_baseline_on_the_same_split():
    result = evaluate(examples=small_set(), grid=[(1.0, 2.0)])

    assert (result["examples"], result["train"], result["test"]) == (36, 27, 9)
    assert result["margin_over_baseline"] == result["macro_f1"] - result["baseline_macro_f1"]
    assert 0.0 < result["baseline_macro_f1"] <= 1.0
    assert 0.0 < result["macro_f1"] <= 1.0
