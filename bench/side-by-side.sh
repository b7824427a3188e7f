#!/usr/bin/env bash
# Issue 13's comparison in one invocation: the textbook resource server and Gatehouse, each
# its own process on 127.0.0.1, started and loaded in turn (textbook, Gatehouse, Gatehouse at
# the small heap, textbook, ...) with the same JVM, flags and wrk load shape; then the ratios.
# wrk (Debian's package) replays requests signed before the run (bench/wrk/presigned.lua),
# so the driver signs nothing while it measures. See bench/README.md and docs/benchmarks.md.
#
#   ./mvnw -q -pl bench -am package -DskipTests
#   bench/side-by-side.sh                  # start-up, then ROUNDS load rounds, then the ratios
#   bench/side-by-side.sh startup          # only the start-up times
#   bench/side-by-side.sh load             # only the load rounds
#   bench/side-by-side.sh profile          # one Gatehouse load under JFR, then its breakdown
#   PROFILE_TARGET=jwks bench/side-by-side.sh profile   # the same for the JWK set
#   BASELINE_JAR=/tmp/main-exec.jar bench/side-by-side.sh interleaved   # all servers up at
#                                          # once, short loads round-robin (a drifting machine)
#   VARIANT_ARGS=--a.setting=value bench/side-by-side.sh ab   # Gatehouse with and without a
#                                          # setting, in turn (another jar: BASELINE_JAR with load)
#   BASELINE_JAR=/tmp/main-exec.jar bench/side-by-side.sh logins   # logins/s, CPU per login
#   ROUNDS=1 DURATION=10 WARMUP=5 bench/side-by-side.sh load
#   GATEHOUSE_ARGS='--some.server.property=value' bench/side-by-side.sh
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
ROUNDS=${ROUNDS:-2}
STARTS=${STARTS:-3}
DURATION=${DURATION:-20}
# Warm-up: at least WARMUP seconds, in WARMUP_CHUNK-second loads, and on until two chunks
# in a row cost the server within 5 % CPU per request of each other (MAX_WARMUP at most).
# Gatehouse's request path is far larger than the textbook's: on two cores its JIT needs a
# minute or more under load, and 30 s measured a server still compiling (docs/benchmarks.md).
WARMUP=${WARMUP:-60}
WARMUP_CHUNK=${WARMUP_CHUNK:-15}
MAX_WARMUP=${MAX_WARMUP:-240}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-1}
HEAP=${HEAP:-512m}
SMALL_HEAP=${SMALL_HEAP:-256m}
JVM_OPTS=${JVM_OPTS:-}
# Pre-signed requests per second of load: the most a run can send before its thread stops.
MAX_RATE=${MAX_RATE:-25000}
# What `profile` loads: the username check (check) or the JWK set (jwks).
PROFILE_TARGET=${PROFILE_TARGET:-check}
WORK=${WORK:-/tmp/gatehouse-bench}
GATEHOUSE_PORT=${GATEHOUSE_PORT:-18880}
TEXTBOOK_PORT=${TEXTBOOK_PORT:-18881}
GATEHOUSE_ARGS=${GATEHOUSE_ARGS:-}
AOT=${AOT:-1}
# The interleaved mode: rounds of SLICE-second loads, each server in turn.
SLICES=${SLICES:-6}
SLICE=${SLICE:-10}
GATEHOUSE_JAR=${GATEHOUSE_JAR:-server/target/gatehouse-server-0.1.0-SNAPSHOT-exec.jar}
# Optional: another Gatehouse jar (say, main before a change) loaded in each round too.
BASELINE_JAR=${BASELINE_JAR:-}
# Optional: settings for one more Gatehouse (this jar), "variant", in the ab and interleaved
# modes.
VARIANT_ARGS=${VARIANT_ARGS:-}
TEXTBOOK_JAR=bench/target/gatehouse-bench-0.1.0-SNAPSHOT-textbook.jar
TOOLS=("$JAVA" -cp bench/target/benchmarks.jar)
RESULTS=$WORK/results.tsv
CHECK_PATH=/api/customers/check-username/bmp_kfayy_6526

mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
for jar in "$GATEHOUSE_JAR" "$TEXTBOOK_JAR" bench/target/benchmarks.jar; do
	[[ -f "$jar" ]] || { echo "$jar is missing: ./mvnw -q -pl bench -am package -DskipTests" >&2; exit 1; }
done

server_pid=""
# Servers the interleaved mode keeps running side by side (stopped on exit too).
running_pids=()
stop_all() {
	stop_server
	for pid in "${running_pids[@]}"; do
		{ kill "$pid" && wait "$pid"; } 2>/dev/null || true
	done
	running_pids=()
}
stop_server() {
	if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
		kill "$server_pid"
		wait "$server_pid" 2>/dev/null || true
	fi
	server_pid=""
}
trap stop_all EXIT

require_free() {
	if [[ -n "$(lsof -t -iTCP:"$1" -sTCP:LISTEN -n -P 2>/dev/null)" ]]; then
		echo "port $1 is taken by another process: set GATEHOUSE_PORT / TEXTBOOK_PORT" >&2
		exit 1
	fi
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Starts one server and waits for the first 200 of its health URL from OUR process (load
# never goes to someone else's); sets server_pid and startup_ms (exec to that first 200).
# SERVER_PORT and DATA_DIR, when set, replace the kind's port and Gatehouse's data directory.
# start_server NAME textbook|gatehouse|baseline HEAP [JVM flags...]
start_server() {
	local name=$1 kind=$2 heap=$3
	shift 3
	local port jar health args
	if [[ "$kind" == textbook ]]; then
		port=${SERVER_PORT:-$TEXTBOOK_PORT} jar=$TEXTBOOK_JAR health=/ping
		args=(--textbook.key-file="$WORK/textbook.jwks")
	else
		port=${SERVER_PORT:-$GATEHOUSE_PORT} jar=$GATEHOUSE_JAR health=/actuator/health
		[[ "$kind" == baseline ]] && jar=$BASELINE_JAR
		[[ "$kind" == aot ]] && jar=$AOT_JAR
		# The check's own rate limits (300/min per user session, 600/min per address) would
		# answer 429 within a second of load: raised here, for the benchmark only.
		# shellcheck disable=SC2206
		args=(--gatehouse.data-dir="${DATA_DIR:-$WORK/data}"
			--gatehouse.rate-limits.checks-per-user-session.capacity=100000000
			--gatehouse.rate-limits.checks-per-address.capacity=100000000 $GATEHOUSE_ARGS)
		# shellcheck disable=SC2206
		[[ "$kind" == variant ]] && args+=($VARIANT_ARGS)
	fi
	require_free "$port"
	local started
	started=$(now_ms)
	# shellcheck disable=SC2086
	"$JAVA" -Xmx"$heap" $JVM_OPTS "$@" -jar "$jar" --server.address=127.0.0.1 --server.port="$port" "${args[@]}" \
		>"$WORK/$name.log" 2>&1 &
	server_pid=$!
	server_url=http://127.0.0.1:$port
	until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$server_url$health" 2>/dev/null)" == 200 ]]; do
		if ! kill -0 "$server_pid" 2>/dev/null; then
			echo "$name exited; see $WORK/$name.log" >&2
			exit 1
		fi
		sleep 0.02
	done
	startup_ms=$(($(now_ms) - started))
	# CPU time to healthy: less at the mercy of a busy machine than the wall time.
	startup_cpu_ms=$(($(cpu_ticks "$server_pid") * 1000 / $(getconf CLK_TCK)))
	if [[ "$(lsof -t -iTCP:"$port" -sTCP:LISTEN -n -P 2>/dev/null)" != "$server_pid" ]]; then
		echo "port $port answers, but not from $name (pid $server_pid)" >&2
		exit 1
	fi
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

record() { printf '%s\n' "$(IFS=$'\t'; echo "$*")" >>"$RESULTS"; }

# Runs wrk against the running server and records: req/s, server CPU µs/request, latency
# p50 and p99 (ms), wrk's own CPU µs/request, non-2xx answers.
# load ROUND NAME SECONDS URL [wrk script args...]
load() {
	local round=$1 name=$2 seconds=$3 url=$4
	shift 4
	local before after out wrk_cpu
	before=$(cpu_ticks "$server_pid")
	out=$WORK/$name.wrk
	local TIMEFORMAT='%U %S'
	# The URL first: what follows a "--" goes to the Lua script.
	if ! { time wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency "$url" "$@" >"$out"; } 2>"$out.time"; then
		echo "wrk failed: $(cat "$out" "$out.time")" >&2
		exit 1
	fi
	after=$(cpu_ticks "$server_pid")
	wrk_cpu=$(awk '{ print $1 + $2 }' "$out.time")
	local tick_us=$((1000000 / $(getconf CLK_TCK)))
	if [[ "$round" == warmup ]]; then
		# Printed, and handed to the calling warm_up (its local warmup_cpu).
		warmup_cpu=$(awk -v cpu=$(((after - before) * tick_us)) '/requests in/ { printf "%.1f", cpu / $1 }' "$out")
		awk -v name="$name" -v cpu="$warmup_cpu" '/Requests\/sec/ { printf "   %-22s %7.0f req/s  server %6s µs/req  (warm-up)\n", name, $2, cpu }' "$out"
		return 0
	fi
	awk -v round="$round" -v name="$name" -v cpu=$(((after - before) * tick_us)) -v wrkcpu="$wrk_cpu" \
		-v loadavg="$(cut -d' ' -f1 /proc/loadavg)" '
		function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
		/requests in/ { n = $1 }
		/Requests\/sec/ { rps = $2 }
		$1 == "50%" { p50 = ms($2) }
		$1 == "99%" { p99 = ms($2) }
		/Non-2xx/ { bad = $5 }
		/exhausted=true/ { exhausted = 1 }
		END {
			printf "%s\t%s\t%.0f\t%.1f\t%.3f\t%.3f\t%.1f\t%d\t%s\t%s\n", round, name, rps, cpu / n, p50, p99,
				wrkcpu * 1e6 / n, bad, (exhausted ? "exhausted" : "-"), loadavg
		}' "$out" | tee -a "$RESULTS" | awk -F'\t' '{ printf "   %-22s %7s req/s  server %6s µs/req  p50 %s ms  p99 %s ms  wrk %s µs/req  non-2xx %s %s  load %s\n", $2, $3, $4, $5, $6, $7, $8, ($9 == "-" ? "" : $9), $10 }'
	if grep -q 'Non-2xx' "$out" && ! grep -q 'exhausted=true' "$out"; then
		echo "   !! $name: non-2xx answers; see $out and $WORK/*.log" >&2
	fi
}

# Loads the running server in WARMUP_CHUNK-second runs until it has had WARMUP seconds and
# its CPU per request has settled (two chunks in a row within 5 %), or MAX_WARMUP seconds.
# warm_up NAME signed           the username check, freshly pre-signed for each chunk
# warm_up NAME URL [wrk args]   a fixed request
warm_up() {
	local name=$1 target=$2
	shift 2
	local spent=0 previous="" warmup_cpu=""
	while ((spent < MAX_WARMUP)); do
		if [[ "$target" == signed ]]; then
			load_signed warmup "$name" "$WARMUP_CHUNK"
		else
			load warmup "$name" "$WARMUP_CHUNK" "$target" "$@"
		fi
		spent=$((spent + WARMUP_CHUNK))
		if ((spent >= WARMUP)) && [[ -n "$previous" ]] &&
			awk -v a="$previous" -v b="$warmup_cpu" 'BEGIN { exit !(b <= a * 1.05 && b >= a * 0.95) }'; then
			return 0
		fi
		previous=$warmup_cpu
	done
	echo "   !! $name: CPU per request still moving after ${MAX_WARMUP}s of warm-up" >&2
}

# Pre-signs enough requests (username checks, or logins) for SECONDS of load at RATE.
presign() {
	local seconds=$1 file=$2 target=${3:-check} rate=${4:-$MAX_RATE}
	"${TOOLS[@]}" io.gatehouse.bench.WrkRequests --mode gatehouse --url "$server_url" --target "$target" \
		--count $((seconds * rate)) --out "$file" 2>>"$WORK/presign.log"
}

# SECONDS of signed requests (presign's TARGET and RATE), signed just before and replayed by
# wrk (load's ROUND and NAME).
# load_signed ROUND NAME SECONDS [TARGET RATE]
load_signed() {
	local file=$WORK/$2.signed
	presign "$3" "$file" "${4:-check}" "${5:-$MAX_RATE}"
	load "$1" "$2" "$3" "$server_url" -s bench/wrk/presigned.lua -- "$file"
	rm -f "$file"
}

# The textbook server's bearer header (an RS256 token from its key file) for wrk's -H.
textbook_bearer() {
	"${TOOLS[@]}" io.gatehouse.bench.WrkRequests --mode textbook --textbook-key "$WORK/textbook.jwks" \
		--out "$WORK/textbook.header"
	cat "$WORK/textbook.header"
}

textbook_round() {
	local round=$1
	start_server "textbook-$round" textbook "$HEAP"
	echo "== textbook (round $round, up in ${startup_ms} ms)"
	local bearer
	bearer=$(textbook_bearer)
	warm_up textbook-secure "$server_url/secure" -H "$bearer"
	load "$round" textbook-secure "$DURATION" "$server_url/secure" -H "$bearer"
	warm_up textbook-ping "$server_url/ping"
	load "$round" textbook-ping "$DURATION" "$server_url/ping"
	stop_server
}

gatehouse_round() {
	local round=$1 heap=$2 name=$3 trivial=${4:-yes} kind=${5:-gatehouse}
	start_server "$name-$round" "$kind" "$heap"
	echo "== $name (round $round, -Xmx$heap, up in ${startup_ms} ms)"
	warm_up "$name-check" signed
	load_signed "$round" "$name-check" "$DURATION"
	if [[ "$trivial" == yes ]]; then
		warm_up "$name-jwks" "$server_url/.well-known/jwks.json"
		load "$round" "$name-jwks" "$DURATION" "$server_url/.well-known/jwks.json"
	fi
	stop_server
}

# JDK 25's AOT cache (JEP 483/514/515): the exec jar extracted (the JVM caches only classes
# from a plain class path, not from Boot's nested jars), then a training run that stops once
# the context is refreshed writes the cache; it must be used with the same JDK and jar.
AOT_DIR=$WORK/aot
# extract names the jar after the one it came from.
AOT_JAR=$AOT_DIR/$(basename "$GATEHOUSE_JAR")
aot_cache() {
	local cache=$AOT_DIR/gatehouse.aot
	if [[ ! -f "$cache" || "$cache" -ot "$GATEHOUSE_JAR" ]]; then
		echo "== extracting $GATEHOUSE_JAR and a training run for the AOT cache ($cache)" >&2
		rm -rf "$AOT_DIR"
		"$JAVA" -Djarmode=tools -jar "$GATEHOUSE_JAR" extract --destination "$AOT_DIR" >"$WORK/aot-extract.log" 2>&1
		"$JAVA" -XX:AOTCacheOutput="$cache" -Dspring.context.exit=onRefresh -jar "$AOT_JAR" \
			--server.address=127.0.0.1 --server.port="$GATEHOUSE_PORT" --gatehouse.data-dir="$WORK/data" \
			>"$WORK/aot-training.log" 2>&1 || { echo "training run failed: $WORK/aot-training.log" >&2; exit 1; }
	fi
	echo "$cache"
}

startup() {
	echo "== start-up to the first 200 of /ping (textbook) and /actuator/health (Gatehouse), -Xmx$HEAP"
	# One start of each first, not counted: it creates Gatehouse's data directory (database,
	# keys, demo accounts), so every counted start is a restart, and warms the page cache.
	start_server textbook-first textbook "$HEAP"
	stop_server
	start_server gatehouse-first gatehouse "$HEAP"
	echo "   gatehouse first start (creates $WORK/data): ${startup_ms} ms"
	stop_server
	local cache=""
	if [[ "$AOT" == 1 ]]; then
		cache=$(aot_cache)
	fi
	for i in $(seq 1 "$STARTS"); do
		start_server textbook-start textbook "$HEAP"
		stop_server
		record "$i" textbook-startup "$startup_ms"
		record "$i" textbook-startup-cpu "$startup_cpu_ms"
		echo "   textbook          ${startup_ms} ms (CPU ${startup_cpu_ms} ms)"
		start_server gatehouse-start gatehouse "$HEAP"
		stop_server
		record "$i" gatehouse-startup "$startup_ms"
		record "$i" gatehouse-startup-cpu "$startup_cpu_ms"
		echo "   gatehouse         ${startup_ms} ms (CPU ${startup_cpu_ms} ms)"
		if [[ -n "$cache" ]]; then
			start_server gatehouse-aot-start aot "$HEAP" -XX:AOTCache="$cache"
			stop_server
			record "$i" gatehouse-aot-startup "$startup_ms"
			record "$i" gatehouse-aot-startup-cpu "$startup_cpu_ms"
			echo "   gatehouse + AOT   ${startup_ms} ms (CPU ${startup_cpu_ms} ms)"
		fi
	done
}

rounds() {
	for round in $(seq 1 "$ROUNDS"); do
		textbook_round "$round"
		if [[ -n "$BASELINE_JAR" ]]; then
			gatehouse_round "$round" "$HEAP" baseline yes baseline
		fi
		gatehouse_round "$round" "$HEAP" gatehouse
		gatehouse_round "$round" "$SMALL_HEAP" gatehouse-small no
	done
}

# Gatehouse without and with VARIANT_ARGS, in turn.
ab_rounds() {
	for round in $(seq 1 "$ROUNDS"); do
		gatehouse_round "$round" "$HEAP" gatehouse no
		gatehouse_round "$round" "$HEAP" variant no variant
	done
}

# Logins (POST /api/auth/token, Argon2id verify): BASELINE_JAR (if set) and this jar in turn.
logins() {
	local kinds=(gatehouse)
	[[ -n "$BASELINE_JAR" ]] && kinds=(baseline gatehouse)
	for round in $(seq 1 "$ROUNDS"); do
		for kind in "${kinds[@]}"; do
			start_server "$kind-login-$round" "$kind" "$HEAP"
			echo "== $kind logins (round $round, up in ${startup_ms} ms)"
			load_signed warmup "$kind-login" "$WARMUP" login 100
			load_signed "$round" "$kind-login" "$DURATION" login 100
			stop_server
		done
	done
}

# The textbook server, BASELINE_JAR (when set), this jar and this jar with VARIANT_ARGS (when
# set), all running at once, each warmed to steady state, then SLICES rounds of SLICE-second
# loads, server after server: on a machine whose speed drifts (a shared host) every server
# meets the same drift, which rounds of one server after another cannot promise. Results as
# in `load`, a round per slice.
interleaved() {
	local kinds=(gatehouse) port=$((TEXTBOOK_PORT + 1)) bearer kind
	[[ -n "$BASELINE_JAR" ]] && kinds=(baseline gatehouse)
	[[ -n "$VARIANT_ARGS" ]] && kinds+=(variant)
	local -A pid url
	start_server textbook-interleaved textbook "$HEAP"
	pid[textbook]=$server_pid url[textbook]=$server_url
	running_pids+=("$server_pid")
	for kind in "${kinds[@]}"; do
		SERVER_PORT=$port DATA_DIR=$WORK/data-$kind start_server "$kind-interleaved" "$kind" "$HEAP"
		pid[$kind]=$server_pid url[$kind]=$server_url
		running_pids+=("$server_pid")
		port=$((port + 1))
	done
	server_pid=""
	use() { server_pid=${pid[$1]} server_url=${url[$1]}; }
	bearer=$(textbook_bearer)
	echo "== warm-up: textbook, ${kinds[*]} (all running)"
	use textbook
	warm_up textbook-secure "$server_url/secure" -H "$bearer"
	warm_up textbook-ping "$server_url/ping"
	for kind in "${kinds[@]}"; do
		use "$kind"
		warm_up "$kind-check" signed
		warm_up "$kind-jwks" "$server_url/.well-known/jwks.json"
	done
	local order=()
	for slice in $(seq 1 "$SLICES"); do
		echo "== slice $slice of $SLICES (${SLICE}s each)"
		# Each slice loads the servers in the other order from the slice before: in every
		# run with a fixed order, the server loaded right after another did worse
		# (docs/benchmarks.md, ninth and tenth sessions).
		order=(textbook "${kinds[@]}")
		if ((slice % 2 == 0)); then
			order=()
			for kind in textbook "${kinds[@]}"; do order=("$kind" "${order[@]}"); done
		fi
		# A fresh token each slice: the textbook's lives 15 minutes, less than a run.
		bearer=$(textbook_bearer)
		for kind in "${order[@]}"; do
			use "$kind"
			if [[ "$kind" == textbook ]]; then
				load "$slice" textbook-secure "$SLICE" "$server_url/secure" -H "$bearer"
			else
				load_signed "$slice" "$kind-check" "$SLICE"
			fi
		done
		for kind in "${order[@]}"; do
			use "$kind"
			if [[ "$kind" == textbook ]]; then
				load "$slice" textbook-ping "$SLICE" "$server_url/ping"
			else
				load "$slice" "$kind-jwks" "$SLICE" "$server_url/.well-known/jwks.json"
			fi
		done
	done
	server_pid=""
	stop_all
}

profile() {
	local name=gatehouse-jfr
	local jcmd target
	jcmd="$(dirname "$JAVA")/jcmd"
	start_server "$name" gatehouse "$HEAP" -XX:FlightRecorderOptions:stackdepth=256
	if [[ "$PROFILE_TARGET" == jwks ]]; then
		target=("$server_url/.well-known/jwks.json")
		warm_up "$name" "${target[@]}"
	else
		target=("$server_url" -s bench/wrk/presigned.lua -- "$WORK/run.signed")
		warm_up "$name" signed
		# Signed before the recording starts (not load_signed), so the signing is not in it.
		presign "$DURATION" "$WORK/run.signed"
	fi
	# JDK 25 samples each thread by the CPU it burns, system calls included (JEP 509);
	# jfr-breakdown.py reads those samples, else the execution samples.
	local cpu_time=()
	if (("$("$JAVA" -XshowSettings:properties -version 2>&1 | awk '/java.specification.version/ { print $3 }')" >= 25)); then
		cpu_time=(jdk.CPUTimeSample#enabled=true jdk.CPUTimeSample#throttle=2ms)
	fi
	# Recorded from steady state on: a recording from the start would be mostly the JIT.
	"$jcmd" "$server_pid" JFR.start name=bench settings=profile "${cpu_time[@]}" filename="$WORK/$name.jfr" >/dev/null
	load profile "$name" "$DURATION" "${target[@]}"
	"$jcmd" "$server_pid" JFR.stop name=bench >/dev/null
	rm -f "$WORK/run.signed"
	stop_server
	JFR="$(dirname "$JAVA")/jfr" python3 bench/jfr-breakdown.py "$WORK/$name.jfr"
}

header() {
	echo "== $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- server bench || echo '+changes')," \
		"$("$JAVA" -version 2>&1 | head -1), wrk -t$WRK_THREADS -c$CONNECTIONS $([[ "$which" == interleaved ]] && echo "$SLICES slices of ${SLICE}s" || echo "${DURATION}s") after ${WARMUP}-${MAX_WARMUP}s (until steady)," \
		"load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"
}

summary() {
	python3 bench/side-by-side-ratios.py "$RESULTS"
}

which=${1:-all}
[[ "$which" == logins ]] && CONNECTIONS=${LOGIN_CONNECTIONS:-4}
: >"$RESULTS"
header | tee "$WORK/header.txt"
case "$which" in
	all) startup; rounds; summary ;;
	startup) startup; summary ;;
	load) rounds; summary ;;
	logins) logins; summary ;;
	profile) profile ;;
	interleaved) interleaved; summary ;;
	ab) ab_rounds ;;
	*) echo "usage: $0 [all|startup|load|logins|profile|ab|interleaved]" >&2; exit 2 ;;
esac
echo "== done $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)"
