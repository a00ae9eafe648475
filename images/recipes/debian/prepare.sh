#!/usr/bin/env bash
# Builds the Debian root filesystem that the debian Dockerfile starts FROM: no registry is
# reachable, so the base image is bootstrapped from the Debian mirror the host uses.
#
# Usage: prepare.sh CONTEXT_DIR   (images.sh sets DD_IMAGE_VERSION to the suite, e.g. trixie)
# Writes the temporary rootfs tag to CONTEXT_DIR/.intermediate-images so images.sh can
# untag it after the build (the catalog stays the only list of images).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=../../../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib/common.sh"

SUITE="${DD_IMAGE_VERSION:?DD_IMAGE_VERSION must be the Debian suite, e.g. trixie}"
ROOTFS_TAG="dropdeploy/debian-rootfs:$SUITE"

ensure_debootstrap() {
  dd_have debootstrap || dd_apt_install debootstrap
}

# Keeps docs, man pages and translations out of every image, and apt's binary caches and
# downloaded .debs out of every layer, like Debian's official slim images. force-unsafe-io:
# an image build that dies is thrown away anyway, and per-file fsync makes installs with
# hundreds of packages (npm) several times slower.
write_slim_config() {
  local root=$1
  mkdir -p "$root/etc/dpkg/dpkg.cfg.d" "$root/etc/apt/apt.conf.d"
  echo 'force-unsafe-io' >"$root/etc/dpkg/dpkg.cfg.d/dropdeploy-unsafe-io"
  cat >"$root/etc/dpkg/dpkg.cfg.d/dropdeploy-slim" <<'CFG'
path-exclude=/usr/share/doc/*
path-include=/usr/share/doc/*/copyright
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
path-exclude=/usr/share/locale/*
path-include=/usr/share/locale/locale.alias
path-exclude=/usr/share/lintian/*
CFG
  cat >"$root/etc/apt/apt.conf.d/dropdeploy-slim" <<'CFG'
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb || true"; };
Acquire::Languages "none";
CFG
}

# debootstrap ignores the dpkg excludes above (they did not exist yet): apply them now.
prune_rootfs() {
  local root=$1
  find "$root/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
  find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
  rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/lintian/*
  # Some JDK postinst scripts register man-page alternatives and need this dir to exist.
  mkdir -p "$root/usr/share/man/man1"
}

# Same mirror as the host; updates and security so rebuilt images get fixes.
write_apt_sources() {
  local root=$1 mirror=$2
  rm -f "$root/etc/apt/sources.list"
  cat >"$root/etc/apt/sources.list.d/debian.sources" <<SRC
Types: deb
URIs: $mirror
Suites: $SUITE $SUITE-updates
Components: main

Types: deb
URIs: ${mirror%/debian}/debian-security
Suites: $SUITE-security
Components: main
SRC
}

bootstrap() {
  local root=$1 mirror=$2 log=$3 start=$SECONDS
  dd_log "debian: debootstrap --variant=minbase $SUITE from $mirror (log: $log)"
  debootstrap --variant=minbase "$SUITE" "$root" "$mirror" >"$log" 2>&1 \
    || dd_die_with_log "debian: debootstrap $SUITE from $mirror failed" "$log"
  dd_log "debian: debootstrap done in $((SECONDS - start)) s"
}

# Drops what must not be baked into an image: downloaded .debs, package lists, and the
# host's DNS and hostname (Docker provides its own at run time).
clean_rootfs() {
  local root=$1
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin \
    "$root"/var/lib/apt/lists/* "$root"/var/log/*.log
  rm -f "$root/etc/resolv.conf" "$root/etc/hostname"
}

import_rootfs() {
  local root=$1
  tar --numeric-owner --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
    -C "$root" -c . | docker import --change 'CMD ["bash"]' - "$ROOTFS_TAG" >/dev/null \
    || dd_die "debian: docker import of the $SUITE rootfs failed"
}

main() {
  local context=${1:?usage: prepare.sh CONTEXT_DIR} mirror work log
  dd_require_root "debootstrap"
  ensure_debootstrap
  mirror="$(dd_debian_mirror)"
  work="$(dd_mktemp_dir debian-rootfs)"
  dd_cleanup_on_exit "$work"
  log="$(dd_cache_dir)/logs/debootstrap.log"
  mkdir -p "$(dirname "$log")"
  bootstrap "$work/root" "$mirror" "$log"
  write_slim_config "$work/root"
  prune_rootfs "$work/root"
  write_apt_sources "$work/root" "$mirror"
  clean_rootfs "$work/root"
  import_rootfs "$work/root"
  printf '%s\n' "$ROOTFS_TAG" >>"$context/.intermediate-images"
}

main "$@"
