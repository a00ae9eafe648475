#!/usr/bin/env bash
# Backup and restore for the production install (docker-compose.yml): the same file, with the same contents, as
# `./dropdeploy backup` (both run scripts/backup.sh), taken from the compose project's PostgreSQL container and its
# `data` volume instead of a folder on the host. A backup from either kind of install restores into the other.
#
# Usage: scripts/compose-backup.sh backup FILE    while everything runs
#        scripts/compose-backup.sh restore FILE   stops DropDeploy's container, restores, starts it again; DropDeploy
#                                                 then brings back every app that was live, from its version
# Settings: DROPDEPLOY_NAME (the compose project name, default dropdeploy), DROPDEPLOY_INSTANCE (default default).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

NAME="${DROPDEPLOY_NAME:-dropdeploy}"
VOLUME="${NAME}_data" APP="${NAME}-app"
export DROPDEPLOY_INSTANCE="${DROPDEPLOY_INSTANCE:-default}"

database_container() {
  local id
  id="$(docker ps -q --filter "label=com.docker.compose.project=$NAME" \
    --filter label=com.docker.compose.service=postgres | head -n 1)"
  [[ -n "$id" ]] || dd_die "the install's PostgreSQL is not running (compose project $NAME); start it first"
  printf '%s\n' "$id"
}

# The volume's files through a container, so this works wherever the engine keeps its volumes, owners kept.
volume_to() {
  docker run --rm --network none -v "$VOLUME:/v:ro" "$HELPER" tar --numeric-owner -C /v -cf - . | tar -xpf - -C "$1"
}

# Owned by the user DropDeploy's image runs as, whoever owned the files where the backup was made (the host install).
volume_from() {
  local owner
  owner="$(docker run --rm --network none --entrypoint sh "$(docker inspect -f '{{.Config.Image}}' "$APP")" \
    -c 'echo "$(id -u):$(id -g)"')"
  [[ "$owner" =~ ^[0-9]+:[0-9]+$ ]] || dd_die "could not tell which user $APP runs as"
  tar -C "$1" -cf - . |
    docker run --rm -i --network none -v "$VOLUME:/v" "$HELPER" \
      sh -c "find /v -mindepth 1 -delete && tar -C /v -xf - && chown -R $owner /v && chmod 700 /v"
}

backup() {
  local file=${1:?usage: scripts/compose-backup.sh backup FILE.tar.gz}
  mkdir "$work/data"
  volume_to "$work/data"
  DROPDEPLOY_DB_CONTAINER="$(database_container)" DROPDEPLOY_DATA="$work/data" "$DD_ROOT/scripts/backup.sh" backup "$file"
}

# The volume's previous contents are kept beside the backup file, as `./dropdeploy restore` keeps the old folder.
restore() {
  local file=${1:?usage: scripts/compose-backup.sh restore FILE.tar.gz} kept
  "$DD_ROOT/scripts/backup.sh" check "$file"
  docker volume inspect "$VOLUME" >/dev/null 2>&1 || dd_die "no volume $VOLUME: is DROPDEPLOY_NAME=$NAME right?"
  mkdir "$work/before"
  volume_to "$work/before"
  kept="$(dirname "$file")/$VOLUME-before-restore-$(date +%Y%m%d-%H%M%S).tar.gz"
  (umask 077 && tar -czf "$kept" -C "$work/before" .)
  dd_log "the data volume's previous contents are kept in $kept"
  docker stop "$APP" >/dev/null || dd_die "could not stop $APP"
  DROPDEPLOY_DB_CONTAINER="$(database_container)" DROPDEPLOY_DATA="$work/data" "$DD_ROOT/scripts/backup.sh" restore "$file"
  volume_from "$work/data"
  docker start "$APP" >/dev/null
  dd_log "restored; $APP is starting and brings every app that was live back"
}

HELPER="$("$DD_ROOT/scripts/images.sh" resolve debian)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
case "${1:-}" in
  backup) backup "${2:-}" ;;
  restore) restore "${2:-}" ;;
  *)
    sed -n '6,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
