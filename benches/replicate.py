#!/usr/bin/env python3
"""Replicate the AllSides corpus N times with new ids, URLs and dates, as JSON Lines files.

    python3 benches/replicate.py SRC_DIR OUT_DIR N

Copy k (0-based) of every article gets ID "<ID>-k", URL "<url>#copy-k" and its date moved k*397
days later (k = 0 is the original). Text is kept as written: the copies are the same statements
reported again, as syndicated wire copy is. Used by the query and ingest benchmarks only.
"""
import datetime
import glob
import json
import os
import sys

src, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sorted(glob.glob(os.path.join(src, "**", "*.json"), recursive=True))
arts = []
for f in files:
    try:
        with open(f, encoding="utf-8") as fh:
            arts.append(json.load(fh))
    except (OSError, ValueError):
        continue
os.makedirs(out, exist_ok=True)
per_file = 1000
for k in range(n):
    d = os.path.join(out, f"copy-{k:02d}")
    os.makedirs(d, exist_ok=True)
    for start in range(0, len(arts), per_file):
        with open(os.path.join(d, f"part-{start // per_file:03d}.jsonl"), "w", encoding="utf-8") as fh:
            for a in arts[start:start + per_file]:
                b = dict(a)
                b["ID"] = f"{a.get('ID', '')}-{k}"
                b["url"] = f"{a.get('url', '')}#copy-{k}"
                try:
                    day = datetime.date.fromisoformat(str(a.get("date", ""))[:10])
                    b["date"] = (day + datetime.timedelta(days=397 * k)).isoformat()
                except ValueError:
                    pass
                fh.write(json.dumps(b, ensure_ascii=False) + "\n")
print(f"{len(arts)} articles x {n} copies -> {out}")
