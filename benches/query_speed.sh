#!/usr/bin/env bash
# Query speed on >= 1,000,000 statements: builds the archive (AllSides x7, new ids and dates) and
# its index once under $WORK (default /tmp/whosaid-bench), then runs benches/query_speed.rs,
# which times search/who in process and rg over the same raw archive.
#   benches/query_speed.sh            (from the project's root; needs ../shared and rg)
set -euo pipefail
SHARED=${SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}
WORK=${WORK:-/tmp/whosaid-bench}
COPIES=${COPIES:-7}
command -v rg >/dev/null || { echo "query_speed: needs rg (apt-get install ripgrep)"; exit 2; }
cargo build --release -q
W=target/release/whosaid
if [ ! -d "$WORK/x$COPIES" ]; then
  python3 benches/replicate.py "$SHARED/corpora/allsides-article-bias" "$WORK/x$COPIES" "$COPIES"
fi
if [ ! -f "$WORK/idx$COPIES/whosaid.json" ]; then
  "$W" index "$WORK/x$COPIES" --index "$WORK/idx$COPIES" --quiet || true
fi
WHOSAID_BENCH_INDEX="$WORK/idx$COPIES" WHOSAID_BENCH_ARCHIVE="$WORK/x$COPIES" \
  cargo bench -q --bench query_speed
