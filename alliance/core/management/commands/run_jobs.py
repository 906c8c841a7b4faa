"""`manage.py run_jobs`: run the periodic jobs that are due (alliance/core/jobs.py), once, then exit.

Started each minute on every machine by deploy/systemd/alliance-jobs.timer: each job still runs once per
period. `--loop` keeps one process running passes a minute apart instead (where no timer is at hand);
`--list` shows the registered jobs and their last outcome.
"""

import signal
import threading

from django.core.management.base import BaseCommand

from alliance.core.jobs import registered_jobs, run_due_jobs
from alliance.core.models import ScheduledJob


class Command(BaseCommand):
    help = "Run the periodic jobs that are due (each once, even when several machines run this)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Keep running, one pass every --interval seconds.")
        parser.add_argument("--interval", type=int, default=60)
        parser.add_argument("--list", action="store_true", help="List the registered jobs and their last outcome.")

    def handle(self, *args, loop: bool, interval: int, list: bool, **options):
        if list:
            self._list()
            return
        stop = threading.Event()
        if loop:
            signal.signal(signal.SIGTERM, lambda *_: stop.set())
        while True:
            for name, outcome in run_due_jobs().items():
                self.stdout.write(f"{name}: {outcome}")
            if not loop or stop.wait(interval):
                return

    def _list(self):
        rows = {row.name: row for row in ScheduledJob.objects.all()}
        for job in registered_jobs():
            row = rows.get(job.name)
            last = f"{row.last_started_at:%Y-%m-%d %H:%M} {row.last_outcome}" if row and row.last_started_at else "-"
            self.stdout.write(f"{job.name}\tevery {job.every}\tlast: {last}")
