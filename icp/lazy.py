"""A module that is imported on first use: for heavy libraries a module needs
only inside some functions (``scipy.stats`` takes ~0.5 s to import).

Why not a function-local ``import``: the module keeps one module-level name
(``stats.hypergeom…`` reads as before) and the import graph stays honest —
``icp.traits`` can be imported by ``icp.analysis`` at the top without making
every app page pay for scipy before it needs a statistic.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

__all__ = ["lazy_module"]


class _LazyModule:
    """Stands in for a module; the real import runs on the first attribute read.

    ``importlib.import_module`` holds the import lock, so two threads (the
    CLI's warm-up and the analysis) never import it twice.
    """

    def __init__(self, name: str) -> None:
        self._name = name

    def _load(self) -> ModuleType:
        return importlib.import_module(self._name)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._load(), attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


def lazy_module(name: str) -> Any:
    """``stats = lazy_module("scipy.stats")``: import on first use (lazy: startup speed)."""
    return _LazyModule(name)
