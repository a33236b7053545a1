"""icp.pvalues gives exactly scipy.stats' numbers (the analysis JSON must not move by a bit)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from icp import pvalues


def _grid(rng: np.random.Generator, size: int):
    M = rng.integers(2, 3000, size)
    n = rng.integers(0, M + 1)
    N = rng.integers(0, M + 1)
    lo, hi = np.maximum(N - (M - n), 0), np.minimum(n, N)
    k = rng.integers(lo - 2, hi + 3).astype(float)  # a little outside the support too
    return k, M, n.astype(float), N


def test_hypergeometric_tails_are_scipys_to_the_bit():
    rng = np.random.default_rng(7)
    k, M, n, N = _grid(rng, 5000)
    np.testing.assert_array_equal(pvalues.hypergeom_sf(k, M, n, N), stats.hypergeom.sf(k, M, n, N))
    np.testing.assert_array_equal(
        pvalues.hypergeom_cdf(k, M, n, N), stats.hypergeom.cdf(k, M, n, N)
    )
    # the shapes the analysis passes: arrays with scalar population and draw size
    b = rng.integers(0, 40, 200).astype(float)
    r = rng.integers(0, 300, 200).astype(float)
    np.testing.assert_array_equal(
        pvalues.hypergeom_sf(b - 1, 340, b + r, 40), stats.hypergeom.sf(b - 1, 340, b + r, 40)
    )
    assert pvalues.hypergeom_sf(3.0, 50, 10, 12) == stats.hypergeom.sf(3.0, 50, 10, 12)


def test_a_column_of_many_labels_in_a_big_table_gets_scipys_tails_for_every_label():
    """4,000 labels of 100,000 rows (most seen a few times, so many share their counts;
    each distinct count is computed once), best groups of 10 and of 33,000."""
    rng = np.random.default_rng(16)
    n = np.maximum(1, 3000 / (np.arange(4000) + 1) ** 0.8).astype(int).astype(float)
    for drawn in (10, 33_000):
        k = np.minimum(rng.binomial(n.astype(int), drawn / 100_000), n).astype(float)
        for kind in ("sf", "cdf"):
            got = getattr(pvalues, f"hypergeom_{kind}")(k - 1, 100_000, n, drawn)
            np.testing.assert_array_equal(
                got, getattr(stats.hypergeom, kind)(k - 1, 100_000, n, drawn)
            )


def test_impossible_arguments_give_nan_like_scipy():
    got = pvalues.hypergeom_sf(np.array([1.0, 1.0]), np.array([10, 10]), np.array([11, 3]), 4)
    assert np.isnan(got[0]) and got[1] == stats.hypergeom.sf(1.0, 10, 3, 4)


@pytest.mark.parametrize(
    ("n1", "n2", "ties"),
    [
        (40, 280, True),
        (40, 280, False),
        (9, 9, False),
        (5, 30, True),
        (5, 30, False),
        (3, 4, False),
    ],
)
def test_mann_whitney_is_scipys_to_the_bit(n1, n2, ties):
    rng = np.random.default_rng(n1 * 1000 + n2 + ties)
    for _ in range(30):
        if ties:
            x, y = rng.integers(0, 12, n1).astype(float), rng.integers(2, 14, n2).astype(float)
        else:
            x, y = rng.normal(0.3, 1, n1), rng.normal(0, 1, n2)
        want = stats.mannwhitneyu(x, y, alternative="two-sided")
        got = pvalues.mannwhitneyu(x, y)
        assert got.pvalue == float(want.pvalue) and got.statistic == float(want.statistic)
