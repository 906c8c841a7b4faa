"""Makers for a field go to the core area, businesses of the field to its forward-linked area; calibrated
confidences are probabilities that keep the ranking."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from alliance.ecosystem.classification.calibration import (
    confidence_level,
    expected_calibration_error,
    fit_scale,
    softmax,
)
from alliance.ecosystem.classification.dataset import training_rows
from alliance.ecosystem.classification.documents import Document, default_targets
from alliance.ecosystem.classification.model import CategoryClassifier
from alliance.ecosystem.classification.roles import role_tokens

# Fixed regression cases (not the evaluation set): (profile, area it belongs in).
MAKERS_FOR_A_FIELD = [
    "간호 실습용 VR 시뮬레이션 소프트웨어를 개발해 대학병원과 간호대학에 공급합니다.",
    "관광지 AR 해설 앱을 만들어 지자체 관광과에 판매하는 개발사.",
    "직업훈련기관에 지게차 가상 훈련 장비를 제조·납품하는 회사입니다.",
]
FIELD_BUSINESSES = [
    "재활 전문병원입니다. 환자 치료에 VR 재활 기기를 도입해 쓰고 있습니다.",
    "해외 패키지 여행을 파는 여행사로, 상담 때 VR로 숙소를 보여 줍니다.",
]
margins = arrays(np.float64, st.tuples(st.integers(1, 6), st.integers(2, 5)), elements=st.floats(-20, 20))


@pytest.fixture(scope="module")
def trained():
    rows = training_rows()
    return CategoryClassifier(default_targets(), calibrate=False).fit(
        [row.document for row in rows], [row.path for row in rows]
    )


def test_makers_for_a_field_are_placed_in_the_core_area(trained):
    predicted = trained.predict([Document(text) for text in MAKERS_FOR_A_FIELD])

    assert [path[0] for path in predicted] == ["핵심산업 영역"] * len(MAKERS_FOR_A_FIELD)


def test_businesses_of_the_field_are_placed_in_its_forward_linked_area(trained):
    predicted = trained.predict([Document(text) for text in FIELD_BUSINESSES])

    assert [path[-1] for path in predicted] == ["의료·헬스케어", "관광·문화유산"]


def test_role_tokens_tell_selling_to_a_field_from_being_one():
    assert "role:to_field" in role_tokens("VR 재활 솔루션을 병원에 공급합니다.")
    assert "role:is_field" in role_tokens("척추 전문병원이다.")
    assert "role:to_field" not in role_tokens("척추 전문병원이다.")


@given(margins, st.floats(0.05, 50))
@settings(max_examples=60, deadline=None)
def test_softmax_gives_probabilities_and_keeps_the_ranking(values, scale):
    probabilities = softmax(values, scale)

    assert np.all((probabilities >= 0) & (probabilities <= 1))
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    assert np.array_equal(np.argmax(probabilities, axis=1), np.argmax(values * scale, axis=1)) or np.any(
        np.isclose(np.sort(values, axis=1)[:, -1], np.sort(values, axis=1)[:, -2])
    )


@given(st.lists(st.floats(-10, 10), min_size=3, max_size=3), st.floats(0.05, 50), st.floats(0.01, 5))
@settings(max_examples=60, deadline=None)
def test_confidence_is_monotone_in_its_own_margin(row, scale, raise_by):
    before = softmax(np.array([row]), scale)[0, 0]
    after = softmax(np.array([[row[0] + raise_by, row[1], row[2]]]), scale)[0, 0]

    assert after >= before


@given(st.lists(st.tuples(st.floats(0, 1), st.booleans()), min_size=1, max_size=50))
@settings(max_examples=60, deadline=None)
def test_expected_calibration_error_is_between_zero_and_one(pairs):
    confidences = [c for c, _ in pairs]
    correct = [r for _, r in pairs]

    assert 0.0 <= expected_calibration_error(confidences, correct) <= 1.0


def test_fitted_scale_softens_margins_that_were_overconfident():
    rng = np.random.default_rng(0)
    y = rng.integers(0, 3, 300)
    values = rng.normal(0, 1, (300, 3))
    values[np.arange(300), y] += 1.0  # right only somewhat more often than chance

    assert fit_scale(values, y) < fit_scale(values * 0.1, y)
    assert [confidence_level(c) for c in (0.95, 0.8, 0.6, 0.5, 0.2)] == ["high", "high", "medium", "medium", "low"]
