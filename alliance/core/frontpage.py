"""The public front page's sections, contributed by each app.

An app registers what it shows on the front page from its `AppConfig.ready` (by importing its
`frontpage.py`), the way it registers its menu entries (`core/navigation.py`); the site shell
(`alliance.portal`) renders what is registered. So a new app (events, issue 14) adds itself without editing
`core` or `portal`. Three kinds of contribution:

- `register_section(Section(key, order, template, context))`: a box of its own. `context()` returns the
  template's context, or None when the section has nothing to show at all (it is then left out); a section
  that is empty but worth naming renders a short "none yet" line itself.
- `register_figure(Figure(key, order, read))`: a key figure. `read()` returns a `FigureValue` (label, number,
  Korean counter word, link) or None to leave it out. Core's own section "figures" shows them together.
- `register_agenda(key, provider)`: dated things coming up (the competition's calls and stages; events).
  `provider(now, limit)` returns at most `limit` `AgendaItem`s not yet over. Core's own section "upcoming"
  merges every provider's and shows the next few, the soonest first.

Rule: the front page is read by everyone on every visit, so each contribution costs a bounded number of
queries whatever the data's size (no query per row: select_related, a limit in SQL), and shows only public
things. Sections are shown by `order`, then key. An anonymous visitor's front page is kept rendered
(`core/page_cache.py`) for at most `FRESH_SECONDS` (`version()`): its sections show what changes without a
write announcing it (a scheduled notice appears, a call closes) and what other apps write (a report, an
edition), so a change shows within a minute.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

AGENDA_LIMIT = 5  # things shown under "coming up"
FRESH_SECONDS = 60  # how long an anonymous visitor's front page may be kept rendered


@dataclass(frozen=True)
class Section:
    """A box of the front page: `template` rendered with what `context()` returns (None: left out)."""

    key: str
    order: int
    template: str
    context: Callable[[], dict | None]


@dataclass(frozen=True)
class FigureValue:
    """A key figure as shown: `label` (회원사), `value` (1,139) with its Korean counter word `unit` (개사), and
    the page it leads to (`url`, empty for none)."""

    label: str
    value: int
    unit: str = ""
    url: str = ""


@dataclass(frozen=True)
class Figure:
    key: str
    order: int
    read: Callable[[], FigureValue | None]


@dataclass(frozen=True)
class AgendaItem:
    """Something dated coming up: a call, a stage, an event. `kind` names what it is (공모, 행사), `ends_at` is
    None for a moment rather than a period; `url` may be empty."""

    title: str
    kind: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None = None
    url: str = ""

    def is_on(self, now: datetime.datetime) -> bool:
        """Under way at `now` (started, not over)."""
        return self.ends_at is not None and self.starts_at <= now <= self.ends_at

    @property
    def within_a_day(self) -> bool:
        """A period that starts and ends on the same day (in Korean time): shown as one date with its hours."""
        return self.ends_at is not None and timezone.localdate(self.starts_at) == timezone.localdate(self.ends_at)

    def next_moment(self, now: datetime.datetime) -> datetime.datetime:
        """What the visitor waits for: the deadline of something under way, else its start."""
        return self.ends_at if self.is_on(now) and self.ends_at else self.starts_at


@dataclass(frozen=True)
class Shown:
    """A section ready to render: its template and context."""

    key: str
    template: str
    context: dict


_SECTIONS: dict[str, Section] = {}
_FIGURES: dict[str, Figure] = {}
_AGENDA: dict[str, Callable[[datetime.datetime, int], list[AgendaItem]]] = {}


def register_section(section: Section) -> None:
    """Add a section (registering the same key again replaces it)."""
    _SECTIONS[section.key] = section


def register_figure(figure: Figure) -> None:
    """Add a key figure (registering the same key again replaces it)."""
    _FIGURES[figure.key] = figure


def register_agenda(key: str, provider: Callable[[datetime.datetime, int], list[AgendaItem]]) -> None:
    """Add a source of things coming up (registering the same key again replaces it)."""
    _AGENDA[key] = provider


def figures() -> list[FigureValue]:
    """Every key figure that has a value, in order."""
    ordered = sorted(_FIGURES.values(), key=lambda figure: (figure.order, figure.key))
    return [value for value in (figure.read() for figure in ordered) if value is not None]


def agenda(now: datetime.datetime | None = None, limit: int = AGENDA_LIMIT) -> list[AgendaItem]:
    """The next `limit` things coming up from every provider, the soonest deadline or start first."""
    now = now or timezone.now()
    items = [item for key in sorted(_AGENDA) for item in _AGENDA[key](now, limit)]
    items = [item for item in items if (item.ends_at or item.starts_at) >= now]
    return sorted(items, key=lambda item: (item.next_moment(now), item.title))[:limit]


def sections() -> list[Shown]:
    """The sections to show, in order, each with its context (those with nothing to show left out)."""
    shown = []
    for section in sorted(_SECTIONS.values(), key=lambda section: (section.order, section.key)):
        context = section.context()
        if context is not None:
            shown.append(Shown(section.key, section.template, context))
    return shown


def version(now: datetime.datetime | None = None) -> str:
    """A string that changes every FRESH_SECONDS: the kept rendering's version (module rule)."""
    return str(int((now or timezone.now()).timestamp()) // FRESH_SECONDS)


def _figures_context() -> dict | None:
    values = figures()
    return {"figures": values} if values else None


def _agenda_context() -> dict | None:
    if not _AGENDA:
        return None
    now = timezone.now()
    return {"items": [(item, item.is_on(now)) for item in agenda(now)]}


# Core's own sections: the key figures the apps register, and what is coming up.
register_section(Section("figures", 10, "core/frontpage/figures.html", _figures_context))
register_section(Section("upcoming", 30, "core/frontpage/upcoming.html", _agenda_context))
