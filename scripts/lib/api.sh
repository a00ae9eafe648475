# shellcheck shell=bash
# The API commands of ./dropdeploy: every call goes through api_call, which prints the server's own message on a
# refusal and exits non-zero. JSON and the event stream are read with jq, never with grep or sed.
#
# Settings (environment):
#   DROPDEPLOY_URL      the DropDeploy to talk to (default: http://localhost:$DROPDEPLOY_PORT, port 8080)
#   DROPDEPLOY_API_KEY  the API key (else the file ~/.config/dropdeploy/api-key)

API_URL="${DROPDEPLOY_URL:-http://localhost:${DROPDEPLOY_PORT:-8080}}"
API_URL="${API_URL%/}"
KEY_FILE="${XDG_CONFIG_HOME:-$HOME/.config}/dropdeploy/api-key"

ensure_jq() {
  dd_have jq || dd_apt_install jq
}

api_key() {
  local key="${DROPDEPLOY_API_KEY:-}"
  [[ -z "$key" && -r "$KEY_FILE" ]] && key="$(tr -d '[:space:]' <"$KEY_FILE")"
  [[ -n "$key" ]] || dd_die "No API key. Sign in at $API_URL, open \"API keys\", create one, then
  export DROPDEPLOY_API_KEY=<key>   or   mkdir -p ${KEY_FILE%/*} && echo <key> > $KEY_FILE && chmod 600 $KEY_FILE"
  printf '%s' "$key"
}

# The key goes in a header read from a file descriptor, so it never shows in the process list.
api() {
  local method=$1 path=$2 key
  shift 2
  key="$(api_key)" || exit 1
  curl -sS -X "$method" -H @<(printf 'Authorization: Bearer %s\n' "$key") "$API_URL/api/v1$path" "$@"
}

# Prints the response body of a successful call. A refusal (any 4xx or 5xx) prints the server's message, which every
# API error carries as {"error", "message"}, and exits 1; a body that is not such JSON is shown as it came.
api_call() {
  local method=$1 path=$2 response status body message
  shift 2
  response="$(api "$method" "$path" -w '\n%{http_code}' "$@")" || dd_die "could not reach DropDeploy at $API_URL"
  status="${response##*$'\n'}"
  body="${response%$'\n'*}"
  if ((status >= 200 && status < 300)); then
    [[ -z "$body" ]] || printf '%s\n' "${body%$'\n'}"
    return 0
  fi
  message="$(jq -er '.message | strings' <<<"$body" 2>/dev/null)" || message="$(head -c 2000 <<<"$body")"
  dd_die "${message:-no message} (HTTP $status)"
}

require_server() {
  curl -fsS "$API_URL/actuator/health" >/dev/null 2>&1 \
    || dd_die "DropDeploy is not running at $API_URL; start it with ./dropdeploy up (or set DROPDEPLOY_URL)"
  api_key >/dev/null
}

# One path segment, percent-encoded, so a name can never step into another path.
segment() { jq -rn --arg v "$1" '$v | @uri'; }

# shellcheck disable=SC2016 # a jq program: its $names are jq's, not the shell's
# Turns the log's Server-Sent Events into one line each: "log [phase] text" (control characters blanked, so an app
# cannot steer the terminal) and "done <deployment JSON>".
readonly SSE_LINES='foreach (inputs | sub("\r$"; "")) as $l ({event: null, out: null};
    if ($l | startswith("event:")) then {event: ($l[6:] | ltrimstr(" ")), out: null}
    elif ($l | startswith("data:")) then .out = [.event, ($l[5:] | ltrimstr(" "))]
    else .out = null end;
    .out // empty)
  | if .[0] == "done" then "done " + .[1]
    else .[1] | fromjson | "log [\(.phase)] \(.line | gsub("[[:cntrl:]]"; " "))" end'

# Prints the deployment's log as it happens; returns 0 when it went live.
follow_deployment() {
  local id=$1 json=$2 line final="" state
  while IFS= read -r line; do
    case "$line" in
      "log "*) [[ "$json" == 1 ]] || printf '%s\n' "${line#log }" ;;
      "done "*) final="${line#done }" ;;
    esac
  done < <(api GET "/deployments/$id/log" -N | jq -nR --unbuffered -r "$SSE_LINES")
  # A stream that broke off ends without its final event; the deployment itself still says how it ended.
  [[ -n "$final" ]] || final="$(api_call GET "/deployments/$id" | jq -c '.deployment')"
  state="$(jq -r '.state' <<<"$final")"
  if [[ "$json" == 1 ]]; then
    api_call GET "/deployments/$id"
  elif [[ "$state" == LIVE ]]; then
    printf '\nLive: %s\n' "$(jq -r '.url' <<<"$final")"
  else
    printf '\nFailed: %s\n' "$(jq -r '.reason // .state' <<<"$final")" >&2
  fi
  [[ "$state" == LIVE ]]
}

# shellcheck disable=SC2016 # a jq program: its $names are jq's, not the shell's
# Renders a chat turn's Server-Sent Events as it happens: the answer as it arrives, the files changed, the deploy
# timeline and notes, then the link. Control characters are blanked (newlines and tabs kept), so neither the model nor
# an app can steer the terminal. A refusal (the API's JSON error, or any other body, instead of a stream: its message
# or its text), a failed deployment and a stream that broke off end with a message on standard error and exit status 1
# (jq's halt_error).
readonly CHAT_EVENTS='def clean: gsub("(?<c>[[:cntrl:]])"; if .c == "\n" or .c == "\t" then .c else " " end);
  foreach ((inputs | sub("\r$"; "")), null) as $l ({event: null, out: null, ended: false, body: ""};
    if $l == null then .out = (if .ended then null elif .body != "" then ["refused", .body] else ["broken", "{}"] end)
    elif ($l | test("^(event|data|id|retry)?:") or . == "") | not then .body = (.body + $l + "\n")[0:2000] | .out = null
      | if ($l | startswith("{")) then .out = ["refused", $l] | .ended = true else . end
    elif ($l | startswith("event:")) then .event = ($l[6:] | ltrimstr(" ")) | .out = null
    elif ($l | startswith("data:")) then .out = [.event, ($l[5:] | ltrimstr(" "))]
      | if .event == "done" then .ended = true else . end
    else .out = null end;
    .out // empty)
  | .[0] as $e | (.[1] | fromjson? // {}) as $d
  | if $e == "text" then $d.text | clean
    elif $e == "files" then "\n\nVersion \($d.version): "
      + ([$d.files[] | "\(.path | clean) \(.change) +\(.linesAdded) -\(.linesRemoved)"] | join(", ")) + "\n"
    elif $e == "step" then "  * \($d.line | clean)\n"
    elif $e == "note" then "\n\($d.text | clean)\n"
    elif $e == "done" then
      if $d.live then "\nLive: \($d.url)\n"
      elif $d.failed then "ERROR: the deployment did not go live; the notes above say why\n" | halt_error(1)
      else "\n" end
    elif $e == "refused" then "ERROR: \(($d | objects | .message) // .[1] | clean)\n" | halt_error(1)
    elif $e == "broken" then "ERROR: the stream broke off before the turn ended; the chat page shows how it went\n"
      | halt_error(1)
    else empty end'

# One chat turn, as in the project's chat page: prints the answer as it streams and the live link at the end.
cmd_chat() {
  local name=${1:-} message=${2:-}
  [[ -n "$name" && -n "$message" ]] || dd_die 'usage: ./dropdeploy chat NAME "message"   (message "undo" undoes the last change)'
  require_server
  jq -cn --arg m "$message" '{message: $m}' \
    | api POST "/projects/$(segment "$name")/chat" -N -H 'Content-Type: application/json' --data-binary @- \
    | jq -nRj --unbuffered "$CHAT_EVENTS"
}

# Reads the options of the commands that bring code in: one argument, [--name NAME] [--branch B] [--json]
# [--attach folder|postgres|valkey]... (data to attach first: the owner's consent, as a query string).
parse_source_args() {
  OPT_ARG="" OPT_NAME="" OPT_BRANCH="" OPT_JSON=0 OPT_ATTACH=""
  while (($#)); do
    case "$1" in
      --name) OPT_NAME="${2:?--name needs a value}"; shift 2 ;;
      --attach) [[ "${2:-}" =~ ^(folder|postgres|valkey)$ ]] || dd_die "--attach takes folder, postgres or valkey"
        OPT_ATTACH="${OPT_ATTACH:+$OPT_ATTACH&}attach=$2"; shift 2 ;;
      --branch) OPT_BRANCH="${2:?--branch needs a value}"; shift 2 ;;
      --json) OPT_JSON=1; shift ;;
      *) OPT_ARG="$1"; shift ;;
    esac
  done
}

cmd_deploy() {
  local dir name json id
  parse_source_args "$@"
  dir=$OPT_ARG name=$OPT_NAME json=$OPT_JSON
  [[ -d "$dir" ]] || dd_die "usage: ./dropdeploy deploy <dir> [--name NAME] [--attach folder|postgres|valkey]... [--json]"
  name="${name:-$(basename "$(cd "$dir" && pwd)")}"
  require_server
  # Dependencies and VCS data are rebuilt or useless in the image; leaving them out keeps uploads small.
  id="$(tar -C "$dir" --exclude=.git --exclude=node_modules --exclude=.venv -czf - . \
    | api_call POST "/projects/$(segment "$name")/deployments${OPT_ATTACH:+?$OPT_ATTACH}" -H 'Content-Type: application/gzip' --data-binary @- \
    | jq -r '.id')"
  follow_deployment "$id" "$json"
}

cmd_paste() {
  local file name json response
  parse_source_args "$@"
  file=$OPT_ARG name=$OPT_NAME json=$OPT_JSON
  [[ "$file" == - || -f "$file" ]] || dd_die "usage: ./dropdeploy paste FILE|- [--name NAME] [--json]"
  [[ -n "$name" ]] || { [[ "$file" == - ]] && name=my-app || name="$(basename "${file%.*}")"; }
  require_server
  response="$(api_call POST "/projects/$(segment "$name")/paste" -H 'Content-Type: text/markdown; charset=utf-8' \
    --data-binary "@$file")"
  [[ "$json" == 1 ]] || jq -r '.summary' <<<"$response"
  follow_deployment "$(jq -r '.deployment.id' <<<"$response")" "$json"
}

cmd_import() {
  local url branch name json response
  parse_source_args "$@"
  url=$OPT_ARG branch=$OPT_BRANCH name=$OPT_NAME json=$OPT_JSON
  [[ -n "$url" ]] || dd_die "usage: ./dropdeploy import URL [--branch B] [--name NAME] [--json]"
  [[ -n "$name" ]] || name="$(basename "${url%/}" .git)"
  require_server
  response="$(jq -cn --arg url "$url" --arg branch "$branch" '{url: $url, branch: (if $branch == "" then null else $branch end)}' \
    | api_call POST "/projects/$(segment "$name")/import" -H 'Content-Type: application/json' --data-binary @-)"
  [[ "$json" == 1 ]] || jq -r '"Version \(.version): \(.message)"' <<<"$response"
  follow_deployment "$(jq -r '.deployment.id' <<<"$response")" "$json"
}

cmd_versions() {
  local name=${1:-}
  [[ -n "$name" ]] || dd_die "usage: ./dropdeploy versions NAME"
  require_server
  api_call GET "/projects/$(segment "$name")/versions" \
    | jq -r '.[] | "v\(.number)\t\(if .live then "LIVE" else (.lastDeployment // "-") end)\t\(.createdAt[0:19])\t\(.message)\t\(.url)"'
}

cmd_diff() {
  local name=${1:-} version=${2:-} query=""
  [[ -n "$name" && -n "$version" ]] || dd_die "usage: ./dropdeploy diff NAME VERSION [--from VERSION]"
  if [[ "${3:-}" == --from ]]; then
    [[ -n "${4:-}" ]] || dd_die "usage: ./dropdeploy diff NAME VERSION [--from VERSION]"
    query="?from=$(segment "$4")"
  fi
  require_server
  api_call GET "/projects/$(segment "$name")/versions/$(segment "$version")/diff$query"
}

cmd_rollback() {
  local name=${1:-} version=${2:-}
  [[ -n "$name" && -n "$version" ]] || dd_die "usage: ./dropdeploy rollback NAME VERSION"
  started "/projects/$(segment "$name")/rollback/$(segment "$version")"
}

# Posts to an endpoint that queues a deployment and follows it. The id is assigned on its own line, so a refusal
# ends the script there (set -e) instead of following an empty id.
started() {
  local id
  require_server
  id="$(api_call POST "$1" | jq -r '.id')"
  follow_deployment "$id" 0
}

# start and restart are deployments from a built image; stop answers at once.
cmd_control() {
  local action=$1 name=${2:-}
  [[ -n "$name" ]] || dd_die "usage: ./dropdeploy $action NAME"
  if [[ "$action" == stop ]]; then
    require_server
    api_call POST "/projects/$(segment "$name")/stop" >/dev/null
    printf 'stopped %s\n' "$name"
  else
    started "/projects/$(segment "$name")/$action"
  fi
}

# Without N: how many replicas run and the installation's limit. With N: stored, then a restart switches to a new
# version of the app with N replicas without downtime (the Swarm backend; the engine backend refuses more than 1).
cmd_scale() {
  local name=${1:-} count=${2:-}
  [[ -n "$name" ]] || dd_die "usage: ./dropdeploy scale NAME [REPLICAS]"
  require_server
  if [[ -z "$count" ]]; then
    api_call GET "/projects/$(segment "$name")/replicas" | jq -r '"\(.replicas) replica(s), at most \(.limit)"'
    return
  fi
  [[ "$count" =~ ^[0-9]{1,3}$ ]] || dd_die "REPLICAS is a number, for example 2"
  jq -n --argjson n "$count" '{replicas: $n}' \
    | api_call PUT "/projects/$(segment "$name")/replicas" -H 'Content-Type: application/json' --data-binary @- >/dev/null
  printf 'set %s to %s replica(s); switching now\n' "$name" "$count"
  started "/projects/$(segment "$name")/restart"
}

# A project that keeps data (a data folder, a database) is removed only with --delete-data: the server refuses otherwise.
cmd_rm() {
  local name=${1:-} query=""
  [[ -n "$name" ]] || dd_die "usage: ./dropdeploy rm NAME [--delete-data]"
  [[ "${2:-}" == --delete-data ]] && query="?deleteData=true"
  require_server
  api_call DELETE "/projects/$(segment "$name")$query" >/dev/null
  printf 'removed %s\n' "$name"
}

cmd_app_logs() {
  require_server
  api_call GET "/projects/$(segment "$1")/logs"
}

# Values reach curl on its standard input. Give a secret as KEY alone and pipe its value in: then it shows in no
# command line that other users of the machine could read in /proc.
cmd_env() {
  local action=${1:-} name=${2:-} assignment=${3:-} secret=false path
  [[ "${4:-}" == --secret || "${3:-}" == --secret ]] && secret=true
  [[ "$assignment" == --secret ]] && assignment=""
  [[ -n "$name" ]] || dd_die "usage: ./dropdeploy env list NAME | set NAME KEY=VALUE [--secret] | set NAME KEY [--secret] (value from stdin) | unset NAME KEY"
  require_server
  path="/projects/$(segment "$name")/env"
  case "$action" in
    list)
      api_call GET "$path" | jq -r '.[] | "\(.name)=\(.shownValue)\(if .secret then "  (secret)" else "" end)"' ;;
    set)
      [[ -n "$assignment" ]] || dd_die "usage: ./dropdeploy env set NAME KEY=VALUE [--secret]"
      if [[ "$assignment" == *=* ]]; then
        printf '%s' "${assignment#*=}"
      else
        cat
      fi | jq -cRs --argjson secret "$secret" '{value: ., secret: $secret}' \
        | api_call PUT "$path/$(segment "${assignment%%=*}")" -H 'Content-Type: application/json' --data-binary @- \
          >/dev/null
      printf 'set %s; it applies from the next start: ./dropdeploy restart %s\n' "${assignment%%=*}" "$name" ;;
    unset)
      [[ -n "$assignment" ]] || dd_die "usage: ./dropdeploy env unset NAME KEY"
      api_call DELETE "$path/$(segment "$assignment")" >/dev/null
      printf 'removed %s\n' "$assignment" ;;
    *) dd_die "usage: ./dropdeploy env list|set|unset NAME ..." ;;
  esac
}
