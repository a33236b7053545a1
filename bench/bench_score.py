"""Benchmark: score 100,000 generated prospects and write the formula-safe xlsx.

Target (DESIGN/issue 7): fit on the customers + score + reasons + xlsx ≤ 5 s.
Baseline in the same run: ``DataFrame.to_excel(engine="openpyxl")`` of the
same scored rows (what a plain export would cost).

    python bench/bench_score.py [--rows 100000] [--customers 2000] [--no-baseline]
"""

from __future__ import annotations

import argparse
import io
import time

import numpy as np
import pandas as pd

from icp import score
from icp.dataset import Dataset, Source
from icp.model import Analysis
from icp.schema import ColumnSpec, Mapping
from icp.schema import FieldType as F
from icp.schema import Role as R

MAPPING = Mapping(
    [
        ColumnSpec("Company", F.TEXT, R.NAME),
        ColumnSpec("Industry", F.SINGLE, R.INDUSTRY),
        ColumnSpec("Region", F.SINGLE, R.REGION),
        ColumnSpec("Channel", F.SINGLE, R.CHANNEL),
        ColumnSpec("Contact title", F.SINGLE, R.CONTACT_TITLE),
        ColumnSpec("Employees", F.NUMBER, R.EMPLOYEES),
        ColumnSpec("Tools", F.MULTI, R.NONE, sep=","),
        ColumnSpec("Website", F.TEXT, R.NONE),
    ]
)


def generate(n: int, seed: int) -> tuple[pd.DataFrame, np.ndarray]:
    rng = np.random.default_rng(seed)
    industry = rng.choice(["Manufacturing", "Retail", "Finance", "Education", "Logistics"], n)
    employees = np.exp(rng.normal(5.0, 1.0, n)).round()
    planted = (industry == "Manufacturing") & (employees >= 100) & (employees <= 300)
    tool_sets = np.array(["Excel", "ERP, Excel", "CRM, Slack", "ERP", "Email", "CRM, ERP"])
    df = pd.DataFrame(
        {
            "Company": [f"Prospect {i}" for i in range(n)],
            "Industry": industry,
            "Region": rng.choice(["North", "South", "East", "West"], n),
            "Channel": rng.choice(["Referral", "Ads", "Events", "Outbound"], n),
            "Contact title": rng.choice(["CEO", "CFO", "Ops manager", "IT lead"], n),
            "Employees": employees,
            "Tools": tool_sets[rng.integers(0, len(tool_sets), n)],
            "Website": [
                f'=HYPERLINK("http://p{i}.example")' if i % 97 == 0 else f"p{i}.com"
                for i in range(n)
            ],
        }
    )
    for c in df.columns:
        if c != "Employees":
            df[c] = df[c].astype("str")
    return df, planted


def _ds(df: pd.DataFrame) -> Dataset:
    return Dataset(table=df, mapping=MAPPING, source=Source(None, "csv", None, [], 0), report=None)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--customers", type=int, default=2_000)
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()

    cust, planted = generate(args.customers, seed=1)
    rng = np.random.default_rng(2)
    best = pd.Series(rng.random(len(cust)) < np.where(planted, 0.9, 0.05), index=cust.index)
    analysis = Analysis(
        mode="outcome",
        n_rows=len(cust),
        best_mask=best,
        best_names=[],
        ranking=None,
        traits=[],
        warning_traits=[],
        numeric=[],
        kpis={},
        ltv_formula=None,
        keywords={},
    )
    pros, _ = generate(args.rows, seed=3)
    customers, prospects = _ds(cust), _ds(pros)

    # The app has these loaded already (the analysis uses them); time them apart.
    t_imp = time.perf_counter()
    import sklearn.linear_model
    import sklearn.model_selection  # noqa: F401

    import icp.clean
    import icp.traits  # noqa: F401

    print(f"imports (once per process): {time.perf_counter() - t_imp:6.2f} s")

    t0 = time.perf_counter()
    scored = score.score_prospects(customers, analysis, prospects, lang="en", with_backtest=False)
    t1 = time.perf_counter()
    data = score.scored_xlsx_bytes(scored, lang="en")
    t2 = time.perf_counter()
    bt = score.backtest(customers, best)
    t3 = time.perf_counter()

    print(f"customers={len(cust)} best={int(best.sum())} model={scored.model.kind}")
    print(f"prospects={len(pros)} columns out={scored.table.shape[1]}")
    print(f"fit + score + reasons : {t1 - t0:6.2f} s")
    print(f"xlsx write            : {t2 - t1:6.2f} s  ({len(data) / 1e6:.1f} MB)")
    print(f"total (target <= 5 s) : {t2 - t0:6.2f} s")
    print(f"backtest (5-fold)     : {t3 - t2:6.2f} s  auc={bt.auc:.3f}")
    if not args.no_baseline:
        t4 = time.perf_counter()
        buf = io.BytesIO()
        scored.table.to_excel(buf, engine="openpyxl", index=False)
        t5 = time.perf_counter()
        print(f"baseline to_excel(openpyxl) of the same rows: {t5 - t4:6.2f} s")
        print(f"ours / baseline (xlsx only): {(t2 - t1) / (t5 - t4):.3f}")


if __name__ == "__main__":
    main()
