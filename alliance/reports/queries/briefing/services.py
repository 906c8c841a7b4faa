"""[안건1] the quarter's report, second part: □ 회원사 서비스 — ① the archive, ② the newsletter with the agencies'
promotions and the announcement mailings, ③ the homepage's monthly visits and its most viewed pages.

The quarter's counts are info's `quarterly.quarter_figures` (what `info_quarter` prints); the year's totals are the
same queries without a quarter; visits and top pages are info's analytics reads.
"""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from alliance.core.dates import quarter_bounds
from alliance.info.models import CountKind, Report
from alliance.info.queries.analytics import counted, last_counted_day, monthly_visits_of
from alliance.info.queries.archive import reports_posted
from alliance.info.queries.mailings import mailings_sent
from alliance.info.queries.newsletter import editions_sent
from alliance.info.queries.promotions import promotions_relayed
from alliance.info.queries.quarterly import quarter_figures
from alliance.reports.queries.briefing.collect import Collector, as_of_phrase, line, no_data, table


def add_services(collect: Collector, year: int, quarter: int) -> None:
    figures = quarter_figures(year, quarter)
    q = figures.quarter
    source = _("Information services (info_quarter)")
    section = collect.section("services", _("□ Member services %(as_of)s") % {"as_of": as_of_phrase(collect.as_of)})

    def pair(label: str, year_total: int, quarter_count: int) -> dict:
        return {
            "total": collect.figure(_("%(label)s in %(year)s") % {"label": label, "year": year}, year_total, source),
            "quarter": collect.figure(_("%(label)s in Q%(q)s") % {"label": label, "q": q}, quarter_count, source),
            "q": q,
        }

    line(
        section,
        _("① Archive: reports collected for members (%(total)s in all, %(quarter)s in Q%(q)s)")
        % pair(_("Archive reports"), reports_posted(year), figures.reports_posted),
        0,
    )
    first, last = quarter_bounds(year, quarter)
    posted = (
        Report.objects.filter(posted_on__range=(first, last)).select_related("publisher").order_by("posted_on", "pk")
    )
    rows = [[str(n), r.posted_on.isoformat(), r.publisher.name, r.title] for n, r in enumerate(posted, start=1)]
    if rows:
        table(
            section,
            [
                pgettext("briefing", "No."),
                pgettext("briefing", "Posted on"),
                pgettext("briefing", "Publisher"),
                pgettext("briefing", "Title"),
            ],
            rows,
        )
    editions_year = sum(editions_sent(year, n) for n in range(1, 5))
    line(
        section,
        _("② Daily newsletter: %(total)s editions sent (%(quarter)s in Q%(q)s)")
        % pair(_("Newsletter editions sent"), editions_year, figures.editions_sent),
        0,
    )
    line(
        section,
        _("Partner agencies' promotions in the newsletter (%(total)s in all, %(quarter)s in Q%(q)s)")
        % pair(_("Agency promotions relayed"), promotions_relayed(year), figures.promotions_relayed),
    )
    line(
        section,
        _("Announcement and event mailings (%(total)s in all, %(quarter)s in Q%(q)s)")
        % pair(pgettext("briefing", "Mailings"), mailings_sent(year), figures.mailings),
    )
    add_homepage(collect, year, quarter, figures.visits)


def add_homepage(collect: Collector, year: int, quarter: int, quarter_visits: int) -> None:
    counted_to = min(filter(None, [last_counted_day(), collect.as_of]), default=collect.as_of)
    source = _("Homepage analytics (monthly visits, page views)")
    section = collect.section("homepage", _("③ Homepage %(as_of)s") % {"as_of": as_of_phrase(counted_to)})
    months = monthly_visits_of([year - 1, year])
    last_month = collect.as_of.month if collect.as_of.year == year else 12
    rows, totals = [], {}
    for shown_year in (year - 1, year):
        cells, total = [], 0
        for month in range(1, 13):
            value = months[shown_year][month]
            if value is None or (shown_year == year and month > last_month):
                cells.append("-")
                continue
            total += value
            cells.append(f"{value:,}")
        totals[shown_year] = total
        rows.append([_("’%(yy)s") % {"yy": f"{shown_year % 100:02d}"}, *cells, f"{total:,}"])
    if not any(totals.values()):
        no_data(section, _("No homepage visits counted yet."))
        return
    visits = {
        y: collect.figure(
            _("Homepage visits in %(year)s") % {"year": y}, totals[y], source, counted_to if y == year else None
        )
        for y in (year - 1, year)
    }
    quarter_text = collect.figure(_("Homepage visits in Q%(q)s") % {"q": quarter}, quarter_visits, source, counted_to)
    line(
        section,
        _("Visits: %(now)s in %(year)s (%(before)s in %(previous)s), %(quarter)s in Q%(q)s")
        % {
            "now": visits[year],
            "year": year,
            "before": visits[year - 1],
            "previous": year - 1,
            "quarter": quarter_text,
            "q": quarter,
        },
        0,
    )
    headers = [
        pgettext("briefing", "Year"),
        *[_("Month %(month)s") % {"month": m} for m in range(1, 13)],
        pgettext("briefing", "Total"),
    ]
    table(section, headers, rows, caption=_("Monthly homepage visits"))
    pages = counted(CountKind.PAGE, year)
    if pages:
        collect.figure(
            _("Views of the most viewed page in %(year)s") % {"year": year}, pages[0].views, source, counted_to
        )
        table(
            section,
            [pgettext("briefing", "Address"), pgettext("briefing", "Views"), pgettext("briefing", "Share")],
            [[page.key, f"{page.views:,}", f"{page.share}%" if page.share is not None else "-"] for page in pages],
            caption=_("Most viewed pages"),
        )
