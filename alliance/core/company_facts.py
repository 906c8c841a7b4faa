"""Facts about member companies that one app keeps and another shows, when the shower may not import the keeper
(the competition's evaluators see a group company's latest ethics self-check score: programs sits below
regulation).

An app registers a fact from its `AppConfig.ready` (`register_company_fact`); a page asks `facts_for(keys,
organisation_ids)`, which returns, per company, (label, text) for each registered key asked for that the company
has. Rule: `read(organisation_ids)` answers for all of them in a bounded number of queries (no query per company).
A key nobody registered is left out (the app that keeps it is not installed).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class CompanyFact:
    key: str
    label: Promise | str
    read: Callable[[list[int]], dict[int, str]]  # organisation ids → {id: the fact as shown}


_FACTS: dict[str, CompanyFact] = {}


def register_company_fact(fact: CompanyFact) -> None:
    _FACTS[fact.key] = fact


def fact_choices() -> list[tuple[str, str]]:
    """(key, label) of every registered fact, for a setting that chooses which to show."""
    return [(fact.key, str(fact.label)) for fact in sorted(_FACTS.values(), key=lambda fact: fact.key)]


def facts_for(keys: Iterable[str], organisation_ids: Iterable[int]) -> dict[int, list[tuple[str, str]]]:
    ids = list(dict.fromkeys(organisation_ids))
    shown: dict[int, list[tuple[str, str]]] = {pk: [] for pk in ids}
    for key in keys:
        fact = _FACTS.get(key)
        if fact is None or not ids:
            continue
        for pk, text in fact.read(ids).items():
            shown.setdefault(pk, []).append((str(fact.label), text))
    return shown
