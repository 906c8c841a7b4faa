#!/usr/bin/env bash
# `make prod`: the production stack on this machine, for trying it and for the tests. gunicorn with
# deploy/gunicorn.conf.py and the background worker (db_worker), DEBUG=0, static files collected (hashed,
# compressed), against the configured database (DATABASE_URL; SQLite under var/ by default).
# Ctrl+C (or SIGTERM to this script) stops both; if either ends, the other is stopped too.
#
# Served over plain HTTP on 127.0.0.1 without a TLS proxy, so unless set otherwise: no HTTPS redirect,
# cookies without Secure, no HSTS. A real deployment sets these (deploy/alliance.env.example, README).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
GUNICORN=${GUNICORN:-.venv/bin/gunicorn}
VAR_DIR=${ALLIANCE_VAR_DIR:-var}
PORT=${PORT:-8000}

export DEBUG=${DEBUG:-0}
export TASKS_BACKEND=${TASKS_BACKEND:-database}
export SECURE_SSL_REDIRECT=${SECURE_SSL_REDIRECT:-0}
export SECURE_COOKIES=${SECURE_COOKIES:-0}
export SECURE_HSTS_SECONDS=${SECURE_HSTS_SECONDS:-0}
export GUNICORN_BIND=${GUNICORN_BIND:-127.0.0.1:$PORT}
export SITE_URL=${SITE_URL:-http://127.0.0.1:$PORT}
if [ -z "${SECRET_KEY:-}" ]; then
    # One key kept for this machine's trial stack (sessions survive a restart); production sets its own.
    mkdir -p "$VAR_DIR"
    key_file="$VAR_DIR/prod_secret_key"
    [ -s "$key_file" ] || (umask 077 && "$PY" -c "import secrets; print(secrets.token_urlsafe(50))" >"$key_file")
    SECRET_KEY=$(cat "$key_file")
    export SECRET_KEY
fi

# A release's steps, in order: migrate once, collect static files, then start the processes.
"$PY" manage.py migrate --noinput
"$PY" manage.py collectstatic --noinput --verbosity 0

"$PY" manage.py db_worker --no-reload --no-startup-delay &
worker=$!
"$GUNICORN" -c deploy/gunicorn.conf.py alliance.wsgi &
web=$!
echo "Serving on http://$GUNICORN_BIND/ with a background worker (Ctrl+C stops both)" >&2

stop() {
    trap - INT TERM EXIT
    kill -TERM "$web" "$worker" 2>/dev/null || true
    wait "$web" "$worker" 2>/dev/null || true
}
trap 'stop; exit 130' INT TERM
trap stop EXIT
# Until one of them ends (Ctrl+C reaches both as well: they share the terminal's process group).
wait -n "$web" "$worker" || true
