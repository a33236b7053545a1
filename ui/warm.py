"""After the first page is drawn: import what the other pages will need, in the background.

Why: a fresh server pays each library's import on the first page that uses
it — altair on Best customers, wordcloud (+ matplotlib) on Commonalities,
fpdf on the report and card downloads — about 2 s of CPU in all, felt as a
slow first click on each.  None of it is needed to draw the first page, so
the app imports them only once that page is out, in a daemon thread, while
the user reads it.  Python's import lock makes a page that needs a module the
thread is still importing wait for that one import instead of doing it twice.
scikit-learn (the Prospects model, ~1.5 s) is left to its page: most visits
never open it.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Callable

__all__ = ["FIRST_PAGE", "MODULES", "preload", "warm_up"]

# What the first page (Workspace) imports beyond app.py's own imports.  Not
# ui.widgets itself: an ``st.cache_data`` declared before Streamlit's runtime
# exists logs "No runtime found"; its engine imports are what cost.
FIRST_PAGE = (
    "icp.worker",
    "icp.report",
    "icp.clouds",
    "streamlit.emojis",  # the page icon's check (a regex of every emoji)
)

# In the order a visit usually needs them (the sidebar's journey).
MODULES = (
    "scipy.special",  # the analysis' p-values (icp.pvalues)
    "altair",  # Best customers' score chart, Commonalities' charts
    "icp.charts",
    "icp.group_charts",
    "wordcloud",  # Commonalities' word clouds (imports matplotlib)
    "segno",  # the Report page's workshop QR code
    "fpdf",  # PDF downloads (report, customer card)
)

_started = False
_lock = threading.Lock()


def _work(
    first: Callable[[], object] | None, imports: bool, last: Callable[[], object] | None
) -> None:
    if first is not None:
        with contextlib.suppress(Exception):  # the page that needs it will say what is wrong
            first()
    for name in MODULES if imports else ():
        with contextlib.suppress(Exception):  # an optional library missing: its page says so
            importlib.import_module(name)
    if last is not None:
        with contextlib.suppress(Exception):
            last()


def preload() -> None:
    """Import what the first page needs, at server start (``app.py`` as the server's module)."""
    for name in FIRST_PAGE:
        with contextlib.suppress(Exception):  # the page that needs it will say what is wrong
            importlib.import_module(name)


def warm_up(
    first: Callable[[], object] | None = None, last: Callable[[], object] | None = None
) -> threading.Thread | None:
    """Run ``first``, (once per server process) the imports, then ``last`` in a daemon thread.

    ``first`` is what this session's next page will want (``ui.state.prefetch``:
    its analysis); ``last`` what a later page will (``ui.state.prefetch_clouds``:
    Commonalities' word clouds, which need wordcloud imported); None when
    there is nothing to do.
    """
    global _started
    with _lock:
        imports = not _started
        _started = True
    if first is None and last is None and not imports:
        return None
    thread = threading.Thread(
        target=_work, args=(first, imports, last), name="icp-page-warm-up", daemon=True
    )
    thread.start()
    return thread
