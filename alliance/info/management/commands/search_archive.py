"""`python manage.py search_archive "QUERY" [--publisher NAME] [--year YYYY] [--tag NAME] [--limit N]
[--format json]`: the report archive's Korean search as the public list runs it (alliance/info/queries/
archive_search.py), best first. JSON: `[{"title", "publisher", "posted_on": "YYYY-MM-DD", "snippet"}, …]`, the
snippet as plain text."""

import json

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.info.queries.archive import ArchiveFilters, find_publisher
from alliance.info.queries.archive_search import search_archive


class Command(BaseCommand):
    help = _("Search the report archive in Korean, best first (as the public list's search box).")

    def add_arguments(self, parser):
        parser.add_argument("query", help=_("the words to look for"))
        parser.add_argument("--publisher", default="", help=_("only this publisher's reports (any known spelling)"))
        parser.add_argument("--year", type=int, default=None, help=_("only reports posted in this year"))
        parser.add_argument("--tag", default="", help=_("only reports with this tag"))
        parser.add_argument("--limit", type=int, default=20, help=_("at most this many results (0: all)"))
        parser.add_argument("--format", choices=("text", "json"), default="text", help=_("how to print the results"))

    def handle(self, *args, query, publisher, year, tag, limit, format, **options):
        publisher_id = None
        if publisher:
            found = find_publisher(publisher)
            if found is None:
                raise CommandError(_("Unknown publisher: %(name)s") % {"name": publisher})
            publisher_id = found.pk
        if limit < 0:
            raise CommandError(_("--limit must be 0 or more."))
        filters = ArchiveFilters(publisher=publisher_id, year=year, tag=tag.strip())
        matches = search_archive(query, filters, limit=limit)
        results = [
            {
                "title": match.report.title,
                "publisher": match.report.publisher.name,
                "posted_on": match.report.posted_on.isoformat(),
                "snippet": str(match.snippet),
            }
            for match in matches
        ]
        if format == "json":
            self.stdout.write(json.dumps(results, ensure_ascii=False))
            return
        if not results:
            self.stdout.write(_("No report matches."))
        for result in results:
            self.stdout.write(f"{result['posted_on']}  {result['publisher']}  {result['title']}")
            if result["snippet"]:
                self.stdout.write(f"    {result['snippet']}")
