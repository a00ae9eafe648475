#!/bin/sh
# DD_REGISTRY_HTPASSWD holds the htpasswd line (a bcrypt hash, never the password): it is written to /tmp (a tmpfs
# under a read-only root) so the image needs no mounted file, which DropDeploy could not provide when it runs in a
# container itself.
set -e
if [ -n "${DD_REGISTRY_HTPASSWD:-}" ]; then
  umask 077
  printf '%s\n' "$DD_REGISTRY_HTPASSWD" >/tmp/htpasswd
  export REGISTRY_AUTH=htpasswd REGISTRY_AUTH_HTPASSWD_REALM=dropdeploy REGISTRY_AUTH_HTPASSWD_PATH=/tmp/htpasswd
fi
case "${1:-}" in
  serve | garbage-collect) exec registry "$@" ;;
esac
exec "$@"
