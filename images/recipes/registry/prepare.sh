#!/usr/bin/env bash
# Puts a registry binary into the build context ($1): CNCF Distribution, compiled once per machine from the Go module
# proxy (cached under dd_cache_dir). go.mod pins the version and go.sum every module's hash (sum.golang.org is
# unreachable here, so go.sum vouches for the downloads); main.go links only the filesystem driver and htpasswd.
#
# Usage: prepare.sh CONTEXT_DIR      (images.sh sets DD_IMAGE_VERSION, e.g. v3.1.2)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib/common.sh"

readonly RECIPE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly MODULE=github.com/distribution/distribution/v3

find_go() {
  local go
  for go in "${DROPDEPLOY_GO:-}" "$(command -v go || true)" /usr/local/go/bin/go; do
    [[ -n "$go" && -x "$go" ]] && { printf '%s\n' "$go"; return 0; }
  done
  dd_die "registry: no Go toolchain found (set DROPDEPLOY_GO=/path/to/go)"
}

build_binary() {
  local version=$1 cache bin go work log start
  grep -q "^require $MODULE $version\$" "$RECIPE/go.mod" \
    || dd_die "registry: go.mod does not require $MODULE $version; change both together"
  cache="$(dd_cache_dir)/registry/$version-$(cat "$RECIPE/go.sum" "$RECIPE/main.go" | sha256sum | cut -c1-12)"
  bin="$cache/registry"
  [[ -x "$bin" ]] && { printf '%s\n' "$bin"; return 0; }
  dd_lock "registry-$version"
  [[ -x "$bin" ]] && { printf '%s\n' "$bin"; return 0; }
  mkdir -p "$cache"
  go="$(find_go)"
  log="$cache/build.log"
  : >"$log"
  work="$(dd_mktemp_dir registry-src)"
  dd_cleanup_on_exit "$work"
  cp "$RECIPE/go.mod" "$RECIPE/go.sum" "$RECIPE/main.go" "$work/"
  start=$SECONDS
  dd_log "registry: compiling $MODULE $version with $("$go" env GOVERSION) (log: $log)"
  (
    cd "$work"
    CGO_ENABLED=0 GOSUMDB=off GOFLAGS='-mod=readonly -buildvcs=false' "$go" build -trimpath \
      -ldflags "-s -w -X $MODULE/version.version=$version" -o "$work/registry" .
  ) >>"$log" 2>&1 || dd_die_with_log "registry: go build $version failed" "$log"
  mv -f "$work/registry" "$bin" # atomic: a killed build never leaves a half-written binary
  dd_log "registry: built $bin in $((SECONDS - start)) s"
  printf '%s\n' "$bin"
}

main() {
  local context=${1:?usage: prepare.sh CONTEXT_DIR} bin
  bin="$(build_binary "${DD_IMAGE_VERSION:?DD_IMAGE_VERSION must be set, e.g. v3.1.2}")"
  cp "$bin" "$context/registry"
}

main "$@"
