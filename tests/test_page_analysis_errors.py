"""Pages that need an analysis show its reason, not a traceback, when the data cannot be ranked."""

from __future__ import annotations

import pytest

# Names and one category only: nothing to rank customers by, no outcome column.
NOTHING_TO_RANK = "Company,Industry\n" + "".join(
    f"Firm {i},{['Retail', 'Food'][i % 2]}\n" for i in range(40)
)


@pytest.mark.parametrize(
    "page", ["best", "commonalities", "prospects", "report", "icp_builder", "present"]
)
def test_unrankable_data_gives_a_message_on_every_page(page: str, app_test):
    def setup(store, ws):
        store.set_source(ws, filename="names.csv", data=NOTHING_TO_RANK.encode(), options={})

    at = app_test(page, setup=setup)  # fails if the page raised
    if page in ("best", "commonalities", "prospects", "report"):
        shown = " ".join(e.value for e in [*at.error, *at.info])
        assert "rank" in shown.lower() or "column" in shown.lower(), shown
