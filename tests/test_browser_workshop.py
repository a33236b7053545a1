"""The live workshop in a real browser: a facilitator tab, the room view (projector) and
two phones (390×844) against one ``streamlit run app.py`` (fixtures in conftest.py).

Phones join by the link the room view shows, post a note and dot-vote; the room view
shows the note and its tally without a refresh and fits 1920×1080 and 1280×720 without
scrolling; its keys move the slide and start the clock.  The facilitator types into the
step's answer on the Workshop page (saved while typing), accepts the note into it (both
kept, in the box and in the store) and the Report page's PDF carries the note in the
workshop appendix with its dot.  The flow runs in Chinese (CJK fonts and wrapping are the
harder case); the room view then follows the facilitator's switch to English and still
fits.  The English phone page and the English PDF appendix are asserted in
test_page_workshop.py (AppTest: a second browser flow in English drew the same pages).

Waits are on what people would see, with the generous expect() timeout set in conftest
and long action timeouts (the machine may be busy); nothing here measures speed.
"""

from __future__ import annotations

import io
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import RUN_COUNTER
from playwright.sync_api import expect
from pypdf import PdfReader
from test_browser_journey import idle

from icp.i18n import t
from icp.store import Store
from icp.workshop import Workshop

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
SAMPLES = {
    "en": ROOT / "sample_data" / "saas_customers_en.xlsx",
    "zh": ROOT / "sample_data" / "equipment_customers_zh.xlsx",
}
ACTION_MS = 120_000  # clicks and page loads on a starved server (expect()'s own: conftest)
PDF_MS = 300_000  # the PDF is drawn on demand; generous on a busy machine
PHONE = {"width": 390, "height": 844}
SCROLL = """() => { const m = document.querySelector('[data-testid="stMain"]');
  const d = document.documentElement;
  return Math.max(d.scrollHeight - d.clientHeight, m ? m.scrollHeight - m.clientHeight : 0); }"""


@pytest.fixture
def contexts(browser, request: pytest.FixtureRequest):
    """A new browser context per person; their pages are photographed when the test fails."""
    made = []

    def new(viewport: dict[str, int], **kw):
        ctx = browser.new_context(viewport=viewport, accept_downloads=True, **kw)
        made.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(ACTION_MS)
        page.add_init_script(RUN_COUNTER)  # idle() follows the runs on the websocket
        return page

    yield new
    rep = getattr(request.node, "rep_call", None)
    for i, ctx in enumerate(made):
        if rep is not None and rep.failed:
            ARTIFACTS.mkdir(exist_ok=True)
            for page in ctx.pages:
                page.screenshot(path=str(ARTIFACTS / f"{request.node.name}-{i}.png"))
        ctx.close()


def _eventually(check: Callable[[], object], what: str, timeout: float = 120.0) -> None:
    """Poll a server-side effect (the store) until it holds."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.3)


def _workspace(server, lang: str) -> str:
    store = Store(server.data_dir)
    ws = store.create(f"Workshop {lang}")
    path = SAMPLES[lang]
    store.set_source(ws, filename=path.name, data=path.read_bytes(), options={})
    store.set_value(ws, "ui.lang", lang)
    return ws


def _join(phone, url: str, name: str, lang: str) -> None:
    phone.goto(url, wait_until="domcontentloaded")
    phone.get_by_role("textbox", name=t("workshop.join.name", lang)).fill(name)
    phone.get_by_role("button", name=t("workshop.join.go", lang)).click()
    phone.locator(".icp-q").wait_for()


def _post(phone, text: str, lang: str) -> None:
    phone.get_by_role("textbox", name=t("workshop.join.note", lang)).fill(text)
    phone.get_by_role("button", name=t("workshop.join.post", lang)).click()
    phone.get_by_role("button", name=re.compile(re.escape(text))).wait_for()


def _next(fac, lang: str) -> None:
    """Press Next and wait for the next screen, as a facilitator waits for the slide.

    A Next pressed while the last slide is still being drawn names the old screen and is
    dropped by design (so a double click moves one); on a starved machine that can
    swallow a press, so press again until the counter moves — a second press can never
    move two screens, it names the screen the first one left."""
    counter = fac.locator(".icp-counter")
    before = counter.inner_text()
    for _ in range(5):
        idle(fac)
        fac.get_by_role("button", name=t("present.next", lang)).click()
        try:
            expect(counter).not_to_have_text(before, timeout=20_000)
        except AssertionError:
            continue
        idle(fac)
        return
    raise AssertionError(f"Next never moved on from {before!r}")


def test_room_phones_and_facilitator_run_a_step_into_the_pdf(server, contexts):
    lang = "zh"  # the harder script (fonts, wrapping); English is checked on the room view
    ws = _workspace(server, lang)
    store = Store(server.data_dir)
    engine = Workshop(Path(server.data_dir) / "workbench.db")
    note_text = "Ops directors sign off" if lang == "en" else "运营总监拍板"
    typed = "Software" if lang == "en" else "软件行业"

    # facilitator: start the 60-minute agenda and move to S2
    fac = contexts({"width": 1280, "height": 900})
    fac.goto(f"{server.url}/present?ws={ws}", wait_until="domcontentloaded")
    fac.get_by_role("button", name=t("workshop.fac.start", lang)).click()
    counter = fac.locator(".icp-counter")
    expect(counter).to_have_text(t("workshop.counter.opening", lang, i=1, n=3))
    for _ in range(4):  # data, best 10, commonalities, S1 → S2
        _next(fac, lang)
    expect(counter).to_have_text("S2 / 7")
    fac.goto("about:blank")  # the laptop tab comes back later; fewer live tabs on a busy CI box

    # the room view on the projector shows the step, the clock and how to join
    room = contexts({"width": 1920, "height": 1080})
    room.goto(f"{server.url}/room?ws={ws}", wait_until="domcontentloaded")
    expect(room.locator(".icp-counter")).to_contain_text("S2 / 7")
    expect(room.locator(".icp-question")).to_have_text(t("workshop.question.S2", lang))
    code = engine.session(ws).code
    expect(room.locator(".icp-join .code")).to_have_text(code)
    link = room.locator(".icp-join .link").inner_text().replace("\n", "")
    assert link.endswith(f"/join?code={code}")
    expect(room.get_by_test_id("stSidebar")).to_be_hidden()

    # two phones join by the link, one posts, the other dot-votes
    ana, bo = contexts(PHONE, is_mobile=True, has_touch=True), contexts(PHONE, is_mobile=True)
    url = f"{server.url}/join?code={code}"
    _join(ana, url, "Ana", lang)
    _join(bo, url, "Bo", lang)
    expect(ana.locator(".icp-q")).to_have_text(t("workshop.question.S2", lang))
    _post(ana, note_text, lang)
    note_button = bo.get_by_role("button", name=re.compile(re.escape(note_text)))
    note_button.click()
    expect(bo.locator(".icp-dotsleft")).to_have_text(t("workshop.join.dots", lang, n=2, total=3))
    [note] = engine.notes(ws)
    assert (note.text, note.author, note.votes) == (note_text, "Ana", 1)

    # the room shows it with its tally, without a refresh, and the slide fits the screen
    card = room.locator(".icp-note", has_text=note_text)
    expect(card.locator(".icp-dots")).to_have_text("● 1")
    assert room.evaluate(SCROLL) <= 1, "the slide scrolls at 1920x1080"
    room.set_viewport_size({"width": 1280, "height": 720})
    expect(card).to_be_visible()
    assert room.evaluate(SCROLL) <= 1, "the slide scrolls at 1280x720"

    # the facilitator switches to English (the Workshop page makes this call when its
    # language changes): the room follows without a refresh and the longer text still fits
    engine.set_lang(ws, "en")
    expect(room.locator(".icp-question")).to_have_text(t("workshop.question.S2", "en"))
    expect(card.locator(".icp-dots")).to_have_text("● 1")
    assert room.evaluate(SCROLL) <= 1, "the English slide scrolls at 1280x720"
    room.set_viewport_size({"width": 1920, "height": 1080})
    expect(card).to_be_visible()
    assert room.evaluate(SCROLL) <= 1, "the English slide scrolls at 1920x1080"

    # keys on the room view: → next, ← back, T starts the clock
    room.locator(".icp-title").click()  # focus the slide, as a presenter clicks it
    room.keyboard.press("ArrowRight")
    expect(room.locator(".icp-counter")).to_contain_text("S3 / 7")
    room.keyboard.press("PageUp")
    expect(room.locator(".icp-counter")).to_contain_text("S2 / 7")
    room.keyboard.press("t")
    expect(room.locator(".icp-clock.running")).to_be_visible()
    assert engine.timer(ws).running

    for phone in (ana, bo, room):
        phone.goto("about:blank")

    # the facilitator (back in their tab) types into S2's answer on the Workshop page ...
    fac.goto(f"{server.url}/present?ws={ws}", wait_until="domcontentloaded")
    expect(fac.locator(".icp-counter")).to_have_text("S2 / 7")
    fac.get_by_role("tab", name=t("workshop.fac.answers", lang)).click()
    box = fac.get_by_role("textbox", name=t("builders.S2.industry.label", lang))
    box.fill(typed)  # no blur, no Ctrl+Enter: saved while typing
    _eventually(lambda: store.answer(ws, "S2", "industry")[0] == typed, "the typed answer saved")

    # ... then accepts the note into it: both are kept, in the box and in the store
    fac.get_by_role("tab", name=t("workshop.fac.notes", lang)).click()
    accept = fac.locator(f".st-key-present-accept-{note.id} button")
    accept.click()
    expect(accept.first).to_be_disabled()  # (a redraw may briefly show two)
    both = f"{typed}\n{note_text}"
    _eventually(lambda: store.answer(ws, "S2", "industry")[0] == both, "the note accepted")
    fac.get_by_role("tab", name=t("workshop.fac.answers", lang)).click()
    expect(box).to_have_value(both)
    assert engine.timer(ws).running  # nothing on the facilitator page stopped the clock

    # ... and the PDF's workshop appendix prints the note with its dot
    fac.goto(f"{server.url}/report?ws={ws}", wait_until="domcontentloaded")
    fac.get_by_role("button", name=t("report.page.make_pdf", lang)).click()
    with fac.expect_download(timeout=PDF_MS) as info:
        fac.get_by_role("button", name=t("report.page.pdf", lang)).click(timeout=PDF_MS)
    data = Path(info.value.path()).read_bytes()
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    flat = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", t("workshop.report.title", lang)) in flat
    assert re.sub(r"\s+", "", note_text) in flat
    assert ("dots:1" if lang == "en" else "票数：1") in flat  # its one dot
    assert store.answer(ws, "S2", "industry")[0] == both
