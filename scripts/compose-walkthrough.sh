#!/usr/bin/env bash
# Starts compose.yaml (docs/cluster.md as containers: PostgreSQL, Redis, two Gatehouse
# instances, nginx) with fresh secrets and volumes, and goes through a flow that crosses both
# instances behind nginx: guest, register, log in, CSRF token, username checks (round robin),
# log out, then the same token refused everywhere. Checks that both instances served, wrote
# JSON access lines, and saw the client's address rather than nginx's. Exits non-zero on the
# first failure; removes its containers and volumes.
#
#   scripts/compose-walkthrough.sh
#
# GATEHOUSE_PORT (default 18381), and the images of compose.yaml: GATEHOUSE_IMAGE,
# POSTGRES_IMAGE, REDIS_IMAGE, NGINX_IMAGE (.ci/run passes those built by
# scripts/debian-images.sh). Needs docker with `docker compose` or docker-compose, java,
# curl, openssl.
set -euo pipefail
cd "$(dirname "$0")/.."

export GATEHOUSE_PORT=${GATEHOUSE_PORT:-18381}
export GATEHOUSE_URL=http://127.0.0.1:$GATEHOUSE_PORT
project=gatehouse-walkthrough-$$
secrets=$(mktemp -d)
if docker compose version >/dev/null 2>&1; then compose=(docker compose); else compose=(docker-compose); fi
compose+=(--project-name "$project" --file compose.yaml)

log() { printf '== %s\n' "$*"; }
fail() {
  printf 'FAIL: %s\n' "$*" >&2
  "${compose[@]}" ps >&2 || true
  "${compose[@]}" logs --no-color --tail 30 >&2 || true
  exit 1
}
cleanup() { "${compose[@]}" down --volumes --timeout 30 >/dev/null 2>&1 || true; rm -rf "$secrets"; }
trap cleanup EXIT
# METHOD PATH [BODY]: prints the body of a 2xx answer. A 503 is retried, as a client
# should (docs/cluster.md: a Redis slower than 500 ms answers 503 with Retry-After, which
# happens on a loaded machine); any other status fails.
api() {
  local response status
  for _ in 1 2 3 4 5; do
    response=$(scripts/gatehouse-curl "$@" -- -w '\n%{http_code}') || return 1
    status=${response##*$'\n'}
    case "$status" in
      2??) printf '%s' "${response%$'\n'*}"; return 0 ;;
      503) printf '(503, retrying) ' >&2; sleep 2 ;;
      *) printf 'HTTP %s: %s\n' "$status" "${response%$'\n'*}" >&2; return 1 ;;
    esac
  done
  return 1
}
field() { sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"; }
container() { "${compose[@]}" ps -q "$1"; }
address() { docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$(container "$1")"; }

log "Secrets (docs/cluster.md step 2) in $secrets"
chmod 700 "$secrets"
java scripts/NewSigningKey.java >"$secrets/signing-keys.jwks"
openssl rand -base64 32 >"$secrets/csrf-secret"
openssl rand -base64 24 >"$secrets/db-password"
# Read inside the containers by uid 10001 (Gatehouse) and postgres: the folder keeps others out here.
chmod 644 "$secrets"/*
export GATEHOUSE_SECRETS=$secrets

log "${compose[*]} up (${GATEHOUSE_IMAGE:-default images})"
started=$(date +%s)
"${compose[@]}" up -d || fail "compose up failed"
for instance in gatehouse-1 gatehouse-2; do
  ip=$(address "$instance")
  for _ in $(seq 1 600); do
    curl -fsS "http://$ip:8080/actuator/health/readiness" >/dev/null 2>&1 && break
    [ "$(docker inspect -f '{{.State.Running}}' "$(container "$instance")")" = true ] || fail "$instance stopped"
    sleep 1
  done
  curl -fsS "http://$ip:8080/actuator/health/readiness" >/dev/null || fail "$instance not ready after 600 s"
  log "$instance ($ip) ready after $(( $(date +%s) - started )) s"
done
for _ in $(seq 1 30); do curl -fsS "$GATEHOUSE_URL/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 1; done

log "1. guest token and CSRF token through nginx"
guest=$(api POST /api/auth/guest) || fail "guest token refused"
export GATEHOUSE_TOKEN=$(printf '%s' "$guest" | field accessToken)
export GATEHOUSE_CSRF=$(api GET /api/auth/csrf-token | field csrfToken)
[ -n "$GATEHOUSE_CSRF" ] || fail "no CSRF token for the guest"

user=compose_$(openssl rand -hex 4)
password=Lantern-Harbor-$(openssl rand -hex 4)
log "2. register $user, log in"
api POST /api/auth/register \
  "{\"username\":\"$user\",\"email\":\"$user@example.com\",\"phone\":\"+14155550123\",\"password\":\"$password\"}" \
  >/dev/null || fail "registration refused"
login=$(export GATEHOUSE_TOKEN= GATEHOUSE_CSRF=; api POST /api/auth/token \
  "{\"username\":\"$user\",\"password\":\"$password\"}") || fail "login refused"
export GATEHOUSE_TOKEN=$(printf '%s' "$login" | field accessToken)
export GATEHOUSE_CSRF=$(api GET /api/auth/csrf-token | field csrfToken)
[ -n "$GATEHOUSE_CSRF" ] || fail "no CSRF token for $user"

log "3. username checks, spread over both instances by nginx"
for i in 1 2 3 4; do
  (export GATEHOUSE_USERNAME=$user; api GET "/api/customers/check-username/$user") \
    | grep -q '"exists":true' || fail "check $i did not find $user"
done

log "4. log out; the token is refused on both instances"
api POST /api/auth/logout >/dev/null || fail "logout refused"
for i in 1 2; do
  status=$(scripts/gatehouse-curl GET /api/auth/csrf-token -- -o /dev/null -w '%{http_code}')
  [ "$status" = 503 ] && { sleep 2; status=$(scripts/gatehouse-curl GET /api/auth/csrf-token -- -o /dev/null -w '%{http_code}'); }
  [ "$status" = 401 ] || fail "request $i after logout answered $status, not 401"
done

log "5. both instances served, in JSON, and saw the client's address"
# The client as nginx saw it (the first field of its access line); never nginx's own address.
client=$(docker logs "$(container nginx)" 2>&1 | grep 'check-username' | awk 'NR == 1 {print $1}' || true)
[ -n "$client" ] && [ "$client" != 172.28.53.10 ] || fail "nginx logged no client address for the checks"
for instance in gatehouse-1 gatehouse-2; do
  lines=$(docker logs "$(container "$instance")" 2>&1)
  # Here-strings, not pipes into `grep -q` or `head`: under pipefail, a reader that stops
  # early can kill the writer with SIGPIPE, and `&& fail` would then pass what it found.
  not_json=$(grep -v '^{.*}$' <<<"$lines" || true)
  [ -z "$not_json" ] || fail "$instance wrote lines that are not JSON: $(head -n 3 <<<"$not_json")"
  served=$(printf '%s\n' "$lines" | grep '"logger":"gatehouse.access"' | grep '"path":"/api/' | grep -c "\"clientAddress\":\"$client\"" || true)
  [ "$served" -gt 0 ] || fail "$instance wrote no access line for the client at $client"
  grep -qF -e "$password" -e "$GATEHOUSE_TOKEN" <<<"$lines" && fail "$instance logged a secret"
  log "$instance: $served API requests from $client, every line JSON, no secret"
done
log "PASS: compose walk-through ($(( $(date +%s) - started )) s)"
