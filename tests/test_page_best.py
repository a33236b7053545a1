"""AppTests of the Best customers page on the English SaaS sample (loaded automatically)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from icp.store import Store


def _names(at: AppTest) -> list[str]:
    return list(at.dataframe[0].value["Customer"])


def test_shows_the_top_10_with_stability_kpis_and_weights(app_test):
    at = app_test("best")
    assert at.title[0].value == "Best customers"
    table = at.dataframe[0].value
    assert len(table) == 10
    assert table["Customer"].iloc[0] == "Northwind Manufacturing LLC"
    assert table["Stability"].between(0, 1).all()
    assert {"Sales cycle", "Deal value", "LTV/CAC"} <= set(table.columns)
    assert {m.label for m in at.metric} >= {"LTV/CAC", "Sales cycle (days)"}
    assert any("years of expected lifetime" in c.value for c in at.caption)
    assert at.slider(key="best.w.sales_cycle").value == 1.0


def test_changing_n_and_pinning_update_the_list_and_are_saved(app_test):
    at = app_test("best")
    at.slider(key="best.top_n").set_value(5).run()
    assert not at.exception
    assert len(_names(at)) == 5
    last = "Northwind Manufacturing LLC"
    outsider = next(n for n in at.multiselect(key="best.pins").options if n not in _names(at))
    at.multiselect(key="best.pins").select(outsider).run()
    at.multiselect(key="best.excludes").select(last).run()
    names = _names(at)
    assert outsider in names and last not in names and len(names) == 5
    saved = Store().get_value(at.ws, "settings")
    assert saved["top_n"] == 5 and saved["pins"] == [outsider] and saved["excludes"] == [last]


def test_outcome_mode_lists_the_won_customers(app_test):
    at = app_test("best")
    at.segmented_control(key="best.mode").set_value("outcome").run()
    assert not at.exception
    assert any("won customers" in s.value for s in at.subheader)
    assert any("no outcome yet" in w.value for w in at.warning)
    assert Store().get_value(at.ws, "settings")["mode"] == "outcome"


def test_without_an_outcome_column_the_mode_switch_explains_why_it_is_off(app_test):
    at = app_test("best")
    store = Store()
    mapping = store.get_value(at.ws, "mapping")
    if mapping is None:  # detected, not yet saved: save the detected one without the outcome
        from icp.dataset import open_dataset

        filename, data, _ = store.get_source(at.ws)
        mapping = open_dataset(data, filename=filename).mapping.to_list()
    for col in mapping:
        if col["role"] == "outcome":
            col["role"] = "none"
    store.set_value(at.ws, "mapping", mapping)
    at.run()
    assert not at.exception
    assert at.segmented_control(key="best.mode").disabled
    assert any("needs an outcome column" in c.value for c in at.caption)


def test_chinese_labels(app_test):
    at = app_test("best")
    at.session_state["app.lang"] = "zh"  # what the sidebar language switch sets
    at.run()
    assert not at.exception
    assert at.title[0].value == "最佳客户"
    assert any("前 10 名最佳客户" in s.value for s in at.subheader)
    # the pin/exclude boxes' placeholder is ours, not Streamlit's English "Choose options"
    assert at.multiselect(key="best.pins").proto.placeholder == "请选择"
