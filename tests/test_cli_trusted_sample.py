"""The CLI reads our bundled samples in-process, by the app's rule; any other file in the worker.

``icp.samples.open_dataset`` is the one rule for both: bytes with the SHA-256
of a sample we ship are parsed in the calling process, everything else in
``icp.worker``'s limited child.  The result must not depend on which path a
file took: the CLI's analysis JSON of a sample is the same as the worker's.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from icp import analysis, samples, worker
from icp.cli import main
from icp.dataset import Dataset
from icp.model import Settings

ROOT = Path(__file__).resolve().parent.parent
_WORKER_OPEN = worker.open_dataset  # the real one, before any test counts its calls


@pytest.fixture
def worker_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []

    def counting(src: object, **kwargs: object) -> Dataset:
        reads.append(Path(str(src)).name if isinstance(src, Path) else str(kwargs.get("filename")))
        return _WORKER_OPEN(src, **kwargs)

    monkeypatch.setattr(worker, "open_dataset", counting)
    return reads


def _cli_json(tmp_path: Path, *args: str) -> dict:
    out = tmp_path / "out.json"
    assert main(["analyze", *args, "--json", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", list(samples.SAMPLES))
def test_cli_reads_a_sample_in_process_with_the_workers_result(worker_reads, tmp_path, name):
    path = ROOT / samples.SAMPLES[name]
    ds = _WORKER_OPEN(path)  # what the CLI read before: the same file in the worker
    for mode in ([], ["--outcome"]):
        got = _cli_json(tmp_path, str(path), *mode)
        assert worker_reads == []  # no child process for our own file
        settings = Settings(top_n=10, mode="outcome" if mode else "top")
        assert got == analysis.run(ds, settings).to_json(ds, "en")


def test_cli_sends_an_edited_sample_to_the_worker(worker_reads, tmp_path):
    edited = tmp_path / "study.csv"
    edited.write_bytes((ROOT / samples.SAMPLES["study_zh"]).read_bytes() + b"\n")
    got = _cli_json(tmp_path, str(edited))
    assert worker_reads == ["study.csv"]  # one byte more: a user's file again
    assert got["rows"] > 100


def test_cli_sends_a_plain_file_and_a_deals_file_to_the_worker(worker_reads, tmp_path):
    path = ROOT / samples.SAMPLES["saas_en"]
    deals = tmp_path / "deals.csv"
    deals.write_text("Company,Amount\nAcme,10\n", encoding="utf-8")
    assert main(["analyze", str(path), "--deals", str(deals)]) == 0
    assert worker_reads == [path.name]  # a second file: the whole read goes to the worker


def test_is_bundled_is_byte_exact():
    data = (ROOT / samples.SAMPLES["saas_en"]).read_bytes()
    assert samples.is_bundled(data)
    assert not samples.is_bundled(data[:-1])
    assert not samples.is_bundled(data + b"\0")
    assert not samples.is_bundled(b"")
