"""PNG images kept by content: a chart or cloud drawn once is never drawn again.

Rasterising the two charts and two word clouds of the PDF takes seconds of
CPU, and the same analysis asks for the same pictures again and again (the
Report page after every change elsewhere, each CLI ``report`` on one file).
The key is a hash of everything the picture depends on (the chart spec or
the word weights, the size, the renderer's version); the bytes live in
memory for this process and in ``<data dir>/cache/png`` for the next one.
The cache is only a shortcut: any error reading or writing it just draws
the picture again.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from icp.datadir import data_dir
from icp.errors import InputError

__all__ = ["cached_png", "code_hash", "version_of"]

_KEEP_MEMORY = 32  # pictures held in this process
_KEEP_DISK = 256  # files kept in the folder (oldest dropped)
_memory: OrderedDict[str, bytes] = OrderedDict()
_lock = threading.Lock()


def _folder() -> Path | None:
    try:
        path = data_dir() / "cache" / "png"
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        return path
    except (OSError, InputError):  # no usable data folder: draw every time, never fail
        return None


def _prune(folder: Path) -> None:
    files = sorted(folder.glob("*.png"), key=lambda p: p.stat().st_mtime)
    for p in files[:-_KEEP_DISK]:
        p.unlink(missing_ok=True)


def cached_png(key: bytes, render: Callable[[], bytes]) -> bytes:
    """The PNG for ``key`` (all the picture depends on), drawn by ``render`` only once."""
    digest = hashlib.blake2b(key, digest_size=20).hexdigest()
    with _lock:
        hit = _memory.get(digest)
        if hit is not None:
            _memory.move_to_end(digest)
            return hit
    folder = _folder()
    path = folder / f"{digest}.png" if folder else None
    data = None
    if path is not None:
        try:
            data = path.read_bytes()  # b"": "nothing to draw", kept like any picture
        except OSError:
            data = None
    if data is None:
        data = render()
        if path is not None:
            try:
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(data)
                tmp.replace(path)
                _prune(path.parent)
            except OSError:
                pass
    with _lock:
        _memory[digest] = data
        while len(_memory) > _KEEP_MEMORY:
            _memory.popitem(last=False)
    return data


@cache
def code_hash() -> str:
    """One hash of icp's own source and texts: a changed chart, format or wording redraws.

    Part of every picture's key, with the versions of the libraries that draw
    it (``version_of``): an upgrade never serves a picture drawn by old code.
    """
    h = hashlib.blake2b(digest_size=16)
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".json", ".toml", ".txt") and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def version_of(package: str) -> str:
    """The installed version of ``package`` ("?" when it is not installed)."""
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"
