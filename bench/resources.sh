#!/usr/bin/env bash
# Memory and CPU of one Candor instance under load, for the resources in deploy/candor.yaml.
# Starts the packaged app (embedded profile: H2 file database and demo data under bench/target/resources)
# with the heap and the CPU count the container gets (JAVA_MAX_MEM_RATIO=50 of the 512Mi limit, cpu limit 1),
# signs in as the demo recruiter, drives the recruiter pages and the API with wrk (apt-get install -y wrk)
# for DURATION after a warm-up, and prints VmRSS / VmHWM from /proc and the heap from jcmd: idle, after the
# load, after a full GC. 16 connections keep one CPU saturated: the figures are those of a busy pod.
# Usage: SKIP_BUILD=1 bash bench/resources.sh   (PORT=18480, DURATION=180s, HEAP=256m, CPUS=1)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18480}
DURATION=${DURATION:-180s}
HEAP=${HEAP:-256m}
CPUS=${CPUS:-1}
if [ "${SKIP_BUILD:-0}" != "1" ]; then
  mvn -B package -DskipTests
fi
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
dir=bench/target/resources
rm -rf "$dir" && mkdir -p "$dir"
jar=$(pwd)/target/quarkus-app/quarkus-run.jar
(cd "$dir" && exec java -Xmx"$HEAP" -XX:+UseParallelGC -XX:ActiveProcessorCount="$CPUS" -Dquarkus.profile=embedded \
  -Dquarkus.http.port="$PORT" -jar "$jar" >app.log 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
  sleep 1
done
# The java process (the subshell exec'd into it).
mem() { echo "$1: $(grep -E '^(VmRSS|VmHWM)' /proc/$pid/status | tr -s ' \t' ' ' | tr '\n' ' ')"; }
heap() { jcmd "$pid" GC.heap_info | grep -E 'PSYoungGen|ParOldGen|Metaspace' | sed "s/^ */$1 heap: /" || true; }
mem "idle after start"
heap "idle"

# A recruiter's session (form login), so that page requests are not each a password hash.
jar_cookies="$dir/cookies"
curl -s -c "$jar_cookies" -o /dev/null "http://127.0.0.1:$PORT/login"
curl -s -b "$jar_cookies" -c "$jar_cookies" -o /dev/null -d 'j_username=rita&j_password=sunny-walnut-ledger' "http://127.0.0.1:$PORT/j_security_check"
session=$(awk '$6 == "candor-session" {print $7}' "$jar_cookies")
[ -n "$session" ] || { echo "sign-in failed" >&2; exit 1; }
basic=$(printf 'rita:sunny-walnut-ledger' | base64)
cat >"$dir/mix.lua" <<LUA
-- Pages with the session cookie; one request in ten is an API call with HTTP Basic (a password check each).
local pages = {"/board", "/requisitions", "/requisitions/1", "/applications/1", "/requisitions/2", "/candidates/1"}
local api = {"/api/board?scope=mine&page=1", "/api/requisitions/1/applications", "/api/applications/1/messages"}
local n = 0
request = function()
  n = n + 1
  if n % 10 == 0 then
    return wrk.format("GET", api[(n / 10) % #api + 1], {["Authorization"] = "Basic $basic"})
  end
  return wrk.format("GET", pages[n % #pages + 1], {["Cookie"] = "candor-session=$session"})
end
LUA
# Warm-up (JIT), not counted.
wrk -t2 -c8 -d20s -s "$dir/mix.lua" "http://127.0.0.1:$PORT" >/dev/null
cpu_before=$(awk '{print $14 + $15}' /proc/$pid/stat)
wrk -t2 -c16 -d"$DURATION" --latency -s "$dir/mix.lua" "http://127.0.0.1:$PORT" | tee "$dir/wrk.txt"
cpu_after=$(awk '{print $14 + $15}' /proc/$pid/stat)
echo "CPU: $(( (cpu_after - cpu_before) / $(getconf CLK_TCK) ))s of CPU time over $DURATION of load"
mem "after load"
heap "after load"
jcmd "$pid" GC.run >/dev/null
heap "after full GC"
grep -c ' 200 ' "$dir/app.log" | sed 's/^/access log lines with 200: /' || true
grep -cE '" (4|5)[0-9][0-9] ' "$dir/app.log" | sed 's/^/access log lines with 4xx or 5xx: /' || true
