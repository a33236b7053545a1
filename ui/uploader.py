"""A file uploader whose own words follow the page's language.

Streamlit draws the uploader's button ("Upload") and its limits line ("50MB per
file • XLSX, CSV") in English, with no parameter to change them (streamlit issue
13500), so a Chinese page showed them in English.  For any other language than
English, a style scoped to the widget's key class hides those two texts and draws
ours in their place, at the same size and colour.  Only our own strings reach the
style — never a file name or customer text — written as CSS strings with quotes and
backslashes escaped.
"""

from __future__ import annotations

from typing import Any, Literal

import streamlit as st

from icp.i18n import Lang, t
from ui import state
from ui.autosave import css_class

__all__ = ["chrome_css", "file_uploader"]

_DROPZONE = "[data-testid='stFileUploaderDropzone']"
_BUTTON_TEXT = f"{_DROPZONE} button [data-testid='stMarkdownContainer'] p"
_LIMIT_TEXT = "[data-testid='stFileUploaderDropzoneInstructions'] span"


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal (a style cannot be closed from inside one)."""
    body = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + body.replace("<", "\\3c ") + '"'


def chrome_css(key: str, types: list[str], max_mb: int, lang: Lang) -> str:
    """The style that writes uploader ``key``'s button and limits line in ``lang``."""
    scope = "." + css_class(key)
    button = t("ui.uploader.button", lang)
    limit = t("ui.uploader.limit", lang, mb=max_mb, types=", ".join(x.upper() for x in types))
    rules = [
        # the button: ours over the hidden word, which keeps the button's width and size
        f"{scope} {_BUTTON_TEXT} {{ visibility: hidden; position: relative; }}",
        f"{scope} {_BUTTON_TEXT}::after {{ content: {_css_string(button)}; visibility: visible;"
        " position: absolute; left: 0; top: 0; white-space: nowrap; }",
        # the limits line may be longer than the English one: it replaces it in the flow
        # (the line's own size is the theme's small text, 0.875rem, in both modes)
        f"{scope} {_LIMIT_TEXT} {{ font-size: 0; }}",
        f"{scope} {_LIMIT_TEXT}::after {{ content: {_css_string(limit)}; font-size: 0.875rem; }}",
    ]
    return "<style>\n" + "\n".join(rules) + "\n</style>"


def file_uploader(
    label: str,
    *,
    types: list[str],
    key: str,
    max_mb: int,
    help: str | None = None,
    label_visibility: Literal["visible", "hidden", "collapsed"] = "visible",
) -> Any:
    """``st.file_uploader`` with its button and limits line in the page's language."""
    upload = st.file_uploader(
        label,
        type=types,
        key=key,
        max_upload_size=max_mb,
        help=help,
        label_visibility=label_visibility,
    )
    lang = state.lang()
    if lang != "en":
        st.html(chrome_css(key, types, max_mb, lang))
    return upload
