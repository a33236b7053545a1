"""What "best" means, in a real browser: upload a churn export, read the definition,
flip the good value, watch the findings change, reload, and the choice is kept;
a new file over a workspace full of answers asks before mixing anything.

Helpers come from ``test_browser_journey``; the shared server and page from conftest.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from icp.store import Store
from tests.fixtures.real_exports import KINDS
from tests.test_browser_journey import (
    act,
    assert_no_crash,
    eventually,
    new_workspace,
    pick_option,
    switch,
    upload,
    visit,
)

pytestmark = pytest.mark.browser

KEPT = "Best = “churned” is No (138) vs Yes (102)"
FLIPPED = "Best = “churned” is Yes (102) vs No (138)"


def _good_values(page):
    return page.get_by_test_id("stMultiSelect").filter(has_text="Values that count as good")


def _findings(page) -> str:
    visit_text = page.get_by_test_id("stMain").inner_text()
    return visit_text


def _choose(page, box, option: str) -> None:
    """Open the multiselect from the keyboard (a click on the box right after a chip was
    removed may leave the list shut) and pick ``option``; opening asks the app for nothing."""
    opener = box.locator("input").first
    pick_option(page, lambda: opener.press("ArrowDown"), option, tries=5, timeout_ms=10_000)


def test_churn_upload_definition_flip_reload(pg, server):
    page = pg
    ws = new_workspace(server, "churn", sample=None)
    visit(page, server, ws, "data", "en")
    data, name, _, _ = KINDS["churn_en"].files()
    upload(page, name, data)
    expect(page.get_by_text(KEPT, exact=True).first).to_be_visible()
    lost_word = page.get_by_text("header says “churned”, a lost word", exact=False)
    expect(lost_word.first).to_be_visible()
    assert_no_crash(page)

    switch(page, "commonalities", "en")
    expect(page.get_by_text(KEPT, exact=True).first).to_be_visible()
    expect(page.get_by_text("Enterprise", exact=False).first).to_be_visible()
    before = _findings(page)
    assert "churned =" not in before and "account_id" not in before

    # flip: the customers you want more of are the ones that churned (a user's choice)
    switch(page, "data", "en")
    box = _good_values(page)
    act(page, box.get_by_role("button", name="Remove No").first.click)
    _choose(page, box, "Yes")
    page.keyboard.press("Escape")
    expect(page.get_by_text(FLIPPED, exact=True).first).to_be_visible()
    eventually(
        lambda: (
            (Store(server.data_dir).get_value(ws, "settings") or {}).get("good_values") == ["Yes"]
        ),
        "good values saved",
    )

    switch(page, "commonalities", "en")
    expect(page.get_by_text(FLIPPED, exact=True).first).to_be_visible()
    after = _findings(page)
    assert after != before
    assert "Basic" in after

    page.reload()
    expect(page.get_by_text(FLIPPED, exact=True).first).to_be_visible()
    switch(page, "data", "en")
    expect(page.get_by_text(FLIPPED, exact=True).first).to_be_visible()
    assert_no_crash(page)


def test_new_file_over_answers_asks_and_starts_a_new_workspace(pg, server):
    page = pg
    ws = new_workspace(server, "with answers")
    Store(server.data_dir).set_answer(ws, "S2", "industry", "Manufacturing")
    visit(page, server, ws, "data", "en")
    data, name, _, _ = KINDS["winloss_en"].files()
    upload(page, name, data)
    expect(page.get_by_text("This workspace already holds builder answers").first).to_be_visible()
    act(page, page.get_by_role("button", name="Start a new workspace").click)
    eventually(lambda: f"ws={ws}" not in page.url, "a new workspace in the URL")
    new_ws = page.url.split("ws=")[1].split("&")[0]
    store = Store(server.data_dir)
    assert store.answers(new_ws) == {} or not any(
        v.strip() for step in store.answers(new_ws).values() for v in step.values()
    )
    assert store.get_source(new_ws)[0] == name
    assert store.answers(ws)["S2"]["industry"] == "Manufacturing"
    assert store.get_source(ws)[0] != name  # the old workspace keeps its own file
    expect(page.get_by_text("Won = “Deal Outcome (Won/Lost)” is Won").first).to_be_visible()
    assert_no_crash(page)
