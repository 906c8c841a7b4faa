#!/usr/bin/env bash
# A throw-away PostgreSQL server for CI and benchmarks: Debian's binaries, a temporary data directory,
# a free port on 127.0.0.1, no durability (fsync off). Installs Debian's `postgresql` when it is missing.
#
#   url=$(scripts/pg_scratch.sh start DIR)   # prints postgres://alliance:...@127.0.0.1:PORT/alliance
#   scripts/pg_scratch.sh stop DIR
#
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root); DIR must not exist
# yet or be empty; it is made readable by that user.
set -euo pipefail

command=${1:?usage: pg_scratch.sh start|stop DIR}
dir=${2:?usage: pg_scratch.sh start|stop DIR}

pg_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ]; then
        echo "Installing Debian's postgresql ..." >&2
        local sudo=""
        [ "$(id -u)" = 0 ] || sudo=sudo
        $sudo apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    echo "$bin"
}

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case "$command" in
start)
    bin=$(pg_bin)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir" && chmod 700 "$dir"
    port=$(free_port)
    password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
        -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
        >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    as_owner "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE alliance LOGIN CREATEDB PASSWORD '$password'" \
        -c "CREATE DATABASE alliance OWNER alliance" >&2
    echo "postgres://alliance:$password@127.0.0.1:$port/alliance"
    ;;
stop)
    bin=$(pg_bin)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: pg_scratch.sh start|stop DIR" >&2
    exit 2
    ;;
esac
