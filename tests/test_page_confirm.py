"""AppTests of the Data page's confirm step: what the data means, editable and saved.

A churn-style export sits in the workspace (put there the way the uploader
does); the page must show what it read — the outcome column with the good
value the other way round, ids, reasons — and every change must be saved
and change the definition sentence.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from icp.store import Store
from tests.fixtures.real_exports import KINDS

ROOT = Path(__file__).resolve().parent.parent
# the app's store in this test's data folder; its other caches are kept by content (conftest)
pytestmark = pytest.mark.usefixtures("app_in_this_data_dir")


def _ws(at: AppTest) -> str:
    value = at.query_params["ws"]
    return value if isinstance(value, str) else value[0]


def _open(kind: str, lang: str = "en") -> tuple[AppTest, Store, str]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    store, ws = Store(), _ws(at)
    data, name, _, _ = KINDS[kind].files()
    store.set_source(ws, filename=name, data=data, options={})
    store.set_value(ws, "mapping", None)
    store.set_value(ws, "settings", {"mode": "outcome"})
    at.session_state["app.lang"] = lang
    at.switch_page("views/data.py")
    at.run()
    assert not at.exception, at.exception
    return at, store, ws


def _texts(at: AppTest) -> str:
    """What the user reads: plain text, and captions with their Markdown escapes undone."""
    captions = [re.sub(r"\\(.)", r"\1", c.value) for c in at.caption]
    return "\n".join([*(x.value for x in at.text), *captions])


def _by_label(widgets, label: str):
    found = [w for w in widgets if w.label == label]
    assert found, [w.label for w in widgets]
    return found[0]


def test_confirm_step_shows_what_was_read_with_reasons():
    at, _, _ = _open("churn_en")
    text = _texts(at)
    assert "Best = “churned” is No (138) vs Yes (102)" in text
    assert any(h.value == "What the data means" for h in at.subheader)
    outcome = _by_label(at.selectbox, "Outcome (won / lost, kept / churned)")
    assert outcome.value == "churned"
    assert "is_partner" in outcome.options and "has_newsletter" in outcome.options
    assert _by_label(at.multiselect, "Values that count as good").value == ["No"]
    assert "header says “churned”, a lost word" in text
    assert _by_label(at.selectbox, "Customer id").value == "account_id"
    assert "account_id" in text and "Identifiers" in text


def test_changing_the_good_value_is_saved_and_changes_the_sentence():
    at, store, ws = _open("churn_en")
    _by_label(at.multiselect, "Values that count as good").set_value(["Yes"]).run()
    assert not at.exception, at.exception
    assert store.get_value(ws, "settings")["good_values"] == ["Yes"]
    assert "Best = “churned” is Yes (102) vs No (138)" in _texts(at)


def test_choosing_another_outcome_column_updates_the_mapping():
    at, store, ws = _open("bank_zh")
    assert _by_label(at.selectbox, "Outcome (won / lost, kept / churned)").value == "是否续约"
    _by_label(at.selectbox, "Outcome (won / lost, kept / churned)").set_value("是否会员").run()
    assert not at.exception, at.exception
    roles = {c["name"]: c["role"] for c in store.get_value(ws, "mapping")}
    assert roles["是否会员"] == "outcome" and roles["是否续约"] == "none"
    assert "“是否会员”" in _texts(at)


def test_confirm_step_in_chinese():
    at, _, _ = _open("bank_zh", lang="zh")
    text = _texts(at)
    assert any(h.value == "数据的含义" for h in at.subheader)
    assert "赢单 = 「是否续约」为 1（148），对比 0（152）" in text
    assert "表头写着「续约」" in text
    assert _by_label(at.selectbox, "客户编号列").value == "客户编号"


def test_every_analysis_page_states_the_definition():
    at, _, _ = _open("winloss_en")
    for page in ("views/best.py", "views/commonalities.py", "views/report.py"):
        at.switch_page(page)
        at.run()
        assert not at.exception, (page, at.exception)
        text = _texts(at)
        assert "Won = “Deal Outcome (Won/Lost)” is Won (88) vs Loss (132)" in text, page
        findings = [x.value for x in at.text if x.value.startswith("• ")]
        assert not any("Deal Outcome" in f or "Opportunity ID" in f for f in findings), findings
