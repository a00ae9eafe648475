#!/bin/sh
# Behaves like the official traefik image, so either image works with the same arguments:
#   IMAGE --providers.docker ...   -> traefik --providers.docker ...
#   IMAGE version                  -> traefik version
#   IMAGE traefik --flag ...       -> traefik --flag ...
#   IMAGE sh -c '...'              -> runs the command as given
set -e
case "${1:-}" in
  -*) set -- traefik "$@" ;;
esac
if [ "$#" -gt 0 ] && [ "$1" != traefik ] && traefik "$1" --help >/dev/null 2>&1; then
  set -- traefik "$@"
fi
exec "$@"
