"""AppTests of the Customer card page: pick, read, filter by tag, print — in both languages."""

from __future__ import annotations

from icp import groups, tags
from icp.store import Store


def test_card_of_a_searched_customer_groups_fields_and_scores_it(app_test):
    at = app_test("customer")
    at.text_input(key="card.query").set_value("Horizon Industries Co").run()
    assert not at.exception, at.exception
    pick = at.selectbox(key="card.pick")
    assert pick.options == ["Horizon Industries Co."]
    headers = [h.value for h in at.header]
    assert any("Horizon Industries Co." in h for h in headers)
    texts = " ".join(m.value for m in at.markdown)
    for group in ("Company", "Contact", "Need", "Deal and value"):
        assert f"**{group}**" in texts
    assert any(m.label == "Fit score" for m in at.metric)
    assert "Industry = Manufacturing" in texts  # a trait it matches, in words
    assert "Suggested next step" in [s.value for s in at.subheader]
    labels = [b.label for b in at.get("download_button")]
    assert "Download the card (PDF)" in labels and "Download the card (Markdown)" in labels


def test_chinese_to_c_card_uses_the_data_groups(app_test):
    at = app_test("customer", "study_abroad_zh.csv", "zh")
    assert at.title[0].value == "客户画像卡"
    texts = " ".join(m.value for m in at.markdown)
    for group in ("基本信息", "家庭信息", "提交流程"):
        assert f"**{group}**" in texts
    assert any(m.label == "匹配分" for m in at.metric)


def test_tag_filter_limits_the_customers_offered(app_test):
    at = app_test("customer", "equipment_customers_zh.xlsx", "zh")
    rule = groups.Rule((groups.Condition("客户行业", "in", ("生产型",)),))
    Store().set_value(at.ws, tags.STORE_KEY, tags.dump([tags.Tag("生产型客户", rule)]))
    at.run()
    total = len(at.selectbox(key="card.pick").options)
    at.selectbox(key="tags.sidebar").set_value("生产型客户").run()
    assert not at.exception, at.exception
    shown = at.selectbox(key="card.pick").options
    assert 0 < len(shown) < total
    assert "标签：生产型客户" in " ".join(c.value for c in at.caption)
