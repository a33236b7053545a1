"""Scoring a prospect list or the user's own customers, matching their
columns, the backtest, and the scored list as Excel.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

import numpy as np
import pandas as pd

from icp import parse
from icp.dataset import Dataset
from icp.i18n import Lang, Msg, t
from icp.model import Analysis
from icp.schema import Role
from icp.score.design import (
    MIN_LOGISTIC,
    SCORE_COLUMNS,
    TIER_EDGES,
    TIERS,
    Backtest,
    FitModel,
    Scored,
    _design,
    _frame,
)
from icp.score.fitting import _best_array, _fit, _percentile, _raw_and_contrib, fit, predict
from icp.score.reasons import _against, _reasons
from icp.xlsx import frame_xlsx_bytes

# ---------------------------------------------------------------- scoring


def _tier(score: np.ndarray) -> np.ndarray:
    a, b, c = TIER_EDGES
    return np.select([score >= a, score >= b, score >= c], ["A", "B", "C"], "D").astype(object)


def _or(texts: np.ndarray, key: str, lang: Lang) -> np.ndarray:
    """Empty reason cells filled with the plain "nothing for / against it" sentence."""
    return np.where(texts == "", t(f"score.reason.{key}", lang), texts).astype(object)


def _scored_table(
    model: FitModel,
    source: pd.DataFrame,
    model_input: pd.DataFrame,
    lang: Lang,
    name_column: str | None = None,
) -> pd.DataFrame:
    """Name first, then score, tier, action, three reasons for and one against, then the
    rest of the row as given; best fit first."""
    frame = _frame(model_input, model._design)
    raw, contrib = _raw_and_contrib(model, frame)
    score = np.clip(np.rint(_percentile(model, raw)), 0, 100).astype(int)
    tiers = _tier(score)
    actions = {tier: t(f"score.action.{tier}", lang) for tier in TIERS}
    reasons = _reasons(model, frame, contrib, lang)
    reasons[0] = _or(reasons[0], "none_for", lang)
    data = source.rename(
        columns={
            c: f"{c} ({t('score.input_suffix', lang)})"
            for c in source.columns
            if c in SCORE_COLUMNS
        }
    )
    head = pd.DataFrame(
        {
            "score": score,
            "tier": tiers,
            "action": pd.Series(tiers).map(actions).to_numpy(dtype=object),
            "reason_1": reasons[0],
            "reason_2": reasons[1],
            "reason_3": reasons[2],
            "reason_against": _or(_against(model, frame, contrib, lang), "none_against", lang),
        },
        index=source.index,
    )
    parts = [head, data]
    if name_column is not None and name_column in data.columns:
        parts = [data[[name_column]], head, data.drop(columns=[name_column])]
    out = pd.concat(parts, axis=1)
    order = np.argsort(-raw, kind="stable")
    return out.iloc[order]


_NORM_RE = re.compile(r"[\s_\-\.:：/\\()（）\[\]【】#]+")


def _norm_name(name: str) -> str:
    return _NORM_RE.sub("", unicodedata.normalize("NFKC", str(name)).casefold())


def _model_columns(customers: Dataset) -> list[str]:
    d = _design(customers, np.zeros(len(customers.table), dtype=bool), None)
    return d.columns


def _match(columns: list[str], customers: Dataset, prospects: Dataset):
    taken: set[str] = set()
    pairs: dict[str, str] = {}
    pcols = [c.name for c in prospects.mapping.columns if c.name in prospects.table.columns]
    by_norm = {}
    for p in pcols:
        by_norm.setdefault(_norm_name(p), p)
    for c in columns:
        p = by_norm.get(_norm_name(c))
        if p is not None and p not in taken:
            pairs[c] = p
            taken.add(p)
    for c in columns:
        if c in pairs:
            continue
        spec = customers.mapping.get(c)
        if spec is None or spec.role == Role.NONE:
            continue
        for ps in prospects.mapping.columns:
            if ps.role == spec.role and ps.name not in taken and ps.name in pcols:
                pairs[c] = ps.name
                taken.add(ps.name)
                break
    matched = [(pairs[c], c) for c in columns if c in pairs]
    unmatched = [c for c in columns if c not in pairs]
    return matched, unmatched


def match_columns(
    customers: Dataset, prospects: Dataset
) -> tuple[list[tuple[str, str]], list[str]]:
    """Line up the prospect list with the model's customer columns.

    Returns ``(matched, unmatched)``: ``(prospect column, customer column)``
    pairs matched by normalised header (case, width, spaces and punctuation
    ignored) or, failing that, by the same role; and the customer model
    columns the prospect list has no counterpart for (scored as missing).
    """
    return _match(_model_columns(customers), customers, prospects)


def _model_for(customers: Dataset, analysis: Analysis, seed: int = 0) -> FitModel:
    return fit(
        customers,
        analysis.best_mask,
        traits=[*analysis.traits, *analysis.warning_traits] or None,
        numeric=analysis.numeric,
        seed=seed,
    )


def score_prospects(
    customers: Dataset,
    analysis: Analysis,
    prospects: Dataset,
    *,
    lang: Lang,
    model: FitModel | None = None,
    with_backtest: bool = True,
) -> Scored:
    """Score every prospect row 0–100 for fit with tier, action and top-3 reasons."""
    model = model or _model_for(customers, analysis)
    matched, unmatched = _match(model.columns, customers, prospects)
    pt = prospects.table
    model_input = pd.DataFrame({c: pt[p] for p, c in matched}, index=pt.index)
    table = _scored_table(model, pt, model_input, lang, prospects.name_column)
    bt = backtest(customers, analysis.best_mask, kind=model.kind) if with_backtest else None
    if bt is not None:
        model.cv_auc = bt.auc
    return Scored(table=table, matched=matched, unmatched=unmatched, model=model, backtest=bt)


def _own_candidates(customers: Dataset, analysis: Analysis) -> np.ndarray:
    best = _best_array(customers, analysis.best_mask)
    col = customers.mapping.col(Role.OUTCOME)
    if col and col in customers.table.columns:
        won = parse.won_mask(customers.table[col]).fillna(False).astype(bool).to_numpy()
        if won.any():
            return ~won & ~best
    return ~best


def score_own(
    customers: Dataset,
    analysis: Analysis,
    *,
    lang: Lang,
    model: FitModel | None = None,
    with_backtest: bool = True,
) -> Scored:
    """Score the user's own not-yet-won (or not-best) customers, best fit first.

    Seed 000's "寻找增量客户": the unsigned customers that overlap the signed
    profile are the ones to follow up first.  Rows marked won in an outcome
    column and the best set itself are left out.
    """
    model = model or _model_for(customers, analysis)
    keep = _own_candidates(customers, analysis)
    ct = customers.table.loc[keep]
    table = _scored_table(model, ct, ct, lang, customers.name_column)
    bt = backtest(customers, analysis.best_mask, kind=model.kind) if with_backtest else None
    if bt is not None:
        model.cv_auc = bt.auc
    matched = [(c, c) for c in model.columns]
    return Scored(table=table, matched=matched, unmatched=[], model=model, backtest=bt)


def customer_scores(customers: Dataset, analysis: Analysis, *, model: FitModel | None = None):
    """0–100 fit score of every customer (aligned to the table index), e.g. for the 2×2."""
    model = model or _model_for(customers, analysis)
    return predict(model, customers.table)


# ---------------------------------------------------------------- backtest


def backtest(
    dataset: Dataset,
    best_mask: pd.Series,
    *,
    seed: int = 0,
    kind: Literal["logistic", "lift"] | None = None,
) -> Backtest:
    """Stratified k-fold check: AUC of held-out scores and held-out best landing in tier A.

    Each fold's model is fitted without the analysis' traits (they were
    found on all rows, which would leak the held-out rows into training).
    """
    from sklearn.metrics import roc_auc_score  # lazy: startup speed
    from sklearn.model_selection import StratifiedKFold  # lazy: startup speed

    best = _best_array(dataset, best_mask)
    n, n_pos = len(best), int(best.sum())
    n_neg = n - n_pos
    too_small = n_pos < 10 or n < 60
    warning = Msg("score.backtest.too_small", {"best": n_pos, "rows": n}) if too_small else None
    empty = pd.DataFrame({"contacted": [0.0, 1.0], "found": [0.0, 1.0]})
    k = min(5, n_pos, n_neg)
    if k < 2:
        return Backtest(None, 0, 0, n_pos, True, empty, warning or Msg("score.backtest.none"))
    if kind is None:
        kind = "logistic" if min(n_pos, n_neg) >= MIN_LOGISTIC else "lift"
    oof = np.zeros(n)
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    for train, test in folds.split(np.zeros(n), best):
        sub = Dataset(
            table=dataset.table.iloc[train],
            mapping=dataset.mapping,
            source=dataset.source,
            report=None,
        )
        m = _fit(sub, best[train], traits=None, numeric=None, seed=seed, kind=kind)
        raw, _ = _raw_and_contrib(m, _frame(dataset.table.iloc[test], m._design))
        oof[test] = _percentile(m, raw)
    auc = float(roc_auc_score(best, oof))
    in_a = int((best & (np.rint(oof) >= TIER_EDGES[0])).sum())
    order = np.argsort(-oof, kind="stable")
    found = np.concatenate([[0.0], np.cumsum(best[order]) / max(n_pos, 1)])
    contacted = np.arange(n + 1) / n
    pick = np.unique(np.linspace(0, n, min(n + 1, 101)).round().astype(int))
    curve = pd.DataFrame({"contacted": contacted[pick], "found": found[pick]})
    return Backtest(auc, k, in_a, n_pos, too_small, curve, warning)


def backtest_chart(bt: Backtest, *, lang: Lang):
    """Altair gain chart: share of best found vs share of the list contacted."""
    import altair as alt  # lazy: startup speed

    x_t, y_t = t("score.chart.contacted", lang), t("score.chart.found", lang)
    data = bt.curve.assign(random=bt.curve["contacted"])
    base = alt.Chart(data).encode(x=alt.X("contacted:Q", title=x_t, axis=alt.Axis(format="%")))
    model = base.mark_line(point=False).encode(
        y=alt.Y("found:Q", title=y_t, axis=alt.Axis(format="%")),
        tooltip=[alt.Tooltip("contacted:Q", format=".0%"), alt.Tooltip("found:Q", format=".0%")],
    )
    chance = base.mark_line(strokeDash=[4, 4], color="gray").encode(y="random:Q")
    return (chance + model).properties(height=260)


# ---------------------------------------------------------------- Excel


def _header_label(col: str, lang: Lang) -> str:
    return t(f"score.col.{col}", lang) if col in SCORE_COLUMNS else str(col)


def scored_xlsx_bytes(scored: Scored, *, lang: Lang) -> bytes:
    """The scored list as a formula-safe .xlsx with localised headers (see ``icp.xlsx``)."""
    df = scored.table
    return frame_xlsx_bytes(
        df,
        headers=[_header_label(c, lang) for c in df.columns],
        sheet_name=t("score.sheet", lang),
    )
