"""AppTests of the Tags page: define a tag by conditions, see its counts, filter by it."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from icp import tags
from icp.store import Store

ROOT = Path(__file__).resolve().parent.parent


def _ws_of(at: AppTest) -> str:
    value = at.query_params["ws"]
    return value if isinstance(value, str) else value[0]


def _open(sample: str | None = None, lang: str = "en") -> AppTest:
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    if sample:
        path = ROOT / "sample_data" / sample
        Store().set_source(_ws_of(at), filename=path.name, data=path.read_bytes(), options={})
    at.session_state["app.lang"] = lang
    at.switch_page("views/tags.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_define_a_chinese_rule_tag_and_see_it_counted_and_saved():
    at = _open("equipment_customers_zh.xlsx", "zh")
    assert at.title[0].value == "客户标签"
    form = "tags.rule._new"
    at.text_input(key=f"{form}.name").set_value("重点跟踪")
    at.selectbox(key=f"{form}.0.col").set_value("联系人身份").run()
    at.multiselect(key=f"{form}.0.联系人身份.values").select("企业法人").select("股东").run()
    assert not at.exception, at.exception
    preview = " ".join(c.value for c in at.caption)
    assert "联系人身份 为 企业法人、股东" in preview
    at.button(key="tags.save").click().run()
    assert not at.exception, at.exception
    saved = tags.load(Store().get_value(_ws_of(at), tags.STORE_KEY))
    assert [t.name for t in saved] == ["重点跟踪"]
    table = at.dataframe[0].value
    n = int(table["客户数"].iloc[0])
    assert 0 < n < 260
    at.selectbox(key="tags.filter").set_value("重点跟踪").run()
    assert not at.exception, at.exception
    who = at.dataframe[1].value
    assert len(who) == n and set(who["联系人身份"]) == {"企业法人", "股东"}


def test_number_conditions_in_english():
    at = _open()
    form = "tags.rule._new"
    at.text_input(key=f"{form}.name").set_value("Big accounts")
    at.selectbox(key=f"{form}.0.col").set_value("Employees").run()
    at.number_input(key=f"{form}.0.Employees.low").set_value(500).run()
    assert not at.exception, at.exception
    assert any("Employees at least 500" in c.value for c in at.caption)
    at.button(key="tags.save").click().run()
    table = at.dataframe[0].value
    assert table["Tag"].tolist() == ["Big accounts"]
    assert int(table["Customers"].iloc[0]) > 0
