#!/usr/bin/env bash
# Candor against this machine's own limits, in one run (issue 8; docs/benchmarks.md):
#   bash bench/run.sh                       # H2: the embedded profile on a fresh H2 file database
#   BENCH_DB=postgresql bash bench/run.sh   # PostgreSQL (issue 24): a throw-away cluster, the production profile
# Builds the packaged app (mvn -B clean package -DskipTests: clean, or a file deleted from the sources would still be
# in target/classes and in the jar; with -Ppostgresql for PostgreSQL; SKIP_BUILD=1 reuses target/,
# which must then hold a build for the same database), compiles the bench against the app's jar and its lib/main (H2 and
# PostgreSQL's drivers, the Vert.x mail client, BcryptUtil), seeds the database, runs every scenario and prints one table.
# H2's files live under bench/target/work. With BENCH_DB=postgresql this script starts its own PostgreSQL as .ci/run
# does (Debian's binaries under /usr/lib/postgresql/*/bin, as the postgres OS user when run as root, 127.0.0.1 on the
# first free port from 55600, a temporary directory), creates role candor/candor and database candor_bench, and stops
# and removes the cluster on exit. BENCH_PG_OPTIONS adds server settings ("-c shared_buffers=512MB ..."); the default is
# the stock configuration. About 15 minutes on 2 cores.
# Smaller runs: BENCH_APPS=100000 BENCH_BULK=2000 BENCH_BULK_RUNS=1 BENCH_RUNS=3 BENCH_STAGE_SECONDS=5 BENCH_REQUESTS=2000
# Other knobs: BENCH_CLIENTS (8), BENCH_BOARD_RUNS (30), BENCH_JVM_OPTS (the app's JVM options instead of the
# recommended ones), BENCH_WRITE_DELAY (H2 WRITE_DELAY, 0 as the app; 500 is H2's default), BENCH_H2_OPTIONS (appended to the database URL;
# one naming QUERY_CACHE_SIZE replaces the app's 64), BENCH_JFR=1 (a JFR recording per scenario
# under bench/target/work/jfr; summarise with bench/jfr-top.sh), BENCH_ONLY=stage,bulk (start, sweep, requests, stage,
# bulk, board: only those scenarios), BENCH_AOT_JAVA=/path/to/jdk-25/bin/java (the production image's configuration
# too: a flat class path, packaged as well, on that JVM with its AOT cache; start-up and RSS after the requests),
# BENCH_AOT_OPTS (options added to that JVM's starts only, e.g. ones JDK 17 does not know), BENCH_RSS_RUNS (3: fresh
# starts of that configuration for its RSS after the requests, the row their median).
set -euo pipefail
cd "$(dirname "$0")/.."

db=${BENCH_DB:-h2}
case "$db" in
  h2) build_flags=() ;;
  postgresql) build_flags=(-Ppostgresql) ;;
  *) echo "BENCH_DB must be h2 or postgresql, not '$db'" >&2; exit 2 ;;
esac

app=target/quarkus-app
# The packaged jar's database is fixed at build time: remember which one target/ holds, so that SKIP_BUILD=1 cannot
# run the H2 bench on a PostgreSQL build or the other way round.
built_for="$app/.bench-db"
# BENCH_AOT_JAVA (a JDK 25's java): the production image's configuration too, which needs the jar with a flat class path
# (a legacy-jar: JDK 25's AOT cache links ahead of time only the classes of the JVM's own class loaders, and the
# fast-jar loads the libraries through Quarkus's). Packaged first and kept under bench/target/flat, since the fast-jar's
# build cleans target/.
flat=bench/target/flat
if [ -n "${BENCH_AOT_JAVA:-}" ] && [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -B clean package -DskipTests -Dquarkus.package.jar.type=legacy-jar "${build_flags[@]}"
  rm -rf "$flat" && mkdir -p "$flat"
  mv target/*-runner.jar target/lib "$flat/"
fi
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -B clean package -DskipTests "${build_flags[@]}"
  echo "$db" >"$built_for"
  if [ -d "$flat" ]; then
    if [ -n "${BENCH_AOT_JAVA:-}" ]; then echo "$db" >"$flat/.bench-db"; else rm -rf "$flat"; fi
  fi
elif [ -f "$built_for" ] && [ "$(cat "$built_for")" != "$db" ]; then
  echo "SKIP_BUILD=1, but this script packaged $app for BENCH_DB=$(cat "$built_for"), not $db: build it once without SKIP_BUILD." >&2
  exit 2
fi
if [ -n "${BENCH_AOT_JAVA:-}" ]; then
  if [ "$(cat "$flat/.bench-db" 2>/dev/null)" != "$db" ]; then
    echo "BENCH_AOT_JAVA with SKIP_BUILD=1, but $flat holds no flat-class-path build for BENCH_DB=$db: build it once without SKIP_BUILD." >&2
    exit 2
  fi
  BENCH_FLAT_JAR=$(ls "$flat"/*-runner.jar | head -1)
  export BENCH_FLAT_JAR
fi
appjar=$(ls "$app"/app/*.jar | head -1)
cp="$appjar:$(ls "$app"/lib/main/*.jar | tr '\n' ':')"
rm -rf bench/target/classes && mkdir -p bench/target/classes
javac -nowarn -d bench/target/classes -cp "$cp" bench/src/bench/*.java

if [ "$db" = "h2" ]; then
  exec java -Xmx512m -cp "bench/target/classes:$cp" bench.Bench "$app/quarkus-run.jar" bench/target/work
fi

# --- PostgreSQL: a throw-away cluster of our own, as .ci/run starts one ---
PG_BIN=""
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
  if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then PG_BIN="$dir"; fi
done
if [ -z "$PG_BIN" ]; then
  echo "no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql)" >&2
  exit 1
fi

# PostgreSQL refuses to run as root: initdb and pg_ctl run as the postgres OS user then.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PG_PORT=55600
while port_in_use "$PG_PORT"; do
  PG_PORT=$((PG_PORT + 1))
  if [ "$PG_PORT" -gt 55700 ]; then
    echo "no free port between 55600 and 55700" >&2
    exit 1
  fi
done

PG_DIR="$(mktemp -d /tmp/candor-bench-pg.XXXXXX)"
PG_DATA="$PG_DIR/data"
PG_LOG="$PG_DIR/postgres.log"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_DIR"; fi
chmod 700 "$PG_DIR"

PG_STARTED=0
cleanup() {
  if [ "$PG_STARTED" -eq 1 ]; then
    echo "== stopping the bench's PostgreSQL" >&2
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== PostgreSQL for the bench: $PG_BIN, 127.0.0.1:$PG_PORT, $PG_DATA" >&2
as_pg "$PG_BIN/initdb" -D "$PG_DATA" --encoding=UTF8 --no-locale \
  --auth-local=peer --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 \
  || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
# With BENCH_JFR=1 the server counts what each statement cost (pg_stat_statements): the JVM's profile cannot see
# inside PostgreSQL, so the bench saves the server's side of each profiled scenario beside its recording.
pg_profile=""
if [ "${BENCH_JFR:-0}" = "1" ]; then
  pg_profile="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on"
fi
# shellcheck disable=SC2086 # BENCH_PG_OPTIONS is a list of server options
if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$PG_DIR $pg_profile ${BENCH_PG_OPTIONS:-}" start >/dev/null; then
  echo "PostgreSQL did not start; its log:" >&2
  cat "$PG_LOG" >&2 || true
  exit 1
fi
PG_STARTED=1
as_pg "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -d postgres -X -q -v ON_ERROR_STOP=1 \
  -c "create role candor login password 'candor'" \
  -c "create database candor_bench owner candor"
if [ -n "$pg_profile" ]; then
  as_pg "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -d candor_bench -X -q -v ON_ERROR_STOP=1 \
    -c "create extension pg_stat_statements" \
    -c "grant execute on function pg_stat_statements_reset to candor"
fi

# Not exec: the trap stops and removes the cluster when the bench ends.
BENCH_DB=postgresql BENCH_PG_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/candor_bench" \
  java -Xmx512m -cp "bench/target/classes:$cp" bench.Bench "$app/quarkus-run.jar" bench/target/work
