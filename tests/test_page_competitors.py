"""AppTests of the Competitors page: one view per rival with a positioning line, or a reason."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from icp.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _open(sample: str | None = None, lang: str = "en") -> AppTest:
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    if sample:
        ws = at.query_params["ws"]
        ws = ws if isinstance(ws, str) else ws[0]
        path = ROOT / "sample_data" / sample
        Store().set_source(ws, filename=path.name, data=path.read_bytes(), options={})
    at.session_state["app.lang"] = lang
    at.switch_page("views/competitors.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_chinese_equipment_rivals():
    at = _open("equipment_customers_zh.xlsx", "zh")
    heads = [s.value for s in at.subheader]
    assert heads[0].startswith("施耐德") and len(heads) == 4
    texts = " ".join(m.value for m in at.markdown)
    assert "仍在用施耐德的客户多为“贸易型”" in texts
    assert "仍在用施耐德" in at.dataframe[0].value.columns[2]


def test_english_rivals_and_a_list_without_a_vendor_column():
    at = _open()
    assert at.title[0].value == "Competitors"
    assert any("Your won customers are mostly" in m.value for m in at.markdown)
    at = _open("study_abroad_zh.csv", "zh")
    assert "没有映射" in at.info[0].value
