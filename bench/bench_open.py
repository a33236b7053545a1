"""Issue 16's two "open" rows, end to end: a 100k-row CSV whose category column has
~4,000 labels, and a 3,000-column × 100-row sheet.

    python bench/bench_open.py [--rounds 3] [--before DIR]

Each tree runs in a fresh process (trees alternate per round); inside it, one untimed
open of the same file first (lazy imports, as in a running app server), then the timed
one: ``icp.dataset.open_dataset`` (read, header, cleaning and typing, spelling-variant
grouping) and, for the CSV, ``icp.analysis.run`` on the result — what the app does
before it can show the Data and Best customers pages. Times are CPU seconds of the
process (user + sys) and wall seconds of each call. The baseline, in the same rounds:
``pandas.read_csv`` (pyarrow engine) / ``pandas.read_excel`` (calamine) of the same
file, which reads but neither types nor groups anything. Both trees must give the same
data set (column names, dtypes and a digest of the values), or the script says so.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import string
import subprocess
import sys
from pathlib import Path

from common import OUT, ROOT, written_once

LABELS_CSV = OUT / "labels_100k.csv"
WIDE_XLSX = OUT / "wide_3000.xlsx"


def _labels(rng: random.Random) -> list[str]:
    """100,000 industry cells over ~4,000 labels: Zipf-like counts, every ninth label
    also present once as a one-letter swap (a typo the grouping should catch)."""
    letters = string.ascii_lowercase
    words = [
        "".join(rng.choice(letters) for _ in range(rng.randint(5, 14))).capitalize()
        for _ in range(3600)
    ]
    cells: list[str] = []
    for i, w in enumerate(words):
        cells += [w] * max(1, int(2000 / (i + 1) ** 0.8))
        if i % 9 == 0:
            j = rng.randrange(len(w) - 2) + 1
            cells.append(w[:j] + w[j + 1] + w[j] + w[j + 2 :])
    cells = (cells * (100_000 // len(cells) + 1))[:100_000]
    rng.shuffle(cells)
    return cells


def make_labels_csv() -> Path:
    def write(tmp: Path) -> None:
        rng = random.Random(16)
        industries = _labels(rng)
        with tmp.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(
                ["Company", "Industry", "Employees", "Deal value", "Sales cycle (days)",
                 "Status", "Signed", "Region", "Notes"]
            )  # fmt: skip
            for i, industry in enumerate(industries):
                w.writerow(
                    [
                        f"Company {i}",
                        industry,
                        rng.randint(5, 5000),
                        f"${rng.randint(1, 900) * 100:,}",
                        rng.randint(5, 400),
                        rng.choice(["Won", "Lost", "Open"]),
                        f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                        rng.choice(["North", "South", "East", "West", "华东", "华南"]),
                        "referred by a partner" if i % 4 == 0 else "",
                    ]
                )

    return written_once(LABELS_CSV, write)


def make_wide_xlsx() -> Path:
    """100 rows × 3,000 columns: a name, then numbers, categories, dates and money text."""

    def write(tmp: Path) -> None:
        import datetime as dt

        from openpyxl import Workbook

        rng = random.Random(3000)
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Customers")
        kinds = ["num", "cat", "date", "money", "text"]
        ws.append(["Company"] + [f"{kinds[c % 5]}_{c}" for c in range(1, 3000)])
        for r in range(100):
            row: list[object] = [f"Company {r}"]
            for c in range(1, 3000):
                kind = kinds[c % 5]
                if kind == "num":
                    row.append(rng.randint(0, 10_000))
                elif kind == "cat":
                    row.append(rng.choice(["A", "B", "C", "制造业", "零售"]))
                elif kind == "date":
                    row.append(dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 700)))
                elif kind == "money":
                    row.append(f"{rng.randint(1, 90)}万")
                else:
                    row.append(rng.choice(["yes", "no", "N/A", ""]))
            ws.append(row)
        wb.save(tmp)

    return written_once(WIDE_XLSX, write)


_PROBE = r"""
import hashlib, json, os, sys, time
import pandas as pd
path, what = sys.argv[1], sys.argv[2]

def cpu():
    t = os.times()
    return t.user + t.system

def digest(df):
    h = hashlib.sha256()
    h.update(json.dumps([[str(c), str(t)] for c, t in df.dtypes.items()]).encode())
    h.update(pd.util.hash_pandas_object(df.astype(str), index=False).values.tobytes())
    return h.hexdigest()[:16]

if what == "baseline":
    read = (lambda: pd.read_csv(path, engine="pyarrow")) if path.endswith(".csv") else (
        lambda: pd.read_excel(path, engine="calamine"))
    read()
    c0, w0 = cpu(), time.perf_counter()
    df = read()
    print(json.dumps({"open_cpu": cpu() - c0, "open_wall": time.perf_counter() - w0,
                      "shape": list(df.shape)}))
else:
    from icp.analysis import run
    from icp.dataset import open_dataset
    open_dataset(path)
    c0, w0 = cpu(), time.perf_counter()
    ds = open_dataset(path)
    out = {"open_cpu": cpu() - c0, "open_wall": time.perf_counter() - w0,
           "shape": list(ds.table.shape), "digest": digest(ds.table)}
    if path.endswith(".csv"):
        run(ds)
        c0, w0 = cpu(), time.perf_counter()
        run(ds)
        out |= {"analysis_cpu": cpu() - c0, "analysis_wall": time.perf_counter() - w0}
    print(json.dumps(out))
"""


def _probe(tree: Path, path: Path, what: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, str(path), what],
        cwd=tree,
        env={**os.environ, "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
    )
    if out.returncode:
        raise SystemExit(f"{tree} {path.name}: {out.stderr.strip()[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--before", type=Path)
    args = ap.parse_args()
    files = [make_labels_csv(), make_wide_xlsx()]
    trees = [("this tree", ROOT)] + ([("before", args.before)] if args.before else [])
    print(f"# load before {Path('/proc/loadavg').read_text().split()[:3]}")
    results: dict[tuple[str, str], list[dict]] = {}
    for i in range(args.rounds):
        order = trees if i % 2 == 0 else trees[::-1]
        for path in files:
            for label, tree in [*order, ("baseline", ROOT)]:
                r = _probe(tree, path, "baseline" if label == "baseline" else "icp")
                results.setdefault((path.name, label), []).append(r)
                extra = f", analysis {r['analysis_cpu']:.2f} s CPU" if "analysis_cpu" in r else ""
                print(
                    f"round {i + 1} {path.name} {label}: open {r['open_cpu']:.2f} s CPU "
                    f"({r['open_wall']:.2f} s wall){extra}",
                    flush=True,
                )
    print(f"# load after {Path('/proc/loadavg').read_text().split()[:3]}")
    print("| file | tree | open (CPU) | open (wall) | analysis (CPU) | open + analysis (CPU) |")
    print("|---|---|---:|---:|---:|---:|")
    for (name, label), rs in results.items():
        med = {
            k: statistics.median(r[k] for r in rs) for k in rs[0] if k.endswith(("_cpu", "_wall"))
        }
        both = med["open_cpu"] + med.get("analysis_cpu", 0)
        ana = f"{med['analysis_cpu']:.2f} s" if "analysis_cpu" in med else "—"
        print(
            f"| {name} | {label} | {med['open_cpu']:.2f} s | {med['open_wall']:.2f} s | "
            f"{ana} | {both:.2f} s |"
        )
    if args.before:
        for path in files:
            now = {r["digest"] for r in results[(path.name, "this tree")]}
            then = {r["digest"] for r in results[(path.name, "before")]}
            print(f"{path.name}: " + ("same data set" if now == then else "DATA SETS DIFFER"))


if __name__ == "__main__":
    main()
