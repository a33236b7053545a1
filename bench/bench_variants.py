"""Spelling-variant grouping on a category column with 4,000 distinct labels.

    python bench/bench_variants.py [--before DIR]

100,000 cells over 4,000 generated labels (Zipf-like counts, 10% of labels
also present as a rare one-letter typo), grouped with
``icp.variants.find_groups`` in a fresh process per tree; CPU seconds of the
call alone, and whether both trees give the same grouping.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROBE = """
import json, random, sys, time
import pandas as pd
from icp.variants import find_groups
rng = random.Random(5)
letters = "abcdefghijklmnopqrstuvwxyz"
labels = ["".join(rng.choice(letters) for _ in range(rng.randint(5, 14))) for _ in range(3600)]
cells = []
for i, w in enumerate(labels):
    cells += [w] * max(1, int(2000 / (i + 1) ** 0.8))
    if i % 9 == 0:
        j = rng.randrange(len(w) - 1)
        cells.append(w[:j] + w[j + 1] + w[j] + w[j + 2:])
cells = (cells * (100_000 // len(cells) + 1))[:100_000]
s = pd.Series(cells, dtype=object)
t0 = time.process_time()
groups = find_groups(s)
print(json.dumps({"cpu": time.process_time() - t0, "labels": int(s.nunique()),
                  "groups": sorted(groups.items())}))
"""


def _run(tree: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=tree, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before", type=Path)
    args = ap.parse_args()
    now = _run(ROOT)
    n = len(now["groups"])
    print(f"this tree: {now['cpu']:.2f} s CPU, {now['labels']} labels, {n} grouped")
    if args.before:
        then = _run(args.before)
        print(f"before:    {then['cpu']:.2f} s CPU, {len(then['groups'])} grouped")
        print("same grouping" if then["groups"] == now["groups"] else "GROUPINGS DIFFER")


if __name__ == "__main__":
    main()
