"""The bundled labelled sets (dataset.TRAINING_FILES) carried onto one year's taxonomy.

The bundled rows are labelled with the default taxonomy's category paths and field names; a year's
taxonomy starts as a copy of it and staff may rename, move or add categories. A row goes to the year's
category with the same path; failing that, to the only category of the year with the same name (a
category renamed layer or moved to another one keeps its examples); a row whose category the year no longer
has (or has twice under that name) is left out. Fields go by name: a field the year does not have is
dropped from the row. A category of the year that no bundled row reaches learns from the year's confirmed
placements only.
"""

from dataclasses import dataclass

from .dataset import Example, training_rows
from .documents import Target


@dataclass(frozen=True)
class BundledMapping:
    examples: list[Example]  # path and fields already in the year's terms
    known: frozenset[tuple[str, ...]]  # year categories reached by at least one bundled row
    dropped: int  # rows whose category the year does not have


def category_index(targets: list[Target], paths) -> dict[tuple[str, ...], tuple[str, ...] | None]:
    """Bundled path → the year's path (None where the rule above places nothing)."""
    by_path = {target.path: target.path for target in targets}
    by_name: dict[str, list[tuple[str, ...]]] = {}
    for target in targets:
        by_name.setdefault(target.path[-1], []).append(target.path)

    def place(path):
        if path in by_path:
            return path
        same_name = by_name.get(path[-1], [])
        return same_name[0] if len(same_name) == 1 else None

    return {path: place(path) for path in set(paths)}


def bundled_for(targets: list[Target], field_names, rows: list[Example] | None = None) -> BundledMapping:
    """The bundled rows in the terms of a year with these category targets and field names."""
    rows = rows if rows is not None else training_rows()
    index = category_index(targets, [row.path for row in rows])
    field_names = frozenset(field_names)
    examples = []
    for row in rows:
        path = index.get(row.path)
        if path is None:
            continue
        examples.append(Example(row.document, path, row.fields & field_names, row.role, row.source))
    return BundledMapping(examples, frozenset(e.path for e in examples), len(rows) - len(examples))
