"""The live workshop in a real browser: a facilitator tab, the room view (projector) and
two phones (390×844) against one ``streamlit run app.py`` (fixtures in conftest.py).

Phones join by the link the room view shows, post a note and dot-vote; the room view
shows the note and its tally without a refresh; the facilitator accepts the note into
the step's answer and the Report page's PDF carries it (in the answers and in the
workshop appendix).  English in full, Chinese lighter.  Waits are on what people
would see, with generous timeouts: the machine may be busy.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from icp.i18n import t
from icp.store import Store
from icp.workshop import Workshop

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {
    "en": ROOT / "sample_data" / "saas_customers_en.xlsx",
    "zh": ROOT / "sample_data" / "equipment_customers_zh.xlsx",
}
WAIT = 60_000  # ms: the room polls every second, the phones every two; CI may be slow
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def server(browser, tmp_path_factory: pytest.TempPathFactory):
    from conftest import AppServer

    srv = AppServer(tmp_path_factory.mktemp("workshop") / "server-data").start()
    yield srv
    srv.stop()


@pytest.fixture
def contexts(browser):
    made = []

    def new(viewport: dict[str, int], **kw):
        ctx = browser.new_context(viewport=viewport, accept_downloads=True, **kw)
        made.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(WAIT)
        return page

    yield new
    for ctx in made:
        ctx.close()


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


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_room_phones_and_facilitator_run_a_step_into_the_pdf(server, contexts, lang):
    ws = _workspace(server, lang)
    engine = Workshop(Path(server.data_dir) / "workbench.db")
    note_text = "Ops directors sign off" if lang == "en" else "运营总监拍板"

    # facilitator: start the 60-minute agenda and move to S2
    fac = contexts({"width": 1280, "height": 900})
    fac.goto(f"{server.url}/present?ws={ws}", wait_until="domcontentloaded")
    fac.get_by_role("button", name=t("workshop.fac.start", lang)).click()
    counter = fac.locator(".icp-counter")
    expect(counter).to_have_text(t("workshop.counter.opening", lang, i=1, n=3), timeout=WAIT)
    for _ in range(4):  # data, best 10, commonalities, S1 → S2
        before = counter.inner_text()
        fac.get_by_role("button", name=t("present.next", lang)).click()
        expect(counter).not_to_have_text(before, timeout=WAIT)
    expect(counter).to_have_text("S2 / 7", timeout=WAIT)
    fac.goto("about:blank")  # the laptop tab comes back later; fewer live tabs on a busy CI box

    # the room view on the projector shows the step, the clock and how to join
    room = contexts({"width": 1920, "height": 1080})
    room.goto(f"{server.url}/room?ws={ws}", wait_until="domcontentloaded")
    expect(room.locator(".icp-counter")).to_contain_text("S2 / 7", timeout=WAIT)
    expect(room.locator(".icp-question")).to_have_text(
        t("workshop.question.S2", lang), timeout=WAIT
    )
    code = engine.session(ws).code
    expect(room.locator(".icp-join .code")).to_have_text(code, timeout=WAIT)
    link = room.locator(".icp-join .link").inner_text().replace("\n", "")
    assert link.endswith(f"/join?code={code}")
    scroll = room.evaluate(
        "() => document.documentElement.scrollHeight - document.documentElement.clientHeight"
    )
    assert scroll <= 1, f"the slide scrolls by {scroll}px at 1920x1080"
    expect(room.get_by_test_id("stSidebar")).to_be_hidden(timeout=WAIT)

    # two phones join by the link, one posts, the other dot-votes
    ana, bo = contexts(PHONE, is_mobile=True, has_touch=True), contexts(PHONE, is_mobile=True)
    url = f"{server.url}/join?code={code}"
    _join(ana, url, "Ana", lang)
    _join(bo, url, "Bo", lang)
    expect(ana.locator(".icp-q")).to_have_text(t("workshop.question.S2", lang), timeout=WAIT)
    _post(ana, note_text, lang)
    note_button = bo.get_by_role("button", name=re.compile(re.escape(note_text)))
    note_button.click()
    expect(bo.locator(".icp-dotsleft")).to_have_text(
        t("workshop.join.dots", lang, n=2, total=3), timeout=WAIT
    )
    [note] = engine.notes(ws)
    assert (note.text, note.author, note.votes) == (note_text, "Ana", 1)

    # the room shows it with its tally, without a refresh
    card = room.locator(".icp-note", has_text=note_text)
    expect(card.locator(".icp-dots")).to_have_text("● 1", timeout=WAIT)

    # keys on the room view: → next, ← back, T starts the clock
    room.locator(".icp-title").click()  # focus the slide, as a presenter clicks it
    room.keyboard.press("ArrowRight")
    expect(room.locator(".icp-counter")).to_contain_text("S3 / 7", timeout=WAIT)
    room.keyboard.press("PageUp")
    expect(room.locator(".icp-counter")).to_contain_text("S2 / 7", timeout=WAIT)
    room.keyboard.press("t")
    expect(room.locator(".icp-clock.running")).to_be_visible(timeout=WAIT)
    assert engine.timer(ws).running

    for phone in (ana, bo):
        phone.goto("about:blank")

    # the facilitator (back in their tab) accepts the note into S2's answer
    fac.goto(f"{server.url}/present?ws={ws}", wait_until="domcontentloaded")
    expect(fac.locator(".icp-counter")).to_have_text("S2 / 7", timeout=WAIT)
    accept = fac.locator(f".st-key-present-accept-{note.id} button")
    accept.click()
    expect(accept.first).to_be_disabled(timeout=WAIT)  # (a redraw may briefly show two)
    answers = Store(server.data_dir).answers(ws)
    assert note_text in answers["S2"]["industry"]
    assert engine.timer(ws).running  # nothing on the facilitator page stopped the clock

    # ... and it is in the PDF's workshop appendix with its dot
    # the accepted note is in the answer box on the page, and stays in the store
    answer_tab = fac.get_by_role("tab", name=t("workshop.fac.answers", lang))
    answer_tab.click()
    shown = fac.get_by_role("tabpanel").get_by_text(note_text, exact=True)
    expect(shown).to_be_visible(timeout=WAIT)
    if lang == "zh":  # the Chinese run stops here (lighter); the English one goes on to the PDF
        return
    fac.goto(f"{server.url}/report?ws={ws}", wait_until="domcontentloaded")
    fac.get_by_role("button", name=t("report.page.make_pdf", lang)).click()
    with fac.expect_download(timeout=WAIT * 2) as info:
        fac.get_by_role("button", name=t("report.page.pdf", lang)).click(timeout=WAIT * 2)
    data = Path(info.value.path()).read_bytes()
    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    assert t("workshop.report.title", lang) in text
    flat = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", note_text) in flat
    # the workshop appendix prints it with its dot; the S2 answer itself prints only in the
    # optional worksheet appendix (off by default since the PDF leads with a one-page brief)
    assert "dots:1" in flat
    assert note_text in Store(server.data_dir).answers(ws)["S2"]["industry"]
