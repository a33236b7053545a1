"""S1 best-customer score: per-criterion percentiles, weights, pins, stability.

Each criterion the data supports (sales cycle, profit, deal value/volume,
referrals, support need, LTV/CAC) becomes a direction-aware percentile in
[0, 1] (1 = best).  The score is the weighted mean of those percentiles.

Missing cells count as **neutral 0.5** (the median), not as "excluded from
that customer's mean": a customer known on only one criterion is pulled
towards the middle instead of topping the list on one lucky number, and the
score stays one matrix product, which keeps the stability check cheap.

Stability re-scores everyone under ``draws`` random weight sets (each weight
× U(0.5, 1.5)) in one ``n×k @ k×draws`` product and reports, for every
best customer, the share of draws in which it stayed in the top N.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from icp.dataset import Dataset
from icp.i18n import Msg
from icp.model import CRITERIA, CRITERION_ROLES
from icp.parse import band_midpoints
from icp.schema import FieldType, Role

__all__ = [
    "CriterionValues",
    "criterion_values",
    "ltv",
    "margin_values",
    "percentiles",
    "rank",
    "role_values",
    "stability",
]

# criterion -> True when higher is better
HIGHER_IS_BETTER: dict[str, bool] = {
    "sales_cycle": False,
    "profit": True,
    "deal_value": True,
    "referrals": True,
    "support": False,
    "ltv_cac": True,
}


@dataclass
class CriterionValues:
    """Raw per-customer inputs of every available criterion.

    ``parts`` maps criterion -> one or more raw Series (``deal_value`` may
    have both a value and a deal-count part; their percentiles are averaged).
    """

    parts: dict[str, list[pd.Series]]
    missing: dict[str, list[Role]]
    ltv: pd.Series | None
    ltv_cac: pd.Series | None
    cycle_days: pd.Series | None
    ltv_formula: Msg | None
    # the n×k percentile matrix, worked out once (it does not depend on weights)
    pct: np.ndarray | None = field(default=None, repr=False, compare=False)


def role_values(dataset: Dataset, role: Role) -> pd.Series | None:
    """The included column with ``role`` as float, or None if absent/empty."""
    spec = dataset.mapping.by_role(role)
    if spec is None or spec.name not in dataset.table.columns:
        return None
    if spec.type == FieldType.BAND:  # "50-100人" counts as 75, like a number column's range
        s = band_midpoints(dataset.table[spec.name])
    else:
        s = pd.to_numeric(dataset.table[spec.name], errors="coerce").astype("float64")
    return s if s.notna().any() else None


def role_labels(dataset: Dataset, role: Role) -> pd.Series | None:
    """The included column with ``role`` as stripped text, blanks missing; None if absent."""
    col = dataset.mapping.col(role)
    if col is None or col not in dataset.table.columns:
        return None
    text = dataset.table[col].astype("string").str.strip()
    return text.where(text.notna() & (text != ""))


def margin_values(dataset: Dataset) -> pd.Series | None:
    """Gross margin as a fraction; percentages that slipped through (35) become 0.35."""
    m = role_values(dataset, Role.MARGIN)
    if m is None:
        return None
    if m.abs().median() > 1.5 and m.abs().max() <= 100:
        m = m / 100.0
    return m


def ltv(dataset: Dataset, *, lifetime_years: float = 3.0) -> tuple[pd.Series | None, Msg | None]:
    """Per-customer LTV and a sentence saying which formula produced it.

    A mapped LTV column wins; otherwise value per year × gross margin ×
    ``lifetime_years``.  Returns ``(None, None)`` when neither is possible.
    """
    mapped = role_values(dataset, Role.LTV)
    if mapped is not None:
        return mapped, Msg("analysis.ltv.mapped", {"column": dataset.mapping.col(Role.LTV)})
    value, margin = role_values(dataset, Role.VALUE), margin_values(dataset)
    if value is None or margin is None:
        return None, None
    years = float(lifetime_years)
    return value * margin * years, Msg(
        "analysis.ltv.computed",
        {
            "value": dataset.mapping.col(Role.VALUE),
            "margin": dataset.mapping.col(Role.MARGIN),
            "years": f"{years:g}",
        },
    )


def _cycle_days(dataset: Dataset) -> pd.Series | None:
    days = role_values(dataset, Role.CYCLE_DAYS)
    if days is not None:
        return days.where(days >= 0)
    created, closed = dataset.mapping.col(Role.CREATED), dataset.mapping.col(Role.CLOSED)
    if not created or not closed:
        return None
    t = dataset.table
    start = pd.to_datetime(t[created], errors="coerce")
    end = pd.to_datetime(t[closed], errors="coerce")
    days = ((end - start).dt.total_seconds() / 86400.0).astype("float64")
    days = days.where(days >= 0)
    return days if days.notna().any() else None


def criterion_values(dataset: Dataset, *, lifetime_years: float = 3.0) -> CriterionValues:
    """Work out which S1 criteria ``dataset`` supports and their raw values."""
    parts: dict[str, list[pd.Series]] = {}
    cycle = _cycle_days(dataset)
    if cycle is not None:
        parts["sales_cycle"] = [cycle]

    profit = role_values(dataset, Role.PROFIT)
    value, margin = role_values(dataset, Role.VALUE), margin_values(dataset)
    if profit is None and value is not None and margin is not None:
        profit = value * margin
    if profit is not None:
        parts["profit"] = [profit]

    volume = [s for s in (value, role_values(dataset, Role.DEALS)) if s is not None]
    if volume:
        parts["deal_value"] = volume

    for crit, role in (("referrals", Role.REFERRALS), ("support", Role.TICKETS)):
        s = role_values(dataset, role)
        if s is not None:
            parts[crit] = [s]

    life, formula = ltv(dataset, lifetime_years=lifetime_years)
    cac = role_values(dataset, Role.CAC)
    ratio = None
    if life is not None and cac is not None:
        ratio = (life / cac.where(cac > 0)).replace([np.inf, -np.inf], np.nan)
        if ratio.notna().any():
            parts["ltv_cac"] = [ratio]
        else:
            ratio = None

    present = {r for r in Role if dataset.mapping.col(r)}
    missing = {
        c: [r for r in CRITERION_ROLES[c] if r not in present] or list(CRITERION_ROLES[c])
        for c in CRITERIA
        if c not in parts
    }
    return CriterionValues(
        parts={c: parts[c] for c in CRITERIA if c in parts},
        missing=missing,
        ltv=life,
        ltv_cac=ratio,
        cycle_days=cycle,
        ltv_formula=formula,
    )


def percentiles(values: pd.Series, *, higher_is_better: bool = True) -> np.ndarray:
    """Direction-aware percentile rank in [0, 1] (1 = best); missing -> 0.5.

    Ties share their average rank; a constant column is 0.5 for everyone.
    """
    known = values.notna().to_numpy()
    out = np.full(len(values), 0.5)
    m = int(known.sum())
    if m >= 2:
        r = _average_ranks(np.asarray(values[known], dtype=np.float64))
        p = (r - 1.0) / (m - 1.0)
        out[known] = p if higher_is_better else 1.0 - p
    return out


def _average_ranks(v: np.ndarray) -> np.ndarray:
    """1-based ranks of ``v`` (no NaN), ties sharing their average rank.

    The same numbers as pandas' ``rank(method="average")``: a run of equal
    values at sorted positions ``a .. b - 1`` gets ``(a + 1 + b) / 2``, the
    mean of its ranks, which is a half-integer and so exact either way.  One
    unstable sort instead of pandas' stable one (the order inside a run of
    equal values does not change its rank).
    """
    n = len(v)
    order = np.argsort(v)
    s = v[order]
    new = np.empty(n, dtype=bool)
    new[:1] = True
    np.not_equal(s[1:], s[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    ends = np.append(starts[1:], n)
    out = np.empty(n, dtype=np.float64)
    out[order] = np.repeat((starts + 1 + ends) / 2.0, ends - starts)
    return out


def _percentile_matrix(cv: CriterionValues) -> np.ndarray:
    if cv.pct is None:
        cv.pct = _percentiles_of(cv)
    return cv.pct


def _percentiles_of(cv: CriterionValues) -> np.ndarray:
    cols = []
    for crit, series in cv.parts.items():
        ps = [percentiles(s, higher_is_better=HIGHER_IS_BETTER[crit]) for s in series]
        cols.append(np.mean(ps, axis=0))
    n = len(next(iter(cv.parts.values()))[0]) if cv.parts else 0
    return np.column_stack(cols) if cols else np.empty((n, 0))


def _weights(criteria: list[str], weights: Mapping[str, float]) -> np.ndarray:
    w = np.array([max(0.0, float(weights.get(c, 1.0))) for c in criteria])
    if w.size and w.sum() <= 0:
        w = np.ones_like(w)
    return w


_BLOCK = 4_000_000  # scores held at once in ``stability`` (32 MB)


def stability(
    pct: np.ndarray,
    weights: np.ndarray,
    *,
    top_n: int,
    draws: int = 300,
    seed: int = 0,
    forced_in: np.ndarray | None = None,
    forced_out: np.ndarray | None = None,
) -> np.ndarray:
    """Share of random re-weightings in which each row stays in the top ``top_n``.

    ``pct`` is the n×k percentile matrix, ``weights`` the k base weights.
    Every draw multiplies each weight by U(0.5, 1.5); all draws are scored in
    one matrix product and the top N of each picked with ``argpartition``.
    Pinned rows (``forced_in``) always count as in, excluded ones never.
    """
    n, k = pct.shape
    if n == 0 or draws <= 0:
        return np.zeros(n)
    top_n = max(1, min(int(top_n), n))
    rng = np.random.default_rng(seed)
    w = weights[:, None] * rng.uniform(0.5, 1.5, size=(k, draws))
    w /= np.maximum(w.sum(axis=0, keepdims=True), 1e-12)
    if top_n >= n:
        return np.ones(n)
    if k == 1 and (w == w[:, :1]).all():
        # one criterion: every draw scores 1.0 × the percentile, the same ranking
        # each time, so the top N of one draw is the top N of all of them
        return _top_share(pct, w[:, :1], top_n, forced_in, forced_out)
    return _top_share(pct, w, top_n, forced_in, forced_out)


def _top_share(
    pct: np.ndarray,
    w: np.ndarray,
    top_n: int,
    forced_in: np.ndarray | None,
    forced_out: np.ndarray | None,
) -> np.ndarray:
    """Per row, the share of the weight columns (draws) of ``w`` putting it in the top N."""
    n, draws = len(pct), w.shape[1]
    wt = w.T
    out_any = forced_out is not None and forced_out.any()
    in_any = forced_in is not None and forced_in.any()

    def scores(rows: np.ndarray | slice) -> np.ndarray:
        """draws × len(rows) scores, one product for all draws (same bits for any rows)."""
        s = wt @ np.ascontiguousarray(pct[rows].T)
        if out_any:
            s[:, forced_out[rows]] = -np.inf
        if in_any:
            s[:, forced_in[rows]] = np.inf
        return s

    # The draws × n matrix is built a block of rows at a time (a 1M-row table
    # would need 2.4 GB at once).  Exact pruning: the N-th best of any subset
    # is a floor for the N-th best of everyone, so only rows reaching that
    # floor in some draw can be in a top N; the partition then runs over a
    # few dozen columns, not all n.
    step = max(1024, _BLOCK // max(draws, 1))
    base, best = np.empty(n), np.empty(n)
    for a in range(0, n, step):
        s = scores(slice(a, a + step))
        base[a : a + step] = s.mean(axis=0)
        best[a : a + step] = s.max(axis=0)
    probe = np.argpartition(-base, min(4 * top_n, n) - 1)[: min(4 * top_n, n)]
    floor = -np.partition(-scores(probe), top_n - 1, axis=1)[:, top_n - 1]
    # BLAS may round a product a last bit differently for another set of rows:
    # lower the floor by far more than that so no row that could be in is lost
    floor -= np.where(np.isfinite(floor), np.abs(floor) * 1e-9, 0.0)
    maybe = np.flatnonzero(best >= floor.min())
    cand = np.concatenate(
        [
            part[(scores(part) >= floor[:, None]).any(axis=0)]
            for part in np.array_split(maybe, max(1, -(-len(maybe) // step)))
        ]
    )
    if len(cand) < top_n:  # cannot happen with finite scores; never fail on it
        cand = np.arange(n)
    sub = scores(cand)
    top = cand[np.argpartition(-sub, top_n - 1, axis=1)[:, :top_n]]
    return np.bincount(top.ravel(), minlength=n) / draws


def _match(names: pd.Series, wanted: Iterable[str]) -> tuple[np.ndarray, list[str]]:
    wanted = [str(w) for w in wanted]
    mask = names.isin(wanted).to_numpy()
    unknown = [w for w in wanted if w not in set(names)]
    return mask, unknown


def _best_rows(score: np.ndarray, pinned: np.ndarray, out: np.ndarray, slots: int) -> np.ndarray:
    """The best set as a row mask: the first ``slots`` rows that are not ``out``, pinned rows
    first, then by score (highest first), ties by row order.

    That is the head of ``np.lexsort((-score, -key))`` with key = +inf for pinned, -inf for
    out, else the score; the head is picked with a partition instead of sorting every row.
    """
    n = len(score)
    is_best = np.zeros(n, dtype=bool)
    if np.isnan(score).any():  # never with percentiles; keep the sort's NaN order exactly
        key = np.where(out, -np.inf, np.where(pinned, np.inf, score))
        order = np.lexsort((-score, -key))
        is_best[order[~out[order]][:slots]] = True
        return is_best
    first = np.flatnonzero(pinned & ~out)
    if len(first) > slots:  # by score, ties by row order (a stable sort)
        first = first[np.argsort(-score[first], kind="stable")[:slots]]
    is_best[first] = True
    k = slots - len(first)
    free = np.flatnonzero(~pinned & ~out)
    if k <= 0 or not len(free):
        return is_best
    if k >= len(free):
        is_best[free] = True
        return is_best
    neg = -score[free]
    cut = np.partition(neg, k - 1)[k - 1]  # the k-th best score (negated)
    above = free[neg < cut]
    tied = free[neg == cut]  # ascending row order, as the stable sort keeps them
    is_best[above] = True
    is_best[tied[: k - len(above)]] = True
    return is_best


def _order_desc(score: np.ndarray) -> np.ndarray:
    """``np.argsort(-score, kind="stable")``: highest first, ties in row order.

    numpy's stable sort of a million floats is a timsort (0.1 s); its default sort
    is several times faster but leaves equal scores in any order, so each run of
    equal scores is put back in row order afterwards (a few thousand rows: a
    percentile score has few ties).  NaN (never a percentile) and scores that are
    mostly ties take the stable sort.
    """
    key = -score
    if len(key) < 2 or np.isnan(key).any():
        return np.argsort(key, kind="stable")
    order = np.argsort(key)
    s = key[order]
    tie = s[1:] == s[:-1]  # 0.0 and -0.0 are equal here as in the stable sort
    if not tie.any():
        return order
    in_run = np.zeros(len(s), dtype=bool)
    in_run[1:] |= tie
    in_run[:-1] |= tie
    at = np.flatnonzero(in_run)
    if len(at) * 4 > len(key):  # mostly ties (a measure of a few values): timsort's case
        return np.argsort(key, kind="stable")
    run = np.cumsum(np.concatenate([[True], ~tie]))[at]  # which run of equal scores
    # by run, then row: one sort of distinct whole numbers (run × n + row)
    both = run.astype(np.int64) * len(key) + order[at]
    both.sort()
    order[at] = both % len(key)
    return order


def rank(
    dataset: Dataset,
    *,
    weights: Mapping[str, float] | None = None,
    top_n: int = 10,
    pins: Iterable[str] = (),
    excludes: Iterable[str] = (),
    lifetime_years: float = 3.0,
    draws: int = 300,
    seed: int = 0,
    values: CriterionValues | None = None,
    pool: np.ndarray | None = None,
) -> tuple[pd.DataFrame, list[str], list[Msg]]:
    """Score and order every customer; returns ``(table, criteria, warnings)``.

    ``pool`` (a boolean per row) limits who can be best: on a list of deals
    with an outcome, a lost or open deal is never a best customer however large
    it was, so only the won rows are in the pool.  Pins still win.

    ``table`` is sorted best set first (by score), then the rest by score,
    excluded customers last; columns ``name, score, rank, is_best, pinned,
    excluded, stability`` and ``c_<criterion>`` (weight-normalised share of
    the score, so the ``c_`` columns add up to ``score``).
    """
    cv = values or criterion_values(dataset, lifetime_years=lifetime_years)
    criteria = list(cv.parts)
    names = dataset.names()
    n = len(names)
    pct = _percentile_matrix(cv) if criteria else np.full((n, 0), 0.5)
    w = _weights(criteria, weights or {})
    wn = w / w.sum() if w.size else w
    contrib = pct * wn[None, :]
    score = contrib.sum(axis=1) if criteria else np.full(n, 0.5)

    notes: list[Msg] = []
    ex_mask, unknown_ex = _match(names, excludes)
    pin_mask, unknown_pin = _match(names, pins)
    for name in [*unknown_pin, *unknown_ex]:
        notes.append(Msg("analysis.unknown_name", {"name": name}))
    clash = pin_mask & ex_mask
    if clash.any():
        for name in sorted(set(names[clash])):
            notes.append(Msg("analysis.pin_and_exclude", {"name": name}))
        pin_mask = pin_mask & ~ex_mask

    top_n = max(1, int(top_n))
    out = ex_mask if pool is None else ex_mask | (~np.asarray(pool, dtype=bool) & ~pin_mask)
    slots = max(top_n, int(pin_mask.sum()))
    if pin_mask.sum() > top_n:
        notes.append(Msg("analysis.pins_exceed", {"pins": int(pin_mask.sum()), "n": top_n}))
    is_best = _best_rows(score, pin_mask, out, slots)

    stab = np.full(n, np.nan)
    if criteria and draws > 0:
        share = stability(
            pct,
            w,
            top_n=slots,
            draws=draws,
            seed=seed,
            forced_in=pin_mask,
            forced_out=out,
        )
        stab[is_best] = share[is_best]

    # display order: the best set by score, then the rest by score, excluded last
    by_score = _order_desc(score)
    final = np.concatenate(
        [
            by_score[is_best[by_score]],
            by_score[~is_best[by_score] & ~ex_mask[by_score]],
            by_score[ex_mask[by_score]],
        ]
    )
    table = pd.DataFrame(
        {
            "name": names.array,  # Arrow strings: no Python string per row
            "score": score,
            "is_best": is_best,
            "pinned": pin_mask,
            "excluded": ex_mask,
            "stability": stab,
        },
        index=dataset.table.index,
    )
    for j, crit in enumerate(criteria):
        table[f"c_{crit}"] = contrib[:, j]
    table = table.iloc[final]
    table.insert(2, "rank", np.arange(1, n + 1))
    return table, criteria, notes
