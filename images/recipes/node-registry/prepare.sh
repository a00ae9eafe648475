#!/usr/bin/env bash
# Writes release.env into the build context ($1): the Node.js release the image's tag names
# (DD_IMAGE_VERSION, e.g. 24.22.3, set by images.sh) and its npm, with their integrities, from ./releases.
#
# Usage: prepare.sh CONTEXT_DIR
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib/common.sh"

release="$(awk -v v="${DD_IMAGE_VERSION:?}" '$1 == v' "$(dirname "${BASH_SOURCE[0]}")/releases")"
[[ -n "$release" ]] || dd_die "node: no release $DD_IMAGE_VERSION in images/recipes/node-registry/releases"
read -r node x64_sha arm64_sha npm npm_sha <<<"$release"
[[ -n "$npm_sha" ]] || dd_die "node: release $DD_IMAGE_VERSION in images/recipes/node-registry/releases needs five columns"
printf 'NODE_VERSION=%s\nNODE_SHA512_X64=%s\nNODE_SHA512_ARM64=%s\nNPM_VERSION=%s\nNPM_SHA512=%s\n' \
  "$node" "${x64_sha#sha512-}" "${arm64_sha#sha512-}" "$npm" "${npm_sha#sha512-}" >"$1/release.env"
