"""icp.rank: direction-aware S1 score, pins/excludes, contributions, stability."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from icp.dataset import Dataset, Source
from icp.rank import criterion_values, percentiles, rank, stability
from icp.schema import ColumnSpec, FieldType, Mapping, Role


def dataset(columns: dict[str, tuple[Role, list]], *, names: list[str] | None = None) -> Dataset:
    data = {col: values for col, (_, values) in columns.items()}
    specs = [
        ColumnSpec(
            col,
            FieldType.DATE if role in (Role.CREATED, Role.CLOSED) else FieldType.NUMBER,
            role,
        )
        for col, (role, _) in columns.items()
    ]
    if names is not None:
        data = {"Name": names, **data}
        specs.insert(0, ColumnSpec("Name", FieldType.TEXT, Role.NAME))
    df = pd.DataFrame(data)
    return Dataset(df, Mapping(specs), Source(None, "csv", None, [], 0), None)


NAMES = ["Acme", "Beta", "Cato", "Delta", "Echo", "Fox"]


def test_shorter_cycle_and_fewer_tickets_rank_higher():
    ds = dataset(
        {
            "Cycle": (Role.CYCLE_DAYS, [90, 10, 50, 30, 70, 120]),
            "Tickets": (Role.TICKETS, [9, 1, 5, 3, 7, 12]),
        },
        names=NAMES,
    )
    table, criteria, _ = rank(ds, top_n=2, draws=50)
    assert criteria == ["sales_cycle", "support"]
    assert list(table["name"]) == ["Beta", "Delta", "Cato", "Echo", "Acme", "Fox"]
    assert list(table["is_best"]) == [True, True, False, False, False, False]
    assert table["rank"].tolist() == [1, 2, 3, 4, 5, 6]


def test_higher_value_profit_and_referrals_rank_higher_and_contributions_add_up():
    ds = dataset(
        {
            "Value": (Role.VALUE, [100, 500, 300, 200, 400, 50]),
            "Margin": (Role.MARGIN, [0.3, 0.5, 0.4, 0.2, 0.4, 0.1]),
            "Referrals": (Role.REFERRALS, [0, 4, 2, 1, 3, 0]),
        },
        names=NAMES,
    )
    table, criteria, _ = rank(ds, top_n=3, draws=50)
    assert criteria == ["profit", "deal_value", "referrals"]
    assert table["name"].iloc[0] == "Beta" and table["name"].iloc[-1] == "Fox"
    contrib = table[[f"c_{c}" for c in criteria]].sum(axis=1)
    assert np.allclose(contrib, table["score"])
    assert table["score"].between(0, 1).all()


def test_missing_cells_count_as_neutral_not_as_best_or_worst():
    p = percentiles(pd.Series([10.0, np.nan, 30.0, 20.0]))
    assert p.tolist() == [0.0, 0.5, 1.0, 0.5]
    assert percentiles(pd.Series([5.0, 5.0, 5.0])).tolist() == [0.5, 0.5, 0.5]
    low = percentiles(pd.Series([10.0, 30.0, 20.0]), higher_is_better=False)
    assert low.tolist() == [1.0, 0.0, 0.5]


def test_weights_change_the_order_and_zero_weight_ignores_a_criterion():
    ds = dataset(
        {
            "Value": (Role.VALUE, [100, 200, 300, 400, 500, 600]),
            "Cycle": (Role.CYCLE_DAYS, [10, 20, 30, 40, 50, 60]),
        },
        names=NAMES,
    )
    by_value, _, _ = rank(ds, weights={"deal_value": 1, "sales_cycle": 0}, top_n=1, draws=0)
    by_cycle, _, _ = rank(ds, weights={"deal_value": 0, "sales_cycle": 1}, top_n=1, draws=0)
    assert by_value["name"].iloc[0] == "Fox"
    assert by_cycle["name"].iloc[0] == "Acme"


def test_pins_force_in_excludes_force_out_and_unknown_names_are_reported():
    ds = dataset({"Value": (Role.VALUE, [600, 500, 400, 300, 200, 100])}, names=NAMES)
    table, _, notes = rank(ds, top_n=2, pins=["Fox", "Nobody"], excludes=["Acme"], draws=100)
    best = set(table.loc[table["is_best"], "name"])
    assert best == {"Beta", "Fox"}
    assert table["name"].iloc[-1] == "Acme" and bool(table["excluded"].iloc[-1])
    assert [n.key for n in notes] == ["analysis.unknown_name"]
    assert notes[0].params["name"] == "Nobody"
    # pinned customers are in every draw's top N
    assert table.set_index("name").loc["Fox", "stability"] == 1.0


def test_pinned_and_excluded_at_once_is_left_out_with_a_note():
    ds = dataset({"Value": (Role.VALUE, [600, 500, 400, 300, 200, 100])}, names=NAMES)
    table, _, notes = rank(ds, top_n=2, pins=["Beta"], excludes=["Beta"], draws=0)
    assert "Beta" not in set(table.loc[table["is_best"], "name"])
    assert [n.key for n in notes] == ["analysis.pin_and_exclude"]


def test_stability_is_a_share_and_a_clear_winner_is_always_in():
    rng = np.random.default_rng(3)
    n = 200
    value = rng.uniform(0, 100, n)
    cycle = rng.uniform(10, 200, n)
    tickets = rng.integers(0, 20, n).astype(float)
    value[0], cycle[0], tickets[0] = 1000, 1, 0  # best on every criterion
    ds = dataset(
        {
            "Value": (Role.VALUE, value),
            "Cycle": (Role.CYCLE_DAYS, cycle),
            "Tickets": (Role.TICKETS, tickets),
        }
    )
    table, _, _ = rank(ds, top_n=10, draws=300)
    best = table[table["is_best"]]
    assert best["stability"].between(0, 1).all()
    assert table["stability"][~table["is_best"]].isna().all()
    assert table.loc[0, "stability"] == 1.0 and table.loc[0, "rank"] == 1
    # borderline members of the top 10 are less stable than the clear winner
    assert best["stability"].min() < 1.0


def test_stability_matches_a_plain_loop_over_draws():
    rng = np.random.default_rng(1)
    pct = rng.random((60, 4))
    w = np.array([1.0, 2.0, 0.5, 1.0])
    fast = stability(pct, w, top_n=5, draws=80, seed=9)
    draws = np.random.default_rng(9).uniform(0.5, 1.5, size=(4, 80)) * w[:, None]
    counts = np.zeros(60)
    for d in range(80):
        score = pct @ (draws[:, d] / draws[:, d].sum())
        counts[np.argsort(-score)[:5]] += 1
    assert np.allclose(fast, counts / 80)


def test_cycle_from_dates_and_ltv_cac_from_value_margin_lifetime():
    ds = dataset(
        {
            "Created": (Role.CREATED, pd.to_datetime(["2024-01-01", "2024-01-01", "2024-02-01"])),
            "Closed": (Role.CLOSED, pd.to_datetime(["2024-01-11", "2024-03-01", "2024-01-01"])),
            "Value": (Role.VALUE, [1000.0, 2000.0, 3000.0]),
            "Margin": (Role.MARGIN, [0.5, 0.5, 0.5]),
            "CAC": (Role.CAC, [500.0, 0.0, 1000.0]),
        }
    )
    cv = criterion_values(ds, lifetime_years=2)
    assert cv.cycle_days.tolist()[:2] == [10.0, 60.0]
    assert np.isnan(cv.cycle_days.iloc[2])  # closed before created: not a cycle
    # LTV = 1000 × 0.5 × 2 = 1000 → LTV/CAC = 2; zero CAC is unknown, not infinite
    assert cv.ltv_cac.iloc[0] == pytest.approx(2.0)
    assert np.isnan(cv.ltv_cac.iloc[1])
    assert cv.ltv_formula.key == "analysis.ltv.computed"
    assert "2 years" in cv.ltv_formula.render("en")
    assert "2 年" in cv.ltv_formula.render("zh")
    assert set(cv.parts) == {"sales_cycle", "profit", "deal_value", "ltv_cac"}
    assert cv.missing == {"referrals": [Role.REFERRALS], "support": [Role.TICKETS]}


def test_mapped_ltv_wins_and_missing_lists_the_roles_that_would_help():
    ds = dataset({"LTV": (Role.LTV, [10.0, 20.0, 30.0]), "CAC": (Role.CAC, [1.0, 2.0, 1.0])})
    cv = criterion_values(ds)
    assert cv.ltv_formula.key == "analysis.ltv.mapped" and "LTV" in cv.ltv_formula.render("en")
    assert list(cv.parts) == ["ltv_cac"]
    assert cv.missing["sales_cycle"] == [Role.CYCLE_DAYS, Role.CREATED, Role.CLOSED]
    assert cv.missing["profit"] == [Role.PROFIT, Role.VALUE, Role.MARGIN]


@pytest.mark.parametrize("seed", range(4))
def test_display_order_is_the_stable_sort_of_the_scores(seed):
    """``rank._order_desc`` (a quick sort, ties put back in row order) against numpy's
    stable sort: few ties, many ties, signed zeros, infinities, NaN, empty and one row."""
    from icp.rank import _order_desc

    rng = np.random.default_rng(seed)
    cases = [
        rng.random(5000),
        np.round(rng.random(5000), 3),  # many ties: the stable sort itself
        np.round(rng.random(20_000), 4),  # some ties: put back in row order
        np.concatenate([rng.random(4000), np.full(300, 0.5), np.full(200, 0.25)]),
        rng.choice([0.0, -0.0, 1.0, np.inf, -np.inf], 500),
        np.concatenate([rng.random(100), np.zeros(3), -np.zeros(3)]),
        np.append(rng.random(50), np.nan),
        np.empty(0),
        np.array([0.3]),
    ]
    for x in cases:
        rng.shuffle(x)
        assert np.array_equal(_order_desc(x), np.argsort(-x, kind="stable"))


def test_best_mask_follows_the_labels_of_an_unordered_index():
    from icp import analysis
    from icp.model import Settings

    ds = dataset({"Value": (Role.VALUE, [100, 500, 300, 200, 400, 50])}, names=NAMES)
    table = ds.table.set_axis(pd.Index([40, 7, 13, 2, 99, 5]))
    ds = Dataset(table, ds.mapping, ds.source, None)
    result = analysis.run(ds, Settings(top_n=2))
    rt = result.ranking.table
    expected = rt["is_best"].reindex(table.index).to_numpy(dtype=bool)
    assert np.array_equal(result.best_mask.to_numpy(), expected)
    assert list(table.index[expected]) == [7, 99]
