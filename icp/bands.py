"""Band search for numeric traits: round-number edges and the strongest band, with its p-value.

A column is cut at candidate edges (round numbers inside its range plus every 5th
percentile rounded to a nice number, ``_edges``), every band between two edges is scored
by the best's share inside minus the rest's (or the other way round for a warning), and
the strongest band's p-value is the share of ``DRAWS`` random relabellings whose own
strongest band is at least as strong.  ``icp.traits.numeric_traits`` decides what a
passing band means (a sweet spot, a shift or a warning); ``nice_range`` rounds a range
for people.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

__all__ = ["DRAWS", "MIN_BAND_GAIN", "Band", "Bins", "band_search", "cut_column", "nice_range"]


def nice_range(low: float, high: float, *, whole: bool = False) -> tuple[float, float]:
    """Round ``[low, high]`` outwards to numbers a person would say ("100–300").

    ``whole`` keeps counts whole ("1–6 referrals", never "1–5.5").
    """
    if not (math.isfinite(low) and math.isfinite(high)):
        return low, high
    span = high - low
    if span <= 0:
        span = abs(high) or 1.0
    step = 10 ** math.floor(math.log10(span)) / 2
    if whole:
        step = max(step, 1.0)
    lo = math.floor(low / step) * step
    hi = math.ceil(high / step) * step
    if low >= 0 > lo:
        lo = 0.0
    digits = max(0, -math.floor(math.log10(step)) + 1)
    return round(lo, digits), round(hi, digits)


def _nice_edge(x: float, *, whole: bool) -> float:
    """``x`` rounded to a number people use as a band edge (113 → 100, 287 → 300, 0.72 → 0.7)."""
    if x == 0 or not math.isfinite(x):
        return 0.0 if x == 0 else x
    step = 10 ** math.floor(math.log10(abs(x))) / 2
    if whole:
        step = max(step, 1.0)
    v = round(x / step) * step
    return float(round(v, max(0, -math.floor(math.log10(step)) + 1)))


DRAWS = 1000  # chance draws per column for the band search's p-value
_DRAW_BLOCK = 50  # draws whose band counts are held at once
MIN_BAND_GAIN = 0.3  # a band holds at least 30 points more of one group than of the other


@dataclass
class Band:
    low: float
    high: float  # exclusive, unless ``open_high`` (then the largest value: "300 or more")
    open_high: bool
    best_in: int
    rest_in: int
    gain: float  # best share − rest share inside the band (or the reverse for a warning)
    p_value: float  # how often chance alone finds a band this strong (permutation)


_NICE = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.5)  # edges people use, per power of ten


def _edges(x: np.ndarray, *, whole: bool) -> np.ndarray:
    """Candidate band edges: round numbers (1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 × 10^k) inside
    the data's range plus every 5th percentile rounded to a nice number, so "100–300" can
    be found wherever the data lie."""
    lo, hi = float(x.min()), float(x.max())
    qs = np.percentile(x, np.arange(0, 101, 5))
    edges = {_nice_edge(float(q), whole=whole) for q in qs}
    top = max(abs(lo), abs(hi))
    if top > 0 and lo >= 0:
        for k in range(math.floor(math.log10(top)) - 3, math.floor(math.log10(top)) + 1):
            for m in _NICE:
                v = m * 10.0**k
                if lo < v < hi and (not whole or v.is_integer()):
                    edges.add(float(round(v, 10)))
    out = np.array(sorted(e for e in edges if lo <= e <= hi or e == _nice_edge(lo, whole=whole)))
    if not len(out) or out[0] > lo:
        out = np.concatenate([[math.floor(lo)], out])
    if out[-1] <= hi:
        out = np.concatenate([out, [hi + (1 if whole else abs(hi) * 1e-9 + 1e-12)]])
    return np.unique(out)


@dataclass(frozen=True)
class Bins:
    """A column cut at its candidate edges: what both band searches (up and down) share."""

    x: np.ndarray  # best then rest
    edges: np.ndarray
    bins_b: np.ndarray  # best rows per bin
    bins_t: np.ndarray  # all rows per bin
    # per draw of chance, its strongest band's gain each way (the same draws for both
    # directions: same seed), keyed by (seed, best count)
    null: dict = field(default_factory=dict, compare=False, repr=False)


def cut_column(
    xb: np.ndarray, xr: np.ndarray, *, whole: bool, sorted_x: np.ndarray | None = None
) -> Bins:
    """The column cut at its edges.  ``sorted_x`` (both groups together, sorted) makes the
    percentiles and the all-rows counts a few binary searches instead of passes over every
    row; the numbers are the same (``x`` is then held sorted, which no reader minds)."""
    x = np.concatenate([xb, xr]) if sorted_x is None else sorted_x
    edges = _edges(x, whole=whole)
    k = max(len(edges) - 1, 1)
    bins_b = np.bincount(
        np.clip(np.searchsorted(edges, xb, side="right") - 1, 0, k - 1), minlength=k
    )
    if sorted_x is None:
        bins_t = np.bincount(
            np.clip(np.searchsorted(edges, x, side="right") - 1, 0, k - 1), minlength=k
        )
    else:  # bin b holds edges[b] <= v < edges[b + 1]; below the first / from the last: clipped
        inner = np.searchsorted(sorted_x, edges[1:k], side="left")
        bins_t = np.diff(np.concatenate([[0], inner, [len(sorted_x)]]))
    return Bins(x, edges, bins_b, bins_t)


def band_search(
    xb: np.ndarray,
    xr: np.ndarray,
    *,
    whole: bool,
    reverse: bool,
    seed: int = 0,
    bins: Bins | None = None,
) -> Band | None:
    """The band [low, high) that best separates one group from the other, found by search.

    Every band between two candidate edges (``_edges``) is scored by the
    share of the best inside minus the share of the rest inside (``reverse``:
    the other way round); bands held by fewer than ``max(2, 20%)`` of the
    group they favour, where the other group's share is more than half of
    it, or covering everyone, are not considered.  Its p-value is the share of
    ``DRAWS`` random relabellings (the best drawn at random from all rows, a
    multivariate hypergeometric draw per bin) whose best band is at least as
    strong — so searching many bands is paid for, and a noise column rarely
    passes.  ``bins`` (from ``cut_column``) saves cutting the column again for the
    other direction.
    """
    bins = bins or cut_column(xb, xr, whole=whole)
    x, edges, bins_b, bins_t = bins.x, bins.edges, bins.bins_b, bins.bins_t
    k = len(edges) - 1
    if k < 2:
        return None
    nb, nr = len(xb), len(xr)
    i, j = np.triu_indices(k + 1, 1)  # band = bins i .. j-1
    full = (i == 0) & (j == k)
    i, j = i[~full], j[~full]

    def counts(b_bins: np.ndarray) -> tuple[np.ndarray, ...]:
        """Best and rest rows inside every band, and as shares of their group."""
        cb = np.concatenate([np.zeros((*b_bins.shape[:-1], 1)), np.cumsum(b_bins, axis=-1)], -1)
        ct = np.concatenate([[0], np.cumsum(bins_t)])
        b_in = cb[..., j] - cb[..., i]
        r_in = (ct[j] - ct[i]) - b_in
        return b_in, r_in, b_in / nb, r_in / nr

    def best_of(
        b_in: np.ndarray,
        r_in: np.ndarray,
        b_share: np.ndarray,
        r_share: np.ndarray,
        reverse: bool = reverse,
    ) -> np.ndarray:
        mine, other = (r_share, b_share) if reverse else (b_share, r_share)
        held = r_in if reverse else b_in
        need = max(2, math.ceil((0.05 * nr) if reverse else (0.2 * nb)))
        # only bands where the other group's share is at most half this one's
        ok = (held >= need) & (other <= mine / 2)
        return np.where(ok, mine - other, -np.inf)

    observed = counts(bins_b.astype(float))
    gain, b_in = best_of(*observed), observed[0]
    if not np.isfinite(gain).any():
        return None
    # the strongest band; among equals the narrowest
    top = int(np.lexsort((j - i, -gain))[0])
    key = (seed, nb)  # the draws depend on these and the bins only, not on the direction
    if key not in bins.null:
        rng = np.random.default_rng(seed)
        draws = rng.multivariate_hypergeometric(bins_t.astype(np.int64), nb, size=DRAWS)
        draws = draws.astype(float)
        # per draw, its strongest band's gain each way; a block of draws at a time, so
        # the draws x bands arrays stay small (all at once: four 9 MB arrays a column)
        strongest = {False: np.empty(len(draws)), True: np.empty(len(draws))}
        for a in range(0, len(draws), _DRAW_BLOCK):
            block = counts(draws[a : a + _DRAW_BLOCK])
            for way in (False, True):
                strongest[way][a : a + _DRAW_BLOCK] = best_of(*block, reverse=way).max(axis=1)
        bins.null[key] = strongest
    null = bins.null[key][reverse]
    p = (1 + int((null >= gain[top] - 1e-12).sum())) / (DRAWS + 1)
    ct = np.concatenate([[0], np.cumsum(bins_t)])
    best_in = int(b_in[top])
    rest_in = int(ct[j[top]] - ct[i[top]]) - best_in
    open_high = bool(j[top] == k)
    high = float(x.max()) if open_high else float(edges[j[top]])
    return Band(float(edges[i[top]]), high, open_high, best_in, rest_in, float(gain[top]), p)
