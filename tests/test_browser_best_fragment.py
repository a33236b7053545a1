"""Best customers' weights and N rerun only their part of the page (``st.fragment``) —
and that part never shows a data set that has been replaced meanwhile.

A weight slider moved in the browser reruns just the ranked part; it reads
the analysis afresh, and if the workspace's file changed since the page was
drawn (another tab, another person) the whole page is drawn again for the
new file.  Uses the helpers of ``test_browser_journey``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_browser_journey import (
    act,
    assert_no_crash,
    eventually,
    new_workspace,
    open_app,
    settled,
)

from icp.analysis import run
from icp.dataset import open_dataset
from icp.i18n import t
from icp.model import Settings
from icp.store import Store

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
EQUIPMENT = ROOT / "sample_data" / "equipment_customers_zh.xlsx"


def _open_best(page, srv, ws: str) -> None:
    open_app(page, srv, ws, "best")
    page.get_by_role("heading", level=1, name=t("analysis.page.title", "en")).wait_for()
    settled(page)


def _nudge_first_weight(page) -> None:
    thumb = page.get_by_role("slider").nth(1)  # 0 is N; then the weights
    thumb.focus()
    act(page, lambda: thumb.press("ArrowRight"))


def _kpi_texts(srv, ws: str) -> list[str]:
    """The best-side KPI values the page should show for the stored file and settings."""
    store = Store(srv.data_dir)
    filename, data, _ = store.get_source(ws)
    ds = open_dataset(data, filename=filename)
    result = run(ds, Settings.from_dict(store.get_value(ws, "settings")))
    return [k.show(k.best) for k in result.kpis.values()]


def test_a_weight_change_is_saved_and_redraws_then_a_file_replaced_meanwhile_is_shown(pg, server):
    """One page load for both: a weight moved is saved and the ranked part shows the
    stored file and settings; then another tab replaces the file while this page stays
    open, and the next weight move shows the new file's figures, not the old ones."""
    ws = new_workspace(server, "fragment weights")
    _open_best(pg, server, ws)
    _nudge_first_weight(pg)
    saved = eventually(
        lambda: (Store(server.data_dir).get_value(ws, "settings") or {}).get("weights"),
        "the new weight saved",
    )
    assert sorted(set(saved.values())) != [1.0]  # one weight moved off the default
    before = _kpi_texts(server, ws)
    for text in before:
        expect(pg.get_by_test_id("stMetric").filter(has_text=text).first).to_be_visible()
    assert_no_crash(pg)

    # another tab replaces the file while this page stays open
    Store(server.data_dir).set_source(
        ws, filename=EQUIPMENT.name, data=EQUIPMENT.read_bytes(), options={}
    )
    _nudge_first_weight(pg)
    settled(pg)
    after = _kpi_texts(server, ws)
    assert after != before  # the two files do differ
    for text in after:
        expect(pg.get_by_test_id("stMetric").filter(has_text=text).first).to_be_visible()
    assert_no_crash(pg)
