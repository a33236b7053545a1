"""Nothing typed is lost, in a real browser: save while typing, and two people on one field.

Headless Debian Chromium drives a real ``streamlit run app.py`` (conftest.py).
The helpers come from the journey test so both files wait the same way.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import expect
from test_browser_journey import (
    _RUN_COUNTER,
    PAGES,
    eventually,
    go,
    new_workspace,
    open_app,
    saved_answer,
    textbox,
)

from icp.i18n import t
from icp.store import Store

pytestmark = pytest.mark.browser


@pytest.fixture
def server(app_server):
    """The app server shared by the browser files (conftest); tests use own workspaces."""
    return app_server


@pytest.fixture
def pg(page):
    page.add_init_script(_RUN_COUNTER)
    return page


def test_typed_answer_is_saved_without_leaving_the_box_and_survives_sigkill(pg, server):
    page, en = pg, "en"
    ws = new_workspace(server, "Typing")
    open_app(page, server, ws)
    go(page, "icp", en)
    box = textbox(page, "builders.S1.best.label", en)
    box.click()
    text = "Mid-size manufacturers that pay on time"
    box.press_sequentially(text, delay=20)

    # no blur, no Ctrl+Enter: the pause in typing alone saves it
    eventually(lambda: saved_answer(server, ws, "S1", "best") == text, "the typed answer saved")
    expect(box).to_be_focused()
    expect(box).to_have_value(text)

    server.kill()  # SIGKILL: nothing runs on the way down
    server.start()
    open_app(page, server, ws)
    go(page, "icp", en)
    expect(textbox(page, "builders.S1.best.label", en)).to_have_value(text)


def test_two_people_typing_into_one_field_keep_both_texts(browser, server):
    en = "en"
    ws = new_workspace(server, "Two facilitators")
    contexts = [browser.new_context(viewport={"width": 1280, "height": 900}) for _ in range(2)]
    try:
        a, b = (c.new_page() for c in contexts)
        for page in (a, b):
            page.set_default_timeout(30_000)
            page.add_init_script(_RUN_COUNTER)
            open_app(page, server, ws)
            go(page, "icp", en)
        # both screens show the box empty; A types and it is saved
        box_a = textbox(a, "builders.S1.best.label", en)
        box_a.click()
        box_a.press_sequentially("Acme and Globex", delay=20)
        eventually(lambda: saved_answer(server, ws, "S1", "best") == "Acme and Globex", "A saved")
        # B, still showing the box empty, types something else
        box_b = textbox(b, "builders.S1.best.label", en)
        box_b.click()
        box_b.press_sequentially("Initech", delay=20)

        merged = "Acme and Globex\nInitech"
        eventually(lambda: saved_answer(server, ws, "S1", "best") == merged, "both texts kept")
        expect(box_b).to_have_value(merged)
        expect(b.get_by_text(t("autosave.merged", en))).to_be_visible()
        assert Store(server.data_dir).answer(ws, "S1", "best") == (merged, 2)
        # B leaves the box: its commit is the merged text, not "Initech" over A's words
        box_b.press("Tab")
        b.wait_for_timeout(1_500)
        assert saved_answer(server, ws, "S1", "best") == merged
    finally:
        for c in contexts:
            c.close()


HOSTILE = "![x](http://evil.example/p.png) $x^2$ <img src=http://evil.example/i.png>"


def test_hostile_names_render_as_text_and_nothing_leaves_the_machine(pg, server):
    page, en = pg, "en"
    store = Store(server.data_dir)
    ws = store.create(HOSTILE)
    rows = "\n".join(f"Firm {i},{i * 10},{'Retail' if i % 2 else 'Bank'}" for i in range(40))
    csv = f"Company,Revenue,{HOSTILE.replace(',', ' ')}\n{rows}\n".encode()
    store.set_source(ws, filename=f"{HOSTILE}.csv", data=csv, options={})
    outside: list[str] = []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if not r.url.startswith((server.url, "data:", "blob:", "about:"))
            else None
        ),
    )
    open_app(page, server, ws)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text(HOSTILE, exact=False)).to_be_visible()  # shown, as plain text
    for name in PAGES:
        go(page, name, en)
        assert page.locator('img[src*="evil.example"]').count() == 0, name
        assert page.locator(".katex").count() == 0, name
    # the chooser lists it by name, and a link naming a hostile "workspace" quotes it as text
    page.goto(f"{server.url}/?ws={quote(HOSTILE)}")
    expect(page.get_by_role("heading", name=t("choose.title", en))).to_be_visible()
    expect(page.get_by_text("evil.example", exact=False).first).to_be_visible()
    page.goto(server.url + "/")
    expect(page.get_by_role("heading", name=t("choose.title", en))).to_be_visible()
    assert page.locator('img[src*="evil.example"]').count() == 0
    assert page.locator(".katex").count() == 0
    assert outside == []


def test_access_key_is_asked_once_per_browser_and_hides_every_workspace(
    browser, tmp_path, monkeypatch
):
    from conftest import AppServer

    monkeypatch.setenv("ICP_ACCESS_KEY", "open sesame")
    srv = AppServer(tmp_path / "keyed").start()
    try:
        Store(srv.data_dir).create("Secret pipeline")
        first = browser.new_context(viewport={"width": 1280, "height": 900})
        page = first.new_page()
        page.set_default_timeout(60_000)
        page.goto(srv.url + "/")
        key_box = page.get_by_role("textbox", name=t("access.label", "en"))
        expect(key_box).to_be_visible()
        expect(page.get_by_text("Secret pipeline")).to_have_count(0)
        key_box.fill("guess")
        page.get_by_role("button", name=t("access.submit", "en")).click()
        expect(page.get_by_text(t("access.wrong", "en"))).to_be_visible()
        expect(page.get_by_text("Secret pipeline")).to_have_count(0)
        key_box.fill("open sesame")
        page.get_by_role("button", name=t("access.submit", "en")).click()
        # a fresh visitor lands on the chooser, not in anyone's workspace
        expect(page.get_by_role("heading", name=t("choose.title", "en"))).to_be_visible()
        # the same browser, a new tab later: not asked again
        again = first.new_page()
        again.goto(srv.url + "/")
        expect(again.get_by_role("heading", name=t("choose.title", "en"))).to_be_visible()
        expect(again.get_by_role("textbox", name=t("access.label", "en"))).to_have_count(0)
        # another browser: asked, even with a workspace link
        other = browser.new_context()
        stranger = other.new_page()
        ws = Store(srv.data_dir).list()[0].id
        stranger.goto(f"{srv.url}/?ws={ws}")
        expect(stranger.get_by_role("textbox", name=t("access.label", "en"))).to_be_visible()
        expect(stranger.get_by_text("Secret pipeline")).to_have_count(0)
        other.close()
        first.close()
    finally:
        srv.stop()


def test_a_corrupt_database_shows_the_chooser_message_not_a_traceback(page, tmp_path):
    from conftest import AppServer

    srv = AppServer(tmp_path / "broken")
    srv.data_dir.mkdir(parents=True)
    db = srv.data_dir / "workbench.db"
    junk = b"SQLite format 3\x00" + b"\xff" * 4000  # truncated / overwritten header
    db.write_bytes(junk)
    srv.start()
    try:
        page.goto(srv.url + "/")
        expect(page.get_by_role("heading", name=t("choose.title", "en"))).to_be_visible()
        expect(page.get_by_text(str(db), exact=False)).to_be_visible()
        expect(page.get_by_text(t("choose.broken_help", "en"))).to_be_visible()
        assert page.get_by_test_id("stException").count() == 0
        page.get_by_text("简体中文").click()
        expect(page.get_by_role("heading", name=t("choose.title", "zh"))).to_be_visible()
        expect(page.get_by_text(t("choose.broken_help", "zh"))).to_be_visible()
        assert db.read_bytes() == junk
    finally:
        srv.stop()


def _big_csv(mb: float = 40) -> bytes:
    """A plain customer table of at least ``mb`` MB (1.35 million short rows for 40 MB)."""
    head = "Company,Revenue,Industry,Employees,Region\n"
    kinds = ("Retail", "Bank", "Energy")
    n = int(mb * 1024 * 1024 / 31) + 1  # a row averages 32 bytes
    rows = [f"Firm {i},{i * 7919 % 100000},{kinds[i % 3]},{i % 5000},R{i % 7}\n" for i in range(n)]
    data = (head + "".join(rows)).encode()
    assert len(data) >= mb * 1024 * 1024
    return data


@pytest.fixture
def own_server(tmp_path):
    """A server of the test's own: three copies of a 40 MB data set stay out of the
    server (and its memory) that the other browser tests share."""
    from conftest import AppServer

    srv = AppServer(tmp_path / "big-server").start()
    yield srv
    srv.stop()


def test_a_big_workspace_exported_in_the_ui_imports_again_in_the_ui(page, own_server, tmp_path):
    """The app's own backups restore: a workspace holding a 40 MB data set (in a snapshot)
    and a small current file, exported with the button and uploaded again; and an older
    53 MB JSON backup too (over the data uploaders' 50 MB: the import has its own limit).

    The 40 MB file sits in the snapshot so that the app opening the workspace and its two
    copies draws a small table: every file in a backup is read in full on import either
    way (``worker.check_source``), and opening a million rows is not what this proves."""
    en, server = "en", own_server
    store = Store(server.data_dir)
    ws = store.create("Big backup")
    big = _big_csv()
    small = big[: big.index(b"\nFirm 60,") + 1]  # its first 60 customers
    store.set_source(ws, filename="big.csv", data=big, options={})
    store.snapshot(ws, "big file")
    store.set_source(ws, filename="small.csv", data=small, options={})
    store.set_answer(ws, "S1", "best", "Firms that renew")
    old_json = tmp_path / "old-backup.json"
    old_json.write_bytes(store.export_json(ws))
    assert old_json.stat().st_size > 53 * 1024 * 1024  # the size the uploader used to refuse

    page.goto(f"{server.url}/?ws={ws}")
    export = page.get_by_role("button", name=t("store.export", en))
    expect(export).to_be_visible(timeout=300_000)
    with page.expect_download(timeout=300_000) as download:
        export.click()
    backup = tmp_path / "backup.zip"
    download.value.save_as(backup)
    assert backup.read_bytes()[:2] == b"PK"

    copies = []
    for path in [backup, old_json]:
        before = {w.id for w in store.list()}
        page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(str(path))
        new = eventually(
            lambda before=before: [w.id for w in store.list() if w.id not in before],
            f"{path.name} imported",
            timeout=600,
        )
        assert len(new) == 1, path.name
        page.wait_for_url(f"**ws={new[0]}*", timeout=300_000)  # the app opened the copy
        done = page.get_by_text(t("store.imported", en, name="Big backup"))
        expect(done).to_be_visible(timeout=300_000)
        assert store.get_source(new[0])[1] == small
        assert store.answers(new[0]) == {"S1": {"best": "Firms that renew"}}
        [snapshot] = store.versions(new[0])
        assert snapshot.label == "big file"
        assert len(store.list()) == len(before) + 1
        copies.append((new[0], snapshot.id))
    page.close()  # (restoring under an open page would redraw it with the million rows)
    for copy, snapshot_id in copies:  # each copy's snapshot brings the 40 MB file back
        store.restore(copy, snapshot_id)
        assert store.get_source(copy) == ("big.csv", big, {})
