"""Loading YAML whose aliases cannot multiply it: the bound on alias expansion (issue 11, "YAML alias bomb").

An anchor (`&a`) and its aliases (`*a`) share one node, so a 500-byte file of nested aliases is small as
parsed but expands to a billion values once copied: stored in a player's extra data, checked and written
back on every public `landscape.yml`. Rule: the file is composed first (nodes, not values); the values it
expands to, every alias counted as a copy of what it names, may exceed the values written in the file by at
most MAX_ALIAS_EXPANSION, and no alias may name a value containing itself. Otherwise YamlBoundError says
where the repeated value is anchored (its line) and why, before any value is built.
"""

from django.utils.translation import gettext as _
from yaml.nodes import MappingNode, SequenceNode

MAX_ALIAS_EXPANSION = 10_000


class YamlBoundError(ValueError):
    """The file expands too far through its aliases; the message names the line and the reason."""


def load_bounded(text: str, loader_class):
    """The document of `text` built by `loader_class` (a safe loader), or YamlBoundError (rule above)."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        check_alias_expansion(node)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _children(node) -> list:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def check_alias_expansion(root) -> None:
    """Raise YamlBoundError when the composed document `root` expands too far (module rule)."""
    expanded: dict[int, int] = {}  # id(node) -> values it stands for, aliases expanded
    references: dict[int, int] = {}
    nodes: dict[int, object] = {}
    on_path: set[int] = set()
    finished = object()
    stack = [(root, None)]
    while stack:
        node, marker = stack.pop()
        key = id(node)
        if marker is finished:
            expanded[key] = min(1 + sum(expanded[id(child)] for child in _children(node)), 10**12)
            on_path.discard(key)
            continue
        references[key] = references.get(key, 0) + 1
        if key in expanded:
            continue
        if key in on_path:
            raise YamlBoundError(_recursive(node))
        nodes[key] = node
        on_path.add(key)
        stack.append((node, finished))
        for child in reversed(_children(node)):
            if id(child) in on_path:
                raise YamlBoundError(_recursive(child))
            stack.append((child, None))
    written = len(nodes)
    if expanded[id(root)] - written > MAX_ALIAS_EXPANSION:
        repeated = max((key for key, count in references.items() if count > 1), key=lambda key: expanded[key])
        raise YamlBoundError(
            _(
                "Line %(line)s: the value anchored here is repeated by YAML aliases (*) so often that the file "
                "would expand to %(count)s values; at most %(limit)s repeated values are allowed."
            )
            % {
                "line": nodes[repeated].start_mark.line + 1,
                "count": f"{expanded[id(root)]:,}",
                "limit": f"{MAX_ALIAS_EXPANSION:,}",
            }
        )


def _recursive(node) -> str:
    return _("Line %(line)s: a YAML alias (*) names a value that contains the alias itself.") % {
        "line": node.start_mark.line + 1
    }
