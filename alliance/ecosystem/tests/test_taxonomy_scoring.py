"""The technology score: capped, weighted components summing to 0–100."""

from hypothesis import given
from hypothesis import strategies as st

from alliance.ecosystem.scoring import technology_score


def test_technology_score_unknown_inputs_is_zero():
    assert technology_score() == 0.0


def test_technology_score_full_marks_at_caps():
    assert technology_score(patents=20, rd_staff_share=50, certifications=5, awards=5) == 100.0


def test_technology_score_caps_each_component():
    assert technology_score(patents=500, rd_staff_share=100, certifications=0, awards=0) == 65.0


def test_technology_score_partial_components_add_up():
    # 35×10/20 + 30×25/50 + 20×1/5 + 15×2/5 = 17.5 + 15 + 4 + 6
    assert technology_score(patents=10, rd_staff_share=25, certifications=1, awards=2) == 42.5


@given(
    patents=st.none() | st.integers(0, 10_000),
    share=st.none() | st.floats(0, 100),
    certifications=st.none() | st.integers(0, 100),
    awards=st.none() | st.integers(0, 100),
    more=st.integers(1, 50),
)
def test_technology_score_bounded_and_monotone_in_patents(patents, share, certifications, awards, more):
    score = technology_score(patents=patents, rd_staff_share=share, certifications=certifications, awards=awards)
    higher = technology_score(
        patents=(patents or 0) + more, rd_staff_share=share, certifications=certifications, awards=awards
    )
    assert 0 <= score <= higher <= 100
