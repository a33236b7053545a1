"""AppTests of the Compare groups page: tag vs the rest, signed vs not signed, breakdown, save."""

from __future__ import annotations

from icp import groups, tags
from icp.store import Store
from ui.portraits import COMPARISONS_KEY


def test_tag_against_everyone_else_in_chinese_finds_differences_and_saves(app_test):
    rule = groups.Rule((groups.Condition("联系人身份", "in", ("企业法人", "股东")),))
    at = app_test(
        "compare",
        "equipment_customers_zh.xlsx",
        "zh",
        setup=lambda store, ws: store.set_value(
            ws, tags.STORE_KEY, tags.dump([tags.Tag("重点跟踪", rule)])
        ),
    )
    assert at.title[0].value == "分组对比"
    assert [m.label for m in at.metric] == ["重点跟踪", "其余所有客户"]
    assert any("联系人身份" in c.value and "未参与比较" in c.value for c in at.caption)
    texts = " ".join(m.value for m in at.markdown)
    assert "“重点跟踪”中" in texts  # a difference in words, with counts
    at.button(key="compare.save").click().run()
    assert not at.exception, at.exception
    saved = Store().get_value(at.ws, COMPARISONS_KEY)
    assert saved[0]["a"]["tag"] == "重点跟踪" and saved[0]["b"]["kind"] == "rest"


def test_signed_vs_not_signed_and_the_ordered_breakdown(app_test):
    at = app_test("compare", "equipment_customers_zh.xlsx", "zh")
    at.selectbox(key="compare.a.kind.zh").set_value("已签约").run()
    at.selectbox(key="compare.b.kind.zh").set_value("未签约").run()
    assert not at.exception, at.exception
    assert [m.label for m in at.metric] == ["已签约", "未签约"]
    assert "各组客户来自哪些渠道" in [s.value for s in at.subheader]
    at.selectbox(key="compare.breakdown.column").set_value("客户行业").run()
    at.selectbox(key="compare.breakdown.group").set_value("已签约").run()
    texts = " ".join(m.value for m in at.markdown).replace("\\", "")  # drop Markdown escapes
    assert "“已签约”中的客户行业：生产型 36 (36%) > 生产+贸易 23 (23%) > " in texts
    assert "这是描述，不是结论" in " ".join(c.value for c in at.caption)


def test_english_conditions_against_the_rest(app_test):
    at = app_test("compare")
    at.selectbox(key="compare.a.kind.en").set_value("Customers meeting conditions").run()
    at.selectbox(key="compare.a.rule.0.col").set_value("Industry").run()
    at.multiselect(key="compare.a.rule.0.Industry.values").select("Manufacturing").run()
    assert not at.exception, at.exception
    a, b = (m.value for m in at.metric)
    assert int(a) > 0 and int(b) > 0
    assert not any("Industry = Manufacturing" in m.value for m in at.markdown)  # it defines A
