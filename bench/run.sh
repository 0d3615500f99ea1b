#!/usr/bin/env bash
# Candor against this machine's own limits, in one run (issue 8; README "Benchmarks"):
#   bash bench/run.sh
# Builds the packaged app (mvn -B package -DskipTests; SKIP_BUILD=1 reuses target/), compiles the bench
# against the app's jar and its lib/main (H2, the Vert.x mail client, BcryptUtil), seeds a fresh H2 file
# database under bench/target/work, runs every scenario and prints one table. About 15 minutes on 2 cores.
# Smaller runs: BENCH_APPS=100000 BENCH_BULK=2000 BENCH_BULK_RUNS=1 BENCH_RUNS=3 BENCH_STAGE_SECONDS=5 BENCH_REQUESTS=2000
# Other knobs: BENCH_CLIENTS (8), BENCH_BOARD_RUNS (30), BENCH_JVM_OPTS (the app's JVM options instead of the
# recommended ones), BENCH_WRITE_DELAY (H2 WRITE_DELAY, 0 as the app; 500 is H2's default), BENCH_H2_OPTIONS (appended to the database URL), BENCH_JFR=1 (a JFR recording per scenario
# under bench/target/work/jfr; summarise with bench/jfr-top.sh), BENCH_ONLY=stage,bulk (start, sweep, requests, stage,
# bulk, board: only those scenarios).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -B package -DskipTests
fi
app=target/quarkus-app
appjar=$(ls "$app"/app/*.jar | head -1)
cp="$appjar:$(ls "$app"/lib/main/*.jar | tr '\n' ':')"
rm -rf bench/target/classes && mkdir -p bench/target/classes
javac -nowarn -d bench/target/classes -cp "$cp" bench/src/bench/*.java
exec java -Xmx512m -cp "bench/target/classes:$cp" bench.Bench "$app/quarkus-run.jar" bench/target/work
