# shellcheck shell=bash
# ./dropdeploy node: more than one machine. `node add` reads the local engine (it runs on the manager) and prints what
# a new machine needs; `node ls`, `node drain` and `node activate` go through the API as an administrator, so the
# change is checked and published like the Nodes page's.
#
# Settings (environment):
#   DROPDEPLOY_REGISTRY     host:port where this installation's registry listens (default: <manager address>:5000)
#   DROPDEPLOY_REGISTRY_CA  the registry's CA certificate (PEM) when it serves TLS with a CA of its own

cmd_node() {
  local action=${1:-}
  shift || true
  case "$action" in
    add) node_add "$@" ;;
    ls) node_ls ;;
    drain | activate)
      [[ -n "${1:-}" ]] || dd_die "usage: ./dropdeploy node $action NODE (an id or host name from ./dropdeploy node ls)"
      node_change "$action" "$1" ;;
    *) dd_die "usage: ./dropdeploy node add [--init] [--advertise-addr ADDR] | node ls | node drain NODE | node activate NODE" ;;
  esac
}

swarm_info() { docker info --format "$1" 2>/dev/null; }

# The address other machines reach this one by: the source address of the default route (a lookup, nothing is sent).
default_address() {
  local addr
  addr="$(ip -4 route get 192.0.2.1 2>/dev/null | grep -o 'src [0-9.]*' | cut -d' ' -f2)"
  [[ -n "$addr" ]] || addr="$(hostname -I 2>/dev/null | cut -d' ' -f1)"
  printf '%s' "$addr"
}

node_add() {
  local init=false addr=""
  while (($#)); do
    case "$1" in
      --init) init=true ;;
      --advertise-addr) addr=${2:-}; [[ -n "$addr" ]] || dd_die "--advertise-addr needs an address"; shift ;;
      *) dd_die "unknown option $1; usage: ./dropdeploy node add [--init] [--advertise-addr ADDR]" ;;
    esac
    shift
  done
  dd_have docker || dd_die "docker is not installed here; run node add on the machine DropDeploy's engine runs on"
  local state
  state="$(swarm_info '{{.Swarm.LocalNodeState}}')" || dd_die "the Docker engine does not answer; see scripts/docker-engine.sh"
  if [[ "$state" != active ]]; then
    addr=${addr:-$(default_address)}
    if [[ "$init" != true ]]; then
      dd_die "this engine is not in Swarm mode (single-engine mode: every app runs here). To make it the first
  manager of a swarm, run:  ./dropdeploy node add --init [--advertise-addr ADDR]
  ADDR must be an address the new machines reach this one by (default: ${addr:-none found})."
    fi
    [[ -n "$addr" ]] || dd_die "no address to advertise was found; pass --advertise-addr ADDR"
    dd_log "this engine is not in Swarm mode yet: starting a swarm with this machine as its manager, advertised at $addr"
    docker swarm init --advertise-addr "$addr" >/dev/null || dd_die "docker swarm init failed (see above)"
  fi
  [[ "$(swarm_info '{{.Swarm.ControlAvailable}}')" == true ]] \
    || dd_die "this engine is a swarm worker; run ./dropdeploy node add on a manager"
  local manager token registry
  manager="$(swarm_info '{{range .Swarm.RemoteManagers}}{{.Addr}} {{end}}' | cut -d' ' -f1)"
  [[ -n "$manager" ]] || manager="$(swarm_info '{{.Swarm.NodeAddr}}'):2377"
  token="$(docker swarm join-token -q worker)" || dd_die "could not read the worker join token"
  registry="${DROPDEPLOY_REGISTRY:-${manager%:*}:5000}"
  node_add_steps "$manager" "$token" "$registry"
}

node_add_steps() {
  local manager=$1 token=$2 registry=$3
  cat <<EOT

Adding a machine to this DropDeploy (swarm manager $manager). On the new machine (Debian or Ubuntu), as root:

1. Install the Docker engine from Debian:
     apt-get update && apt-get install -y docker.io
   It must reach $manager (TCP 2377), and every node must reach every other on TCP/UDP 7946 and UDP 4789
   (overlay networks; encrypted ones also use IP protocol 50, ESP).

2. Trust this installation's registry at $registry, where nodes pull the apps' images, and run every container
   without new privileges (the engine's service specs cannot say so; DropDeploy's apps expect it):
EOT
  local registries='"insecure-registries": ["'"$registry"'"], '
  if [[ -n "${DROPDEPLOY_REGISTRY_CA:-}" ]]; then
    [[ -r "$DROPDEPLOY_REGISTRY_CA" ]] || dd_die "DROPDEPLOY_REGISTRY_CA=$DROPDEPLOY_REGISTRY_CA cannot be read"
    registries=""
    cat <<EOT
     mkdir -p /etc/docker/certs.d/$registry
     cat > /etc/docker/certs.d/$registry/ca.crt <<'CA'
$(cat "$DROPDEPLOY_REGISTRY_CA")
CA
EOT
  fi
  cat <<EOT
     cat > /etc/docker/daemon.json <<'JSON'
{ ${registries}"no-new-privileges": true }
JSON
     systemctl restart docker
   (If /etc/docker/daemon.json exists, add these entries to it instead of replacing it.$([[ -n "$registries" ]] &&
     echo " Plain HTTP: keep $registry on a private network."))

3. Join the swarm as a worker:
     docker swarm join --token $token $manager

4. Check here, on the manager, that it joined and is Ready:
     ./dropdeploy node ls
   (or: docker node ls). Swarm places new tasks on it from now on; running apps stay where they are until they are
   redeployed or their node is drained.

The token lets any machine that has it join this swarm: keep it private. Replace it with
  docker swarm join-token --rotate worker
EOT
}

# Host names, labels and task messages come from the nodes: control characters are blanked, so none steers the terminal.
NODE_CLEAN='def clean: tostring | gsub("[[:cntrl:]]"; " ");'

node_ls() {
  local cluster
  require_server
  cluster="$(api_call GET /admin/nodes)"
  jq -r "$NODE_CLEAN"' .message | clean' <<<"$cluster"
  [[ "$(jq -r .mode <<<"$cluster")" == SWARM ]] || return 0
  # shellcheck disable=SC2016 # a jq program
  jq -r "$NODE_CLEAN"'
    (["ID", "HOST", "ROLE", "STATE", "AVAILABILITY", "CPUS", "MEMORY", "APPS"] | @tsv),
    (.nodes[] | [
      .id[0:12], .hostname, (.role + (if .leader then "*" else "" end)), .state, .availability,
      .cpus, ((.memoryBytes / 1073741824 * 10 | round / 10 | tostring) + " GiB"),
      ((.tasks | map(.project + " v" + (.version | tostring) + " " + .state) | join(", ") | if . == "" then "-" else . end)
        + (if .rescheduled > 0 then " (" + (.rescheduled | tostring) + " moved away)" else "" end))
    ] | map(clean) | @tsv)' <<<"$cluster" | column -t -s $'\t'
  jq -r "$NODE_CLEAN"' .services[] | select(.complete | not)
    | "\(.name): \(.running) of \(.desired) tasks running; Swarm is placing the rest" | clean' <<<"$cluster"
}

node_change() {
  local action=$1 node=$2
  require_server
  api_call POST "/admin/nodes/$(segment "$node")/$action" \
    | jq -r "$NODE_CLEAN"' "\(.hostname) (\(.id[0:12])) is now \(.availability)" | clean'
}
