#!/usr/bin/env bash
# The egress policy for everything DropDeploy runs from strangers' code: app containers and build steps. Both live on
# networks carved out of one address pool (DROPDEPLOY_NETWORK_POOL, the same value as dropdeploy.runtime.network-pool),
# so two chains of rules cover every tenant without naming any network:
#
#   DROPDEPLOY-EGRESS (jumped to from DOCKER-USER, i.e. forwarded traffic from the pool):
#     answers to connections others opened pass; Traefik's reserved addresses (offsets 28-30 of each /27) pass
#     inside their own network;
#     inside one project network, connections to Traefik are refused and the rest pass (the project's own
#     containers); DNS to the host's resolvers passes; SMTP (25, 465, 587) is refused; private, loopback, link-local (cloud
#     metadata), CGNAT, multicast and the host's own subnets are refused - this covers other projects, PostgreSQL,
#     Traefik's API on any network and every address of the host's LAN; with DROPDEPLOY_EGRESS=none the public
#     internet is refused too.
#   DROPDEPLOY-INPUT (jumped to from INPUT): nothing from the pool reaches the host itself (DropDeploy's port, a
#     host-run PostgreSQL, sshd) except answers to connections the host opened (DropDeploy's health probes).
#
# Usage: scripts/firewall.sh apply | remove | check
#   apply   installs or refreshes the rules (idempotent; the jumps are first in their chains)
#   remove  takes every rule and chain of ours away again
#   check   exits 0 only when the installed rules are exactly what apply installs
# Settings: DROPDEPLOY_NETWORK_POOL (default 10.200.0.0/15), DROPDEPLOY_EGRESS (internet | none, default internet)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

POOL="${DROPDEPLOY_NETWORK_POOL:-10.200.0.0/15}"
EGRESS="${DROPDEPLOY_EGRESS:-internet}"
readonly EGRESS_CHAIN=DROPDEPLOY-EGRESS INPUT_CHAIN=DROPDEPLOY-INPUT
# Offsets 28-30 of every /27 (see runtime/NetworkPool.java): Traefik and, in production, DropDeploy's container.
readonly INFRASTRUCTURE_MASK=0.0.0.28/0.0.0.28
readonly PRIVATE_RANGES="0.0.0.0/8 10.0.0.0/8 100.64.0.0/10 127.0.0.0/8 169.254.0.0/16 172.16.0.0/12 192.0.0.0/24
192.168.0.0/16 198.18.0.0/15 224.0.0.0/4 240.0.0.0/4 168.63.129.16/32"

# The resolvers the engine forwards containers' DNS queries to (from inside their namespaces, so they are egress).
resolvers() {
  local file
  for file in /run/systemd/resolve/resolv.conf /etc/resolv.conf; do
    [[ -r "$file" ]] || continue
    awk '$1 == "nameserver" && $2 ~ /^[0-9.]+$/ && $2 !~ /^127\./ { print $2 }' "$file"
  done | sort -u
}

# The host's own directly connected IPv4 subnets (its LAN), which are neither private nor the internet here. Docker's
# bridges come and go with projects and lie in ranges refused anyway, so they are left out to keep the rules stable.
host_subnets() {
  ip -4 route show scope link 2>/dev/null \
    | awk '$1 ~ /\// { for (i = 2; i < NF; i++) if ($i == "dev") print $1, $(i + 1) }' \
    | awk '$2 !~ /^(docker|br-|veth)/ { print $1 }' | sort -u
}

egress_rules() {
  local ns range
  echo "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN"
  # Traefik (and, in production, DropDeploy's container probing health) reaches apps inside their network only (bridged). Trusting the address alone would let a build step that
  # forges it (build steps keep NET_RAW) past every rule below.
  echo "-s $INFRASTRUCTURE_MASK -m physdev --physdev-is-bridged -j RETURN"
  # Bridged means inside one project network: its own versions (and later its own services) may talk, but no app
  # may open a connection to Traefik there (its API, dashboard and ping).
  echo "-d $INFRASTRUCTURE_MASK -m physdev --physdev-is-bridged -j REJECT --reject-with icmp-admin-prohibited"
  echo "-m physdev --physdev-is-bridged -j RETURN"
  for ns in $(resolvers); do
    echo "-d $ns/32 -p udp -m udp --dport 53 -j RETURN"
    echo "-d $ns/32 -p tcp -m tcp --dport 53 -j RETURN"
  done
  echo "-p tcp -m multiport --dports 25,465,587 -j REJECT --reject-with tcp-reset"
  for range in $PRIVATE_RANGES $(host_subnets); do
    echo "-d $range -j REJECT --reject-with icmp-admin-prohibited"
  done
  [[ "$EGRESS" == none ]] && echo "-j REJECT --reject-with icmp-admin-prohibited"
  echo "-j RETURN"
}

input_rules() {
  echo "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN"
  echo "-j REJECT --reject-with icmp-admin-prohibited"
}

fill_chain() {
  local chain=$1 rule
  iptables -w -N "$chain" 2>/dev/null || iptables -w -F "$chain"
  while IFS= read -r rule; do
    # shellcheck disable=SC2086 # a rule is a list of words
    iptables -w -A "$chain" $rule
  done
}

jump_first() {
  local from=$1 to=$2
  while iptables -w -D "$from" -s "$POOL" -j "$to" 2>/dev/null; do :; done
  iptables -w -I "$from" 1 -s "$POOL" -j "$to"
}

apply() {
  dd_require_root "installing the egress firewall"
  dd_have iptables || dd_die "iptables is missing; it comes with Debian's docker.io"
  [[ "$EGRESS" == internet || "$EGRESS" == none ]] || dd_die "DROPDEPLOY_EGRESS must be internet or none"
  # DOCKER-USER exists once the engine ran; creating it first is harmless (the engine keeps it).
  iptables -w -N DOCKER-USER 2>/dev/null || true
  egress_rules | fill_chain "$EGRESS_CHAIN"
  input_rules | fill_chain "$INPUT_CHAIN"
  jump_first DOCKER-USER "$EGRESS_CHAIN"
  jump_first INPUT "$INPUT_CHAIN"
  dd_log "egress firewall installed for $POOL (internet: $([[ "$EGRESS" == none ]] && echo refused || echo allowed))"
}

remove() {
  dd_require_root "removing the egress firewall"
  while iptables -w -D DOCKER-USER -s "$POOL" -j "$EGRESS_CHAIN" 2>/dev/null; do :; done
  while iptables -w -D INPUT -s "$POOL" -j "$INPUT_CHAIN" 2>/dev/null; do :; done
  local chain
  for chain in "$EGRESS_CHAIN" "$INPUT_CHAIN"; do
    iptables -w -F "$chain" 2>/dev/null || true
    iptables -w -X "$chain" 2>/dev/null || true
  done
  dd_log "egress firewall removed"
}

# `iptables -S` prints rules in a normalised form; compare against what apply would install, normalised the same way.
installed() { iptables -w -S "$1" 2>/dev/null | sed -n "s/^-A $1 //p"; }

check() {
  local expected actual
  expected="$(egress_rules | fill_chain_dry DROPDEPLOY-CHECK-E)"
  actual="$(installed "$EGRESS_CHAIN")"
  [[ -n "$actual" && "$expected" == "$actual" ]] || { dd_warn "$EGRESS_CHAIN differs from the policy"; return 1; }
  expected="$(input_rules | fill_chain_dry DROPDEPLOY-CHECK-I)"
  [[ "$expected" == "$(installed "$INPUT_CHAIN")" ]] || { dd_warn "$INPUT_CHAIN differs from the policy"; return 1; }
  [[ "$(iptables -w -S DOCKER-USER | sed -n 2p)" == "-A DOCKER-USER -s $POOL -j $EGRESS_CHAIN" ]] \
    || { dd_warn "DOCKER-USER does not send $POOL to $EGRESS_CHAIN first"; return 1; }
  [[ "$(iptables -w -S INPUT | grep -m1 '^-A INPUT')" == "-A INPUT -s $POOL -j $INPUT_CHAIN" ]] \
    || { dd_warn "INPUT does not send $POOL to $INPUT_CHAIN first"; return 1; }
  dd_log "egress firewall is in place for $POOL"
}

# Normalises rules through iptables itself in a scratch chain, so `check` compares like with like.
fill_chain_dry() {
  local chain=$1
  fill_chain "$chain"
  installed "$chain"
  iptables -w -F "$chain"
  iptables -w -X "$chain"
}

case "${1:-}" in
  apply) apply ;;
  remove) remove ;;
  check) check ;;
  *)
    sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
