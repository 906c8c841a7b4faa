"""The positioning chart's revenue labels: Korean units (만원, 억원, 조원) and English ones."""

import pytest
from django.utils import translation

from alliance.ecosystem.chart import revenue_label


@pytest.mark.parametrize(
    ("million", "korean", "english"),
    [
        (1, "100만원", "₩1 million"),
        (10, "1,000만원", "₩10 million"),
        (100, "1억원", "₩100 million"),
        (2_350, "23.5억원", "₩2.4 billion"),
        (100_000, "1,000억원", "₩100 billion"),
        (1_200_000, "1.2조원", "₩1.2 trillion"),
    ],
)
def test_revenue_label_in_each_language(million, korean, english):
    with translation.override("ko"):
        in_korean = revenue_label(million)
    with translation.override("en"):
        in_english = revenue_label(million)

    assert (in_korean, in_english) == (korean, english)
