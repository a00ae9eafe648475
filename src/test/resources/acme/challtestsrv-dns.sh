#!/bin/bash
# lego's `exec` DNS provider for tests: Traefik runs `challtestsrv-dns.sh present|cleanup FQDN VALUE`, and this sets
# or clears the TXT record in Pebble's challenge test server through its management API. The Traefik image has no
# curl, so the request goes out over bash's /dev/tcp.
set -euo pipefail
case "$1" in
  present) path=/set-txt body="{\"host\":\"$2\",\"value\":\"$3\"}" ;;
  cleanup) path=/clear-txt body="{\"host\":\"$2\"}" ;;
  *) exit 0 ;;
esac
exec 3<>"/dev/tcp/${CHALLTESTSRV_HOST:-challtestsrv}/8055"
printf 'POST %s HTTP/1.1\r\nHost: challtestsrv\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
  "$path" "${#body}" "$body" >&3
read -r status <&3
echo "challtestsrv $1 $2: $status"
[[ "$status" == *" 200 "* ]]
