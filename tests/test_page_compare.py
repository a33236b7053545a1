"""AppTests of the Compare groups page: tag vs the rest, signed vs not signed, breakdown, save."""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from icp import groups, tags
from icp.store import Store
from ui.portraits import COMPARISONS_KEY

ROOT = Path(__file__).resolve().parent.parent


def _ws_of(at: AppTest) -> str:
    value = at.query_params["ws"]
    return value if isinstance(value, str) else value[0]


def _open(sample: str | None = None, lang: str = "en", tag: tags.Tag | None = None) -> AppTest:
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    ws = _ws_of(at)
    if sample:
        path = ROOT / "sample_data" / sample
        Store().set_source(ws, filename=path.name, data=path.read_bytes(), options={})
    if tag is not None:
        Store().set_value(ws, tags.STORE_KEY, tags.dump([tag]))
    at.session_state["app.lang"] = lang
    at.switch_page("views/compare.py")
    at.run()
    assert not at.exception, at.exception
    return at


def test_tag_against_everyone_else_in_chinese_finds_differences_and_saves():
    rule = groups.Rule((groups.Condition("联系人身份", "in", ("企业法人", "股东")),))
    at = _open("equipment_customers_zh.xlsx", "zh", tags.Tag("重点跟踪", rule))
    assert at.title[0].value == "分组对比"
    assert [m.label for m in at.metric] == ["重点跟踪", "其余所有客户"]
    assert any("联系人身份" in c.value and "未参与比较" in c.value for c in at.caption)
    texts = " ".join(m.value for m in at.markdown)
    assert "“重点跟踪”中" in texts  # a difference in words, with counts
    at.button(key="compare.save").click().run()
    assert not at.exception, at.exception
    saved = Store().get_value(_ws_of(at), COMPARISONS_KEY)
    assert saved[0]["a"]["tag"] == "重点跟踪" and saved[0]["b"]["kind"] == "rest"


def test_signed_vs_not_signed_and_the_ordered_breakdown():
    at = _open("equipment_customers_zh.xlsx", "zh")
    at.selectbox(key="compare.a.kind.zh").set_value("已签约").run()
    at.selectbox(key="compare.b.kind.zh").set_value("未签约").run()
    assert not at.exception, at.exception
    assert [m.label for m in at.metric] == ["已签约", "未签约"]
    at.selectbox(key="compare.breakdown.column").set_value("客户行业").run()
    at.selectbox(key="compare.breakdown.group").set_value("已签约").run()
    texts = " ".join(m.value for m in at.markdown).replace("\\", "")  # drop Markdown escapes
    assert "“已签约”中的客户行业：生产型 36 (36%) > 生产+贸易 23 (23%) > " in texts
    assert "这是描述，不是结论" in " ".join(c.value for c in at.caption)


def test_english_conditions_against_the_rest():
    at = _open()
    at.selectbox(key="compare.a.kind.en").set_value("Customers meeting conditions").run()
    at.selectbox(key="compare.a.rule.0.col").set_value("Industry").run()
    at.multiselect(key="compare.a.rule.0.Industry.values").select("Manufacturing").run()
    assert not at.exception, at.exception
    a, b = (m.value for m in at.metric)
    assert int(a) > 0 and int(b) > 0
    assert not any("Industry = Manufacturing" in m.value for m in at.markdown)  # it defines A
