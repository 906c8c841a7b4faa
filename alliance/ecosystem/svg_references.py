"""How much a cleaned SVG makes a browser draw once its references are followed.

A `<use>` draws a copy of the element it points at, and that element may hold `<use>`s of its own: twelve
groups of ten `<use>` each fit in 2 KB and draw 10^12 shapes, so a browser never finishes (issue 11, "SVG
<use> bomb"). The same holds for a mask or clip path (`url(#id)`) whose content is drawn for each element
that refers to it. Rule: after cleaning, the elements drawn with every reference followed stay within
SVG_MAX_RENDERED, a chain of references is at most SVG_MAX_REFERENCE_DEPTH deep, and nothing refers to
itself or to an element containing it. Limit: references made from a <style> sheet are not followed
(the sheet keeps only `url(#id)`; a shared mask still counts once per element naming it in an attribute).
"""

import re

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
    drawn: dict = {}  # element -> (elements drawn, reference depth)
    finished_marker, on_path = object(), set()
    stack = [(root, None)]
    while stack:
        element, marker = stack.pop()
        if marker is finished_marker:
            drawn[element] = _totals(element, _dependencies(element, by_id), drawn)
            on_path.discard(element)
            continue
        if element in drawn:
            continue
        if element in on_path:
            raise ReferenceBombError(_("The SVG file refers to an element that contains the reference itself."))
        on_path.add(element)
        stack.append((element, finished_marker))
        for dependency, _is_reference in _dependencies(element, by_id):
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
        raise ReferenceBombError(
            _("Following its references (<use>, url(#…)), the SVG file draws more than %(limit)s elements.")
            % {"limit": f"{SVG_MAX_RENDERED:,}"}
        )


def _dependencies(element, by_id) -> list[tuple[object, bool]]:
    """(element, is a reference) for the children and the elements `element` refers to by id."""
    found = [(child, False) for child in element if isinstance(child.tag, str)]
    href = element.get("href") or element.get("{http://www.w3.org/1999/xlink}href") or ""
    targets = [href[1:]] if etree.QName(element).localname == "use" and href.startswith("#") else []
    for name, value in element.attrib.items():
        if name != "style" and name not in ("href", "{http://www.w3.org/1999/xlink}href"):
            targets += _URL_ID.findall(value)
    targets += _URL_ID.findall(element.get("style") or "")
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
