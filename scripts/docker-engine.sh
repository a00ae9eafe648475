#!/usr/bin/env bash
# Makes sure a Docker engine answers on this machine. CI machines start with only the
# docker CLI and no daemon, and there is no systemd to start one, so this installs
# Debian's engine when missing and starts dockerd by hand.
#
# Usage: scripts/docker-engine.sh ensure
# Settings: DROPDEPLOY_DOCKER_TIMEOUT (seconds to wait for the daemon, default 60)
#           DROPDEPLOY_DOCKERD_LOG    (default /var/log/dockerd.log)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

readonly PID_FILE=/var/run/docker.pid
LOG_FILE="${DROPDEPLOY_DOCKERD_LOG:-/var/log/dockerd.log}"
TIMEOUT="${DROPDEPLOY_DOCKER_TIMEOUT:-60}"

engine_up() { docker info >/dev/null 2>&1; }

# PID of a live dockerd from the pid file, or nothing. A pid file left by a killed
# daemon makes a new dockerd refuse to start, and a reused pid may belong to anything.
running_dockerd_pid() {
  local pid
  [[ -r "$PID_FILE" ]] || return 0
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  if [[ -n "$pid" && "$(cat "/proc/$pid/comm" 2>/dev/null || true)" == dockerd ]]; then
    printf '%s\n' "$pid"
  fi
}

# Any dockerd at all (the pid file may not be written yet); /proc avoids needing procps.
any_dockerd() { grep -qsx dockerd /proc/[0-9]*/comm; }

# Debian's docker.io brings both the daemon and a CLI.
install_engine() {
  dd_have dockerd && dd_have docker && return 0
  dd_log "dockerd or docker not found; installing Debian's docker.io"
  dd_apt_install docker.io
  dd_have dockerd || dd_die "docker.io installed but dockerd is still not on PATH"
}

wait_for_answer_or_exit() {
  local pid=$1 deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null && ! engine_up && ((SECONDS < deadline)); do
    sleep 1
  done
}

start_dockerd() {
  local pid
  pid="$(running_dockerd_pid)"
  if [[ -n "$pid" ]]; then
    dd_log "dockerd (pid $pid) is running but not answering yet; waiting for it"
    # A daemon that is shutting down never answers: it exits, and then a new one must be started.
    wait_for_answer_or_exit "$pid"
    if engine_up || kill -0 "$pid" 2>/dev/null; then
      return 0
    fi
    dd_log "dockerd (pid $pid) exited instead of answering; starting a new one"
  fi
  if [[ -e "$PID_FILE" ]]; then
    dd_log "removing stale $PID_FILE"
    rm -f "$PID_FILE"
  fi
  mkdir -p "$(dirname "$LOG_FILE")"
  printf '\n===== dropdeploy: starting dockerd at %s =====\n' "$(date -Is)" >>"$LOG_FILE"
  dd_log "starting dockerd in the background (log: $LOG_FILE)"
  # setsid: the daemon must outlive this script and the shell that ran it.
  setsid -f dockerd >>"$LOG_FILE" 2>&1 </dev/null
}

wait_for_engine() {
  local started=$SECONDS deadline=$((SECONDS + TIMEOUT))
  until engine_up; do
    if ((SECONDS >= deadline)); then
      dd_die_with_log "dockerd did not answer \`docker info\` within ${TIMEOUT}s" "$LOG_FILE"
    fi
    if ((SECONDS - started > 3)) && ! any_dockerd; then
      dd_die_with_log "dockerd exited during startup" "$LOG_FILE"
    fi
    sleep 1
  done
}

ensure() {
  engine_up && return 0
  if [[ $EUID -ne 0 ]] && any_dockerd; then
    dd_die "dockerd is running but \`docker info\` fails for $(id -un): no access to the Docker socket?"
  fi
  dd_require_root "starting the Docker engine"
  install_engine
  # Installing the package may already have started the daemon via its init script.
  engine_up && return 0
  start_dockerd
  wait_for_engine
  dd_log "Docker engine is up: $(docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
}

usage() {
  printf 'Usage: %s ensure\n' "${0##*/}" >&2
  exit 2
}

case "${1:-}" in
  ensure) ensure ;;
  *) usage ;;
esac
