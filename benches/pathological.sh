#!/usr/bin/env bash
# Times `whosaid extract` on 10 MB of hostile input of each kind (issue 3: each under 2 s, no
# panic). A benchmark, not a test: it prints the times and flags any input over the budget.
set -euo pipefail
cd "$(dirname "$0")/.."
W=target/release/whosaid
[ -x "$W" ] || cargo build --release -q
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import random, sys
d = sys.argv[1] + "/"
M = 10 * 1024 * 1024
random.seed(7)
inputs = {
    "quote-marks": '"' * M,
    "curly-quotes": "“" * (M // 3),
    "apostrophes": "'" * M,
    "no-spaces": "abc.def" * (M // 7),
    "periods": "." * M,
    "unmatched-openers": " ".join(["“said he"] * 100_000),
    "control-chars": "".join(chr(random.randrange(1, 32)) for _ in range(M)),
    "right-to-left": "قال الوزير \"نحن مستعدون\" للتفاوض. " * (M // 60),
    "cue-storm": 'He said, "said said said" ' * (M // 27),
    "name-storm": " ".join(f"Ann{i} Lee{i} said she would. He said \"no.\"" for i in range(M // 45)),
}
for name, text in inputs.items():
    open(d + name + ".txt", "w").write(text)
PY
worst=0
printf '%-20s %8s %8s %10s\n' input MB seconds peak_MB
for f in "$dir"/*.txt; do
  mb=$(python3 -c "import os,sys; print(f'{os.path.getsize(sys.argv[1])/1e6:.1f}')" "$f")
  /usr/bin/time -o "$dir/time" -f '%e %M' "$W" extract "$f" > /dev/null 2>&1 || true
  out=$(tail -1 "$dir/time")
  secs=${out% *}; kb=${out#* }
  printf '%-20s %8s %8s %10s\n' "$(basename "$f" .txt)" "$mb" "$secs" "$((kb / 1024))"
  worst=$(python3 -c "print(max($worst, $secs))")
done
echo "slowest: ${worst}s (budget 2 s per input)"
