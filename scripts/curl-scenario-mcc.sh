#!/usr/bin/env bash
# Mcc acceptance scenario (issue 4): an IN-CSE and two MN-CSEs, each its own process, driven with curl only.
#
#   scripts/curl-scenario-mcc.sh IN_URL MN1_URL MN2_URL
#   e.g. scripts/curl-scenario-mcc.sh http://127.0.0.1:8080 http://127.0.0.1:8081 http://127.0.0.1:8082
#
# The MN-CSEs must be registered to the IN-CSE (--registrar-cse-id /id-in --registrar-cse-base cse-in
# --registrar-url IN_URL). Steps: registration on both sides, a retrieve forwarded MN1 -> IN -> MN2, a subscription
# on MN2 notifying an AE on MN1, announced resources discoverable at the IN-CSE (by type and label, rcn=7), and,
# when IN_STOP_CMD and IN_START_CMD are set (shell commands that stop / start the IN-CSE process on the same port
# and data directory), the IN-CSE restarted without loss: what MN1 announces while the IN-CSE is down arrives
# after it is back, and so does a notification from MN2 to the AE on MN1. With mosquitto_pub/mosquitto_sub installed and MQTT_BROKER=host:port (a broker the MN1 CSE
# serves on, --mqtt --mqtt-broker-url), one retrieve also goes over MQTT.
# Environment: IN_ID, MN1_ID, MN2_ID (default /id-in, /id-mn1, /id-mn2), IN_BASE, MN1_BASE, MN2_BASE (default
# cse-in, cse-mn1, cse-mn2), WAIT (seconds to wait for asynchronous steps, default 20).
# Prints PASS/FAIL/SKIP per step and exits non-zero when a step failed.
set -uo pipefail

if [ $# -lt 3 ]; then
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi
IN="${1%/}" MN1="${2%/}" MN2="${3%/}"
IN_ID="${IN_ID:-/id-in}" MN1_ID="${MN1_ID:-/id-mn1}" MN2_ID="${MN2_ID:-/id-mn2}"
IN_BASE="${IN_BASE:-cse-in}" MN1_BASE="${MN1_BASE:-cse-mn1}" MN2_BASE="${MN2_BASE:-cse-mn2}"
WAIT="${WAIT:-20}"
RUN="s$(date +%s)"   # makes resource names unique per run
AE1="C${RUN}a1" AE2="C${RUN}a2"
failures=0
workdir="$(mktemp -d)"
receiver_pid=""
cleanup() { [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null; rm -rf "$workdir"; }
trap cleanup EXIT

source "$(dirname "$0")/lib/curl-steps.sh"

# req METHOD URL ORIGINATOR [TY] [BODY] -> sets $status and $body



# --- 1. registration on both sides ---------------------------------------------------------------------------
for mn in "$MN1_ID" "$MN2_ID"; do
  req GET "$IN/$IN_BASE/${mn#/}" CAdmin
  if [ "$status" = 200 ] && [ "$(jqb '.["m2m:csr"].csi')" = "$mn" ]; then
    pass "registration: <remoteCSE> ${mn#/} at the IN-CSE (csi $mn)"
  else
    fail "registration: <remoteCSE> ${mn#/} at the IN-CSE" "HTTP $status $body"
  fi
done
for pair in "$MN1|$MN1_BASE" "$MN2|$MN2_BASE"; do
  url="${pair%%|*}" base="${pair##*|}"
  req GET "$url/$base/${IN_ID#/}" CAdmin
  if [ "$status" = 200 ] && [ "$(jqb '.["m2m:csr"].cst')" = 1 ]; then
    pass "registration: <remoteCSE> of the IN-CSE at $base (cst 1)"
  else
    fail "registration: <remoteCSE> of the IN-CSE at $base" "HTTP $status $body"
  fi
done

# --- 2. a retrieve forwarded MN1 -> IN -> MN2 ---------------------------------------------------------------------
python3 - "$workdir/notifications" >/dev/null 2>&1 <<'EOF' &
import http.server, sys
out = sys.argv[1]
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        data = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        with open(out, 'ab') as f:
            f.write(data + b'\n')
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

req POST "$MN1/$MN1_BASE" "$AE1" 2 "{\"m2m:ae\":{\"rn\":\"$AE1\",\"api\":\"Nreader\",\"rr\":true,\"srv\":[\"3\"],\"poa\":[\"$receiver\"]}}"
[ "$status" = 201 ] || fail "AE $AE1 on MN1" "HTTP $status $body"
req POST "$MN2/$MN2_BASE" "$AE2" 2 "{\"m2m:ae\":{\"rn\":\"$AE2\",\"api\":\"Nsensor\",\"rr\":true,\"srv\":[\"3\"]}}"
[ "$status" = 201 ] || fail "AE $AE2 on MN2" "HTTP $status $body"
req POST "$MN2/$MN2_BASE" CAdmin 1 "{\"m2m:acp\":{\"rn\":\"acp$RUN\",\"pv\":{\"acr\":[{\"acor\":[\"$MN1_ID/$AE1\",\"$AE2\"],\"acop\":63}]},\"pvs\":{\"acr\":[{\"acor\":[\"CAdmin\"],\"acop\":63}]}}}"
acpi=$(jqb '.["m2m:acp"].ri')
req POST "$MN2/$MN2_BASE/$AE2" "$AE2" 3 "{\"m2m:cnt\":{\"rn\":\"temp\",\"acpi\":[\"$acpi\"]}}"
[ "$status" = 201 ] || fail "container on MN2" "HTTP $status $body"
req POST "$MN2/$MN2_BASE/$AE2/temp" "$AE2" 4 '{"m2m:cin":{"con":"20.5"}}'
req GET "$MN1/~$MN2_ID/$MN2_BASE/$AE2/temp/la" "$AE1"
if [ "$status" = 200 ] && [ "$(jqb '.["m2m:cin"].con')" = 20.5 ]; then
  pass "retrieve forwarded MN1 -> IN -> MN2 ($MN2_ID/$MN2_BASE/$AE2/temp/la)"
else
  fail "retrieve forwarded MN1 -> IN -> MN2" "HTTP $status $body"
fi
req GET "$MN1/~/id-nowhere/cse-x" "$AE1"
if [ "$status" = 404 ] && echo "$body" | grep -q "id-nowhere"; then
  pass "unknown CSE-ID answered 404 naming it"
else
  fail "unknown CSE-ID" "HTTP $status $body"
fi

# --- 3. a subscription on MN2 notifying the AE on MN1 -----------------------------------------------------------
req POST "$MN1/~$MN2_ID/$MN2_BASE/$AE2/temp" "$AE1" 23 "{\"m2m:sub\":{\"rn\":\"sub$RUN\",\"nu\":[\"$MN1_ID/$AE1\"],\"enc\":{\"net\":[3]}}}"
if [ "$status" = 201 ]; then
  req POST "$MN2/$MN2_BASE/$AE2/temp" "$AE2" 4 '{"m2m:cin":{"con":"22.5"}}'
  if eventually "$WAIT" grep -q '22.5' "$workdir/notifications"; then
    pass "subscription on MN2 notified the AE on MN1 (through the IN-CSE)"
  else
    fail "subscription on MN2 notified the AE on MN1" "no notification within ${WAIT}s"
  fi
else
  fail "subscription created on MN2 through MN1" "HTTP $status $body"
fi

# --- 4. announced resources discoverable at the IN-CSE ----------------------------------------------------------
req POST "$MN1/$MN1_BASE/$AE1" "$AE1" 3 "{\"m2m:cnt\":{\"rn\":\"ann\",\"lbl\":[\"run/$RUN\"],\"mni\":10,\"at\":[\"$IN_ID\"],\"aa\":[\"mni\"]}}"
ann_ri=$(jqb '.["m2m:cnt"].ri')
announced() { req GET "$MN1/$MN1_BASE/$AE1/ann" "$AE1"; jqb '.["m2m:cnt"].at[0]' | grep -q "^$IN_ID/"; }
if [ "$status" = 201 ] && eventually "$WAIT" announced; then
  copy=$(jqb '.["m2m:cnt"].at[0]')
  pass "container on MN1 announced: at = $copy"
  req GET "$IN/~$copy" CAdmin
  if [ "$(jqb '.["m2m:cntA"].lnk')" = "$MN1_ID/$ann_ri" ] && [ "$(jqb '.["m2m:cntA"].ty')" = 10003 ]; then
    pass "announced copy at the IN-CSE: ty 10003, lnk $MN1_ID/$ann_ri"
  else
    fail "announced copy at the IN-CSE" "HTTP $status $body"
  fi
  req GET "$IN/$IN_BASE?fu=1&ty=10003&lbl=run/$RUN" CAdmin
  if [ "$status" = 200 ] && [ "$(jqb '.["m2m:uril"] | length')" = 1 ]; then
    pass "discovery at the IN-CSE by ty=10003 and lbl finds the copy"
  else
    fail "discovery at the IN-CSE" "HTTP $status $body"
  fi
  req GET "$IN/~$copy?rcn=7" "$MN1_ID/$AE1"
  if [ "$status" = 200 ] && [ "$(jqb '.["m2m:cnt"].ri')" = "$ann_ri" ]; then
    pass "rcn=7 at the IN-CSE returns the original from MN1"
  else
    fail "rcn=7 at the IN-CSE" "HTTP $status $body"
  fi
  req PUT "$MN1/$MN1_BASE/$AE1/ann" "$AE1" "" '{"m2m:cnt":{"mni":20}}'
  synced() { req GET "$IN/~$copy" CAdmin; [ "$(jqb '.["m2m:cntA"].mni')" = 20 ]; }
  if eventually "$WAIT" synced; then pass "update of an announced attribute reached the copy"; else fail "update sync" "$body"; fi
else
  fail "container on MN1 announced to the IN-CSE" "HTTP $status $body"
  copy=""
fi
req POST "$MN1/$MN1_BASE" CAdmin 3 '{"m2m:cnt":{"rn":"bad","at":["/id-nowhere-at-all"]}}'
# MN1 has a registrar, so an unknown target is only found at the IN-CSE: the copy is refused there and 'at' drops it
if [ "$status" = 201 ]; then
  dropped() { req GET "$MN1/$MN1_BASE/bad" CAdmin; [ "$(jqb '.["m2m:cnt"].at // [] | length')" = 0 ]; }
  if eventually "$WAIT" dropped; then pass "announcement to an unknown CSE dropped from at"; else fail "unknown announcement target" "$body"; fi
  req DELETE "$MN1/$MN1_BASE/bad" CAdmin
else
  fail "container with an unknown announcement target" "HTTP $status $body"
fi
req POST "$IN/$IN_BASE" CAdmin 3 '{"m2m:cnt":{"rn":"bad","at":["/id-nowhere-at-all"]}}'
if [ "$status" = 400 ] && echo "$body" | grep -q "id-nowhere-at-all"; then
  pass "announcement to an unknown CSE refused at the IN-CSE (400 naming it)"
else
  fail "announcement to an unknown CSE at the IN-CSE" "HTTP $status $body"
fi

# --- 5. MQTT (optional) -----------------------------------------------------------------------------------------
if command -v mosquitto_pub >/dev/null && command -v mosquitto_sub >/dev/null && [ -n "${MQTT_BROKER:-}" ]; then
  host="${MQTT_BROKER%%:*}" port="${MQTT_BROKER##*:}"
  topic_req="/oneM2M/req/$AE1/${MN1_ID#/}/json" topic_resp="/oneM2M/resp/$AE1/${MN1_ID#/}/json"
  timeout "$WAIT" mosquitto_sub -h "$host" -p "$port" -t "$topic_resp" -C 1 > "$workdir/mqtt" &
  sub=$!
  sleep 1
  mosquitto_pub -h "$host" -p "$port" -t "$topic_req" -m "{\"op\":2,\"to\":\"$MN2_ID/$MN2_BASE/$AE2/temp/la\",\"fr\":\"$AE1\",\"rqi\":\"mq$RUN\",\"rvi\":\"3\"}"
  wait "$sub"
  if grep -q '"rsc":2000' "$workdir/mqtt" && grep -q '22.5' "$workdir/mqtt"; then
    pass "retrieve over MQTT to MN1 forwarded to MN2"
  else
    fail "retrieve over MQTT" "$(cat "$workdir/mqtt")"
  fi
else
  skip "MQTT step" "needs mosquitto_pub/mosquitto_sub and MQTT_BROKER=host:port"
fi

# --- 6. the IN-CSE restarted without loss -----------------------------------------------------------------------
if [ -n "${IN_STOP_CMD:-}" ] && [ -n "${IN_START_CMD:-}" ] && [ -n "$copy" ]; then
  bash -c "$IN_STOP_CMD" >/dev/null 2>&1
  down() { req GET "$IN/$IN_BASE" CAdmin; [ "$status" = 000 ]; }
  eventually "$WAIT" down || fail "IN-CSE stopped" "still answering"
  ok=1
  for i in 1 2 3; do
    req POST "$MN1/$MN1_BASE/$AE1/ann" "$AE1" 4 "{\"m2m:cin\":{\"rn\":\"down$i\",\"con\":\"$i\",\"at\":[\"$IN_ID\"]}}"
    [ "$status" = 201 ] || ok=0
  done
  req POST "$MN2/$MN2_BASE/$AE2/temp" "$AE2" 4 '{"m2m:cin":{"con":"during-restart"}}'
  [ "$status" = 201 ] || ok=0
  req GET "$MN1/$MN1_BASE/$AE1/ann/down3" "$AE1"
  [ "$status" = 200 ] || ok=0
  if [ "$ok" = 1 ]; then pass "MN1 keeps serving its AEs while the IN-CSE is down"; else fail "MN1 while the IN-CSE is down" "HTTP $status $body"; fi
  bash -c "$IN_START_CMD" >/dev/null 2>&1 &
  up() { req GET "$IN/$IN_BASE" CAdmin; [ "$status" = 200 ]; }
  eventually 60 up || fail "IN-CSE started again" "not answering"
  caught_up() { req GET "$IN/~$copy?fu=1&ty=10004" CAdmin; [ "$(jqb '.["m2m:uril"] | length')" = 3 ]; }
  if eventually 60 caught_up; then
    pass "announcements queued while the IN-CSE was down arrived after its restart (3 of 3)"
  else
    fail "announcements queued while the IN-CSE was down" "$body"
  fi
  if eventually 60 grep -q 'during-restart' "$workdir/notifications"; then
    pass "notification from MN2 made while the IN-CSE was down reached the AE on MN1 after its restart"
  else
    fail "notification queued while the IN-CSE was down" "not received"
  fi
  req GET "$IN/$IN_BASE/${MN2_ID#/}" CAdmin
  if [ "$status" = 200 ]; then pass "registrations kept across the IN-CSE restart"; else fail "registration after restart" "HTTP $status"; fi
  req GET "$MN1/~$MN2_ID/$MN2_BASE/$AE2/temp/la" "$AE1"
  forwarded() { req GET "$MN1/~$MN2_ID/$MN2_BASE/$AE2/temp/la" "$AE1"; [ "$status" = 200 ]; }
  if eventually "$WAIT" forwarded; then pass "forwarding MN1 -> IN -> MN2 works again"; else fail "forwarding after restart" "HTTP $status $body"; fi
else
  skip "IN-CSE restart" "set IN_STOP_CMD and IN_START_CMD to run it"
fi

echo "scenario: $failures failed"
[ "$failures" = 0 ]
