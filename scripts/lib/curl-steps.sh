# Shared steps of the curl acceptance scripts (sourced, not run): PASS/FAIL/SKIP lines, one oneM2M HTTP request
# with its answer in $status (HTTP), $rsc (X-M2M-RSC) and $body, and a retry-until-true loop.
# The sourcing script sets $RUN (a per-run prefix for request ids), $workdir (a scratch directory) and failures=0.

pass() { echo "PASS  $1"; }
fail() { echo "FAIL  $1${2:+: $2}"; failures=$((failures + 1)); }
skip() { echo "SKIP  $1${2:+: $2}"; }

# m2m_req METHOD URL ORIGINATOR [TY] [BODY] [RQI] -> sets $status, $rsc and $body
rqi=0
m2m_req() {
  local method="$1" url="$2" origin="$3" ty="${4:-}" data="${5:-}" id="${6:-}" ct="application/json"
  rqi=$((rqi + 1))
  [ -n "$id" ] || id="$RUN-$rqi"
  [ -n "$ty" ] && ct="application/json;ty=$ty"
  local args=(-s -o "$workdir/body" -D "$workdir/headers" -w '%{http_code}' -X "$method" "$url"
    -H "X-M2M-Origin: $origin" -H "X-M2M-RI: $id" -H "X-M2M-RVI: 3" -H "Accept: application/json")
  [ -n "$data" ] && args+=(-H "Content-Type: $ct" --data "$data")
  rm -f "$workdir/body" "$workdir/headers"
  status=$(curl "${args[@]}" 2>/dev/null) || true
  [ -n "$status" ] || status=000
  body=$(cat "$workdir/body" 2>/dev/null || true)
  rsc=$(tr -d '\r' < "$workdir/headers" 2>/dev/null | awk -F': ' 'tolower($1)=="x-m2m-rsc" {print $2}')
}
req() { m2m_req "$@"; }

# jqb FILTER: the filter applied to the last answer's body
jqb() { echo "$body" | jq -r "$1" 2>/dev/null; }

# eventually SECONDS COMMAND... : retries the command every half second until it succeeds or the time is up
eventually() {
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@"; do
    [ "$(date +%s)" -ge "$deadline" ] && return 1
    sleep 0.5
  done
}
