"""The investment-day scheduling problem: parsing and validation of the `schedule_meetings` JSON.

Input (extensions beyond the issue's shape are optional and marked *):
    {"slots": ["14:00", ...],
     "investors": [{"id": "inv-a", "unavailable": ["15:40"], "declines"*: ["company id", ...]}],
     "companies": [{"id": "co-1", "unavailable": [], "requests": ["inv-a", "inv-b"], "priority"*: false}]}

Slots are times of day written HH:MM (00:00–23:59). Any other key is refused with its path (a misspelt
"unavailabe" would otherwise be ignored and the investor scheduled in a slot they are away).

`requests` are in order of preference (rank 1 first). `declines` lists companies an investor refuses to
meet; such requests are kept in the problem (they still count as requests made) but can never be
satisfied. `priority` marks an awardee whose preferences are honoured first in the second stage.

Errors are raised as `ProblemError` carrying an English message template (marked for translation with the
local `gettext_noop`, so the Django layer can translate it without this package importing Django), its
parameters and the JSON path of the offending item.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

CLOCK_TIME = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")
ROOT_KEYS = ("slots", "investors", "companies")
INVESTOR_KEYS = ("id", "unavailable", "declines")
COMPANY_KEYS = ("id", "unavailable", "requests", "priority")


def gettext_noop(message: str) -> str:
    """Marks a msgid for extraction; the caller translates it (this package stays free of Django)."""
    return message


class ProblemError(ValueError):
    """Invalid scheduling input; `template % params` is the message, `path` where in the JSON it is."""

    def __init__(self, template: str, *, path: str = "", **params: object) -> None:
        self.template = template
        self.path = path
        self.params = {"path": path, **params}
        super().__init__(template % self.params)


@dataclass(frozen=True)
class Investor:
    id: str
    unavailable: frozenset[str] = frozenset()
    declines: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Company:
    id: str
    requests: tuple[str, ...] = ()
    unavailable: frozenset[str] = frozenset()
    priority: bool = False


@dataclass(frozen=True)
class Problem:
    slots: tuple[str, ...]
    investors: tuple[Investor, ...]
    companies: tuple[Company, ...]
    investor_index: dict[str, int] = field(init=False, repr=False, compare=False)
    company_index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "investor_index", {inv.id: n for n, inv in enumerate(self.investors)})
        object.__setattr__(self, "company_index", {co.id: n for n, co in enumerate(self.companies)})

    @property
    def request_count(self) -> int:
        return sum(len(company.requests) for company in self.companies)

    def allowed_slots(self, company: Company, investor: Investor) -> tuple[int, ...]:
        """Slot indexes where both are free; empty when the investor declines the company."""
        if company.id in investor.declines:
            return ()
        blocked = company.unavailable | investor.unavailable
        return tuple(n for n, slot in enumerate(self.slots) if slot not in blocked)


def load_problem(text: str) -> Problem:
    """Parses JSON text; malformed JSON is a ProblemError naming the line and column."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ProblemError(
            gettext_noop("The file is not valid JSON (line %(line)s, column %(column)s): %(reason)s"),
            line=error.lineno,
            column=error.colno,
            reason=error.msg,
        ) from error
    return parse_problem(data)


KIND_MESSAGES = {
    list: gettext_noop("%(path)s must be a list."),
    dict: gettext_noop("%(path)s must be an object."),
    bool: gettext_noop("%(path)s must be true or false."),
}


def _expect(value: object, kind: type, path: str) -> None:
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise ProblemError(KIND_MESSAGES[kind], path=path)


def _identifier(value: object, path: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ProblemError(gettext_noop("%(path)s must be a non-empty text identifier."), path=path)
    return value


def _known_keys(entry: dict, allowed: tuple[str, ...], path: str) -> None:
    """Refuses the first key (in the file's order) that is not one of `allowed`, naming its path."""
    for key in entry:
        if key not in allowed:
            raise ProblemError(
                gettext_noop("%(path)s: unknown key; the keys here are %(expected)s."),
                path=f"{path}.{key}" if path else str(key),
                expected=", ".join(allowed),
            )


def _slot_label(value: object, path: str) -> str:
    if not isinstance(value, str) or not CLOCK_TIME.fullmatch(value):
        raise ProblemError(
            gettext_noop("%(path)s: “%(item)s” is not a time of day written HH:MM (00:00 to 23:59)."),
            path=path,
            item=value,
        )
    return value


def _slot_set(entry: dict, key: str, path: str, slots: set[str]) -> frozenset[str]:
    values = entry.get(key, [])
    _expect(values, list, f"{path}.{key}")
    for n, slot in enumerate(values):
        if slot not in slots:
            raise ProblemError(gettext_noop("%(path)s: unknown slot “%(item)s”."), path=f"{path}.{key}[{n}]", item=slot)
    return frozenset(values)


def _unique(ids: list[str], what: str, section: str) -> None:
    seen: set[str] = set()
    for n, item in enumerate(ids):
        if item in seen:
            raise ProblemError(
                gettext_noop("%(path)s: duplicate %(what)s id “%(item)s”."),
                path=f"{section}[{n}].id",
                what=what,
                item=item,
            )
        seen.add(item)


def parse_problem(data: object) -> Problem:
    """Validates everything (types, unknown keys, HH:MM slots, unknown and duplicate ids, unknown slots) before
    building a Problem."""
    _expect(data, dict, "(root)")
    _known_keys(data, ROOT_KEYS, "")
    for key in ROOT_KEYS:
        if key not in data:
            raise ProblemError(gettext_noop("%(path)s is missing."), path=key)
        _expect(data[key], list, key)
    slots = [_slot_label(slot, f"slots[{n}]") for n, slot in enumerate(data["slots"])]
    for n, slot in enumerate(slots):
        if slot in slots[:n]:
            raise ProblemError(gettext_noop("%(path)s: duplicate slot “%(item)s”."), path=f"slots[{n}]", item=slot)
    slot_set = set(slots)

    for section, allowed in (("investors", INVESTOR_KEYS), ("companies", COMPANY_KEYS)):
        for n, entry in enumerate(data[section]):
            _expect(entry, dict, f"{section}[{n}]")
            _known_keys(entry, allowed, f"{section}[{n}]")
            _identifier(entry.get("id"), f"{section}[{n}].id")
    investor_ids = [entry["id"] for entry in data["investors"]]
    company_ids = [entry["id"] for entry in data["companies"]]
    _unique(investor_ids, "investor", "investors")
    _unique(company_ids, "company", "companies")
    known_investors, known_companies = set(investor_ids), set(company_ids)

    investors = [
        _investor(entry, f"investors[{n}]", slot_set, known_companies) for n, entry in enumerate(data["investors"])
    ]
    companies = [
        _company(entry, f"companies[{n}]", slot_set, known_investors) for n, entry in enumerate(data["companies"])
    ]
    return Problem(slots=tuple(slots), investors=tuple(investors), companies=tuple(companies))


def _investor(entry: dict, path: str, slot_set: set[str], known_companies: set[str]) -> Investor:
    declines = entry.get("declines", [])
    _expect(declines, list, f"{path}.declines")
    for k, company in enumerate(declines):
        if company not in known_companies:
            raise ProblemError(
                gettext_noop("%(path)s: unknown company “%(item)s”."), path=f"{path}.declines[{k}]", item=company
            )
    return Investor(
        id=entry["id"], unavailable=_slot_set(entry, "unavailable", path, slot_set), declines=frozenset(declines)
    )


def _company(entry: dict, path: str, slot_set: set[str], known_investors: set[str]) -> Company:
    requests = entry.get("requests", [])
    _expect(requests, list, f"{path}.requests")
    for k, investor in enumerate(requests):
        where = f"{path}.requests[{k}]"
        if investor not in known_investors:
            raise ProblemError(gettext_noop("%(path)s: unknown investor “%(item)s”."), path=where, item=investor)
        if investor in requests[:k]:
            raise ProblemError(
                gettext_noop("%(path)s: investor “%(item)s” is requested twice."), path=where, item=investor
            )
    priority = entry.get("priority", False)
    _expect(priority, bool, f"{path}.priority")
    return Company(
        id=entry["id"],
        requests=tuple(requests),
        unavailable=_slot_set(entry, "unavailable", path, slot_set),
        priority=priority,
    )
