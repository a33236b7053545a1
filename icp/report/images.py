"""The report's pictures as PNG bytes: charts and the two word clouds.

Drawn at the size the PDF prints them and kept by content (``icp.pngcache``),
so the same analysis never rasterises the same picture twice.

A chart is keyed on what it is drawn from (the KPI values or traits, the
language, the mode) plus the versions of everything that turns those into
pixels: this package's own source (one hash of icp/'s code and texts, so an
upgrade redraws), altair, vl-convert and the wordcloud library.  Keying on
the inputs rather than on the finished Vega-Lite spec means a picture found
in the cache costs no altair import and no spec building (~0.7 s of a cold
``icp report``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from icp import charts, clouds
from icp.pngcache import cached_png
from icp.report.summary import Summary

# Each cloud gets half the text width (~87 mm): 512 x 320 px is ~150 dpi there.
_CLOUD_SIZE = (512, 320)


def pictures(summary: Summary, *, scale: float = 1.5) -> dict[str, bytes | None]:
    """PNG bytes of the KPI chart, the trait chart and the two word clouds of ``summary``
    (keys ``kpi``, ``traits``, ``cloud_best``, ``cloud_rest``; None where there is nothing
    to draw).

    Drawn at the size the PDF prints them and kept by content (``pngcache``):
    the same analysis never rasterises the same picture twice.
    """
    lang, outcome = summary.lang, summary.outcome
    kpis = dict(summary.kpi_values)
    traits = list(summary.traits)
    out: dict[str, bytes | None] = {}
    kept = summary.kept
    out["kpi"] = _chart_png(
        ("kpi", kpis, lang, outcome, kept),
        lambda: charts.kpi_bars(kpis, lang=lang, outcome=outcome, kept=kept),
        scale,
    )
    out["traits"] = (
        _chart_png(
            ("traits", traits, lang, outcome, kept),
            lambda: charts.trait_bars(traits, lang=lang, outcome=outcome, kept=kept),
            scale,
        )
        if traits
        else None
    )
    out["cloud_best"] = _cloud_png(summary.cloud_best, "best")
    out["cloud_rest"] = _cloud_png(summary.cloud_rest, "rest")
    return out


def _chart_png(inputs: tuple, build: Callable[[], Any], scale: float) -> bytes | None:
    """The chart ``build()`` makes from ``inputs`` as PNG (None: nothing to draw)."""

    def render() -> bytes:
        chart = build()
        return charts.to_png(chart, scale=scale) if chart is not None else b""

    # repr: the inputs are frozen dataclasses, strings and numbers — exact and stable
    key = f"chart|{_code()}|{_version('altair')}|{_version('vl-convert-python')}|{scale}|"
    return cached_png((key + repr(inputs)).encode(), render) or None


def _cloud_png(freqs: Mapping[str, float], palette: str) -> bytes | None:
    def render() -> bytes:
        width, height = _CLOUD_SIZE
        img = clouds.cloud(dict(freqs), palette=palette, width=width, height=height)
        return clouds.png_bytes(img) if img is not None else b""

    words = json.dumps(sorted((str(w), float(f)) for w, f in freqs.items()), ensure_ascii=False)
    key = f"cloud|{_code()}|{_version('wordcloud')}|{palette}|{_CLOUD_SIZE}|{words}"
    return cached_png(key.encode(), render) or None


@cache
def _code() -> str:
    """One hash of icp's own source and texts: a changed chart, format or wording redraws."""
    h = hashlib.blake2b(digest_size=16)
    root = Path(__file__).resolve().parent.parent
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".json", ".toml", ".txt") and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"
