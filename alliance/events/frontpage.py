"""The events on the front page's agenda (`alliance.core.frontpage`): the coming published events, one
query, each linking to its page (and a registration period shown as under way while registration is open)."""

import datetime

from django.utils.translation import pgettext

from alliance.core.frontpage import AgendaItem, register_agenda
from alliance.events import queries


def _events(now: datetime.datetime, limit: int) -> list[AgendaItem]:
    events = queries.upcoming_published(now.date())[:limit]
    return [
        AgendaItem(
            title=event.title,
            kind=pgettext("front page", "Event"),
            starts_at=event.starts,
            ends_at=event.ends,
            url=event.get_absolute_url(),
        )
        for event in events
    ]


register_agenda("events", _events)
