"""Next / Previous buttons that move once per press and keep keyboard focus.

Streamlit calls a button's callback with the arguments of the server's *latest* run. A
Next pressed twice before a slow server has redrawn (a double click, a projector laptop
under load) would therefore arrive the second time as "Next from the screen already
shown" and skip one. So the buttons are new widgets on each screen (their key names the
screen): a press of the button the browser still shows names a widget the server no
longer has and is dropped. A new widget is a new DOM element, which would drop keyboard
focus to the page on every press; ``ui/assets/keep_focus.js`` (our own, shipped with the
app) gives focus back to the button with the same label in the same box.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_JS = (Path(__file__).resolve().parent / "assets" / "keep_focus.js").read_text(encoding="utf-8")
NAV_PREFIX = "icp-nav"  # containers keyed with this prefix keep their buttons' focus


def keep_focus() -> None:
    """Load the focus keeper once per page (it installs itself only once per document)."""
    st.html(f"<script>{_JS}</script>", unsafe_allow_javascript=True)
