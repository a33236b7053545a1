"""Take the README screenshots from the real app, in English and Chinese.

Starts ``streamlit run app.py`` on a free port with a throwaway data folder,
prepares workspaces per language (sample data, a few builder answers, a tag,
a workshop with the room's notes and dots) and saves PNGs into docs/img/:

  pages (1280x800)
    best_<lang>.png              Best customers
    commonalities_<lang>.png     Commonalities: findings and their chart
    clouds_<lang>.png            Commonalities: the two word clouds
    icp_builder_<lang>.png       ICP builder, step S2
  portraits (1280x800)
    card_<lang>.png              Customer card: the fields in the data's own groups
    card_fit_<lang>.png          Customer card: fit score, traits it has and lacks, next step
    compare_<lang>.png           Compare groups: the tag vs everyone else
    competitors_<lang>.png       Competitors: who is still on each rival
    levels_<lang>.png            Three levels: industries, the ICP, the person level
  workshop
    present_<lang>.png           Workshop page (the facilitator's laptop), step S2, 1280x800
    workshop_room_<lang>.png     Room view (the projector), 1920x1080
    workshop_room_720_<lang>.png Room view at 1280x720
    workshop_phone_<lang>.png    A participant's phone, 390x844

The room view must fit its screen: the script stops if a slide scrolls.

Usage: python scripts/screenshots.py [--out docs/img] [--lang en zh]
                                     [--only pages portraits workshop] [--port N]
Needs Chromium (/usr/bin/chromium or $ICP_CHROMIUM); Chinese renders with the
CJK font the app serves from static/, so the machine needs none.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from icp import tags  # noqa: E402
from icp.groups import Condition, Rule  # noqa: E402
from icp.i18n import t  # noqa: E402
from icp.store import Store  # noqa: E402
from icp.workshop import Workshop, template  # noqa: E402

CHROMIUM = os.environ.get("ICP_CHROMIUM", "/usr/bin/chromium")
SIZE = {"width": 1280, "height": 800}
ROOM_SIZES = {"": {"width": 1920, "height": 1080}, "_720": {"width": 1280, "height": 720}}
PHONE = {"width": 390, "height": 844}
GROUPS = ("pages", "portraits", "workshop")
SAMPLE = {"en": "saas_customers_en.xlsx", "zh": "equipment_customers_zh.xlsx"}
ANSWERS = {
    "en": {
        ("S1", "best"): "Northwind, Globex, Initech — fast to close, renew every year",
        ("S2", "industry"): "Software and financial services",
        ("S2", "size"): "200–1,000 employees",
        ("S2", "location"): "North America and the UK",
    },
    "zh": {
        ("S1", "best"): "华东精工、明达机械：回款快、复购多",
        ("S2", "industry"): "汽配与五金制造业",
        ("S2", "size"): "100–500 人",
        ("S2", "location"): "长三角与珠三角",
    },
}
TAG = {
    "en": tags.Tag("Manufacturers", Rule((Condition("Industry", "in", ("Manufacturing",)),))),
    "zh": tags.Tag("重点跟踪", Rule((Condition("联系人身份", "in", ("企业法人", "股东")),))),
}
# The room's sticky notes on S2 (author, text) and who put a dot on which (by index).
ROOM = {
    "en": [
        ("Ana", "Mid-size manufacturers, 200–1,000 staff"),
        ("Bo", "Logistics firms with their own fleet"),
        ("Chen", "Multi-site plants in North America"),
        ("Dana", "Software teams selling into factories"),
    ],
    "zh": [
        ("王芳", "年产值过亿的汽配厂"),
        ("李强", "有自建车队的物流企业"),
        ("陈静", "长三角的多厂区五金加工厂"),
        ("赵磊", "给工厂做软件的团队"),
    ],
}
DOTS = [(0, 0), (1, 0), (2, 0), (3, 0), (0, 1), (1, 2), (2, 1), (3, 2)]
_IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning';
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(data_dir: Path, *, port: int | None = None) -> tuple[subprocess.Popen, str]:
    port = port or _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [
            *(sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py")),
            *("--server.port", str(port), "--server.headless", "true"),
            *("--server.fileWatcherType", "none"),
        ],
        cwd=ROOT,
        env={**os.environ, "ICP_DATA_DIR": str(data_dir)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("streamlit did not start")


def _workspace(store: Store, lang: str, name: str = "ICP Workbench") -> str:
    """A workspace with the language's sample, a few S1/S2 answers and one tag."""
    ws = store.create(name)
    path = ROOT / "sample_data" / SAMPLE[lang]
    store.set_source(ws, filename=path.name, data=path.read_bytes(), options={})
    store.set_value(ws, "ui.lang", lang)
    store.set_value(ws, "ui.icp.step", "S2")
    store.set_value(ws, tags.STORE_KEY, tags.dump([TAG[lang]]))
    for (step, field), text in ANSWERS[lang].items():
        store.set_answer(ws, step, field, text)
    return ws


def _workshop(store: Store, ws: str, lang: str) -> tuple[str, str]:
    """A 60-minute workshop on S2: four notes, eight dots, 1:35 on the clock (paused).

    Returns the join code and the token of the first participant (whose phone is shown).
    """
    engine = Workshop(store.path)
    s = engine.start(ws, lang=lang, agenda=template(60))
    engine.go(ws, "S2")
    people = [engine.join(s.code, name) for name, _ in ROOM[lang]]
    notes = [engine.post(p.token, text) for p, (_, text) in zip(people, ROOM[lang], strict=True)]
    for who, which in DOTS:
        engine.vote(people[who].token, note=notes[which].id)
    now = time.time()
    engine.toggle_timer(ws, now=now - 95)
    engine.toggle_timer(ws, now=now)
    return s.code, people[0].token


def _open(page, url: str, ready: str = "h1, .icp-counter") -> None:
    page.goto(url)
    page.wait_for_selector(ready)
    page.wait_for_function(_IDLE)
    page.wait_for_load_state("networkidle")
    last = -1
    for _ in range(40):  # lazily mounted widgets: wait until the DOM stops changing
        size = page.evaluate("document.querySelectorAll('*').length")
        if size == last:
            break
        last = size
        page.wait_for_timeout(250)


def _shoot(page, path: Path) -> None:
    height = (page.viewport_size or SIZE)["height"]
    page.mouse.move(0, height - 1)  # no hover effects in the picture
    page.screenshot(path=str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def _scroll_to(page, locator, offset: int = 90) -> None:
    top = locator.evaluate("e => e.getBoundingClientRect().top")
    page.evaluate(
        """(dy) => { const m = document.querySelector('[data-testid="stMain"]');
           const box = m && m.scrollHeight > m.clientHeight ? m : document.scrollingElement;
           box.scrollBy(0, dy); }""",
        top - offset,
    )
    page.wait_for_timeout(300)


# ---------------------------------------------------------------- the groups


def _pages(page, url: str, ws: str, lang: str, out: Path) -> None:
    _open(page, f"{url}/best?ws={ws}")
    _scroll_to(page, page.get_by_test_id("stMetric").first, offset=70)
    _shoot(page, out / f"best_{lang}.png")

    _open(page, f"{url}/commonalities?ws={ws}")
    clouds = page.get_by_test_id("stImage").locator("img").first
    clouds.wait_for()
    findings = page.get_by_test_id("stHeading").filter(has_text=t("traits.page.findings", lang))
    _scroll_to(page, findings.last, offset=40)
    _shoot(page, out / f"commonalities_{lang}.png")
    _scroll_to(page, clouds, offset=140)
    _shoot(page, out / f"clouds_{lang}.png")

    _open(page, f"{url}/icp_builder?ws={ws}")
    _shoot(page, out / f"icp_builder_{lang}.png")


def _portraits(page, url: str, ws: str, lang: str, out: Path) -> None:
    _open(page, f"{url}/customer?ws={ws}")
    _scroll_to(page, page.get_by_test_id("stHeading").nth(1), offset=20)
    _shoot(page, out / f"card_{lang}.png")
    _scroll_to(page, page.get_by_test_id("stMetric").first, offset=80)
    _shoot(page, out / f"card_fit_{lang}.png")

    _open(page, f"{url}/compare?ws={ws}")
    _scroll_to(page, page.get_by_test_id("stMetric").first, offset=40)
    _shoot(page, out / f"compare_{lang}.png")

    _open(page, f"{url}/competitors?ws={ws}")
    _shoot(page, out / f"competitors_{lang}.png")

    _open(page, f"{url}/levels?ws={ws}")
    _scroll_to(page, page.get_by_test_id("stHeading").nth(1), offset=20)
    _shoot(page, out / f"levels_{lang}.png")


def _room(browser, url: str, ws: str, lang: str, out: Path) -> None:
    for suffix, size in ROOM_SIZES.items():
        ctx = browser.new_context(viewport=size, device_scale_factor=1)
        room = ctx.new_page()
        room.set_default_timeout(120_000)
        _open(room, f"{url}/room?ws={ws}", ready=".icp-note")
        room.locator(".icp-join img, [data-testid='stImage'] img").first.wait_for()
        scroll = room.evaluate(
            """() => { const m = document.querySelector('[data-testid="stMain"]');
               const d = document.documentElement;
               return Math.max(d.scrollHeight - d.clientHeight,
                               m ? m.scrollHeight - m.clientHeight : 0); }"""
        )
        if scroll > 1:
            raise SystemExit(f"the room view scrolls by {scroll}px at {size}: fix the slide")
        _shoot(room, out / f"workshop_room{suffix}_{lang}.png")
        ctx.close()


def _phone(browser, url: str, code: str, token: str, lang: str, out: Path) -> None:
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    phone = ctx.new_page()
    phone.set_default_timeout(120_000)
    _open(phone, f"{url}/join?code={code}&p={token}", ready=".icp-q")
    phone.locator(".icp-dotsleft").wait_for()
    _shoot(phone, out / f"workshop_phone_{lang}.png")
    ctx.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--lang", nargs="+", default=["en", "zh"], choices=["en", "zh"])
    parser.add_argument("--only", nargs="+", default=list(GROUPS), choices=GROUPS)
    parser.add_argument("--port", type=int, default=None, help="default: a free port")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        proc, url = _start(Path(tmp), port=args.port)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
                )
                context = browser.new_context(viewport=SIZE, device_scale_factor=1)
                page = context.new_page()
                page.set_default_timeout(120_000)
                _open(page, url)  # first run of a fresh server (see tests/test_browser_journey)
                for lang in args.lang:
                    ws = _workspace(store, lang)
                    if "pages" in args.only:
                        _pages(page, url, ws, lang, args.out)
                    if "portraits" in args.only:
                        _portraits(page, url, ws, lang, args.out)
                    if "workshop" in args.only:
                        code, token = _workshop(store, ws, lang)
                        _open(page, f"{url}/present?ws={ws}")
                        _scroll_to(page, page.locator(".icp-counter").first, offset=24)
                        _shoot(page, args.out / f"present_{lang}.png")
                        _room(browser, url, ws, lang, args.out)
                        _phone(browser, url, code, token, lang, args.out)
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
