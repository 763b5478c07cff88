#!/usr/bin/env bash
# Load test of `whosaid serve` from a second process: indexes AllSides, serves it on a free
# loopback port, and runs wrk for 30 s (bounded; it stops by itself) with 16 connections over a
# mix of search, who, timeline, facets and statement requests. Prints requests/s, p50/p99 latency
# and errors; exits non-zero on any error (socket error, timeout or non-2xx answer).
# Usage, from the project's root: benches/serve_load.sh [SHARED]   (needs wrk; .ci/run installs it)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${1:-${SHARED:-../shared}}
BIN=${WHOSAID:-target/release/whosaid}
DURATION=${DURATION:-30s}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -x "$BIN" ] || cargo build --release -q

work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$BIN" index --index "$work/idx" "$SHARED/corpora/allsides-article-bias" 2>&1 | tail -1
"$BIN" serve --index "$work/idx" --addr 127.0.0.1:0 >"$work/url" 2>"$work/log" &
server=$!
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
url=$(head -1 "$work/url")
[ -n "$url" ] || { echo "server did not start:"; cat "$work/log"; exit 1; }
url=${url%/}

# The mix: what a newsroom page asks (each search also draws a timeline), plus statement pages.
{
  for q in immigration '%22health+care%22' 'tax+AND+cuts' 'climate+change' 'border+wall' \
           'speaker:trump' 'impeachment' '%22supreme+court%22' 'economy+jobs' 'russia'; do
    echo "/api/search?q=$q"
    echo "/api/timeline?q=$q"
  done
  echo "/api/who?q=immigration"
  echo "/api/who?q=%22health+care%22&per_speaker=3"
  echo "/api/who?q=*&by=org"
  echo "/api/facets?q=election"
  echo "/api/search?q=election&since=2016-01-01&until=2016-12-31&sort=date"
  echo "/api/search?q=senate&offset=20&limit=20"
  curl -sf "$url/api/search?q=president&limit=10" |
    python3 -c 'import json,sys; [print("/api/statement/" + h["id"]) for h in json.load(sys.stdin)["hits"]]'
} >"$work/targets"
echo "$(wc -l <"$work/targets") request targets, $DURATION, 2 wrk threads, 16 connections"

WHOSAID_TARGETS="$work/targets" wrk -t2 -c16 -d"$DURATION" --timeout 5s --latency \
  -s benches/serve_load.lua "$url" | tee "$work/wrk.txt"

rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
errors=0
if grep -qE 'Socket errors|Non-2xx' "$work/wrk.txt"; then errors=1; fi
echo "serve load: $rps requests/s, p50 $p50, p99 $p99, errors: $([ $errors = 0 ] && echo none || grep -E 'Socket errors|Non-2xx' "$work/wrk.txt")"
[ "$errors" = 0 ]
