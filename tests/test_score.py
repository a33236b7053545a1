"""Prospect fit scoring: planted segment found, reasons, tiers, odd lists, fallback, Excel."""

from __future__ import annotations

import io

import numpy as np
import openpyxl
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

from icp import score
from icp.dataset import Dataset, Source
from icp.model import Analysis, NumericTrait
from icp.schema import ColumnSpec, Mapping
from icp.schema import FieldType as F
from icp.schema import Role as R

INDUSTRIES = ["Manufacturing", "Retail", "Finance", "Education", "Logistics"]


def _table(n: int, seed: int) -> tuple[pd.DataFrame, np.ndarray]:
    """Customers whose best are planted: Manufacturing, 100–300 staff, often using an ERP."""
    rng = np.random.default_rng(seed)
    industry = rng.choice(INDUSTRIES, n)
    employees = np.exp(rng.normal(5.0, 1.0, n)).round()
    planted = (industry == "Manufacturing") & (employees >= 100) & (employees <= 300)
    tools = []
    for p in planted:
        base = list(
            rng.choice(["Excel", "CRM", "Slack", "Email"], rng.integers(1, 3), replace=False)
        )
        if rng.random() < (0.8 if p else 0.15):
            base.append("ERP")
        tools.append(", ".join(base))
    df = pd.DataFrame(
        {
            "Company": [f"Co {seed}-{i}" for i in range(n)],
            "Industry": industry,
            "Region": rng.choice(["North", "South", "East", "West"], n),
            "Employees": employees,
            "Tools": tools,
            "Deal value": rng.normal(20000, 5000, n),
        }
    )
    for c in ("Company", "Industry", "Region", "Tools"):
        df[c] = df[c].astype("str")
    return df, planted


MAPPING = Mapping(
    [
        ColumnSpec("Company", F.TEXT, R.NAME),
        ColumnSpec("Industry", F.SINGLE, R.INDUSTRY),
        ColumnSpec("Region", F.SINGLE, R.REGION),
        ColumnSpec("Employees", F.NUMBER, R.EMPLOYEES),
        ColumnSpec("Tools", F.MULTI, R.NONE, sep=","),
        ColumnSpec("Deal value", F.NUMBER, R.VALUE),
    ]
)


def _ds(df: pd.DataFrame, mapping: Mapping = MAPPING) -> Dataset:
    return Dataset(table=df, mapping=mapping, source=Source(None, "csv", None, [], 0), report=None)


def _analysis(best: pd.Series, **kw) -> Analysis:
    return Analysis(
        mode=kw.pop("mode", "outcome"),
        n_rows=len(best),
        best_mask=best,
        best_names=[],
        ranking=None,
        traits=[],
        warning_traits=[],
        numeric=kw.pop("numeric", []),
        kpis={},
        ltv_formula=None,
        keywords={},
    )


def _best(planted: np.ndarray, seed: int, index: pd.Index) -> pd.Series:
    rng = np.random.default_rng(seed + 100)
    return pd.Series(rng.random(len(planted)) < np.where(planted, 0.9, 0.05), index=index)


@pytest.fixture(scope="module")
def planted_run():
    """Half the rows are the customers (best = mostly the planted segment), half the prospects."""
    df, planted = _table(1600, seed=1)
    cust, pros = df.iloc[:800].reset_index(drop=True), df.iloc[800:].reset_index(drop=True)
    best = _best(planted[:800], 1, cust.index)
    spot = NumericTrait("Employees", R.EMPLOYEES, 180, 60, 100, 300, 0.7, int(best.sum()), 0)
    analysis = _analysis(best, numeric=[spot])
    scored = score.score_prospects(_ds(cust), analysis, _ds(pros), lang="en")
    return scored, planted[800:], pros


def test_planted_segment_scores_higher_on_held_out_half(planted_run):
    scored, planted, pros = planted_run
    assert scored.model.kind == "logistic"
    s = scored.table["score"].reindex(pros.index)
    assert roc_auc_score(planted, s) >= 0.9
    assert s[planted].median() > s[~planted].median() + 30


def test_reasons_name_the_planted_traits(planted_run):
    scored, _, _ = planted_run
    top = scored.table[scored.table["tier"] == "A"].head(50)
    reasons = top[["reason_1", "reason_2", "reason_3"]].agg(" | ".join, axis=1)
    assert reasons.str.contains("Industry = Manufacturing (+", regex=False).mean() > 0.8
    assert reasons.str.contains("inside the 100–300 sweet spot", regex=False).mean() > 0.5
    assert reasons.str.contains("Tools includes ERP", regex=False).any()
    # the defining column (deal value) is never a reason: it is not a model input
    assert "Deal value" not in scored.model.columns
    assert not reasons.str.contains("Deal value").any()


def test_table_sorted_and_tiers_monotone_in_score(planted_run):
    scored, _, _ = planted_run
    tab = scored.table
    assert tab["score"].is_monotonic_decreasing
    assert tab["score"].between(0, 100).all()
    expected = np.select(
        [tab["score"] >= 75, tab["score"] >= 50, tab["score"] >= 25], ["A", "B", "C"], "D"
    )
    assert (tab["tier"].to_numpy() == expected).all()
    assert set(tab["tier"]) == {"A", "B", "C", "D"}
    a = tab[tab["tier"] == "A"]["action"].iloc[0]
    assert a == "Route to an account executive this week"
    assert (tab[tab["tier"] == "D"]["action"] == "Deprioritise").all()
    assert tab.columns[0] == "Company"  # the prospect's name first, then the scores
    assert list(tab.columns[1:8]) == list(score.SCORE_COLUMNS)
    assert "Industry" in tab.columns  # the prospect's own columns ride along


def test_backtest_on_planted_data(planted_run):
    bt = planted_run[0].backtest
    assert bt is not None and not bt.too_small and bt.warning is None
    assert bt.auc is not None and bt.auc > 0.75  # labels are noisy: 5% of the rest are best
    assert bt.folds == 5
    assert 0 < bt.best_in_tier_a <= bt.best_total
    assert bt.curve["found"].is_monotonic_increasing
    # calling the top 30% of the list finds far more than 30% of the best
    assert bt.curve.loc[bt.curve["contacted"] >= 0.3, "found"].iloc[0] > 0.6
    assert planted_run[0].model.cv_auc == bt.auc


def test_new_categories_and_missing_columns_score_without_error():
    df, planted = _table(400, seed=3)
    best = _best(planted, 3, df.index)
    rng = np.random.default_rng(9)
    prospects = pd.DataFrame(
        {
            "Firm": [f"P{i}" for i in range(60)],
            " INDUSTRY ": rng.choice(["Manufacturing", "Aerospace", "Mining"], 60).astype(str),
            "Headcount": rng.integers(5, 900, 60).astype(float),
            "Phone": ["123"] * 60,
        }
    ).astype({"Firm": "str", "Phone": "str"})
    pmap = Mapping(
        [
            ColumnSpec("Firm", F.TEXT, R.NAME),
            ColumnSpec(" INDUSTRY ", F.SINGLE, R.NONE),
            ColumnSpec("Headcount", F.NUMBER, R.EMPLOYEES),
            ColumnSpec("Phone", F.TEXT, R.NONE),
        ]
    )
    scored = score.score_prospects(
        _ds(df), _analysis(best), _ds(prospects, pmap), lang="en", with_backtest=False
    )
    assert ("Headcount", "Employees") in scored.matched  # by role
    assert (" INDUSTRY ", "Industry") in scored.matched  # by normalised name
    assert sorted(scored.unmatched) == ["Region", "Tools"]
    assert len(scored.table) == 60
    assert scored.table["score"].between(0, 100).all()
    manuf = scored.table[" INDUSTRY "] == "Manufacturing"
    assert scored.table.loc[manuf, "score"].mean() > scored.table.loc[~manuf, "score"].mean()
    matched, unmatched = score.match_columns(_ds(df), _ds(prospects, pmap))
    assert matched == scored.matched and unmatched == scored.unmatched


def test_few_positives_fall_back_to_lift_points_with_reasons():
    df, planted = _table(300, seed=4)
    idx = np.flatnonzero(planted)[:15]
    best = pd.Series(False, index=df.index)
    best.iloc[idx] = True
    model = score.fit(_ds(df), best)
    assert model.kind == "lift" and model.n_pos == 15
    assert "Manufacturing" in set(model.lift["value"])
    # the sweet spot the analysis found (the model never guesses one from percentiles)
    spot = NumericTrait("Employees", R.EMPLOYEES, 180, 60, 100, 300, 0.7, 15, 285)
    scored = score.score_own(_ds(df), _analysis(best, mode="top", numeric=[spot]), lang="en")
    assert not scored.table.index.isin(df.index[idx]).any()  # the best are not re-scored
    assert len(scored.table) == 300 - 15
    fits = scored.table.loc[scored.table.index.isin(df.index[planted])]
    reasons = fits[["reason_1", "reason_2", "reason_3"]].agg(" | ".join, axis=1)
    assert reasons.str.contains("Industry = Manufacturing (+", regex=False).all()
    assert reasons.str.contains("100–300 sweet spot", regex=False).all()
    assert fits["score"].median() > scored.table["score"].median()
    bt = scored.backtest
    assert bt is not None and bt.auc is not None and bt.auc > 0.8


def test_score_own_skips_won_customers_in_outcome_column():
    df, planted = _table(200, seed=5)
    best = _best(planted, 5, df.index)
    df["Status"] = np.where(best, "Won", np.where(np.arange(200) % 2, "Lost", "Open"))
    df["Status"] = df["Status"].astype("str")
    mapping = Mapping([*MAPPING.columns, ColumnSpec("Status", F.SINGLE, R.OUTCOME)])
    scored = score.score_own(_ds(df, mapping), _analysis(best), lang="en", with_backtest=False)
    assert set(scored.table["Status"]) == {"Lost", "Open"}
    assert "Status" not in scored.model.columns  # the outcome defines best: never an input


def test_small_data_backtest_warns():
    df, planted = _table(40, seed=6)
    best = pd.Series(planted, index=df.index)
    best.iloc[:3] = True
    bt = score.backtest(_ds(df), best)
    assert bt.too_small and bt.warning is not None
    assert bt.warning.key == "score.backtest.too_small"
    none = score.backtest(_ds(df), pd.Series(False, index=df.index))
    assert none.auc is None and none.folds == 0 and none.too_small


def test_chinese_reasons_and_actions():
    rng = np.random.default_rng(7)
    n = 240
    industry = rng.choice(["生产型", "贸易型", "电商"], n)
    best = pd.Series((industry == "生产型") & (rng.random(n) < 0.5) | (rng.random(n) < 0.03))
    df = pd.DataFrame({"客户": [f"客户{i}" for i in range(n)], "行业": industry}).astype("str")
    mapping = Mapping(
        [ColumnSpec("客户", F.TEXT, R.NAME), ColumnSpec("行业", F.SINGLE, R.INDUSTRY)]
    )
    scored = score.score_own(_ds(df, mapping), _analysis(best), lang="zh", with_backtest=False)
    top = scored.table.iloc[0]
    assert top["reason_1"].startswith("行业 = 生产型（+")
    assert top["action"] == "本周转给客户经理跟进"


def test_xlsx_is_formula_safe_and_readable():
    df, planted = _table(120, seed=8)
    best = _best(planted, 8, df.index)
    nasty = ['=HYPERLINK("http://x")', "+cmd", "-1+1", "@SUM(A1)", "\tTab", "plain <b>&"]
    pros = df.iloc[:6].reset_index(drop=True).copy()
    pros["Company"] = pd.Series(nasty, dtype="str")
    pros["Industry"] = pd.Series(["=1+1", *["Retail"] * 5], dtype="str")
    scored = score.score_prospects(
        _ds(df), _analysis(best), _ds(pros), lang="zh", with_backtest=False
    )
    data = score.scored_xlsx_bytes(scored, lang="zh")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Company", "匹配分", "等级", "建议行动"]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    col = header.index("Company") + 1
    seen = {}
    for row in ws.iter_rows(min_row=2):
        cell = row[col - 1]
        assert cell.data_type == "s"
        seen[cell.value] = cell
    assert set(seen) == set(nasty)  # visible text is the original
    for text in nasty[:5]:
        assert seen[text].quotePrefix  # Excel shows it as text, never evaluates it
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            assert not (isinstance(cell.value, str) and cell.value.startswith("'"))
    scores = [r[1].value for r in ws.iter_rows(min_row=2)]
    assert all(isinstance(v, int) for v in scores) and scores == sorted(scores, reverse=True)
    assert ws.column_dimensions["E"].width >= 20  # reasons get room


def test_lift_model_uses_the_analysis_traits_it_is_given():
    from icp.model import Trait

    df, planted = _table(300, seed=4)
    best = pd.Series(planted & (np.arange(300) % 2 == 0), index=df.index)
    trait = Trait(
        "Industry", "Manufacturing", "single", 12, 15, 40, 285, 0.8, 0.14, 5.0, 0.5, 0.9, 0.001, 0.5
    )
    model = score.fit(_ds(df), best, traits=[trait])
    assert model.kind == "lift"
    cats = model.lift[~model.lift["kind"].isin(["number", "curve"])]
    assert list(cats["value"]) == ["Manufacturing"]  # only what the user was shown
