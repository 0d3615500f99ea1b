#!/usr/bin/env bash
# Summarises a JFR recording's CPU samples (jdk.ExecutionSample): the top frames where the time is spent
# (self), and the methods most often on the stack (inclusive) among those matching a pattern.
# Usage: [JFR_EVENT=jdk.NativeMethodSample] bash bench/jfr-top.sh bench/target/work/jfr/stage-change.jfr [top=15] [pattern='app\.candor|org\.h2\.command|BCrypt|bcrypt']
set -euo pipefail
file=$1
top=${2:-15}
pattern=${3:-'app\.candor|org\.postgresql\.core|org\.h2\.(command|mvstore\.MVMap|engine\.SessionLocal)|[Bb][Cc]rypt|org\.hibernate\.(engine|event|sql)|io\.quarkus\.mailer|io\.vertx\.ext\.mail|freemarker|qute'}
# JFR_EVENT=jdk.NativeMethodSample: the threads waiting in native code instead (e.g. a socket read for PostgreSQL's answer).
event=${JFR_EVENT:-jdk.ExecutionSample}
jfr print --events "$event" --stack-depth 128 "$file" | awk -v top="$top" -v pattern="$pattern" -v event="$event" '
  $0 ~ "^" event { n++; depth = -1; delete seen; next }
  /stackTrace = \[/ { depth = 0; next }
  depth >= 0 && /^[[:space:]]*\]/ { depth = -1; next }
  depth >= 0 {
    frame = $0; sub(/^[[:space:]]+/, "", frame); sub(/[[:space:]]+line:.*$/, "", frame)
    if (frame == "...") next
    if (depth == 0) self[frame]++
    method = frame; sub(/\(.*$/, "", method)
    if (method ~ pattern && !(method in seen)) { seen[method] = 1; incl[method]++ }
    depth++
  }
  END {
    printf "%d samples\n\nself (top frame):\n", n
    for (f in self) printf "%6.1f%%  %s\n", 100 * self[f] / n, f | "sort -rn | head -" top
    close("sort -rn | head -" top)
    printf "\ninclusive (on the stack), matching %s:\n", pattern
    for (m in incl) printf "%6.1f%%  %s\n", 100 * incl[m] / n, m | "sort -rn | head -" top
  }'
