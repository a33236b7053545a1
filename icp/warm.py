"""Start importing what the analysis needs while the file is still being read.

Its own small module (not ``icp.analysis``) so that a caller can start the
warm-up *before* importing the analysis: the analysis loads scipy.special on
its first p-value (``icp.pvalues``), and doing that in the main thread would
make it wait for the import instead of overlapping it with the parse.
"""

from __future__ import annotations

import threading

__all__ = ["warm_up"]


def _warm(chinese: bool) -> None:
    import scipy.special  # noqa: F401  # lazy: startup speed

    if chinese:
        from icp import zhdict  # lazy: startup speed (jieba)

        zhdict.tokenizer()  # jieba and its dictionary's index; entries load as text needs them


def warm_up(*, chinese: bool = False) -> threading.Thread:
    """Start loading what ``icp.analysis.run`` needs (scipy.special) in the background.

    A command-line run calls this before reading the file: the workbook
    parser releases the GIL, so the imports overlap the parse instead of
    following it.  jieba (~0.4 s) is loaded too only when the caller saw
    Chinese text in the file: an English list never pays for it.
    Returns the (daemon) thread; joining it is optional.
    """
    thread = threading.Thread(target=_warm, args=(chinese,), name="icp-warm-up", daemon=True)
    thread.start()
    return thread
