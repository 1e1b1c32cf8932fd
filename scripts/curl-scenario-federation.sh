#!/usr/bin/env bash
# Federation acceptance scenario (issue 6: "ranking queries repeated with the same answer; a node stopped and its
# roles moved"), with curl against `./oneedge run --topology config/topology-default.yaml --processes` (free ports,
# in-memory stores): each CSE node is a child process, the federation add-on runs at the IN-CSE.
#
#   scripts/curl-scenario-federation.sh
#
# Steps: every member registered UP under cse-in/federation (/id-in, /id-mn1, /id-mn2, mec-platform, the MEC
# hosts); a ranking request oe:fedRankReq answered in place, and a second identical one with the same candidates;
# who holds HANDOVER_ANCHOR; the child process of that MN-CSE killed -> its record DOWN (status:DOWN label) and the
# role held by the other MN-CSE; a ranking after that leaves the stopped node out.
# Environment: ONEEDGE (launcher, default ./oneedge next to scripts/), START_WAIT (seconds for the start-up lines,
# default 120), DOWN_WAIT (seconds for DOWN and the role move, default 90: 3 missed heartbeats of 10 s + a check).
# Prints PASS/FAIL per step and exits with the number of failed steps.
set -uo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
ONEEDGE="${ONEEDGE:-$here/oneedge}"
START_WAIT="${START_WAIT:-120}" DOWN_WAIT="${DOWN_WAIT:-90}"
case "${1:-}" in -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2;; esac
RUN="f$(date +%s)"
failures=0
workdir="$(mktemp -d)"
log="$workdir/out.log"
run_pid=""
cleanup() {
  if [ -n "$run_pid" ]; then
    kill "$run_pid" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$run_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$run_pid" 2>/dev/null
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

source "$(dirname "$0")/lib/curl-steps.sh"
# req METHOD URL [TY] [BODY]: as the registry's admin
req() { m2m_req "$1" "$2" CAdmin "${3:-}" "${4:-}"; }


cd "$here"
"$ONEEDGE" run --topology config/topology-default.yaml --processes --port 0 --mec-port 0 --store memory \
  --log-level WARN >"$log" 2>&1 &
run_pid=$!
started() { grep -qE '^Topology \(role' "$log" || ! kill -0 "$run_pid" 2>/dev/null; }
eventually "$START_WAIT" started
REG=$(grep -E 'Federation registry' "$log" | grep -oE 'https?://[^ ]+' | head -1)
if [ -z "$REG" ]; then
  fail "start-up: no federation registry line" "$(tail -20 "$log")"; echo "$failures step(s) failed"; exit "$failures"
fi
pass "run started, federation registry at $REG"

# --- members ---------------------------------------------------------------------------------------------------
req GET "$REG?fu=1&ty=28&lbl=status:UP"
members=$(jqb '.["m2m:uril"] | map(select(test("/node-"))) | length')
for node in id-in id-mn1 id-mn2 mec-platform; do
  req GET "$REG/node-$node"
  if [ "$status" = 200 ] && [ "$(jqb '.["oe:fedNode"].state')" = UP ]; then
    pass "member $node registered UP ($(jqb '.["oe:fedNode"].kind'), roles $(jqb '.["oe:fedNode"].roles | join(",")'))"
  else fail "member $node registered" "HTTP $status $body"; fi
done
[ "${members:-0}" -ge 5 ] && pass "$members members UP found by discovery (lbl=status:UP)" \
  || fail "members by discovery" "$members"

# --- ranking twice -----------------------------------------------------------------------------------------------
rank() { # rank NAME -> $answer
  req POST "$REG" 28 "{\"oe:fedRankReq\":{\"rn\":\"$1\",\"cnd\":\"org.oneedge.federation.rankRequest\",\"lbl\":[\"oe:fedRankReq/open\"],\"cnt\":2,\"kinds\":[\"MN_CSE\",\"MEC_HOST\"]}}"
  [ "$status" = 201 ] || { fail "ranking request $1 created" "HTTP $status $body"; answer=""; return; }
  answered() { req GET "$REG/$1"; [ -n "$(jqb '.["oe:fedRankReq"].res // empty')" ]; }
  if eventually 10 answered "$1"; then answer="$body"; else answer=""; fi
}
rank "q1-$RUN"; first=$(echo "$answer" | jq -c '.["oe:fedRankReq"] | {res, cands, rsv}' 2>/dev/null)
rank "q2-$RUN"; second=$(echo "$answer" | jq -c '.["oe:fedRankReq"] | {res, cands, rsv}' 2>/dev/null)
if [ -n "$first" ] && echo "$first" | jq -e '.res == "RANKED" and (.cands | length) == 2' >/dev/null; then
  pass "ranking answered in place: $(echo "$first" | jq -c '[.cands[] | {node, score}]')"
else fail "ranking answered" "$first"; fi
[ -n "$first" ] && [ "$first" = "$second" ] && pass "the same ranking request again: the same answer" \
  || fail "the same ranking request again" "$first vs $second"

# --- a node stopped, its roles moved ----------------------------------------------------------------------------
req GET "$REG/grp-role-HANDOVER_ANCHOR"
anchor_path=$(jqb '.["m2m:grp"].mid[0]')
anchor="/${anchor_path##*/node-}"
other=/id-mn2; [ "$anchor" = /id-mn2 ] && other=/id-mn1
pid=$(grep -E "MN-CSE +$anchor " "$log" | grep -oE 'pid [0-9]+' | head -1 | cut -d' ' -f2)
if [ -z "$pid" ] || [ "${anchor#/id-mn}" = "$anchor" ]; then
  fail "HANDOVER_ANCHOR held by an MN-CSE with a child process" "anchor '$anchor', pid '$pid'"
else
  pass "HANDOVER_ANCHOR held by $anchor (child process $pid)"
  kill "$pid"
  down() { req GET "$REG/node-${anchor#/}"; [ "$(jqb '.["oe:fedNode"].state')" = DOWN ]; }
  if eventually "$DOWN_WAIT" down; then pass "$anchor killed: marked DOWN (label status:DOWN: $(jqb '.["oe:fedNode"].lbl | index("status:DOWN") != null'))"
  else fail "$anchor killed: marked DOWN" "$body"; fi
  moved() { req GET "$REG/node-${other#/}"; jqb '.["oe:fedNode"].roles | index("HANDOVER_ANCHOR")' | grep -qE '^[0-9]'; }
  if eventually 30 moved; then pass "HANDOVER_ANCHOR moved to $other (roles $(jqb '.["oe:fedNode"].roles | join(",")'))"
  else fail "HANDOVER_ANCHOR moved to $other" "$body"; fi
  rank "q3-$RUN"
  echo "$answer" | jq -e --arg n "$anchor" '.["oe:fedRankReq"].cands | map(.node) | index($n) == null' >/dev/null \
    && pass "ranking after that leaves $anchor out" || fail "ranking after $anchor stopped" "$answer"
fi

echo "$failures step(s) failed"
exit "$failures"
