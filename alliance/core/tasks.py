"""The one way to queue background work: after the transaction commits, with the task itself and ids.

A task queued inside a transaction that is then rolled back must not run (it would act on rows that do not
exist), and a worker must not pick a task up before the rows it reads are committed; so every place that
queues work calls `enqueue_on_commit`, never `task.enqueue` directly. Tasks take ids (and plain values such
as a kind or a number), never model instances, file contents or secrets: any backend can carry them and a
kept task row reveals nothing.
"""

from django.db import transaction
from django_tasks import task

from alliance.core.delivery.sending import send_delivery_run
from alliance.core.password_reset_mail import send_password_reset_message


def enqueue_on_commit(task, /, **kwargs) -> None:
    """Queue `task` (a django-tasks task object) with keyword arguments `kwargs` once the current transaction
    commits; outside a transaction, at once. Passing the task object (not its name) keeps the dependency
    visible to readers and to the import checks."""
    transaction.on_commit(lambda: task.enqueue(**kwargs))


@task
def send_delivery(delivery_id: int) -> int:
    """Send one bulk-e-mail delivery to every recipient due now (alliance.core.delivery.sending); when rows
    were deferred and the task backend can defer, queue this task again for the earliest next attempt."""
    counts = send_delivery_run(delivery_id=delivery_id)
    if counts.retry_at is not None and send_delivery.get_backend().supports_defer:
        enqueue_on_commit(send_delivery.using(run_after=counts.retry_at), delivery_id=delivery_id)
    return counts.sent


@task
def send_password_reset_email(user_id: int) -> int:
    """Send one password-reset e-mail; the link's token is made as it goes out, never a task argument."""
    return send_password_reset_message(user_id=user_id)
