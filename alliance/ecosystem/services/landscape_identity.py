"""Which landscape items (and players) are one player: the evidence rule of issue 11.

Landscape files of other foundations list different projects under names that differ only in case or
spacing (`kubectx`, a command-line tool, and `KubeCtx`, a browser extension of another organisation), or
under one name in two subcategories. Names alone decide nothing; items are one player only when the
evidence says so:
- the same name key (`players.player_name_key`: no case, no spacing) AND a shared homepage or repository
  (compared by `url_key`: host and path, without scheme, `www.`, trailing `/`, `.git`, query or fragment);
- an item (or player) with neither homepage nor repository cannot contradict: it joins the one player of its
  name key when there is exactly one, and is a player of its own when there are several (ambiguous);
- otherwise the items are different players, imported under their own names; a player whose name key is
  already taken gets a `disambiguator` (its homepage's host/path, else its repository's) and the import's
  notes name both;
- staff may decide a pair the rule keeps apart (the same name key, different homepages and repositories):
  `models.ConfirmedMatch`, read here as `Decisions`. A pair confirmed as one company is joined as if they
  shared their evidence; a pair decided as different companies stays apart, as the rule has it, and the notes
  say staff decided so. Where several of a pair's URLs were decided differently, "different" wins. A decision
  is symmetric: the pair is a set of two URLs.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

DISAMBIGUATOR_MAX = 300


def url_key(url: str) -> str:
    """`https://www.Example.org/Tool/` and `http://example.org/Tool` → `example.org/Tool`; "" for no URL."""
    url = (url or "").strip()
    if not url:
        return ""
    parts = urlsplit(url if "://" in url else f"//{url}")
    host = (parts.hostname or "").lower().removeprefix("www.")
    path = parts.path.rstrip("/").removesuffix(".git").rstrip("/")
    return f"{host}{path}" if host else url.casefold()


def evidence(homepage: str, repo_url) -> frozenset[str]:
    """The URLs that identify an item or a player: its homepage and its repository, as url_keys."""
    return frozenset(key for key in (url_key(homepage), url_key(repo_url if isinstance(repo_url, str) else "")) if key)


def player_evidence(player) -> frozenset[str]:
    """A stored player's evidence: homepage, the repository kept from its landscape item, and those of its
    other entries (see landscape_import.ENTRIES)."""
    extra = player.landscape_extra or {}
    found = set(evidence(player.homepage, extra.get("repo_url")))
    for override in (extra.get("_entries") or {}).values():
        found |= evidence(override.get("homepage_url") or "", override.get("repo_url"))
    return frozenset(found)


@dataclass(frozen=True)
class Decision:
    """Staff's decision on the pair `urls` of the name key `key` (a ConfirmedMatch row)."""

    key: str
    urls: frozenset[str]
    same: bool
    decided_by: str
    decided_on: object  # a date

    @property
    def order(self) -> tuple:
        return (self.same, sorted(self.urls))


class Decisions:
    """The decisions that apply to an import: {(name key, {url, url}): Decision}."""

    def __init__(self, decisions=()):
        self.by_pair = {(decision.key, decision.urls): decision for decision in decisions}

    def between(self, key: str, left: frozenset[str], right: frozenset[str]) -> Decision | None:
        """The decision joining or parting evidence `left` and `right` of name key `key`, the same whichever is
        left: a "different" one where there is one, else a "same" one, else None."""
        if not self.by_pair:
            return None
        found = [
            decision
            for a in left
            for b in right
            if a != b and (decision := self.by_pair.get((key, frozenset((a, b))))) is not None
        ]
        return min(found, key=lambda decision: decision.order, default=None)


@dataclass
class Group:
    """Items found to be one player; `player` is an existing player they were matched to, if any."""

    key: str
    evidence: frozenset[str]
    entries: list = field(default_factory=list)
    player: object = None


class Grouping:
    """Items (or players) by name key, joined into groups by the evidence rule (module docstring)."""

    def __init__(self, decisions: Decisions | None = None):
        self.by_key: dict[str, list[Group]] = {}
        self.decisions = decisions or Decisions()

    def match(self, key: str, found: frozenset[str]) -> tuple[Group | None, Decision | None]:
        """The group this evidence belongs to (None for a new player), and the staff decision that joined them
        (None when the evidence alone did)."""
        candidates = self.by_key.get(key, [])
        shared = [group for group in candidates if group.evidence & found]
        if shared:
            return shared[0], None
        if len(candidates) == 1 and not (candidates[0].evidence and found):
            return candidates[0], None  # one side has no URL at all: nothing contradicts, and nothing is ambiguous
        for group in candidates:
            decision = self.decisions.between(key, group.evidence, found)
            if decision is not None and decision.same:
                return group, decision
        return None, None

    def find(self, key: str, found: frozenset[str]) -> Group | None:
        """The group this evidence belongs to, or None for a new player."""
        return self.match(key, found)[0]

    def join(self, group: Group | None, key: str, found: frozenset[str], *, player=None) -> Group:
        """Join `group` (its evidence grows), or start a new one when it is None; returns it."""
        if group is None:
            group = Group(key=key, evidence=found, player=player)
            self.by_key.setdefault(key, []).append(group)
        else:
            group.evidence |= found
        return group

    def add(self, key: str, found: frozenset[str], *, player=None) -> Group:
        """Join the group `find` gives, or start a new one; returns it."""
        return self.join(self.find(key, found), key, found, player=player)

    @property
    def groups(self) -> list[Group]:
        return [group for groups in self.by_key.values() for group in groups]


def representative(homepage: str, repo_url) -> str:
    """The URL a pair is decided by: the homepage's url_key, else the repository's ("" for neither)."""
    return url_key(homepage) or url_key(repo_url if isinstance(repo_url, str) else "")


def disambiguator(found: frozenset[str], homepage: str, repo_url, taken: set[str]) -> str:
    """A free disambiguator for a new player of a taken name key: its homepage's host/path, else its
    repository's, else the first evidence; numbered when even that is taken."""
    base = url_key(homepage) or url_key(repo_url if isinstance(repo_url, str) else "") or min(found, default="")
    base = (base or "2")[: DISAMBIGUATOR_MAX - 4]
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}#{number}", number + 1
    return candidate
