"""The logo sanitiser: allow-listed SVG, no scripts or external references, cropped; PNG checked."""

import hashlib
import io

import pytest
from django.utils.translation import gettext
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from PIL import Image

from alliance.ecosystem.logo_sanitiser import LOGO_MAX_BYTES, LogoError, clean_logo, path_points, sanitise_svg

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 500 500">{}</svg>'
)


def _svg(body: str) -> bytes:
    return SVG.format(body).encode()


def _png(width=8, height=8) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (width, height), (255, 0, 0, 255)).save(buffer, "PNG")
    return buffer.getvalue()


def test_sanitise_svg_script_and_handlers_removed():
    dirty = _svg('<script>alert(1)</script><rect x="10" y="20" width="30" height="40" onclick="alert(2)" fill="red"/>')

    cleaned = sanitise_svg(dirty).decode()

    assert "script" not in cleaned
    assert "onclick" not in cleaned
    assert 'fill="red"' in cleaned


def test_sanitise_svg_foreign_object_and_image_removed():
    dirty = _svg(
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
        '<image href="https://evil.example/x.png" width="10" height="10"/><circle cx="5" cy="5" r="5"/>'
    )

    cleaned = sanitise_svg(dirty).decode()

    assert "foreignObject" not in cleaned
    assert "image" not in cleaned
    assert "evil" not in cleaned


def test_sanitise_svg_external_href_dropped_internal_kept():
    dirty = _svg(
        '<defs><circle id="dot" cx="5" cy="5" r="5"/></defs>'
        '<use xlink:href="#dot"/><use href="https://evil.example/a.svg#x"/><use xlink:href="data:image/svg+xml,x"/>'
    )

    root = etree.fromstring(sanitise_svg(dirty))
    hrefs = [
        use.get("href") or use.get("{http://www.w3.org/1999/xlink}href")
        for use in root.iter("{http://www.w3.org/2000/svg}use")
    ]

    assert hrefs == ["#dot", None, None]


def test_sanitise_svg_css_url_external_dropped():
    dirty = _svg(
        "<style>@import url(https://evil.example/a.css); rect {fill: red}</style>"
        '<rect width="10" height="10" style="fill: url(https://evil.example/p.svg#g)"/>'
        '<rect width="10" height="10" fill="url(#grad)"/><rect width="10" height="10" fill="url(http://x/y#z)"/>'
    )

    cleaned = sanitise_svg(dirty).decode()

    assert "evil" not in cleaned
    assert "http://x" not in cleaned
    assert 'fill="url(#grad)"' in cleaned


# CSS that fetches without url(): each must be refused wherever CSS can be written.
FETCHING_CSS = (
    'fill: image-set("https://evil.example/a.png" 1x)',
    "fill: -webkit-image-set('https://evil.example/a.png' 1x)",
    'fill: image("https://evil.example/a.png")',
    "fill: cross-fade(url(#a), 'https://evil.example/b.png', 50%)",
    "fill: -moz-element(#a) ; mask: element(#b)",
    'fill: src("https://evil.example/a.png")',
    'fill: URL( "https://evil.example/a.png" )',
    "@import 'https://evil.example/a.css'",
    "@font-face { font-family: x; src: local(x), url(https://evil.example/f.woff) }",
    "@namespace svg 'https://evil.example/ns'",
    "fill: image-set(data:image/png;base64,AAAA 1x)",
    "fill: image(//evil.example/a.png)",
    "fill: url(data:image/svg+xml,x)",
    "fill: u\\72l(https://evil.example/a.png)",
)
SAFE_CSS = ("fill: url(#grad)", "fill: url( '#grad' ); stroke: #000", "fill: red; opacity: .5")


@pytest.mark.parametrize("css", FETCHING_CSS)
def test_sanitise_svg_fetching_css_dropped_from_style_element_and_attributes(css):
    dirty = _svg(
        f"<style>rect {{ {css} }}</style>"
        f'<rect width="10" height="10" style="{css.replace(chr(34), chr(39))}"/>'
        f'<rect width="10" height="10" fill="{css.replace(chr(34), chr(39))}"/>'
    )

    root = etree.fromstring(sanitise_svg(dirty))

    style = root.find("{http://www.w3.org/2000/svg}style")
    rects = root.findall("{http://www.w3.org/2000/svg}rect")
    assert (style.text or "") == ""
    assert [(rect.get("style"), rect.get("fill")) for rect in rects] == [(None, None), (None, None)]


@pytest.mark.parametrize("css", SAFE_CSS)
def test_sanitise_svg_css_without_fetching_kept(css):
    dirty = _svg(f'<style>rect {{ {css} }}</style><rect width="10" height="10" style="{css}"/>')

    root = etree.fromstring(sanitise_svg(dirty))

    assert root.find("{http://www.w3.org/2000/svg}style").text == f"rect {{ {css} }}"
    assert root.find("{http://www.w3.org/2000/svg}rect").get("style") == css


_FUNCTIONS = ("url", "image", "image-set", "cross-fade", "element", "src")


@st.composite
def fetching_css(draw) -> str:
    """A CSS declaration calling a fetching function, in any letter case, spacing, quoting and prefix."""
    name = draw(st.sampled_from(("", "-webkit-", "-moz-"))) + draw(st.sampled_from(_FUNCTIONS))
    name = "".join(c.upper() if draw(st.booleans()) else c for c in name)
    space = draw(st.sampled_from(("", " ", "\n", "\t ")))
    quote = draw(st.sampled_from(("", "'", '"')))
    references = ("https://evil.example/x", "HTTP://evil.example/x", "//evil.example/x", "data:,x")
    reference = draw(st.sampled_from(references))
    before = draw(st.sampled_from(("", "fill: red; ", "rect { stroke: #000 } ")))
    return f"{before}fill: {name}({space}{quote}{reference}{quote}{space})"


@given(css=fetching_css(), where=st.sampled_from(("style-element", "style-attribute", "fill")))
def test_sanitise_svg_no_external_reference_survives(css, where):
    if where == "style-element":
        body = f"<style>{css}</style>"
    else:
        attribute = "style" if where == "style-attribute" else "fill"
        body = f'<rect width="1" height="1" {attribute}="{css.replace(chr(34), "&quot;")}"/>'

    cleaned = sanitise_svg(_svg(body)).decode()

    assert "evil.example" not in cleaned
    assert "data:" not in cleaned


def test_sanitise_svg_doctype_with_entities_refused():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'
    )

    with pytest.raises(LogoError) as error:
        sanitise_svg(bomb)

    assert str(error.value) == gettext("The SVG file may not declare a DOCTYPE or entities.")


def test_sanitise_svg_malformed_refused_with_line():
    with pytest.raises(LogoError) as error:
        sanitise_svg(b'<svg xmlns="http://www.w3.org/2000/svg">\n<rect>\n</svg>')

    assert str(error.value) == gettext("The SVG file is not well-formed XML (line %(line)s).") % {"line": 3}


def test_sanitise_svg_not_svg_root_refused():
    with pytest.raises(LogoError):
        sanitise_svg(b'<html xmlns="http://www.w3.org/1999/xhtml"><svg/></html>')


def test_sanitise_svg_viewbox_cropped_to_shapes():
    dirty = _svg('<rect x="100" y="200" width="50" height="20"/><circle cx="300" cy="210" r="10"/>')

    root = etree.fromstring(sanitise_svg(dirty))

    assert root.get("viewBox") == "100 200 210 20"


def test_sanitise_svg_stroke_widens_crop():
    dirty = _svg('<line x1="10" y1="10" x2="110" y2="60" stroke="black" stroke-width="4"/>')

    root = etree.fromstring(sanitise_svg(dirty))

    assert root.get("viewBox") == "8 8 104 54"


def test_sanitise_svg_transform_keeps_own_viewbox():
    dirty = _svg('<g transform="scale(2)"><rect x="1" y="1" width="5" height="5"/></g>')

    root = etree.fromstring(sanitise_svg(dirty))

    assert root.get("viewBox") == "0 0 500 500"


def test_path_points_relative_and_implicit_lineto():
    assert path_points("m10 10 5 0 0 5z H 3 V 4") == [(10, 10), (15, 10), (15, 15), (3, 10), (3, 4)]


def test_clean_logo_named_by_content_hash():
    logo = clean_logo(_svg('<rect x="0" y="0" width="10" height="10"/>'), "logo.svg")

    assert logo.filename == hashlib.sha256(logo.content).hexdigest() + ".svg"
    assert logo.content_type == "image/svg+xml"


def test_clean_logo_png_accepted_unchanged():
    content = _png()

    logo = clean_logo(content, "logo.png")

    assert (logo.content, logo.extension) == (content, "png")


def test_clean_logo_damaged_png_refused():
    with pytest.raises(LogoError) as error:
        clean_logo(_png()[:40] + b"garbage", "logo.png")

    assert str(error.value) == gettext("The PNG file cannot be read: it is damaged or not a PNG.")


def test_clean_logo_too_large_png_refused():
    with pytest.raises(LogoError) as error:
        clean_logo(_png(4097, 1), "wide.png")

    assert str(error.value) == gettext("A PNG logo may be at most 4096 × 4096 pixels.")


def test_clean_logo_over_size_limit_refused():
    with pytest.raises(LogoError) as error:
        clean_logo(b"<svg " + b" " * LOGO_MAX_BYTES + b"/>", "big.svg")

    assert str(error.value) == gettext("The logo is larger than 1 MB.")


def test_clean_logo_other_type_refused():
    with pytest.raises(LogoError) as error:
        clean_logo(b"GIF89a....", "logo.gif")

    assert str(error.value) == gettext("A logo must be an SVG or a PNG file.")


def _use_bomb(levels: int, fan_out: int = 10) -> bytes:
    """`a0` a rect, each `a<i>` a group of `fan_out` uses of `a<i-1>`: fan_out ** levels rects drawn."""
    groups = ['<g id="a0"><rect width="1" height="1"/></g>']
    for level in range(1, levels + 1):
        uses = f'<use href="#a{level - 1}"/>' * fan_out
        groups.append(f'<g id="a{level}">{uses}</g>')
    return _svg("<defs>" + "".join(groups) + f'</defs><use href="#a{levels}"/>')


def test_sanitise_svg_use_bomb_refused():
    bomb = _use_bomb(5)  # 10^5 rects from 1 KB
    assert len(bomb) < 1500

    with pytest.raises(LogoError) as refused:
        sanitise_svg(bomb)

    assert str(refused.value) == gettext(
        "Following its references (<use>, url(#…)), the SVG file draws more than %(limit)s elements."
    ) % {"limit": "20,000"}


def test_sanitise_svg_references_nested_too_deep_refused():
    with pytest.raises(LogoError) as refused:
        sanitise_svg(_use_bomb(9, fan_out=1))

    assert str(refused.value) == gettext(
        "The SVG file nests references (<use>, url(#…)) %(depth)s deep; at most %(limit)s are allowed."
    ) % {"depth": 10, "limit": 8}


@pytest.mark.parametrize(
    "body",
    [
        '<g id="a"><use href="#a"/></g>',
        '<g id="a"><use href="#b"/></g><g id="b"><use xlink:href="#a"/></g>',
        '<mask id="m"><rect width="1" height="1" mask="url(#m)"/></mask>',
    ],
)
def test_sanitise_svg_reference_to_itself_refused(body):
    with pytest.raises(LogoError) as refused:
        sanitise_svg(_svg(body))

    assert str(refused.value) == gettext("The SVG file refers to an element that contains the reference itself.")


def test_sanitise_svg_ordinary_uses_kept():
    logo = _use_bomb(3, fan_out=5)  # 125 rects: a pattern drawn by reuse, as real logos do

    assert sanitise_svg(logo).count(b"<use ") == 5 * 3 + 1
