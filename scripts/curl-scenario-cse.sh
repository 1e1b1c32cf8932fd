#!/usr/bin/env bash
# The acceptance scenario of issues 2 and 3, driven with curl exactly as a tester would (TS-0009 HTTP binding,
# /work/shared/reference/ONEM2M-DIGEST.md), against a running IN-CSE such as `./oneedge run`:
#   scripts/curl-scenario-cse.sh http://127.0.0.1:8080 [MN-CSE base URL, default: IN port + 1]
# Prints every step with PASS/FAIL and exits non-zero when a step failed. Needs curl, jq and python3 (the
# notification receiver). Assumes IN-CSE /id-in with CSEBase cse-in and admin originator CAdmin; the announcement
# step (rcn=7) also needs the MN-CSE /id-mn1 (cse-mn1) registered to it, as `./oneedge run` starts; it is skipped
# when no MN-CSE answers.
set -uo pipefail

BASE=${1:?usage: $0 http://host:port [mn-url]}
BASE=${BASE%/}
port=${BASE##*:}
MN=${2:-${BASE%:*}:$((port + 1))}
MN=${MN%/}
CB=cse-in
CSI=/id-in
ADMIN=CAdmin
RUN=$(date +%s%N | tail -c 7)   # keeps resource names unique when run twice against the same store
TMP=$(mktemp -d)
RQ=0
FAILS=0
PASSES=0
RECEIVER_PID=

cleanup() {
  [ -n "$RECEIVER_PID" ] && kill "$RECEIVER_PID" 2>/dev/null
  jobs -p | while read -r p; do kill "$p" 2>/dev/null; done
  rm -rf "$TMP"
}
trap cleanup EXIT

# ------------------------------------------------------------------------------------------------------------ helpers

step() { printf '\n== %s\n' "$*"; }

pass() { PASSES=$((PASSES + 1)); printf '  PASS %s\n' "$*"; }

fail() { FAILS=$((FAILS + 1)); printf '  FAIL %s\n' "$*"; printf '       rsc=%s http=%s body=%s\n' "$RSC" "$HTTP" "$(head -c 400 "$TMP/b")"; }

hdr() { grep -i "^$1:" "$TMP/h" | tail -n1 | cut -d: -f2- | tr -d '\r' | sed 's/^ *//'; }

# req METHOD URL ORIGIN TY BODY [curl args...]: one oneM2M request; sets HTTP, RSC, CT, LOC and the body in $TMP/b.
# ORIGIN "-" sends no X-M2M-Origin, "" sends an empty one. TY "" = no ty (a NOTIFY when POST).
req() {
  local method=$1 url=$2 origin=$3 ty=$4 body=$5
  shift 5
  RQ=$((RQ + 1))
  local args=(-s -o "$TMP/b" -D "$TMP/h" -X "$method" -H "X-M2M-RI: scn-$RQ" -H "Accept: ${ACCEPT:-application/json}")
  [ "${NO_RVI:-}" = 1 ] || args+=(-H "X-M2M-RVI: 3")
  if [ "$origin" = "" ]; then args+=(-H "X-M2M-Origin;"); elif [ "$origin" != "-" ]; then args+=(-H "X-M2M-Origin: $origin"); fi
  if [ -n "$body" ]; then
    local ct="application/json"
    [ -n "$ty" ] && ct="$ct;ty=$ty"
    args+=(-H "Content-Type: $ct" --data-binary "$body")
  fi
  HTTP=$(curl "${args[@]}" -w '%{http_code}' "$@" "$url")
  RSC=$(hdr X-M2M-RSC)
  CT=$(hdr Content-Type)
  LOC=$(hdr Content-Location)
  LAST_RI="scn-$RQ"
}

at_in() { local m=$1 p=$2; shift 2; req "$m" "$BASE/$p" "$@"; }

expect_rsc() { # expect_rsc RSC HTTP what
  if [ "$RSC" = "$1" ] && [ "$HTTP" = "$2" ]; then pass "$3 -> $1/$2"; else fail "$3: expected rsc $1 http $2"; fi
}

expect_jq() { # expect_jq 'jq boolean expression' what
  if jq -e "$1" "$TMP/b" >/dev/null 2>&1; then pass "$2"; else fail "$2 ($1)"; fi
}

expect_dbg() { expect_jq '."m2m:dbg" | type == "string" and length > 0' "$1 carries m2m:dbg"; }

val() { jq -r "$1" "$TMP/b"; }

json_ok() { jq -e . "$TMP/b" >/dev/null 2>&1; }

# ---------------------------------------------------------------------------------------------- notification receiver

RECV_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
RECEIVED="$TMP/received"
: > "$RECEIVED"
python3 - "$RECV_PORT" "$RECEIVED" <<'PY' &
import http.server, json, sys
port, out = int(sys.argv[1]), sys.argv[2]
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0)).decode()
        with open(out, "a") as f:
            f.write(json.dumps({"path": self.path, "ri": self.headers.get("X-M2M-RI"), "from": self.headers.get("X-M2M-Origin"), "body": body}) + "\n")
        self.send_response(200)
        self.send_header("X-M2M-RSC", "2000")
        self.send_header("X-M2M-RI", self.headers.get("X-M2M-RI", ""))
        self.send_header("Content-Length", "0")
        self.end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
PY
RECEIVER_PID=$!
RECV="http://127.0.0.1:$RECV_PORT"

received_matching() { # received_matching 'jq filter on the parsed body' -> count
  local n=0 line
  while IFS= read -r line; do
    if printf '%s' "$line" | jq -e ".body | fromjson | $1" >/dev/null 2>&1; then n=$((n + 1)); fi
  done < "$RECEIVED"
  echo $n
}

await_received() { # await_received 'filter' what
  for _ in $(seq 1 50); do
    [ "$(received_matching "$1")" -ge 1 ] && { pass "$2"; return; }
    sleep 0.1
  done
  RSC=- HTTP=-; : > "$TMP/b"; fail "$2 (nothing matching $1 reached $RECV)"
}

# ================================================================================================= issue 2 scenarios

step "CSEBase retrieve as $ADMIN"
at_in GET "$CB" "$ADMIN" "" ""
expect_rsc 2000 200 "RETRIEVE /$CB"
expect_jq '."m2m:cb".csi == "'$CSI'" and ."m2m:cb".ty == 5 and ."m2m:cb".rn == "'$CB'"' "m2m:cb with csi $CSI, ty 5, rn $CB"
[ "$(hdr X-M2M-RI)" = "$LAST_RI" ] && pass "X-M2M-RI echoed" || fail "X-M2M-RI not echoed"
[ -n "$(hdr X-M2M-RVI)" ] && pass "X-M2M-RVI present" || fail "X-M2M-RVI missing"
case "$CT" in application/json*|application/vnd.onem2m-res+json*) pass "Content-Type $CT";; *) fail "Content-Type $CT";; esac

step "Requests the binding must refuse"
NO_RVI=1 at_in GET "$CB" "$ADMIN" "" ""
expect_rsc 4001 501 "no X-M2M-RVI"
expect_dbg "no X-M2M-RVI"
at_in GET "$CB" - "" ""
expect_rsc 4000 400 "RETRIEVE without X-M2M-Origin"
ACCEPT=application/xml at_in GET "$CB" "$ADMIN" "" ""
expect_rsc 5207 406 "Accept: application/xml only (no XML serialization)"

step "AE registration (C, S and empty originator)"
at_in POST "$CB" C 2 '{"m2m:ae":{"rn":"scnC'$RUN'","api":"Nscenario","rr":true,"srv":["3"],"poa":["'$RECV'"]}}'
expect_rsc 2001 201 "register with From C"
AE1=$(val '."m2m:ae".aei')
[[ "$AE1" == C* ]] && pass "aei $AE1 starts with C" || fail "aei '$AE1' does not start with C"
expect_jq '."m2m:ae".ri == ."m2m:ae".aei and ."m2m:ae".ty == 2 and ."m2m:ae".pi != null' "ri = aei, ty 2, pi set"
AE1_PATH="$CB/scnC$RUN"
at_in POST "$CB" S 2 '{"m2m:ae":{"rn":"scnS'$RUN'","api":"Nscenario","rr":true,"srv":["3"]}}'
expect_rsc 2001 201 "register with From S"
AE2=$(val '."m2m:ae".aei')
[[ "$AE2" == S* ]] && pass "aei $AE2 starts with S" || fail "aei '$AE2' does not start with S"
at_in POST "$CB" "" 2 '{"m2m:ae":{"rn":"scnE'$RUN'","api":"Nscenario","rr":true,"srv":["3"]}}'
expect_rsc 2001 201 "register with an empty From"
AE3=$(val '."m2m:ae".aei')
[[ "$AE3" == C* ]] && pass "empty From treated as C ($AE3)" || fail "aei '$AE3' for empty From"
at_in POST "$CB" "$AE1" 2 '{"m2m:ae":{"rn":"scnAgain'$RUN'","api":"Nscenario","rr":true,"srv":["3"]}}'
expect_rsc 4117 403 "registering AE-ID $AE1 again"
expect_dbg "re-registration"
at_in POST "$CB" C 2 '{"m2m:ae":{"rn":"scnBad'$RUN'","api":"Xbad","rr":true,"srv":["3"]}}'
expect_rsc 4000 400 "api not starting with N/R"
at_in POST "$CB" C 2 '{"m2m:ae":{"rn":"scnBad'$RUN'","api":"Nscenario","srv":["3"]}}'
expect_rsc 4000 400 "rr missing"
at_in GET "$CB/scnBad$RUN" "$ADMIN" "" ""
expect_rsc 4004 404 "refused registrations created nothing"

step "container and contentInstances (mni, la, ol)"
at_in POST "$AE1_PATH" "$AE1" 3 '{"m2m:cnt":{"rn":"data","mni":2,"lbl":["scn:'$RUN'"]}}'
expect_rsc 2001 201 "CREATE container"
expect_jq '."m2m:cnt".mni == 2 and ."m2m:cnt".cni == 0 and ."m2m:cnt".st == 0' "mni 2, cni 0, st 0"
for c in c1 c2 c3; do
  at_in POST "$AE1_PATH/data" "$AE1" 4 '{"m2m:cin":{"con":"'$c'","cnf":"text/plain:0"}}'
  expect_rsc 2001 201 "CREATE contentInstance $c"
done
expect_jq '."m2m:cin".cs == 2 and ."m2m:cin".st == 3 and (has("m2m:cin") and (."m2m:cin" | has("acpi") | not))' "cin cs 2, st 3, no acpi"
at_in GET "$AE1_PATH/data" "$AE1" "" ""
expect_jq '."m2m:cnt".cni == 2 and ."m2m:cnt".cbs == 4' "cni 2 and cbs 4 after mni trimmed the oldest"
at_in GET "$AE1_PATH/data/la" "$AE1" "" ""
expect_rsc 2000 200 "RETRIEVE la"
expect_jq '."m2m:cin".con == "c3"' "la is c3"
at_in GET "$AE1_PATH/data/ol" "$AE1" "" ""
expect_jq '."m2m:cin".con == "c2"' "ol is c2 (c1 removed by mni)"
at_in PUT "$AE1_PATH/data/la" "$AE1" "" '{"m2m:cin":{"con":"x"}}'
expect_rsc 4005 405 "UPDATE la"
CIN_RN=$(jq -r '."m2m:cin".rn' "$TMP/b" 2>/dev/null)
at_in GET "$AE1_PATH/data/la" "$AE1" "" ""
CIN_RN=$(val '."m2m:cin".rn')
at_in PUT "$AE1_PATH/data/$CIN_RN" "$AE1" "" '{"m2m:cin":{"con":"x"}}'
expect_rsc 4005 405 "UPDATE contentInstance"

step "result content (rcn) on CREATE and RETRIEVE"
at_in POST "$AE1_PATH/data?rcn=2" "$AE1" 4 '{"m2m:cin":{"rn":"r2","con":"c4"}}'
expect_rsc 2001 201 "CREATE rcn=2"
expect_jq '."m2m:uri" == "'$AE1_PATH'/data/r2"' "rcn=2 gives m2m:uri"
[ "$LOC" = "$AE1_PATH/data/r2" ] || [ "$LOC" = "/$AE1_PATH/data/r2" ] && pass "Content-Location $LOC" || fail "Content-Location '$LOC' for rcn=2"
at_in POST "$AE1_PATH/data?rcn=3" "$AE1" 4 '{"m2m:cin":{"rn":"r3","con":"c5"}}'
expect_jq '."m2m:rce".uri == "'$AE1_PATH'/data/r3" and ."m2m:rce".cin.con == "c5"' "rcn=3 gives m2m:rce {uri, cin}"
at_in POST "$AE1_PATH/data?rcn=0" "$AE1" 4 '{"m2m:cin":{"rn":"r0","con":"c6"}}'
expect_rsc 2001 201 "CREATE rcn=0"
[ ! -s "$TMP/b" ] && pass "rcn=0 has no content" || fail "rcn=0 answered content"
at_in GET "$AE1_PATH/data?rcn=4" "$AE1" "" ""
expect_jq '(."m2m:cnt"."m2m:cin" | length) == 2' "rcn=4 nests the 2 instances"
at_in GET "$AE1_PATH/data?rcn=5" "$AE1" "" ""
expect_jq '(."m2m:cnt".ch | length) == 2 and (."m2m:cnt".ch[0] | has("nm") and has("typ") and has("val"))' "rcn=5 adds ch [{nm,typ,val}]"
at_in GET "$AE1_PATH/data?rcn=6" "$AE1" "" ""
expect_jq '(."m2m:rrl".rrf | length) == 2' "rcn=6 gives m2m:rrl.rrf"
at_in GET "$AE1_PATH/data?rcn=8" "$AE1" "" ""
expect_jq '(."m2m:cnt" | keys) == ["m2m:cin"] and (."m2m:cnt"."m2m:cin" | length) == 2' "rcn=8 gives only the children, no attributes"
at_in GET "$AE1_PATH/data?rcn=2" "$AE1" "" ""
expect_rsc 4000 400 "RETRIEVE rcn=2 is not valid"

step "discovery (fu=1)"
at_in GET "$CB?fu=1&ty=3&lbl=scn:$RUN" "$ADMIN" "" ""
expect_rsc 2000 200 "discovery ty=3 lbl"
expect_jq '."m2m:uril" == ["'$AE1_PATH'/data"]' "m2m:uril holds exactly the labelled container"
at_in GET "$AE1_PATH?fu=1&ty=4" "$AE1" "" ""
expect_jq '(."m2m:uril" | length) == 2' "discovery ty=4 below the AE finds the 2 instances"
at_in GET "$AE1_PATH?fu=1&ty=4&lim=1" "$AE1" "" ""
expect_jq '(."m2m:uril" | length) == 1' "lim=1"
at_in GET "$AE1_PATH?fu=1&ty=3&drt=2" "$AE1" "" ""
expect_jq '(."m2m:uril" | length) == 1 and (."m2m:uril"[0] | test("^/?id-in/"))' "drt=2 gives <csi>/<ri>"
at_in GET "$AE1_PATH?fu=1&ty=3&rcn=6" "$AE1" "" ""
expect_jq '(."m2m:rrl".rrf | length) == 1 and ."m2m:rrl".rrf[0].typ == 3' "discovery rcn=6 gives m2m:rrl"
at_in GET "$AE1_PATH?fu=1&ty=3&rcn=11" "$AE1" "" ""
expect_jq '(."m2m:uril" | length) == 1' "discovery rcn=11 gives m2m:uril"
at_in GET "$AE1_PATH?fu=1&ty=3&lvl=1&cty=text/plain:0" "$AE1" "" ""
expect_rsc 2000 200 "discovery with lvl and cty"

step "an ACP refusing a foreign originator"
at_in POST "$AE1_PATH" "$AE1" 1 '{"m2m:acp":{"rn":"acp","pv":{"acr":[{"acor":["'$AE1'"],"acop":63}]},"pvs":{"acr":[{"acor":["'$AE1'"],"acop":63}]}}}'
expect_rsc 2001 201 "CREATE accessControlPolicy"
ACP_RI=$(val '."m2m:acp".ri')
at_in POST "$AE1_PATH" "$AE1" 3 '{"m2m:cnt":{"rn":"private","acpi":["'$ACP_RI'"]}}'
expect_rsc 2001 201 "CREATE container with acpi"
at_in GET "$AE1_PATH/private" "$AE2" "" ""
expect_rsc 4103 403 "foreign originator $AE2 RETRIEVE"
expect_dbg "4103"
at_in POST "$AE1_PATH/private" "$AE2" 4 '{"m2m:cin":{"con":"intruder"}}'
expect_rsc 4103 403 "foreign originator CREATE"
at_in GET "$AE1_PATH/private" "$AE1" "" ""
expect_jq '."m2m:cnt".cni == 0' "the owner still reads it, nothing was added"

step "subscription notifying a local HTTP receiver ($RECV)"
at_in POST "$AE1_PATH/data" "$AE1" 23 '{"m2m:sub":{"rn":"sub","nu":["'$AE1'"],"enc":{"net":[3]},"nct":1}}'
expect_rsc 2001 201 "CREATE subscription with nu = the AE (poa = receiver)"
at_in POST "$AE1_PATH/data" "$AE1" 4 '{"m2m:cin":{"con":"notified"}}'
await_received '."m2m:sgn".nev.rep."m2m:cin".con == "notified" and ."m2m:sgn".nev.net == 3' "notification with the new instance"
at_in POST "$AE1_PATH/data" "$AE1" 23 '{"m2m:sub":{"rn":"subUrl","nu":["'$RECV'/direct"],"enc":{"net":[1]}}}'
expect_rsc 2001 201 "CREATE subscription with a URL nu"
await_received '."m2m:sgn".vrq == true and ."m2m:sgn".cr == "'$AE1'"' "verification request (nu is not the originator) reached the receiver"
at_in PUT "$AE1_PATH/data" "$AE1" "" '{"m2m:cnt":{"lbl":["changed"]}}'
expect_rsc 2004 200 "UPDATE container"
await_received '."m2m:sgn".nev.net == 1 and ."m2m:sgn".nev.rep."m2m:cnt".lbl == ["changed"]' "update notification to the URL"

step "bad requests are refused and change nothing"
at_in GET "$AE1_PATH/data" "$AE1" "" ""
ST_BEFORE=$(val '."m2m:cnt".st')
at_in POST "$AE1_PATH/data" "$AE1" 4 '{"m2m:cin":{"con":'
expect_rsc 4000 400 "malformed JSON"
expect_dbg "malformed JSON"
at_in POST "$AE1_PATH/data" "$AE1" 4 '{"m2m:cnt":{"rn":"wrongRoot"}}'
expect_rsc 4000 400 "content root does not match ty"
at_in POST "$AE1_PATH/data" "$AE1" 4 '{"m2m:cin":{"cnf":"text/plain:0"}}'
expect_rsc 4000 400 "cin without con"
at_in POST "$AE1_PATH/data" "$AE1" 4 '{"m2m:cin":{"con":"x","bogus":1}}'
expect_rsc 4000 400 "unknown attribute"
at_in POST "$AE1_PATH/data" "$AE1" 4 '{"m2m:cin":{"con":"x","ty":4}}'
expect_rsc 4000 400 "read-only attribute ty"
at_in POST "$AE1_PATH/data" "$AE1" 999 '{"m2m:xyz":{}}'
expect_rsc 4000 400 "unknown ty 999"
req POST "$BASE/$AE1_PATH/data" "$AE1" "" "" -H "Content-Type: text/plain;ty=4" --data-binary 'hello'
expect_rsc 4015 415 "Content-Type text/plain"
at_in DELETE "$AE1_PATH/data/nothing" "$AE1" "" ""
expect_rsc 4004 404 "DELETE of a missing resource"
at_in POST "$AE1_PATH/data" "$AE1" 4 '{"m2m:cin":{"con":"x","et":"19990101T000000"}}'
expect_rsc 4000 400 "et in the past"
at_in POST "$AE1_PATH" "$AE1" 3 '{"m2m:cnt":{"rn":"small","mbs":4}}'
at_in GET "$AE1_PATH/small/la" "$AE1" "" ""
expect_rsc 4004 404 "la of an empty container"
at_in POST "$AE1_PATH/small" "$AE1" 4 '{"m2m:cin":{"con":"too big"}}'
expect_rsc 5207 406 "cin larger than mbs"
at_in PUT "$AE1_PATH/data" "$AE1" "" '{"m2m:cnt":{"acpi":["'$ACP_RI'"],"lbl":["x"]}}'
expect_rsc 4000 400 "acpi UPDATE together with other attributes"
at_in POST "$AE1_PATH/private" "$AE2" 23 '{"m2m:sub":{"nu":["'$AE2'"]}}'
expect_rsc 4103 403 "subscription by an originator without RETRIEVE privilege"
at_in GET "$AE1_PATH/data" "$AE1" "" ""
expect_jq '."m2m:cnt".st == '"$ST_BEFORE" "the container is unchanged (st $ST_BEFORE)"
at_in GET "$AE1_PATH/data?atrl=rn+cni" "$AE1" "" ""
expect_jq '(."m2m:cnt" | keys | sort) == ["cni","rn"]' "partial RETRIEVE atrl=rn+cni"

# ================================================================================================= issue 3 scenarios

step "group and fanOutPoint"
at_in POST "$AE1_PATH" "$AE1" 3 '{"m2m:cnt":{"rn":"g1"}}'
at_in POST "$AE1_PATH" "$AE1" 3 '{"m2m:cnt":{"rn":"g2"}}'
at_in POST "$AE1_PATH" "$AE1" 9 '{"m2m:grp":{"rn":"grp","mt":3,"mnm":5,"mid":["'$AE1_PATH'/g1","'$AE1_PATH'/g2"]}}'
expect_rsc 2001 201 "CREATE group"
expect_jq '."m2m:grp".cnm == 2 and ."m2m:grp".mtv == true' "cnm 2, mtv true"
at_in POST "$AE1_PATH/grp/fopt" "$AE1" 4 '{"m2m:cin":{"con":"fanned"}}'
expect_rsc 2000 200 "CREATE through fopt"
expect_jq '(."m2m:agr"."m2m:rsp" | length) == 2 and ([."m2m:agr"."m2m:rsp"[].rsc] | all(. == 2001))' "m2m:agr with two 2001 answers"
at_in GET "$AE1_PATH/grp/fopt/la" "$AE1" "" ""
expect_jq '[."m2m:agr"."m2m:rsp"[].pc."m2m:cin".con] == ["fanned","fanned"]' "RETRIEVE fopt/la from both members"
at_in POST "$AE1_PATH" "$AE1" 9 '{"m2m:grp":{"rn":"grpBad","mnm":1,"mid":["'$AE1_PATH'/g1","'$AE1_PATH'/g2"]}}'
expect_rsc 6010 400 "more members than mnm"

step "flexContainer"
at_in POST "$AE1_PATH" "$AE1" 28 '{"cod:tempe":{"rn":"temp","cnd":"org.onem2m.common.moduleclass.temperature","curT0":21.5}}'
expect_rsc 2001 201 "CREATE flexContainer cod:tempe"
expect_jq '."cod:tempe".curT0 == 21.5 and ."cod:tempe".ty == 28' "custom attribute stored"
at_in PUT "$AE1_PATH/temp" "$AE1" "" '{"cod:tempe":{"curT0":22.0}}'
expect_rsc 2004 200 "UPDATE custom attribute"
at_in PUT "$AE1_PATH/temp" "$AE1" "" '{"cod:tempe":{"curT0":"hot"}}'
expect_rsc 4000 400 "UPDATE with a wrongly typed value"
at_in POST "$AE1_PATH" "$AE1" 28 '{"cod:tempe":{"rn":"temp2","cnd":"org.example.unknown","curT0":1}}'
[ "$RSC" = 4125 ] || [ "$RSC" = 4000 ] && pass "unknown cnd refused ($RSC)" || fail "unknown cnd"

step "node and mgmtObj"
at_in POST "$CB" "$ADMIN" 14 '{"m2m:nod":{"rn":"node'$RUN'","ni":"node-'$RUN'"}}'
expect_rsc 2001 201 "CREATE node"
at_in POST "$CB/node$RUN" "$ADMIN" 13 '{"m2m:fwr":{"rn":"fw","mgd":1001,"vr":"1.0","fwn":"fw","url":"http://example.com/fw","ud":false}}'
expect_rsc 2001 201 "CREATE mgmtObj firmware"
expect_jq '."m2m:fwr".mgd == 1001 and ."m2m:fwr".ty == 13' "m2m:fwr with mgd 1001"
at_in POST "$CB/node$RUN" "$ADMIN" 13 '{"m2m:fwr":{"rn":"fw2","mgd":1001,"vr":"1.0"}}'
expect_rsc 4000 400 "firmware without its mandatory attributes"

step "pollingChannel and pcu"
at_in POST "$CB" C 2 '{"m2m:ae":{"rn":"scnP'$RUN'","api":"Npoller","rr":false,"srv":["3"]}}'
AE4=$(val '."m2m:ae".aei')
AE4_PATH="$CB/scnP$RUN"
at_in POST "$AE4_PATH" "$AE4" 15 '{"m2m:pch":{"rn":"pch"}}'
expect_rsc 2001 201 "CREATE pollingChannel"
at_in POST "$AE4_PATH" "$AE4" 15 '{"m2m:pch":{"rn":"pch2"}}'
expect_rsc 4000 400 "a second pollingChannel"
at_in GET "$AE4_PATH/pch/pcu" "$AE4" "" "" -H "X-M2M-RET: 300"
expect_rsc 4008 504 "poll with nothing queued"
at_in GET "$AE4_PATH/pch/pcu" "$AE1" "" "" -H "X-M2M-RET: 300"
expect_rsc 4103 403 "poll by a foreign originator"
curl -s -o "$TMP/nb" -D "$TMP/nh" -X POST -H "X-M2M-Origin: $AE1" -H "X-M2M-RI: to-poller" -H "X-M2M-RVI: 3" \
  -H "Content-Type: application/json" -H "Accept: application/json" \
  --data-binary '{"m2m:sgn":{"nev":{"rep":{"hello":1},"net":1}}}' "$BASE/$AE4_PATH" &
NOTIFY_PID=$!
at_in GET "$AE4_PATH/pch/pcu" "$AE4" "" "" -H "X-M2M-RET: 5000"
expect_rsc 2000 200 "poll brings the request addressed to the AE"
expect_jq '."m2m:rqp".op == 5 and ."m2m:rqp".rqi == "to-poller" and ."m2m:rqp".fr != null' "m2m:rqp {op 5, rqi, fr}"
at_in POST "$AE4_PATH/pch/pcu" "$AE4" "" '{"m2m:rsp":{"rqi":"to-poller"}}'
expect_rsc 4000 400 "answer without rsc"
at_in POST "$AE4_PATH/pch/pcu" "$AE4" "" '{"m2m:rsp":{"rqi":"to-poller","rsc":2000,"pc":{"m2m:dbg":"answered by the AE"}}}'
expect_rsc 2000 200 "the AE answers through pcu"
wait "$NOTIFY_PID"
grep -qi '^X-M2M-RSC: 2000' "$TMP/nh" && grep -q 'answered by the AE' "$TMP/nb" && pass "the requester got the AE's own response" \
  || { RSC=$(grep -i '^X-M2M-RSC' "$TMP/nh"); HTTP=-; cp "$TMP/nb" "$TMP/b"; fail "the requester did not get the AE's response"; }

step "non-blocking requests (rt)"
at_in GET "$AE1_PATH/data?rt=1" "$AE1" "" ""
expect_rsc 1001 202 "RETRIEVE rt=1"
REQ_RI=$(val '."m2m:uri"')
[ -n "$REQ_RI" ] && [ "$REQ_RI" != null ] && pass "m2m:uri names the <request> ($REQ_RI)" || fail "no m2m:uri"
for _ in $(seq 1 50); do
  at_in GET "${REQ_RI#/}" "$AE1" "" ""
  [ "$(val '."m2m:req".rs' 2>/dev/null)" = 1 ] && break
  sleep 0.1
done
expect_jq '."m2m:req".rs == 1 and ."m2m:req".ors.rsc == 2000 and ."m2m:req".ors.pc."m2m:cnt".rn == "data"' "<request> completed with ors"
at_in GET "$AE1_PATH/data?rt=2" "$AE1" "" "" -H "X-M2M-RTU: $RECV/async"
expect_rsc 1002 202 "RETRIEVE rt=2 with X-M2M-RTU"
await_received '."m2m:rsp".rsc == 2000 and ."m2m:rsp".pc."m2m:cnt".rn == "data"' "the result was notified as m2m:rsp"

step "timeSeries"
at_in POST "$AE1_PATH" "$AE1" 29 '{"m2m:ts":{"rn":"ts","mni":10}}'
expect_rsc 2001 201 "CREATE timeSeries"
at_in POST "$AE1_PATH/ts" "$AE1" 30 '{"m2m:tsi":{"dgt":"20260101T000000","con":"21","snr":1}}'
expect_rsc 2001 201 "CREATE timeSeriesInstance"
at_in POST "$AE1_PATH/ts" "$AE1" 30 '{"m2m:tsi":{"dgt":"20260101T000010","con":"22","snr":2}}'
at_in POST "$AE1_PATH/ts" "$AE1" 30 '{"m2m:tsi":{"con":"23"}}'
expect_rsc 4000 400 "timeSeriesInstance without dgt"
at_in GET "$AE1_PATH/ts/la" "$AE1" "" ""
expect_jq '."m2m:tsi".con == "22"' "la of the timeSeries"
at_in GET "$AE1_PATH/ts" "$AE1" "" ""
expect_jq '."m2m:ts".cni == 2' "cni 2"

step "CBOR"
ACCEPT=application/cbor at_in GET "$CB" "$ADMIN" "" ""
expect_rsc 2000 200 "RETRIEVE with Accept application/cbor"
case "$CT" in application/cbor*|application/vnd.onem2m-res+cbor*) pass "Content-Type $CT";; *) fail "Content-Type '$CT'";; esac
[ "$(head -c1 "$TMP/b" | od -An -tx1 | tr -d ' ')" = a1 ] && pass "body is a one-entry CBOR map" || fail "body is not CBOR"
# {"m2m:cin":{"con":"cbor"}} in CBOR
printf '\xa1\x67m2m:cin\xa1\x63con\x64cbor' > "$TMP/cbor"
req POST "$BASE/$AE1_PATH/data" "$AE1" "" "" -H "Content-Type: application/cbor;ty=4" --data-binary @"$TMP/cbor"
expect_rsc 2001 201 "CREATE contentInstance from a CBOR body"
at_in GET "$AE1_PATH/data/la" "$AE1" "" ""
expect_jq '."m2m:cin".con == "cbor"' "the CBOR content was stored"

step "rcn 7 (original-resource) on an announced resource, rcn 12"
if curl -s -o /dev/null -H "X-M2M-Origin: $ADMIN" -H "X-M2M-RI: probe" -H "X-M2M-RVI: 3" "$MN/cse-mn1"; then
  # the original host decides who reads the original: grant the IN-CSE's admin (SP-relative, TS-0001 7.2)
  req POST "$MN/cse-mn1" "$ADMIN" 1 '{"m2m:acp":{"rn":"annAcp'$RUN'","pv":{"acr":[{"acor":["'$ADMIN'","'$CSI/$ADMIN'"],"acop":63}]},"pvs":{"acr":[{"acor":["'$ADMIN'"],"acop":63}]}}}'
  expect_rsc 2001 201 "CREATE accessControlPolicy on /id-mn1"
  MN_ACP=$(val '."m2m:acp".ri')
  req POST "$MN/cse-mn1" "$ADMIN" 3 '{"m2m:cnt":{"rn":"ann'$RUN'","acpi":["'$MN_ACP'"],"at":["/id-in"],"lbl":["ann:'$RUN'"]}}'
  expect_rsc 2001 201 "CREATE container on /id-mn1 announced to /id-in"
  ANN=
  for _ in $(seq 1 50); do
    at_in GET "$CB?fu=1&ty=10003&lbl=ann:$RUN" "$ADMIN" "" ""
    ANN=$(val '."m2m:uril"[0] // empty' 2>/dev/null)
    [ -n "$ANN" ] && break
    sleep 0.1
  done
  [ -n "$ANN" ] && pass "containerAnnc found on /id-in ($ANN)" || fail "no containerAnnc on /id-in"
  at_in GET "$ANN" "$ADMIN" "" ""
  expect_jq '."m2m:cntA".lnk | test("^/id-mn1/")' "m2m:cntA with lnk to /id-mn1"
  at_in GET "$ANN?rcn=7" "$ADMIN" "" ""
  expect_rsc 2000 200 "RETRIEVE rcn=7"
  expect_jq '."m2m:cnt".rn == "ann'$RUN'" and ."m2m:cnt".ty == 3' "rcn=7 gives the original container"
  req DELETE "$MN/cse-mn1/ann$RUN" "$ADMIN" "" ""
  req DELETE "$MN/cse-mn1/annAcp$RUN" "$ADMIN" "" ""
else
  printf '  SKIP no MN-CSE at %s\n' "$MN"
fi
at_in GET "$AE1_PATH/data?rcn=7" "$AE1" "" ""
expect_rsc 4000 400 "rcn=7 on a resource that is not announced"
at_in GET "$AE1_PATH/data?rcn=12" "$AE1" "" ""
# the digest lists rcn 12 (permissions) as [R4+A] without a result format (ACME: TODO): refused as not implemented
expect_rsc 5001 501 "RETRIEVE rcn=12 (permissions, no normative result format in the digest)"
expect_dbg "rcn=12"

step "clean up"
for p in "$AE1_PATH" "$CB/scnS$RUN" "$CB/scnE$RUN" "$AE4_PATH" "$CB/node$RUN"; do
  at_in DELETE "$p" "$ADMIN" "" ""
  expect_rsc 2002 200 "DELETE $p"
done

printf '\n%d passed, %d failed\n' "$PASSES" "$FAILS"
[ "$FAILS" -eq 0 ]
