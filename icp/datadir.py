"""Where the app keeps its files: ``$ICP_DATA_DIR``, else ``~/.icp-workbench``.

Its own small module (``icp.store`` re-exports it) so that a caller that
only needs the folder — the picture cache of a command-line ``report`` — does
not import the store and, with it, the backup format's pydantic models
(~0.5 s of a cold start).
"""

from __future__ import annotations

import os
from pathlib import Path

from icp.errors import InputError

__all__ = ["data_dir", "make_private_dir"]


def data_dir() -> Path:
    """The folder that holds ``workbench.db``: ``$ICP_DATA_DIR``, else ``~/.icp-workbench``.

    Created if missing (owner-only, 0700: it holds customer data), so callers
    can write into it straight away.
    """
    env = os.environ.get("ICP_DATA_DIR", "").strip()
    path = Path(env).expanduser() if env else Path.home() / ".icp-workbench"
    make_private_dir(path)
    return path


def make_private_dir(path: Path) -> None:
    """Create ``path`` as 0700; a folder that already exists keeps its permissions."""
    try:
        if not path.is_dir():
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
            path.chmod(0o700)  # mkdir's mode is filtered by the umask
    except OSError as exc:
        text = str(exc) or type(exc).__name__
        detail = text if len(text) <= 200 else text[:199] + "…"
        raise InputError("store.cannot_open", path=str(path), detail=detail) from None
