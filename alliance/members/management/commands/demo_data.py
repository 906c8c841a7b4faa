"""`python manage.py demo_data [--orgs N] [--seed S] [--if-empty] [--force]`: synthetic member organisations.

It creates the demo logins with the published demo password, so with DEBUG off it refuses unless `--force`.

After the registry, every later app that has a `demo` module with `load_demo(*, seed) -> str` adds its own
demo data on top (in INSTALLED_APPS order) and returns a one-line summary to print.
"""

import importlib
import os
import time

from django.apps import apps
from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.members import demo
from alliance.members.models import Organisation


class Command(BaseCommand):
    help = _(
        "Create synthetic member organisations (not real companies) and the demo logins. N is the number of "
        "members on 2025-12-31; withdrawn members and 2026 joiners are added on top."
    )

    def add_arguments(self, parser):
        parser.add_argument("--orgs", type=int, default=demo.SEED_TOTAL, help=_("members on 2025-12-31"))
        parser.add_argument("--seed", type=int, default=demo.DEFAULT_SEED, help=_("random seed"))
        parser.add_argument("--if-empty", action="store_true", help=_("do nothing when organisations exist"))
        parser.add_argument("--force", action="store_true", help=_("run even when DEBUG is off"))

    def handle(self, *args, orgs, seed, if_empty, force, **options):
        demo.refuse_unless_debug_or_forced(force=force)
        if not 0 <= orgs <= 200_000:
            raise CommandError(_("--orgs must be between 0 and 200,000 (given: %(value)s).") % {"value": orgs})
        existing = Organisation.objects.count()
        if existing and if_empty:
            self.stdout.write(_("%(count)s organisations exist already; demo data not loaded.") % {"count": existing})
            return
        if existing:
            raise CommandError(
                _("The registry already holds %(count)s organisations; demo data goes into an empty one only.")
                % {"count": existing}
            )
        started = time.monotonic()
        created = demo.load(demo.generate(orgs, seed))
        demo.ensure_demo_users(password=os.environ.get("DEMO_PASSWORD", demo.DEFAULT_PASSWORD))
        self.stdout.write(
            _("Created %(count)s demo organisations in %(seconds).1f s.")
            % {"count": f"{created:,}", "seconds": time.monotonic() - started}
        )
        for config in apps.get_app_configs():
            if config.name.startswith("alliance.") and config.label not in {"core", "members"}:
                try:
                    app_demo = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{config.name}.demo":
                        raise
                    continue
                self.stdout.write(app_demo.load_demo(seed=seed))
