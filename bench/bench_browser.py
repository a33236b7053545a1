"""What a user feels in the browser: first page ready, page switch, slider to settled.

    python bench/bench_browser.py [--rounds 3] [--before DIR] [--port 8640]

A real ``streamlit run app.py`` (per tree) and headless Debian Chromium
(``/usr/bin/chromium --no-sandbox``, Playwright).  Each round, per tree
(trees alternate which goes first):

* the server is started fresh on a workspace holding the English SaaS
  sample (320 rows): **server up** = from launching it to its health check
  answering (since session 5 that includes app.py's imports, done before it
  listens); then a new browser context opens ``/?ws=ID``:
  **first ready** = from ``goto`` to ready;
* **page switch**: sidebar clicks Data → Best customers → Commonalities →
  ICP builder → Report → Workspace, each from the click to ready (first
  visit of each page in that session), then the same tour again (revisit);
* **slider**: on Best customers, one weight slider moved one step with the
  keyboard, from the key press to ready (5 times, alternating direction).

Ready = the run chain the action asked for has ended on the page's websocket
(``tests/run_counter.js``, as in the browser tests: an action that asks for no run
fails), Streamlit's ``data-test-script-state`` is ``notRunning``, the connection is
up, no ``stSpinner`` is in the page, and the page's ``h1`` is there — i.e. the
script has stopped and nothing says "wait".  Times are
medians; ``--before DIR`` runs another tree (a ``git archive`` of main) in
the same rounds, so the load of the shared machine falls on both.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from common import ROOT

sys.path.insert(0, str(ROOT))  # icp.i18n for the labels, without PYTHONPATH

SAMPLE = ROOT / "sample_data" / "saas_customers_en.xlsx"
TOUR = ["data", "best", "commonalities", "icp", "report", "workspace"]

_READY = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return !!app && !window.__stBusy
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && !document.querySelector('[data-testid="stSpinner"]')
    && !!document.querySelector('h1');
}"""
# Streamlit's script runs as the page's websocket carries them (the init script the
# browser tests use: a rerun request sets ``__stAsked`` and ``__stBusy``, the end of the run
# chain clears ``__stBusy``; a new document gets a new ``__stDoc``). The DOM's script-state
# flip alone can be skipped when React draws a quick run in one go.
_RUN_COUNTER = (ROOT / "tests" / "run_counter.js").read_text()
_ASKED = "([doc, n]) => window.__stDoc !== doc || window.__stAsked > n"


@dataclass
class Tree:
    label: str
    root: Path
    port: int
    data_dir: Path
    ws: str = ""
    proc: subprocess.Popen | None = None
    started: list[float] = field(default_factory=list)
    first: list[float] = field(default_factory=list)
    switch_first: list[float] = field(default_factory=list)
    switch_again: list[float] = field(default_factory=list)
    slider: list[float] = field(default_factory=list)

    def setup(self) -> None:
        """A workspace with the sample, made with this tree's own store code."""
        shutil.rmtree(self.data_dir, ignore_errors=True)
        code = (
            "import sys; from pathlib import Path; from icp.store import Store; s=Store(); "
            "ws=s.create('Bench'); p=Path(sys.argv[1]); "
            "s.set_source(ws, filename=p.name, data=p.read_bytes(), options={}); print(ws)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(SAMPLE)],
            cwd=self.root,
            env={**os.environ, "ICP_DATA_DIR": str(self.data_dir)},
            capture_output=True,
            text=True,
            check=True,
        )
        self.ws = out.stdout.strip().splitlines()[-1]

    def start(self) -> None:
        t0 = time.perf_counter()
        self.proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "streamlit", "run", "app.py"),
                *("--server.port", str(self.port), "--server.headless", "true"),
                *("--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"),
            ],
            cwd=self.root,
            env={**os.environ, "ICP_DATA_DIR": str(self.data_dir)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        self.started.append(time.perf_counter() - t0)
                        return
            except OSError:
                time.sleep(0.3)
        raise SystemExit(f"{self.label}: server did not start")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:  # a loaded machine: do not leave it behind
                self.proc.kill()
                self.proc.wait(timeout=60)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _ready(page, timeout: float = 120_000) -> None:
    page.wait_for_function(_READY, timeout=timeout)


def _act(page, action) -> float:
    """Seconds from the action to ready: the run chain the action asked for (on the
    websocket) has ended and the page shows it. An action that asks for no run fails."""
    before = page.evaluate("[window.__stDoc, window.__stAsked]")
    t0 = time.perf_counter()
    action()
    page.wait_for_function(_ASKED, arg=before, timeout=30_000, polling=10)
    _ready(page)
    return time.perf_counter() - t0


def _nav(page, name: str) -> None:
    from icp.i18n import t

    nav = page.get_by_test_id("stSidebarNav")
    nav.get_by_role("link", name=t(f"nav.{name}", "en"), exact=True).click()


def _round(tree: Tree, browser) -> None:
    from icp.i18n import t

    tree.start()
    try:
        ctx = browser.new_context(viewport={"width": 1400, "height": 900})
        page = ctx.new_page()
        page.add_init_script(_RUN_COUNTER)
        t0 = time.perf_counter()
        page.goto(f"{tree.url}/?ws={tree.ws}")
        page.wait_for_selector('[data-testid="stSidebarNav"]', state="attached", timeout=120_000)
        page.wait_for_function("(window.__stRuns || 0) > 0", timeout=120_000)
        _ready(page)
        tree.first.append(time.perf_counter() - t0)
        for bucket in (tree.switch_first, tree.switch_again):
            for name in TOUR:
                bucket.append(_act(page, lambda name=name: _nav(page, name)))
        _act(page, lambda: _nav(page, "best"))
        label = t("criterion.deal_value", "en")
        thumb = page.get_by_role("slider", name=label)
        if not thumb.count():
            thumb = page.get_by_role("slider").nth(1)
        thumb.first.focus()
        for i in range(5):
            key = "ArrowRight" if i % 2 == 0 else "ArrowLeft"
            tree.slider.append(_act(page, lambda key=key: thumb.first.press(key)))
        ctx.close()
    finally:
        tree.stop()


def _med(xs: list[float]) -> str:
    return f"{statistics.median(xs):.2f} s" if xs else "—"


def main() -> None:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--port", type=int, default=8640)
    args = ap.parse_args()
    base = Path(tempfile.mkdtemp(prefix="icp-speed-browser-"))
    trees = []
    if args.before:
        trees.append(Tree("before", args.before, args.port + 1, base / "before"))
    trees.append(Tree("this tree", ROOT, args.port, base / "after"))
    for tr in trees:
        tr.setup()
    print(f"# load before {Path('/proc/loadavg').read_text().split()[:3]}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for i in range(args.rounds):
            for tr in trees if i % 2 == 0 else trees[::-1]:
                _round(tr, browser)
                print(
                    f"round {i + 1} {tr.label}: server up {tr.started[-1]:.2f} s, "
                    f"first {tr.first[-1]:.2f} s, switch "
                    + ", ".join(f"{x:.2f}" for x in tr.switch_first[-len(TOUR) :])
                    + " / again "
                    + ", ".join(f"{x:.2f}" for x in tr.switch_again[-len(TOUR) :])
                    + ", slider "
                    + ", ".join(f"{x:.2f}" for x in tr.slider[-5:]),
                    flush=True,
                )
        browser.close()
    print(f"# load after {Path('/proc/loadavg').read_text().split()[:3]}")
    print(
        "| tree | server start to healthy | first ready | page switch (first visit) "
        "| page switch (revisit) | slider |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for tr in trees:
        print(
            f"| {tr.label} | {_med(tr.started)} | {_med(tr.first)} | {_med(tr.switch_first)} | "
            f"{_med(tr.switch_again)} | {_med(tr.slider)} |"
        )
    shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
