"""Take the README screenshots from the real app, in English and Chinese.

Starts ``streamlit run app.py`` on a free port with a throwaway data folder,
prepares one workspace per language (sample data, a few builder answers),
and saves 1280x800 PNGs of five screens into docs/img/:

    best_<lang>.png            Best customers
    commonalities_<lang>.png   Commonalities: findings and their chart
    clouds_<lang>.png          Commonalities: the two word clouds
    icp_builder_<lang>.png     ICP builder, step S2
    present_<lang>.png         Presentation mode (projector), step S2

Usage: python scripts/screenshots.py [--out docs/img] [--lang en zh]
Needs Chromium (/usr/bin/chromium or $ICP_CHROMIUM) and, for Chinese, a CJK
font on the machine (Debian: fonts-noto-cjk).
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

from icp.store import Store  # noqa: E402

CHROMIUM = os.environ.get("ICP_CHROMIUM", "/usr/bin/chromium")
SIZE = {"width": 1280, "height": 800}
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
_IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && app.getAttribute('data-test-script-state') === 'notRunning';
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(data_dir: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
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


def _workspace(store: Store, lang: str, *, present: bool) -> str:
    ws = store.create("ICP Workbench" if lang == "en" else "ICP 工作台")
    path = ROOT / "sample_data" / SAMPLE[lang]
    store.set_source(ws, filename=path.name, data=path.read_bytes(), options={})
    store.set_value(ws, "ui.lang", lang)
    store.set_value(ws, "ui.present", present)
    store.set_value(ws, "ui.icp.step", "S2")
    store.set_value(ws, "ui.present.screen", "S2")
    for (step, field), text in ANSWERS[lang].items():
        store.set_answer(ws, step, field, text)
    return ws


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("h1, .icp-counter")
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
    page.mouse.move(0, SIZE["height"] - 1)  # no hover effects in the picture
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    parser.add_argument("--lang", nargs="+", default=["en", "zh"], choices=["en", "zh"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        proc, url = _start(Path(tmp))
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=CHROMIUM, headless=True, args=["--no-sandbox"]
                )
                context = browser.new_context(viewport=SIZE, device_scale_factor=1)
                page = context.new_page()
                _open(page, url)  # first run of a fresh server (see tests/test_browser_journey)
                for lang in args.lang:
                    ws = _workspace(store, lang, present=False)
                    _open(page, f"{url}/best?ws={ws}")
                    _scroll_to(page, page.get_by_test_id("stMetric").first, offset=70)
                    _shoot(page, args.out / f"best_{lang}.png")

                    _open(page, f"{url}/commonalities?ws={ws}")
                    clouds = page.get_by_test_id("stImage").locator("img").first
                    clouds.wait_for()
                    _scroll_to(page, page.get_by_test_id("stHeading").nth(1), offset=40)
                    _shoot(page, args.out / f"commonalities_{lang}.png")
                    _scroll_to(page, clouds, offset=140)
                    _shoot(page, args.out / f"clouds_{lang}.png")

                    _open(page, f"{url}/icp_builder?ws={ws}")
                    _shoot(page, args.out / f"icp_builder_{lang}.png")

                    ws = _workspace(store, lang, present=True)
                    _open(page, f"{url}/present?ws={ws}")
                    _shoot(page, args.out / f"present_{lang}.png")
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    main()
