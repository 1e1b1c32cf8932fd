#!/usr/bin/env bash
# The acceptance scenario of issue 5 (ETSI MEC platform), driven with curl exactly as a tester would, against a
# running `./oneedge mec` (or the platform of `./oneedge run`) with the built-in default scenario:
#   ./oneedge mec --port 8090 --speed 20 &          # --speed: emulated seconds per wall-clock second
#   scripts/curl-scenario-mec.sh [http://127.0.0.1:8090]
# Prints every step with PASS/FAIL and exits with the number of failed steps. Needs curl, jq and python3 (the
# notification receiver scripts/lib/notification-receiver.py); responses and notifications are validated against
# the ETSI OpenAPI files (MEC_SPECS, default /work/shared/reference/mec-openapi) by scripts/lib/etsi-validate.py
# when python3 has jsonschema and PyYAML (Debian: python3-jsonschema python3-yaml), else each validation is reported
# SKIP; the received notifications are kept under MEC_SAVE when it is set (one .jsonl file per callback path).
# Waits for notifications up to MEC_WAIT seconds each (default 60: enough at --speed 20; use more at --speed 1).
set -uo pipefail

BASE=${1:-http://127.0.0.1:8090}
BASE=${BASE%/}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SPECS=${MEC_SPECS:-/work/shared/reference/mec-openapi}
WAIT=${MEC_WAIT:-60}
TMP=$(mktemp -d)
SAVE=${MEC_SAVE:-$TMP/notifications}
mkdir -p "$SAVE"
RUN=$(date +%s%N | tail -c 7)   # keeps names unique when run twice against the same platform
FAILS=0
PASSES=0
SKIPS=0
RECEIVER_PID=
HOST1=mec-host-1

cleanup() {
  [ -n "$RECEIVER_PID" ] && kill "$RECEIVER_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

# ------------------------------------------------------------------------------------------------------------ helpers

step() { printf '\n== %s\n' "$*"; }
pass() { PASSES=$((PASSES + 1)); printf '  PASS %s\n' "$*"; }
skip() { SKIPS=$((SKIPS + 1)); printf '  SKIP %s\n' "$*"; }
fail() { FAILS=$((FAILS + 1)); printf '  FAIL %s\n' "$*"; printf '       http=%s body=%s\n' "$HTTP" "$(head -c 400 "$TMP/b")"; }

# call METHOD URL [BODY]: one request; sets HTTP, CT, LOC and the body in $TMP/b.
call() {
  local method=$1 url=$2 body=${3:-}
  local args=(-s -o "$TMP/b" -D "$TMP/h" -X "$method" -H "Accept: application/json")
  [ -n "$body" ] && args+=(-H "Content-Type: application/json" --data-binary "$body")
  HTTP=$(curl "${args[@]}" -w '%{http_code}' "$url")
  CT=$(grep -i '^content-type:' "$TMP/h" | tail -n1 | cut -d: -f2- | tr -d '\r' | sed 's/^ *//')
  LOC=$(grep -i '^location:' "$TMP/h" | tail -n1 | cut -d: -f2- | tr -d '\r' | sed 's/^ *//')
}

expect_status() { if [ "$HTTP" = "$1" ]; then pass "$2 -> $1"; else fail "$2: expected HTTP $1"; fi; }

expect_jq() { if jq -e "$1" "$TMP/b" >/dev/null 2>&1; then pass "$2"; else fail "$2 ($1)"; fi; }

val() { jq -r "$1" "$TMP/b"; }

VALIDATE=1
python3 "$HERE/lib/etsi-validate.py" --check || VALIDATE=0

# conforms FILE SCHEMA what [jq path into the body]: the last body (or a part) validates against the ETSI schema.
conforms() {
  local file=$1 schema=$2 what=$3 path=${4:-.}
  if [ "$VALIDATE" = 0 ]; then skip "$what conforms to $file#$schema (python3 lacks jsonschema/yaml)"; return; fi
  local errors
  if errors=$(jq "$path" "$TMP/b" | python3 "$HERE/lib/etsi-validate.py" "$SPECS" "$file" "$schema" 2>&1); then
    pass "$what conforms to $file#$schema"
  else
    fail "$what does not conform to $file#$schema: $(printf '%s' "$errors" | head -n 3 | tr '\n' ' ')"
  fi
}

# problem STATUS FILE what: the last answer is a ProblemDetails with that status, as application/problem+json.
problem() {
  local status=$1 file=$2 what=$3
  if [ "$HTTP" = "$status" ] && jq -e --argjson s "$status" '.status == $s and (.detail | type == "string" and length > 0)' "$TMP/b" >/dev/null 2>&1 \
      && [[ "$CT" == application/problem+json* ]]; then
    pass "$what -> $status ProblemDetails: $(val .detail | head -c 100)"
    conforms "$file" ProblemDetails "  its ProblemDetails"
  else
    fail "$what: expected $status with a ProblemDetails (application/problem+json), got content type '$CT'"
  fi
}

# ---------------------------------------------------------------------------------------------- notification receiver

RECV_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
RECEIVED="$TMP/received"
: > "$RECEIVED"
python3 "$HERE/lib/notification-receiver.py" "$RECV_PORT" "$RECEIVED" &
RECEIVER_PID=$!
RECV="http://127.0.0.1:$RECV_PORT"
for _ in $(seq 1 50); do curl -s -o /dev/null -X POST "$RECV/ping" && break; sleep 0.1; done

# received PATH 'jq filter on the body': the bodies POSTed to PATH that match, one compact JSON per line.
received() {
  jq -c --arg p "$1" 'select(.path == $p) | .body | fromjson' "$RECEIVED" 2>/dev/null | jq -c "select($2)" 2>/dev/null
}

# await_notification PATH 'filter' what: waits up to $WAIT s for a matching body; leaves the first one in $TMP/b.
await_notification() {
  local deadline=$((SECONDS + WAIT))
  while [ $SECONDS -lt $deadline ]; do
    if [ -n "$(received "$1" "$2" | head -n1)" ]; then
      received "$1" "$2" | head -n1 > "$TMP/b"
      received "$1" "$2" > "$SAVE/$(printf '%s' "$1" | tr '/' '_').jsonl"
      pass "$3"; return 0
    fi
    sleep 0.2
  done
  HTTP=-; : > "$TMP/b"; fail "$3 (nothing matching $2 reached $RECV$1 within ${WAIT}s)"; return 1
}

step "platform answers"
call GET "$BASE/mec_service_mgmt/v1/services"
expect_status 200 "GET /mec_service_mgmt/v1/services"
[ "$HTTP" = 200 ] || { echo "no MEC platform at $BASE (start: ./oneedge mec --speed 20)"; exit 1; }

# ============================================================================================== MEC 011 app support
AS=$BASE/$HOST1/mec_app_support/v2
SM=$BASE/$HOST1/mec_service_mgmt/v1
step "MEC 011: application registration and confirm_ready"
call POST "$AS/registrations" "{\"appName\":\"curl-app-$RUN\",\"appProvider\":\"oneedge\",\"appDId\":\"curl-appd-$RUN\",\"isInsByMec\":false}"
expect_status 201 "POST registrations"
conforms MecAppSupportApi.yaml AppInfo "AppInfo"
APP=$(val .appInstanceId)
[ -n "$LOC" ] && [[ "$LOC" == */registrations/$APP ]] && pass "Location names the registration" || fail "Location '$LOC' does not end in /registrations/$APP"
call GET "$AS/applications/$APP/dns_rules"
problem 403 MecAppSupportApi.yaml "dns_rules before confirm_ready"
call POST "$AS/applications/$APP/confirm_ready" '{"indication":"READY"}'
expect_status 204 "confirm_ready READY"
call GET "$AS/applications/$APP/dns_rules"
expect_status 200 "dns_rules after confirm_ready"
call GET "$AS/timing/current_time"
expect_status 200 "GET timing/current_time"
conforms MecAppSupportApi.yaml CurrentTime "CurrentTime"

step "MEC 011: service availability subscription, then registration and discovery with each filter"
SVC="curl-svc-$RUN"
call POST "$SM/applications/$APP/subscriptions" "{\"subscriptionType\":\"SerAvailabilityNotificationSubscription\",\"callbackReference\":\"$RECV/avail\",\"filteringCriteria\":{\"serNames\":[\"$SVC\"]}}"
expect_status 201 "POST availability subscription"
conforms MecServiceMgmtApi.yaml SerAvailabilityNotificationSubscription "SerAvailabilityNotificationSubscription"
SERVICE_INFO="{\"serName\":\"$SVC\",\"serCategory\":{\"href\":\"http://127.0.0.1/cat\",\"id\":\"cat-$RUN\",\"name\":\"curl\",\"version\":\"v1\"},\"version\":\"v1\",\"state\":\"ACTIVE\",\"transportInfo\":{\"id\":\"rest\",\"name\":\"REST\",\"type\":\"REST_HTTP\",\"protocol\":\"HTTP\",\"version\":\"1.1\",\"endpoint\":{\"uris\":[\"http://127.0.0.1:1/svc\"]},\"security\":{}},\"serializer\":\"JSON\",\"scopeOfLocality\":\"MEC_HOST\",\"consumedLocalOnly\":true,\"isLocal\":true}"
call POST "$SM/applications/$APP/services" "$SERVICE_INFO"
expect_status 201 "POST services (register)"
conforms MecServiceMgmtApi.yaml ServiceInfo "ServiceInfo"
SER_ID=$(val .serInstanceId)
for q in "ser_instance_id=$SER_ID" "ser_name=$SVC" "ser_category_id=cat-$RUN" \
         "ser_name=$SVC&scope_of_locality=MEC_HOST" "ser_name=$SVC&consumed_local_only=true" "ser_name=$SVC&is_local=true"; do
  call GET "$SM/services?$q"
  if [ "$HTTP" = 200 ] && jq -e --arg id "$SER_ID" 'map(.serInstanceId) == [$id]' "$TMP/b" >/dev/null 2>&1; then
    pass "discover ?$q finds exactly the service"
  else fail "discover ?$q: expected exactly $SER_ID"; fi
done
for q in "ser_name=$SVC&scope_of_locality=MEC_SYSTEM" "ser_name=$SVC&consumed_local_only=false" "ser_name=$SVC&is_local=false"; do
  call GET "$SM/services?$q"
  if [ "$HTTP" = 200 ] && jq -e 'length == 0' "$TMP/b" >/dev/null 2>&1; then pass "discover ?$q excludes it"; else fail "discover ?$q should be empty"; fi
done
call GET "$SM/services?ser_name=$SVC"
conforms MecServiceMgmtApi.yaml ServiceInfo "discovered ServiceInfo" '.[0]'
await_notification /avail '.notificationType == "SerAvailabilityNotification"' "ServiceAvailabilityNotification received"
conforms MecServiceMgmtApi.yaml ServiceAvailabilityNotification "ServiceAvailabilityNotification"

step "MEC 011: bad inputs"
call POST "$AS/registrations" '{"appProvider":"x"}'
problem 400 MecAppSupportApi.yaml "registration without appName"
call POST "$AS/registrations" '{'
problem 400 MecAppSupportApi.yaml "registration that is not JSON"
call POST "$AS/applications/$APP/confirm_ready" '{"indication":"SOON"}'
problem 400 MecAppSupportApi.yaml "confirm_ready SOON"
call POST "$AS/applications/nope-$RUN/confirm_ready" '{"indication":"READY"}'
problem 404 MecAppSupportApi.yaml "confirm_ready of an unknown app"
call GET "$SM/services?ser_name=a&ser_category_id=b"
problem 400 MecServiceMgmtApi.yaml "discover with two exclusive filters"
call GET "$SM/services?scope_of_locality=GALAXY"
problem 400 MecServiceMgmtApi.yaml "discover with an unknown scope_of_locality"
call GET "$SM/services/nope-$RUN"
problem 404 MecServiceMgmtApi.yaml "unknown service"

# ======================================================================================================= MEC 012 RNI
RNI=$BASE/rni/v2
step "MEC 012: queries"
call GET "$RNI/queries/rab_info"
expect_status 200 "GET rab_info"
conforms RniAPI.yaml RabInfo "RabInfo"
call GET "$RNI/queries/plmn_info?app_ins_id=$APP"
expect_status 200 "GET plmn_info"
conforms RniAPI.yaml PlmnInfo "PlmnInfo" '.[0]'
call GET "$RNI/queries/layer2_meas"
expect_status 200 "GET layer2_meas"
conforms RniAPI.yaml L2Meas "L2Meas"
call GET "$RNI/queries/s1_bearer_info"
expect_status 200 "GET s1_bearer_info"
expect_jq '.s1UeInfo | length > 0' "s1_bearer_info lists the UEs' bearers"
# RniAPI.yaml's S1BearerInfo schema has the fields of one bearer (s1BearerInfoDetailed), not the answer's root
conforms RniAPI.yaml S1BearerInfo "S1BearerInfo (one bearer)" '.s1UeInfo[0].s1BearerInfoDetailed[0]'
call GET "$RNI/queries/plmn_info"
problem 400 RniAPI.yaml "plmn_info without app_ins_id"
call GET "$RNI/queries/rab_info?colour=red"
problem 400 RniAPI.yaml "rab_info with an unknown query parameter"

step "MEC 012: CellChange and MeasRepUe subscriptions"
call POST "$RNI/subscriptions" "{\"subscriptionType\":\"CellChangeSubscription\",\"callbackReference\":\"$RECV/cc\",\"filterCriteriaAssocHo\":{\"associateId\":[{\"type\":1,\"value\":\"10.0.0.1\"}]}}"
expect_status 201 "POST CellChangeSubscription"
conforms RniAPI.yaml CellChangeSubscription "CellChangeSubscription"
CC_SUB=$LOC
call POST "$RNI/subscriptions" "{\"subscriptionType\":\"MeasRepUeSubscription\",\"callbackReference\":\"$RECV/meas\",\"filterCriteriaAssocTri\":{\"associateId\":[{\"type\":1,\"value\":\"10.0.0.1\"}],\"trigger\":[1]}}"
expect_status 201 "POST MeasRepUeSubscription"
conforms RniAPI.yaml MeasRepUeSubscription "MeasRepUeSubscription"
MEAS_SUB=$LOC
call GET "$RNI/subscriptions?subscription_type=cell_change"
expect_status 200 "GET subscriptions?subscription_type=cell_change"
conforms RniAPI.yaml SubscriptionLinkList "SubscriptionLinkList"
call POST "$RNI/subscriptions" '{"subscriptionType":"WeatherSubscription","callbackReference":"http://127.0.0.1:1/x"}'
problem 400 RniAPI.yaml "subscription of an unknown type"
call POST "$RNI/subscriptions" '{"subscriptionType":"CellChangeSubscription","callbackReference":"not a uri","filterCriteriaAssocHo":{}}'
problem 400 RniAPI.yaml "subscription with a bad callbackReference"
call GET "$RNI/subscriptions/nope-$RUN"
problem 404 RniAPI.yaml "unknown subscription"

# ================================================================================================== MEC 013 Location
LOCN=$BASE/location/v3
step "MEC 013: users, zones, access points, distance"
call GET "$LOCN/queries/users"
expect_status 200 "GET queries/users"
conforms LocationAPI.yaml UserList "UserList" '.userList'
call GET "$LOCN/queries/users?address=acr:10.0.0.1"
expect_jq '.userList.user | length == 1' "queries/users?address= finds the one UE"
call GET "$LOCN/queries/zones"
expect_status 200 "GET queries/zones"
conforms LocationAPI.yaml ZoneList "ZoneList" '.zoneList'
call GET "$LOCN/queries/zones/zone-1"
conforms LocationAPI.yaml ZoneInfo "ZoneInfo" '.zoneInfo'
call GET "$LOCN/queries/zones/zone-1/accessPoints"
expect_status 200 "GET zones/zone-1/accessPoints"
conforms LocationAPI.yaml AccessPointList "AccessPointList" '.accessPointList'
call GET "$LOCN/queries/zones/zone-1/accessPoints/cell-1a"
conforms LocationAPI.yaml AccessPointInfo "AccessPointInfo" '.accessPointInfo'
call GET "$LOCN/queries/distance?address=acr:10.0.0.1&address=acr:10.0.0.4"
expect_status 200 "GET queries/distance between two UEs"
conforms LocationAPI.yaml TerminalDistance "TerminalDistance" '.terminalDistance'
call GET "$LOCN/queries/zones/zone-9"
problem 404 LocationAPI.yaml "unknown zone"
call GET "$LOCN/queries/distance?address=acr:10.0.0.1"
problem 400 LocationAPI.yaml "distance with one address and no point"

step "MEC 013: user and zone subscriptions"
call POST "$LOCN/subscriptions/users" "{\"userLocationEventSubscription\":{\"subscriptionType\":\"UserLocationEventSubscription\",\"callbackReference\":\"$RECV/user\",\"address\":\"acr:10.0.0.1\",\"locationEventCriteria\":[\"ENTERING_AREA_EVENT\",\"LEAVING_AREA_EVENT\"]}}"
expect_status 201 "POST UserLocationEventSubscription"
conforms LocationAPI.yaml UserLocationEventSubscription "UserLocationEventSubscription" '.userLocationEventSubscription'
call POST "$LOCN/subscriptions/zones" "{\"zoneLocationEventSubscription\":{\"subscriptionType\":\"ZoneLocationEventSubscription\",\"callbackReference\":\"$RECV/zone\",\"zoneId\":\"zone-2\",\"locationEventCriteria\":[\"ENTERING_AREA_EVENT\",\"LEAVING_AREA_EVENT\"]}}"
expect_status 201 "POST ZoneLocationEventSubscription"
conforms LocationAPI.yaml ZoneLocationEventSubscription "ZoneLocationEventSubscription" '.zoneLocationEventSubscription'
call POST "$LOCN/subscriptions/zones" '{"zoneLocationEventSubscription":{"subscriptionType":"ZoneLocationEventSubscription","callbackReference":"http://127.0.0.1:1/x","zoneId":"zone-x"}}'
problem 400 LocationAPI.yaml "zone subscription on an unknown zone"
call POST "$LOCN/subscriptions/users" '{"userLocationEventSubscription":{"subscriptionType":"UserLocationEventSubscription","callbackReference":"http://127.0.0.1:1/x","address":"acr:10.0.0.1","locationEventCriteria":["SOMEWHERE"]}}'
problem 400 LocationAPI.yaml "user subscription with an unknown event criterion"

# ======================================================================================================= MEC 021 AMS
AMS=$BASE/$HOST1/amsi/v1
step "MEC 021: registration, mobility procedure subscription, adjacent instances"
call POST "$AMS/app_mobility_services" "{\"serviceConsumerId\":{\"appInstanceId\":\"$APP\"},\"deviceInformation\":[{\"associateId\":{\"type\":\"UE_IPv4_ADDRESS\",\"value\":\"10.0.0.1\"},\"appMobilityServiceLevel\":\"APP_MOBILITY_WITH_CONFIRMATION\"}],\"expiryTime\":0}"
expect_status 201 "POST app_mobility_services"
conforms MEC021_AppMobilityService.yaml RegistrationInfo "RegistrationInfo"
# a sibling instance of the same application on mec-host-2, where the UE goes next: the relocation target
call POST "$BASE/mec-host-2/mec_app_support/v2/registrations" "{\"appName\":\"curl-app-$RUN\",\"appProvider\":\"oneedge\",\"appDId\":\"curl-appd-$RUN\",\"isInsByMec\":false}"
expect_status 201 "POST registrations on mec-host-2 (sibling instance)"
APP2=$(val .appInstanceId)
call POST "$BASE/mec-host-2/amsi/v1/app_mobility_services" "{\"serviceConsumerId\":{\"appInstanceId\":\"$APP2\"}}"
expect_status 201 "POST app_mobility_services of the sibling on mec-host-2"
call POST "$AMS/subscriptions" "{\"subscriptionType\":\"MobilityProcedureSubscription\",\"callbackReference\":\"$RECV/ams\",\"filterCriteria\":{\"appInstanceId\":\"$APP\"}}"
expect_status 201 "POST MobilityProcedureSubscription"
conforms MEC021_AppMobilityService.yaml MobilityProcedureSubscription "MobilityProcedureSubscription"
call GET "$AMS/queries/adjacent_app_instances"
expect_status 200 "GET queries/adjacent_app_instances"
if [ "$(val 'length')" -gt 0 ] 2>/dev/null; then conforms MEC021_AppMobilityService.yaml AdjacentAppInstanceInfo "AdjacentAppInstanceInfo" '.[0]'; fi
call GET "$AMS/app_mobility_services/nope-$RUN"
problem 404 MEC021_AppMobilityService.yaml "unknown registration"
call POST "$AMS/subscriptions" '{"subscriptionType":"MobilityProcedureSubscription","callbackReference":"not a uri","filterCriteria":{}}'
problem 400 MEC021_AppMobilityService.yaml "mobility subscription with a bad callbackReference"

# ============================================================================================ notifications from moves
step "the default scenario moves UE 10.0.0.1 across cells and zones (waits up to ${WAIT}s each)"
await_notification /cc '.notificationType == "CellChangeNotification"' "CellChangeNotification for 10.0.0.1" &&
  conforms RniAPI.yaml CellChangeNotification "CellChangeNotification"
await_notification /meas '.notificationType == "MeasRepUeNotification"' "MeasRepUeNotification for 10.0.0.1" &&
  conforms RniAPI.yaml MeasRepUeNotification "MeasRepUeNotification"
await_notification /zone '.zoneLocationEventNotification.userLocationEvent == "ENTERING_AREA_EVENT"' "zone-2 entering notification" &&
  conforms LocationAPI.yaml ZoneLocationEventNotification "ZoneLocationEventNotification" '.zoneLocationEventNotification'
await_notification /zone '.zoneLocationEventNotification.userLocationEvent == "LEAVING_AREA_EVENT"' "zone-2 leaving notification" &&
  conforms LocationAPI.yaml ZoneLocationEventNotification "ZoneLocationEventNotification" '.zoneLocationEventNotification'
await_notification /user '.userLocationEventNotification != null' "user 10.0.0.1 zone event notification" &&
  conforms LocationAPI.yaml UserLocationEventNotification "UserLocationEventNotification" '.userLocationEventNotification'
await_notification /ams '.notificationType == "MobilityProcedureNotification"' "MobilityProcedureNotification for the UE of the app" &&
  conforms MEC021_AppMobilityService.yaml MobilityProcedureNotification "MobilityProcedureNotification"
call DELETE "$CC_SUB"
expect_status 204 "DELETE CellChangeSubscription"
call DELETE "$MEAS_SUB"
expect_status 204 "DELETE MeasRepUeSubscription"

# ===================================================================================================== MEC 010-2 LCM
PKGM=$BASE/app_pkgm/v1
LCM=$BASE/app_lcm/v1
step "MEC 010-2: package onboarding, instantiate, terminate, op occurrences"
APPD="curl-appd-pkg-$RUN"
call POST "$PKGM/onboarded_app_packages" "{\"appPkgName\":\"curl-pkg\",\"appPkgVersion\":\"1.0\",\"appProvider\":\"oneedge\",\"checksum\":{\"algorithm\":\"SHA-256\",\"hash\":\"00\"},\"userDefinedData\":{\"appD\":{\"appDId\":\"$APPD\",\"appName\":\"curl-pkg\",\"appProvider\":\"oneedge\",\"appSoftVersion\":\"1.0\"}},\"appPkgPath\":\"file:///curl-pkg.zip\"}"
expect_status 201 "POST onboarded_app_packages"
conforms MEC01002_AppPkgMgmt.yaml AppPkgInfo "AppPkgInfo"
PKG=$LOC
call POST "$LCM/app_instances" "{\"appDId\":\"$APPD\",\"appInstanceName\":\"curl-inst-$RUN\"}"
expect_status 201 "POST app_instances"
conforms MEC01002_AppLcm.yaml AppInstanceInfo "AppInstanceInfo"
INST=$(val .id)
call POST "$LCM/app_instances/$INST/instantiate" "{\"selectedMECHostInfo\":[{\"hostId\":\"$HOST1\",\"hostName\":\"$HOST1\"}]}"
expect_status 202 "POST instantiate"
OP1=$LOC
call GET "$OP1"
expect_status 200 "GET the instantiate op occurrence"
conforms MEC01002_AppLcm.yaml AppLcmOpOcc "AppLcmOpOcc"
for _ in $(seq 1 50); do call GET "$LCM/app_instances/$INST"; [ "$(val .instantiationState)" = INSTANTIATED ] && break; sleep 0.2; done
expect_jq '.instantiationState == "INSTANTIATED"' "instance is INSTANTIATED"
call POST "$LCM/app_instances/$INST/instantiate" "{\"selectedMECHostInfo\":[{\"hostId\":\"$HOST1\",\"hostName\":\"$HOST1\"}]}"
problem 409 MEC01002_AppLcm.yaml "instantiate twice"
call POST "$LCM/app_instances/$INST/terminate" '{"terminationType":"FORCEFUL"}'
expect_status 202 "POST terminate"
call GET "$LCM/app_lcm_op_occs"
expect_status 200 "GET app_lcm_op_occs"
expect_jq "[.[] | select(._links.appInstance.href | endswith(\"/$INST\")) | .lcmOperation] | (index(\"INSTANTIATE\") != null and index(\"TERMINATE\") != null)" "op occurrences list INSTANTIATE and TERMINATE"
for _ in $(seq 1 50); do call GET "$LCM/app_instances/$INST"; [ "$(val .instantiationState)" = NOT_INSTANTIATED ] && break; sleep 0.2; done
expect_jq '.instantiationState == "NOT_INSTANTIATED"' "instance is NOT_INSTANTIATED again"
call DELETE "$LCM/app_instances/$INST"
expect_status 204 "DELETE app instance"
call POST "$LCM/app_instances" '{"appDId":"no-such-appd"}'
problem 400 MEC01002_AppLcm.yaml "app instance of an unknown package"
call POST "$PKGM/onboarded_app_packages" '{"appPkgName":"x"}'
problem 400 MEC01002_AppPkgMgmt.yaml "package without version, provider, checksum, path"

# ======================================================================================================= MEC 033 IoT
IOT=$BASE/iots/v1
step "MEC 033: IoT platforms and devices"
PLAT="curl-plat-$RUN"
call POST "$IOT/registered_iot_platforms" "{\"iotPlatformId\":\"$PLAT\",\"userTransportInfo\":[{\"id\":\"mqtt\",\"name\":\"broker\",\"type\":\"MB_TOPIC_BASED\",\"protocol\":\"MQTT\",\"version\":\"3.1.1\",\"endpoint\":{\"uris\":[\"mqtt://127.0.0.1:1883\"]},\"security\":{},\"implSpecificInfo\":{\"eventTopics\":[\"/oneM2M/req/+/$PLAT/json\"]}}],\"customServicesTransportInfo\":[{\"id\":\"http\",\"name\":\"http\",\"type\":\"REST_HTTP\",\"protocol\":\"HTTP\",\"version\":\"1.1\",\"endpoint\":{\"uris\":[\"http://127.0.0.1:8080/cse-mn1\"]},\"security\":{}}],\"enabled\":true}"
expect_status 201 "POST registered_iot_platforms"
conforms MEC033_IoT.yaml IotPlatformInfo "IotPlatformInfo"
call POST "$IOT/registered_devices" "{\"deviceId\":\"curl-dev-$RUN\",\"deviceAuthenticationInfo\":\"psk\",\"requestedIotPlatformId\":\"$PLAT\",\"enabled\":true}"
expect_status 201 "POST registered_devices"
conforms MEC033_IoT.yaml DeviceInfo "DeviceInfo"
call GET "$IOT/registered_devices?filter=(eq,enabled,TRUE)"
expect_jq "map(.deviceId) | index(\"curl-dev-$RUN\") != null" "registered_devices?filter=(eq,enabled,TRUE) lists the device"
call GET "$IOT/registered_devices?filter=(eq,enabled,FALSE)"
expect_jq "map(.deviceId) | index(\"curl-dev-$RUN\") == null" "registered_devices?filter=(eq,enabled,FALSE) leaves it out"
call POST "$IOT/registered_devices" '{"deviceId":"d","enabled":true}'
problem 400 MEC033_IoT.yaml "device without authentication info"
call GET "$IOT/registered_iot_platforms/nope-$RUN"
problem 404 MEC033_IoT.yaml "unknown IoT platform"

# =================================================================================================== platform metrics
MET=$BASE/metrics/v1
step "platform metrics: query and threshold subscription"
call GET "$MET/hosts"
expect_status 200 "GET metrics hosts"
expect_jq 'length >= 1' "metrics for at least one host"
# radioLoad of a host = share of the scenario's UEs its cells serve; it moves as the scenario moves the UEs
call POST "$MET/subscriptions" "{\"subscriptionType\":\"MetricsThresholdSubscription\",\"callbackReference\":\"$RECV/metrics\",\"metric\":\"radioLoad\",\"threshold\":0.3,\"direction\":\"ABOVE\"}"
expect_status 201 "POST metrics threshold subscription (radioLoad above 0.3 on any host)"
await_notification /metrics '.metric == "radioLoad" and .value > 0.3' "metrics threshold notification as a UE enters a host"
call POST "$MET/subscriptions" "{\"subscriptionType\":\"MetricsThresholdSubscription\",\"callbackReference\":\"$RECV/metrics\",\"metric\":\"temperature\",\"threshold\":1,\"direction\":\"ABOVE\"}"
problem 400 MecServiceMgmtApi.yaml "metrics subscription on an unknown metric"

step "cleanup"
call DELETE "$SM/applications/$APP/services/$SER_ID"
expect_status 204 "DELETE service"
call DELETE "$AS/registrations/$APP"
expect_status 204 "DELETE registration"

[ -n "${MEC_SAVE:-}" ] && printf '\nnotifications saved under %s\n' "$SAVE"
printf '%d passed, %d failed\n' "$PASSES" "$FAILS"
[ "$SKIPS" -gt 0 ] && printf '(%d validations skipped)\n' "$SKIPS"
exit "$FAILS"
