#!/usr/bin/env bash
# The closure watch at scale: builds the app (unless SKIP_BUILD=1), seeds 1 000 000 applications into a
# fresh H2 file database under bench/target/closure, and prints the sweep's and the board's figures.
# Usage: bash bench/closure.sh [applications]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -B package -DskipTests
fi
h2=$(ls target/quarkus-app/lib/main/com.h2database.h2-*.jar | head -1)
exec java -cp "$h2" bench/ClosureBench.java target/quarkus-app/quarkus-run.jar bench/target/closure "${1:-1000000}"
