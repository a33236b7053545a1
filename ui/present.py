"""Workshop (projector) mode: the theme, the screen list and the step timer.

``apply_theme`` injects our own static CSS (no customer text, ever): every
size in Streamlit is in ``rem``, so raising the root font size to 22 px
scales text, widgets and spacing together; headings, buttons and text areas
get larger still, and colours go to black on white.

The timer is counted from wall-clock timestamps kept in session state and
in the workspace store (``state.set_ui("present.timer")``), so a refresh,
a second browser tab or a sleeping laptop shows the right time; only the
clock re-renders every second (``st.fragment(run_every=1)``).
"""

from __future__ import annotations

import math
import time
from typing import Any

import streamlit as st

from icp import builders
from ui import state

__all__ = [
    "OPENINGS",
    "apply_theme",
    "base_css",
    "counter",
    "minutes_input",
    "remaining",
    "screen_label",
    "screens",
    "timer",
    "turn_off",
    "turn_on",
]

OPENINGS: tuple[str, ...] = ("best", "traits", "clouds")
_TIMER_KEY = "present.timer"
_DEFAULT_MINUTES = 10

_CSS = """
<style>
html { font-size: 22px !important; }
.stApp, .stApp p, .stApp li, .stApp label, .stApp td, .stApp th { color: #000000; }
.stApp [data-testid="stMarkdownContainer"] p,
.stApp [data-testid="stMarkdownContainer"] li { font-size: 1.15rem; line-height: 1.5; }
.stApp h1 { font-size: 3.2rem !important; font-weight: 800 !important; }
.stApp h2 { font-size: 2.5rem !important; font-weight: 800 !important; }
.stApp h3 { font-size: 2.1rem !important; font-weight: 800 !important; }
.stApp [data-testid="stCaptionContainer"], .stApp [data-testid="stCaptionContainer"] * {
  color: #222222 !important; font-size: 0.95rem !important; opacity: 1 !important;
}
.stApp [data-testid="stText"], .stApp [data-testid="stText"] * { color: #000000 !important; }
.stApp [data-testid="stMainBlockContainer"] { padding-top: 4.5rem !important; }
.stApp [data-testid="stHeader"] { background: transparent !important; }
.stApp textarea, .stApp input {
  font-size: 1.2rem !important; color: #000000 !important;
  border: 2px solid #000000 !important; background: #ffffff !important;
}
.stApp .stButton button, .stApp .stDownloadButton button,
.stApp [data-testid="stPopover"] button {
  font-size: 1.1rem !important; min-height: 2.6rem; border: 2px solid #000000 !important;
  font-weight: 700 !important;
}
.stApp .stButton button[kind="primary"], .stApp .stDownloadButton button[kind="primary"] {
  background: #004f8c !important; border-color: #004f8c !important; color: #ffffff !important;
}
.stApp .stButton button[kind="primary"] *,
.stApp .stDownloadButton button[kind="primary"] * { color: #ffffff !important; }
.stApp .st-key-icp-nav .stButton button { min-height: 3.6rem; font-size: 1.5rem !important; }
.stApp table { font-size: 1.1rem; }
.stApp .icp-counter { font-size: 2.4rem; font-weight: 800; line-height: 1.1; color: #000; }
.stApp .icp-timer {
  font-size: 4.4rem; font-weight: 800; line-height: 1; text-align: right;
  font-variant-numeric: tabular-nums; color: #000000;
}
.stApp .icp-timer.running { color: #004f8c; }
.stApp .icp-timer.up { color: #b00020; }
.stApp .icp-timer-note { font-size: 1.1rem; text-align: right; color: #b00020; font-weight: 700; }
[data-testid="stDecoration"] { display: none !important; }
</style>
"""

# Outside projector mode the counter and the clock still need a readable size.
_BASE_CSS = """
<style>
.icp-counter { font-size: 1.6rem; font-weight: 800; line-height: 1.1; }
.icp-timer { font-size: 2.6rem; font-weight: 800; line-height: 1; text-align: right;
  font-variant-numeric: tabular-nums; }
.icp-timer.running { color: #0072B2; }
.icp-timer.up { color: #b00020; }
.icp-timer-note { text-align: right; color: #b00020; font-weight: 700; }
</style>
"""


def apply_theme() -> None:
    """Big, high-contrast type for a projector (static CSS, no customer text)."""
    st.html(_CSS)


def base_css() -> None:
    """The sizes of the step counter and the clock when presentation mode is off."""
    st.html(_BASE_CSS)


# ---------------------------------------------------------------- screens


def screens(*, openings: bool) -> list[str]:
    """Screen ids in order: the optional data openings, then S1–S7 and P1–P7."""
    steps = [s.id for s in (*builders.ICP_STEPS, *builders.PERSONA_STEPS)]
    return [*OPENINGS, *steps] if openings else steps


def counter(screen: str) -> str:
    """ "S3 / 7", "P1 / 7" or "Data 2 / 3" for ``screen``."""
    if screen in OPENINGS:
        return state.tr("present.counter.opening", i=OPENINGS.index(screen) + 1, n=len(OPENINGS))
    group = builders.ICP_STEPS if screen.startswith("S") else builders.PERSONA_STEPS
    return state.tr("present.counter.step", id=screen, n=len(group))


def screen_label(screen: str) -> str:
    if screen in OPENINGS:
        return state.tr(f"present.screen.{screen}")
    step = builders.STEPS[screen]
    return state.tr("present.screen.step", id=screen, title=state.tr(step.title_key))


def turn_on() -> None:
    st.session_state["app.present"] = True
    state.set_ui("present", True)


def turn_off() -> None:
    st.session_state["app.present"] = False
    state.set_ui("present", False)


# ---------------------------------------------------------------- timer


def _timer() -> dict[str, Any]:
    """The timer: {"seconds": length, "spent": seconds used before the last start,
    "started": epoch of the last start or None while paused}."""
    if _TIMER_KEY not in st.session_state:
        saved = state.get_ui(_TIMER_KEY) or {}
        st.session_state[_TIMER_KEY] = {
            "seconds": int(saved.get("seconds", _DEFAULT_MINUTES * 60)),
            "spent": float(saved.get("spent", 0.0)),
            "started": saved.get("started"),
        }
    return st.session_state[_TIMER_KEY]


def _store(value: dict[str, Any]) -> None:
    st.session_state[_TIMER_KEY] = dict(value)
    state.set_ui(_TIMER_KEY, dict(value))


def remaining(value: dict[str, Any], now: float | None = None) -> float:
    """Seconds left on the timer ``value`` at ``now`` (negative once time is up)."""
    now = time.time() if now is None else now
    spent = float(value.get("spent", 0.0))
    if value.get("started") is not None:
        spent += max(0.0, now - float(value["started"]))
    return float(value.get("seconds", 0)) - spent


def _start_pause() -> None:
    value = dict(_timer())
    if value["started"] is None:
        if remaining(value) <= 0:
            value["spent"] = 0.0
        value["started"] = time.time()
    else:
        value["spent"] += max(0.0, time.time() - float(value["started"]))
        value["started"] = None
    _store(value)


def _reset() -> None:
    value = dict(_timer())
    _store({"seconds": value["seconds"], "spent": 0.0, "started": None})


def _set_minutes() -> None:
    minutes = int(st.session_state["present.minutes"])
    _store({"seconds": minutes * 60, "spent": 0.0, "started": None})


def _fmt(seconds: float) -> str:
    s = max(0, math.ceil(seconds))
    return f"{s // 60:02d}:{s % 60:02d}"


def timer() -> None:
    """The clock for the room (ticks every second while running) and its controls."""
    tr = state.tr
    value = _timer()
    running = value["started"] is not None

    @st.fragment(run_every=1 if running else None)
    def clock() -> None:
        current = _timer()
        left = remaining(current)
        cls = "up" if left <= 0 else ("running" if current["started"] is not None else "")
        # Our own markup around digits only: never customer text.
        st.markdown(
            f'<div class="icp-timer {cls}" role="timer" aria-label="{tr("present.timer.label")}">'
            f"{_fmt(left)}</div>",
            unsafe_allow_html=True,
        )
        if left <= 0:
            st.markdown(
                f'<div class="icp-timer-note">{tr("present.timer.up")}</div>',
                unsafe_allow_html=True,
            )
            if current["started"] is not None:  # stop at zero and stop ticking
                _store(
                    {"seconds": current["seconds"], "spent": current["seconds"], "started": None}
                )
                st.rerun(scope="app")

    clock()
    start, reset = st.columns(2)
    if running:
        label, icon = tr("present.timer.pause"), ":material/pause:"
    elif value["spent"] > 0 and remaining(value) > 0:
        label, icon = tr("present.timer.resume"), ":material/play_arrow:"
    else:
        label, icon = tr("present.timer.start"), ":material/play_arrow:"
    start.button(label, key="present.timer.go", icon=icon, on_click=_start_pause, width="stretch")
    reset.button(
        tr("present.timer.reset"),
        key="present.timer.reset",
        icon=":material/replay:",
        on_click=_reset,
        width="stretch",
    )


def minutes_input() -> None:
    """The facilitator's timer length (changing it resets the clock)."""
    st.session_state.setdefault("present.minutes", max(1, int(_timer()["seconds"] // 60)))
    st.number_input(
        state.tr("present.timer.minutes"),
        min_value=1,
        max_value=180,
        step=1,
        key="present.minutes",
        on_change=_set_minutes,
    )
