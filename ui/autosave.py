"""Save text areas while the user types, not only when the box loses focus.

``st.text_area`` sends its value to the server on blur or Ctrl+Enter only;
until then the text lives in the browser, and a refresh, a closed tab or a
killed server loses it.  ``watch`` mounts a tiny invisible component (the
JavaScript in ``ui/assets/autosave.js``, shipped with the app — no CDN)
that listens to typing in the named text areas and, once the typing pauses
for ``DELAY_MS``, hands the text to Python, which saves it at once.
"""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from typing import TypedDict

import streamlit.components.v2 as components

__all__ = ["DELAY_MS", "Typed", "css_class", "watch"]

DELAY_MS = 600  # after the last keystroke; the save itself follows within ~0.1 s
_JS = (Path(__file__).resolve().parent / "assets" / "autosave.js").read_text(encoding="utf-8")
_component = components.component("icp_autosave", js=_JS)


class Typed(TypedDict):
    field: str
    text: str


def css_class(widget_key: str) -> str:
    """The class Streamlit puts on a keyed widget's container (``st-key-`` + key, sanitised)."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", widget_key.strip())


def watch(
    fields: dict[str, str], *, key: str, replace: dict[str, str] | None = None
) -> Typed | None:
    """Watch the text areas whose widget keys are ``fields`` (widget key → field id).

    ``replace`` (widget key → text) puts new text into boxes in the browser
    even while they hold uncommitted typing (a merge from the store); each
    distinct ``replace`` is applied once.  Returns what was typed when this
    run was started by a typing pause (``{"field": id, "text": ...}``), else
    None.  Call it before the text areas are drawn, so the caller may still
    update their session state.
    """
    data: dict[str, object] = {
        "fields": {css_class(k): v for k, v in fields.items()},
        "delay_ms": DELAY_MS,
    }
    if replace:
        data["replace"] = {css_class(k): v for k, v in replace.items()}
        data["nonce"] = secrets.token_hex(8)
    result = _component(key=key, data=data, on_save_change=lambda: None)
    typed = getattr(result, "save", None)
    if not isinstance(typed, dict) or not isinstance(typed.get("text"), str):
        return None
    if typed.get("field") not in fields.values():  # only the boxes this page asked for
        return None
    return Typed(field=typed["field"], text=typed["text"])
