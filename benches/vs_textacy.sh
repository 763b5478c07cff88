#!/usr/bin/env bash
# Extraction speed and quality, whosaid against the textacy+spaCy peer, on the same files in
# one run: PolNeAR dev (84 articles). Prints MB/s of each, the speed ratio, and the scorer's
# summary line for each. Needs ../shared; sets up the peer with ../shared/peers/setup-textacy.sh
# (PyPI only) into $PEER_DIR. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
PEER_DIR=${PEER_DIR:-${TMPDIR:-/tmp}/textacy-peer}
GOLD="$SHARED/gold/polnear/dev"
W=target/release/whosaid
[ -x "$W" ] || cargo build --release -q
[ -x "$PEER_DIR/venv/bin/python" ] || sh "$SHARED/peers/setup-textacy.sh" "$PEER_DIR"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bytes=$(cat "$GOLD"/text/*.txt | wc -c)
now() { python3 -c 'import time; print(time.perf_counter())'; }

t0=$(now)
"$PEER_DIR/venv/bin/python" "$SHARED/peers/textacy_quotes.py" --ner-speaker "$GOLD/text" > "$tmp/peer.jsonl" 2>"$tmp/peer.err"
t1=$(now)
# whosaid is fast enough that one pass is below timer noise: repeat it and take the mean.
reps=20
for _ in $(seq $reps); do "$W" extract --json "$GOLD/text" > "$tmp/whosaid.jsonl"; done
t2=$(now)

python3 "$SHARED/tools/score_quotes.py" adapt-textacy "$tmp/peer.jsonl" "$tmp/peer.pred.jsonl" >/dev/null 2>&1
python3 - "$bytes" "$t0" "$t1" "$t2" "$reps" <<'PY'
import sys
b, t0, t1, t2, reps = int(sys.argv[1]), *map(float, sys.argv[2:5]), int(sys.argv[5])
peer = t1 - t0
ours = (t2 - t1) / reps
print(f"input: {b/1e6:.2f} MB (PolNeAR dev, 84 articles)")
print(f"textacy+spaCy: {peer:.2f} s  {b/1e6/peer:.3f} MB/s (including model load)")
print(f"whosaid:       {ours:.4f} s  {b/1e6/ours:.1f} MB/s (whole process: start, read, extract, write JSON)")
print(f"ratio:         {peer/ours:.0f}x faster")
PY
echo "textacy: $(python3 "$SHARED/tools/score_quotes.py" --gold "$GOLD" --pred "$tmp/peer.pred.jsonl" 2>/dev/null | tail -1)"
echo "whosaid: $(python3 "$SHARED/tools/score_quotes.py" --gold "$GOLD" --pred "$tmp/whosaid.jsonl" 2>/dev/null | tail -1)"
