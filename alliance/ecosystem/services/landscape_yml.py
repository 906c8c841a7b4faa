"""Reading and writing the CNCF `landscape.yml` format, the de-facto format of landscape maps.

Two forms are read:
- the current one: `categories:` → `subcategories:` → `items:` (each a mapping with `name`);
- the older one the CNCF's own file still uses: `landscape:` → `- category:` / `name:` →
  `subcategories:` → `- subcategory:` / `name:` → `items:` → `- item:` / `name:`.
Logos are files named by an item's `logo:` key in a `logos/` folder beside the landscape file.

The whole file is validated before anything is written: bad YAML, an unknown shape (`subcategories:` or
`items:` given as anything but a list — an empty value is an empty list), a missing name or one that is not
text (a list, a mapping, yes/no, a date), or a duplicate item in one subcategory refuse the file with the
line and the reason (LandscapeError); a missing or unreadable logo file is only a warning. Two items of one
subcategory are duplicates when they would be one player by the import's evidence rule
(services/landscape_identity.py: the same name key — no case, no spacing — and a shared homepage or
repository, or one of them without either); alike names of different projects are not duplicates. Writing is
services/landscape_import.py.

Export writes the current form, with each category of the year's taxonomy (in tree order, whatever its
domain and layer) as a landscape category; players placed on a category itself (not on one of its
subcategories) go into a subcategory named like the category, which import maps back to the category.
Items are the confirmed placements (primary and secondary), sorted by name; keys we do not model
(repo_url, twitter, crunchbase, ...) come back as they were imported; a YAML date among them (`accepted:
2019-01-15` unquoted) is kept as its ISO text. `second_path: ["Category / Subcategory", ...]` places the item
there too (secondary placements); the export writes it back as `second_path` on the item, not as copies.
An item names a `logo:` only when its
player has a stored logo file, which the export writes into logos/ beside the file (the single-file download
has no logos/, so no `logo:` keys); the landscape2 export (services/landscape_export.py) gives every item one.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.utils.translation import gettext as _

from alliance.ecosystem.services.landscape_identity import Grouping, evidence
from alliance.ecosystem.services.players import player_name_key
from alliance.ecosystem.services.yaml_bounds import YamlBoundError, load_bounded

try:
    _BaseLoader = yaml.CSafeLoader
    _Dumper = yaml.CSafeDumper
except AttributeError:  # PyYAML without libyaml
    _BaseLoader = yaml.SafeLoader
    _Dumper = yaml.SafeDumper

LINE = "__line__"
# Item keys with a place in our model (a logo is a stored file, Player.logo); every other key is kept in
# Player.landscape_extra and written back on export.
MODELLED_KEYS = {"name", "item", "homepage_url", "description", "logo", LINE}
MAX_LISTED_ERRORS = 30


class _LineLoader(_BaseLoader):
    """Safe loading that records, in each mapping, the (1-based) line it starts on."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE] = node.start_mark.line + 1
        return mapping


class LandscapeError(Exception):
    """The file cannot be imported; `errors` says where and why (Korean), nothing was written."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Item:
    name: str
    line: int
    homepage: str = ""
    description: str = ""
    logo: str = ""
    extra: dict = field(default_factory=dict)


@dataclass
class Subcategory:
    name: str
    line: int
    items: list[Item] = field(default_factory=list)


@dataclass
class Category:
    name: str
    line: int
    subcategories: list[Subcategory] = field(default_factory=list)


@dataclass
class Landscape:
    categories: list[Category]
    warnings: list[str]

    @property
    def item_count(self) -> int:
        return sum(len(sub.items) for category in self.categories for sub in category.subcategories)


def _kind(value) -> str:
    """What a YAML value is, in words, for a refusal."""
    if isinstance(value, dict):
        return _("a mapping (key: value lines)")
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, bool):
        return _("yes/no")
    if isinstance(value, (str, int, float)):
        return _("a single value")
    return _("a date or another value that is not text")


def _name(entry, errors: list[str], what: str) -> str:
    value = entry.get("name") if isinstance(entry, dict) else None
    line = entry.get(LINE, "?") if isinstance(entry, dict) else "?"
    if isinstance(value, bool) or not isinstance(value, (str, int, float, type(None))):
        if isinstance(value, dict):
            line = value.get(LINE, line)
        errors.append(
            _("Line %(line)s: the name of a %(what)s must be text, not %(kind)s.")
            % {"line": line, "what": what, "kind": _kind(value)}
        )
        return ""
    if value is None or not str(value).strip():
        errors.append(_("Line %(line)s: a %(what)s has no name.") % {"line": line, "what": what})
        return ""
    return str(value).strip()


def _clean_extra(entry: dict) -> dict:
    """The item's other keys, with the line markers of nested mappings removed."""

    def strip(value):
        if isinstance(value, dict):
            return {str(key): strip(inner) for key, inner in value.items() if key != LINE}
        if isinstance(value, list):
            return [strip(inner) for inner in value]
        if isinstance(value, datetime.date | datetime.datetime):
            return value.isoformat()  # an unquoted date (accepted: 2019-01-15): kept, and written back, as text
        if isinstance(value, bytes | set | tuple):
            return str(value)  # other YAML types a safe loader builds: kept as text rather than refused
        return value

    return {key: strip(value) for key, value in entry.items() if key not in MODELLED_KEYS}


def _list(entry, key: str, errors: list[str], owner: str) -> list:
    """`entry[key]` as a list: missing or empty is an empty list; anything else refuses the file."""
    value = entry.get(key) if isinstance(entry, dict) else None
    if value is None or isinstance(value, list):
        return value or []
    line = value.get(LINE) if isinstance(value, dict) else None
    errors.append(
        _("Line %(line)s: “%(key)s:” of “%(owner)s” must be a list (one “- ” entry each), not %(kind)s.")
        % {"line": line or entry.get(LINE, "?"), "key": key, "owner": owner, "kind": _kind(value)}
    )
    return []


def parse_landscape(text: str, *, logo_dir: Path | None = None) -> Landscape:
    """Parse and validate a landscape file's text; LandscapeError lists every problem found."""
    try:
        document = load_bounded(text, _LineLoader)  # a safe loader; aliases may not multiply the file
    except YamlBoundError as error:
        raise LandscapeError([str(error)]) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        line = mark.line + 1 if mark is not None else "?"
        raise LandscapeError(
            [_("Line %(line)s: the file is not valid YAML (%(problem)s).") % {"line": line, "problem": problem}]
        ) from error
    if not isinstance(document, dict) or not isinstance(document.get("categories", document.get("landscape")), list):
        raise LandscapeError([_("The file has neither a “categories:” nor a “landscape:” list at its top.")])
    raw_categories = document.get("categories", document.get("landscape"))
    errors: list[str] = []
    warnings: list[str] = []
    categories = []
    for raw_category in raw_categories:
        category = Category(
            _name(raw_category, errors, _("category")),
            raw_category.get(LINE, 0) if isinstance(raw_category, dict) else 0,
        )
        for raw_sub in _list(raw_category, "subcategories", errors, category.name):
            sub = Subcategory(
                _name(raw_sub, errors, _("subcategory")), raw_sub.get(LINE, 0) if isinstance(raw_sub, dict) else 0
            )
            here = Grouping()  # the items of this subcategory, by the import's rule of one player
            for raw_item in _list(raw_sub, "items", errors, sub.name):
                name = _name(raw_item, errors, _("item"))
                if not name:
                    continue
                line = raw_item[LINE]
                key = player_name_key(name)
                found = evidence(str(raw_item.get("homepage_url") or ""), raw_item.get("repo_url"))
                same = here.find(key, found)
                if same is not None:
                    errors.append(_duplicate(name, line, sub.name, *same.entries[0]))
                    continue
                here.add(key, found).entries.append((line, name))
                logo = str(raw_item.get("logo") or "").strip()
                if logo and logo_dir is not None and not (logo_dir / logo).is_file():
                    warnings.append(
                        _("Line %(line)s: the logo file “%(file)s” of “%(name)s” is not in logos/.")
                        % {"line": line, "file": logo, "name": name}
                    )
                sub.items.append(
                    Item(
                        name=name,
                        line=line,
                        homepage=str(raw_item.get("homepage_url") or "").strip(),
                        description=str(raw_item.get("description") or "").strip(),
                        logo=logo,
                        extra=_clean_extra(raw_item),
                    )
                )
            category.subcategories.append(sub)
        categories.append(category)
    _check_unique_names(categories, errors)
    if errors:
        raise LandscapeError(_shorten(errors))
    return Landscape(categories=categories, warnings=warnings)


def _duplicate(name: str, line: int, subcategory: str, first_line: int, first_name: str) -> str:
    if name.casefold() == first_name.casefold():
        return _(
            "Line %(line)s: “%(name)s” appears twice in the subcategory “%(subcategory)s” (first on line %(first)s)."
        ) % {"line": line, "name": name, "subcategory": subcategory, "first": first_line}
    return _(
        "Line %(line)s: “%(name)s” is the same company as “%(first_name)s” on line %(first)s in the subcategory "
        "“%(subcategory)s” (names are compared without case or spacing)."
    ) % {"line": line, "name": name, "first_name": first_name, "subcategory": subcategory, "first": first_line}


def _check_unique_names(categories: list[Category], errors: list[str]) -> None:
    seen: dict[str, int] = {}
    for category in categories:
        if category.name and category.name in seen:
            errors.append(
                _("Line %(line)s: the category “%(name)s” appears twice (first on line %(first)s).")
                % {"line": category.line, "name": category.name, "first": seen[category.name]}
            )
        seen.setdefault(category.name, category.line)
        subs: dict[str, int] = {}
        for sub in category.subcategories:
            if sub.name and sub.name in subs:
                errors.append(
                    _(
                        "Line %(line)s: the subcategory “%(name)s” appears twice in “%(category)s” "
                        "(first on line %(first)s)."
                    )
                    % {"line": sub.line, "name": sub.name, "category": category.name, "first": subs[sub.name]}
                )
            subs.setdefault(sub.name, sub.line)


def _shorten(errors: list[str]) -> list[str]:
    if len(errors) <= MAX_LISTED_ERRORS:
        return errors
    more = len(errors) - MAX_LISTED_ERRORS
    return [*errors[:MAX_LISTED_ERRORS], _("… and %(count)s more problems.") % {"count": more}]


def read_landscape_file(path: Path) -> Landscape:
    """Parse the file at `path`, looking for logos in `logos/` beside it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise LandscapeError([_("The file is not UTF-8 text.")]) from error
    return parse_landscape(text, logo_dir=Path(path).parent / "logos")


def dump_landscape(categories: list[dict]) -> str:
    """The current form's YAML text of [{"name", "subcategories": [{"name", "items": [{...}]}]}]."""
    return yaml.dump({"categories": categories}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)


def path_label(category: str, subcategory: str) -> str:
    """How `second_path` names a subcategory: `Category / Subcategory`."""
    return f"{category} / {subcategory}"


def second_paths(extra: dict) -> list[str]:
    value = extra.get("second_path") or []
    return [str(path).strip() for path in (value if isinstance(value, list) else [value]) if str(path).strip()]
