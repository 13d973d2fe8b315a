#!/bin/bash
# The public reads and the workspace's main reads at the container's speed (never part of mvn install).
#
# Unpacks the built distribution (karaf-distribution/target/*.tar.gz; built with `mvn install -DskipTests` when
# missing or with --build) into a temporary directory on free ports, drops a trivial whiteboard servlet into its
# deploy/ folder (once booted) as the ceiling (bench/http/ceiling, compiled here with javac: the same Jetty, the same container),
# starts it with its demo data, and runs `wrk -t2 -c32` on each route: warmed until two consecutive warm-up runs are
# within 10% of each other, then measured. Prints req/s, p50/p99 latency and the ratio to the ceiling (measured at
# the start and at the end of the same run; the ratio is to their mean), non-2xx answers, resident memory after boot
# and after the load, and the start and restart times to /api/health 200, as a Markdown table to paste.
#
# Usage: bench/run-http.sh [--build] [--keep] [--soak-only] [route ...]      (routes default to the list below)
# SOAK=600 adds a memory run: wrk on all the anonymous routes in turn for that many seconds, resident memory sampled
#   every 10 s (printed: after boot, after the first minute, highest, last; non-2xx and socket errors). --soak-only
#   skips the per-route table (the memory run and start/restart times only).
# Settings (environment): DURATION=10 (s per measured run), WARM=5 (s per warm-up run), MAX_WARM=8 (warm-up runs at
#   most), THREADS=2, CONNECTIONS=32, MAVEN_REPO (default ~/.m2/repository), MAVEN_ARGS (extra mvn arguments),
#   JAVA_HOME (Java 17), TOLERANCE=10 (% between consecutive warm-up runs).
# wrk comes from Debian's package (installed with apt-get when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

DURATION=${DURATION:-10}
WARM=${WARM:-5}
MAX_WARM=${MAX_WARM:-8}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
TOLERANCE=${TOLERANCE:-10}
SOAK=${SOAK:-0}
SOAK_ONLY=false
MAVEN_REPO=${MAVEN_REPO:-$HOME/.m2/repository}
BUILD=false
KEEP=false
ROUTES=()
for arg in "$@"; do
    case "$arg" in
        --build) BUILD=true ;;
        --keep) KEEP=true ;;
        --soak-only) SOAK_ONLY=true; [ "$SOAK" -gt 0 ] || SOAK=600 ;;
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) ROUTES+=("$arg") ;;
    esac
done
# "path" for anonymous reads; "@path" for a read by the workspace's logged-in member editor (session cookie).
if [ ${#ROUTES[@]} -eq 0 ]; then
    ROUTES=(
        /api/v1/members/RGT
        "/api/v1/members?limit=50"
        /api/v1/members/RL4/plan
        /api/v1/members/RL4/measures/falls-per-1000
        /members/RL4
        /api/v1/summary
        /api/v1/icons
        /api/v1/icons.csv
        /api/v1/members/RL4/icons
        /icons
        /
        @/api/v1/members/RL4/plan
        @/api/v1/members/RL4/actions
        @/api/v1/members/RL4/measures
        @/api/v1/members/RL4/icons
    )
fi

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }

# --- tools --------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
    log "installing wrk from Debian's packages"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get install -y wrk >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; }
fi
ARCHIVE=$(ls karaf-distribution/target/karaf-distribution-*.tar.gz 2>/dev/null | head -1 || true)
if $BUILD || [ -z "$ARCHIVE" ]; then
    log "building the distribution (mvn install -DskipTests)"
    mvn -B -q ${MAVEN_ARGS:-} -Dmaven.repo.local="$MAVEN_REPO" install -DskipTests
    ARCHIVE=$(ls karaf-distribution/target/karaf-distribution-*.tar.gz | head -1)
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-http.XXXXXX")
KARAF_PID=""
cleanup() {
    if [ -n "$KARAF_PID" ] && kill -0 "$KARAF_PID" 2>/dev/null; then
        (cd "$KHOME" && bin/stop >/dev/null 2>&1) || true
        for _ in $(seq 60); do kill -0 "$KARAF_PID" 2>/dev/null || break; sleep 1; done
        kill -9 "$KARAF_PID" 2>/dev/null || true
    fi
    if $KEEP; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# --- the ceiling bundle: a trivial whiteboard servlet ---------------------------------------------------------------
jar_of() { # groupId-path artifactId version
    local f="$MAVEN_REPO/$1/$2/$3/$2-$3.jar"
    [ -f "$f" ] || mvn -B -q ${MAVEN_ARGS:-} -Dmaven.repo.local="$MAVEN_REPO" dependency:get \
        -Dartifact="$(echo "$1" | tr / .):$2:$3" >/dev/null
    echo "$f"
}
CP="$(jar_of org/osgi osgi.core 8.0.0):$(jar_of jakarta/servlet jakarta.servlet-api 4.0.4)"
mkdir -p "$WORK/ceiling/classes"
javac -d "$WORK/ceiling/classes" --release 11 -cp "$CP" "$ROOT"/bench/http/ceiling/bench/ceiling/*.java
cat > "$WORK/ceiling/MANIFEST.MF" <<EOF
Bundle-ManifestVersion: 2
Bundle-SymbolicName: bench.ceiling
Bundle-Version: 1.0.0
Bundle-Activator: bench.ceiling.CeilingActivator
Import-Package: javax.servlet;version="[3.1,5)",javax.servlet.http;version="[3.1,5)",org.osgi.framework;version="[1.8,2)"
EOF
jar cfm "$WORK/ceiling/bench-ceiling.jar" "$WORK/ceiling/MANIFEST.MF" -C "$WORK/ceiling/classes" .

# --- the distribution on free ports ---------------------------------------------------------------------------------
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
tar xzf "$ARCHIVE" -C "$WORK"
KHOME=$(find "$WORK" -mindepth 1 -maxdepth 1 -type d ! -name ceiling | head -1)
HTTP_PORT=$(free_port)
printf '\nsshPort = %s\n' "$(free_port)" >> "$KHOME/etc/org.apache.karaf.shell.cfg"
printf '\nrmiRegistryPort = %s\nrmiServerPort = %s\n' "$(free_port)" "$(free_port)" >> "$KHOME/etc/org.apache.karaf.management.cfg"
printf '\norg.osgi.service.http.port = %s\n' "$HTTP_PORT" >> "$KHOME/etc/org.ops4j.pax.web.cfg"
BENCH_PASSWORD="bench-$RANDOM$RANDOM"
printf '\nbench-editor = %s,member-editor,member:RL4\n' "$BENCH_PASSWORD" >> "$KHOME/etc/users.properties"
BASE="http://127.0.0.1:$HTTP_PORT"

status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE$1" || true; }
wait_for() { # path timeout-seconds -> seconds waited (fractional) on stdout
    local start=$(date +%s.%N) deadline=$(( $(date +%s) + $2 ))
    until [ "$(status_of "$1")" = 200 ]; do
        [ "$(date +%s)" -lt "$deadline" ] || { log "$1 not 200 within $2 s; see $KHOME/data/log/karaf.log"; KEEP=true; exit 1; }
        kill -0 "$KARAF_PID" 2>/dev/null || { log "Karaf exited; see $KHOME/karaf.out"; KEEP=true; exit 1; }
        sleep 0.1
    done
    echo "$(date +%s.%N) - $start" | bc
}
start_karaf() {
    (cd "$KHOME" && nohup bin/karaf server >>"$KHOME/karaf.out" 2>&1 &)
    for _ in $(seq 100); do
        KARAF_PID=$(pgrep -f -- "-Dkaraf.home=$KHOME " | head -1 || true)
        [ -n "$KARAF_PID" ] && break
        sleep 0.1
    done
}
rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$KARAF_PID/status"; }

log "starting $KHOME on port $HTTP_PORT"
T0=$(date +%s.%N)
start_karaf
wait_for /api/health 300 >/dev/null
START_S=$(echo "$(date +%s.%N) - $T0" | bc)
# Deployed once the boot is over: a bundle arriving in deploy/ during the boot features' installation can make
# Karaf refresh Jetty's bundles under it (seen here: "Error restarting bundles", no HTTP at all).
mkdir -p "$KHOME/deploy" && cp "$WORK/ceiling/bench-ceiling.jar" "$KHOME/deploy/"
wait_for /bench/ceiling 60 >/dev/null
wait_for /api/v1/members/RL4/plan 120 >/dev/null
RSS_BOOT=$(rss_mb)
log "up: /api/health 200 after ${START_S} s; resident ${RSS_BOOT} MB"
JVM_FLAGS=$(tr '\0' ' ' < "/proc/$KARAF_PID/cmdline" | grep -o -- '-Xm[sx][^ ]*\|-XX:+Use[A-Za-z]*GC' | tr '\n' ' ')

COOKIE=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' -H 'X-Requested-With: XMLHttpRequest' \
    --data "{\"user\":\"bench-editor\",\"password\":\"$BENCH_PASSWORD\"}" "$BASE/api/v1/session" \
    | tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(safety_session=[^;]*\).*/\1/p' | head -1)
[ -n "$COOKIE" ] || log "could not log the bench editor in: the @ routes will read as anonymous"

# --- wrk ----------------------------------------------------------------------------------------------------------
to_ms() { # wrk's "1.23ms" / "456.00us" / "1.20s" -> ms
    echo "$1" | awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) }
        else if (v ~ /m$/) { sub(/m$/,"",v); v*=60000 } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } printf "%.2f", v }'
}
WRK_OUT="$WORK/wrk.txt"
run_wrk() { # seconds route -> req/s on stdout; full output in $WRK_OUT
    local path=$1 args=()
    if [[ $2 == @* ]]; then path=${2#@}; args=(-H "Cookie: $COOKIE"); else path=$2; fi
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --latency "${args[@]}" "$BASE$path" > "$WRK_OUT" 2>&1
    awk '/^Requests\/sec:/ { printf "%d", $2 }' "$WRK_OUT"
}
within() { # a b -> true when they differ by at most TOLERANCE % of the larger
    awk -v a="$1" -v b="$2" -v t="$TOLERANCE" 'BEGIN { m = a > b ? a : b; d = a > b ? a - b : b - a; exit !(m > 0 && d * 100 <= t * m) }'
}
measure() { # route -> "rate p50 p99 non2xx warmups"
    local previous="" rate warm="" n=0
    while [ $n -lt "$MAX_WARM" ]; do
        rate=$(run_wrk "$WARM" "$1"); n=$((n + 1)); warm="$warm${warm:+ }$rate"
        if [ -n "$previous" ] && within "$previous" "$rate"; then break; fi
        previous=$rate
    done
    rate=$(run_wrk "$DURATION" "$1")
    local p50 p99 bad
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$WRK_OUT")")
    p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$WRK_OUT")")
    bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$WRK_OUT"); bad=${bad:-0}
    echo "$rate $p50 $p99 $bad $warm"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
declare -A RESULT
if ! $SOAK_ONLY; then
    log "ceiling (first)"
    read -r C1 C1P50 C1P99 C1BAD C1WARM <<<"$(measure /bench/ceiling)"
    for route in "${ROUTES[@]}"; do
        log "$route"
        RESULT[$route]=$(measure "$route")
    done
    log "ceiling (last)"
    read -r C2 C2P50 C2P99 C2BAD C2WARM <<<"$(measure /bench/ceiling)"
    CEILING=$(( (C1 + C2) / 2 ))
fi

# --- the memory run: every anonymous route in turn ----------------------------------------------------------------
SOAK_LINE=""
if [ "$SOAK" -gt 0 ]; then
    {
        echo 'local paths = {'
        for route in "${ROUTES[@]}"; do [[ $route == @* ]] || printf '  "%s",\n' "$route"; done
        echo '}'
        echo 'local i = 0'
        echo 'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end'
    } > "$WORK/soak.lua"
    log "memory run: ${SOAK} s of wrk -t$THREADS -c$CONNECTIONS over the anonymous routes"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$SOAK"s -s "$WORK/soak.lua" "$BASE" > "$WORK/soak.txt" 2>&1 &
    WRK_PID=$!
    SAMPLES=()
    while kill -0 "$WRK_PID" 2>/dev/null; do SAMPLES+=("$(rss_mb)"); sleep 10; done
    wait "$WRK_PID" || true
    SOAK_RATE=$(awk '/^Requests\/sec:/ { printf "%d", $2 }' "$WORK/soak.txt")
    SOAK_BAD=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$WORK/soak.txt"); SOAK_BAD=${SOAK_BAD:-0}
    SOAK_ERR=$(awk '/Socket errors:/ { sub(/^ *Socket errors: */, ""); print }' "$WORK/soak.txt"); SOAK_ERR=${SOAK_ERR:-none}
    MAX=0; for v in "${SAMPLES[@]}"; do [ "$v" -gt "$MAX" ] && MAX=$v; done
    AFTER_MIN=${SAMPLES[6]:-${SAMPLES[-1]}}
    SOAK_LINE=$(printf 'Memory run: %s s at %s req/s over %d anonymous routes; resident memory %s MB after boot, %s MB after the first minute, %s MB at most, %s MB at the end (samples every 10 s: %s); non-2xx %s; socket errors %s.' \
        "$SOAK" "$SOAK_RATE" "$(grep -c '^  "' "$WORK/soak.lua")" "$RSS_BOOT" "$AFTER_MIN" "$MAX" "$(rss_mb)" "${SAMPLES[*]}" "$SOAK_BAD" "$SOAK_ERR")
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
RSS_LOAD=$(rss_mb)

log "restarting"
(cd "$KHOME" && bin/stop >/dev/null 2>&1) || true
for _ in $(seq 120); do kill -0 "$KARAF_PID" 2>/dev/null || break; sleep 0.5; done
kill -9 "$KARAF_PID" 2>/dev/null || true
T0=$(date +%s.%N)
start_karaf
wait_for /api/health 300 >/dev/null
RESTART_S=$(echo "$(date +%s.%N) - $T0" | bc)

# --- report ---------------------------------------------------------------------------------------------------------
echo
echo "HTTP bench $(date -u +'%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores," \
    "load average $LOAD_BEFORE before, $LOAD_AFTER after; wrk -t$THREADS -c$CONNECTIONS, ${DURATION} s per route" \
    "after warm-up (${WARM} s runs until two are within ${TOLERANCE}%); JVM ${JVM_FLAGS:-defaults}."
if ! $SOAK_ONLY; then
echo
echo "| route | req/s | p50 ms | p99 ms | ratio to ceiling | non-2xx | warm-up runs (req/s) |"
echo "|---|---:|---:|---:|---:|---:|---|"
printf '| trivial servlet (ceiling, first) | %s | %s | %s | %s | %s | %s |\n' "$C1" "$C1P50" "$C1P99" \
    "$(awk -v a="$C1" -v c="$CEILING" 'BEGIN { printf "%.2f", a / c }')" "$C1BAD" "$C1WARM"
for route in "${ROUTES[@]}"; do
    read -r rate p50 p99 bad warm <<<"${RESULT[$route]}"
    name="\`GET ${route#@}\`"; [[ $route == @* ]] && name="$name (member editor)"
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$rate" "$p50" "$p99" \
        "$(awk -v a="$rate" -v c="$CEILING" 'BEGIN { printf "%.2f", a / c }')" "$bad" "$warm"
done
printf '| trivial servlet (ceiling, last) | %s | %s | %s | %s | %s | %s |\n' "$C2" "$C2P50" "$C2P99" \
    "$(awk -v a="$C2" -v c="$CEILING" 'BEGIN { printf "%.2f", a / c }')" "$C2BAD" "$C2WARM"
fi
echo
printf 'Start to /api/health 200: %.1f s; restart: %.1f s. Resident memory: %s MB after boot, %s MB after the load.\n' \
    "$START_S" "$RESTART_S" "$RSS_BOOT" "$RSS_LOAD"
[ -z "$SOAK_LINE" ] || { echo; echo "$SOAK_LINE"; }
