"""Property of the map's filters: an option's count is exactly what choosing it would show."""

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance.core.regions import SIDO
from alliance.ecosystem.landscape.filters import apply_filters
from alliance.ecosystem.landscape.grid import (
    FILTER_NAMES,
    Box,
    DomainGroup,
    Landscape,
    LayerGroup,
    Tile,
    revenue_band,
    tile_tokens,
)
from alliance.members.models import MemberCategory

TECHNOLOGIES = [(1, "디지털트윈"), (2, "실시간 렌더링"), (3, "XR 디바이스")]
FIELDS = [(1, "교육·훈련"), (2, "제조·건설")]


@st.composite
def tiles(draw, pk):
    member = draw(st.booleans())
    tile = Tile(
        pk=pk,
        name=f"기업{pk}",
        name_key=f"기업{pk}",
        band=revenue_band(draw(st.one_of(st.none(), st.integers(0, 200_000)))),
        tokens=(),
        region=draw(st.sampled_from([sido.short for sido in SIDO[:4]] + [""])),
        is_member=member,
    )
    category = draw(st.sampled_from([c.value for c in MemberCategory])) if member else None
    technologies = draw(st.sets(st.sampled_from([pk for pk, _name in TECHNOLOGIES]), max_size=2))
    fields = draw(st.sets(st.sampled_from([pk for pk, _name in FIELDS]), max_size=2))
    tile.tokens = tile_tokens(tile, category, sorted(technologies), sorted(fields))
    return tile


@st.composite
def landscapes(draw):
    count = draw(st.integers(0, 25))
    all_tiles = [draw(tiles(pk)) for pk in range(1, count + 1)]
    boxes = [Box(pk=1, name="하드웨어", path=["영역", "부문", "하드웨어"], tiles=all_tiles[::2]),
             Box(pk=2, name="소프트웨어", path=["영역", "부문", "소프트웨어"], tiles=all_tiles[1::2])]  # fmt: skip
    layer = LayerGroup("부문", boxes)
    return Landscape(year=2026, domains=[DomainGroup("영역", [layer])], technologies=TECHNOLOGIES, fields=FIELDS)


@settings(max_examples=60, deadline=None)
@given(landscape=landscapes(), data=st.data())
def test_option_count_equals_tiles_shown_when_chosen(landscape, data):
    options = {facet.name: facet.options for facet in apply_filters(landscape, {}).facets}
    chosen = {
        name: data.draw(st.sampled_from(["", *[option.value for option in options[name]]]), label=name)
        for name in FILTER_NAMES
    }

    filtered = apply_filters(landscape, chosen)

    for facet in filtered.facets:
        for option in facet.options:
            shown = apply_filters(landscape, {**chosen, facet.name: option.value}).count
            assert option.count == shown, (facet.name, option.value)
    assert filtered.count == sum(filtered.box_counts.values())
