"""Charts and clouds of the PDF are drawn once per content, and never mixed up."""

from __future__ import annotations

from pathlib import Path

import pytest

from icp import analysis, pngcache, report
from icp.dataset import open_dataset
from icp.errors import InputError
from icp.model import Settings
from icp.report.images import pictures
from icp.store import data_dir

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


def _images(name: str, top_n: int = 10):
    ds = open_dataset(SAMPLES / name)
    result = analysis.run(ds, Settings(top_n=top_n))
    return pictures(report.summarise(ds, result, answers={}, lang="en"))


def test_different_content_gives_different_pictures():
    ten, twenty = _images("saas_customers_en.xlsx"), _images("saas_customers_en.xlsx", top_n=20)
    assert ten["traits"] != twenty["traits"] and ten["cloud_best"] != twenty["cloud_best"]
    other = _images("equipment_customers_zh.xlsx")
    drawn = {k: v for k, v in ten.items() if v is not None}  # a chart with nothing to show is None
    assert drawn and not set(drawn.values()) & {v for v in other.values() if v is not None}


def test_a_broken_cache_folder_still_draws(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ICP_DATA_DIR", str(blocker))
    pngcache._memory.clear()
    with pytest.raises((OSError, InputError)):  # the store names the bad folder
        data_dir()
    assert pngcache.cached_png(b"k", lambda: b"png") == b"png"
