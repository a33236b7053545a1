"""A visitor's first page starts the background warm-up: the next pages find their
analysis and word clouds ready instead of computing them on the click (``ui.warm``,
``ui.state.prefetch`` and ``prefetch_clouds``).

The other page tests open their page without it (``app_test(warm=False)``, the default).
The data here is the sample with one changed amount, so no earlier test of the process
has analysed it, and no picture is cached: this file's cache folder starts empty
(conftest) and the process' pictures in memory are set aside.
"""

from __future__ import annotations

import io
import threading
import uuid
from collections import Counter, OrderedDict

import pytest
from conftest import ROOT, _app_class

from icp import analysis, clouds, pngcache
from icp.dataset import open_dataset
from icp.store import Store

pytestmark = pytest.mark.usefixtures("app_in_this_data_dir")

SAMPLE = ROOT / "sample_data" / "saas_customers_en.xlsx"
WARM_THREAD = "icp-page-warm-up"


def _unseen_data() -> bytes:
    table = open_dataset(SAMPLE).table
    number = table.select_dtypes("number").columns[0]
    table.loc[0, number] = table[number].max() + uuid.uuid4().int % 1000 + 1
    out = io.StringIO()
    table.to_csv(out, index=False)
    return out.getvalue().encode()


def _counting(monkeypatch, module, name: str) -> Counter[str]:
    """Calls of ``module.name`` per thread kind: "warm-up" or "page"."""
    calls: Counter[str] = Counter()
    real = getattr(module, name)

    def counted(*args, **kwargs):
        who = threading.current_thread().name
        calls["warm-up" if who.startswith(WARM_THREAD) else "page"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def _warm_up_done() -> None:
    for thread in threading.enumerate():
        if thread.name.startswith(WARM_THREAD):
            thread.join(timeout=120)
            assert not thread.is_alive(), "the warm-up did not finish"


def test_the_first_page_prepares_the_next_pages_analysis_and_clouds(monkeypatch):
    store = Store()
    ws = store.create("Warm")
    store.set_source(ws, filename="customers.csv", data=_unseen_data(), options={})
    monkeypatch.setattr(pngcache, "_memory", OrderedDict())  # no picture drawn before
    runs = _counting(monkeypatch, analysis, "run")
    drawn = _counting(monkeypatch, clouds, "cloud")

    at = _app_class()(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["ws"] = ws
    at.run()
    assert not at.exception, at.exception
    _warm_up_done()
    assert runs == {"warm-up": 1}, runs  # analysed while the visitor reads the first page
    assert drawn["warm-up"] >= 1, drawn  # and Commonalities' clouds drawn
    drawn_ahead = drawn["warm-up"]

    at.switch_page("views/best.py")
    at.run()
    assert not at.exception, at.exception
    assert runs["page"] == 0, runs  # Best customers found the analysis ready

    at.switch_page("views/commonalities.py")
    at.run()
    assert not at.exception, at.exception
    assert runs["page"] == 0, runs
    assert drawn == {"warm-up": drawn_ahead}, drawn  # the page drew no cloud of its own
    assert at.get("image"), "the page shows its clouds"
