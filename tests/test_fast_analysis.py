"""The 1M-row speed-ups of the analysis must not change a result: each fast path
against the plain way it replaced (pandas' rank, a full lexsort, scipy, a full pass).

(Timing lives in bench/; these only check that the answers stay the same.)
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from icp import analysis, bands, dataset, outcome, pvalues, rank, traits
from icp.model import Settings
from tests.plain import plain_id_reason


def _awkward_values(rng: np.random.Generator, n: int) -> np.ndarray:
    """Many ties, a few NaN, ±inf, -0.0 next to 0.0, and huge and tiny numbers."""
    v = rng.integers(0, max(2, n // 4), n).astype(float)
    noisy = rng.random(n) < 0.3
    v[noisy] = rng.normal(size=int(noisy.sum()))
    v[rng.random(n) < 0.05] = np.nan
    v[rng.random(n) < 0.02] = np.inf
    v[rng.random(n) < 0.02] = -np.inf
    v[rng.random(n) < 0.05] = -0.0
    v[rng.random(n) < 0.05] = 0.0
    v[rng.random(n) < 0.05] = 1e300
    return v


@pytest.mark.parametrize("n", [2, 3, 10, 257, 5000])
def test_percentiles_equal_pandas_rank(n):
    rng = np.random.default_rng(n)
    for _ in range(5):
        values = pd.Series(_awkward_values(rng, n))
        if rng.random() < 0.5:
            values = pd.Series(rng.random(n))  # continuous: no ties
        known = values.notna().to_numpy()
        for higher in (True, False):
            want = np.full(n, 0.5)
            m = int(known.sum())
            if m >= 2:
                r = values[known].rank(method="average").to_numpy()
                p = (r - 1.0) / (m - 1.0)
                want[known] = p if higher else 1.0 - p
            got = rank.percentiles(values, higher_is_better=higher)
            np.testing.assert_array_equal(got, want)


def _plain_best(score, pinned, out, slots):
    key = np.where(out, -np.inf, np.where(pinned, np.inf, score))
    order = np.lexsort((-score, -key))
    best = np.zeros(len(score), dtype=bool)
    best[order[~out[order]][:slots]] = True
    return best


def test_best_set_equals_the_full_sort_with_ties_pins_and_exclusions():
    rng = np.random.default_rng(7)
    for trial in range(300):
        n = int(rng.integers(1, 60))
        score = rng.integers(0, 5, n) / 4.0  # heavy ties at the cut-off
        if trial % 5 == 0:
            score = rng.random(n)
        if trial % 17 == 0:
            score[rng.random(n) < 0.2] = np.nan  # the sort's NaN order is kept too
        pinned = rng.random(n) < 0.1
        out = (rng.random(n) < 0.2) & ~pinned
        if trial % 7 == 0:
            out = rng.random(n) < 0.2  # a pinned row that is out anyway
        slots = int(rng.integers(1, n + 3))
        np.testing.assert_array_equal(
            rank._best_rows(score, pinned, out, slots), _plain_best(score, pinned, out, slots)
        )


def _id_columns(rng: np.random.Generator, n: int) -> dict[str, pd.Series]:
    """Columns on both sides of every rule: distinct or not (also only past the head),
    hashes, codes, row numbers, long and short integers, amounts, names, mixed cells."""
    hexes = [f"{rng.integers(0, 2**62):016x}{i:016x}" for i in range(n)]
    codes = [f"{rng.integers(1000, 9999)}-QW{i}" for i in range(n)]
    repeated_tail = codes[: n // 2] + codes[: n - n // 2]  # distinct head, repeats after it
    cols = {
        "hash": hexes,
        "hash with repeats": hexes[: n - n // 10] + hexes[: n // 10],
        # just over and just under the 95% distinct line
        "code 97% distinct": codes[: n - n * 3 // 100] + codes[: n * 3 // 100],
        "code 93% distinct": codes[: n - n * 7 // 100] + codes[: n * 7 // 100],
        "code": codes,
        "code repeated in the tail": repeated_tail,
        "account id": [f"acct{i}" for i in range(n)],  # an id header: any code shape
        "Customer No": list(range(1, n + 1)),
        "row": np.arange(n).astype(float),
        "shuffled rows": rng.permutation(np.arange(1, n + 1)),
        "long ints": rng.permutation(np.arange(10_000_000, 10_000_000 + n)),
        "mixed length ints": rng.permutation(np.arange(99_990, 99_990 + n)),
        "amounts": rng.random(n) * 1e6,
        "whole amounts": rng.integers(0, 10 * n, n).astype(float),
        "zip": [f"{z:05d}" for z in rng.integers(0, max(10, n // 3), n)],
        "names": [f"公司{i}号" for i in range(n)],
        "numbers then text": [str(i) for i in range(n - 3)] + ["a", "b", "c"],
        "objects": pd.Series([i if i % 2 else f"x{i}" for i in range(n)], dtype=object),
        "few": rng.choice(["a", "b", "c"], n),
        "with blanks": [None if i % 4 == 0 else f"ID-{i}7" for i in range(n)],
    }
    return {k: pd.Series(v) for k, v in cols.items()}


@pytest.mark.parametrize("n", [4, 6, 40, 1200, 12_000, 30_000])  # both sides of _SHORT
def test_id_detection_equals_the_full_pass(n):
    rng = np.random.default_rng(n)
    for header, col in _id_columns(rng, n).items():
        for values in (col, col.astype("str") if col.dtype == object else col):
            assert outcome.id_reason(values, header=header) == plain_id_reason(
                values, header=header
            ), (header, n)


def _numeric_samples(rng: np.random.Generator):
    """Pairs of samples: ties, -0.0 and 0.0, negatives, huge and tiny values, whole and not."""
    for n1, n2 in ((3, 5), (9, 12), (40, 400), (1500, 20_000)):
        yield rng.integers(0, 20, n1).astype(float), rng.integers(0, 20, n2).astype(float)
        yield rng.normal(size=n1) * 1e6, rng.normal(size=n2) * 1e6
        a = rng.choice([-0.0, 0.0, 1.0, 2.5, -3.0, 1e-300, -1e-300, 2.0**60], n1)
        b = rng.choice([-0.0, 0.0, 1.0, 2.5, -3.0, 1e-300, -1e-300, 2.0**60], n2)
        yield a, b
        yield rng.integers(5, 5000, n1).astype(float), rng.integers(5, 5000, n2).astype(float)


def test_numeric_columns_sorted_once_give_the_same_tests_and_bands():
    rng = np.random.default_rng(11)
    for xb, xr in _numeric_samples(rng):
        x = np.concatenate([xb, xr])
        xs = np.sort(x, kind="quicksort")
        want = pvalues.mannwhitneyu(xb, xr)
        assert pvalues.mannwhitneyu(xb, xr, sorted_xy=xs) == want
        scipy_res = stats.mannwhitneyu(xb, xr, alternative="two-sided")
        assert (want.statistic, want.pvalue) == (scipy_res.statistic, scipy_res.pvalue)
        whole = bool(np.all(np.mod(x, 1) == 0))
        assert bool(np.all(xs == np.floor(xs))) == whole
        assert xs[-1] - xs[0] == np.ptp(x)
        plain = bands.cut_column(xb, xr, whole=whole)
        fast = bands.cut_column(xb, xr, whole=whole, sorted_x=xs)
        np.testing.assert_array_equal(fast.edges, plain.edges)
        np.testing.assert_array_equal(fast.bins_b, plain.bins_b)
        np.testing.assert_array_equal(fast.bins_t, plain.bins_t)
        assert fast.x.max() == plain.x.max()
        for reverse in (False, True):
            assert bands.band_search(
                xb, xr, whole=whole, reverse=reverse, bins=fast
            ) == bands.band_search(xb, xr, whole=whole, reverse=reverse, bins=plain)
        # the chance draws kept from the upward search are the downward search's own
        alone = bands.band_search(xb, xr, whole=whole, reverse=True)
        assert bands.band_search(xb, xr, whole=whole, reverse=True, bins=fast) == alone


def test_rest_median_read_from_the_sorted_column_is_numpys():
    """``traits._rest_median`` (the rest's median from both groups sorted together, the
    best taken out) against ``np.median``, to the bit: ties between and within the groups,
    a best value repeated, 0 and -0 in the middle, odd and even sizes."""
    rng = np.random.default_rng(12)
    pairs = list(_numeric_samples(rng))
    for n in (17, 18, 400, 401, 5000):
        for k in (1, 2, 10, n // 8):
            for draw in (
                lambda m: rng.integers(0, 6, m).astype(float),
                lambda m: rng.normal(size=m) * 1e6,
                lambda m: rng.choice([-0.0, 0.0, 0.0, 1.5, -2.0], m),
                lambda m: np.full(m, 3.25),
            ):
                pairs.append((draw(k), draw(n - k)))
    pairs.append((np.array([100.0, 100.0]), np.arange(16.0)))  # a best value twice: 7.5
    pairs.append((np.array([-1.0, 7.0, 7.0]), np.arange(24.0)))
    fast = 0
    for xb, xr in pairs:
        xs = np.sort(np.concatenate([xb, xr]), kind="quicksort")
        want = float(np.median(xr))
        got = traits._rest_median(xr, xb, sorted_xy=xs)
        assert got == want and np.signbit(got) == np.signbit(want), (xb, xr)
        fast += len(xb) * 8 <= len(xs)
    assert fast > 50  # most pairs took the sorted way


@pytest.mark.parametrize("ties", [True, False])
def test_mann_whitney_of_a_big_sample_ranked_in_sorted_order_is_scipys(ties):
    rng = np.random.default_rng(5)
    n1, n2 = pvalues._SORT_QUERIES + 2345, 30_000  # x past the sorted-lookup threshold
    x, y = rng.normal(size=n1), rng.normal(0.05, 1, size=n2)
    if ties:
        x, y = np.round(x * 20), np.round(y * 20)
    got = pvalues.mannwhitneyu(x, y)
    want = stats.mannwhitneyu(x, y, alternative="two-sided")
    assert (got.statistic, got.pvalue) == (want.statistic, want.pvalue)
    assert pvalues.mannwhitneyu(x, y, sorted_xy=np.sort(np.concatenate([x, y]))) == got


def test_text_blanked_on_a_second_core_gives_the_same_findings(monkeypatch):
    """A big list's name-like text columns are blanked while it ranks: same words found."""
    rng = np.random.default_rng(3)
    n = 60_000
    words = np.array(["cloud", "bank", "retail", "logistics", "云计算", "银行"])
    rows = [f"{words[i % 6]} {words[(i * 7) % 5]} {i} no.{rng.integers(1000)}" for i in range(n)]
    body = "Company,Notes,Revenue,Won\n" + "".join(
        f"Co {i},{rows[i]},{rng.integers(1, 10**6)},{'Yes' if i % 3 == 0 else 'No'}\n"
        for i in range(n)
    )

    def findings() -> tuple:
        ds = dataset.open_dataset(body.encode(), filename="big.csv")
        res = analysis.run(ds, Settings())
        return (
            [(t.column, t.value, t.best_count, t.rest_count) for t in res.traits],
            [(t.column, t.value, t.best_count) for t in res.leads],
            {k: v.to_dict("list") for k, v in res.keywords.items()},
        )

    blanked: list[list[str]] = []
    real = traits.blank_text

    def spy(table, mapping):
        out = real(table, mapping)
        blanked.append([name for _, name in out])
        return out

    monkeypatch.setattr(traits, "blank_text", spy)
    aside = findings()
    assert blanked == [["Notes"]]
    monkeypatch.setattr(analysis, "_BLANK_ASIDE_ROWS", n + 1)
    inline = findings()
    assert blanked == [["Notes"]]  # not again: blanked inline, as on a small list
    assert aside == inline
    assert any(k == "Notes" for k in aside[2]) and aside[2]["Notes"]["word"]
