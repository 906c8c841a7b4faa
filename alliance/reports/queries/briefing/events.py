"""[안건1]'s □ 주요 행사: the quarter's events as seed 001 reports them — name, date and venue, 주최·주관·후원, who
came (checked in, by kind of organisation) — and the press coverage of the quarter ("총 88건 기사보도").

Every count is the events app's: `events_in` (published events dated in the quarter), `attendance(event)`,
`press.press_count` and `press.articles_between`.
"""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alliance.core.dates import format_moment, quarter_bounds
from alliance.events.models import OrganisationType
from alliance.events.queries import attendance, events_in
from alliance.events.queries.press import articles_between, press_count
from alliance.reports.queries.briefing.collect import Collector, as_of_phrase, line, no_data, table


def add_events(collect: Collector, year: int, quarter: int) -> None:
    first, last = quarter_bounds(year, quarter)
    events = events_in(first, last)
    source = _("Events: published events dated in the quarter, their check-ins and press articles")
    count = collect.figure(_("Events this quarter"), len(events), source)
    section = collect.section(
        "events",
        _("□ The quarter's events (%(count)s) %(as_of)s") % {"count": count, "as_of": as_of_phrase(collect.as_of)},
    )
    if not events:
        no_data(section, _("No event recorded for this quarter."))
    for event in events:
        line(section, _("○ %(title)s") % {"title": event.title}, 0)
        hours = f"{event.starts_at:%H:%M}~{event.ends_at:%H:%M}"
        venue = ", ".join(filter(None, [event.venue_name, event.venue_address])) or event.online_url
        line(
            section,
            _("(Date and venue) %(date)s %(hours)s, %(venue)s")
            % {"date": format_moment(event.date), "hours": hours, "venue": venue},
        )
        hosts = " / ".join(filter(None, [event.host, event.organiser]))
        if hosts:
            line(section, _("(Hosted and organised by) %(hosts)s") % {"hosts": hosts})
        if event.sponsor:
            line(section, _("(Sponsored by) %(sponsor)s") % {"sponsor": event.sponsor})
        came = attendance(event)
        label = _("Attendees of %(event)s") % {"event": event.title}
        if event.date <= collect.as_of and came.checked_in:
            checked_in = collect.figure(label, came.checked_in, source)
            line(
                section,
                _("(Attendance) %(count)s attended (%(confirmed)s registered)")
                % {"count": checked_in, "confirmed": f"{came.confirmed:,}"},
            )
            rows = [
                [str(kind.label), f"{came.by_organisation_type[kind.value]:,}"]
                for kind in OrganisationType
                if came.by_organisation_type[kind.value]
            ]
            table(section, [pgettext("briefing", "Sector"), pgettext("briefing", "Attendance")], rows)
        else:
            registered = collect.figure(_("Registered for %(event)s") % {"event": event.title}, came.confirmed, source)
            line(section, _("(Registration) %(count)s registered") % {"count": registered})
    articles = articles_between(first, min(last, collect.as_of))
    press = collect.figure(_("Press articles this quarter"), press_count(first, min(last, collect.as_of)), source)
    if events or articles:
        line(section, _("Press coverage: %(count)s articles in all") % {"count": press}, 0)
    if articles:
        table(
            section,
            [pgettext("briefing", "Published on"), pgettext("briefing", "Outlet"), pgettext("briefing", "Headline")],
            [[format_moment(a.published_on), a.outlet, a.title] for a in articles],
        )
