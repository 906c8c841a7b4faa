"""Background work of the members app. Each task takes ids, loads, and calls one service.

With the default `immediate` backend they run in the request; with TASKS_BACKEND=database a
`manage.py db_worker` process takes them.
"""

from django_tasks import task  # noqa: F401  used by the tasks below
