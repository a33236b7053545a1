"""The main user journey in a real browser: headless Debian Chromium drives a real
``streamlit run app.py`` (fixtures in conftest.py).

One server (conftest's ``app_server``, shared by the browser files of a test process)
serves the module; every test works in its own workspace (created straight in the
server's store and opened with ``?ws=``) so the tests do not see each other's data.
Waits are on what the user would see — a heading, a saved answer — plus Streamlit's
own "script finished" marker, never on fixed sleeps.
"""

from __future__ import annotations

import io
import random
import re
import struct
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import TIMEOUT_MS
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from icp.dataset import open_dataset
from icp.errors import InputError
from icp.fonts import FAMILY
from icp.i18n import t
from icp.store import Store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {
    "saas_en": ROOT / "sample_data" / "saas_customers_en.xlsx",
    "equipment_zh": ROOT / "sample_data" / "equipment_customers_zh.xlsx",
}
# page name -> (URL path, title key)
PAGES = {
    "workspace": ("", "app.title"),
    "data": ("data", "data.title"),
    "best": ("best", "analysis.page.title"),
    "commonalities": ("commonalities", "traits.page.title"),
    "icp": ("icp_builder", "builders.ui.icp_title"),
    "persona": ("persona_builder", "builders.ui.persona_title"),
    "prospects": ("prospects", "prospects.title"),
    "report": ("report", "report.page.title"),
    "present": ("present", "present.title"),
}
REPORT_PAGE = ROOT / "views" / "report.py"
PRESENT_PAGE = ROOT / "views" / "present.py"

# The page is idle once the run chain it asked for has ended on the websocket (conftest's
# RUN_COUNTER: a follow-up st.rerun() keeps it busy) and React has drawn the end of it.
_IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && !window.__stBusy && performance.now() - (window.__stEnd || 0) > 50;
}"""
# ... and settled once no lazily loaded element still shows its placeholder and nothing
# of the previous run is still on screen (greyed out, waiting to be replaced).
_SETTLED = _IDLE.replace(
    "&& !window.__stBusy",
    """&& !document.querySelector('[data-testid="stSkeleton"], [data-stale="true"]')
    && !window.__stBusy""",
)


# ---------------------------------------------------------------- fixtures + helpers


def new_workspace(server, name: str, sample: str | None = "saas_en") -> str:
    """A workspace made directly in the server's store, optionally with a sample loaded."""
    store = Store(server.data_dir)
    ws = store.create(name)
    if sample:
        path = SAMPLES[sample]
        store.set_source(ws, filename=path.name, data=path.read_bytes(), options={})
    return ws


# wait_for_function polls on every animation frame unless told otherwise, which keeps
# Chromium drawing frames for as long as a test waits; a short interval is as prompt.
POLL_MS = 50


def idle(page) -> None:
    page.wait_for_function(_IDLE, polling=POLL_MS)


def act(page, action: Callable[[], object]) -> None:
    """Do something that makes Streamlit rerun, then wait until that run (and any
    st.rerun() it makes) has ended and the page has drawn it.

    The action must ask for a run (or load a new document): one that does not fails
    here rather than passing on a page that never changed. Callers then wait for what
    the user should see."""
    before = page.evaluate("[window.__stDoc, window.__stAsked]")
    action()
    try:
        page.wait_for_function(
            "([doc, n]) => window.__stDoc !== doc || window.__stAsked > n",
            arg=before,
            polling=POLL_MS,
        )
    except PlaywrightTimeout:
        raise AssertionError("the action asked the app for no script run") from None
    idle(page)


def settled(page) -> None:
    """Wait until the page is idle and lazily loaded widget code has arrived: no element
    still shows its loading placeholder (Streamlit mounts dataframes, charts and some
    widgets once their code has loaded, a moment after the run has finished)."""
    page.wait_for_function(_SETTLED, polling=POLL_MS)


def open_app(page, server, ws: str, path: str = "") -> None:
    page.goto(f"{server.url}/{path}?ws={ws}")
    page.wait_for_selector('[data-testid="stSidebarNav"]', state="attached")
    page.wait_for_function("(window.__stRuns || 0) > 0", polling=POLL_MS)
    idle(page)


def go(page, name: str, lang: str) -> None:
    """Click a page in the sidebar and wait until it has drawn its title."""
    path, title = PAGES[name]
    open_sidebar(page)
    link = page.get_by_test_id("stSidebarNav").get_by_role(
        "link", name=t(f"nav.{name}", lang), exact=True
    )
    act(page, link.click)
    page.wait_for_url(re.compile(rf"/{path}\?ws="))
    if title:
        page.get_by_role("heading", level=1, name=t(title, lang)).wait_for()


def textbox(page, label_key: str, lang: str):
    return page.get_by_role("textbox", name=t(label_key, lang))


def answer(page, server, ws: str, step: str, prompt: str, lang: str, text: str) -> None:
    """Type into a builder text area, commit it (Ctrl+Enter) as a user would, and
    wait until the autosave has reached the store."""
    box = textbox(page, f"builders.{step}.{prompt}.label", lang)
    box.fill(text)
    act(page, lambda: box.press("Control+Enter"))
    eventually(lambda: saved_answer(server, ws, step, prompt) == text, f"{step}.{prompt} saved")


def eventually(check: Callable[[], object], what: str, timeout: float | None = None):
    """Poll ``check`` until it returns something truthy (server-side effects), as long
    as a browser wait may take (conftest's ``TIMEOUT_MS``) unless told otherwise."""
    deadline = time.monotonic() + (TIMEOUT_MS / 1000 if timeout is None else timeout)
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.2)


def saved_answer(server, ws: str, step: str, field: str) -> str:
    return Store(server.data_dir).answers(ws).get(step, {}).get(field, "")


def assert_no_crash(page) -> None:
    html = page.content()
    assert "Traceback" not in html
    assert "This app has encountered an error" not in html
    assert page.locator('[data-testid="stException"]').count() == 0


# Which faces the page actually loaded: the browser fetches a declared face only
# when some text on the page needs a glyph from it.
_LOADED_FACES = "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"


def assert_bundled_cjk_face(page) -> None:
    """In a browser with no CJK system font (this machine's Chromium has none), the
    Chinese page draws its hanzi with the bundled face the app serves, not boxes."""
    page.wait_for_function(f"({_LOADED_FACES}).includes({FAMILY!r})", polling=POLL_MS)
    # the hanzi of the sidebar are drawn with it (not a system fallback or a box)
    assert page.evaluate(f"document.fonts.check('16px \"{FAMILY}\"', '客户画像')")
    fetched = page.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('/app/static/'))"
    )
    assert any(n.endswith("NotoSansSC-Regular.woff2") for n in fetched), fetched


def set_language(page, lang: str) -> None:
    sidebar = page.get_by_test_id("stSidebar")
    act(page, sidebar.get_by_text(t(f"lang.{lang}", "en"), exact=True).click)
    sidebar.get_by_text(t("nav.section.setup", lang), exact=True).wait_for()


def open_sidebar(page) -> None:
    """Unfold the sidebar if presentation mode folded it away (and it can be unfolded)."""
    expand = page.get_by_test_id("stExpandSidebarButton")
    if not page.get_by_test_id("stSidebarNav").is_visible() and expand.is_visible():
        expand.click()
        page.get_by_test_id("stSidebarNav").wait_for()


def set_presenting(page, lang: str, on: bool) -> None:
    """Presentation mode on/off with the sidebar switch, or from the Present page's
    facilitator menu when the sidebar cannot be unfolded."""
    open_sidebar(page)
    sidebar = page.get_by_test_id("stSidebar")
    switch = sidebar.get_by_role("switch", name=t("ui.present_toggle", lang))
    if switch.is_checked() == on:
        return
    if sidebar.is_visible():
        act(page, sidebar.get_by_text(t("ui.present_toggle", lang), exact=True).click)
    else:
        page.get_by_role("button", name=t("present.facilitator", lang)).click()
        label = t("present.turn_on" if on else "present.turn_off", lang)
        act(page, page.get_by_role("button", name=label).click)
    expect(switch).to_be_checked(checked=on)


def visit(page, server, ws: str, name: str, lang: str) -> None:
    """Open a page by its URL (as a bookmark would) and wait for it to be drawn."""
    path, title = PAGES[name]
    open_app(page, server, ws, path)
    if title and name != "present":
        page.get_by_role("heading", level=1, name=t(title, lang)).wait_for()
    settled(page)


def switch(page, name: str, lang: str, *, path: str | None = None, title: str | None = None):
    """Open a page by its sidebar link and wait for it to be drawn, as ``visit`` does, but
    without loading the app again (a full page load costs Chromium ~1.5 s of CPU).

    The link is clicked where it is, also when presentation mode has folded the sidebar
    away, so the page keeps the layout under test. ``path``/``title`` default to PAGES."""
    default_path, default_title = PAGES.get(name, (name, None))
    path = default_path if path is None else path
    title = default_title if title is None else title
    link = page.get_by_test_id("stSidebarNav").locator(f'a[href$="/{path}"]')
    expect(link).to_contain_text(t(f"nav.{name}", lang))
    act(page, lambda: link.dispatch_event("click"))
    page.wait_for_url(re.compile(rf"/{path}\?ws="))
    if title and name != "present":
        page.get_by_role("heading", level=1, name=t(title, lang)).wait_for()
    settled(page)


def messy_xlsx(n: int = 60) -> bytes:
    """A realistic export: title row, grouped (merged) two-row header, "$12,000",
    "N/A", blank rows and a totals row at the bottom."""
    import openpyxl

    rng = random.Random(7)
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "Export"
    sheet.append(["Customer export — Q4 2024"])
    sheet.merge_cells("A1:H1")
    sheet.append(["Company", None, None, "Deal", None, None, "Service", None])
    for rng_ in ("A2:C2", "D2:F2", "G2:H2"):
        sheet.merge_cells(rng_)
    sheet.append(
        [
            "Name",
            "Industry",
            "Employees",
            "Value",
            "Status",
            "Sales cycle (days)",
            "Referrals",
            "Support tickets",
        ]
    )
    industries = ["Manufacturing", "Retail", "Healthcare", "Logistics"]
    for i in range(n):
        good = i % 4 == 0
        value = rng.randint(20, 40) * 1000 if good else rng.randint(2, 15) * 1000
        sheet.append(
            [
                f"Customer {i + 1:02d}",
                industries[i % 4],
                rng.randint(50, 500),
                f"${value:,}" if i % 7 else "N/A",
                "Won" if good or i % 3 == 0 else "Lost",
                rng.randint(20, 40) if good else rng.randint(60, 200),
                rng.randint(2, 6) if good else rng.randint(0, 2),
                rng.randint(0, 3) if good else rng.randint(3, 12),
            ]
        )
        if i in (10, 30):
            sheet.append([None] * 8)
    sheet.append(["Total", None, None, "$1,000,000", None, None, None, None])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    pixels = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(pixels))
        + chunk(b"IEND", b"")
    )


def upload(page, name: str, data: bytes, lang: str = "en") -> None:
    uploader = page.get_by_test_id("stFileUploader").filter(has_text=t("data.upload", lang))
    field = uploader.first.locator('input[type="file"]')
    act(page, lambda: field.set_input_files(files=[{"name": name, "mimeType": "", "buffer": data}]))


def set_role_in_mapping_editor(page, row: int, role_label: str) -> None:
    """Open the Role cell of ``row`` in the mapping data editor and pick ``role_label``.

    The editor is a canvas grid: click a cell of the row's first column, move
    right with the arrow keys to the Role column (Column, Use, Field type, Role)
    and press Enter, which opens a real listbox.
    """
    grid = page.get_by_test_id("stDataFrame").first
    row_height = 35  # Streamlit's default row height, header row included

    def open_role_list() -> None:
        grid.scroll_into_view_if_needed()
        idle(page)
        box = grid.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 40, box["y"] + row_height * (row + 1) + row_height / 2)
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")

    pick_option(page, open_role_list, role_label, tries=4, timeout_ms=15_000)


def pick_option(
    page, open_list: Callable[[], object], name: str, *, tries: int, timeout_ms: int
) -> None:
    """Open a list with ``open_list`` and click its option ``name``.

    A rerun that lands while the list is opening (or redraws the grid under the
    click) closes it again, so: Escape and open it again, until the option shows
    (no fixed sleeps); fail after ``tries``.
    """
    option = page.get_by_role("option", name=name, exact=True)
    for _ in range(tries):
        open_list()
        try:
            option.wait_for(timeout=timeout_ms)
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            continue
        act(page, option.click)
        return
    raise AssertionError(f"the option {name!r} never showed in the list")


# ---------------------------------------------------------------- 1. Chinese journey


def test_chinese_journey(pg, server):
    page, zh = pg, "zh"
    ws = new_workspace(server, "Journey zh")
    open_app(page, server, ws)

    # language and sample data
    set_language(page, zh)
    page.get_by_role("heading", name=t("ws.sample_title", zh)).wait_for()
    assert_bundled_cjk_face(page)
    page.get_by_test_id("stSelectbox").first.click()
    act(page, page.get_by_role("option", name=t("ws.sample.equipment_zh", zh)).click)
    act(page, page.get_by_role("button", name=t("ws.load_sample", zh)).click)
    summary = t("ws.summary", zh, rows=260, cols=20, file="equipment_customers_zh.xlsx")
    page.get_by_text(summary).wait_for()

    # Data: give 交付日期 (row 10 of the mapping) the role "close / signing date"
    go(page, "data", zh)
    page.get_by_role("heading", name=t("data.mapping", zh)).wait_for()
    store = Store(server.data_dir)
    before = {c["name"]: c for c in store.get_value(ws, "mapping") or []}
    assert before.get("交付日期", {}).get("role", "none") == "none"
    set_role_in_mapping_editor(page, 9, t("schema.role.closed", zh))

    def delivery_role() -> str | None:
        items = store.get_value(ws, "mapping") or []
        return next((c["role"] for c in items if c["name"] == "交付日期"), None)

    assert eventually(lambda: delivery_role() == "closed", "the role change to be saved")
    assert_no_crash(page)

    # Best customers: the top 10
    go(page, "best", zh)
    page.get_by_role("heading", name=t("analysis.page.top_table", zh, n=10)).wait_for()

    # Commonalities: a chart and a word-cloud image
    go(page, "commonalities", zh)
    chart = page.get_by_test_id("stVegaLiteChart").first
    chart.locator("canvas, svg").first.wait_for()
    cloud = page.get_by_test_id("stImage").locator("img").first
    cloud.scroll_into_view_if_needed()
    page.wait_for_function(
        "(img) => img.complete && img.naturalWidth > 100",
        arg=cloud.element_handle(),
        polling=POLL_MS,
    )
    assert_no_crash(page)

    # ICP builder: S1 and S2; decision-maker builder: P1 and P2
    icp_s1 = "华东精工、明达机械：回款快、复购多"
    icp_s2 = "汽配与五金制造业"
    dm_p1 = "设备部经理或生产副总"
    dm_p2 = "35–50 岁，理工科背景"
    go(page, "icp", zh)
    answer(page, server, ws, "S1", "best", zh, icp_s1)
    act(page, page.get_by_role("button", name=t("builders.ui.next", zh)).click)
    page.get_by_role("heading", name=re.compile(r"^S2 · ")).wait_for()
    answer(page, server, ws, "S2", "industry", zh, icp_s2)
    go(page, "persona", zh)
    answer(page, server, ws, "P1", "title", zh, dm_p1)
    act(page, page.get_by_role("button", name=t("builders.ui.next", zh)).click)
    page.get_by_role("heading", name=re.compile(r"^P2 · ")).wait_for()
    answer(page, server, ws, "P2", "age", zh, dm_p2)

    # reload the same URL: all four answers are still there (each builder reopens on its step)
    url = page.url
    page.reload()
    page.wait_for_url(url)
    page.wait_for_function("(window.__stRuns || 0) > 0", polling=POLL_MS)
    idle(page)
    expect(textbox(page, "builders.P2.age.label", zh)).to_have_value(dm_p2)
    act(page, page.get_by_role("button", name=t("builders.ui.prev", zh)).click)
    expect(textbox(page, "builders.P1.title.label", zh)).to_have_value(dm_p1)
    go(page, "icp", zh)
    expect(textbox(page, "builders.S2.industry.label", zh)).to_have_value(icp_s2)
    act(page, page.get_by_role("button", name=t("builders.ui.prev", zh)).click)
    expect(textbox(page, "builders.S1.best.label", zh)).to_have_value(icp_s1)

    # presentation mode: step through with Next
    if not PRESENT_PAGE.exists():
        pytest.skip("present page not built yet")
    go(page, "present", zh)
    set_presenting(page, zh, True)
    act(page, page.get_by_role("button", name=t("workshop.fac.start", zh)).click)
    counter = page.locator(".icp-counter")
    next_button = page.get_by_role("button", name=t("present.next", zh))
    for _ in range(3):  # the optional opening screens ("数据 1 / 3") come first
        if counter.inner_text().strip() == "S1 / 7":
            break
        act(page, next_button.click)
    expect(counter).to_have_text("S1 / 7")
    page.get_by_role("tab", name=t("workshop.fac.answers", zh)).click()
    expect(page.get_by_role("tabpanel").get_by_text(icp_s1)).to_be_visible()
    act(page, next_button.click)
    expect(counter).to_have_text("S2 / 7")
    expect(page.get_by_role("tabpanel").get_by_text(icp_s2)).to_be_visible()
    set_presenting(page, zh, False)

    # Report: the PDF download is a PDF with the Chinese ICP title and our answers in its text
    if not REPORT_PAGE.exists():
        pytest.skip("report page not built yet")
    go(page, "report", zh)
    act(page, page.get_by_role("button", name=t("report.page.make_pdf", zh)).click)
    with page.expect_download() as info:
        page.get_by_role("button", name=t("report.page.pdf", zh)).click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    from pypdf import PdfReader

    text = "".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    assert t("report.statement", zh) in text  # 我们的理想客户画像
    assert icp_s2 in text
    assert_no_crash(page)


# ------------------------------------------------------- 2. English: a bad file, a messy upload


def test_english_journey_a_refused_file_then_a_messy_upload(pg, server):
    """A PNG named .xlsx is refused and the previous data kept (and still analysed); then
    a realistic messy export replaces it and the journey goes on. One page load."""
    page, en = pg, "en"
    ws = new_workspace(server, "Journey en")
    open_app(page, server, ws)
    go(page, "data", en)
    previous = t("ws.summary", en, rows=320, cols=19, file="saas_customers_en.xlsx")
    page.get_by_text(previous).wait_for()

    # a bad file: refused with the reader's own message, the previous data kept
    bad = tiny_png()
    with pytest.raises(InputError) as refused:
        open_dataset(bad, filename="customers.xlsx")
    upload(page, "customers.xlsx", bad)

    page.get_by_text(refused.value.message(en)).wait_for()
    page.get_by_text(t("data.kept_previous", en)).wait_for()
    page.get_by_text(previous).wait_for()
    assert Store(server.data_dir).get_source(ws)[0] == "saas_customers_en.xlsx"
    assert_no_crash(page)
    go(page, "best", en)
    page.get_by_role("heading", name=t("analysis.page.top_table", en, n=10)).wait_for()

    # a messy export replaces it
    go(page, "data", en)
    upload(page, "q4_export.xlsx", messy_xlsx())

    page.get_by_text(t("ws.summary", en, rows=60, cols=8, file="q4_export.xlsx")).wait_for()
    page.get_by_role("heading", name=t("data.report", en)).wait_for()
    page.get_by_text(t("data.rows", en, kept=60, total=60)).wait_for()
    page.get_by_role("heading", name=t("data.preview", en)).wait_for()
    page.get_by_text("Dropped 1 totals row ").first.wait_for()
    assert_no_crash(page)
    assert Store(server.data_dir).get_source(ws)[0] == "q4_export.xlsx"

    go(page, "best", en)
    # a "Status" column of Won/Lost is an outcome: best means won, and the page says so
    page.get_by_text("Won = “Status” is Won (30) vs Lost (30)").first.wait_for()
    page.get_by_role("heading", name=t("analysis.page.won_table", en, n=30)).wait_for()
    go(page, "commonalities", en)
    page.get_by_test_id("stVegaLiteChart").first.locator("canvas, svg").first.wait_for()
    go(page, "icp", en)
    answer(page, server, ws, "S1", "best", en, "Customer 01, Customer 05")
    assert_no_crash(page)
