"""`python manage.py demo_logins [--force]`: one demo login per role, printed as a table."""

import os
import unicodedata

from django.conf import settings
from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.members import demo


class Command(BaseCommand):
    help = _("Ensure one demo user per role exists with the demo password, and print the logins.")

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help=_("run even when DEBUG is off"))

    def handle(self, *args, force, **options):
        demo.refuse_unless_debug_or_forced(force=force)
        password = os.environ.get("DEMO_PASSWORD", demo.DEFAULT_PASSWORD)
        users = demo.ensure_demo_users(password=password)
        rows = [(", ".join(user.role_labels()), user.email, password) for user in users]
        header = (_("Role"), _("E-mail"), _("Password"))
        widths = [max(_width(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
        self.stdout.write(_("Open %(url)s and log in with one of these:") % {"url": settings.SITE_URL})
        for row in (header, *rows):
            line = "  ".join(_pad(str(cell), width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write(line.rstrip())


def _width(text: str) -> int:
    """Columns a terminal gives the text: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
