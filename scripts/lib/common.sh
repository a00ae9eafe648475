# shellcheck shell=bash
# Shared helpers for DropDeploy's infrastructure scripts. Source it; do not run it.
#
# Settings (environment):
#   DROPDEPLOY_CACHE          cache dir for build artifacts (default: $XDG_CACHE_HOME/dropdeploy)
#   DROPDEPLOY_CA_CERTS       extra CA certs to trust: a glob or a colon-separated list of files/globs
#                             (default: /usr/local/share/ca-certificates/*.crt; set it empty for none)
#   DROPDEPLOY_DEBIAN_MIRROR  Debian mirror URL (default: the one the host's apt sources name)

if [[ -n "${_DD_COMMON_LOADED:-}" ]]; then
  return 0
fi
_DD_COMMON_LOADED=1

DD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
DD_DEFAULT_CA_CERTS='/usr/local/share/ca-certificates/*.crt'
DD_DEFAULT_MIRROR='http://deb.debian.org/debian'

# Logs go to stderr so that commands like `images.sh resolve` keep a clean stdout.
dd_log() { printf '[dropdeploy %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
dd_warn() { printf '[dropdeploy %s] WARNING: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
dd_die() {
  printf '[dropdeploy %s] ERROR: %s\n' "$(date +%H:%M:%S)" "$*" >&2
  exit 1
}

# Dies with the last lines of a log file, which is usually where the real cause is.
dd_die_with_log() {
  local msg=$1 log=$2 lines=${3:-30}
  if [[ -s "$log" ]]; then
    printf '%s\n' "----- last $lines lines of $log -----" >&2
    tail -n "$lines" "$log" >&2
    printf '%s\n' "-----" >&2
  fi
  dd_die "$msg (full log: $log)"
}

dd_have() { command -v "$1" >/dev/null 2>&1; }

dd_require_root() {
  [[ $EUID -eq 0 ]] || dd_die "$1 needs root (run it as root or with sudo)"
}

# The cache must live outside the work tree: it holds multi-MB binaries and rootfs
# temp dirs that must never end up in git or in a Docker build context of the repo.
dd_cache_dir() {
  local dir="${DROPDEPLOY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dropdeploy}"
  mkdir -p "$dir" || dd_die "cannot create cache dir $dir"
  dir="$(cd "$dir" && pwd -P)"
  case "$dir/" in
    "$DD_ROOT"/*) dd_die "cache dir $dir is inside the work tree $DD_ROOT; set DROPDEPLOY_CACHE elsewhere" ;;
  esac
  printf '%s\n' "$dir"
}

# A scratch dir under the cache (same filesystem as the cached artifacts, so mv is atomic).
dd_mktemp_dir() {
  local base
  base="$(dd_cache_dir)/tmp"
  mkdir -p "$base"
  mktemp -d "$base/${1:-work}.XXXXXX"
}

# Removes DIR when the (sub)shell exits, also after dd_die, so failed builds leave no
# rootfs or build context behind.
_DD_CLEANUP=()
dd_cleanup_on_exit() {
  _DD_CLEANUP+=("$1")
  trap '_dd_cleanup' EXIT
}
_dd_cleanup() {
  ((${#_DD_CLEANUP[@]} == 0)) || rm -rf -- "${_DD_CLEANUP[@]}"
}

# Prints the extra CA certificate files, one per line, deduplicated. An unmatched glob
# contributes nothing (an empty set is valid: no proxy), but a literal path that does
# not exist is a typo the user wants to hear about.
dd_ca_certs() {
  local spec="${DROPDEPLOY_CA_CERTS-$DD_DEFAULT_CA_CERTS}" entry file
  local -a entries matches
  local -A seen=()
  IFS=':' read -r -a entries <<<"$spec"
  for entry in "${entries[@]}"; do
    [[ -n "$entry" ]] || continue
    if [[ "$entry" == *[*?[]* ]]; then
      mapfile -t matches < <(compgen -G "$entry" | LC_ALL=C sort || true)
    else
      [[ -f "$entry" ]] || dd_die "DROPDEPLOY_CA_CERTS names $entry, which is not a file"
      matches=("$entry")
    fi
    for file in "${matches[@]}"; do
      [[ -f "$file" && -r "$file" ]] || continue
      [[ -z "${seen[$file]:-}" ]] || continue
      seen[$file]=1
      printf '%s\n' "$file"
    done
  done
}

# First Debian archive URI of the host's apt sources (deb822 first, then one-line format),
# so image builds use the same mirror the host is allowed to reach.
dd_debian_mirror() {
  if [[ -n "${DROPDEPLOY_DEBIAN_MIRROR:-}" ]]; then
    printf '%s\n' "${DROPDEPLOY_DEBIAN_MIRROR%/}"
    return 0
  fi
  local uri
  uri="$(dd_mirror_from_deb822 || dd_mirror_from_list || true)"
  printf '%s\n' "${uri:-$DD_DEFAULT_MIRROR}"
}

dd_mirror_from_deb822() {
  local f
  local -a files=()
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -r "$f" ]] && files+=("$f")
  done
  ((${#files[@]})) || return 1
  awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }' "${files[@]}" \
    | dd_pick_archive_uri
}

dd_mirror_from_list() {
  local f
  local -a files=()
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -r "$f" ]] && files+=("$f")
  done
  ((${#files[@]})) || return 1
  # "deb [opts] URI suite comp..." -> URI (skip the optional [..] block)
  awk '$1 == "deb" { i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/ && i < NF) i++; i++ } print $i }' \
    "${files[@]}" | dd_pick_archive_uri
}

# The security archive has a different layout, so it is never the debootstrap mirror.
dd_pick_archive_uri() {
  grep -E '^https?://' | grep -v -- '-security' | sed 's:/*$::' | head -n 1 | grep .
}

# apt-get with no prompts and its chatter in a log; `update` runs at most once per script run.
dd_apt_install() {
  dd_require_root "installing $*"
  dd_have apt-get || dd_die "apt-get not found; install $* yourself"
  local log
  log="$(dd_cache_dir)/logs/apt.log"
  mkdir -p "$(dirname "$log")"
  # NEEDRESTART_SUSPEND: needrestart (a docker.io recommendation) would otherwise scan
  # the machine and print a report after every install.
  export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
  if [[ -z "${_DD_APT_UPDATED:-}" ]]; then
    dd_log "apt-get update (log: $log)"
    apt-get update >"$log" 2>&1 || dd_die_with_log "apt-get update failed" "$log"
    _DD_APT_UPDATED=1
  fi
  dd_log "apt-get install $* (log: $log)"
  apt-get install -y "$@" >>"$log" 2>&1 || dd_die_with_log "apt-get install $* failed" "$log"
}

# Runs the rest of the caller under an exclusive lock, so parallel invocations
# (CI + a developer, parallel test forks) do not build the same thing twice.
# Taking the same lock again in one process is a no-op: a second open file would wait on
# the first one forever.
declare -A _DD_LOCKS=()
dd_lock() {
  local name=$1 fd
  [[ -z "${_DD_LOCKS[$name]:-}" ]] || return 0
  dd_have flock || return 0
  exec {fd}>"$(dd_cache_dir)/$name.lock"
  flock "$fd"
  _DD_LOCKS[$name]=$fd
}
