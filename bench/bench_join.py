"""Benchmark: join 1,000,000 deals onto 50,000 accounts (target ≤ 5 s).

Generates both tables in memory, times ``propose_join`` + ``join`` on them,
writes the same data as CSV to ``bench/out/`` and times plain
``pandas.read_csv`` of it next to the join of what ``read_csv`` gave (dates
as text, as a real export).  Each time is the median of three runs.  Prints a
Markdown table for bench/README.md.

    python bench/bench_join.py [--deals 1000000] [--accounts 50000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from icp.join import join, propose_join

ROOT = Path(__file__).resolve().parent.parent

OUT = ROOT / "bench" / "out"
SECTORS = ["Retail", "Software", "Medical", "Finance", "Energy"]
CITIES = ["Berlin", "Boston", "Paris", "Oslo", "深圳"]
STAGES = ["Won", "Lost", "Engaging", "Prospecting"]


def make_data(n_deals: int, n_accounts: int, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = np.random.default_rng(seed)
    names = np.array([f"Company {i:05d} Ltd" for i in range(n_accounts)], dtype=object)
    accounts = pd.DataFrame(
        {
            "account": names,
            "sector": rng.choice(
                ["Retail", "Software", "Medical", "Finance", "Energy"], n_accounts
            ),
            "employees": rng.integers(5, 20_000, n_accounts),
            "revenue": rng.gamma(2.0, 50.0, n_accounts).round(1),
            "office_location": rng.choice(
                ["Berlin", "Boston", "Paris", "Oslo", "深圳"], n_accounts
            ),
        }
    )
    which = rng.zipf(1.3, n_deals) % n_accounts  # a few big accounts, a long tail
    key = names[which].copy()
    shout = rng.random(n_deals) < 0.05  # exports mix spellings: "COMPANY 00042 LTD"
    key[shout] = np.char.upper(key[shout].astype(str)).astype(object)
    key[rng.random(n_deals) < 0.01] = "Unknown prospect"
    engage = np.datetime64("2022-01-01") + rng.integers(0, 900, n_deals).astype("timedelta64[D]")
    close = engage + rng.integers(1, 200, n_deals).astype("timedelta64[D]")
    stage = rng.choice(
        ["Won", "Lost", "Engaging", "Prospecting"], n_deals, p=[0.45, 0.35, 0.1, 0.1]
    )
    open_ = np.isin(stage, ["Engaging", "Prospecting"])
    deals = pd.DataFrame(
        {
            "opportunity_id": [f"D{i:07d}" for i in range(n_deals)],
            "sales_agent": rng.choice([f"Agent {i}" for i in range(30)], n_deals),
            "product": rng.choice(
                ["GTX Basic", "GTX Pro", "MG Special", "MG Advanced", "GTK 500"], n_deals
            ),
            "account": key,
            "deal_stage": stage,
            "engage_date": engage.astype("datetime64[ns]"),
            "close_date": pd.Series(close.astype("datetime64[ns]")).where(~open_),
            "close_value": np.where(stage == "Won", rng.gamma(2.0, 1500.0, n_deals).round(0), 0.0),
        }
    )
    deals.loc[open_, "close_value"] = np.nan
    return accounts, deals


REPEAT = 3  # median of three runs: the bench machine is shared


def _timed(fn):
    times, out = [], None
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return out, float(np.median(times))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--deals", type=int, default=1_000_000)
    ap.add_argument("--accounts", type=int, default=50_000)
    args = ap.parse_args()

    accounts, deals = make_data(args.deals, args.accounts)
    plan, t_propose = _timed(lambda: propose_join(accounts, deals))
    res, t_join = _timed(lambda: join(accounts, deals, plan))

    OUT.mkdir(parents=True, exist_ok=True)
    deals.to_csv(OUT / "deals.csv", index=False)
    accounts.to_csv(OUT / "accounts.csv", index=False)
    csv_deals, t_read = _timed(lambda: pd.read_csv(OUT / "deals.csv"))
    csv_accounts, t_read_acc = _timed(lambda: pd.read_csv(OUT / "accounts.csv"))
    plan2, t_propose2 = _timed(lambda: propose_join(csv_accounts, csv_deals))
    res2, t_join2 = _timed(lambda: join(csv_accounts, csv_deals, plan2))
    assert plan2 == plan, (plan, plan2)
    pd.testing.assert_frame_equal(
        res.table.drop(columns=["First won", "Last won"]),
        res2.table.drop(columns=["First won", "Last won"]),
        check_dtype=False,
    )

    mb = (OUT / "deals.csv").stat().st_size / 1e6
    print(f"{args.deals:,} deals over {args.accounts:,} accounts; deals.csv {mb:.0f} MB")
    print(
        f"key {plan.accounts_key} ↔ {plan.deals_key}, matched {res.matched_accounts:,} accounts, "
        f"{len(res.unmatched_deals):,} unmatched deals\n"
    )
    print("| step | seconds |")
    print("|---|---:|")
    print(f"| `pandas.read_csv` deals.csv (plain load, for scale) | {t_read:.2f} |")
    print(f"| `pandas.read_csv` accounts.csv | {t_read_acc:.2f} |")
    print(f"| `propose_join` (in-memory frames, typed dates) | {t_propose:.2f} |")
    print(f"| `join` (in-memory frames, typed dates) | {t_join:.2f} |")
    print(f"| **propose + join, in memory** | **{t_propose + t_join:.2f}** |")
    print(f"| `propose_join` (frames from read_csv, dates as text) | {t_propose2:.2f} |")
    print(f"| `join` (frames from read_csv, dates as text) | {t_join2:.2f} |")
    print(f"| **propose + join, from CSV frames** | **{t_propose2 + t_join2:.2f}** |")


if __name__ == "__main__":
    main()
