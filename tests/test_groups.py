"""icp.groups: conditions select the right rows, A vs B finds planted differences, breakdowns."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from icp import groups
from icp.dataset import open_dataset
from icp.parse import band_midpoints

ROOT = Path(__file__).resolve().parent.parent


@cache
def _sample(name: str):
    return open_dataset(ROOT / "sample_data" / name)


def _planted():
    """60 customers: group A (region North) is mostly Retail, B mostly Software."""
    rows = []
    for i in range(60):
        north = i < 30
        industry = (
            ("Retail" if i % 10 < 8 else "Software")
            if north
            else ("Software" if i % 10 < 8 else "Retail")
        )
        rows.append(
            {
                "Company": f"Firm {i}",
                "Region": "North" if north else "South",
                "Industry": industry,
                "Employees": 50 + i,
                "Tools": "Excel, Slack" if i % 3 else "Slack",
            }
        )
    return open_dataset(pd.DataFrame(rows).to_csv(index=False).encode(), filename="planted.csv")


def test_conditions_in_between_and_all_any():
    ds = _sample("equipment_customers_zh.xlsx")
    t = ds.table
    rule = groups.Rule(
        (
            groups.Condition("注册资金", "between", low=5_000_000),
            groups.Condition("联系人身份", "in", ("企业法人", "股东")),
        )
    )
    rows = groups.mask(ds, rule)
    # 注册资金 is a band column ("500-1000万"): "between" reads each band's midpoint
    expected = (band_midpoints(t["注册资金"]) >= 5_000_000) & t["联系人身份"].isin(
        ["企业法人", "股东"]
    )
    assert rows.sum() == expected.sum() > 0
    either = groups.mask(ds, groups.Rule(rule.conditions, "any"))
    assert either.sum() > rows.sum()
    assert rule.describe("zh") == "注册资金 不低于 5,000,000 且 联系人身份 为 企业法人、股东"
    assert groups.mask(ds, groups.Rule()).sum() == 0  # no condition: nobody


def test_multi_select_tags_text_and_empty_conditions():
    ds = _planted()
    with_excel = groups.mask(ds, groups.Rule((groups.Condition("Tools", "in", ("Excel",)),)))
    assert with_excel.sum() == 40  # the tag inside "Excel, Slack", not the whole cell
    none_of = groups.mask(ds, groups.Rule((groups.Condition("Tools", "not_in", ("Excel",)),)))
    assert none_of.sum() == 20
    assert groups.mask(ds, groups.Rule((groups.Condition("Tools", "empty"),))).sum() == 0
    assert groups.column_values(ds, "Tools") == ["Slack", "Excel"]


def test_rules_survive_json():
    rule = groups.Rule((groups.Condition("A", "between", low=1.5, high=None),), "any")
    assert groups.Rule.from_dict(rule.to_dict()) == rule
    spec = groups.GroupSpec("tag", "重点跟踪", tag="重点跟踪")
    assert groups.GroupSpec.from_dict(spec.to_dict()) == spec


def test_compare_finds_the_planted_difference_and_leaves_out_the_defining_column():
    ds = _planted()
    north = groups.Rule((groups.Condition("Region", "in", ("North",)),))
    comp = groups.compare_specs(
        ds,
        groups.GroupSpec("rule", "North", north),
        groups.GroupSpec("rest", "Others"),
        best=pd.Series(False, index=ds.table.index),
        tags={},
    )
    assert (comp.a_n, comp.b_n) == (30, 30)
    assert comp.excluded == ["Region"]
    assert [(t.column, t.value) for t in comp.a_traits][:1] == [("Industry", "Retail")]
    assert [(t.column, t.value) for t in comp.b_traits][:1] == [("Industry", "Software")]
    assert all(t.column != "Region" for t in [*comp.a_traits, *comp.b_traits])
    lines = comp.sentences("en")
    assert lines[0] == ("24 of 30 in “North” have Industry = Retail, vs 20% in “Others” (6 of 30).")
    assert "“North”中 30 个里有 24 个的 Industry 为“Retail”" in comp.sentences("zh")[0]


def test_signed_vs_not_signed_on_the_equipment_sample():
    ds = _sample("equipment_customers_zh.xlsx")
    won = groups.outcome_rule(ds, won=True)
    lost = groups.outcome_rule(ds, won=False)
    assert won.conditions[0].values == ("已签约",) and lost.conditions[0].values == ("未签约",)
    comp = groups.compare_specs(
        ds,
        groups.GroupSpec("won", "已签约"),
        groups.GroupSpec("lost", "未签约"),
        best=pd.Series(False, index=ds.table.index),
        tags={},
    )
    assert comp.a_n + comp.b_n == len(ds.table)
    assert ("客户行业", "生产型") in {(t.column, t.value) for t in comp.a_traits}
    assert comp.excluded == ["签约状态"]


def test_breakdown_is_the_full_ordered_share_with_counts():
    ds = _sample("equipment_customers_zh.xlsx")
    won = groups.mask(ds, groups.outcome_rule(ds, won=True))
    table = groups.breakdown(ds, "客户行业", won)
    assert table["value"].tolist() == ["生产型", "生产+贸易", "电商", "贸易型"]
    assert table["count"].sum() == won.sum()
    assert table["share"].is_monotonic_decreasing
    line = groups.order_sentence(table, column="客户行业", group="已签约", lang="zh")
    assert line.startswith("“已签约”中的客户行业：生产型 36 (36%) > 生产+贸易 23 (23%)")
    tags = groups.breakdown(ds, "关注产品", won)  # multi-select: one count per tag
    assert tags["count"].sum() > won.sum()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_comparison_section_for_the_report(lang):
    ds = _planted()
    north = groups.Rule((groups.Condition("Region", "in", ("North",)),))
    comp = groups.compare(
        ds,
        groups.mask(ds, north),
        ~groups.mask(ds, north),
        a_name="N",
        b_name="S",
        exclude=["Region"],
    )
    (sec,) = groups.sections(comp, title="N vs S", lang=lang)
    kinds = [b.kind for b in sec.blocks]
    assert kinds[0] == "para" and "table" in kinds and kinds.count("bullet") >= 2


def test_channels_of_a_group_with_thin_channels_blanked():
    ds = _sample("equipment_customers_zh.xlsx")
    rows = groups.mask(ds, groups.Rule((groups.Condition("联系人身份", "in", ("企业法人",)),)))
    table = groups.channels(ds, rows, best=pd.Series(False, index=ds.table.index))
    assert table["customers"].sum() == rows.sum()
    assert table["customers"].is_monotonic_decreasing
    thin = table["customers"] < groups.MIN_CHANNEL
    assert table.loc[thin, "won_rate"].isna().all()
    assert table.loc[~thin, "won_rate"].between(0, 1).all()
