"""Projector mode: the theme (the live workshop's clock and screens are in ``ui/workshop.py``).

``apply_theme`` injects our own static CSS (no customer text, ever): every
size in Streamlit is in ``rem``, so raising the root font size to 22 px
scales text, widgets and spacing together; headings, buttons and text areas
get larger still, and colours go to black on white.
"""

from __future__ import annotations

import streamlit as st

__all__ = ["apply_theme", "base_css"]

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
.stApp .icp-clock {
  font-size: 4.4rem; font-weight: 800; line-height: 1; text-align: right;
  font-variant-numeric: tabular-nums; color: #000000;
}
.stApp .icp-clock.running { color: #004f8c; }
.stApp .icp-clock.over { color: #b00020; }
.stApp .icp-clock-note { font-size: 1.1rem; text-align: right; color: #b00020; font-weight: 700; }
[data-testid="stDecoration"] { display: none !important; }
</style>
"""

# Outside projector mode the counter and the clock still need a readable size.
_BASE_CSS = """
<style>
.icp-counter { font-size: 1.6rem; font-weight: 800; line-height: 1.1; }
.icp-clock { font-size: 2.6rem; font-weight: 800; line-height: 1; text-align: right;
  font-variant-numeric: tabular-nums; }
.icp-clock.running { color: #0072B2; }
.icp-clock.over { color: #b00020; }
.icp-clock-note { text-align: right; color: #b00020; font-weight: 700; }
</style>
"""


def apply_theme() -> None:
    """Big, high-contrast type for a projector (static CSS, no customer text)."""
    st.html(_CSS)


def base_css() -> None:
    """The sizes of the step counter and the clock when presentation mode is off."""
    st.html(_BASE_CSS)
