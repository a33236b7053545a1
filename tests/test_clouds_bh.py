"""The word clouds' multiple-testing step without scipy.stats gives scipy.stats' numbers.

``icp.clouds.bh_adjust`` repeats ``scipy.stats.false_discovery_control``
(method "bh") so the Commonalities page need not import ``scipy.stats``; a
word kept or dropped must not change.  Checked bit for bit on random
p-values, ties, exact 0 / 1, and the one- and two-element edge cases.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from icp.clouds import bh_adjust


@pytest.mark.parametrize("seed", range(40))
def test_bh_matches_scipy_on_random_p_values(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 400))
    ps = rng.random(n) ** rng.uniform(0.2, 4)
    if seed % 3 == 0:  # many ties, as the hypergeometric tails of small counts give
        ps = np.round(ps, 2)
    if seed % 5 == 0:
        ps[: n // 4] = 0.0
        ps[-2:] = 1.0
    assert np.array_equal(bh_adjust(ps), stats.false_discovery_control(ps, method="bh"))


@pytest.mark.parametrize("ps", [[0.3], [0.04, 0.01], [0.5, 0.5, 0.5], [1.0, 0.0]])
def test_bh_matches_scipy_on_small_inputs(ps):
    got = bh_adjust(np.array(ps))
    want = stats.false_discovery_control(np.array(ps), method="bh")
    assert np.array_equal(got, want)


def test_the_adjustment_keeps_the_order_of_the_words():
    ps = np.array([0.04, 0.001, 0.03, 0.2])
    adj = bh_adjust(ps)
    assert adj[1] == adj.min() and adj[3] == adj.max()
    assert np.all(adj >= ps)
