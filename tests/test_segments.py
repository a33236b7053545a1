"""2×2 segments, 80/20 and channel economics, checked by hand on an 8-customer table."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from icp import segments
from icp.dataset import Dataset, Source
from icp.schema import ColumnSpec, Mapping
from icp.schema import FieldType as F
from icp.schema import Role as R

ROWS = [
    # name, profit, value, channel, outcome, cac, ltv, best, fit
    ("A", 100, 1000, "Referral", "Won", 100, 3000, True, 90),
    ("B", 80, 800, "Referral", "Won", 100, 2000, True, 30),
    ("C", 10, 500, "Ads", "Won", 400, 800, False, 80),
    ("D", 5, 300, "Ads", "Lost", 400, 400, False, 10),
    ("E", 60, 900, "Events", "Won", 200, 1500, True, 70),
    ("F", 2, 100, "Events", "Lost", 200, 500, False, 20),
    ("G", 3, 200, "Ads", "Open", 400, 600, False, 60),
    ("H", 40, 400, "Referral", "Lost", 100, 1000, False, 40),
]


def _ds(drop: tuple[str, ...] = (), times: int = 1) -> tuple[Dataset, pd.Series, pd.Series]:
    cols = ["Name", "Profit", "Value", "Channel", "Status", "CAC", "LTV", "best", "fit"]
    rows = [(f"{r[0]}{i}" if times > 1 else r[0], *r[1:]) for i in range(times) for r in ROWS]
    df = pd.DataFrame(rows, columns=cols)
    best, fit = df.pop("best"), df.pop("fit")
    for c in ("Name", "Channel", "Status"):
        df[c] = df[c].astype("str")
    for c in ("Profit", "Value", "CAC", "LTV"):
        df[c] = df[c].astype("float64")
    specs = [
        ColumnSpec("Name", F.TEXT, R.NAME),
        ColumnSpec("Profit", F.NUMBER, R.PROFIT),
        ColumnSpec("Value", F.NUMBER, R.VALUE),
        ColumnSpec("Channel", F.SINGLE, R.CHANNEL),
        ColumnSpec("Status", F.SINGLE, R.OUTCOME),
        ColumnSpec("CAC", F.NUMBER, R.CAC),
        ColumnSpec("LTV", F.NUMBER, R.LTV),
    ]
    df = df.drop(columns=list(drop))
    mapping = Mapping([s for s in specs if s.name not in drop])
    ds = Dataset(table=df, mapping=mapping, source=Source(None, "csv", None, [], 0), report=None)
    return ds, best, fit


def test_quadrants_counts_and_shares():
    ds, _, fit = _ds()
    seg = segments.quadrants(ds, fit)
    assert seg is not None and seg.basis == "profit"
    assert seg.profit_median == 25 and seg.fit_median == 50
    placed = seg.points.set_index("name")["quadrant"].to_dict()
    assert placed == {
        "A": "protect",
        "E": "protect",
        "C": "economics",
        "G": "economics",
        "B": "fit",
        "H": "fit",
        "D": "let_go",
        "F": "let_go",
    }
    tab = seg.table
    assert list(tab.index) == ["protect", "economics", "fit", "let_go"]
    assert tab["customers"].tolist() == [2, 2, 2, 2]
    assert tab["profit_share"].tolist() == pytest.approx([160 / 300, 13 / 300, 120 / 300, 7 / 300])
    assert tab["revenue_share"].tolist() == pytest.approx(
        [1900 / 4200, 700 / 4200, 1200 / 4200, 400 / 4200]
    )


def test_quadrants_fall_back_to_value_times_margin_then_value():
    ds, _, fit = _ds(drop=("Profit",))
    seg = segments.quadrants(ds, fit)
    assert seg is not None and seg.basis == "value"
    ds.table["Margin"] = 0.5
    ds.mapping.columns.append(ColumnSpec("Margin", F.NUMBER, R.MARGIN))
    seg = segments.quadrants(ds, fit)
    assert seg.basis == "value_margin"
    assert seg.profit_median == pytest.approx(np.median([v[2] for v in ROWS]) * 0.5)
    none, _, _ = _ds(drop=("Profit", "Value"))
    assert segments.quadrants(none, fit) is None


def test_pareto_share_and_sentence():
    ds, _, _ = _ds()
    share, curve = segments.pareto(ds)
    assert share == pytest.approx(3 / 8)  # 100 + 80 + 60 = 240 = 80% of 300
    assert curve["cumulative"].iloc[-1] == pytest.approx(1.0)
    assert curve["cumulative"].is_monotonic_increasing
    # eight customers are too few for an 80/20 line
    assert segments.pareto_sentence(share, ds, lang="en").startswith("Not enough data to tell")
    big, _, _ = _ds(times=5)
    share, _ = segments.pareto(big)
    assert segments.pareto_sentence(share, big, lang="en") == (
        "38% of your customers (15 of 40) bring 80% of your profit."
    )
    assert segments.pareto_sentence(share, big, lang="zh") == (
        "38% 的客户（40 个中的 15 个）贡献了 80% 的利润。"
    )
    none, _, _ = _ds(drop=("Profit", "Value"))
    assert segments.pareto(none)[0] is None


def test_channels_numbers():
    ds, best, _ = _ds()
    df = segments.channels(ds, best).set_index("channel")
    assert list(df.index) == ["Referral", "Events", "Ads"]  # most best customers first
    ref, ev, ads = df.loc["Referral"], df.loc["Events"], df.loc["Ads"]
    assert ref["customers"] == 3 and ref["best"] == 2
    assert ref["won_rate"] == pytest.approx(2 / 3)
    assert ads["won_rate"] == pytest.approx(1 / 2)  # the open deal is not a loss
    assert ref["best_share"] == pytest.approx(2 / 3) and ev["best_share"] == pytest.approx(1 / 3)
    assert ref["avg_value"] == pytest.approx(2200 / 3)
    assert ref["cac"] == 100 and ads["cac"] == 400
    assert ref["ltv_cac"] == pytest.approx(20.0) and ads["ltv_cac"] == pytest.approx(1.5)
    assert ref["cost_per_best"] == pytest.approx(150.0) and ev["cost_per_best"] == 400
    assert math.isnan(ads["cost_per_best"])


def test_channel_sentence_says_not_enough_data_on_eight_customers():
    ds, best, _ = _ds()
    en = segments.channel_sentence(segments.channels(ds, best), "en")
    assert en == (
        "Not enough data to tell which channel brings your best customers: the most, Referral, "
        "brought 2 of 3 best customers from 38% of all customers."
    )
    assert "数据不足" in segments.channel_sentence(segments.channels(ds, best), "zh")


def _concentrated(drop: tuple[str, ...] = ()) -> tuple[Dataset, pd.Series]:
    """40 customers; 8 of the 10 best came through Referral (a third of all customers)."""
    ds, best, _ = _ds(drop=drop, times=5)
    best = pd.Series(False, index=ds.table.index)
    ref = ds.table.index[ds.table["Channel"] == "Referral"] if "Channel" in ds.table else []
    best[list(ref[:8])] = True
    best[list(ds.table.index[ds.table["Channel"] == "Events"][:2])] = True
    return ds, best


def test_channel_sentence_names_cheapest_source_of_best_customers():
    ds, best = _concentrated()
    df = segments.channels(ds, best)
    en = segments.channel_sentence(df, "en")
    assert en.startswith("Referral brings the most best customers per unit of cost: 8 best")
    assert segments.channel_sentence(df, "zh").startswith("Referral 每单位成本带来的最佳客户最多")
    no_cost, best2 = _concentrated(drop=("CAC",))
    text = segments.channel_sentence(segments.channels(no_cost, best2), "en")
    assert text.startswith("Referral brings the most best customers: 8 of 10.")
    no_channel, best3, _ = _ds(drop=("Channel",))
    assert segments.channels(no_channel, best3) is None


def test_charts_build():
    ds, best, fit = _ds()
    seg = segments.quadrants(ds, fit)
    spec = segments.quadrant_chart(seg, lang="zh").to_dict()
    assert "layer" in spec
    bars = segments.channel_chart(segments.channels(ds, best), lang="en").to_dict()
    assert bars["mark"]["type"] == "bar"


def test_tied_fit_scores_do_not_empty_a_quadrant():
    ds, _, _ = _ds()
    fit = pd.Series([50, 50, 50, 50, 50, 90, 95, 99])  # a big tie at the median (lift scores)
    seg = segments.quadrants(ds, fit)
    high_fit = seg.table.loc[["protect", "economics"], "customers"].sum()
    assert high_fit == 3  # only the three above the tie; ">= median" would say all 8
