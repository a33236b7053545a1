"""Pages that need an analysis show its reason, not a traceback, when the data cannot be ranked."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from icp.store import Store

ROOT = Path(__file__).resolve().parent.parent
# Names and one category only: nothing to rank customers by, no outcome column.
NOTHING_TO_RANK = "Company,Industry\n" + "".join(
    f"Firm {i},{['Retail', 'Food'][i % 2]}\n" for i in range(40)
)


@pytest.mark.parametrize(
    "page", ["best", "commonalities", "prospects", "report", "icp_builder", "present"]
)
def test_unrankable_data_gives_a_message_on_every_page(page: str):
    st.cache_resource.clear()  # a Store bound to this test's ICP_DATA_DIR
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    ws = at.query_params["ws"]
    ws = ws if isinstance(ws, str) else ws[0]
    Store().set_source(ws, filename="names.csv", data=NOTHING_TO_RANK.encode(), options={})
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    if page in ("best", "commonalities", "prospects", "report"):
        shown = " ".join(e.value for e in [*at.error, *at.info])
        assert "rank" in shown.lower() or "column" in shown.lower(), shown
