"""Our own sample files: the one kind of input read without the limited worker.

Every file a user hands over (upload, CLI argument) is untrusted: it is
parsed in ``icp.worker``'s child process, under memory, CPU and wall-clock
caps.  The three samples we ship are our files, so bytes with the same
SHA-256 as one of them are parsed in the calling process instead — no
worker start and no second pandas/pyarrow import (about 1–1.5 s of CPU),
for the app's first page and the CLI alike.  One byte different and it is a
user's file again.  The app (``ui.state``) and the CLI share this one rule.
"""

from __future__ import annotations

import contextlib
import hashlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from icp import worker

if TYPE_CHECKING:
    from icp.dataset import Dataset

__all__ = ["ROOT", "SAMPLES", "is_bundled", "open_dataset"]

ROOT = Path(__file__).resolve().parent.parent
SAMPLES: dict[str, str] = {
    "saas_en": "sample_data/saas_customers_en.xlsx",
    "equipment_zh": "sample_data/equipment_customers_zh.xlsx",
    "study_zh": "sample_data/study_abroad_zh.csv",
}
MAX_SAMPLE_BYTES = 1 << 20  # ours are ~40 kB; anything larger is not worth hashing


@cache
def _digests() -> frozenset[str]:
    found = set()
    for rel in SAMPLES.values():
        with contextlib.suppress(OSError):  # an install without the samples trusts nothing
            found.add(hashlib.sha256((ROOT / rel).read_bytes()).hexdigest())
    return frozenset(found)


def is_bundled(data: bytes) -> bool:
    """Whether ``data`` is byte for byte one of the samples we ship."""
    return len(data) <= MAX_SAMPLE_BYTES and hashlib.sha256(data).hexdigest() in _digests()


def open_dataset(src: bytes | Path, **kwargs: Any) -> Dataset:
    """``icp.dataset.open_dataset``: in-process for a bundled sample, else in the worker.

    ``src`` is the file's bytes or a local path.  A path is read once here and
    the bytes that were hashed are the bytes parsed (a file changed meanwhile
    cannot slip past the check).  A second file (``deals=``) always sends the
    read to the worker.  Same arguments and same result either way; ``fork``,
    ``started`` and ``scanned`` are the worker's (``started`` is called here
    too, before an in-process read).
    """
    fork, started = kwargs.pop("fork", False), kwargs.pop("started", None)
    scanned = kwargs.pop("scanned", None)
    if kwargs.get("deals") is None:
        data = src
        if isinstance(src, Path) and src.stat().st_size <= MAX_SAMPLE_BYTES:
            data = src.read_bytes()
            kwargs.setdefault("filename", src.name)
        if isinstance(data, bytes) and is_bundled(data):
            from icp.dataset import open_dataset as in_process  # lazy: startup speed (pandas)

            if started is not None:
                started()
            return in_process(data, **kwargs)
    return worker.open_dataset(src, fork=fork, started=started, scanned=scanned, **kwargs)
