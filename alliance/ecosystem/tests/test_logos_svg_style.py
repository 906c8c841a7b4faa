"""References made from a <style> sheet are bounded like those in attributes: a mask bomb whose masks are
named by class rules (`.c3{mask:url(#m2)}`) was accepted before (the sheet's `url(#id)` was not followed),
as were nested and self-referencing masks; rules that fetch (`@import`, `url(http…)`) drop the sheet."""

import pytest
from django.utils.translation import gettext

from alliance.ecosystem.logo_sanitiser import LogoError, sanitise_svg
from alliance.ecosystem.svg_references import SVG_MAX_RENDERED
from alliance.ecosystem.tests.test_logos_svg import _svg

TOO_MANY = "Following its references (<use>, url(#…)), the SVG file draws more than %(limit)s elements."
TOO_DEEP = "The SVG file nests references (<use>, url(#…)) %(depth)s deep; at most %(limit)s are allowed."
ITSELF = "The SVG file refers to an element that contains the reference itself."


def _mask_bomb(selector: str, *, levels: int = 5, fan_out: int = 10, wrap: str = "{}") -> bytes:
    """Mask `m0` holds `fan_out` rects; mask `m<k>` holds `fan_out` rects of class `c<k>`, which the sheet
    masks with `m<k-1>`: fan_out ** (levels + 1) rects drawn, every reference made by the sheet."""
    masks = ['<mask id="m0">' + '<rect width="1" height="1"/>' * fan_out + "</mask>"]
    rules = []
    for level in range(1, levels + 1):
        masks.append(f'<mask id="m{level}">' + f'<rect class="c{level}" width="1" height="1"/>' * fan_out + "</mask>")
        rules.append(selector.format(level=level) + f"{{mask:url(#m{level - 1})}}")
    sheet = wrap.format(" ".join(rules))
    return _svg(
        f"<style>{sheet}</style><defs>{''.join(masks)}</defs><rect class='c{levels + 1}' width='5' height='5'/>"
        f"<style>.c{levels + 1}{{mask:url(#m{levels})}}</style>"
    )


@pytest.mark.parametrize(
    ("selector", "wrap"),
    [
        (".c{level}", "{}"),
        ("rect.c{level}", "{}"),
        ("mask > .c{level}:not(.x)", "{}"),
        ("svg .c{level}[width]", "{}"),
        (".c{level}", "@media screen {{ {} }}"),
        ("#nothing, .c{level}", "{}"),
    ],
)
def test_a_mask_bomb_made_by_style_rules_is_refused(selector, wrap):
    bomb = _mask_bomb(selector, wrap=wrap)  # 10^6 rects from under 3 KB
    assert len(bomb) < 3000

    with pytest.raises(LogoError) as refused:
        sanitise_svg(bomb)

    assert str(refused.value) == gettext(TOO_MANY) % {"limit": f"{SVG_MAX_RENDERED:,}"}


def test_style_references_nested_too_deep_are_refused():
    with pytest.raises(LogoError) as refused:
        sanitise_svg(_mask_bomb(".c{level}", levels=9, fan_out=1))

    assert str(refused.value) == gettext(TOO_DEEP) % {"depth": 10, "limit": 8}


@pytest.mark.parametrize(
    "body",
    [
        '<style>.a{mask:url(#m)}</style><mask id="m"><rect class="a" width="1" height="1"/></mask>',
        '<style>mask rect{clip-path:url(#m)}</style><mask id="m"><rect width="1" height="1"/></mask>',
        '<style>g { &amp; .a {mask:url(#m)} }</style><mask id="m"><rect class="a" width="1" height="1"/></mask>',
    ],
)
def test_a_style_reference_to_what_contains_it_is_refused(body):
    with pytest.raises(LogoError) as refused:
        sanitise_svg(_svg(body))

    assert str(refused.value) == gettext(ITSELF)


def test_many_rules_matching_everything_are_refused_without_matching_them_all():
    rules = " ".join(f"*{{fill:url(#g{index})}}" for index in range(2000))
    gradients = "".join(f'<linearGradient id="g{index}"/>' for index in range(2000))
    shapes = '<rect width="1" height="1"/>' * 50

    with pytest.raises(LogoError) as refused:
        sanitise_svg(_svg(f"<style>{rules}</style><defs>{gradients}</defs>{shapes}"))

    assert str(refused.value) == gettext(TOO_MANY) % {"limit": f"{SVG_MAX_RENDERED:,}"}


def test_an_illustrator_style_sheet_of_gradients_is_kept():
    """As Illustrator writes logos: class rules filling shapes with gradients defined beside them."""
    gradients = "".join(
        f'<linearGradient id="lg-{index}"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#fff"/>'
        "</linearGradient>"
        for index in range(20)
    )
    rules = "".join(f".cls-{index}{{fill:url(#lg-{index});}}" for index in range(20))
    shapes = "".join(f'<rect class="cls-{index % 20}" x="{index}" width="1" height="1"/>' for index in range(400))

    cleaned = sanitise_svg(_svg(f"<defs><style>{rules}</style>{gradients}</defs>{shapes}"))

    assert cleaned.count(b"url(#lg-") == 20
    assert cleaned.count(b"<rect ") == 400


@pytest.mark.parametrize(
    "sheet",
    [
        "@import url(https://evil.example/a.css); .a{mask:url(#m)}",
        ".a{fill:url(http://evil.example/p.svg#g)}",
        ".a{fill:url('//evil.example/p.svg#g')}",
    ],
)
def test_a_sheet_that_fetches_is_dropped_whole(sheet):
    cleaned = sanitise_svg(_svg(f'<style>{sheet}</style><rect class="a" width="1" height="1"/>'))

    assert b"evil" not in cleaned
    assert b"<style/>" in cleaned or b"<style></style>" in cleaned
