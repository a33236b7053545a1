"""Every page in a real browser, as a keyboard, a screen reader and a projector meet it:
named fields, no sideways scrolling, the Tab order, contrast in normal and presentation
mode, the folded sidebar and the step counter (fixtures in conftest.py).

Split from test_browser_journey.py (whose helpers it uses, so both wait the same way) so
that a parallel run can give the journeys and these screens to different workers.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from test_browser_journey import (
    PAGES,
    PRESENT_PAGE,
    REPORT_PAGE,
    act,
    assert_no_crash,
    eventually,
    go,
    idle,
    new_workspace,
    open_app,
    set_presenting,
    settled,
    switch,
    visit,
)

from icp.i18n import t
from icp.store import Store
from icp.workshop import Workshop

pytestmark = pytest.mark.browser


# ---------------------------------------------------------------- accessibility + projector

_UNNAMED_FIELDS = """() => {
  const name = (el) => {
    const aria = (el.getAttribute('aria-label') || '').trim();
    if (aria) return aria;
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean);
    const byIds = ids.map((id) => document.getElementById(id)?.innerText || '').join(' ').trim();
    if (byIds) return byIds;
    if (el.id) {
      const label = document.querySelector(`label[for="${CSS.escape(el.id)}"]`);
      if (label && label.innerText.trim()) return label.innerText.trim();
    }
    const wrap = el.closest('label');
    if (wrap && wrap.innerText.trim()) return wrap.innerText.trim();
    return (el.getAttribute('title') || '').trim();
  };
  const fields = [...document.querySelectorAll('input, textarea, select')]
    .filter((el) => el.type !== 'hidden');
  return {
    total: fields.length,
    unnamed: fields.filter((el) => !name(el)).map((el) => el.outerHTML.slice(0, 160)),
  };
}"""

_CONTRAST = """(el) => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return [255, 255, 255, 1];
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  let bg = [255, 255, 255];
  for (let n = el; n; n = n.parentElement) {
    const c = parse(getComputedStyle(n).backgroundColor);
    if (c[3] > 0) { bg = c.slice(0, 3); break; }
  }
  const fg = parse(getComputedStyle(el).color);
  const a = fg[3] * parseFloat(getComputedStyle(el).opacity || '1');
  const mixed = [0, 1, 2].map((i) => fg[i] * a + bg[i] * (1 - a));
  const lum = (rgb) => {
    const [r, g, b] = rgb.map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}"""


def _visible_pages() -> list[str]:
    names = [n for n in PAGES if n not in ("report", "present")]
    names += [n for n, f in (("report", REPORT_PAGE), ("present", PRESENT_PAGE)) if f.exists()]
    return names


@pytest.mark.parametrize(
    ("width", "height", "presenting"), [(1280, 720, False), (1920, 1080, True)]
)
def test_every_page_renders_with_named_fields(pg, server, width, height, presenting):
    page, en = pg, "en"
    page.set_viewport_size({"width": width, "height": height})
    ws = new_workspace(server, f"Pages {width}")
    # presenting: the projector's layout as it loads, the sidebar folded away (its switch
    # is turned on in test_body_text_contrast_in_normal_and_presentation_mode)
    Store(server.data_dir).set_value(ws, "ui.present", presenting)
    open_app(page, server, ws)
    expect(page.get_by_test_id("stExpandSidebarButton")).to_be_visible(visible=presenting)
    page.get_by_role("heading", level=1, name=t("app.title", en)).wait_for()
    settled(page)
    problems: dict[str, list[str]] = {}
    checked = 0
    for name in _visible_pages():  # by the menu: one page load, not one per page
        if name != "workspace":  # open_app showed it
            switch(page, name, en)
        assert_no_crash(page)
        fields = page.evaluate(_UNNAMED_FIELDS)
        checked += fields["total"]
        if fields["unnamed"]:
            problems[name] = fields["unnamed"]
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 1, f"{name}: page scrolls sideways by {overflow}px at {width}px"
    assert not problems, problems
    assert checked > 40  # the builders, the Best customers sliders, the workspace forms, ...


def test_keyboard_reaches_builder_fields_and_next(pg, server):
    page, en = pg, "en"
    ws = new_workspace(server, "Keyboard")
    open_app(page, server, ws)
    go(page, "icp", en)
    page.get_by_role("heading", level=1).click()  # start from the page body, as after a click
    target = t("builders.S1.best.label", en)
    reached_box = reached_next = False
    for _ in range(120):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " return [e.tagName, e.getAttribute('aria-label') || '', e.innerText || ''] }"
        )
        tag, label, text = focused
        reached_box |= tag == "TEXTAREA" and label.startswith(target)
        reached_next |= tag == "BUTTON" and text.strip() == t("builders.ui.next", en)
        if reached_box and reached_next:
            break
    assert reached_box, "Tab never reached the S1 text area"
    assert reached_next, "Tab never reached the Next button"
    # and the keyboard can use what it reached, again and again: Next is a new button on
    # each step (a stale press is dropped), and focus follows it to the new one
    next_button = page.get_by_role("button", name=t("builders.ui.next", en))
    for step in ("S2", "S3"):
        act(page, lambda: page.keyboard.press("Enter"))
        page.get_by_role("heading", name=re.compile(rf"^{step} · ")).wait_for()
        idle(page)  # the old button is gone by now
        expect(next_button).to_be_focused()


def test_body_text_contrast_in_normal_and_presentation_mode(pg, server):
    page, en = pg, "en"
    ws = new_workspace(server, "Contrast")
    open_app(page, server, ws)
    go(page, "icp", en)
    ratios = {}
    for presenting in (False, True):
        set_presenting(page, en, presenting)
        body = page.get_by_test_id("stMain").get_by_text(t("builders.S1.intro", en)[:40])
        body.first.wait_for()
        ratios[presenting] = body.first.evaluate(_CONTRAST)
    assert ratios[False] >= 4.5, ratios
    assert ratios[True] >= 7, ratios  # projector: WCAG AAA for the text the room reads
    # the switch is kept with the workspace: the next load opens in presentation mode
    # (test_every_page_renders_with_named_fields loads such a workspace)
    store = Store(server.data_dir)
    assert eventually(lambda: store.get_value(ws, "ui.present") is True, "ui.present saved")


def test_projector_loads_with_readable_captions_an_unfoldable_sidebar_and_a_clear_counter(
    pg, server
):
    """A workspace in presentation mode while a workshop is at S2: the sidebar loads
    folded away but can be unfolded, the builder's captions are readable, and on the
    projector (1920x1080) the Present page's step counter is not under the header.
    One page load; the other pages by the menu (the layout under test stays)."""
    page = pg
    ws = new_workspace(server, "Projector")
    store = Store(server.data_dir)
    store.set_value(ws, "ui.present", True)
    Workshop(store.path).start(ws)
    Workshop(store.path).go(ws, "S2")

    visit(page, server, ws, "best", "en")
    expect(page.get_by_test_id("stExpandSidebarButton")).to_be_visible()

    switch(page, "icp", "en")
    caption = page.get_by_test_id("stMain").get_by_test_id("stCaptionContainer").first
    assert caption.evaluate(_CONTRAST) >= 4.5

    if not PRESENT_PAGE.exists():
        pytest.skip("present page not built yet")
    page.set_viewport_size({"width": 1920, "height": 1080})
    switch(page, "present", "en")
    counter = page.locator(".icp-counter")
    expect(counter).to_have_text("S2 / 7")
    on_top = counter.evaluate(
        """(el) => { const r = el.getBoundingClientRect();
           return el.contains(document.elementFromPoint(r.left + 4, r.top + 4)); }"""
    )
    assert on_top, "the top of the step counter is hidden under the page header"
