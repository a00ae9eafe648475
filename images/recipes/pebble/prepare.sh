#!/usr/bin/env bash
# Puts pebble, pebble-challtestsrv and Pebble's test/ folder into the build context ($1).
# No container registry is reachable, so both are compiled from the pinned module through the
# Go module proxy, once per machine: the result is cached under dd_cache_dir.
#
# Usage: prepare.sh CONTEXT_DIR      (images.sh sets DD_IMAGE_VERSION, e.g. v2.10.3)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib/common.sh"

readonly MODULE=github.com/letsencrypt/pebble/v2
# go.sum "h1:" hash of the module: sum.golang.org is unreachable here, so this pin vouches for
# the download; the build then checks every dependency against Pebble's own go.sum.
declare -A MODULE_SUMS=(
  [v2.10.3]='h1:Zg/Rq9T8FvNMvfLvi3k+dXmrwgDnG9neRpeaJY2hwVM='
)

go_tool() {
  local go
  for go in "${DROPDEPLOY_GO:-}" "$(command -v go || true)" /usr/local/go/bin/go; do
    [[ -n "$go" && -x "$go" ]] && { printf '%s\n' "$go"; return 0; }
  done
  dd_die "pebble: no Go toolchain found (Pebble needs Go >= 1.25; set DROPDEPLOY_GO=/path/to/go)"
}

# The module's folder in the Go module cache, after checking its hash against the pin.
module_dir() {
  local go=$1 version=$2 log=$3 info sum=${MODULE_SUMS[$2]:-}
  [[ -n "$sum" ]] || dd_die "pebble: no pinned hash for $version; add it to MODULE_SUMS"
  info="$(GOSUMDB=off GOFLAGS=-mod=mod "$go" mod download -json "$MODULE@$version" 2>>"$log")" \
    || dd_die_with_log "pebble: go mod download $MODULE@$version failed" "$log"
  grep -q "\"Sum\": \"$sum\"" <<<"$info" || dd_die "pebble: $MODULE@$version does not have hash $sum"
  sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"$info"
}

build_into_cache() {
  local version=$1 cache go log dir work start=$SECONDS
  cache="$(dd_cache_dir)/pebble/$version"
  [[ -x "$cache/pebble-challtestsrv" ]] && { printf '%s\n' "$cache"; return 0; }
  dd_lock "pebble-$version"
  [[ -x "$cache/pebble-challtestsrv" ]] && { printf '%s\n' "$cache"; return 0; }
  mkdir -p "$cache"
  go="$(go_tool)"
  log="$cache/build.log"
  : >"$log"
  dir="$(module_dir "$go" "$version" "$log")"
  work="$(dd_mktemp_dir pebble-build)"
  dd_cleanup_on_exit "$work"
  dd_log "pebble: compiling $version with $("$go" env GOVERSION) (log: $log)"
  (
    cd "$dir"
    for cmd in pebble pebble-challtestsrv; do
      CGO_ENABLED=0 GOSUMDB=off GOFLAGS='-mod=readonly -buildvcs=false' "$go" build -trimpath \
        -ldflags "-s -w -X main.version=$version" -o "$work/$cmd" "./cmd/$cmd"
    done
  ) >>"$log" 2>&1 || dd_die_with_log "pebble: go build $version failed" "$log"
  cp -R "$dir/test" "$work/test"
  chmod -R u+w "$work/test"
  # challtestsrv last: its presence marks a complete cache entry.
  rm -rf "$cache/test"
  mv -f "$work/test" "$work/pebble" "$cache/"
  mv -f "$work/pebble-challtestsrv" "$cache/"
  dd_log "pebble: built $version in $((SECONDS - start)) s"
  printf '%s\n' "$cache"
}

main() {
  local context=${1:?usage: prepare.sh CONTEXT_DIR} cache
  cache="$(build_into_cache "${DD_IMAGE_VERSION:?DD_IMAGE_VERSION must be set, e.g. v2.10.3}")"
  cp -R "$cache/pebble" "$cache/pebble-challtestsrv" "$cache/test" "$context/"
}

main "$@"
