#!/bin/sh
# Entrypoint compatible with the parts of the official postgres image that matter here:
#  - POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB (or POSTGRES_HOST_AUTH_METHOD=trust);
#  - a fresh data dir is initialised by a temporary, socket-only server, then the real
#    server starts, so "database system is ready to accept connections" is logged twice
#    (Testcontainers' PostgreSQLContainer waits for exactly that);
#  - *.sql / *.sh in /docker-entrypoint-initdb.d run once during initialisation;
#  - `docker run IMAGE -c fsync=off` and `docker run IMAGE postgres ...` both start the
#    server as user postgres; any other command runs as given.
set -eu

# Started as root (the default) -> drop to postgres; started with --user -> already unprivileged.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
exec_as_postgres() {
  if [ "$(id -u)" = 0 ]; then exec runuser -u postgres -- "$@"; else exec "$@"; fi
}

init_cluster() {
  : "${POSTGRES_USER:=postgres}"
  : "${POSTGRES_DB:=$POSTGRES_USER}"
  auth="${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}"
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$auth" != trust ]; then
    echo "entrypoint: set POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust)" >&2
    exit 1
  fi
  pwfile=$(mktemp)
  printf '%s\n' "${POSTGRES_PASSWORD:-unused}" >"$pwfile"
  if [ "$(id -u)" = 0 ]; then chown postgres "$pwfile"; fi
  as_postgres initdb -D "$PGDATA" --username="$POSTGRES_USER" --pwfile="$pwfile" \
    --auth-local=trust --auth-host="$auth" -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  echo "host all all all $auth" >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"

  # The temporary server listens on the socket only, so nobody connects before setup ends.
  as_postgres pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  if [ "$POSTGRES_DB" != postgres ]; then
    as_postgres psql -q -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres \
      -c "CREATE DATABASE \"$POSTGRES_DB\""
  fi
  run_init_scripts
  as_postgres pg_ctl -D "$PGDATA" -m fast -w stop
}

run_init_scripts() {
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sql) as_postgres psql -q -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -f "$f" ;;
      *.sh)
        # shellcheck disable=SC1090  # user-supplied, sourced as the official image does
        . "$f"
        ;;
    esac
  done
}

# Options only (e.g. "-c fsync=off") mean "postgres with these options".
case "${1:-}" in
  '') set -- postgres ;;
  -*) set -- postgres "$@" ;;
esac

if [ "$1" = postgres ]; then
  mkdir -p "$PGDATA"
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PGDATA"
  fi
  chmod 700 "$PGDATA"
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    init_cluster
  fi
  exec_as_postgres "$@"
fi
exec "$@"
