"""A bundled sample is read in the app's own process; any other file goes to the worker.

Every file a user hands over is parsed in ``icp.worker``'s limited child
process.  The samples we ship are our own files, so bytes identical to one
of them (same SHA-256) are read in-process: a fresh workspace's first page
needs no worker start.  One byte different and it is a user's file again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from icp import worker
from icp.dataset import Dataset

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def worker_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = worker.open_dataset

    def counting(data: bytes, **kwargs: object) -> Dataset:
        reads.append(str(kwargs.get("filename")))
        return real(data, **kwargs)

    monkeypatch.setattr(worker, "open_dataset", counting)
    return reads


@pytest.mark.parametrize("name", ["saas_en", "equipment_zh", "study_zh"])
def test_each_bundled_sample_is_read_without_the_worker(worker_reads, name):
    from ui import state

    path = ROOT / state.SAMPLES[name]
    ds = state.open_dataset(path.read_bytes(), filename=path.name)
    assert isinstance(ds, Dataset) and len(ds.table) > 100
    assert worker_reads == []


def test_a_file_that_differs_by_one_byte_goes_to_the_worker(worker_reads):
    from ui import state

    path = ROOT / state.SAMPLES["study_zh"]
    ours = state.open_dataset(path.read_bytes(), filename=path.name)
    theirs = state.open_dataset(path.read_bytes() + b"\n", filename="edited.csv")
    assert worker_reads == ["edited.csv"]  # same table, but no longer our file
    assert len(theirs.table) == len(ours.table)


def test_a_plain_upload_goes_to_the_worker(worker_reads):
    from ui import state

    csv = b"name,revenue\nAcme,10\nBeta,20\nGamma,30\n"
    ds = state.open_dataset(csv, filename="list.csv")
    assert isinstance(ds, Dataset) and len(ds.table) == 3
    assert worker_reads == ["list.csv"]
