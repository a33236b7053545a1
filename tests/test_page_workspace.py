"""AppTests of the Workspace (home) page: first visit, samples, versions, import."""

from __future__ import annotations

from icp.store import Store


def test_first_visit_lands_on_a_workspace_with_the_sample_loaded(app_test):
    at = app_test()
    assert at.title[0].value == "ICP Workbench"
    assert any("320 customers" in m.value for m in at.markdown)
    assert len(Store().list()) == 1


def test_chinese_labels(app_test):
    at = app_test(lang="zh")
    assert at.title[0].value == "ICP 工作台"
    assert any("320 个客户" in m.value for m in at.markdown)


def test_loading_another_sample_replaces_the_data_set(app_test):
    at = app_test()
    at.selectbox(key="ws.sample.en").set_value("equipment_zh")
    at.button[1].click().run()  # "Load sample" (the rename form's button is first)
    assert not at.exception
    assert any("260 customers" in m.value for m in at.markdown)


def test_snapshot_then_restore_brings_answers_back(app_test):
    at = app_test()
    ws = at.ws
    store = Store()
    store.set_answer(ws, "S2", "firmographics", "before")
    at.text_input(key="ws.snapshot_label").input("v1 after workshop")
    at.button(key="FormSubmitter:ws.snapshot_form-Snapshot").click().run()
    assert [v.label for v in store.versions(ws)] == ["v1 after workshop"]
    store.set_answer(ws, "S2", "firmographics", "after")
    at.run()
    version = store.versions(ws)[0]
    at.button(key=f"ws.restore.{version.id}").click().run()
    assert not at.exception
    assert store.answers(ws)["S2"]["firmographics"] == "before"
    assert any("restored" in s.value for s in at.success)
