"""Where the app starts when it cannot (or must not) open a workspace by itself:
a broken database, no ``?ws=``, a stale link, an access key — as a visitor sees it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from icp.i18n import t
from icp.store import Store

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.usefixtures("app_in_this_data_dir")  # the app's store is this test's


def _open(lang: str = "en", ws: str | None = None) -> AppTest:
    at = AppTest(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["app.lang"] = lang
    if ws is not None:
        at.query_params["ws"] = ws
    at.run()
    assert not at.exception, at.exception
    return at


def _shown(markdown: str) -> str:
    """What a reader sees of escaped Markdown (``\\_`` is shown as ``_``)."""
    return re.sub(r"\\(.)", r"\1", markdown)


def _texts(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("title", "markdown", "caption", "error", "info")
        for e in getattr(at, kind)
    ]
    parts += [str(o) for sb in at.selectbox for o in sb.options]
    return _shown("\n".join(str(p) for p in parts))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_corrupt_database_gives_the_chooser_with_its_path_and_is_left_untouched(lang):
    db = Path(os.environ["ICP_DATA_DIR"]) / "workbench.db"
    junk = b"this is not a database\n" * 200
    db.write_bytes(junk)
    at = _open(lang)
    assert at.title[0].value == t("choose.title", lang)
    error = _shown(at.error[0].value)
    assert str(db) in error and t("store.cannot_open", lang, path="X", detail="Y")[:5] in error
    assert t("choose.broken_help", lang) in _texts(at)
    at.button[0].click().run()  # "Try again": still broken, still explained, still untouched
    assert not at.exception and at.error
    assert db.read_bytes() == junk


def test_a_data_folder_that_is_a_file_is_named_not_a_traceback(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("ICP_DATA_DIR", str(blocker))
    at = _open()
    assert str(blocker) in _shown(at.error[0].value)
    assert blocker.read_text() == "x"


def test_a_visitor_without_a_workspace_in_the_url_chooses_one_and_sees_no_data_first():
    store = Store()
    mine = store.create("Mine")
    other = store.create("Someone else's deals")
    path = ROOT / "sample_data" / "saas_customers_en.xlsx"
    store.set_source(other, filename=path.name, data=path.read_bytes(), options={})
    at = _open()
    assert at.title[0].value == t("choose.title", "en")
    assert "ws" not in at.query_params
    assert not any("320 customers" in m.value for m in at.markdown)  # no data shown
    at.selectbox(key="choose.pick").set_value(mine)
    at.button(key="choose.open").click().run()
    assert at.query_params["ws"] in (mine, [mine])
    assert at.title[0].value == t("app.title", "en")  # the Workspace page of the chosen one


def test_a_stale_link_says_the_workspace_is_gone_and_offers_the_others():
    Store().create("Still here")
    at = _open(ws="gone123")
    assert "gone123" in _shown(at.error[0].value)
    assert at.title[0].value == t("choose.title", "en")
    assert "Still here" in _texts(at)


def test_the_chooser_can_start_a_new_workspace():
    Store().create("Existing")
    at = _open("zh")
    at.text_input(key="choose.new_name").input("新的工作区")
    at.button(key="FormSubmitter:choose.new_form-创建").click().run()
    assert not at.exception
    names = [w.name for w in Store().list()]
    assert "新的工作区" in names
    ws = at.query_params["ws"]
    assert Store().info(ws if isinstance(ws, str) else ws[0]).name == "新的工作区"


def test_an_access_key_is_asked_before_anything_else_is_shown(monkeypatch):
    monkeypatch.setenv("ICP_ACCESS_KEY", "open sesame")
    Store().create("Secret customer list")
    at = _open()
    assert at.title[0].value == t("access.title", "en")
    assert "Secret customer list" not in _texts(at)
    at.text_input(key="access.key").input("wrong")
    at.button[0].click().run()
    assert at.error[0].value.startswith(t("access.wrong", "en")[:20])
    assert "Secret customer list" not in _texts(at)
    at.text_input(key="access.key").input("open sesame")
    at.button[0].click().run()
    assert not at.exception
    assert at.title[0].value == t("choose.title", "en")
    assert "Secret customer list" in _texts(at)


def test_an_access_key_also_guards_a_direct_workspace_link(monkeypatch):
    monkeypatch.setenv("ICP_ACCESS_KEY", "k3y")
    ws = Store().create("Private")
    at = _open(ws=ws)
    assert at.title[0].value == t("access.title", "en")
    assert "Private" not in _texts(at) + "".join(c.value for c in at.sidebar.caption)
