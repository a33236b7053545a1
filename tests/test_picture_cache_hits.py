"""A second report of the same analysis draws nothing again — not even "nothing".

The PDF's charts are keyed on what they are drawn from (KPI values, traits,
language, mode) and the code and library versions, so a picture found in the
cache needs no chart building; a cloud or chart with nothing to draw is kept
as such (an empty entry) instead of being worked out again on every report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from icp import analysis, charts, clouds, pngcache, report
from icp.dataset import open_dataset
from icp.report.images import pictures

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


@pytest.fixture
def summary():
    ds = open_dataset(SAMPLES / "saas_customers_en.xlsx")
    return report.summarise(ds, analysis.run(ds), answers={}, lang="en")


def test_the_second_report_takes_every_picture_from_the_cache(summary, monkeypatch):
    pngcache._memory.clear()
    first = pictures(summary)
    assert first["kpi"] and first["traits"] and first["cloud_best"]
    pngcache._memory.clear()  # as a new process: only the folder is left

    def no_drawing(*args, **kwargs):
        raise AssertionError("drawn again")

    for name in ("kpi_bars", "trait_bars", "to_png"):
        monkeypatch.setattr(charts, name, no_drawing)
    monkeypatch.setattr(clouds, "cloud", no_drawing)
    assert pictures(summary) == first


def test_a_picture_with_nothing_to_draw_is_remembered(monkeypatch):
    pngcache._memory.clear()
    calls: list[int] = []

    def render() -> bytes:
        calls.append(1)
        return b""

    assert pngcache.cached_png(b"empty cloud", render) == b""
    pngcache._memory.clear()
    assert pngcache.cached_png(b"empty cloud", render) == b""
    assert calls == [1]


def test_a_cloud_of_no_words_is_none():
    assert clouds.cloud({}, palette="rest") is None
    assert clouds.cloud({"": 3.0, "x": 0.0}, palette="rest") is None
