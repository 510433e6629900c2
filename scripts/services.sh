#!/usr/bin/env bash
# PostgreSQL and Redis from Debian's packages, started for the tests (and the load
# benchmark) in a throw-away folder, listening only on Unix sockets inside it.
#   source scripts/services.sh; start_services; ...; stop_services
# start_services exports DASHBOARD_TEST_POSTGRES (a libpq URL of the cluster's superuser,
# each test makes its own database) and DASHBOARD_TEST_REDIS (redis+unix URL).
# PostgreSQL refuses to run as root, so as root the cluster runs as Debian's `postgres` user.

services_dir=""

_pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$found" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; return 1; }
  echo "$found"
}

_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_services() {
  local bin
  bin=$(_pg_bin)
  services_dir=$(mktemp -d /tmp/dashboard-services.XXXXXX)
  chmod 755 "$services_dir"
  mkdir "$services_dir/pg"
  [ "$(id -u)" = 0 ] && chown postgres: "$services_dir/pg"
  _as_owner "$bin/initdb" -D "$services_dir/pg/data" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$services_dir/pg/initdb.log" 2>&1 || {
      cat "$services_dir/pg/initdb.log" >&2; return 1; }
  _as_owner "$bin/pg_ctl" -D "$services_dir/pg/data" -l "$services_dir/pg/server.log" -w \
    -o "-c listen_addresses='' -c unix_socket_directories=$services_dir/pg -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$services_dir/pg/server.log" >&2; return 1; }
  export DASHBOARD_TEST_POSTGRES="postgresql://postgres@/postgres?host=$services_dir/pg"
  redis-server --port 0 --unixsocket "$services_dir/redis.sock" --unixsocketperm 700 \
    --daemonize yes --pidfile "$services_dir/redis.pid" --save '' --appendonly no \
    --logfile "$services_dir/redis.log" >/dev/null
  for _ in $(seq 50); do [ -S "$services_dir/redis.sock" ] && break; sleep 0.1; done
  [ -S "$services_dir/redis.sock" ] || { echo "Redis did not start" >&2; return 1; }
  export DASHBOARD_TEST_REDIS="unix://$services_dir/redis.sock"
}

stop_services() {
  [ -n "$services_dir" ] || return 0
  local bin
  bin=$(_pg_bin) && _as_owner "$bin/pg_ctl" -D "$services_dir/pg/data" -m fast -w stop \
    >/dev/null 2>&1 || true
  [ -f "$services_dir/redis.pid" ] && kill "$(cat "$services_dir/redis.pid")" 2>/dev/null || true
  rm -rf "$services_dir"
  services_dir=""
}
