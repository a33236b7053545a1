"""The p-values the analysis needs, bit for bit as ``scipy.stats`` gives them, without importing it.

Why: importing ``scipy.stats`` costs about a second of CPU (it loads every
distribution, ``scipy.optimize``, ``scipy.sparse`` …), more than the whole
analysis of a few hundred customers.  The analysis only needs two things
from it: hypergeometric tails (Fisher's exact test) and the Mann–Whitney U
test.  Both come down to functions of ``scipy.special`` (~0.25 s to import):
the Boost hypergeometric tails behind ``scipy.stats.hypergeom`` and the
normal tail ``ndtr``.  The code below repeats scipy's own wrappers step by
step (same argument checks, same order of floating-point operations), so the
results are identical, not merely close — ``tests/test_pvalues.py`` compares
them with ``scipy.stats`` on many inputs.  The one case it does not repeat,
the exact Mann–Whitney distribution for small tie-free samples, is handed to
``scipy.stats`` itself.
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

import numpy as np

from icp.lazy import lazy_module

__all__ = ["MannWhitney", "hypergeom_cdf", "hypergeom_sf", "mannwhitneyu"]

sc = lazy_module("scipy.special")  # lazy: startup speed (an app page may need no statistic)
stats = lazy_module("scipy.stats")  # lazy: startup speed (only for the exact small-sample test)


@cache
def _boost(kind: str) -> Any:
    """Boost's hypergeometric tail as scipy.stats.hypergeom calls it, or None.

    Private to scipy: should a release rename it, scipy.stats itself is used.
    """
    return getattr(getattr(sc, "_ufuncs", None), f"_hypergeom_{kind}", None)


def _hypergeom(kind: str, k: Any, M: Any, n: Any, N: Any) -> np.ndarray | float:
    """``scipy.stats.hypergeom.<kind>(k, M, n, N)`` following ``rv_discrete.sf/cdf``."""
    ufunc = _boost(kind)
    if ufunc is None:
        return getattr(stats.hypergeom, kind)(k, M, n, N)
    k, M, n, N = (np.asarray(v) for v in (k, M, n, N))
    a = np.maximum(N - (M - n), 0)  # the support, as hypergeom._get_support
    b = np.minimum(n, N)
    ok = (M > 0) & (n >= 0) & (N >= 0) & (n <= M) & (N <= M)
    for v in (M, n, N):  # whole numbers only
        ok &= np.round(v) == v
    inside = (k >= a) & (k < b)
    # at or beyond the support's edge the tail is everything: 1
    edge = ((k < a) | np.isneginf(k)) & ok if kind == "sf" else k >= b
    cond = ok & inside & np.isfinite(k)
    out = np.zeros(np.shape(cond), "d")
    np.place(out, edge, 1.0)
    np.place(out, (1 - ok) + np.isnan(k), np.nan)
    if np.any(cond):
        shape = np.shape(cond)
        args = np.stack([np.broadcast_to(v, shape)[cond] for v in (k, n, N, M)]).astype("d")
        # the tail of each distinct (k, n, N, M) once: with a large population every call
        # costs ~0.2 ms, and a column of 4,000 labels asks for a few hundred distinct ones
        # (labels seen once or twice share theirs); the same values, element by element
        uniq, back = np.unique(args, axis=1, return_inverse=True)
        tails = ufunc(*uniq)[back.reshape(-1)]
        np.place(out, cond, np.clip(tails, 0, 1))
    return out[()] if out.ndim == 0 else out


def hypergeom_sf(k: Any, M: Any, n: Any, N: Any) -> np.ndarray | float:
    """P(X > k) for X ~ Hypergeometric(population M, n successes in it, N drawn)."""
    return _hypergeom("sf", k, M, n, N)


def hypergeom_cdf(k: Any, M: Any, n: Any, N: Any) -> np.ndarray | float:
    """P(X <= k) for X ~ Hypergeometric(population M, n successes in it, N drawn)."""
    return _hypergeom("cdf", k, M, n, N)


_SORT_QUERIES = 10_000  # a sample of x bigger than this is ranked in sorted order


class MannWhitney(NamedTuple):
    statistic: float
    pvalue: float


def mannwhitneyu(
    x: np.ndarray, y: np.ndarray, *, sorted_xy: np.ndarray | None = None
) -> MannWhitney:
    """Two-sided Mann–Whitney U test of two 1-D float samples without NaN.

    ``scipy.stats.mannwhitneyu(x, y, alternative="two-sided")`` with its
    default ``method="auto"``: the normal approximation with tie and
    continuity correction, unless both samples are small (one of them 8 or
    fewer) and free of ties, when scipy computes the exact distribution.
    ``sorted_xy``: both samples together, sorted, when the caller has them
    already (``icp.traits`` sorts a column once for this and its band search).
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n1, n2 = x.shape[-1], y.shape[-1]
    # scipy.stats._stats_py._rankdata(xy, "average", return_ties=True), but only
    # x's ranks are needed: one plain sort of both samples, then each x value's
    # run of equal values found by binary search (a 1M-row column: one sort,
    # not an argsort plus two 1M-element gathers; the same ranks and tie counts)
    if sorted_xy is None:
        xy = np.sort(np.concatenate([x, y], axis=-1), kind="quicksort")
    else:
        xy = np.asarray(sorted_xy, dtype=np.float64)
    new = np.empty(xy.shape, dtype=bool)
    new[:1] = True
    np.not_equal(xy[1:], xy[:-1], out=new[1:])
    starts = np.flatnonzero(new)
    counts = np.diff(np.append(starts, len(xy)))
    t = np.zeros(xy.shape, dtype=np.float64)  # tie counts where each run starts, sorted order
    t[starts] = counts.astype(np.float64)
    if not (n1 > 8 and n2 > 8) and not np.any(t > 1):  # scipy's "exact" method
        res = stats.mannwhitneyu(x, y, alternative="two-sided")
        return MannWhitney(float(res.statistic), float(res.pvalue))
    # Every rank is a half-integer, so while n1 * n stays under 2**51 every partial sum of
    # x's ranks is exact and their sum is the same in any order: a big x (half of a 1M-row
    # column) is then looked up sorted, cache-friendly, instead of 2 x 500k random searches.
    q = np.sort(x, axis=-1) if x.ndim == 1 and n1 > _SORT_QUERIES and n1 * len(xy) < 2**51 else x
    lo = np.searchsorted(xy, q, side="left")  # where x's run starts
    c = np.searchsorted(xy, q, side="right") - lo
    ranks_x = (lo + 1).astype(np.float64) + (np.asarray(c, dtype=np.float64) - 1) / 2
    R1 = np.sum(ranks_x, axis=-1)
    U1 = R1 - n1 * (n1 + 1) / 2
    U2 = n1 * n2 - U1
    U = np.maximum(U1, U2)
    # scipy.stats._mannwhitneyu._get_mwu_z, continuity=True
    mu = n1 * n2 / 2
    n = n1 + n2
    tie_term = np.sum(t**3 - t, axis=-1)
    s = np.sqrt(n1 * n2 / 12 * ((n + 1) - tie_term / (n * (n - 1))))
    numerator = U - mu
    numerator -= 0.5
    with np.errstate(divide="ignore", invalid="ignore"):
        z = numerator / s
    p = sc.ndtr(-z)
    p *= 2
    p = np.clip(p, 0.0, 1.0)
    return MannWhitney(float(U1), float(p))
