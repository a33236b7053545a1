"""Shared test setup: an isolated data folder per test, strict i18n, the
``app_test`` opener for AppTest pages, a real browser and app server for the
journey tests, the ``slow`` mark on both, and a guard that turns pytest's "no
tests collected" (exit 5) into a failure so CI can never pass on nothing."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from icp.store import Store

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent

# This machine's image sets PYTHONDONTWRITEBYTECODE, so every test process (both workers,
# each app server, each CLI run) compiled icp, ui and views again, and pytest rewrote
# every test file's asserts again (~3 s of CPU a worker). The tests keep the bytecode of
# the project's own files as Python does by default, in __pycache__ (ignored by git).
if sys.dont_write_bytecode:
    sys.dont_write_bytecode = False
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# A missing i18n key or placeholder raises in tests (users see the key instead);
# set here so the app servers and CLI runs the tests start inherit it.
os.environ["ICP_STRICT_I18N"] = "1"


# The tests about the picture cache itself start from an empty cache folder.
_ABOUT_THE_PICTURE_CACHE = {
    "test_pngcache.py",
    "test_picture_cache_hits.py",
    "test_page_clouds_cached.py",
    "test_page_warm.py",
}


@pytest.fixture(autouse=True)
def _isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
):
    """Every test writes workspaces into its own temporary folder, never ~/.icp-workbench.

    Its ``cache`` folder (icp.pngcache's drawn charts and clouds, keyed by everything a
    picture depends on and the code that draws it) is one folder for the whole run, shared
    by the workers, so a picture one test drew is not drawn again by the next."""
    data = tmp_path_factory.mktemp("icpdata")
    if request.path.name not in _ABOUT_THE_PICTURE_CACHE:
        run = tmp_path_factory.getbasetemp()
        run = run.parent if os.environ.get("PYTEST_XDIST_WORKER") else run
        (run / "pictures").mkdir(mode=0o700, exist_ok=True)
        (data / "cache").symlink_to(run / "pictures", target_is_directory=True)
    monkeypatch.setenv("ICP_DATA_DIR", str(data))


def pytest_itemcollected(item: pytest.Item) -> None:
    """Tests that run the app (AppTest pages, a real browser) are ``slow``:
    ``python -m pytest -m "not slow"`` is the quick loop over the engine.

    Marked as each test is collected, before any ``pytest_collection_modifyitems``: ``-m``
    deselects in pytest's own, which ran before a mark added in ours (``trylast``), so
    ``-m "not slow"`` used to run every page and browser test as well."""
    runs_app = {"app_test", "browser"} & set(getattr(item, "fixturenames", ()))
    if runs_app or item.path.name.startswith(("test_page_", "test_browser_")):
        item.add_marker(pytest.mark.slow)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser files first, app pages next, the engine last (a stable sort, after
    pytest's own ordering: each file's tests stay together and in order), so that no
    worker of a parallel run starts a long file when the others are nearly done."""
    items.sort(key=_weight)


# ---------------------------------------------------------------- parallel runs (pytest-xdist)

# The browser modules, longest first: with ``--dist loadfile`` each file runs on one
# worker and a free worker takes the next file, so the longest start first and none is
# longer than the rest can fill on the other worker (split a file that grows past that).
# Seconds per file, measured 2026-12-02 15:45 (one process, all browser files, load 15-17,
# so only the order means much): screens 67, safety servers 61, journey 59 (+ the first
# server start), safety 54, workshop 32, portraits 24, definition 15, fragment 8. Each
# worker is also handed its next file once two tests of its current one are left.
_LONGEST_FIRST = (
    "test_browser_journey.py",
    "test_browser_screens.py",
    "test_browser_safety.py",
    "test_browser_safety_servers.py",
    "test_browser_workshop.py",
    "test_browser_portraits.py",
    "test_browser_definition.py",
    "test_browser_best_fragment.py",
)


def _weight(item: pytest.Item) -> int:
    name = item.path.name
    if name in _LONGEST_FIRST:
        return _LONGEST_FIRST.index(name)
    if name.startswith("test_browser_") or item.get_closest_marker("browser"):
        return len(_LONGEST_FIRST)
    return len(_LONGEST_FIRST) + 1 if item.get_closest_marker("slow") else len(_LONGEST_FIRST) + 2


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """``-n auto`` (pyproject's addopts): one worker per core for a run over folders
    (the whole suite, ``-m "not slow"``), none when the command names test files or
    ids, so one file starts at once. ``-n 3`` or PYTEST_XDIST_AUTO_NUM_WORKERS overrides."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return int(os.environ["PYTEST_XDIST_AUTO_NUM_WORKERS"])
    here = config.invocation_params.dir
    if any((here / arg.split("::")[0]).is_file() for arg in config.args):
        return 0
    return min(4, max(2, len(os.sched_getaffinity(0))))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


os.environ.setdefault("MPLBACKEND", "Agg")


# ---------------------------------------------------------------- real browser

CHROMIUM = os.environ.get("ICP_CHROMIUM", "/usr/bin/chromium")
# How long a browser action, navigation or expect() waits, for every context and page the
# tests open (set once, here): long for a starved machine; what holds returns at once.
TIMEOUT_MS = 60_000
ARTIFACTS = ROOT / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _listens_on(pid: int, port: int) -> bool:
    """Whether process ``pid`` holds the socket listening on ``port``: a port that was free
    when chosen can be taken by another test run's server before ours binds it (ours then
    exits), and that server answers the health check as well. Without /proc: True."""
    listening = set()
    try:
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            with open(table) as rows:
                for row in rows.readlines()[1:]:
                    cells = row.split()
                    if cells[3] == "0A" and int(cells[1].rsplit(":", 1)[1], 16) == port:
                        listening.add(f"socket:[{cells[9]}]")
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
    except OSError:
        return not Path("/proc/self").exists()
    for fd in fds:
        try:
            if os.readlink(fd) in listening:
                return True
        except OSError:
            continue
    return False


class AppServer:
    """A real ``streamlit run app.py`` on localhost with its own data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def start(self) -> AppServer:
        """Start the server and wait until it answers; on another port if the chosen
        one was taken in the meantime (parallel test workers pick ports too)."""
        for _ in range(3):
            if self._started():
                return self
            self.port = _free_port()
            self.url = f"http://127.0.0.1:{self.port}"
        raise RuntimeError("streamlit server did not start")

    def _started(self) -> bool:
        env = {**os.environ, "ICP_DATA_DIR": str(self.data_dir)}
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(ROOT / "app.py"),
                "--server.port",
                str(self.port),
                "--server.headless",
                "true",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.time() + 120
        while time.time() < deadline and self.proc.poll() is None:
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200 and _listens_on(self.proc.pid, self.port):
                        return True
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        return False

    def kill(self) -> None:
        """SIGKILL: no shutdown handlers run, as when a laptop dies mid-workshop."""
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except Exception:
                self.proc.kill()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (no browser download needed)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("ICP_SKIP_BROWSER"):
            pytest.skip("ICP_SKIP_BROWSER set and no chromium")
        pytest.fail(f"{CHROMIUM} not found: install it with `apt-get install -y chromium`")
    from playwright.sync_api import expect, sync_playwright

    # expect() keeps its own 5 s default (page.set_default_timeout does not reach it);
    # a loaded CI machine needs more, and a passing check returns as soon as it holds.
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        _every_context_without_motion(b)
        yield b
        b.close()


# CSS animations and transitions run their last frame at once in the test browser:
# Streamlit's running indicator, skeleton shimmer and spinners otherwise keep Chromium
# drawing ~60 frames a second while a test waits for a run, and an opening expander
# slides its content into place (a click by position, as into a data grid, can land
# where the content was). What a page shows once drawn is the same; only the motion
# between is skipped, as for a user who asked the system for reduced motion.
NO_MOTION = """
(() => {
  const css = '*, *::before, *::after { animation-duration: 0s !important;'
    + ' animation-delay: 0s !important; transition-duration: 0s !important;'
    + ' transition-delay: 0s !important; scroll-behavior: auto !important; }';
  const add = () => {
    const style = document.createElement('style');
    style.textContent = css;
    (document.head || document.documentElement).appendChild(style);
  };
  if (document.documentElement) add();
  else document.addEventListener('readystatechange', add, { once: true });
})();
"""


def _every_context_without_motion(browser) -> None:
    """Each context the tests open (the shared one, a server's own, another person's)
    gets ``NO_MOTION`` in every document and ``TIMEOUT_MS`` for its pages' actions and
    navigations, whoever calls ``browser.new_context`` (Playwright's own default is 30 s:
    a second tab's page load once ran out of it at load 19)."""
    new_context = browser.new_context

    def without_motion(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.set_default_timeout(TIMEOUT_MS)
        context.add_init_script(NO_MOTION)
        return context

    browser.new_context = without_motion


@pytest.fixture(scope="session")
def app_server(browser, tmp_path_factory: pytest.TempPathFactory):
    """One app server per test process for all browser files (each ``streamlit run``
    costs seconds of CPU to start and to warm up). Tests share it, so each works in a
    workspace of its own; a test may kill and start it again (it stays this object)."""
    server = AppServer(tmp_path_factory.mktemp("app") / "server-data").start()
    yield server
    server.stop()


# Follows the app's script runs on its websocket (the DOM's data-test-script-state can
# skip "running" altogether when React draws a quick run in one go). Streamlit sends one
# protobuf ForwardMsg per frame; its top-level field says what it is: 4 new_session (a run
# starts), 6 script_finished (status 2 = stopped early for st.rerun/switch_page: the next
# run follows). A rerun request the page sends is BackMsg field 11. ``__stBusy`` holds
# from a request (or a run start) to the end of the run chain; ``__stRuns`` counts ended
# chains, ``__stEnd`` is when the last one ended; ``__stDoc`` tags the document. The script
# is a file of its own, as bench/bench_browser.py follows the runs with it too.
RUN_COUNTER = (Path(__file__).with_name("run_counter.js")).read_text()


@pytest.fixture
def server(app_server):
    """The app server shared by the browser files; tests use own workspaces."""
    return app_server


@pytest.fixture
def pg(page):
    """The conftest page, counting Streamlit script runs so actions can wait for theirs."""
    page.add_init_script(RUN_COUNTER)
    return page


# Run first in every document of a test's page: the first document the page opens at an
# origin empties that origin's localStorage (Streamlit keeps the sidebar's state there),
# so each test starts as in a browser that never saw the app; reloads and later visits
# within the test keep it, as a browser does. (sessionStorage belongs to the tab.)
FRESH_STORAGE = """
((TEST) => {
  try {
    if (sessionStorage.getItem('__icpTest') !== TEST) {
      localStorage.clear();
      sessionStorage.setItem('__icpTest', TEST);
    }
  } catch (e) {}
})(%s);
"""


@pytest.fixture(scope="session")
def browser_context(browser):
    """The browser context (one per test process) whose pages the ``page`` fixture hands
    out: a new context starts with an empty HTTP cache and fetches and compiles
    Streamlit's JavaScript again (and a Chinese page's 1 MB CJK font), ~0.6 s of
    Chromium's CPU per test. What a test leaves in it is cleared for the next (``page``).
    Tests about separate people or browsers open contexts of their own."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context
    context.close()


def _screenshot_if_failed(pg, request: pytest.FixtureRequest) -> None:
    """A failed test's page, whole, as test-artifacts/<test>.png."""
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed and not pg.is_closed():
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)


@pytest.fixture
def page(browser_context, request: pytest.FixtureRequest):
    """A new browser page (tab) with no cookies and no localStorage from earlier tests;
    a screenshot is saved to test-artifacts/ on failure."""
    browser_context.clear_cookies()
    pg = browser_context.new_page()
    pg.add_init_script(FRESH_STORAGE % json.dumps(request.node.nodeid))
    yield pg
    _screenshot_if_failed(pg, request)
    for left in browser_context.pages:  # the test's page and any it opened
        left.close()
    browser_context.clear_cookies()


@pytest.fixture
def fresh_page(browser, request: pytest.FixtureRequest):
    """A page in a browser context of its own, for a test against a server of its own
    (another port: nothing of the shared context's cache applies); a screenshot is
    saved to test-artifacts/ on failure."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    yield pg
    _screenshot_if_failed(pg, request)
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    rep = yield
    setattr(item, f"rep_{rep.when}", rep)
    return rep


# ---------------------------------------------------------------- AppTest pages


@cache
def _scan_components_once() -> None:
    """Every new AppTest scans the metadata of every installed distribution for Streamlit
    components (~0.15 s of CPU; a run opens about a hundred); the installed packages
    cannot change during a test run, so the scan's answer is kept for the process."""
    from streamlit.components.v2 import manifest_scanner

    scan = cache(manifest_scanner.scan_component_manifests)
    manifest_scanner.scan_component_manifests = lambda *a, **kw: list(scan(*a, **kw))


def pytest_collection_finish(session: pytest.Session) -> None:
    if "streamlit.testing.v1" in sys.modules:  # a collected file runs AppTests
        _scan_components_once()
        _compile_scripts_once()


@cache
def _compile_scripts_once() -> None:
    """Every ``AppTest.run`` makes a new ``ScriptCache``, so app.py and the page were parsed,
    rewritten for Streamlit's "magic" and compiled again on every run (about a fifth of the
    pages' CPU). A server compiles each script once for all its sessions; here each script
    is compiled once per process and content: a changed file is compiled again."""
    from streamlit.runtime.scriptrunner import script_cache
    from streamlit.testing.v1 import app_test, local_script_runner

    compiled: dict[tuple[str, bytes], object] = {}

    class ScriptsOnce(script_cache.ScriptCache):
        def get_bytecode(self, script_path: str) -> object:
            key = (os.path.abspath(script_path), Path(script_path).read_bytes())
            if key not in compiled:
                compiled[key] = script_cache.ScriptCache().get_bytecode(script_path)
            return compiled[key]

    app_test.ScriptCache = ScriptsOnce
    local_script_runner.ScriptCache = ScriptsOnce


@cache
def _app_class() -> type[AppTest]:
    """AppTest plus the one thing every page test asks: which workspace is open."""
    from streamlit.testing.v1 import AppTest  # lazy: startup speed (engine-only runs)

    _scan_components_once()
    _compile_scripts_once()

    class App(AppTest):
        @property
        def ws(self) -> str:
            value = self.query_params["ws"]
            return value if isinstance(value, str) else value[0]

    return App


@pytest.fixture
def app_in_this_data_dir() -> None:
    """For a test that runs the app: the app's caches that hold a database (the ``Store``,
    the workshop engine) are bound to this test's ``ICP_DATA_DIR``. The others are kept by
    content (the file's hash, mapping, settings, …), so what one test read, analysed or
    drew is found by the next test of the same process holding the same file, as by a
    second workspace on a server."""
    from ui import state, workshop  # lazy: startup speed (engine-only runs)

    state.store.clear()
    workshop.engine.clear()


@pytest.fixture
def app_test(app_in_this_data_dir: None) -> Callable[..., AppTest]:
    """Open the app the way a first visit does, then (optionally) one page.

    The returned AppTest also has ``.ws``, the id of the workspace it opened.

    ``app_test("best", "equipment_customers_zh.xlsx", "zh", setup=fn, session={...})``:
    ``session`` is put into ``st.session_state`` before the first run; after
    it (the fresh workspace exists, with the English sample loaded) the named
    file from ``sample_data/`` replaces the data, then ``setup(store, ws)``
    runs, and then the page is opened in ``lang``. ``warm=True``: the first page starts
    the app's background warm-up, as for a real visitor (off by default). The app's store
    is bound to this test's ``ICP_DATA_DIR`` (``app_in_this_data_dir``). Fails if the page
    raised.
    """

    def open_app(
        page: str | None = None,
        sample: str | None = None,
        lang: str = "en",
        *,
        setup: Callable[[Store, str], object] | None = None,
        session: dict[str, object] | None = None,
        warm: bool = False,
    ) -> AppTest:
        at = _app_class()(str(ROOT / "app.py"), default_timeout=120)
        # A visitor's first page starts the background warm-up (ui.warm: the next page's
        # analysis, Commonalities' clouds); each AppTest is a new visitor, so it would run
        # about a hundred times a suite (~15% of the pages' CPU). tests/test_page_warm.py
        # checks it; the other page tests open their page without it.
        at.session_state["warm.done"] = not warm
        for key, value in (session or {}).items():
            at.session_state[key] = value
        if page is None:
            at.session_state["app.lang"] = lang
        store = Store()
        if store.list():  # a second visit in one test: a link to a fresh sample workspace
            # (without ?ws= the app now shows the chooser once any workspace exists)
            ws = store.create("ICP Workbench")
            path = ROOT / "sample_data" / "saas_customers_en.xlsx"
            store.set_source(ws, filename=path.name, data=path.read_bytes(), options={})
            at.query_params["ws"] = ws
        at.run()
        if sample is not None:  # as an upload does: the file becomes the workspace's source
            path = ROOT / "sample_data" / sample
            Store().set_source(at.ws, filename=path.name, data=path.read_bytes(), options={})
        if setup is not None:
            setup(Store(), at.ws)
        if page is not None:
            # as the sidebar switch does: the language changes between runs (set
            # before the first run, the home page's widgets would be read back in
            # the other language when the page switches)
            at.session_state["app.lang"] = lang
            at.switch_page(f"views/{page}.py")
            at.run()
        assert not at.exception, at.exception
        return at

    return open_app
