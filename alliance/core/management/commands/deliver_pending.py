"""`manage.py deliver_pending`: send every bulk e-mail due now (queued rows no run holds, deferred rows whose
next attempt has come). For a periodic scheduler, and for task backends that cannot queue a retry for later."""

from django.core.management.base import BaseCommand

from alliance.core.delivery.sending import deliver_pending


class Command(BaseCommand):
    help = "Send the bulk e-mails due now: queued ones no run is sending and deferred ones due for a retry."

    def handle(self, *args, **options):
        runs = deliver_pending()
        for delivery_id, counts in runs.items():
            self.stdout.write(
                f"delivery {delivery_id}: sent {counts.sent}, failed {counts.failed}, deferred {counts.deferred}"
                + (f" (stopped: {counts.stopped})" if counts.stopped else "")
            )
        if not runs:
            self.stdout.write("nothing due")
