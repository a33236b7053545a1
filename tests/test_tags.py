"""icp.tags: tags round-trip through the store's JSON, count customers and prospects, export."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from icp import report, tags
from icp.analysis import run
from icp.dataset import open_dataset
from icp.groups import Condition, Rule
from icp.parse import band_midpoints
from icp.store import Store

ROOT = Path(__file__).resolve().parent.parent
KEY = tags.Tag(
    "重点跟踪",
    Rule(
        (
            Condition("注册资金", "between", low=5_000_000),
            Condition("联系人身份", "in", ("企业法人", "股东")),
        )
    ),
)


def _equipment():
    return open_dataset(ROOT / "sample_data" / "equipment_customers_zh.xlsx")


def test_tags_are_saved_in_the_workspace_and_load_back(tmp_path):
    store = Store(tmp_path)
    ws = store.create("t")
    store.set_value(ws, tags.STORE_KEY, tags.dump([KEY]))
    assert tags.load(store.get_value(ws, tags.STORE_KEY)) == [KEY]
    assert tags.load([{"name": ""}, "junk", {"name": "x", "rule": {}}]) == [tags.Tag("x", Rule())]


def test_counts_on_customers_and_on_a_prospect_list():
    ds = _equipment()
    prospects = open_dataset(
        pd.DataFrame(
            {
                "客户名称": ["甲", "乙", "丙"],
                "注册资金": ["500-1000万", "150万", "1000万以上"],
                "联系人身份": ["股东", "股东", "助理"],
            }
        )
        .to_csv(index=False)
        .encode(),
        filename="prospects.csv",
    )
    other = tags.Tag("行业", Rule((Condition("客户行业", "in", ("生产型",)),)))
    counts = tags.counts(ds, [KEY, other], prospects)
    t = ds.table
    capital = band_midpoints(t["注册资金"])  # a band column: each label's midpoint
    expected = ((capital >= 5e6) & t["联系人身份"].isin(["企业法人", "股东"])).sum()
    assert counts["customers"].tolist()[0] == expected
    assert counts["prospects"].tolist()[0] == 1  # 500-1000万 + 股东
    assert pd.isna(counts["prospects"].tolist()[1])  # the list has no 客户行业 column
    assert tags.missing_columns(prospects, other) == ["客户行业"]


def test_the_customer_export_carries_a_tags_column():

    ds = _equipment()
    col = tags.tag_column(ds, [KEY])
    assert (col == "重点跟踪").sum() == tags.counts(ds, [KEY])["customers"][0]
    data = report.customers_xlsx_bytes(ds, run(ds), lang="zh", tags=col)
    sheet = load_workbook(io.BytesIO(data)).active
    header = [c.value for c in sheet[1]]
    assert "标签" in header
    values = [r[header.index("标签")] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert values.count("重点跟踪") == (col == "重点跟踪").sum()
