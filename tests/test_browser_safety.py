"""Nothing typed is lost, in a real browser: save while typing, and two people on one field.

Headless Debian Chromium drives a real ``streamlit run app.py`` (conftest.py).
The helpers come from the journey test so both files wait the same way.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from conftest import RUN_COUNTER
from playwright.sync_api import expect
from test_browser_journey import (
    PAGES,
    eventually,
    go,
    idle,
    new_workspace,
    open_app,
    saved_answer,
    textbox,
)

from icp.i18n import t
from icp.store import Store

pytestmark = pytest.mark.browser


def test_answer_typed_in_the_box_survives_sigkill_and_a_deep_link_after_shows_it(pg, server):
    """One restart for both: an answer saved while typing is on disk before the server
    dies (SIGKILL, no shutdown handlers), and a bookmark to the builder page opened on
    the cold server shows the app with that answer (it analyses the data first).
    The Ctrl+Enter commit reaching the store is asserted in the journeys."""
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
    page.goto(f"{server.url}/icp_builder?ws={ws}")
    # a cold server analyses the data first; on a busy machine that takes a while
    expect(textbox(page, "builders.S1.best.label", en)).to_have_value(text)
    idle(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Language / 语言")).to_be_visible()
    expect(sidebar.get_by_text(t("nav.section.build", en), exact=True)).to_be_visible()


def test_two_people_typing_into_one_field_keep_both_texts(pg, browser, server):
    """A types in this test's page; B in a browser of their own (a context of its own)."""
    en = "en"
    ws = new_workspace(server, "Two facilitators")
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        a, b = pg, other.new_page()
        b.add_init_script(RUN_COUNTER)
        for page in (a, b):
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
        # B leaves the box: its commit, if the blur sends one (it does so at once, while
        # handling the blur), is the merged text, not "Initech" over A's words
        box_b.press("Tab")
        expect(box_b).not_to_be_focused()
        idle(b)  # any run the blur asked for has ended
        assert saved_answer(server, ws, "S1", "best") == merged
        expect(box_b).to_have_value(merged)
    finally:
        other.close()


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
