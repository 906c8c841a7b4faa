"""gunicorn's configuration: `gunicorn -c deploy/gunicorn.conf.py alliance.wsgi` (deploy/systemd/alliance-web.service,
`make prod`). Every value can be changed through the environment (deploy/alliance.env.example)."""

import multiprocessing
import os

# Behind nginx on the same machine by default; a systemd socket or another address through GUNICORN_BIND.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")

# Synchronous workers, the classic 2 × cores + 1: a request waiting on the database leaves the CPU to another.
# Long work (imports, e-mail, PDF runs) is in the background worker, never in a request.
workers = int(os.environ.get("GUNICORN_WORKERS", "0")) or multiprocessing.cpu_count() * 2 + 1
worker_class = "sync"

# A request taking longer than this is killed and its worker replaced (the page gets 502 from nginx);
# the slowest pages (exports, snapshot comparisons) take a few seconds.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# On a restart (SIGHUP / systemctl reload) or stop, the time a worker has to finish its current request.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# nginx keeps connections to gunicorn short; a few seconds spares a TCP handshake between close requests.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))

# Each worker is replaced after about this many requests (jitter: not all at once), bounding slow leaks.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "100"))

# Logs on stdout/stderr (journald collects them). The access log is off by default: the application writes one
# JSON line per request itself (alliance/core/logs.py) with its request id, route, status, duration and user id,
# and without the address, which for personal links carries their token. GUNICORN_ACCESS_LOG=- turns gunicorn's
# own access log on (then with the path, in this JSON-like form, for debugging).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
access_log_format = (
    '{"logger": "gunicorn.access", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", "status": %(s)s, '
    '"bytes": "%(B)s", "duration_ms": %(M)s, "request_id": "%({x-request-id}o)s"}'
)
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# Temporary files of the worker heartbeat in memory, not on a possibly slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: PTH112, S108  gunicorn's advice
# The server trusts X-Forwarded-Proto etc. only from these addresses (the proxy).
forwarded_allow_ips = os.environ.get("TRUSTED_PROXIES", "127.0.0.1,::1")
proc_name = "alliance-web"
# gunicorn 24+ opens a control socket in the home directory: not needed (systemd manages the process), and the
# service's home is read-only (ProtectHome).
control_socket_disable = True
