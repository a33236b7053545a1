"""The optional access key: asked for once per browser before any workspace is shown.

A server reachable by people who should not see every workspace sets
``ICP_ACCESS_KEY`` (or ``access_key`` in ``.streamlit/secrets.toml``).  The
app then shows only a key form until the right key is typed; afterwards a
cookie holding a token derived from the key (an HMAC, so the cookie never
contains the key and stops working when the key changes) lets this browser
in on later visits.  Without a key configured the app is open, as on a
laptop.  Workshop phones (``/join?code=…``) are let in by their join code
alone and never reach this check.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

import streamlit as st
import streamlit.components.v2 as components

__all__ = ["COOKIE", "configured_key", "granted", "remember", "token", "try_key"]

COOKIE = "icp_access"
_SESSION = "app.access_ok"
_MAX_AGE_S = 180 * 24 * 3600  # half a year: once per browser, not once per visit
_JS = (Path(__file__).resolve().parent / "assets" / "access_cookie.js").read_text(encoding="utf-8")
_cookie = components.component("icp_access_cookie", js=_JS)


def configured_key() -> str | None:
    """The access key from ``ICP_ACCESS_KEY``, else from Streamlit secrets; None = open."""
    key = os.environ.get("ICP_ACCESS_KEY", "").strip()
    if key:
        return key
    try:
        value = st.secrets.get("access_key")
    except Exception:  # no secrets file (the usual case) or an unreadable one: no key there
        return None
    return str(value).strip() or None if value is not None else None


def token(key: str) -> str:
    """What the cookie holds: proves the key was typed here without storing the key."""
    return hmac.new(key.encode("utf-8"), b"icp-workbench-access", hashlib.sha256).hexdigest()


def granted() -> bool:
    """True when no key is configured, the key was typed in this session, or this
    browser's cookie carries the token of the current key."""
    key = configured_key()
    if key is None or st.session_state.get(_SESSION):
        return True
    cookie = (st.context.cookies or {}).get(COOKIE) or ""
    if hmac.compare_digest(cookie.encode(), token(key).encode()):
        st.session_state[_SESSION] = True
        return True
    return False


def try_key(typed: str) -> bool:
    """Check a typed key (constant time); on success the session is let in."""
    key = configured_key()
    ok = key is not None and hmac.compare_digest(typed.strip().encode(), key.encode())
    if ok:
        st.session_state[_SESSION] = True
        st.session_state["app.access_remember"] = True
    return ok


def remember() -> None:
    """After the key was typed in this session: set the cookie in this browser.

    Drawn on every run of that session (an invisible element), so the cookie
    is set even if the first run after the key is cut short by a rerun.
    """
    key = configured_key()
    if key is not None and st.session_state.get("app.access_remember"):
        _cookie(
            key="app.access_cookie",
            data={"name": COOKIE, "token": token(key), "max_age": _MAX_AGE_S},
        )
