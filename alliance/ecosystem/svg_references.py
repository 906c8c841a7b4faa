"""How much a cleaned SVG makes a browser draw once its references are followed.

A `<use>` draws a copy of the element it points at, and that element may hold `<use>`s of its own: twelve
groups of ten `<use>` each fit in 2 KB and draw 10^12 shapes, so a browser never finishes (issue 11, "SVG
<use> bomb"). The same holds for a mask or clip path (`url(#id)`) whose content is drawn for each element
that refers to it. Rule: after cleaning, the elements drawn with every reference followed stay within
SVG_MAX_RENDERED, a chain of references is at most SVG_MAX_REFERENCE_DEPTH deep, and nothing refers to
itself or to an element containing it. A `url(#id)` in a <style> sheet (the only reference the sanitiser
leaves there: `@import` and other URLs drop the sheet) counts for every element its rule's selector matches:
a selector is matched by its subject (the last compound, `mask .a > rect.b` by `rect.b`) without attribute
and pseudo-class parts: type, `.class`, `#id` and `*`. That matches every element the selector matches and
maybe more, and what it cannot read counts as matching every element, so a sheet never draws past the bounds.
"""

import re

import tinycss2
from django.utils.translation import gettext as _
from lxml import etree

SVG_MAX_RENDERED = 20_000
SVG_MAX_REFERENCE_DEPTH = 8
_URL_ID = re.compile(r"url\(\s*['\"]?#([^'\")\s]+)", re.IGNORECASE)


class ReferenceBombError(ValueError):
    """The drawing would be too large or endless once its references are followed; the message says why."""


def check_references(root) -> None:
    """Raise ReferenceBombError when `root` (an lxml element of the cleaned SVG) draws too much (rule above)."""
    elements = [element for element in root.iter() if isinstance(element.tag, str)]
    by_id = {element.get("id"): element for element in elements if element.get("id")}
    sheet_targets = _sheet_targets(root, elements)
    drawn: dict = {}  # element -> (elements drawn, reference depth)
    finished_marker, on_path = object(), set()
    stack = [(root, None)]
    while stack:
        element, marker = stack.pop()
        if marker is finished_marker:
            drawn[element] = _totals(element, _dependencies(element, by_id, sheet_targets), drawn)
            on_path.discard(element)
            continue
        if element in drawn:
            continue
        if element in on_path:
            raise ReferenceBombError(_("The SVG file refers to an element that contains the reference itself."))
        on_path.add(element)
        stack.append((element, finished_marker))
        for dependency, _is_reference in _dependencies(element, by_id, sheet_targets):
            if dependency in on_path:
                raise ReferenceBombError(_("The SVG file refers to an element that contains the reference itself."))
            if dependency not in drawn:
                stack.append((dependency, None))
    count, depth = drawn[root]
    if depth > SVG_MAX_REFERENCE_DEPTH:
        raise ReferenceBombError(
            _("The SVG file nests references (<use>, url(#…)) %(depth)s deep; at most %(limit)s are allowed.")
            % {"depth": depth, "limit": SVG_MAX_REFERENCE_DEPTH}
        )
    if count > SVG_MAX_RENDERED:
        raise ReferenceBombError(_too_many_drawn())


def _too_many_drawn() -> str:
    return _("Following its references (<use>, url(#…)), the SVG file draws more than %(limit)s elements.") % {
        "limit": f"{SVG_MAX_RENDERED:,}"
    }


def _dependencies(element, by_id, sheet_targets) -> list[tuple[object, bool]]:
    """(element, is a reference) for the children and the elements `element` refers to by id."""
    found = [(child, False) for child in element if isinstance(child.tag, str)]
    href = element.get("href") or element.get("{http://www.w3.org/1999/xlink}href") or ""
    targets = [href[1:]] if etree.QName(element).localname == "use" and href.startswith("#") else []
    for name, value in element.attrib.items():
        if name != "style" and name not in ("href", "{http://www.w3.org/1999/xlink}href"):
            targets += _URL_ID.findall(value)
    targets += _URL_ID.findall(element.get("style") or "")
    targets += sheet_targets.get(element, [])
    found += [(by_id[target], True) for target in targets if target in by_id]
    return found


def _totals(element, dependencies, drawn) -> tuple[int, int]:
    count, depth = 1, 0
    for dependency, is_reference in dependencies:
        dependency_count, dependency_depth = drawn[dependency]
        # Capped so that a bomb's count stays a small number while the sum is made.
        count = min(count + dependency_count, SVG_MAX_RENDERED + 1)
        depth = max(depth, dependency_depth + (1 if is_reference else 0))
    return count, depth


_SIMPLE_SELECTOR = re.compile(r"^(\*|[A-Za-z][\w-]*)?((?:[.#][A-Za-z_][\w-]*)*)$")
_SELECTOR_PART = re.compile(r"([.#])([A-Za-z_][\w-]*)")
_ATTRIBUTE_OR_PSEUDO = re.compile(r"\[[^\]]*\]|::?[\w-]+(?:\([^()]*\))?")
_COMBINATOR = re.compile(r"\s*[>+~]\s*|\s+")


def _sheet_targets(root, elements) -> dict:
    """{element: [ids]} for the `url(#id)` references of the <style> sheets in `root`, by selector.

    Each (element, reference) pair draws at least one element more, so past SVG_MAX_RENDERED pairs the file
    is refused at once: a sheet of many rules matching everything costs no more than the bound."""
    index: dict = {}
    for element in elements:
        index.setdefault(("tag", etree.QName(element).localname), []).append(element)
        index.setdefault(("id", element.get("id")), []).append(element)
        for name in (element.get("class") or "").split():
            index.setdefault(("class", name), []).append(element)
    targets: dict = {}
    pairs = 0
    for style in root.iter("{*}style", "style"):
        for selectors, declarations in _rules(tinycss2.parse_stylesheet(style.text or "", True, True)):
            ids = _URL_ID.findall(declarations)
            if not ids:
                continue
            for selector in selectors.split(","):
                for element in _candidates(selector, index, elements):
                    targets.setdefault(element, []).extend(ids)
                    pairs += len(ids)
                if pairs > SVG_MAX_RENDERED:
                    raise ReferenceBombError(_too_many_drawn())
    return targets


def _candidates(selector: str, index: dict, elements) -> list:
    """The elements `selector` may match (see the module rule), found through the index where it can."""
    simple = _SIMPLE_SELECTOR.match(_subject(selector))
    if simple is None or not simple.group(0):
        return elements
    parts = _SELECTOR_PART.findall(simple.group(2))
    if parts:
        kind, name = parts[0]
        pool = index.get(("class" if kind == "." else "id", name), [])
    elif simple.group(1) not in (None, "*"):
        pool = index.get(("tag", simple.group(1)), [])
    else:
        return elements
    return [element for element in pool if _matches(simple, element)]


def _rules(nodes, selector: str = "*", inside_rule: bool = False) -> list[tuple[str, str]]:
    """(selector text, declaration text) of every declaration of a sheet: a top-level rule's own selector;
    `*` (every element) for declarations in at-rules (@media …) and in rules nested in a rule."""
    rules = []
    for node in nodes:
        if node.type == "declaration":
            rules.append((selector, tinycss2.serialize(node.value)))
        elif node.type == "qualified-rule":
            own = "*" if inside_rule else tinycss2.serialize(node.prelude)
            rules += _rules(tinycss2.parse_blocks_contents(node.content, True, True), own, inside_rule=True)
        elif node.type == "at-rule" and node.content is not None:
            rules += _rules(tinycss2.parse_blocks_contents(node.content, True, True), "*", inside_rule=inside_rule)
    return rules


def _subject(selector: str) -> str:
    """The last compound of `selector` without its attribute and pseudo-class parts."""
    selector = _ATTRIBUTE_OR_PSEUDO.sub("", selector)
    return _COMBINATOR.split(selector.strip())[-1]


def _matches(simple: re.Match, element) -> bool:
    """Whether a subject (type, classes, id) matches `element`."""
    tag = simple.group(1)
    if tag not in (None, "*") and tag != etree.QName(element).localname:
        return False
    classes = (element.get("class") or "").split()
    for kind, name in _SELECTOR_PART.findall(simple.group(2)):
        if (kind == "." and name not in classes) or (kind == "#" and element.get("id") != name):
            return False
    return True
