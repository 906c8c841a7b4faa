"""`manage.py db_worker`: django-tasks-db's worker with a heartbeat, a lease and the claim guard
(alliance/core/workers.py), so that several workers on several machines share the queue and a task whose
worker dies is run by another. It replaces django-tasks-db's command of the same name (alliance.core comes
before django_tasks_db in INSTALLED_APPS), so every `db_worker` started anywhere beats: a worker without a
heartbeat would have its tasks handed away while it runs them. Same options as django-tasks-db's.
"""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker as base

from alliance.core.workers import Heartbeat, new_worker_id, record_if_held, running_claim


class LeasedWorker(base.Worker):
    """django-tasks-db's worker loop; each task runs under its claim, its outcome recorded only while held."""

    def run(self) -> None:
        heartbeat = Heartbeat(self.worker_id)
        heartbeat.start()
        try:
            super().run()
        finally:
            heartbeat.stop()

    def run_task(self, db_task_result) -> None:
        for name in ("set_successful", "set_failed"):
            setattr(db_task_result, name, record_if_held(db_task_result, self.worker_id, getattr(db_task_result, name)))
        with running_claim(db_task_result.id, self.worker_id):
            super().run_task(db_task_result)


class Command(base.Command):
    help = "Run a background worker (django-tasks-db's, with a heartbeat and a lease: alliance/core/workers.py)"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.set_defaults(worker_id=new_worker_id())

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload, **options):
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if excluded and "*" not in queue_names:
            raise base.CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = LeasedWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            excluded_queue_names=excluded,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
