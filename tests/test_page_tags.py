"""AppTests of the Tags page: define a tag by conditions, see its counts, filter by it."""

from __future__ import annotations

from icp import tags
from icp.store import Store


def test_define_a_chinese_rule_tag_and_see_it_counted_and_saved(app_test):
    at = app_test("tags", "equipment_customers_zh.xlsx", "zh")
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
    saved = tags.load(Store().get_value(at.ws, tags.STORE_KEY))
    assert [t.name for t in saved] == ["重点跟踪"]
    table = at.dataframe[0].value
    n = int(table["客户数"].iloc[0])
    assert 0 < n < 260
    at.selectbox(key="tags.sidebar").set_value("重点跟踪").run()  # the sidebar's tag filter
    assert not at.exception, at.exception
    who = at.dataframe[1].value
    assert len(who) == n and set(who["联系人身份"]) == {"企业法人", "股东"}
    # the filter is the workspace's: saved, and the best-customers list is cut to it too
    assert Store().get_value(at.ws, "portraits.tag_filter") == "重点跟踪"
    at.switch_page("views/best.py").run()
    assert not at.exception, at.exception
    shown = at.dataframe[0].value
    assert 0 < len(shown) < 10
    assert any("仅显示带“重点跟踪”标签的客户" in c.value for c in at.caption)


def test_number_conditions_in_english(app_test):
    at = app_test("tags")
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
