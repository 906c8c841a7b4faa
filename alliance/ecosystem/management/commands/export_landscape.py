"""Write a year's map as a landscape.yml (the current CNCF form), with its logos in logos/ beside it.

    python manage.py export_landscape --year 2026 --out FILE.yml               # for re-import
    python manage.py export_landscape --year 2026 --out DIR/landscape.yml --landscape2
    python manage.py export_landscape --year 2026 --out landscape.zip         # landscape.yml + logos/, zipped

Each category of the taxonomy becomes a landscape category; the items are the confirmed placements.
With --landscape2 (always for a .zip) the result passes a landscape2 build: every item gets a logo (a neutral
placeholder.svg written into logos/ when the player has none) and a homepage_url (the player's card on this
site when it has none), the file is checked against landscape2's rules (services/landscape2_rules.py), and
the command says what it added. See alliance/ecosystem/services/landscape_export.py.
"""

import io
import zipfile
from pathlib import Path

import yaml
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.ecosystem.models import Taxonomy
from alliance.ecosystem.services.landscape2_rules import landscape2_problems
from alliance.ecosystem.services.landscape_import import export_landscape


def check_landscape2(out: Path) -> list[str]:
    """landscape2's rules applied to what was written (a file with logos/ beside it, or a zip)."""
    if out.suffix.lower() != ".zip":
        return landscape2_problems(yaml.safe_load(out.read_text(encoding="utf-8")), out.parent / "logos")
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as archive:
        names = set(archive.namelist())
        document = yaml.safe_load(archive.read("landscape.yml").decode("utf-8"))
    problems = landscape2_problems(document)
    logos = {item.get("logo") for c in document["categories"] for s in c["subcategories"] for item in s["items"]}
    return problems + [f"logo file logos/{logo} is missing" for logo in sorted(logos) if f"logos/{logo}" not in names]


class Command(BaseCommand):
    help = "Export a year's ecosystem map as landscape.yml (with --landscape2 or a .zip: ready for landscape2)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--out", required=True)
        parser.add_argument("--landscape2", action="store_true", help="complete every item as landscape2 requires")

    def handle(self, *args, year: int, out: str, landscape2: bool, **options):
        if not Taxonomy.objects.filter(year=year).exists():
            raise CommandError(_("There is no %(year)s taxonomy.") % {"year": year})
        out_path = Path(out)
        counts = export_landscape(year=year, out_path=out_path, landscape2=landscape2)
        self.stdout.write(
            _("Wrote %(items)s items in %(categories)s categories to %(out)s (%(logos)s logos).")
            % {**counts, "out": out}
        )
        if landscape2 or out_path.suffix.lower() == ".zip":
            self.stdout.write(
                _(
                    "Added for landscape2: the placeholder logo logos/placeholder.svg to %(placeholder_logos)s items, "
                    "a homepage (the company's card on this site, or http:// before an address without one) to "
                    "%(homepages_added)s items."
                )
                % counts
            )
            problems = check_landscape2(out_path)
            if problems:
                raise CommandError("\n".join(problems[:30]))
