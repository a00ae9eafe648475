#!/bin/sh
# dropdeploy-verify-ca: fails unless every extra CA baked into this image is trusted by the
# system bundle (OpenSSL, curl, Go, Node, pip all read it) and, when Java is installed, by
# Java's default trust store. Stack images run it at build time, so a broken trust
# setup fails the image build instead of a user's deploy.
set -eu

dir=/usr/local/share/ca-certificates/dropdeploy
bundle=/etc/ssl/certs/ca-certificates.crt
status=0

fingerprint() { openssl x509 -in "$1" -noout -fingerprint -sha256 | cut -d= -f2; }

java_trusts() {
  command -v keytool >/dev/null 2>&1 || return 0
  keytool -list -cacerts -storepass changeit 2>/dev/null | grep -qi "$(fingerprint "$1")"
}

for crt in "$dir"/*.crt; do
  [ -e "$crt" ] || continue
  if ! openssl verify -partial_chain -CAfile "$bundle" "$crt" >/dev/null 2>&1; then
    echo "dropdeploy-verify-ca: $crt is not in $bundle" >&2
    status=1
  fi
  if ! java_trusts "$crt"; then
    echo "dropdeploy-verify-ca: $crt is not in Java's cacerts" >&2
    status=1
  fi
done
exit "$status"
