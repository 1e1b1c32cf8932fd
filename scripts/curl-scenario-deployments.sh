#!/usr/bin/env bash
# Deployment acceptance scenario (issue 6): each deployment option started with `./oneedge run --deployment X` and
# checked with curl (and mosquitto_pub when installed).
#
#   scripts/curl-scenario-deployments.sh [A B C D]        (default: all four, one after the other)
#
# For each option: the run is started (the launcher works in the repository, so its H2 data is
# ./data/deployment-x there, kept between runs) on the ports the topology file names (IN-CSE 8080, MN-CSE 8081, MEC platform 8090, MQTT 1883: they must be free); the start-up lines give
# the URLs. Steps: the MN-CSE looked up in the MEC 011 service registry (D publishes it as service
# oneM2M-CSE-id-mn1 in category oneM2M and its endpoint answers as /id-mn1; C does not publish it); the MEC IPE
# resources read from the CSE twice while the emulator moves the UEs (a UE's oe:ueInfo changes); a JSON reading
# published with mosquitto_pub on oneedge/dev/<id>/telemetry read as <cin> by an application registered at the
# IN-CSE (through /~/id-mn1/cse-mn1 for B-D). Where the deployment file has a federation add-on, a ranking request
# (oe:fedRankReq) asked twice gives the same answer; otherwise the federation steps are reported SKIP (the node
# stopped / roles moved step is scripts/curl-scenario-federation.sh).
# Environment: ONEEDGE (launcher, default ./oneedge next to scripts/), START_WAIT (seconds for the start-up
# lines, default 120), WAIT (seconds for asynchronous steps, default 30), MOVE_WAIT (seconds the UEs get to
# move, default 8).
# Prints PASS/FAIL/SKIP per step and exits with the number of failed steps.
set -uo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
ONEEDGE="${ONEEDGE:-$here/oneedge}"
START_WAIT="${START_WAIT:-120}" WAIT="${WAIT:-30}" MOVE_WAIT="${MOVE_WAIT:-8}"
options=("$@")
[ ${#options[@]} -gt 0 ] || options=(A B C D)
case "${options[0]}" in -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2;; esac
RUN="d$(date +%s)"
failures=0
workdir="$(mktemp -d)"
run_pid=""
stop_run() {
  if [ -n "$run_pid" ]; then
    kill "$run_pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$run_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$run_pid" 2>/dev/null
    run_pid=""
  fi
}
cleanup() { stop_run; rm -rf "$workdir"; }
trap cleanup EXIT

source "$(dirname "$0")/lib/curl-steps.sh"

# line REGEX: the first URL on the start-up line matching REGEX
line() { grep -E "$1" "$log" | grep -oE 'https?://[^ ]+' | head -1; }

for X in "${options[@]}"; do
  x=$(echo "$X" | tr 'A-Z' 'a-z')
  echo "=== deployment $X ==="
  for port in 8080 8081 8090 1883; do
    if ss -ltn 2>/dev/null | grep -qE "[:.]$port\b"; then
      fail "deployment $X: port $port is in use; stop what listens there first"; continue 2
    fi
  done
  mkdir -p "$workdir/$x" && log="$workdir/$x/out.log"
  "$ONEEDGE" run --deployment "$X" --log-level WARN >"$log" 2>&1 &
  run_pid=$!
  if eventually "$START_WAIT" grep -q "Ctrl-C" "$log"; then
    pass "deployment $X started ($(grep -c 'listening on' "$log") listeners)"
  else
    fail "deployment $X started" "$(grep -v "^WARNING" "$log" | tail -n 5)"; stop_run; continue
  fi
  IN=$(line 'IN-CSE /id-in .*listening on')
  MN=$(line 'MN-CSE /id-mn1 .*listening on')
  IPE=$(line 'MEC IPE .*listening on')
  SVC=$(line 'MEC 011 service management.*listening on')
  MQTT=$(grep -oE 'tcp://[0-9.]+:[0-9]+' "$log" | head -1)

  # --- MN-CSE in the MEC 011 service registry (C, D) -----------------------------------------------------------
  if [ "$X" = D ] || [ "$X" = C ]; then
    req GET "$SVC/services?ser_category_id=oneM2M" Cit
    names=$(jqb '[.[].serName] | join(",")')
    if [ "$X" = D ]; then
      endpoint=$(jqb '[.[] | select(.serName == "oneM2M-CSE-id-mn1")][0].transportInfo.endpoint.uris[0] // empty')
      if [ "$status" = 200 ] && [ -n "$endpoint" ]; then
        pass "D: MN-CSE found in the MEC 011 service registry (oneM2M-CSE-id-mn1 at $endpoint)"
        req GET "${endpoint%/}/cse-mn1" CAdmin
        if [ "$(jqb '.["m2m:cb"].csi')" = /id-mn1 ]; then pass "D: the service endpoint answers as CSEBase /id-mn1"
        else fail "D: the service endpoint answers as /id-mn1" "HTTP $status $body"; fi
      else
        fail "D: MN-CSE in the MEC 011 service registry" "HTTP $status services [$names]"
      fi
    elif [ "$status" = 200 ] && [ -z "$names" ]; then
      pass "C: the MN-CSE runs as MEC application and is not published as MEC service (category oneM2M empty)"
    else
      fail "C: service registry" "HTTP $status services [$names]"
    fi
  fi

  # --- MEC IPE resources while the emulator moves the UEs -----------------------------------------------------
  if [ -z "$IPE" ]; then
    fail "deployment $X: MEC IPE start-up line" "none in the output"
  else
    host_ok() { req GET "$IPE/hosts/mec-host-1" CAdmin; [ "$status" = 200 ] && [ "$(jqb '.["oe:hostMetrics"].cpu | type')" = number ]; }
    if eventually "$WAIT" host_ok; then pass "$X: MEC IPE host metrics at $IPE/hosts/mec-host-1 (cpu $(jqb '.["oe:hostMetrics"].cpu'))"
    else fail "$X: MEC IPE host metrics" "HTTP $status $body"; fi
    ues() { req GET "$IPE/ues?rcn=4" CAdmin; [ "$status" = 200 ] && echo "$body" | jq -e '.. | objects | select(has("oe:ueInfo") or .cnd? == "org.oneedge.mec.ueInfo")' >/dev/null 2>&1; }
    snapshot() { echo "$body" | jq -S '[.. | objects | select(.cnd? == "org.oneedge.mec.ueInfo") | del(.ct, .lt, .st, .ri, .pi, .et, .acpi, .cr, .ty)] | sort_by(.rn)' 2>/dev/null; }
    if eventually "$WAIT" ues; then
      first=$(snapshot); n=$(echo "$first" | jq length)
      pass "$X: MEC IPE UE resources ($n oe:ueInfo under $IPE/ues)"
      sleep "$MOVE_WAIT"
      ues; second=$(snapshot)
      changed=$(jq -n --argjson a "$first" --argjson b "$second" '($b | map({(.rn): .}) | add // {}) as $later
        | [$a[] | select($later[.rn] != null and $later[.rn] != .) | .rn] | join(",")' -r 2>/dev/null)
      if [ -n "$changed" ]; then pass "$X: UE resources changed while the emulator moved the UEs (${MOVE_WAIT}s): $changed"
      else fail "$X: UE resources changed while the UEs move" "no oe:ueInfo changed in ${MOVE_WAIT}s"; fi
    else
      fail "$X: MEC IPE UE resources" "HTTP $status $(echo "$body" | head -c 300)"
    fi
  fi

  # --- a JSON-over-MQTT device appearing as oneM2M resources --------------------------------------------------
  if ! command -v mosquitto_pub >/dev/null 2>&1; then
    skip "$X: JSON-over-MQTT device" "mosquitto_pub is not installed (apt-get install mosquitto-clients)"
  else
    app="Capp${RUN}${x}"
    req POST "$IN" "$app" 2 "{\"m2m:ae\":{\"rn\":\"${app#C}\",\"api\":\"Napp\",\"rr\":false,\"srv\":[\"3\"]}}"
    aei=$(jqb '.["m2m:ae"].aei'); [ "$status" = 201 ] || fail "$X: application AE at the IN-CSE" "HTTP $status $body"
    dev="${x}${RUN}"
    base="$IN"; [ "$X" = A ] || base="${IN%/cse-in}/~/id-mn1/cse-mn1"
    broker="${MQTT#tcp://}"
    mosquitto_pub -h "${broker%:*}" -p "${broker##*:}" -q 1 -t "oneedge/dev/$dev/telemetry" -m '{"temperature":21.5}'
    reading() { req GET "$base/dev-$dev/telemetry/la" "$aei"; [ "$(jqb '.["m2m:cin"].con.temperature')" = 21.5 ]; }
    if eventually "$WAIT" reading; then pass "$X: mosquitto_pub reading of device $dev read by $aei at $base/dev-$dev/telemetry/la"
    else fail "$X: MQTT device reading as oneM2M resources" "HTTP $status $body"; fi
  fi

  # --- federation ranking and roles ---------------------------------------------------------------------------
  req GET "$IN/federation" CAdmin
  if [ "$status" != 200 ]; then
    skip "$X: federation ranking twice / a node stopped and its roles moved" \
      "topologies/deployment-$x.yaml has no federation add-on; scripts/curl-scenario-federation.sh checks it on the default topology"
  else
    fed_rank() {
      req POST "$IN/federation" CAdmin 28 "{\"oe:fedRankReq\":{\"rn\":\"$1\",\"cnd\":\"org.oneedge.federation.rankRequest\",\"lbl\":[\"oe:fedRankReq/open\"],\"cnt\":2}}"
      fed_answered() { req GET "$IN/federation/$1" CAdmin; [ -n "$(jqb '.["oe:fedRankReq"].res // empty')" ]; }
      eventually "$WAIT" fed_answered "$1" && echo "$body" | jq -c '.["oe:fedRankReq"] | {res, cands, rsv}'
    }
    r1=$(fed_rank "q1-$RUN-$x"); r2=$(fed_rank "q2-$RUN-$x")
    if [ -n "$r1" ] && [ "$r1" = "$r2" ] && echo "$r1" | jq -e '.res == "RANKED"' >/dev/null; then
      pass "$X: federation ranking asked twice, the same answer $(echo "$r1" | jq -c '[.cands[].node]')"
    else fail "$X: federation ranking twice" "$r1 vs $r2"; fi
    skip "$X: a node stopped and its roles moved" "scripts/curl-scenario-federation.sh kills an MN-CSE child process"
  fi

  stop_run
  if grep -qE '(ERROR|Exception)' "$log"; then echo "note: errors logged by deployment $X:"; grep -E '(ERROR|Exception)' "$log" | head -5; fi
done

echo "$failures step(s) failed"
exit "$failures"
