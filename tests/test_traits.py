"""icp.traits: best-vs-rest statistics, small-count guards, tags, keywords, sweet spots."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from icp import bands, traits
from icp.analysis import run
from icp.dataset import open_dataset
from icp.model import Settings
from icp.schema import ColumnSpec, FieldType, Mapping, Role
from icp.text import tokenize
from icp.traits import after_outcome, categorical_traits, nice_range, numeric_traits, wilson


def groups(n_best: int, n: int) -> tuple[pd.Series, pd.Series]:
    best = pd.Series([i < n_best for i in range(n)])
    return best, ~best


def test_p_value_is_fishers_exact_and_lift_is_smoothed():
    # 8 of 10 best are Manufacturing vs 20 of 90 rest
    industry = ["Manufacturing"] * 8 + ["Retail"] * 2 + ["Manufacturing"] * 20 + ["Retail"] * 70
    table = pd.DataFrame({"Industry": industry})
    mapping = Mapping([ColumnSpec("Industry", FieldType.SINGLE, Role.INDUSTRY)])
    best, rest = groups(10, 100)
    found, warn, _ = categorical_traits(table, mapping, best, rest)
    top = found[0]
    assert (top.column, top.value, top.best_count, top.rest_count) == (
        "Industry",
        "Manufacturing",
        8,
        20,
    )
    _, p = stats.fisher_exact([[8, 2], [20, 70]], alternative="greater")
    assert top.p_value == pytest.approx(p)
    assert top.lift == pytest.approx((9 / 12) / (21 / 92))
    assert top.ci_low < 0.8 < top.ci_high
    # the mirror image is a warning sign: Retail is rare among the best
    assert [(t.value, t.best_count) for t in warn] == [("Retail", 2)]
    _, p_less = stats.fisher_exact([[2, 8], [70, 20]], alternative="less")
    assert warn[0].p_value == pytest.approx(p_less)


def test_a_value_held_by_one_best_customer_is_never_a_finding():
    # "Unicorn" is held by exactly one best customer and nobody else: huge raw lift,
    # still an anecdote.  "Steel" (6 of 10 vs 10%) is a real pattern.
    industry = ["Unicorn"] + ["Steel"] * 6 + ["Retail"] * 3
    industry += ["Steel"] * 9 + ["Retail"] * 81
    table = pd.DataFrame({"Industry": industry})
    mapping = Mapping([ColumnSpec("Industry", FieldType.SINGLE)])
    best, rest = groups(10, 100)
    found, _, _ = categorical_traits(table, mapping, best, rest)
    assert [t.value for t in found] == ["Steel"]
    assert all(t.best_count >= 2 for t in found)


def test_lift_stays_finite_when_the_rest_never_have_the_value():
    tags = ["ERP"] * 6 + ["CRM"] * 4 + ["CRM"] * 90
    table = pd.DataFrame({"Tool": tags})
    found, _, _ = categorical_traits(
        table, Mapping([ColumnSpec("Tool", FieldType.SINGLE)]), *groups(10, 100)
    )
    erp = next(t for t in found if t.value == "ERP")
    assert erp.rest_count == 0 and erp.lift == pytest.approx((7 / 12) / (1 / 92))


def test_multi_select_with_its_own_separator():
    cells = ["ERP|CRM|ERP", "ERP|Billing", "ERP", "ERP|Mobile", "CRM"] + ["CRM|Mobile"] * 25
    table = pd.DataFrame({"Interests": cells})
    mapping = Mapping([ColumnSpec("Interests", FieldType.MULTI, sep="|")])
    found, _, _ = categorical_traits(table, mapping, *groups(5, 30))
    erp = next(t for t in found if t.value == "ERP")
    assert erp.best_count == 4 and erp.rest_count == 0  # "ERP|CRM|ERP" counts once
    assert (
        erp.message().render("en").startswith("4 of your best 5 (38–96%) have “ERP” in Interests")
    )
    # without a separator in the mapping, the one the cells use is found
    auto = Mapping([ColumnSpec("Interests", FieldType.MULTI, sep=None)])
    found, _, _ = categorical_traits(table, auto, *groups(5, 30))
    assert next(t for t in found if t.value == "ERP").best_count == 4


def test_tokenize_chinese_with_jieba_and_english_words_without_stop_words():
    zh = tokenize("我们需要实现生产线自动化，减少人工统计")
    assert "自动化" in zh and "生产线" in zh
    assert "我们" not in zh and "需要" not in zh
    en = tokenize("We need automation for the production line, and the ERP!")
    # "need" is a stop word like 需要 (the word clouds always dropped it; one list now)
    assert en == ["automation", "production", "line", "erp"]
    assert tokenize(None) == [] and tokenize("  ") == []


def test_free_text_keywords_become_traits_and_word_tables():
    notes = ["需要生产线自动化"] * 7 + ["价格敏感"] * 3 + ["价格敏感，比较供应商"] * 60
    table = pd.DataFrame({"需求": notes})
    mapping = Mapping([ColumnSpec("需求", FieldType.TEXT, Role.NOTES)])
    found, warn, keywords = categorical_traits(table, mapping, *groups(10, 70))
    assert found[0].kind == "text" and found[0].value in {"生产线", "自动化"}
    assert len([t for t in found if t.column == "需求"]) == 1  # one sentence, one finding
    assert "在需求中提到" in found[0].message().render("zh")
    words = keywords["需求"].set_index("word")
    assert words.loc["价格", "rest_count"] == 60 and words.loc["价格", "best_count"] == 3
    assert words.loc["自动化", "weight"] > words.loc["价格", "weight"]
    # the rest all compare suppliers; none of the best do
    assert warn[0].value == "供应商" and warn[0].best_count == 0


def test_name_id_and_outcome_columns_are_not_traits():
    table = pd.DataFrame(
        {"Name": [f"c{i}" for i in range(40)], "Status": ["Won"] * 10 + ["Lost"] * 30}
    )
    mapping = Mapping(
        [
            ColumnSpec("Name", FieldType.TEXT, Role.NAME),
            ColumnSpec("Status", FieldType.SINGLE, Role.OUTCOME),
        ]
    )
    found, warn, keywords = categorical_traits(table, mapping, *groups(10, 40))
    assert found == [] and warn == [] and keywords == {}


def test_wilson_interval_matches_scipy():
    lo, hi = wilson(np.array([8, 0]), 10)
    ci = stats.binomtest(8, 10).proportion_ci(method="wilson")
    assert lo[0] == pytest.approx(ci.low) and hi[0] == pytest.approx(ci.high)
    assert lo[1] == 0.0 and 0 < hi[1] < 0.3


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(130, 270, (100, 300)), (0.32, 0.48, (0.3, 0.5)), (12_300, 87_900, (10_000, 90_000))],
)
def test_sweet_spot_is_rounded_outwards_to_nice_numbers(low, high, expected):
    lo, hi = nice_range(low, high)
    assert (lo, hi) == pytest.approx(expected)
    assert lo <= low and hi >= high


def test_counts_get_whole_number_sweet_spots():
    assert nice_range(1.0, 5.5, whole=True) == (1, 6)
    assert nice_range(0.0, 0.6, whole=True) == (0, 1)


def test_numeric_traits_find_a_band_and_a_shift():
    rng = np.random.default_rng(0)
    n, n_best = 200, 20
    employees = np.exp(rng.uniform(np.log(5), np.log(5000), n))
    employees[:n_best] = rng.uniform(110, 290, n_best)
    value = rng.uniform(0, 50, n)
    value[:n_best] += 60
    noise = rng.normal(size=n)
    table = pd.DataFrame({"Employees": employees, "Value": value, "Noise": noise})
    mapping = Mapping(
        [
            ColumnSpec("Employees", FieldType.NUMBER, Role.EMPLOYEES),
            ColumnSpec("Value", FieldType.NUMBER, Role.VALUE),
            ColumnSpec("Noise", FieldType.NUMBER),
        ]
    )
    out = numeric_traits(table, mapping, *groups(n_best, n))
    by = {t.column: t for t in out}
    assert [t.column for t in out][-1] == "Noise"
    assert by["Value"].separation == 1.0 and by["Value"].best_median > by["Value"].rest_median
    emp = by["Employees"]
    assert 100 <= emp.low < emp.high <= 300 and emp.best_in_range >= 0.7
    sentence = emp.message().render("en")
    assert sentence.startswith(
        f"{emp.best_count} of your best {emp.best_n} ({round(100 * emp.ci_low)}–"
        f"{round(100 * emp.ci_high)}%) have Employees {emp.low:,.0f}–{emp.high:,.0f}"
    )


def test_leads_are_held_back_values_never_findings():
    """A value with 6 of 10 best vs 20% of the rest is a lead, not a finding."""
    import numpy as np

    from icp.traits import leads

    rng = np.random.default_rng(3)
    n_best, n_rest = 10, 200
    title = (
        ["COO"] * 6
        + ["Other"] * 4
        + list(rng.choice(["COO", "Other", "CFO"], n_rest, p=[0.2, 0.5, 0.3]))
    )
    noise = list(rng.choice(["a", "b", "c", "d"], n_best + n_rest))
    table = pd.DataFrame({"Title": title, "Noise": noise})
    mapping = Mapping(
        [
            ColumnSpec("Title", FieldType.SINGLE, Role.CONTACT_TITLE),
            ColumnSpec("Noise", FieldType.SINGLE),
        ]
    )
    best = pd.Series([True] * n_best + [False] * n_rest)
    found, _, _ = categorical_traits(table, mapping, best, ~best)
    found_pairs = {(t.column, t.value) for t in found}
    held = leads(table, mapping, best, ~best, exclude=found_pairs)
    pairs = {(t.column, t.value) for t in held}
    assert ("Title", "COO") in pairs | found_pairs
    assert not pairs & found_pairs  # never both
    assert all(t.best_count >= 2 and t.p_value < 0.05 for t in held)


def test_after_outcome_needs_many_rows_on_one_side_and_none_on_the_other():
    """200 good / 200 other.  "Closed" (60 / 0) and "Lost: price" (0 / 40) sort one
    notes column both ways and are set aside; "Small" (12 / 0) is too few to tell;
    "Often" (90 / 3) is a real, strong trait with rows on both sides; "Fax" (0 / 197)
    is one-sided only one way in its column, like an industry that never buys, so it
    stays in the comparison."""
    good = pd.Series([True] * 200 + [False] * 200)
    status = ["Closed"] * 60 + ["Small"] * 12 + ["Open"] * 128
    status += ["Lost: price"] * 40 + ["Open"] * 160
    tags = ["Often; Web"] * 90 + ["Web"] * 110 + ["Often"] * 3 + ["Web; Fax"] * 197
    table = pd.DataFrame({"Status note": status, "Tags": tags})
    mapping = Mapping(
        [ColumnSpec("Status note", FieldType.SINGLE), ColumnSpec("Tags", FieldType.MULTI, sep=";")]
    )
    found = after_outcome(table, mapping, good, ~good)
    assert {(t.column, t.value, t.best_count, t.rest_count) for t in found} == {
        ("Status note", "Closed", 60, 0),
        ("Status note", "Lost: price", 0, 40),
    }
    # the same values, skipped, are no finding and no warning sign
    skip = frozenset((t.column, t.value) for t in found)
    up, down, _ = categorical_traits(table, mapping, good, ~good, skip=skip)
    assert not {(t.column, t.value) for t in [*up, *down]} & skip
    assert ("Tags", "Often") in {(t.column, t.value) for t in up}
    assert ("Tags", "Fax") in {(t.column, t.value) for t in down}


def test_leads_on_the_english_sample_name_the_planted_contact_title():
    ds = open_dataset(
        Path(__file__).resolve().parent.parent / "sample_data" / "saas_customers_en.xlsx"
    )
    result = run(ds, Settings())
    assert ("Contact title", "VP Operations") in {(t.column, t.value) for t in result.leads}
    assert ("Contact title", "VP Operations") not in {(t.column, t.value) for t in result.traits}


def test_a_shift_with_equal_medians_is_said_with_the_shares_past_the_median():
    """Contacts before this campaign: 0 for most of both groups, so "median 0 vs 0,
    won customers are larger" reads as a contradiction.  The sentence says what
    differs instead: how many of each group are above 0."""
    n_best, n_rest = 150, 600
    prev = [1 + i % 3 if i < 45 else 0 for i in range(n_best)]  # 30% above 0
    prev += [1 if i < 60 else 0 for i in range(n_rest)]  # 10% above 0
    table = pd.DataFrame({"previous": prev})
    mapping = Mapping([ColumnSpec("previous", FieldType.NUMBER)])
    best = pd.Series([True] * n_best + [False] * n_rest)
    (nt,) = numeric_traits(table, mapping, best, ~best)
    assert nt.kind == "higher" and nt.best_median == nt.rest_median == 0
    assert (nt.past_best, nt.past_rest) == (0.3, 0.1)
    en = nt.message(outcome=True).render("en")
    assert en.startswith("previous: 30% of won customers are above 0, vs 10% of those not won")
    assert "larger" not in en
    assert "30% 高于 0" in nt.message(outcome=True).render("zh")
    kept = dataclasses.replace(nt, kept=True).message(outcome=True).render("en")
    assert "of kept customers are above 0" in kept
    assert "your best are above 0" in nt.message().render("en")


def _p_all_draws_at_once(xb, xr, *, whole, reverse, seed=0):
    """The band search's p-value as it was computed: every draw's band counts in one
    draws x bands array (``bands.band_search`` now holds a block of draws at a time)."""
    import math

    cut = bands.cut_column(xb, xr, whole=whole)
    edges, bins_b, bins_t = cut.edges, cut.bins_b, cut.bins_t
    k = len(edges) - 1
    nb, nr = len(xb), len(xr)
    i, j = np.triu_indices(k + 1, 1)
    full = (i == 0) & (j == k)
    i, j = i[~full], j[~full]

    def counts(b_bins):
        cb = np.concatenate([np.zeros((*b_bins.shape[:-1], 1)), np.cumsum(b_bins, axis=-1)], -1)
        ct = np.concatenate([[0], np.cumsum(bins_t)])
        b_in = cb[..., j] - cb[..., i]
        r_in = (ct[j] - ct[i]) - b_in
        return b_in, r_in, b_in / nb, r_in / nr

    def best_of(b_in, r_in, b_share, r_share):
        mine, other = (r_share, b_share) if reverse else (b_share, r_share)
        held = r_in if reverse else b_in
        need = max(2, math.ceil((0.05 * nr) if reverse else (0.2 * nb)))
        ok = (held >= need) & (other <= mine / 2)
        return np.where(ok, mine - other, -np.inf)

    gain = best_of(*counts(bins_b.astype(float)))
    if not np.isfinite(gain).any():
        return None
    top = int(np.lexsort((j - i, -gain))[0])
    rng = np.random.default_rng(seed)
    draws = rng.multivariate_hypergeometric(bins_t.astype(np.int64), nb, size=bands.DRAWS)
    null = best_of(*counts(draws.astype(float)))
    return (1 + int((null.max(axis=1) >= gain[top] - 1e-12).sum())) / (bands.DRAWS + 1)


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("n_best", [5, 40, 600])
def test_band_p_values_from_blocks_of_draws_equal_all_draws_at_once(seed, n_best):
    rng = np.random.default_rng(seed)
    n = 3000
    for whole, x in [
        (True, rng.integers(1, 5000, n).astype(float)),
        (False, np.round(rng.lognormal(10, 1.5, n), 2)),
        (True, rng.integers(0, 6, n).astype(float)),  # few bins
    ]:
        best = np.zeros(n, dtype=bool)
        # the best lean high, so some bands pass and the p-value is not always 1
        best[np.argsort(-x + rng.normal(0, x.std(), n))[:n_best]] = True
        xb, xr = x[best], x[~best]
        cut = bands.cut_column(xb, xr, whole=whole)
        for reverse in (False, True):  # the second direction reads the first one's draws
            band = bands.band_search(xb, xr, whole=whole, reverse=reverse, bins=cut)
            want = _p_all_draws_at_once(xb, xr, whole=whole, reverse=reverse)
            assert (band is None) == (want is None)
            if band is not None:
                assert band.p_value == want


@pytest.mark.parametrize("seed", range(3))
def test_counts_over_most_rows_equal_counting_them_directly(seed):
    """``_Part.count`` counts a mask of most rows as every row less the others."""
    from icp.schema import ColumnSpec, FieldType, Mapping

    rng = np.random.default_rng(seed)
    n = 4000
    tags = ["a;b", "b", "c;a;d", None, "d", "", "e;e"]
    table = pd.DataFrame(
        {
            "Tags": pd.Series([tags[int(rng.integers(0, len(tags)))] for _ in range(n)]),
            "Plan": pd.Series([["x", "y", None][int(rng.integers(0, 3))] for _ in range(n)]),
        }
    )
    mapping = Mapping(
        [ColumnSpec("Tags", FieldType.MULTI, sep=";"), ColumnSpec("Plan", FieldType.SINGLE)]
    )
    pairs = traits._pairs(table, mapping)
    m = len(pairs.value)
    for share in (0.0, 0.002, 0.3, 0.5, 0.51, 0.9, 0.999, 1.0):
        mask = rng.random(n) < share
        for part in pairs.parts:
            direct = part._count(mask, m)
            assert np.array_equal(part.count(mask, m), direct)
            assert part.count(mask, m).dtype == direct.dtype
        assert pairs.count(mask).sum() >= 0
    assert any(part.totals for part in pairs.parts)  # the complement way was taken
