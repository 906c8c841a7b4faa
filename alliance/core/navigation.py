"""The site's menus and dashboard tiles, contributed by each app.

An app registers what it adds to the header menu (`register_links`) and to the signed-in user's page
(`register_tiles`) from its `AppConfig.ready` (by importing its `navigation.py`), the way it registers its
audit action labels; the site shell (`alliance.portal`) renders what is registered for the user. So a new
app adds itself without editing `core` or `portal`.

Rule: an entry is shown to a user when the user holds its `permission` (if it names one) and its
`predicate` (if it has one) is true for the user; entries of every group but `PUBLIC` are shown to signed-in
users only. Entries are shown group by group in `GROUPS` order, and by `order` inside a group.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise

PUBLIC = "public"  # everyone, signed in or not (the directory, the map)
ACCOUNT = "account"  # the signed-in user's own page
STAFF = "staff"  # the secretariat's work
MEMBER = "member"  # the work of a member company's representative, an evaluator, an investor
# The signed-in user's own settings (a newsletter subscription): on "My page" apart from the work of the user's
# roles, so that a role with no work of its own is still told so.
PERSONAL = "personal"
GROUPS = (PUBLIC, ACCOUNT, STAFF, MEMBER, PERSONAL)


@dataclass(frozen=True)
class Entry:
    """One link: `label` (text, or a function of the user giving it), the URL name and, when the URL takes
    arguments, `url_args` (a function of the user giving them)."""

    label: Promise | str | Callable
    url_name: str
    group: str
    order: int = 0
    permission: str | None = None
    predicate: Callable | None = None
    url_args: Callable | None = None

    def __post_init__(self):
        if self.group not in GROUPS:
            raise ValueError(f"unknown navigation group {self.group!r}: use one of {GROUPS}")

    def shown_to(self, user) -> bool:
        if self.group != PUBLIC and not user.is_authenticated:
            return False
        if self.permission and not user.has_perm(self.permission):
            return False
        return self.predicate is None or bool(self.predicate(user))

    def link(self, user) -> tuple[str, str]:
        """(URL, label) for `user`."""
        args = self.url_args(user) if self.url_args else ()
        label = self.label(user) if callable(self.label) and not isinstance(self.label, Promise) else self.label
        return reverse(self.url_name, args=args), str(label)


_LINKS: dict[str, Entry] = {}
_TILES: dict[str, Entry] = {}


def _key(entry: Entry) -> str:
    return f"{entry.group}:{entry.url_name}"


def register_links(*entries: Entry) -> None:
    """Add entries to the header menu (registering the same group and URL name again replaces it)."""
    _LINKS.update((_key(entry), entry) for entry in entries)


def register_tiles(*entries: Entry) -> None:
    """Add entries to the signed-in user's page ("My page")."""
    _TILES.update((_key(entry), entry) for entry in entries)


def _visible(entries, user) -> list[tuple[str, str]]:
    ordered = sorted(entries, key=lambda entry: (GROUPS.index(entry.group), entry.order, entry.url_name))
    return [entry.link(user) for entry in ordered if entry.shown_to(user)]


def links_for(user) -> list[tuple[str, str]]:
    """(URL, label) of every header-menu entry `user` may see, in menu order."""
    return _visible(_LINKS.values(), user)


def tiles_for(user, groups: tuple[str, ...] = GROUPS) -> list[tuple[str, str]]:
    """(URL, label) of every dashboard tile of `groups` that `user` may see, in page order."""
    return _visible([entry for entry in _TILES.values() if entry.group in groups], user)
