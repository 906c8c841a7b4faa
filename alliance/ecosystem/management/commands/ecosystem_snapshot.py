"""Print a year's map: each category and subcategory with the names of the players placed on it.

    python manage.py ecosystem_snapshot --year 2025 --format json
    {"year": 2025, "categories": [{"path": ["domain", "layer", "category"(, "subcategory")],
                                   "players": ["name", ...]}, ...]}

It reads the year's published snapshot when one exists (the frozen map, which never changes), and
otherwise the year's current map. Either way the players are those with a confirmed placement (the map
the public sees). A path goes down to the node a player is placed on (its subcategory where it has one),
and every placement is listed, primary and secondary, so a player appears once on each node it sits on;
players sorted by name, nodes in taxonomy order, empty ones included.
"""

import json

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.ecosystem.queries import snapshot_data_for_year
from alliance.ecosystem.services.snapshots import category_listing


class Command(BaseCommand):
    help = "Print a year's ecosystem map (the published snapshot if any, else the current map)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--format", choices=["json"], default="json")

    def handle(self, *args, year: int, **options):
        data = snapshot_data_for_year(year)
        if data is None:
            raise CommandError(_("There is no %(year)s taxonomy.") % {"year": year})
        self.stdout.write(json.dumps({"year": year, "categories": category_listing(data)}, ensure_ascii=False))
