"""The Commonalities page's word clouds: the same words are drawn once, then kept.

``clouds.compare_pngs`` (what the page shows) gives the very pictures the old
path drew (``compare`` + ``png_bytes``); a second call with the same words
draws nothing, even as a new process (only the cache folder left); a change
of size, projector mode or palette is a different picture.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from icp import analysis, clouds, pngcache
from icp.dataset import open_dataset
from icp.model import Settings

SAMPLES = Path(__file__).resolve().parent.parent / "sample_data"


@pytest.fixture(scope="module")
def sample():
    ds = open_dataset(SAMPLES / "saas_customers_en.xlsx")
    result = analysis.run(ds, Settings(top_n=20))
    rest = result.rest_mask if result.rest_mask is not None else ~result.best_mask
    return ds, result, rest


def _page_pngs(sample, **size):
    ds, result, rest = sample
    mapping = result.profile_mapping or ds.mapping
    return clouds.compare_pngs(ds.table, mapping, result.best_mask, rest, **size)


def test_the_page_shows_what_the_uncached_drawing_gives(sample):
    ds, result, rest = sample
    mapping = result.profile_mapping or ds.mapping
    left, right = clouds.compare(
        clouds.frequencies(ds.table, mapping, result.best_mask),
        clouds.frequencies(ds.table, mapping, rest),
        best_n=int(result.best_mask.sum()),
        rest_n=int(rest.sum()),
    )
    pngcache._memory.clear()
    assert left is not None  # the sample's best share words
    expected = (clouds.png_bytes(left), clouds.png_bytes(right) if right is not None else None)
    assert _page_pngs(sample) == expected


def test_the_same_words_are_never_drawn_twice(sample, monkeypatch):
    pngcache._memory.clear()
    first = _page_pngs(sample)
    pngcache._memory.clear()  # as a restarted server: only the folder is left

    def no_drawing(*args, **kwargs):
        raise AssertionError("drawn again")

    monkeypatch.setattr(clouds, "cloud", no_drawing)
    assert _page_pngs(sample) == first


def test_size_mode_and_palette_are_different_pictures():
    words = {"spreadsheets": 2.0, "slack": 1.0, "onboarding": 1.5}
    base = clouds.cloud_png(words, palette="best", width=320, height=200)
    assert base is not None and base.startswith(b"\x89PNG")
    others = [
        clouds.cloud_png(words, palette="rest", width=320, height=200),
        clouds.cloud_png(words, palette="best", width=400, height=200),
        clouds.cloud_png(words, palette="best", width=320, height=200, big=True),
    ]
    assert all(o is not None and o != base for o in others)
    assert clouds.cloud_png({}, palette="best") is None  # no words: no picture, the page says so
