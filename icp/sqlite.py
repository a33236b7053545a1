"""One way to open the workspace database, shared by ``icp.store`` and ``icp.workshop``.

Both write to the same ``workbench.db`` from many threads and processes (a
browser tab per person, thirty phones in a workshop), so every connection
must wait for a writer rather than fail (busy timeout), keep the foreign
keys that cascade a deleted workspace, and flush each commit to disk before
saying it is saved (``synchronous = FULL``: what was typed survives a power
cut).  One function, so the two modules can never drift apart on these.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

__all__ = ["BUSY_TIMEOUT_S", "connect"]

BUSY_TIMEOUT_S = 30.0  # a writer waits this long for another before giving up


def connect(path: str | Path, *, shared: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (callers run their own ``BEGIN``/``COMMIT``).

    ``shared``: the connection may be handed between threads (a pool that
    guarantees one user at a time); otherwise sqlite3's same-thread check stays on.
    """
    con = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=not shared
    )
    con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("PRAGMA synchronous = FULL")
    return con
