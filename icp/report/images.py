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

from collections.abc import Callable, Mapping
from typing import Any

from icp import charts, clouds
from icp.pngcache import cached_png, code_hash, version_of
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
    key = f"chart|{code_hash()}|{version_of('altair')}|{version_of('vl-convert-python')}|{scale}|"
    return cached_png((key + repr(inputs)).encode(), render) or None


def _cloud_png(freqs: Mapping[str, float], palette: str) -> bytes | None:
    width, height = _CLOUD_SIZE
    return clouds.cloud_png(freqs, palette=palette, width=width, height=height)
