"""The report's pictures as PNG bytes: charts and the two word clouds.

Drawn at the size the PDF prints them and kept by content (``icp.pngcache``),
so the same analysis never rasterises the same picture twice.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version
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
    out: dict[str, bytes | None] = {}
    out["kpi"] = None
    kpi = charts.kpi_bars(dict(summary.kpi_values), lang=lang, outcome=outcome, kept=summary.kept)
    if kpi is not None:
        out["kpi"] = _chart_png(kpi, scale)
    out["traits"] = (
        _chart_png(
            charts.trait_bars(list(summary.traits), lang=lang, outcome=outcome, kept=summary.kept),
            scale,
        )
        if summary.traits
        else None
    )
    out["cloud_best"] = _cloud_png(summary.cloud_best, "best")
    out["cloud_rest"] = _cloud_png(summary.cloud_rest, "rest")
    return out


def _chart_png(chart: Any, scale: float) -> bytes:
    spec = json.dumps(chart.to_dict(), sort_keys=True, ensure_ascii=False, default=str)
    key = f"chart|{_version('vl-convert-python')}|{charts.FAMILY}|{scale}|{spec}"
    return cached_png(key.encode(), lambda: charts.to_png(chart, scale=scale))


def _cloud_png(freqs: Mapping[str, float], palette: str) -> bytes | None:
    def render() -> bytes:
        width, height = _CLOUD_SIZE
        img = clouds.cloud(dict(freqs), palette=palette, width=width, height=height)
        return clouds.png_bytes(img) if img is not None else b""

    words = json.dumps(sorted((str(w), float(f)) for w, f in freqs.items()), ensure_ascii=False)
    key = f"cloud|{_version('wordcloud')}|{palette}|{_CLOUD_SIZE}|{words}"
    return cached_png(key.encode(), render) or None


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"
