#!/usr/bin/env bash
# Puts a traefik binary into the build context ($1). Traefik is in no Debian release and no
# container registry is reachable, so it is compiled from source via the Go module proxy,
# once per machine: the binary is cached under dd_cache_dir.
#
# Usage: prepare.sh CONTEXT_DIR      (images.sh sets DD_IMAGE_VERSION, e.g. v3.6.12)
#        prepare.sh --binary VERSION (just build/print the cached binary path)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib/common.sh"

readonly MODULE=github.com/traefik/traefik/v3
# Pinned module hashes (go.sum "h1:" form). sum.golang.org is unreachable here, so the
# checksum database cannot vouch for the download; this pin does instead. The build then
# verifies every dependency against traefik's own go.sum.
declare -A MODULE_SUMS=(
  [v3.6.12]='h1:6pe4s7aaDTQs+AsF7KP3sM/xnq7zOVvibRQe5tw9eFo='
)

find_go() {
  local go
  for go in "${DROPDEPLOY_GO:-}" "$(command -v go || true)" /usr/local/go/bin/go; do
    [[ -n "$go" && -x "$go" ]] && { printf '%s\n' "$go"; return 0; }
  done
  dd_die "traefik: no Go toolchain found (traefik needs Go >= 1.25; set DROPDEPLOY_GO=/path/to/go)"
}

# Field from `go mod download -json` output, without needing jq.
json_field() {
  sed -n "s/^[[:space:]]*\"$1\": \"\(.*\)\",\{0,1\}$/\1/p" | head -n 1
}

download_module() {
  local go=$1 version=$2 log=$3 json sum
  # GOSUMDB=off: the checksum database is unreachable; MODULE_SUMS replaces it (see above).
  json="$(GOSUMDB=off GOFLAGS=-mod=mod "$go" mod download -json "$MODULE@$version" 2>>"$log")" \
    || dd_die_with_log "traefik: go mod download $MODULE@$version failed" "$log"
  sum="$(json_field Sum <<<"$json")"
  if [[ -n "${MODULE_SUMS[$version]:-}" && "$sum" != "${MODULE_SUMS[$version]}" ]]; then
    dd_die "traefik: $MODULE@$version has hash $sum, expected ${MODULE_SUMS[$version]}"
  fi
  [[ -n "${MODULE_SUMS[$version]:-}" ]] \
    || dd_warn "traefik: no pinned hash for $version (got $sum); add it to MODULE_SUMS"
  printf '%s\n' "$json"
}

# The release's commit time from the module's .info file: a reproducible build date.
release_time() {
  sed -n 's/.*"Time": *"\([^"]*\)".*/\1/p' "$1"
}

# The module cache is read-only and webui/static (the dashboard, go:embed-ed) is built
# by a yarn step that module zips do not include, so build from a writable copy.
prepare_source() {
  local module_dir=$1 src=$2
  cp -a "$module_dir/." "$src/"
  chmod -R u+w "$src"
  mkdir -p "$src/webui/static"
  if [[ ! -e "$src/webui/static/index.html" ]]; then
    printf '%s\n' '<!doctype html><title>Traefik</title><p>Dashboard assets are not bundled in this DropDeploy build.</p>' \
      >"$src/webui/static/index.html"
  fi
}

compile() {
  local go=$1 src=$2 version=$3 build_date=$4 out=$5 log=$6
  local pkg=$MODULE/pkg/version
  dd_log "traefik: compiling $version with $("$go" env GOVERSION) (takes minutes on 2 cores; log: $log)"
  (
    cd "$src"
    CGO_ENABLED=0 GOSUMDB=off GOFLAGS='-mod=readonly -buildvcs=false' "$go" build -trimpath \
      -ldflags "-s -w -X $pkg.Version=$version -X $pkg.BuildDate=$build_date" \
      -o "$out" ./cmd/traefik
  ) >>"$log" 2>&1 || dd_die_with_log "traefik: go build $version failed" "$log"
}

build_binary() {
  local version=$1 cache bin go work log json start
  cache="$(dd_cache_dir)/traefik/$version"
  bin="$cache/traefik"
  [[ -x "$bin" ]] && { printf '%s\n' "$bin"; return 0; }
  dd_lock "traefik-$version"
  [[ -x "$bin" ]] && { printf '%s\n' "$bin"; return 0; }  # built meanwhile by another run

  mkdir -p "$cache"
  go="$(find_go)"
  log="$cache/build.log"
  : >"$log"
  start=$SECONDS
  json="$(download_module "$go" "$version" "$log")"
  work="$(dd_mktemp_dir traefik-src)"
  dd_cleanup_on_exit "$work"
  prepare_source "$(json_field Dir <<<"$json")" "$work/src"
  compile "$go" "$work/src" "$version" "$(release_time "$(json_field Info <<<"$json")")" \
    "$work/traefik" "$log"
  mv -f "$work/traefik" "$bin"  # atomic: a killed build never leaves a half-written binary
  dd_log "traefik: built $bin in $((SECONDS - start)) s"
  printf '%s\n' "$bin"
}

main() {
  if [[ "${1:-}" == --binary ]]; then
    build_binary "${2:?usage: prepare.sh --binary VERSION}"
    return 0
  fi
  local context=${1:?usage: prepare.sh CONTEXT_DIR} bin
  bin="$(build_binary "${DD_IMAGE_VERSION:?DD_IMAGE_VERSION must be set, e.g. v3.6.12}")"
  cp "$bin" "$context/traefik"
}

main "$@"
