#!/usr/bin/env bash
# Makes the container images DropDeploy uses available locally, by logical name from
# images/catalog.tsv. A production image that is present (or pullable) wins; otherwise the
# offline recipe under images/recipes/ builds it from Debian packages, so everything also
# works on machines that reach package registries but no container registry.
#
# Usage:
#   scripts/images.sh ensure [NAME...]   default: debian postgres traefik static
#   scripts/images.sh ensure --all       every image in the catalog
#   scripts/images.sh list               "NAME IMAGE" for each catalog entry
#   scripts/images.sh resolve NAME       the image to run for NAME
#
# Settings: DROPDEPLOY_OFFLINE=1 (never try `docker pull`), DROPDEPLOY_PULL_TIMEOUT (s, default 30),
#           and those of scripts/lib/common.sh (cache dir, CA certs, Debian mirror).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

CATALOG="$DD_ROOT/images/catalog.tsv"
RECIPES="$DD_ROOT/images/recipes"
readonly BASE_NAME=debian
readonly -a DEFAULT_NAMES=(debian postgres traefik static)
PULL_BROKEN=

# --- catalog -----------------------------------------------------------------------------

catalog_names() {
  awk '!/^[[:space:]]*(#|$)/ { print $1 }' "$CATALOG"
}

# Prints "production offline recipe" for NAME, or dies for an unknown name.
catalog_entry() {
  local entry
  entry="$(awk -v n="$1" '!/^[[:space:]]*#/ && $1 == n { print $2, $3, $4; exit }' "$CATALOG")"
  [[ -n "$entry" ]] || dd_die "unknown image name '$1' (known: $(catalog_names | tr '\n' ' '))"
  printf '%s\n' "$entry"
}

# --- docker helpers ----------------------------------------------------------------------

image_present() { docker image inspect "$1" >/dev/null 2>&1; }

image_label() {
  docker image inspect --format "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true
}

image_size() {
  docker image inspect --format '{{.Size}}' "$1" | awk '{ printf "%d MB", $1 / 1000000 }'
}

# --- recipes -----------------------------------------------------------------------------

recipe_uses_ca_certs() { grep -q 'ca-certs/' "$RECIPES/$1/Dockerfile"; }

# Fingerprint of everything an offline image is built from: its tag, recipe files, the CA
# certs it bakes in, and (for derived images) the base's fingerprint. Stored as a label, so
# a changed recipe or CA set triggers a rebuild while an unchanged one costs no work.
recipe_sha() {
  local name=$1 prod offline recipe
  read -r prod offline recipe <<<"$(catalog_entry "$name")"
  {
    printf 'tag=%s\n' "$offline"
    (cd "$RECIPES/$recipe" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum)
    if recipe_uses_ca_certs "$recipe"; then
      dd_ca_certs | while IFS= read -r cert; do sha256sum <"$cert"; done
    fi
    if [[ "$name" != "$BASE_NAME" ]]; then
      printf 'base=%s\n' "$(recipe_sha "$BASE_NAME")"
    fi
  } | sha256sum | cut -d' ' -f1
}

offline_fresh() {
  local tag=$1 sha=$2
  image_present "$tag" && [[ "$(image_label "$tag" dropdeploy.recipe-sha)" == "$sha" ]]
}

# Copies the recipe and, if it wants them, the CA certs into a throwaway build context:
# certs are machine-specific and must never be written into the repository.
make_context() {
  local recipe=$1 ctx=$2 cert i=0
  cp -a "$RECIPES/$recipe/." "$ctx/"
  printf '%s\n' prepare.sh .intermediate-images >"$ctx/.dockerignore"
  recipe_uses_ca_certs "$recipe" || return 0
  mkdir -p "$ctx/ca-certs"
  while IFS= read -r cert; do
    i=$((i + 1))
    # update-ca-certificates only picks up *.crt; the prefix keeps equal basenames apart.
    cp "$cert" "$ctx/ca-certs/$i-$(basename "${cert%.*}").crt"
  done < <(dd_ca_certs)
  dd_log "$recipe: trusting $i extra CA certificate(s)"
}

run_prepare() {
  local name=$1 recipe=$2 offline=$3 ctx=$4
  [[ -x "$RECIPES/$recipe/prepare.sh" ]] || return 0
  DD_IMAGE_NAME="$name" DD_IMAGE_TAG="$offline" DD_IMAGE_VERSION="${offline##*:}" \
    "$RECIPES/$recipe/prepare.sh" "$ctx" || dd_die "image $name: $recipe/prepare.sh failed"
}

docker_build() {
  local name=$1 prod=$2 offline=$3 sha=$4 ctx=$5 log=$6
  local -a args=(--force-rm -t "$offline"
    --label "dropdeploy.catalog=$name"
    --label "dropdeploy.production-image=$prod"
    --label "dropdeploy.recipe-sha=$sha")
  if [[ "$name" != "$BASE_NAME" ]]; then
    args+=(--build-arg "BASE=$(catalog_entry "$BASE_NAME" | cut -d' ' -f2)")
  fi
  # The engines here have no BuildKit; recipes are written for the classic builder.
  DOCKER_BUILDKIT=0 docker build "${args[@]}" "$ctx" >"$log" 2>&1 \
    || dd_die_with_log "image $name: docker build of $offline failed" "$log"
}

remove_images() {
  local ref
  for ref in "$@"; do
    if [[ -n "$ref" ]]; then
      docker rmi "$ref" >/dev/null 2>&1 || true
    fi
  done
}

build_offline() {
  local name=$1 prod offline recipe sha ctx log old start=$SECONDS
  local -a intermediates=()
  read -r prod offline recipe <<<"$(catalog_entry "$name")"
  [[ -f "$RECIPES/$recipe/Dockerfile" ]] || dd_die "image $name: no Dockerfile in $RECIPES/$recipe"
  [[ "$name" == "$BASE_NAME" ]] || ensure_offline "$BASE_NAME"
  sha="$(recipe_sha "$name")"
  old="$(docker image inspect --format '{{.Id}}' "$offline" 2>/dev/null || true)"
  mkdir -p "$(dd_cache_dir)/logs"
  log="$(dd_cache_dir)/logs/$name.log"
  ctx="$(dd_mktemp_dir "build-$name")"
  dd_cleanup_on_exit "$ctx"
  dd_log "$name: building $offline from images/recipes/$recipe (log: $log)"
  make_context "$recipe" "$ctx"
  run_prepare "$name" "$recipe" "$offline" "$ctx"
  docker_build "$name" "$prod" "$offline" "$sha" "$ctx" "$log"
  if [[ -f "$ctx/.intermediate-images" ]]; then
    mapfile -t intermediates <"$ctx/.intermediate-images"
    remove_images "${intermediates[@]}"
  fi
  rm -rf "$ctx"
  # The replaced image is now untagged; drop it unless something still builds on it.
  [[ "$old" == "$(docker image inspect --format '{{.Id}}' "$offline")" ]] || remove_images "$old"
  dd_log "$name: built $offline in $((SECONDS - start)) s ($(image_size "$offline"))"
}

# Builds NAME's offline tag unless an up-to-date one exists. Recipes build FROM the offline
# base (never the production one): only the offline base trusts the extra CAs.
ensure_offline() {
  local name=$1 prod offline recipe
  read -r prod offline recipe <<<"$(catalog_entry "$name")"
  offline_fresh "$offline" "$(recipe_sha "$name")" && return 0
  if image_present "$offline"; then
    dd_log "$name: $offline is out of date with images/recipes/$recipe; rebuilding"
  fi
  build_offline "$name"
}

# --- pull --------------------------------------------------------------------------------

try_pull() {
  local name=$1 prod=$2 log
  [[ "${DROPDEPLOY_OFFLINE:-0}" != 1 ]] || return 1
  # One failed pull means no registry: later images skip straight to their recipes.
  [[ -z "$PULL_BROKEN" ]] || return 1
  log="$(dd_cache_dir)/logs/pull.log"
  mkdir -p "$(dirname "$log")"
  dd_log "$name: trying docker pull $prod"
  if timeout "${DROPDEPLOY_PULL_TIMEOUT:-30}" docker pull -q "$prod" >"$log" 2>&1; then
    dd_log "$name: pulled $prod"
    return 0
  fi
  PULL_BROKEN=1
  dd_log "$name: pull failed ($(tail -n 1 "$log" | cut -c1-150)); building offline images instead"
  return 1
}

# An image that only a recipe makes names its offline tag as the production image: it is
# never pulled, and only a fresh fingerprint counts as present.
published() { [[ "$1" != "$2" ]]; }

# --- commands ----------------------------------------------------------------------------

ensure_one() {
  local name=$1 prod offline recipe
  read -r prod offline recipe <<<"$(catalog_entry "$name")"
  if published "$prod" "$offline" && image_present "$prod"; then
    dd_log "$name: using $prod (present)"
    return 0
  fi
  if offline_fresh "$offline" "$(recipe_sha "$name")"; then
    dd_log "$name: using $offline (present)"
    return 0
  fi
  # Slow path from here on: serialise with other runs, then look again.
  dd_lock images
  published "$prod" "$offline" && image_present "$prod" && return 0
  if published "$prod" "$offline" && ! image_present "$offline" && try_pull "$name" "$prod"; then
    return 0
  fi
  ensure_offline "$name"
}

cmd_ensure() {
  local -a names=("$@")
  if [[ ${#names[@]} -eq 0 ]]; then
    names=("${DEFAULT_NAMES[@]}")
  elif [[ "${names[0]}" == --all ]]; then
    mapfile -t names < <(catalog_names)
  fi
  local name
  for name in "${names[@]}"; do
    catalog_entry "$name" >/dev/null
  done
  "$DD_ROOT/scripts/docker-engine.sh" ensure
  for name in "${names[@]}"; do
    ensure_one "$name"
  done
}

cmd_resolve() {
  local name=${1:?usage: images.sh resolve NAME} prod offline recipe
  read -r prod offline recipe <<<"$(catalog_entry "$name")"
  if image_present "$prod"; then
    printf '%s\n' "$prod"
  else
    printf '%s\n' "$offline"
  fi
}

cmd_list() {
  local name
  while IFS= read -r name; do
    printf '%-10s %s\n' "$name" "$(cmd_resolve "$name")"
  done < <(catalog_names)
}

usage() {
  sed -n 's/^# \{0,1\}//; 7,11p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

main() {
  local cmd=${1:-}
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    ensure) cmd_ensure "$@" ;;
    list) cmd_list ;;
    resolve) cmd_resolve "$@" ;;
    *) usage ;;
  esac
}

main "$@"
