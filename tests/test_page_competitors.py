"""AppTests of the Competitors page: one view per rival with a positioning line, or a reason."""

from __future__ import annotations


def test_chinese_equipment_rivals(app_test):
    at = app_test("competitors", "equipment_customers_zh.xlsx", "zh")
    heads = [s.value for s in at.subheader]
    assert heads[0].startswith("施耐德") and len(heads) == 4
    texts = " ".join(m.value for m in at.markdown)
    assert "仍在用施耐德的客户中最常见的是“贸易型”" in texts
    assert "仍在用施耐德" in at.dataframe[0].value.columns[2]


def test_english_rivals_and_a_list_without_a_vendor_column(app_test):
    at = app_test("competitors")
    assert at.title[0].value == "Competitors"
    assert any(
        "The most common Tools used among your won customers" in m.value for m in at.markdown
    )
    at = app_test("competitors", "study_abroad_zh.csv", "zh")
    assert "没有映射" in at.info[0].value
