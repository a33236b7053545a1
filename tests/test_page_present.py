"""AppTest of the Present page: step counter, Next / Previous, live answers, the timer."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from icp.store import Store
from ui import present
from ui.builder import answer_key

ROOT = Path(__file__).resolve().parent.parent


def _open(*, presenting: bool = True) -> AppTest:
    st.cache_resource.clear()  # a Store bound to this test's ICP_DATA_DIR
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.session_state["app.present"] = presenting
    at.run()
    at.switch_page("views/present.py")
    at.run()
    assert not at.exception, at.exception
    return at


def _ws(at: AppTest) -> str:
    ws = at.query_params["ws"]
    return ws if isinstance(ws, str) else ws[0]


def _shown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.fixture
def room() -> AppTest:
    return _open()


def test_opening_screens_show_the_data_then_the_steps(room):
    at = room
    assert "Data 1 / 3" in _shown(at)
    assert at.header[0].value == "Our best customers"
    assert at.table  # the best customers, big enough for the room
    assert "Northwind Manufacturing LLC" in str(at.table[0].value)
    at.button(key="present.next").click().run()
    assert "Data 2 / 3" in _shown(at)
    at.button(key="present.next").click().run()
    assert not at.exception, at.exception
    assert "Data 3 / 3" in _shown(at)
    assert len(at.get("image")) == 2  # the two word clouds
    at.button(key="present.next").click().run()
    assert "S1 / 7" in _shown(at)
    assert at.subheader[0].value == "S1 · Your best customers today"


def test_next_moves_to_s2_and_a_typed_answer_is_saved(room):
    at = room
    at.toggle(key="present.openings").set_value(False).run()
    assert "S1 / 7" in _shown(at)
    at.button(key="present.next").click().run()
    assert not at.exception, at.exception
    assert "S2 / 7" in _shown(at)
    assert at.subheader[0].value.startswith("S2 ·")

    key = answer_key("S2", "industry")
    at.text_area(key=key).input("Mid-size manufacturers").run()
    assert not at.exception, at.exception
    assert Store().answers(_ws(at))["S2"]["industry"] == "Mid-size manufacturers"

    at.button(key="present.prev").click().run()
    assert "S1 / 7" in _shown(at)
    assert Store().get_value(_ws(at), "ui.present.screen") == "S1"  # a refresh comes back here


def test_timer_starts_pauses_and_resets(room):
    at = room
    assert "10:00" in _shown(at)
    at.number_input(key="present.minutes").set_value(3).run()
    assert "03:00" in _shown(at)
    at.button(key="present.timer.go").click().run()
    assert not at.exception, at.exception
    saved = Store().get_value(_ws(at), "ui.present.timer")
    assert saved["seconds"] == 180 and saved["started"] is not None
    assert at.button(key="present.timer.go").label == "Pause"
    at.button(key="present.timer.go").click().run()
    assert Store().get_value(_ws(at), "ui.present.timer")["started"] is None
    assert at.button(key="present.timer.go").label == "Resume"
    at.button(key="present.timer.reset").click().run()
    assert "03:00" in _shown(at)
    assert at.button(key="present.timer.go").label == "Start"


def test_remaining_counts_wall_clock_time():
    now = time.time()
    assert present.remaining({"seconds": 60, "spent": 10, "started": None}, now) == 50
    assert present.remaining({"seconds": 60, "spent": 10, "started": now - 20}, now) == 30


def test_present_page_without_presentation_mode_offers_to_start():
    at = _open(presenting=False)
    assert at.title[0].value == "Workshop"
    at.button(key="present.on").click().run()
    assert not at.exception, at.exception
    assert at.session_state["app.present"] is True
    assert Store().get_value(_ws(at), "ui.present") is True
