"""Benchmark the intake layer: icp.load.read_table against pandas + openpyxl.

    python bench/bench_load.py            # all cases, prints a table, updates bench/README.md
    python bench/bench_load.py --no-write # print only

Generates (once, cached under bench/out/) a 100,000-row x 16-column .xlsx with
mixed text / numbers / dates in Chinese and English, and a 1,000,000-row CSV.
Each case runs in its own subprocess so its peak memory (ru_maxrss) is its own.
Targets: read_table (+clean) on the xlsx <= 0.15x the openpyxl time; peak
memory <= 1.5 GB; 1M-row CSV load <= 5 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

from common import CSV, ROOT, XLSX, make_csv, make_xlsx  # shared with bench_analyze

README = ROOT / "bench" / "README.md"


# --------------------------------------------------------------------------- #
# one case per subprocess
# --------------------------------------------------------------------------- #


def _case(name: str, repeat: int) -> dict:
    import resource

    import pandas as pd

    from icp import load

    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if name == "openpyxl":

        def fn():
            return pd.read_excel(XLSX, engine="openpyxl")
    elif name == "pandas_calamine":

        def fn():
            return pd.read_excel(XLSX, engine="calamine")
    elif name == "read_table_xlsx":

        def fn():
            return load.read_table(XLSX).df
    elif name == "open_dataset_xlsx":
        from icp.dataset import open_dataset

        def fn():
            return open_dataset(XLSX).table
    elif name == "read_table_csv":

        def fn():
            return load.read_table(CSV, max_bytes=1 << 31).df
    elif name == "open_dataset_csv":
        from icp.dataset import open_dataset

        def fn():  # a 1M-row file is over the 50 MB upload limit: the CLI's 2 GB instead
            return open_dataset(CSV.read_bytes(), filename=CSV.name, max_bytes=1 << 31).table
    else:
        raise SystemExit(f"unknown case {name}")
    times, shape = [], None
    for _ in range(repeat):
        load.workbook._BOOKS.clear()  # every run reads cold (no reused workbook)
        t0 = time.perf_counter()
        df = fn()
        times.append(time.perf_counter() - t0)
        shape = list(df.shape)
        del df
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"case": name, "times": times, "shape": shape, "peak_mb": peak, "base_mb": base}


def _run(name: str, repeat: int) -> dict | None:
    cmd = [sys.executable, __file__, "--case", name, "--repeat", str(repeat)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        print(f"[{name}] failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _has_open_dataset() -> bool:
    try:
        from icp import clean, schema

        return hasattr(schema, "detect_mapping") and hasattr(clean, "clean")
    except ImportError:
        return False


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--case")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    if args.case:
        print(json.dumps(_case(args.case, args.repeat)))
        return

    t0 = time.perf_counter()
    make_xlsx()
    make_csv()
    print(f"data ready in {time.perf_counter() - t0:.1f} s: {XLSX.name}, {CSV.name}")
    full = _has_open_dataset()
    plan = [("openpyxl", 1), ("pandas_calamine", 3), ("read_table_xlsx", 3)]
    if full:
        plan.append(("open_dataset_xlsx", 3))
    plan.append(("read_table_csv", 3))
    if full:
        plan.append(("open_dataset_csv", 1))
    results = {}
    for name, repeat in plan:
        r = _run(name, repeat)
        if r:
            results[name] = r
            print(f"  {name:<18} {_fmt_times(r['times'])}  peak {r['peak_mb']:.0f} MB")
    table = _table(results)
    print()
    print(table)
    if not args.no_write:
        _write_readme(table)
        print(f"\nwrote the Load section of {README.relative_to(ROOT)}")


LABELS = {
    "openpyxl": '`pandas.read_excel(engine="openpyxl")` — baseline',
    "pandas_calamine": '`pandas.read_excel(engine="calamine")` — reference',
    "read_table_xlsx": "`icp.load.read_table` (safety checks + header detection)",
    "open_dataset_xlsx": "`icp.dataset.open_dataset` (load + mapping + clean)",
    "read_table_csv": "`icp.load.read_table`, 1,000,000-row CSV",
    "open_dataset_csv": "`icp.dataset.open_dataset`, 1,000,000-row CSV",
}


def _fmt_times(times: list[float]) -> str:
    if len(times) == 1:
        return f"{times[0]:.2f} s"
    return f"{min(times):.2f} s (median {statistics.median(times):.2f})"


def _table(results: dict) -> str:
    base = results.get("openpyxl", {}).get("times", [None])[0]
    size_x = XLSX.stat().st_size / 1e6
    size_c = CSV.stat().st_size / 1e6
    lines = [
        f"100,000 rows x 16 columns .xlsx ({size_x:.1f} MB) and 1,000,000 rows x 16 columns "
        f"CSV ({size_c:.0f} MB). Times: best of the runs (median in brackets); each case in "
        "its own process, peak = that process's max RSS (includes ~"
        f"{results.get('read_table_xlsx', {}).get('base_mb', 0):.0f} MB of imports).",
        "",
        "| case | rows x cols | time | vs openpyxl | peak memory |",
        "|---|---|---|---|---|",
    ]
    for name, r in results.items():
        if name == "openpyxl":
            rel = "1x"
        elif base and (name.endswith("_xlsx") or name == "pandas_calamine"):
            rel = f"{min(r['times']) / base:.3f}x"
        else:
            rel = "—"
        shape = f"{r['shape'][0]:,} x {r['shape'][1]}"
        lines.append(
            f"| {LABELS[name]} | {shape} | {_fmt_times(r['times'])} | {rel} | "
            f"{r['peak_mb']:.0f} MB |"
        )
    return "\n".join(lines)


def _write_readme(table: str) -> None:
    cpus = os.cpu_count()
    stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    py = platform.python_version()
    section = (
        "## Load\n\n"
        "`python bench/bench_load.py` (data cached in `bench/out/`, gitignored).\n"
        f"Run {stamp} on {platform.system()} {platform.machine()}, {cpus} cores, "
        f"Python {py}; other jobs shared the machine, so treat times as +-20 %.\n\n"
        f"{table}\n\n"
        "Targets: read_table (+clean) on the xlsx <= 0.15x openpyxl; peak <= 1.5 GB; "
        "1M-row CSV load <= 5 s.\n"
    )
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n\n"
    if re.search(r"^## Load\b", text, flags=re.M):
        text = re.sub(r"^## Load\b.*?(?=^## |\Z)", section + "\n", text, flags=re.M | re.S)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    README.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
