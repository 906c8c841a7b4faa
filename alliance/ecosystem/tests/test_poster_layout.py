"""The A3 poster's layout: rows, widths proportional to the text, one font size that fits one page."""

import random
import re

from django.template.loader import render_to_string

from alliance.ecosystem.exports.poster import poster_pdf
from alliance.ecosystem.exports.poster_layout import (
    MAX_FONT_PT,
    MIN_FONT_PT,
    PRINTABLE_HEIGHT_MM,
    layout_poster,
    poster_box,
    row_shares,
    split_rows,
    unbreakable,
)
from alliance.ecosystem.landscape.grid import Box, DomainGroup, Landscape, LayerGroup, Tile
from alliance.ecosystem.tests.test_exports import _pdf_objects

SYLLABLES = "가나다라마바사아자차카타파하메타버스디지털가상현실트윈스튜디오랩소프트테크미디어"


def _tile(pk: int, name: str, band: int = 1) -> Tile:
    return Tile(pk=pk, name=name, name_key=name, band=band, tokens=())


def _landscape(players: int, *, domains: int = 3, layers: int = 3, boxes: int = 5, seed: int = 1) -> Landscape:
    """A map of `players` invented names spread over domains × layers × boxes categories (no database)."""
    rng = random.Random(seed)
    count = domains * layers * boxes
    groups, pk = [], 0
    for domain in range(domains):
        layer_groups = []
        for layer in range(layers):
            layer_boxes = []
            for _box in range(boxes):
                pk += 1
                tiles = [
                    _tile(pk * 100_000 + index, "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 8))))
                    for index in range(players // count)
                ]
                layer_boxes.append(Box(pk=pk, name=f"분류 {pk}", path=[], tiles=tiles))
            layer_groups.append(LayerGroup(name=f"부문 {domain}-{layer}", boxes=layer_boxes))
        groups.append(DomainGroup(name=f"영역 {domain}", layers=layer_groups))
    return Landscape(year=2026, domains=groups, technologies=[], fields=[])


def _page_count(content: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", _pdf_objects(content)))


def test_split_rows_keeps_order_and_evens_the_rows():
    assert split_rows(list(range(13)), limit=6) == [[0, 1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]


def test_split_rows_of_nothing_is_no_row():
    assert split_rows([]) == []


def test_row_shares_follow_the_text_with_a_floor():
    shares = row_shares([100.0, 1.0, 1.0], minimum=0.08)

    assert [round(share, 6) for share in shares] == [0.84, 0.08, 0.08]


def test_row_shares_of_empty_boxes_are_equal():
    assert row_shares([0.0, 0.0]) == [0.5, 0.5]


def test_unbreakable_name_joins_its_characters():
    assert unbreakable("주식회사 젠") == "주\u2060식\u2060회\u2060사\u2060\u00a0\u2060젠"


def test_poster_box_escapes_names_and_marks_large_revenue():
    box = Box(pk=7, name="하드웨어", path=[], tiles=[_tile(1, "렌<b>", band=3), _tile(2, "젠", band=1)])

    result = poster_box(box)

    assert (result.heading, str(result.names)) == (
        "하드웨어 (2)",
        '<span class="k">렌\u2060&lt;\u2060b\u2060&gt;</span>\u00a0· 젠',
    )


def test_layout_of_a_small_map_uses_the_largest_font():
    layout = layout_poster(_landscape(90))

    assert layout.font_pt == MAX_FONT_PT


def test_layout_widths_of_a_row_stay_within_the_layer():
    layout = layout_poster(_landscape(2_000, boxes=6))

    rows = [row for _domain, layers in layout.sections for _layer, rows in layers for row in rows]
    assert [len(row) for row in rows] == [6] * 9
    assert all(sum(box.width for box in row) <= 100 - 0.6 * len(row) for row in rows)


def test_layout_of_a_demo_sized_map_fits_the_page_by_estimate():
    layout = layout_poster(_landscape(1_350))

    assert MIN_FONT_PT < layout.font_pt < MAX_FONT_PT
    assert layout.estimated_height_mm <= PRINTABLE_HEIGHT_MM


def test_poster_of_a_demo_sized_map_is_one_page():
    assert _page_count(poster_pdf(_landscape(1_350))) == 1


def test_poster_of_a_map_too_large_for_one_page_continues_at_the_smallest_size():
    landscape = _landscape(4_500)

    assert layout_poster(landscape).font_pt == MIN_FONT_PT
    assert _page_count(poster_pdf(landscape)) == 2


def test_poster_box_ids_match_their_width_rules_past_999():
    landscape = _landscape(30, domains=1, layers=1, boxes=1)
    landscape.domains[0].layers[0].boxes[0].pk = 1_234
    layout = layout_poster(landscape)

    html = render_to_string("ecosystem/exports/poster.html", {"landscape": landscape, "layout": layout, "year": "2026"})

    assert ('id="box-1234"' in html, layout.css().splitlines()[1]) == (True, "#box-1234 { width: 99.40%; }")
