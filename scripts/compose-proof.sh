#!/usr/bin/env bash
# Runs the production install (docker-compose.yml, DropDeploy's own image) beside anything else on this engine, for
# ProductionComposeIT, which signs up, deploys and restarts through it. Everything it makes is named after
# COMPOSE_PROOF_NAME (compose project, containers, DropDeploy's instance label), so it never meets a test
# installation or a running `./dropdeploy up`, and `down` takes all of it away again, the apps DropDeploy started
# included. Images are kept: the catalog's and DropDeploy's own (rebuilt only when the jar changed), so a second run
# is quick.
#
# Usage: scripts/compose-proof.sh up | restart | down | backup FILE | restore FILE
#   up       builds what is missing (catalog images, the jar, DropDeploy's image), then `compose up -d`
#   restart  `compose down` then `compose up -d`: volumes, and so every account, version and key, are kept
#   down     `compose down -v`, then removes the app containers, networks, volumes and images DropDeploy made
#   backup FILE | restore FILE   scripts/compose-backup.sh for this install
# Settings: COMPOSE_PROOF_NAME (required, [a-z0-9-]), COMPOSE_PROOF_HTTP_PORT (apps and the dashboard through
#           Traefik), COMPOSE_PROOF_API_PORT (Traefik's own API on 127.0.0.1), COMPOSE_PROOF_KEEP=1 (down keeps it all,
#           to look at a failure)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib/java.sh
source "$DD_ROOT/scripts/lib/java.sh"

NAME="${COMPOSE_PROOF_NAME:?set COMPOSE_PROOF_NAME}"
[[ "$NAME" =~ ^[a-z0-9][a-z0-9-]{0,30}$ ]] || dd_die "COMPOSE_PROOF_NAME must be 1-31 of a-z, 0-9 and -: $NAME"
readonly IMAGE=dropdeploy/dropdeploy:proof JAR="$DD_ROOT/target/dropdeploy.jar"

export DROPDEPLOY_NAME="$NAME" DROPDEPLOY_INSTANCE="$NAME" DROPDEPLOY_IMAGE="$IMAGE"
export DROPDEPLOY_HTTP_PORT="${COMPOSE_PROOF_HTTP_PORT:-18080}" DROPDEPLOY_TRAEFIK_API_PORT="${COMPOSE_PROOF_API_PORT:-18082}"
export DROPDEPLOY_HOST=dropdeploy.localhost DROPDEPLOY_APPS_DOMAIN=localhost DROPDEPLOY_SIGNUP=closed
export POSTGRES_PASSWORD="proof-$NAME" DROPDEPLOY_ROUTING_TOKEN="proof-token-$NAME"
DOCKER_GID="$(stat -c %g /var/run/docker.sock)"
export DOCKER_GID
# The host's settings for its own installation must not leak into this one.
unset DROPDEPLOY_TRAEFIK_IMAGE DROPDEPLOY_POSTGRES_IMAGE DROPDEPLOY_CA_CERTS_DIR DROPDEPLOY_NETWORK_POOL

compose() { "$DD_ROOT/scripts/compose.sh" "$@"; }

# DropDeploy's image from the jar Maven built (`./mvnw verify` has packaged it before the ITs run). The classic
# builder caches by layer: an unchanged jar costs no work, a changed one one layer.
build_image() {
  if [[ ! -f "$JAR" ]]; then
    dd_use_jdk
    (cd "$DD_ROOT" && ./mvnw -B -q -DskipTests package) || dd_die "building the jar failed"
  fi
  local log start=$SECONDS
  log="$(dd_cache_dir)/logs/dropdeploy-image.log"
  mkdir -p "$(dirname "$log")"
  DOCKER_BUILDKIT=0 docker build -t "$IMAGE" "$DD_ROOT" >"$log" 2>&1 || dd_die_with_log "building $IMAGE failed" "$log"
  dd_log "$IMAGE ready in $((SECONDS - start)) s"
}

cmd_up() {
  "$DD_ROOT/scripts/docker-engine.sh" ensure
  "$DD_ROOT/scripts/firewall.sh" apply
  "$DD_ROOT/scripts/images.sh" ensure debian traefik postgres jre static compose
  build_image
  compose up -d
}

cmd_restart() {
  compose down
  compose up -d
}

# Apps, their networks and data volumes carry DropDeploy's instance label, which is this proof's name.
cmd_down() {
  if [[ -n "${COMPOSE_PROOF_KEEP:-}" ]]; then
    dd_warn "COMPOSE_PROOF_KEEP is set: $NAME is kept for inspection; scripts/compose-proof.sh down removes it"
    return 0
  fi
  local label="label=dropdeploy.instance=$NAME" network project
  local -a projects
  # Apps' images are named after their project (dd-app/<project>), not labelled with the instance.
  mapfile -t projects < <(docker ps -a --filter "$label" --format '{{.Label "dropdeploy.project"}}' | sort -u)
  compose down -v --remove-orphans || dd_warn "compose down failed; removing what is left by name"
  docker rm -f "$NAME-app" "$NAME-traefik" >/dev/null 2>&1 || true
  docker ps -aq --filter "$label" | xargs -r docker rm -f >/dev/null
  for network in $(docker network ls -q --filter "$label"); do
    docker network rm "$network" >/dev/null || dd_warn "could not remove network $network"
  done
  docker volume ls -q --filter "$label" | xargs -r docker volume rm >/dev/null
  for project in "${projects[@]}"; do
    [[ "$project" =~ ^[a-z0-9-]+$ ]] || continue
    docker images -q "dd-app/$project" | sort -u | xargs -r docker rmi -f >/dev/null 2>&1 || true
  done
  dd_log "the production install $NAME is gone"
}

case "${1:-}" in
  up) cmd_up ;;
  restart) cmd_restart ;;
  down) cmd_down ;;
  backup | restore) "$DD_ROOT/scripts/compose-backup.sh" "$1" "${2:-}" ;;
  *)
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
