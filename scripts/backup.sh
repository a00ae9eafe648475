#!/usr/bin/env bash
# Backs up and restores one DropDeploy installation's state: the database, the data folder (every project's
# repository, the secret key, the routing token) and every project's data volume, in one tar.gz. `./dropdeploy
# backup|restore` run it for the installation it manages; tests run it for theirs, so both take the same path.
#
# Usage: scripts/backup.sh backup FILE    while everything runs (consistent, see below)
#        scripts/backup.sh check FILE     is FILE a readable DropDeploy backup (nothing is touched)
#        scripts/backup.sh restore FILE   PostgreSQL running, DropDeploy stopped: replaces database, data folder, volumes
# Settings (environment): DROPDEPLOY_DB_CONTAINER (default dropdeploy-postgres), DROPDEPLOY_DB_USER and
# DROPDEPLOY_DB_NAME (default dropdeploy), DROPDEPLOY_DATA (default ~/.local/share/dropdeploy), DROPDEPLOY_INSTANCE
# (default default; the dropdeploy.runtime.instance whose volumes are meant).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

DB_CONTAINER="${DROPDEPLOY_DB_CONTAINER:-dropdeploy-postgres}"
DB_USER="${DROPDEPLOY_DB_USER:-dropdeploy}"
DB_NAME="${DROPDEPLOY_DB_NAME:-dropdeploy}"
DATA_DIR="${DROPDEPLOY_DATA:-$HOME/.local/share/dropdeploy}"
INSTANCE="${DROPDEPLOY_INSTANCE:-default}"

# Projects' data volumes (data folders, PostgreSQL and Valkey servers) of this installation, one tar each. A server's
# container is paused while its volume is copied, so the copy is one instant of its files, which the server recovers
# from like from a crash (PostgreSQL replays its WAL); its apps wait for those seconds, nothing fails.
backup_volumes() {
  local out=$1 helper volume service
  helper="$("$DD_ROOT/scripts/images.sh" resolve debian)"
  mkdir -p "$out"
  : >"$out/volumes.tsv"
  for volume in $(docker volume ls -q --filter "label=dropdeploy.instance=$INSTANCE" --filter label=dropdeploy.service); do
    service="$(docker volume inspect -f '{{index .Labels "dropdeploy.service"}}' "$volume")"
    printf '%s\t%s\t%s\n' "$volume" "$(docker volume inspect -f '{{index .Labels "dropdeploy.project"}}' "$volume")" \
      "$service" >>"$out/volumes.tsv"
    [[ "$service" == data ]] || docker pause "$volume" >/dev/null 2>&1 || true
    docker run --rm --network none -v "$volume:/v:ro" "$helper" tar --numeric-owner -C /v -cf - . >"$out/$volume.tar"
    [[ "$service" == data ]] || docker unpause "$volume" >/dev/null 2>&1 || true
  done
}

# Puts backed-up volumes back before DropDeploy starts, which then makes each service's container again on its volume.
restore_volumes() {
  local from=$1 helper volume project service
  [[ -s "$from/volumes.tsv" ]] || return 0
  helper="$("$DD_ROOT/scripts/images.sh" resolve debian)"
  while IFS=$'\t' read -r volume project service; do
    [[ "$volume" =~ ^dds-[a-z0-9-]+$ ]] || dd_die "the backup names a volume DropDeploy would not make: $volume"
    docker rm -f "$volume" >/dev/null 2>&1 || true
    docker volume rm -f "$volume" >/dev/null
    docker volume create --label "dropdeploy.instance=$INSTANCE" --label "dropdeploy.project=$project" \
      --label "dropdeploy.service=$service" "$volume" >/dev/null
    docker run --rm -i --network none -v "$volume:/v" "$helper" tar --numeric-owner -p -C /v -xf - <"$from/$volume.tar" \
      || dd_die "could not restore the volume $volume"
  done <"$from/volumes.tsv"
}

# The database is dumped first and in one transaction; repositories only ever gain commits, so every version the dump
# names is in the files copied after it, also while deployments run.
backup() {
  local file=${1:-} work
  [[ -n "$file" ]] || dd_die "usage: scripts/backup.sh backup FILE.tar.gz"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' RETURN
  docker exec "$DB_CONTAINER" pg_dump -U "$DB_USER" -Fc "$DB_NAME" >"$work/database.dump" \
    || dd_die "pg_dump failed; nothing was written"
  mkdir -p "$DATA_DIR"
  printf 'dropdeploy-backup 1\ncreated %s\n' "$(date -Is)" >"$work/MANIFEST"
  backup_volumes "$work/volumes"
  (umask 077 && tar -czf "$file.partial" -C "$work" MANIFEST database.dump volumes -C "$DATA_DIR" --transform 's,^\.,data,' .) \
    || dd_die "writing $file failed"
  mv "$file.partial" "$file"
  dd_log "backup written to $file ($(du -h "$file" | cut -f1)); it holds the secret key: keep it private"
}

check() {
  local file=${1:-}
  [[ -f "$file" ]] || dd_die "usage: restore FILE.tar.gz (an existing backup)"
  tar -xzOf "$file" MANIFEST 2>/dev/null | grep -q '^dropdeploy-backup 1$' || dd_die "$file is not a DropDeploy backup"
}

# The database is replaced and the data folder swapped (the old one is kept beside it). DropDeploy, started next, brings
# every app that was live back from its version.
restore() {
  local file=${1:-} work kept
  check "$file"
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' RETURN
  tar -xzf "$file" -C "$work" || dd_die "$file is not a readable backup"
  docker exec -i "$DB_CONTAINER" psql -q -U "$DB_USER" -d postgres \
    -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" -c "CREATE DATABASE \"$DB_NAME\" OWNER \"$DB_USER\"" >/dev/null \
    || dd_die "could not recreate the database"
  docker exec -i "$DB_CONTAINER" pg_restore -U "$DB_USER" -d "$DB_NAME" --no-owner <"$work/database.dump" \
    || dd_die "pg_restore failed"
  if [[ -d "$DATA_DIR" ]]; then
    kept="$DATA_DIR.before-restore-$(date +%Y%m%d-%H%M%S)"
    mv "$DATA_DIR" "$kept"
    dd_log "the previous data folder is kept at $kept"
  fi
  mkdir -p "$(dirname "$DATA_DIR")"
  mv "$work/data" "$DATA_DIR"
  chmod 700 "$DATA_DIR"
  restore_volumes "$work/volumes"
  dd_log "restored from $file"
}

case "${1:-}" in
  backup) backup "${2:-}" ;;
  check) check "${2:-}" ;;
  restore) restore "${2:-}" ;;
  *)
    sed -n '5,11p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
