"""Snapshots of the Markdown and JSON exports of every sample, in English and Chinese.

Why: a change anywhere below the report (a parser, a statistic, a string, a
format) shows up here as a readable diff of what a user downloads, instead of
passing unnoticed.  The files live in ``tests/__snapshots__/``; after a change
you meant, regenerate them and review the diff before committing:

    ICP_SNAPSHOT_UPDATE=1 python -m pytest tests/test_snapshots.py

The date is the only thing that changes from day to day: the summary gets a
fixed one before it is rendered.  Numbers in the JSON are compared at 6
significant digits, so a last-digit difference between numeric libraries is
not a change.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import pytest

from icp import analysis, report
from icp.dataset import open_dataset
from icp.i18n import Lang

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = Path(__file__).resolve().parent / "__snapshots__"
SAMPLES = {
    "saas": "saas_customers_en.xlsx",
    "equipment": "equipment_customers_zh.xlsx",
    "study": "study_abroad_zh.csv",
}
LANGS: tuple[Lang, ...] = ("en", "zh")
UPDATE = os.environ.get("ICP_SNAPSHOT_UPDATE") == "1"


@pytest.fixture(scope="module", params=list(SAMPLES))
def sample(request: pytest.FixtureRequest):
    ds = open_dataset(ROOT / "sample_data" / SAMPLES[request.param])
    return request.param, ds, analysis.run(ds), {}  # its summaries, made once per language


def _summary(sample, lang: Lang) -> report.Summary:
    _, ds, result, made = sample
    if lang not in made:  # one summary per language for both exports (as the Report page)
        s = report.summarise(ds, result, answers={}, lang=lang)
        made[lang] = dataclasses.replace(s, date="DATE", iso_date="DATE")
    return made[lang]


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return float(f"{value:.6g}")
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def _check(name: str, text: str) -> None:
    path = SNAPSHOTS / name
    if UPDATE:
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.is_file(), f"no snapshot {name}: run with ICP_SNAPSHOT_UPDATE=1 and review it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} changed; if intended, regenerate with ICP_SNAPSHOT_UPDATE=1"


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_export_matches_its_snapshot(sample, lang: Lang):
    key = sample[0]
    md = report.markdown_text(_summary(sample, lang))
    assert "DATE" in md  # the date really was fixed, so the snapshot holds no day
    _check(f"{key}_{lang}.md", md)


@pytest.mark.parametrize("lang", LANGS)
def test_json_export_matches_its_snapshot(sample, lang: Lang):
    key = sample[0]
    payload = _rounded(json.loads(report.json_bytes(_summary(sample, lang))))
    assert payload["report"]["date"] == "DATE"
    _check(f"{key}_{lang}.json", json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def test_every_snapshot_file_belongs_to_a_test():
    """A renamed sample or a dropped language leaves no stale snapshot behind."""
    expected = {f"{k}_{lang}.{ext}" for k in SAMPLES for lang in LANGS for ext in ("md", "json")}
    present = {p.name for p in SNAPSHOTS.glob("*")} if SNAPSHOTS.is_dir() else set()
    assert present <= expected, sorted(present - expected)
