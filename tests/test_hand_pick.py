"""A names-only list (no measure, no outcome) gets its best picked by hand, and everything
else works from that pick (issue 18)."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from icp import analysis
from icp.dataset import open_dataset
from icp.errors import InputError
from icp.model import Settings
from icp.store import Store

ROOT = Path(__file__).resolve().parent.parent
BEST = [f"公司{i:02d}" for i in range(10)]


def _names_only() -> bytes:
    rng = random.Random(3)
    industries = ["生产型", "贸易型", "电商", "生产+贸易"]
    titles = ["企业法人", "股东", "助理", "采购相关"]
    rows = []
    for i in range(40):
        good = i < 10
        rows.append(
            {
                "客户名称": f"公司{i:02d}",
                "客户行业": "生产型" if good and i % 5 else rng.choice(industries),
                "联系人身份": "企业法人" if good and i % 4 else rng.choice(titles),
                "省份": rng.choice(["广东", "浙江", "江苏"]),
            }
        )
    return pd.DataFrame(rows).to_csv(index=False).encode()


def test_the_pins_are_the_best_set_exactly():
    ds = open_dataset(_names_only(), filename="names.csv")
    with pytest.raises(InputError):
        analysis.run(ds)
    result = analysis.run(ds, Settings(pins=BEST[:7]))
    assert result.best_names == BEST[:7]
    assert [m.key for m in result.warnings] == ["analysis.hand_picked"]
    assert ("联系人身份", "企业法人") in {(t.column, t.value) for t in result.traits}


def test_best_page_offers_the_hand_pick_and_then_shows_the_pick():
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    ws = at.query_params["ws"]
    ws = ws if isinstance(ws, str) else ws[0]
    Store().set_source(ws, filename="names.csv", data=_names_only(), options={})
    at.session_state["app.lang"] = "zh"
    at.switch_page("views/best.py")
    at.run()
    assert not at.exception, at.exception
    assert "手动挑选最佳客户" in [s.value for s in at.subheader]
    at.multiselect(key="best.pins").set_value(BEST).run()
    assert not at.exception, at.exception
    assert Store().get_value(ws, "settings")["pins"] == BEST
    assert list(at.dataframe[0].value["客户"]) == BEST
    assert any("手动挑选" in w.value for w in at.warning)
