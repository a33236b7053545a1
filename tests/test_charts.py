"""Altair charts: valid Vega-Lite for any input, labelled in the chosen
language, one bar row per trait, and a PNG export that uses the bundled font."""

from __future__ import annotations

import io
import json

import altair as alt
import numpy as np
import pandas as pd
import pytest
from PIL import Image

from icp import charts
from icp.i18n import t
from icp.model import Kpi, NumericTrait, Ranking, Trait
from icp.schema import Role


def _trait(column: str, value: str, best: int, rest: int, best_n=10, rest_n=90) -> Trait:
    return Trait(
        column=column,
        value=value,
        kind="single",
        best_count=best,
        best_n=best_n,
        rest_count=rest,
        rest_n=rest_n,
        best_share=best / best_n,
        rest_share=rest / rest_n,
        lift=2.0,
        ci_low=0.4,
        ci_high=0.9,
        p_value=0.01,
        strength=1.0,
    )


TRAITS = [
    _trait("行业", "制造业", 8, 12),
    _trait("地区", "华东", 6, 20),
    _trait("Channel", "Referral", 5, 9),
    _trait("决策人", "CTO", 4, 30),
    _trait("规模", "100-300", 4, 10),
]
KPIS = {
    "ltv_cac": Kpi("ltv_cac", 4.2, 1.8),
    "sales_cycle_days": Kpi("sales_cycle_days", 35.0, 80.0),
    "employees": Kpi("employees", 250.0, 60.0),
    "deal_value": Kpi("deal_value", None, 3e5),  # unknown for the best: left out
}


def _ranking(n: int = 12) -> Ranking:
    score = np.linspace(0.9, 0.4, n)
    table = pd.DataFrame(
        {
            "name": [f"客户{i}" for i in range(n)],
            "score": score,
            "rank": range(1, n + 1),
            "is_best": [i < 10 for i in range(n)],
            "pinned": False,
            "excluded": [i == 1 for i in range(n)],
            "stability": 0.9,
            "c_sales_cycle": score * 0.5,
            "c_deal_value": score * 0.5,
        }
    )
    return Ranking(table=table, criteria=["sales_cycle", "deal_value"], missing={})


def _spec(chart) -> dict:
    return chart.to_dict()


def _rows(spec: dict) -> list[dict]:
    """Every data row embedded in a spec (inline or in top-level datasets)."""
    rows = list(spec.get("data", {}).get("values", []))
    for values in spec.get("datasets", {}).values():
        rows.extend(values)
    return rows


def _titles(spec: dict) -> str:
    return json.dumps(spec, ensure_ascii=False)


def _png_size(png: bytes) -> tuple[int, int]:
    img = Image.open(io.BytesIO(png))
    assert img.format == "PNG"
    img.load()
    return img.size


def test_trait_bars_has_one_row_per_trait_and_chinese_titles():
    chart = charts.trait_bars(TRAITS, lang="zh")
    assert isinstance(chart, alt.TopLevelMixin)
    spec = _spec(chart)
    assert spec["title"]["text"] == "最佳客户的共同特征"
    rows = [r for r in _rows(spec) if "trait" in r]
    assert {r["trait"] for r in rows} == {f"{tr.column} = {tr.value}" for tr in TRAITS}
    assert {r["group"] for r in rows} == {"最佳", "其余"}
    # best share to the right, rest share to the left, labelled as percentages
    mfg = {r["group"]: r for r in rows if r["trait"] == "行业 = 制造业"}
    assert mfg["最佳"]["signed"] == pytest.approx(0.8) and mfg["最佳"]["pct"] == "80%"
    assert mfg["其余"]["signed"] == pytest.approx(-12 / 90)


def test_trait_bars_top_outcome_and_english():
    spec = _spec(charts.trait_bars(TRAITS, lang="en", top=3, outcome=True))
    rows = [r for r in _rows(spec) if "trait" in r]
    assert len({r["trait"] for r in rows}) == 3
    assert {r["group"] for r in rows} == {"Won", "Not won"}
    assert spec["title"]["text"] == t("charts.traits.title_outcome", "en")


def test_duplicate_trait_labels_still_get_their_own_row():
    twins = [_trait("Tag", "A", 5, 5), _trait("Tag", "A", 3, 5)]
    rows = [r for r in _rows(_spec(charts.trait_bars(twins, lang="en"))) if "trait" in r]
    assert len({r["trait"] for r in rows}) == 2


def test_empty_inputs_give_a_no_data_chart_or_none():
    for chart in (
        charts.trait_bars([], lang="zh"),
        charts.value_bars(
            pd.DataFrame({"x": pd.Series([], dtype=str)}), "x", pd.Series([], dtype=bool), lang="zh"
        ),
        charts.score_bars(Ranking(_ranking().table.iloc[0:0], [], {}), lang="zh"),
    ):
        assert "暂无可显示的数据" in _titles(_spec(chart))
    assert charts.kpi_bars({}, lang="en") is None
    assert charts.kpi_bars({"ltv_cac": Kpi("ltv_cac", None, None)}, lang="en") is None
    assert charts.numeric_ranges([], lang="en") is None


def test_kpi_bars_translate_names_and_print_units():
    spec = _spec(charts.kpi_bars(KPIS, lang="zh"))
    rows = _rows(spec)
    assert {r["metric"] for r in rows} == {"LTV/CAC", "销售周期（天）", "公司规模（员工数）"}
    labels = {r["value"] for r in rows}
    assert {"35 天", "80 天", "4.2×", "250"} <= labels
    # normalised per KPI so different units share one readable axis
    assert max(r["norm"] for r in rows) == pytest.approx(1.0)


def test_value_bars_shares_and_tags():
    table = pd.DataFrame(
        {
            "行业": ["制造业"] * 4 + ["零售"] * 6,
            "需求": [
                "降本,增效",
                "增效",
                "增效",
                "降本",
                "促销",
                "促销",
                "增效",
                None,
                "促销",
                "促销",
            ],
        }
    )
    best = pd.Series([True] * 4 + [False] * 6)
    rows = _rows(_spec(charts.value_bars(table, "行业", best, lang="zh")))
    share = {(r["value"], r["group"]): r["share"] for r in rows}
    assert share[("制造业", "最佳")] == 1.0 and share[("制造业", "其余")] == 0.0
    assert share[("零售", "其余")] == 1.0
    tags = _rows(_spec(charts.value_bars(table, "需求", best, lang="en", sep=",")))
    tag_share = {(r["value"], r["group"]): r["share"] for r in tags}
    assert tag_share[("增效", "Best")] == 0.75  # 3 of the 4 best carry the tag
    assert ("降本,增效", "Best") not in tag_share
    assert tags[0]["value"] == "增效"  # ordered by share among the best


def test_score_bars_top_n_stacked_by_translated_criteria():
    spec = _spec(charts.score_bars(_ranking(), lang="zh", top=3))
    rows = [r for r in _rows(spec) if "criterion" in r]
    customers = list(dict.fromkeys(r["customer"] for r in rows))
    assert customers == ["1. 客户0", "3. 客户2", "4. 客户3"]  # excluded 客户1 left out
    assert {r["criterion"] for r in rows} == {"销售周期", "成交金额"}
    assert spec["title"]["text"] == "得分前 3 名的客户"


def test_numeric_ranges_one_panel_per_column():
    numeric = [
        NumericTrait("员工数", Role.EMPLOYEES, 250, 60, 100, 400, 0.8, 10, 90),
        NumericTrait("Deal value", Role.VALUE, 1.2e6, 3e5, 8e5, 2e6, 0.75, 10, 90),
        NumericTrait("Broken", Role.VALUE, float("nan"), 1.0, 0.0, 1.0, 0.5, 10, 90),
    ]
    spec = _spec(charts.numeric_ranges(numeric, lang="zh"))
    assert {r["column"] for r in _rows(spec)} == {"员工数", "Deal value"}
    assert "最佳客户中位数" in _titles(spec)


def test_money_axes_and_labels_carry_their_currency():
    """A deal value in dollars reads "$1.2M" on its axis and labels; in 元 the axis
    is titled (元) and the labels end in 元; employees stay plain numbers."""
    dollars = NumericTrait("ACV", Role.VALUE, 1.2e6, 3e5, 8e5, 2e6, 0.75, 10, 90, unit="$")
    yuan = NumericTrait("合同金额", Role.VALUE, 1.2e5, 3e4, 8e4, 2e5, 0.75, 10, 90, unit="元")
    staff = NumericTrait("Employees", Role.EMPLOYEES, 250, 60, 100, 400, 0.8, 10, 90)
    text = json.dumps(_spec(charts.numeric_ranges([dollars, yuan, staff])), ensure_ascii=False)
    assert '"format": "$~s"' in text
    assert '"(元)"' in text
    labels = {r["range"] for r in _rows(_spec(charts.numeric_ranges([dollars, yuan, staff])))}
    assert any(lbl.startswith("$") for lbl in labels)
    assert any(lbl.endswith("元") for lbl in labels)
    assert "250" in labels


def test_to_png_renders_at_the_requested_scale_and_big_mode_is_bigger():
    chart = charts.trait_bars(TRAITS[:3], lang="zh")
    w1, h1 = _png_size(charts.to_png(chart, scale=1.0))
    w2, h2 = _png_size(charts.to_png(chart, scale=2.0))
    assert w1 >= 520 and h1 > 100  # at least the plot width
    assert abs(w2 - 2 * w1) <= 2 and abs(h2 - 2 * h1) <= 2
    wb, hb = _png_size(charts.to_png(charts.trait_bars(TRAITS[:3], lang="zh", big=True), scale=1))
    assert wb > w1 and hb > h1


def test_to_png_draws_chinese_with_the_bundled_font():
    """Chinese text must not render like characters the font lacks (Hangul here).
    Without the bundled font registered, CI (no CJK fonts) draws both alike."""

    def ink(text: str) -> np.ndarray:
        chart = (
            alt.Chart(pd.DataFrame({"s": [text]}))
            .mark_text(fontSize=40, align="left")
            .encode(text="s:N", x=alt.value(0), y=alt.value(30))
            .properties(width=260, height=60)
        )
        img = Image.open(io.BytesIO(charts.to_png(chart, scale=1))).convert("L")
        return np.asarray(img) < 128

    chinese, hangul = ink("理想客户画像"), ink("가각가각가각")
    assert chinese.sum() > 800
    assert chinese.shape == hangul.shape
    assert (chinese != hangul).mean() > 0.02
