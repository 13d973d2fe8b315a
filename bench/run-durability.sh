#!/bin/sh
# What durable acknowledgements cost in write throughput (never part of mvn install): core's pledge-action write path
# on embedded H2 with WRITE_DELAY=500 (H2's default) and =0 (shipped), 1 and 4 threads, and the ratios.
# Usage: bench/run-durability.sh [seconds per run] [maven args]
set -e
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${1:-5}
[ $# -gt 0 ] && shift
mvn -B -q "$@" install -pl bench -am -DskipTests
mvn -B -q "$@" -pl bench -Pbench exec:exec -Dbench.main=uk.nhs.safety.bench.DurabilityBench -Dbench.rows="$SECONDS_PER_RUN"
