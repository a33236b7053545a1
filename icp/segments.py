"""Customers classified by strategy, not by clustering (seeds 003/004).

* ``quadrants`` — a 2×2 of *profitability to us* against *fit* (the 0–100
  fit score), split at the medians, with each quadrant's share of
  customers, revenue and profit and a name that says what to do.
* ``pareto`` — the 80/20 view: the share of customers that bring 80% of
  the profit (or value).
* ``channels`` — per lead source: customers, won rate, best customers,
  average deal value, CAC and LTV/CAC; ``channel_sentence`` names the
  channel that brings the most best customers per unit of cost.

Everything returns plain DataFrames/dataclasses; the ``*_chart`` functions
turn them into Altair charts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd

from icp import fmt
from icp.dataset import Dataset
from icp.i18n import Lang, t
from icp.parse import won_mask
from icp.pvalues import hypergeom_sf
from icp.rank import ltv, margin_values, role_labels, role_values
from icp.schema import Role

__all__ = [
    "QUADRANTS",
    "Segments",
    "channel_chart",
    "channel_sentence",
    "channels",
    "pareto",
    "pareto_sentence",
    "profitability",
    "quadrant_chart",
    "quadrants",
]

# key -> (high profitability?, high fit?)
QUADRANTS: dict[str, tuple[bool, bool]] = {
    "protect": (True, True),
    "economics": (False, True),
    "fit": (True, False),
    "let_go": (False, False),
}

Basis = Literal["profit", "value_margin", "value"]


@dataclass
class Segments:
    """The 2×2: one summary row per quadrant plus every customer's placement.

    ``table`` (index = quadrant key, in ``QUADRANTS`` order): ``customers``,
    ``customer_share``, ``revenue_share`` (NaN without a value column),
    ``profit_share``.  ``points``: per customer ``name, profit, fit,
    quadrant`` (rows with unknown profitability or fit are left out).
    """

    table: pd.DataFrame
    points: pd.DataFrame
    basis: Basis
    profit_median: float
    fit_median: float


def profitability(dataset: Dataset) -> tuple[pd.Series, Basis] | None:
    """Profit to us per customer: PROFIT, else VALUE × MARGIN, else VALUE (None if none)."""
    profit = role_values(dataset, Role.PROFIT)
    if profit is not None:
        return profit, "profit"
    value, margin = role_values(dataset, Role.VALUE), margin_values(dataset)
    if value is not None and margin is not None:
        return value * margin, "value_margin"
    if value is not None:
        return value, "value"
    return None


def _share(values: pd.Series, groups: pd.Series) -> pd.Series:
    total = values.sum()
    if not np.isfinite(total) or total == 0:
        return pd.Series(np.nan, index=list(QUADRANTS))
    return (values.groupby(groups).sum() / total).reindex(list(QUADRANTS)).fillna(0.0)


def _upper_half(values: pd.Series) -> pd.Series:
    """True for the upper half by average rank: a block of tied values stays on one side.

    (``>= median`` would put a large tie at the median — common with lift
    scores — all on the high side and leave a quadrant empty.)
    """
    pct = values.rank(method="average", pct=True)
    return pct > 0.5 if len(values) > 1 else pd.Series(True, index=values.index)


def quadrants(dataset: Dataset, fit_score: pd.Series) -> Segments | None:
    """Place customers in the profitability × fit 2×2 (split at the medians).

    "High" means in the upper half by rank (ties kept together; for
    distinct values that is "above the median").  Returns None when the data has no
    profit, value or margin column to measure profitability with.
    """
    found = profitability(dataset)
    if found is None:
        return None
    profit, basis = found
    fit = pd.to_numeric(pd.Series(fit_score), errors="coerce").reindex(dataset.table.index)
    known = profit.notna() & fit.notna()
    p, f = profit[known], fit[known].astype(float)
    p_med = float(p.median()) if len(p) else float("nan")
    f_med = float(f.median()) if len(f) else float("nan")
    hi_p, hi_f = _upper_half(p), _upper_half(f)
    quad = pd.Series(
        np.select(
            [hi_p & hi_f, ~hi_p & hi_f, hi_p & ~hi_f], ["protect", "economics", "fit"], "let_go"
        ),
        index=p.index,
    )
    counts = quad.value_counts().reindex(list(QUADRANTS)).fillna(0).astype(int)
    value = role_values(dataset, Role.VALUE)
    table = pd.DataFrame(
        {
            "customers": counts,
            "customer_share": counts / max(int(counts.sum()), 1),
            "revenue_share": (
                _share(value[known].fillna(0.0), quad)
                if value is not None
                else pd.Series(np.nan, index=list(QUADRANTS))
            ),
            "profit_share": _share(p, quad),
        }
    )
    points = pd.DataFrame({"name": dataset.names()[known], "profit": p, "fit": f, "quadrant": quad})
    return Segments(table=table, points=points, basis=basis, profit_median=p_med, fit_median=f_med)


def pareto(dataset: Dataset) -> tuple[float | None, pd.DataFrame]:
    """Share of customers (largest first) that bring 80% of profit, and the cumulative curve.

    The curve has ``customers`` (share of customers) and ``cumulative``
    (share of the total).  ``(None, empty)`` without a profitability column
    or when the total is not positive.
    """
    empty = pd.DataFrame({"customers": [], "cumulative": []})
    found = profitability(dataset)
    if found is None:
        return None, empty
    values = found[0].dropna().sort_values(ascending=False).to_numpy()
    total = values.sum()
    if len(values) == 0 or total <= 0:
        return None, empty
    cum = np.cumsum(values) / total
    n = len(values)
    k = int(np.argmax(cum >= 0.8 - 1e-12)) + 1
    curve = pd.DataFrame(
        {"customers": np.arange(0, n + 1) / n, "cumulative": np.concatenate([[0.0], cum])}
    )
    return k / n, curve


MIN_PARETO = 20  # customers with a value needed before the 80/20 line says anything


def pareto_sentence(share: float | None, dataset: Dataset, *, lang: Lang) -> str:
    """ "20% of your customers (12 of 60) bring 80% of your profit." (or "spread evenly").

    Below ``MIN_PARETO`` customers with a value it says there is not enough data to tell.
    """
    found = profitability(dataset)
    if share is None or found is None:
        return ""
    basis = t(f"segments.basis.{found[1]}", lang)
    n = int(found[0].notna().sum())
    if n < MIN_PARETO:
        return t("segments.pareto.few", lang, basis=basis, n=n, min=MIN_PARETO)
    pct = round(100 * share)
    key = "segments.pareto" if share <= 0.5 else "segments.pareto.flat"
    return t(key, lang, pct=pct, basis=basis, k=round(share * n), n=n)


def channels(
    dataset: Dataset,
    best_mask: pd.Series,
    *,
    lifetime_years: float = 3.0,
    won: pd.Series | None = None,
) -> pd.DataFrame | None:
    """Per channel: customers, won rate, best customers and share, value, CAC, LTV/CAC.

    Columns: ``channel, customers, won_rate`` (NaN without an outcome
    column; open deals are not counted as lost), ``best, best_share`` (of
    all best customers), ``avg_value, cac`` (mean CAC of the channel),
    ``ltv_cac`` (mean LTV / mean CAC) and ``cost_per_best`` (the channel's
    total CAC / its best customers).  Sorted by best customers.  None when
    no channel column is mapped.  ``won`` is the run's good/other/open
    reading (``Analysis.won``, which follows the user's good values); without
    it the outcome column's own won/lost words are read.
    """
    channel = role_labels(dataset, Role.CHANNEL)
    if channel is None:
        return None
    table = dataset.table
    best = pd.Series(best_mask).reindex(table.index).fillna(False).astype(bool)
    df = pd.DataFrame({"channel": channel, "best": best.astype(int)}, index=table.index)
    out_col = dataset.mapping.col(Role.OUTCOME)
    if won is None and out_col and out_col in table.columns:
        won = won_mask(table[out_col])
    if won is not None:
        df["won"] = won.reindex(table.index).astype(
            "float64"
        )  # NA (open) stays NaN, so mean() skips it
    value, cac = role_values(dataset, Role.VALUE), role_values(dataset, Role.CAC)
    life, _formula = ltv(dataset, lifetime_years=lifetime_years)
    df["value"] = value if value is not None else np.nan
    df["cac"] = cac.where(cac > 0) if cac is not None else np.nan
    df["ltv"] = life if life is not None else np.nan
    g = df.dropna(subset=["channel"]).groupby("channel", sort=False)
    total_best = max(int(best.sum()), 1)
    res = pd.DataFrame(
        {
            "customers": g.size(),
            "won_rate": g["won"].mean() if "won" in df else np.nan,
            "best": g["best"].sum(),
            "avg_value": g["value"].mean(),
            "cac": g["cac"].mean(),
        }
    )
    res["best_share"] = res["best"] / total_best
    res["ltv_cac"] = g["ltv"].mean() / res["cac"]
    cost = g["cac"].sum(min_count=1)
    res["cost_per_best"] = (cost / res["best"].where(res["best"] > 0)).where(cost.notna())
    res = res.reset_index().rename(columns={"index": "channel"})
    cols = ["channel", "customers", "won_rate", "best", "best_share", "avg_value", "cac"]
    res = res[[*cols, "ltv_cac", "cost_per_best"]]
    res = res.sort_values(["best", "customers"], ascending=False, kind="stable")
    return res.reset_index(drop=True)


def _clear_channels(df: pd.DataFrame, alpha: float = 0.1) -> pd.Series:
    """Per channel: whether it holds clearly more best customers than its size predicts.

    One-sided Fisher test of the channel's best customers against the other
    channels', Holm-corrected over the channels, and at least
    ``max(3, 20%)`` of the best customers — three against two in a noise
    column is not a headline.
    """
    best = df["best"].to_numpy(dtype=float)
    size = df["customers"].to_numpy(dtype=float)
    nb, n = best.sum(), size.sum()
    if nb <= 0 or n <= nb:
        return pd.Series(False, index=df.index)
    p = hypergeom_sf(best - 1, n, nb, size)
    order = np.argsort(p)
    holm = np.minimum(1.0, np.maximum.accumulate(p[order] * (len(p) - np.arange(len(p)))))
    adj = np.ones(len(p))
    adj[order] = holm
    enough = best >= max(3, math.ceil(0.2 * nb))
    return pd.Series((adj < alpha) & enough, index=df.index)


def channel_sentence(df: pd.DataFrame | None, lang: Lang) -> str:
    """Name the channel bringing the most best customers per unit of cost (or per count).

    Only a channel that clearly brings more best customers than its share of
    all customers (``_clear_channels``) is named as a headline; otherwise the
    sentence says there is not enough data to tell, with the counts.
    """
    if df is None or df.empty or df["best"].sum() <= 0:
        return t("channels.sentence.none", lang) if df is not None else ""
    clear = _clear_channels(df)
    costed = df[clear & df["cost_per_best"].notna() & (df["best"] > 0)]
    if not costed.empty:
        row = costed.sort_values(["cost_per_best", "best"], ascending=[True, False]).iloc[0]
        spend = (df["cac"] * df["customers"]).sum()
        avg = spend / df.loc[df["cac"].notna(), "best"].sum()
        return t(
            "channels.sentence.cost",
            lang,
            channel=row["channel"],
            best=int(row["best"]),
            cost=fmt.money(float(row["cost_per_best"])),
            avg=fmt.money(float(avg)),
        )
    top = df.sort_values(["best", "customers"], ascending=[False, True], kind="stable")
    row = top.iloc[0]
    total = int(df["best"].sum())
    if not clear[row.name]:
        return t(
            "channels.sentence.unclear",
            lang,
            channel=row["channel"],
            best=int(row["best"]),
            total=total,
            share=round(100 * float(row["customers"]) / float(df["customers"].sum())),
        )
    return t(
        "channels.sentence.share",
        lang,
        channel=row["channel"],
        best=int(row["best"]),
        total=total,
    )


# ---------------------------------------------------------------- charts


def quadrant_chart(seg: Segments, *, lang: Lang):
    """Scatter of profitability vs fit, coloured by quadrant, with the median lines."""
    import altair as alt  # lazy: startup speed

    names = {k: t(f"segments.q.{k}", lang) for k in QUADRANTS}
    data = seg.points.assign(segment=seg.points["quadrant"].map(names))
    x_t, y_t = t("segments.col.fit", lang), t("segments.col.profit", lang)
    seg_t, name_t = t("segments.col.quadrant", lang), t("segments.col.name", lang)
    dots = (
        alt.Chart(data)
        .mark_circle(size=60, opacity=0.75)
        .encode(
            x=alt.X("fit:Q", title=x_t, scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("profit:Q", title=y_t),
            color=alt.Color(
                "segment:N",
                title=seg_t,
                sort=[names[k] for k in QUADRANTS],
                scale=alt.Scale(
                    domain=[names[k] for k in QUADRANTS],
                    range=["#1b7837", "#f1a340", "#5e8ecb", "#999999"],
                ),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=name_t),
                alt.Tooltip("segment:N", title=seg_t),
                alt.Tooltip("fit:Q", title=x_t),
                alt.Tooltip("profit:Q", title=y_t, format=",.0f"),
            ],
        )
    )
    vline = alt.Chart(pd.DataFrame({"x": [seg.fit_median]})).mark_rule(strokeDash=[4, 4])
    hline = alt.Chart(pd.DataFrame({"y": [seg.profit_median]})).mark_rule(strokeDash=[4, 4])
    return (dots + vline.encode(x="x:Q") + hline.encode(y="y:Q")).properties(height=360)


def channel_chart(df: pd.DataFrame, *, lang: Lang):
    """Bars of best customers per channel (cost per best customer in the tooltip)."""
    import altair as alt  # lazy: startup speed

    ch_t, best_t = t("channels.col.channel", lang), t("channels.col.best", lang)
    tips = [
        alt.Tooltip("channel:N", title=ch_t),
        alt.Tooltip("best:Q", title=best_t),
        alt.Tooltip("customers:Q", title=t("channels.col.customers", lang)),
        alt.Tooltip("cost_per_best:Q", title=t("channels.col.cost_per_best", lang), format=",.0f"),
    ]
    return (
        alt.Chart(df)
        .mark_bar()
        .encode(
            y=alt.Y("channel:N", title=ch_t, sort="-x"),
            x=alt.X("best:Q", title=best_t),
            tooltip=tips,
        )
        .properties(height=max(120, 32 * len(df)))
    )
