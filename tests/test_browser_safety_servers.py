"""Safety in a real browser with a server of the test's own (conftest's ``AppServer``):
the access key, a corrupt database, and a big workspace's backup round trip.

Split from test_browser_safety.py so that a parallel run can give these server starts
and the typing tests to different workers.
"""

from __future__ import annotations

import pytest
from conftest import AppServer
from playwright.sync_api import expect
from test_browser_journey import eventually

from icp.i18n import t
from icp.store import Store

pytestmark = pytest.mark.browser


def test_access_key_is_asked_once_per_browser_and_hides_every_workspace(
    browser, tmp_path, monkeypatch
):
    monkeypatch.setenv("ICP_ACCESS_KEY", "open sesame")
    srv = AppServer(tmp_path / "keyed").start()
    try:
        Store(srv.data_dir).create("Secret pipeline")
        first = browser.new_context(viewport={"width": 1280, "height": 900})
        page = first.new_page()
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
        # the browser keeps the key's token (an invisible component sets the cookie once
        # the page has drawn; on a busy machine that is after the heading shows)
        page.wait_for_function("document.cookie.includes('icp_access=')", polling=100)
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


def test_a_corrupt_database_shows_the_chooser_message_not_a_traceback(fresh_page, tmp_path):
    page = fresh_page
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
    srv = AppServer(tmp_path / "big-server").start()
    yield srv
    srv.stop()


def test_a_big_workspace_exported_in_the_ui_imports_again_in_the_ui(
    fresh_page, own_server, tmp_path
):
    """The app's own backups restore: a workspace holding a 40 MB data set (in a snapshot)
    and a small current file, exported with the button and uploaded again; and an older
    53 MB JSON backup too (over the data uploaders' 50 MB: the import has its own limit).

    The 40 MB file sits in the snapshot so that the app opening the workspace and its two
    copies draws a small table: every file in a backup is read in full on import either
    way (``worker.check_source``), and opening a million rows is not what this proves."""
    en, server, page = "en", own_server, fresh_page
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
        # the page no longer holds the backup: its uploader is empty, ready for another
        expect(page.get_by_test_id("stFileChip")).to_have_count(0)
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
