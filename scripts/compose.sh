#!/usr/bin/env bash
# `docker compose` for DropDeploy's production install (docker-compose.yml), on any engine: the host's compose plugin
# when it has one, otherwise the catalog's dropdeploy/compose image (Debian trixie's docker-compose 2.x), which drives
# the host's engine through its socket. Debian 12's docker.io 20.10 comes without compose.
#
# Usage: scripts/compose.sh ARGS...    e.g. scripts/compose.sh up -d, scripts/compose.sh ps, scripts/compose.sh down
# It runs in the repository (the compose file's folder). Compose settings are read from the environment (every
# DROPDEPLOY_*, POSTGRES_PASSWORD, DOCKER_GID; see docker-compose.yml) and from the repository's .env file if present.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

cd "$DD_ROOT"
if docker compose version >/dev/null 2>&1; then
  exec docker compose "$@"
fi

# The compose file's relative paths (./traefik/traefik.yml) become bind mounts of the host, so the repository is
# mounted at the same path inside: the paths compose resolves are then the host's own.
"$DD_ROOT/scripts/images.sh" ensure compose >&2
args=(--rm -i -v /var/run/docker.sock:/var/run/docker.sock -v "$DD_ROOT:$DD_ROOT:ro" -w "$DD_ROOT")
while IFS='=' read -r name _; do
  args+=(-e "$name")
done < <(env | grep -E '^(DROPDEPLOY_[A-Z0-9_]*|POSTGRES_PASSWORD|DOCKER_GID|COMPOSE_[A-Z_]*)=' || true)
exec docker run "${args[@]}" "$("$DD_ROOT/scripts/images.sh" resolve compose)" "$@"
