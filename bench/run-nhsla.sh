#!/bin/sh
# Runs the NHS LA import/profile benchmark (never part of mvn install). Usage: bench/run-nhsla.sh [rows] [maven args]
# e.g. bench/run-nhsla.sh 1000000 -Dmaven.repo.local=/path/to/repo
set -e
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
[ $# -gt 0 ] && shift
mvn -B -q "$@" install -pl bench -am -DskipTests
mvn -B -q "$@" -pl bench -Pbench exec:exec -Dbench.rows="$ROWS"
