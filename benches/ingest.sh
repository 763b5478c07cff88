#!/usr/bin/env bash
# Ingest throughput and memory, in one run, printed as figures and ratios:
#   1. whosaid index of AllSides (JSON -> searchable, committed) against tantivy-cli indexing the
#      very same statements (whosaid export --ndjson) with an equivalent schema, both on all cores;
#      then a second whosaid index run over the unchanged archive (incremental);
#   2. articles/s and MB/s for BBC, AllSides and AllSides replicated 4x and 16x (new ids, dates);
#   3. peak RSS of whosaid index for 1x, 4x and 16x AllSides (target <= 600 MB at 16x); the
#      scale rows all read replicate.py's output, so only the archive's size changes.
# Needs ../shared, python3 and tantivy-cli (`cargo install tantivy-cli`, or TANTIVY_CLI=path).
# Usage, from the project's root: benches/ingest.sh   (WORK=/tmp/whosaid-bench by default)
set -euo pipefail
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}
WORK=${WORK:-/tmp/whosaid-bench}
TC=${TANTIVY_CLI:-$(command -v tantivy || true)}
cargo build --release -q
W=$PWD/target/release/whosaid
mkdir -p "$WORK"
A="$SHARED/corpora/allsides-article-bias"
now() { date +%s.%N; }
rss() { # peak RSS in MB and wall seconds of a command; its stderr's last lines kept in $WORK/last.err
  /usr/bin/time -f "%M %e" -o "$WORK/time.txt" "$@" 2>"$WORK/last.err" >/dev/null || true
  read -r kb secs <"$WORK/time.txt"; echo "$((kb / 1024)) $secs"
}
echo "== 1. whosaid vs tantivy-cli on the same statements (AllSides)"
rm -rf "$WORK/as"
read -r mb1 full < <(rss "$W" index "$A" --index "$WORK/as")
grep -E "articles/s" "$WORK/last.err" || true
read -r _ again < <(rss "$W" index "$A" --index "$WORK/as")
"$W" export --ndjson --index "$WORK/as" >"$WORK/as.ndjson" 2>/dev/null
if [ -x "$TC" ]; then
  rm -rf "$WORK/tc"; python3 "$SHARED/tools/tantivy_cli_schema.py" "$WORK/as.ndjson" "$WORK/tc" >/dev/null
  t0=$(now); "$TC" index -i "$WORK/tc" -f "$WORK/as.ndjson" -t "$(nproc)" >"$WORK/tc.log" 2>&1; t1=$(now)
  failed=$(grep -c "Failed to add" "$WORK/tc.log" || true)
  python3 -c "import sys; f,a,t0,t1,bad=map(float,sys.argv[1:]); tc=t1-t0; print(f'whosaid {f:.1f}s, tantivy-cli {tc:.1f}s ({int(bad)} documents refused): ratio {f/tc:.2f} [target <= 1.25]; re-index unchanged {a:.2f}s = {a/f:.1%} of the first run [target <= 5%]')" "$full" "$again" "$t0" "$t1" "$failed"
else
  echo "tantivy-cli not found (cargo install tantivy-cli, or TANTIVY_CLI=path): no ratio"
fi
echo "== 2. throughput"
rm -rf "$WORK/bbc"; read -r _ _ < <(rss "$W" index "$SHARED/corpora/bbc" --index "$WORK/bbc")
echo "BBC:          $(grep -E 'articles/s' "$WORK/last.err")"
echo "AllSides as published (9,001 files): peak RSS ${mb1} MB"
# The scale rows all read the same shape of input (12 MB JSON Lines files from replicate.py), so
# that what changes between them is the archive's size alone.
for n in 1 4 16; do
  [ -d "$WORK/x$n" ] || python3 benches/replicate.py "$A" "$WORK/x$n" "$n" >/dev/null
  rm -rf "$WORK/idx$n"
  read -r mb secs < <(rss "$W" index "$WORK/x$n" --index "$WORK/idx$n")
  echo "AllSides ${n}x: $(grep -E 'articles/s' "$WORK/last.err"); peak RSS ${mb} MB"
  rm -rf "$WORK/idx$n"
done
echo "== 3. peak RSS target: <= 600 MB at 16x (default --memory 400)"
