"""Shared data generators and timing helpers for the benchmarks in bench/.

* ``make_xlsx`` / ``make_csv``: the 100,000-row .xlsx and 1,000,000-row CSV of
  mixed Chinese/English customer data (16 columns), cached under bench/out/.
* ``resample_sample``: a bigger customer list made from one of the bundled
  sample files — rows drawn with replacement, numbers jittered, dates shifted,
  names made unique — so the planted "ideal customer" segment is still there.
* ``median_time`` and ``peak_mb`` for the tables in bench/README.md.
"""

from __future__ import annotations

import datetime as dt
import random
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
XLSX = OUT / "customers_100k.xlsx"
CSV = OUT / "customers_1m.csv"

__all__ = [
    "CSV",
    "HEADER",
    "OUT",
    "ROOT",
    "XLSX",
    "make_csv",
    "make_xlsx",
    "median_time",
    "peak_mb",
    "resample_sample",
]

# --------------------------------------------------------------------------- #
# 100k-row xlsx / 1M-row CSV (bench_load, bench_analyze)
# --------------------------------------------------------------------------- #

HEADER = [
    "Company",
    "公司名称",
    "Industry",
    "行业",
    "City",
    "Employees",
    "Revenue",
    "ARR (USD)",
    "Signed",
    "签约日期",
    "Status",
    "Tags",
    "Contact Title",
    "Score",
    "Zip",
    "备注",
]
INDUSTRIES = ["SaaS", "Manufacturing", "制造业", "教育", "Retail", "金融", "医疗", "Logistics"]
CITIES = ["Shanghai", "北京", "深圳", "Boston", "Berlin", "杭州", "成都", "London"]
STATUS = ["Won", "Lost", "已签约", "未签约"]
TITLES = ["CTO", "采购经理", "VP Sales", "IT 总监", "Head of Ops"]
TAGS = ["ERP;CRM", "CRM", "BI;ERP;云", "安全", "CRM;BI"]


def _row(rng: random.Random, i: int) -> list:
    return [
        f"Company {i}",
        f"公司{i}号",
        rng.choice(INDUSTRIES),
        rng.choice(INDUSTRIES),
        rng.choice(CITIES),
        rng.randint(5, 5000),
        round(rng.random() * 1e6, 2),
        f"{rng.randint(1, 900)}万",
        dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 1500)),
        dt.datetime(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 900)),
        rng.choice(STATUS),
        rng.choice(TAGS),
        rng.choice(TITLES),
        rng.randint(0, 100),
        f"{rng.randint(0, 99999):05d}",
        "一些备注 some notes" if i % 3 else None,
    ]


def written_once(path: Path, write: Callable[[Path], None]) -> Path:
    """``path``, made by ``write(tmp)`` the first time and then renamed into place, so an
    interrupted run never leaves half a file that later runs would take as the data."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    write(tmp)
    tmp.replace(path)
    return path


def make_xlsx(rows: int = 100_000) -> Path:
    """bench/out/customers_100k.xlsx (sheets 客户 + 说明), written once with openpyxl."""

    def write(tmp: Path) -> None:
        import openpyxl

        rng = random.Random(7)
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("客户")
        ws.append(HEADER)
        for i in range(rows):
            ws.append(_row(rng, i))
        notes = wb.create_sheet("说明")
        notes.append(["本表为基准测试生成的虚构数据"])
        wb.save(tmp)

    return written_once(XLSX, write)


def make_csv(rows: int = 1_000_000) -> Path:
    """bench/out/customers_1m.csv (UTF-8), written once."""

    def write(tmp: Path) -> None:
        import csv

        rng = random.Random(11)
        with open(tmp, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(HEADER)
            for i in range(rows):
                w.writerow(_row(rng, i))

    return written_once(CSV, write)


# --------------------------------------------------------------------------- #
# a bigger copy of a bundled sample (bench_pages, bench_analyze)
# --------------------------------------------------------------------------- #

SAMPLE = ROOT / "sample_data" / "saas_customers_en.xlsx"


def resample_sample(rows: int = 10_000, *, sample: Path = SAMPLE, seed: int = 0) -> bytes:
    """CSV bytes of ``rows`` customers resampled from a bundled sample file.

    The sample is read the way the app reads it (``open_dataset``), rows are
    drawn with replacement, every number is jittered by ±15 % (whole numbers
    stay whole), every date shifted by up to ±10 days, and the name column
    gets a " #<n>" suffix so names stay unique.  Text, tags and categories
    are copied, so the sample's planted segment is still there to be found.
    """
    import numpy as np
    import pandas as pd

    from icp.dataset import open_dataset
    from icp.schema import FieldType

    ds = open_dataset(sample)
    table = ds.table
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(table), rows)
    out = table.iloc[idx].reset_index(drop=True)
    for spec in ds.mapping.columns:
        col = out[spec.name]
        if spec.type == FieldType.NUMBER:
            x = pd.to_numeric(col, errors="coerce").to_numpy(dtype=float)
            y = x * rng.uniform(0.85, 1.15, rows)
            whole = np.all(np.mod(x[np.isfinite(x)], 1) == 0)
            out[spec.name] = pd.array(np.round(y), dtype="Int64") if whole else np.round(y, 2)
        elif spec.type == FieldType.DATE:
            shift = pd.to_timedelta(rng.integers(-10, 11, rows), unit="D")
            out[spec.name] = (pd.to_datetime(col, errors="coerce") + shift).dt.strftime("%Y-%m-%d")
    name = ds.name_column
    if name:
        out[name] = [f"{v} #{i + 1}" for i, v in enumerate(out[name].astype(str))]
    return out.to_csv(index=False).encode("utf-8")


# --------------------------------------------------------------------------- #
# timing
# --------------------------------------------------------------------------- #


def median_time(fn: Callable[[], Any], repeat: int = 5, warmup: int = 0) -> tuple[float, Any]:
    """(median seconds over ``repeat`` calls, last result) after ``warmup`` untimed calls."""
    out = None
    for _ in range(warmup):
        out = fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def peak_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux ru_maxrss is KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
