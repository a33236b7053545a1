"""AppTests of the Three levels page: industries, the ICP, titles seen or the committee."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from icp import analysis
from icp.dataset import open_dataset
from ui import portraits


def _texts(at) -> str:
    return "\n".join(t.value for t in at.text)


def test_three_levels_in_english_without_contacts(app_test):
    at = app_test("levels")
    assert at.title[0].value == "Three levels"
    assert [h.value for h in at.header] == [
        "Industry level",
        "Company level — the ICP",
        "Person level — the persona and the committee",
    ]
    industries = at.dataframe[0].value
    assert industries["Industry"].iloc[0] == "Manufacturing"
    assert int(industries["Best"].iloc[0]) == 9
    assert industries["Median value"].iloc[0].startswith("$")
    text = _texts(at)
    assert "Industry = Manufacturing" in text
    # one contact title per account: titles seen across the best, never a committee
    assert any("titles seen across your best accounts" in c.value for c in at.caption)
    assert "VP Operations — " in text and "of your best 10 accounts" in text
    assert len(at.dataframe) == 1


def test_chinese_committee_from_an_uploaded_contacts_file(app_test):
    ds = open_dataset("sample_data/equipment_customers_zh.xlsx")
    best = set(ds.names()[analysis.run(ds).best_mask])
    rows = []
    for i, name in enumerate(ds.names()):
        rows.append({"客户名称": name, "联系人姓名": f"张{i}", "职位": "采购经理"})
        if name in best and i % 2:
            rows.append({"客户名称": name, "联系人姓名": f"李{i}", "职位": "总经理"})
    buf = io.BytesIO()
    pd.DataFrame(rows).to_csv(buf, index=False)

    def setup(store, ws):
        import base64

        data = base64.b64encode(buf.getvalue()).decode("ascii")
        store.set_value(ws, portraits.CONTACTS_KEY, {"filename": "联系人.csv", "data_b64": data})

    at = app_test("levels", "equipment_customers_zh.xlsx", "zh", setup=setup)
    assert at.title[0].value == "三个层次"
    text = _texts(at)
    assert "决策者：有联系人的 10 个最佳客户中有" in text
    assert "缺少决策者联系人" in text  # the best accounts without a decider are named
    committee_table = at.dataframe[-1].value
    assert list(committee_table.columns[:2]) == ["客户", "决策者"]
    assert committee_table["决策者"].iloc[0].endswith("(总经理)")


@pytest.mark.parametrize(
    ("lang", "sample", "title", "headline"),
    [
        ("en", None, "Where to advertise: segments × channel", "The channel that brings the most"),
        ("zh", "equipment_customers_zh.xlsx", "广告投放：细分 × 渠道", "该细分客户最多来自抖音"),
    ],
)
def test_commonalities_shows_where_the_icp_segment_comes_from(
    app_test, lang, sample, title, headline
):
    at = app_test("commonalities", sample, lang)
    assert title in [s.value for s in at.subheader]
    assert headline in _texts(at)
    frames = [d.value for d in at.dataframe]
    column = "Channel" if lang == "en" else "渠道"
    i = next(i for i, f in enumerate(frames) if column in f.columns)
    channels, who = frames[i], frames[i + 1]  # the channels, then the customers
    assert len(channels) >= 3
    assert len(who) == int(channels.iloc[:, 1].sum())  # every segment customer, listed
