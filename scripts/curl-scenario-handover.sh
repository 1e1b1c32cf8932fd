#!/usr/bin/env bash
# Handover acceptance scenario (issue 7), driven with curl only against a running `./oneedge run`.
#
#   scripts/curl-scenario-handover.sh IN_URL MN1_URL MN2_URL
#   e.g. scripts/curl-scenario-handover.sh http://127.0.0.1:8080 http://127.0.0.1:8081 http://127.0.0.1:8082
#
# Steps: an AE registered at MN1 and entered in the serving registry at the IN-CSE (a handover request resource
# oe:hoReq under cse-in/oeHandover, answered REGISTERED); N numbered uplinks (rqi <AE-ID>#<n>) posted to MN1; a
# subscription of the AE on its command container; a handover to MN2 requested with curl (oe:hoReq with tcsi
# /id-mn2) and its transaction tx-<txid> watched until COMPLETED; the AE then served at MN2 (registry entry, AE and
# the uplinks present there exactly once, counted at both ends: the context carries the newest MAX_INSTANCES
# instances per container, HANDOVER.md "Context transfer"); the same uplinks replayed to MN2 applied once; a
# downlink from an application registered at the IN-CSE, sent through the IN-CSE to the serving CSE named by the
# registry (allowed by the AE's own ACP, which moved with it), reaching the AE's notification receiver once; a
# second registration of the AE at MN1 refused with 4117 ORIGINATOR_HAS_ALREADY_REGISTERED; a late write at MN1
# fenced (4127).
# Environment: IN_ID, MN1_ID, MN2_ID (default /id-in, /id-mn1, /id-mn2), IN_BASE, MN1_BASE, MN2_BASE (default
# cse-in, cse-mn1, cse-mn2), UPLINKS (default 10), MAX_INSTANCES (instances moved per container, default 10, the
# coordinator's default), WAIT (seconds for asynchronous steps, default 30).
# Prints PASS/FAIL/SKIP per step and exits with the number of failed steps.
set -uo pipefail

if [ $# -lt 3 ]; then
  sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
IN="${1%/}" MN1="${2%/}" MN2="${3%/}"
IN_ID="${IN_ID:-/id-in}" MN1_ID="${MN1_ID:-/id-mn1}" MN2_ID="${MN2_ID:-/id-mn2}"
IN_BASE="${IN_BASE:-cse-in}" MN1_BASE="${MN1_BASE:-cse-mn1}" MN2_BASE="${MN2_BASE:-cse-mn2}"
UPLINKS="${UPLINKS:-10}" MAX_INSTANCES="${MAX_INSTANCES:-10}" WAIT="${WAIT:-30}"
RUN="h$(date +%s)"
AE="C${RUN}dev" APP="C${RUN}app"
REG="$IN/$IN_BASE/oeHandover"
failures=0
workdir="$(mktemp -d)"
receiver_pid=""
cleanup() { [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null; rm -rf "$workdir"; }
trap cleanup EXIT

source "$(dirname "$0")/lib/curl-steps.sh"

# req METHOD URL ORIGINATOR [TY] [BODY] [RQI] -> sets $status, $rsc and $body



# hoReq NAME TARGET: a handover request resource at the IN-CSE; waits for its answer, sets $res, $txid, $rsn
hoReq() {
  req POST "$REG" CAdmin 28 "{\"oe:hoReq\":{\"rn\":\"$1\",\"cnd\":\"org.oneedge.handover.request\",\"lbl\":[\"oe:hoReq/open\"],\"aeid\":\"$AE\",\"tcsi\":\"$2\"}}"
  [ "$status" = 201 ] || { res="not created: HTTP $status $body"; return 1; }
  answered() { req GET "$REG/$1" CAdmin; [ -n "$(jqb '.["oe:hoReq"].res // empty')" ]; }
  eventually "$WAIT" answered "$1" || { res="no answer within ${WAIT}s"; return 1; }
  res=$(jqb '.["oe:hoReq"].res') txid=$(jqb '.["oe:hoReq"].txid // empty') rsn=$(jqb '.["oe:hoReq"].rsn // empty')
}

# --- notification receiver (the AE's point of access) -------------------------------------------------------
python3 - "$workdir/notifications" >/dev/null 2>&1 <<'EOF' &
import http.server, sys
out = sys.argv[1]
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        data = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        with open(out, 'ab') as f:
            f.write(data.replace(b'\n', b' ') + b'\n')
        self.send_response(200)
        self.send_header('X-M2M-RSC', '2000')
        self.send_header('Content-Length', '0')
        self.end_headers()
    def log_message(self, *a):
        pass
s = http.server.HTTPServer(('127.0.0.1', 0), H)
open(out + '.port', 'w').write(str(s.server_port))
s.serve_forever()
EOF
receiver_pid=$!
eventually 10 test -s "$workdir/notifications.port"
receiver="http://127.0.0.1:$(cat "$workdir/notifications.port" 2>/dev/null)"
touch "$workdir/notifications"

# --- 1. registration at MN1, entered in the serving registry ------------------------------------------------------
req POST "$MN1/$MN1_BASE" "$AE" 2 "{\"m2m:ae\":{\"rn\":\"$AE\",\"api\":\"Nhandover.demo\",\"rr\":true,\"srv\":[\"3\"],\"poa\":[\"$receiver\"]}}"
if [ "$status" = 201 ]; then pass "AE $AE registered at $MN1_ID"; else fail "AE $AE registered at $MN1_ID" "HTTP $status $body"; fi
req POST "$MN1/$MN1_BASE/$AE" "$AE" 3 '{"m2m:cnt":{"rn":"data"}}'
[ "$status" = 201 ] || fail "container data at $MN1_ID" "HTTP $status $body"
req POST "$IN/$IN_BASE" "$APP" 2 "{\"m2m:ae\":{\"rn\":\"$APP\",\"api\":\"Nhandover.app\",\"rr\":false,\"srv\":[\"3\"]}}"
[ "$status" = 201 ] || fail "application AE $APP at $IN_ID" "HTTP $status $body"
req POST "$MN1/$MN1_BASE/$AE" "$AE" 1 "{\"m2m:acp\":{\"rn\":\"acp\",\"pv\":{\"acr\":[{\"acor\":[\"$AE\"],\"acop\":63},{\"acor\":[\"$IN_ID/$APP\"],\"acop\":3}]},\"pvs\":{\"acr\":[{\"acor\":[\"$AE\",\"CAdmin\"],\"acop\":63}]}}}"
acpi=$(jqb '.["m2m:acp"].ri')
[ "$status" = 201 ] || fail "ACP of the AE at $MN1_ID" "HTTP $status $body"
req POST "$MN1/$MN1_BASE/$AE" "$AE" 3 "{\"m2m:cnt\":{\"rn\":\"cmd\",\"acpi\":[\"$acpi\"]}}"
[ "$status" = 201 ] || fail "container cmd at $MN1_ID" "HTTP $status $body"
req POST "$MN1/$MN1_BASE/$AE/cmd" "$AE" 23 "{\"m2m:sub\":{\"rn\":\"toDevice\",\"nu\":[\"$AE\"],\"enc\":{\"net\":[3]},\"nct\":1}}"
[ "$status" = 201 ] || fail "subscription of the AE on cmd at $MN1_ID" "HTTP $status $body"

if hoReq "reg-$RUN" "$MN1_ID" && [ "$res" = REGISTERED ]; then
  pass "serving registry: $AE entered as served by $MN1_ID (oe:hoReq answered REGISTERED)"
else
  fail "serving registry entry for $AE" "$res ${rsn:-}"
fi
req GET "$REG/sr-$AE" CAdmin
if [ "$status" = 200 ] && [ "$(jqb '.["oe:hoSrv"].scsi')" = "$MN1_ID" ] && [ "$(jqb '.["oe:hoSrv"].state')" = SERVING ]; then
  pass "registry entry sr-$AE: SERVING at $MN1_ID, epoch $(jqb '.["oe:hoSrv"].epoch')"
else
  fail "registry entry sr-$AE" "HTTP $status $body"
fi

# --- 2. numbered uplinks at MN1 ----------------------------------------------------------------------------------
sent=0
for n in $(seq 1 "$UPLINKS"); do
  req POST "$MN1/$MN1_BASE/$AE/data" "$AE" 4 "{\"m2m:cin\":{\"con\":\"u$n\"}}" "$AE#$n"
  [ "$status" = 201 ] && sent=$((sent + 1))
done
if [ "$sent" = "$UPLINKS" ]; then pass "uplinks: $sent/$UPLINKS accepted by $MN1_ID"; else fail "uplinks at $MN1_ID" "$sent/$UPLINKS accepted"; fi

# --- 3. handover requested with curl -----------------------------------------------------------------------------
if hoReq "move-$RUN" "$MN2_ID" && [ "$res" = COMPLETED ]; then
  pass "handover to $MN2_ID requested over HTTP: answered COMPLETED (txid $txid)"
else
  fail "handover to $MN2_ID requested over HTTP" "$res ${rsn:-}"
fi
if [ -n "${txid:-}" ]; then
  req GET "$REG/tx-$txid" CAdmin
  if [ "$(jqb '.["oe:hoTx"].state')" = COMPLETED ]; then
    pass "transaction tx-$txid: COMPLETED ($(jqb '.["oe:hoTx"].src') -> $(jqb '.["oe:hoTx"].tgt // .["oe:hoTx"].tcsi // "?"'), $(jqb '.["oe:hoTx"].xferB') bytes)"
  else
    fail "transaction tx-$txid" "HTTP $status $body"
  fi
fi
req GET "$REG/sr-$AE" CAdmin
if [ "$(jqb '.["oe:hoSrv"].scsi')" = "$MN2_ID" ] && [ "$(jqb '.["oe:hoSrv"].state')" = SERVING ]; then
  pass "registry: $AE SERVING at $MN2_ID, epoch $(jqb '.["oe:hoSrv"].epoch')"
else
  fail "registry after the handover" "$body"
fi

# --- 4. the AE and its uplinks at MN2, exactly once; gone from MN1 ------------------------------------------------
req GET "$MN2/$MN2_BASE/$AE" CAdmin
if [ "$status" = 200 ] && [ "$(jqb '.["m2m:ae"].aei')" = "$AE" ]; then pass "AE $AE at $MN2_ID (same AE-ID)"; else fail "AE at $MN2_ID" "HTTP $status $body"; fi
count_at() { # count_at URL -> sets $cons (sorted contents of the data container)
  req GET "$1/$AE/data?rcn=4&ty=4&fu=1" CAdmin
  req GET "$1/$AE/data?rcn=8" CAdmin
  cons=$(echo "$body" | jq -r '.. | objects | select(has("con")) | .con' 2>/dev/null | sort)
}
first=$(( UPLINKS > MAX_INSTANCES ? UPLINKS - MAX_INSTANCES + 1 : 1 ))
expected=$(for n in $(seq "$first" "$UPLINKS"); do echo "u$n"; done | sort)
count_at "$MN2/$MN2_BASE"
received=$(echo -n "$cons" | grep -c . || true)
if [ "$cons" = "$expected" ]; then
  pass "uplinks at $MN2_ID: $received received for $sent sent (u$first..u$UPLINKS), each exactly once"
else
  fail "uplinks at $MN2_ID" "sent $sent, found $received: $(echo "$cons" | uniq -d | tr '\n' ' ')"
fi
req GET "$MN1/$MN1_BASE/$AE" CAdmin
if [ "$status" = 404 ]; then pass "AE released at $MN1_ID (404)"; else fail "AE released at $MN1_ID" "HTTP $status"; fi

# replays of already-applied uplinks to the new CSE are answered without a second copy
for n in 1 "$UPLINKS"; do
  req POST "$MN2/$MN2_BASE/$AE/data" "$AE" 4 "{\"m2m:cin\":{\"con\":\"u$n\"}}" "$AE#$n"
done
req POST "$MN2/$MN2_BASE/$AE/data" "$AE" 4 "{\"m2m:cin\":{\"con\":\"u$((UPLINKS + 1))\"}}" "$AE#$((UPLINKS + 1))"
new_status=$status
count_at "$MN2/$MN2_BASE"
expected=$(for n in $(seq "$first" $((UPLINKS + 1))); do echo "u$n"; done | sort)
if [ "$cons" = "$expected" ] && [ "$new_status" = 201 ]; then
  pass "replayed uplinks 1 and $UPLINKS applied once at $MN2_ID, uplink $((UPLINKS + 1)) accepted there"
else
  fail "replayed uplinks at $MN2_ID" "new uplink HTTP $new_status; contents: $(echo "$cons" | tr '\n' ' ')"
fi

# --- 5. downlink through the IN-CSE reaching the AE at MN2 -------------------------------------------------------
before=$(wc -l < "$workdir/notifications")
req GET "$REG/sr-$AE" CAdmin
serving=$(jqb '.["oe:hoSrv"].scsi')
req POST "$IN/~$serving/$MN2_BASE/$AE/cmd" "$APP" 4 '{"m2m:cin":{"con":"down-1"}}'
if [ "$status" = 201 ]; then pass "downlink from $APP posted through $IN_ID to the serving CSE ($serving, from the registry)"; else fail "downlink through $IN_ID" "HTTP $status $body"; fi
got_downlink() { [ "$(tail -n +$((before + 1)) "$workdir/notifications" | grep -c 'down-1')" -ge 1 ]; }
if eventually "$WAIT" got_downlink; then
  pass "downlink notified to the AE's receiver by $MN2_ID (subscription moved with the AE)"
else
  fail "downlink notification at the AE" "$(tail -n 3 "$workdir/notifications")"
fi
dl=$(grep -c 'down-1' "$workdir/notifications")
if [ "$dl" = 1 ]; then pass "downlink counted at both ends: 1 sent, 1 received"; else fail "downlink count" "1 sent, $dl received"; fi

# --- 6. a second registration at MN1 is refused ------------------------------------------------------------------
req POST "$MN1/$MN1_BASE" "$AE" 2 "{\"m2m:ae\":{\"rn\":\"$AE\",\"api\":\"Nhandover.demo\",\"rr\":true,\"srv\":[\"3\"]}}"
if [ "$rsc" = 4117 ]; then
  pass "second registration of $AE at $MN1_ID refused (HTTP $status, rsc $rsc)"
else
  fail "second registration of $AE at $MN1_ID refused" "HTTP $status rsc $rsc $body"
fi
req POST "$MN1/$MN1_BASE/$AE/data" "$AE" 4 '{"m2m:cin":{"con":"stale"}}'
if [ "$status" != 201 ]; then pass "late write for $AE at $MN1_ID fenced (HTTP $status, rsc $rsc)"; else fail "late write at $MN1_ID fenced" "accepted"; fi
hoReq "again-$RUN" "$MN2_ID"
if [ "$res" = REFUSED ]; then pass "handover request to the CSE already serving refused ($rsn)"; else fail "handover to the serving CSE" "$res"; fi

echo "---"
echo "uplinks sent $sent (+1 after the handover, 2 replays), received at $MN2_ID $(echo -n "$cons" | grep -c . || true); downlinks sent 1, received $dl"
echo "$failures step(s) failed"
exit "$failures"
