#!/usr/bin/env bash
# Runs the Gatehouse image as a container with no arguments (the embedded default) and goes
# through the README's walk-through against it: guest token, login, CSRF token, username
# check, with a traceparent. Then checks what the image promises: a non-root process, data
# kept in the /data volume over a restart, a graceful stop on SIGTERM. Exits non-zero on the
# first failure.
#
#   scripts/container-walkthrough.sh [IMAGE]      (default gatehouse/server:0.1.0-SNAPSHOT)
#
# GATEHOUSE_WALKTHROUGH_PORT: host port to publish on (default 18380). Needs docker, curl,
# openssl (scripts/gatehouse-curl).
set -euo pipefail
cd "$(dirname "$0")/.."

image=${1:-gatehouse/server:0.1.0-SNAPSHOT}
port=${GATEHOUSE_WALKTHROUGH_PORT:-18380}
name=gatehouse-walkthrough-$$
volume=$name-data
export GATEHOUSE_URL=http://127.0.0.1:$port
user=bmp_kfayy_6526

log() { printf '== %s\n' "$*"; }
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  docker logs --tail 40 "$name" >&2 2>&1 || true
  exit 1
}
cleanup() { docker rm -f "$name" >/dev/null 2>&1 || true; docker volume rm "$volume" >/dev/null 2>&1 || true; }
trap cleanup EXIT
field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }

wait_ready() {
  for _ in $(seq 1 240); do
    [ "$(docker inspect -f '{{.State.Running}}' "$name")" = true ] || fail "container stopped while starting"
    curl -fsS "$GATEHOUSE_URL/actuator/health/readiness" >/dev/null 2>&1 && return 0
    sleep 1
  done
  fail "not ready after 240 s"
}

log "Run $image (no arguments, volume $volume at /data, port $port)"
docker volume create "$volume" >/dev/null
started=$(date +%s)
docker run -d --name "$name" -p "127.0.0.1:$port:8080" -v "$volume:/data" "$image" >/dev/null
wait_ready
log "ready in $(( $(date +%s) - started )) s"

uid=$(docker exec "$name" sh -c 'grep "^Uid:" /proc/1/status' | awk '{print $2}')
[ "$uid" = 10001 ] || fail "the server runs as uid '$uid', not 10001"
log "PID 1 runs as uid $uid"

log "1. guest token"
guest=$(scripts/gatehouse-curl POST /api/auth/guest -- -f) || fail "guest token refused"
[ -n "$(printf '%s' "$guest" | field accessToken)" ] || fail "no guest accessToken: $guest"

log "2. log in as $user"
login=$(scripts/gatehouse-curl POST /api/auth/token "{\"username\":\"$user\",\"password\":\"Gatehouse-demo-1\"}" -- -f) \
  || fail "login refused"
export GATEHOUSE_TOKEN=$(printf '%s' "$login" | field accessToken)
[ -n "$GATEHOUSE_TOKEN" ] || fail "no accessToken: $login"

log "3. CSRF token, then the username check with a traceparent"
export GATEHOUSE_CSRF=$(scripts/gatehouse-curl GET /api/auth/csrf-token -- -f | field csrfToken)
[ -n "$GATEHOUSE_CSRF" ] || fail "no CSRF token"
trace=4bf92f3577b34da6a3ce929d0e0e4736
check=$(GATEHOUSE_USERNAME=$user scripts/gatehouse-curl GET "/api/customers/check-username/$user" \
  -- -f -i -H "traceparent: 00-$trace-00f067aa0ba902b7-01") || fail "username check refused"
# Text is matched from here-strings, not pipes: under pipefail, a `grep -q` that stops at its
# first match can kill the writer with SIGPIPE, and the pipeline then fails (or, before
# `&& fail`, passes) whatever grep found.
grep -q '"exists":true' <<<"$check" || fail "check did not find $user: $check"
grep -qi "^traceparent: 00-$trace-[0-9a-f]\{16\}-01$" <<<"${check//$'\r'/}" \
  || fail "no traceparent with trace id $trace in the response"
sleep 1
logs=$(docker logs "$name" 2>&1)
check_lines=$(grep 'gatehouse.access' <<<"$logs" | grep "check-username" || true)
grep -q "$trace" <<<"$check_lines" || fail "the access-log line of the check does not name trace id $trace"
grep -qF "$GATEHOUSE_TOKEN" <<<"$logs" && fail "the access token appears in the log"
log "check answered, traceparent echoed, trace id in the access log, no token in the log"

jwks=$(curl -fsS "$GATEHOUSE_URL/.well-known/jwks.json")

log "4. SIGTERM: docker stop"
stop_started=$(date +%s)
docker stop --time 60 "$name" >/dev/null
stop_took=$(( $(date +%s) - stop_started ))
code=$(docker inspect -f '{{.State.ExitCode}}' "$name")
# 143 = 128 + SIGTERM: the JVM ran its shutdown hooks; 137 would be docker's SIGKILL.
[ "$code" = 143 ] || [ "$code" = 0 ] || fail "exit code $code after SIGTERM"
logs=$(docker logs "$name" 2>&1)
grep -q "Graceful shutdown complete" <<<"$logs" || fail "no graceful shutdown in the log"
log "stopped gracefully in $stop_took s (exit code $code)"

log "5. restart on the same volume: same signing key, same sessions"
docker start "$name" >/dev/null
wait_ready
[ "$(curl -fsS "$GATEHOUSE_URL/.well-known/jwks.json")" = "$jwks" ] || fail "the signing key changed over a restart"
GATEHOUSE_CSRF= scripts/gatehouse-curl GET /api/auth/csrf-token -- -f >/dev/null \
  || fail "the access token issued before the restart is refused"
owner=$(docker exec "$name" stat -c %u /data/signing-keys.jwks)
[ "$owner" = 10001 ] || fail "/data/signing-keys.jwks belongs to uid $owner"
log "PASS: container walk-through"
