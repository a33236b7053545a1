"""``streamlit run app.py`` imports the app once at server start, so the first visitor doesn't.

app.py holds an ``st.App``: Streamlit's launcher finds it (by reading the
file, not running it) and serves it, importing app.py as the module ``app``
before it listens — pandas, pyarrow, the engine and the first page's modules
are loaded then.  Run as a page script (``__main__``) it only draws.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from streamlit.web.server.app_discovery import discover_asgi_app

ROOT = Path(__file__).resolve().parent.parent


def test_streamlit_run_finds_the_app_object():
    found = discover_asgi_app(ROOT / "app.py")
    assert found.is_asgi_app and found.import_string == "app:app"


def test_importing_the_app_module_preloads_the_first_pages_modules(tmp_path):
    code = (
        "import sys, streamlit as st, app\n"
        "assert isinstance(app.app, st.App), type(app.app)\n"
        "missing = [m for m in ('pandas', 'pyarrow', 'icp.analysis', 'ui.state', 'icp.clouds',"
        " 'icp.report', 'streamlit.emojis') if m not in sys.modules]\n"
        "assert not missing, missing\n"
        "heavy = [m for m in ('altair', 'wordcloud', 'fpdf', 'sklearn') if m in sys.modules]\n"
        "assert not heavy, heavy  # left to the warm-up after the first page\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "ICP_DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
