#!/usr/bin/env bash
# Gatehouse's secured username check against the textbook resource server, each as its own
# process on 127.0.0.1, one after the other, with the same JVM flags; the load driver reads
# each server's CPU time before and after the measured requests. See docs/benchmarks.md.
#
#   ./mvnw -q -pl bench -am package -DskipTests
#   bench/side-by-side.sh                 # both servers, 30 s each
#   bench/side-by-side.sh gatehouse       # or: textbook, gatehouse-nolog
#   REQUESTS=100000 SECONDS=20 THREADS=4 JFR=1 bench/side-by-side.sh gatehouse
#   NAME=gatehouse-variant bench/side-by-side.sh gatehouse --some.server.property=value
set -euo pipefail
cd "$(dirname "$0")/.."

REQUESTS=${REQUESTS:-200000}
SECONDS_BOUND=${SECONDS:-30}
THREADS=${THREADS:-4}
WARMUP=${WARMUP:-10000}
WORK=${WORK:-/tmp/gatehouse-bench}
GATEHOUSE_PORT=${GATEHOUSE_PORT:-28480}
TEXTBOOK_PORT=${TEXTBOOK_PORT:-28481}
JVM_FLAGS=${JVM_FLAGS:--Xms256m -Xmx512m}
GATEHOUSE_JAR=server/target/gatehouse-server-0.1.0-SNAPSHOT-exec.jar
TEXTBOOK_JAR=bench/target/gatehouse-bench-0.1.0-SNAPSHOT-textbook.jar
DRIVER=(java -cp bench/target/benchmarks.jar io.gatehouse.bench.LoadDriver)
mkdir -p "$WORK"

server_pid=""
stop_server() {
	if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
		kill "$server_pid"
		wait "$server_pid" 2>/dev/null || true
	fi
	server_pid=""
}
trap stop_server EXIT

require_free() {
	if [[ -n "$(lsof -t -iTCP:"$1" -sTCP:LISTEN -n -P 2>/dev/null)" ]]; then
		echo "port $1 is taken by another process: set GATEHOUSE_PORT / TEXTBOOK_PORT" >&2
		exit 1
	fi
}

# Waits until OUR server process listens on the port: load never goes to someone else's.
wait_for() {
	local port=$1
	for _ in $(seq 1 240); do
		if ! kill -0 "$server_pid" 2>/dev/null; then
			echo "server exited; see $WORK/*.log" >&2
			exit 1
		fi
		if [[ "$(lsof -t -iTCP:"$port" -sTCP:LISTEN -n -P 2>/dev/null)" == "$server_pid" ]]; then
			return 0
		fi
		sleep 0.5
	done
	echo "server did not start on $port" >&2
	exit 1
}

jfr_flag() {
	if [[ "${JFR:-0}" == "1" ]]; then
		echo "-XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording=filename=$WORK/$1.jfr,settings=profile"
	fi
}

run_gatehouse() {
	local name=$1
	shift
	local port=$GATEHOUSE_PORT
	require_free "$port"
	rm -rf "$WORK/data"
	# The check's own rate limits (300/min per user session, 600/min per address) would
	# answer 429 within a second of load: raised for the benchmark only.
	# shellcheck disable=SC2086
	java $JVM_FLAGS $(jfr_flag "$name") -jar "$GATEHOUSE_JAR" --server.address=127.0.0.1 --server.port=$port \
		--gatehouse.data-dir="$WORK/data" \
		--gatehouse.rate-limits.checks-per-user-session.capacity=100000000 \
		--gatehouse.rate-limits.checks-per-address.capacity=100000000 \
		"$@" >"$WORK/$name.log" 2>&1 &
	server_pid=$!
	wait_for "$port"
	until curl -sf -o /dev/null "http://127.0.0.1:$port/actuator/health"; do sleep 0.5; done
	measure "$name" gatehouse "http://127.0.0.1:$port"
	stop_server
}

run_textbook() {
	local port=$TEXTBOOK_PORT
	require_free "$port"
	# shellcheck disable=SC2086
	java $JVM_FLAGS $(jfr_flag textbook) -jar "$TEXTBOOK_JAR" --server.address=127.0.0.1 --server.port=$port \
		--textbook.key-file="$WORK/textbook.jwks" >"$WORK/textbook.log" 2>&1 &
	server_pid=$!
	wait_for "$port"
	measure textbook textbook "http://127.0.0.1:$port"
	stop_server
}

measure() {
	local name=$1 mode=$2 url=$3
	jcmd "$server_pid" GC.run >/dev/null
	jcmd "$server_pid" GC.heap_info | grep -E 'garbage-first heap|def new|tenured' | head -1 | sed 's/^/heap after start and full GC: /'
	echo "== $name ($(date -u +%H:%M:%SZ), uptime:$(uptime | sed 's/.*load average/ load average/'))"
	"${DRIVER[@]}" --mode "$mode" --url "$url" --requests "$REQUESTS" --seconds "$SECONDS_BOUND" \
		--threads "$THREADS" --warmup "$WARMUP" --server-pid "$server_pid" --textbook-key "$WORK/textbook.jwks" \
		| tee "$WORK/$name.result"
	jcmd "$server_pid" GC.heap_info | grep -E 'total|used' | head -3 | sed 's/^/heap: /'
	jcmd "$server_pid" GC.run >/dev/null
	jcmd "$server_pid" GC.heap_info | grep -E 'garbage-first heap|def new|tenured' | head -1 | sed 's/^/heap after full GC: /'
	echo "server RSS: $(ps -o rss= -p "$server_pid") KiB"
}

which=${1:-both}
shift || true
case "$which" in
	# Further arguments go to the Gatehouse server, e.g. --management.observations.enable.spring.security=false
	gatehouse) run_gatehouse "${NAME:-gatehouse}" "$@" ;;
	gatehouse-nolog) run_gatehouse gatehouse-nolog --logging.level.gatehouse.access=WARN ;;
	textbook) run_textbook ;;
	both)
		run_textbook
		run_gatehouse gatehouse
		;;
	*) echo "usage: $0 [both|gatehouse|gatehouse-nolog|textbook]" >&2; exit 2 ;;
esac
