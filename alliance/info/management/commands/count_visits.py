"""`python manage.py count_visits`: count the recorded days not yet complete into the daily totals, delete raw
views past ANALYTICS_RAW_DAYS and past days' salts (the hourly job `info_count_visits` does the same)."""

from django.utils.translation import gettext as _

from alliance.core.management.base import BaseCommand
from alliance.info.services.analytics_recording import flush
from alliance.info.services.analytics_visits import count_recorded_days


class Command(BaseCommand):
    help = _("Count recorded page views into daily visit totals and delete expired raw views.")

    def handle(self, *args, **options):
        flush()
        self.stdout.write(count_recorded_days())
