"""The worker's memory guard counts what a parse holds (resident), not what it reserves.

pyarrow and pandas reserve about twice the address space they touch: a
legitimate 1M-row CSV maps 2.3 GB and holds 1.1 GB, and an address-space cap
of 1.5 GB refused it ("needs more than 1.5 GB").  The guard is now the
parent reading the child's resident size; an address-space backstop several
times larger still makes a wild allocation fail at once in the child.  The
helpers below run in the worker, so they are module-level (pickled by name).
"""

from __future__ import annotations

import os
import time

import numpy as np
import pytest

from icp import worker
from icp.dataset import open_dataset
from icp.errors import InputError

MB = 1024 * 1024
CSV = b"Company,Revenue,Industry\nAcme,10,SaaS\nGlobex,20,Retail\nInitech,30,SaaS\n"


def _reserve_then_read(reserve: int, data: bytes) -> tuple[int, list[str]]:
    """What pyarrow does at scale: reserve address space it never touches, then read."""
    spare = np.empty(reserve, dtype=np.uint8)  # mapped, not resident
    table = open_dataset(data, filename="customers.csv").table
    return spare.size, list(table.columns)


def _hold(size: int) -> str:
    """Touch ``size`` bytes and keep them (a parse that really needs the memory)."""
    held = np.ones(size, dtype=np.uint8)
    for _ in range(6000):  # the guard ends this long before; returning means it did not
        time.sleep(0.01)
    return f"held {held.size}"


def _reserve(size: int) -> int:
    return np.empty(size, dtype=np.uint8).size


@pytest.fixture
def default_limits(monkeypatch):
    for name in ("ICP_WORKER_MEMORY_MB", "ICP_WORKER_CPU_S", "ICP_WORKER_WALL_S"):
        monkeypatch.delenv(name, raising=False)


def test_a_read_that_maps_more_than_the_cap_but_holds_little_succeeds(default_limits):
    """2.5 GB of address space, a few MB resident: the old 1.5 GB address-space cap refused this."""
    assert worker.limits().memory_mb * MB < 2500 * MB
    reserved, columns = worker.run(_reserve_then_read, 2500 * MB, CSV)
    assert reserved == 2500 * MB
    assert columns == ["Company", "Revenue", "Industry"]


def test_a_read_that_holds_more_than_the_cap_is_refused_with_the_limit_named():
    lim = worker.Limits(memory_mb=200, cpu_seconds=120, wall_seconds=120.0)
    with pytest.raises(InputError) as err:
        worker.run(_hold, 400 * MB, lim=lim)
    assert err.value.msg.key == "worker.memory"
    assert "needs more than 0.2 GB of memory" in err.value.message("en")
    assert "0.2 GB" in err.value.message("zh")
    # this process (the server) is unharmed and the next file reads
    assert list(worker.open_dataset(CSV, filename="ok.csv").table.columns) == [
        "Company",
        "Revenue",
        "Industry",
    ]


def test_a_wild_allocation_still_fails_at_once_in_the_child():
    """3 GB asked for under a 256 MB cap: beyond the backstop, refused before any poll."""
    lim = worker.Limits(memory_mb=256, cpu_seconds=120, wall_seconds=120.0)
    assert worker.BACKSTOP_FACTOR * lim.memory_mb * MB < 3 * 1024 * MB
    with pytest.raises(InputError) as err:
        worker.run(_reserve, 3 * 1024 * MB, lim=lim)
    assert err.value.msg.key == "worker.memory"
    assert "0.2 GB" in err.value.message("en")


def test_the_resident_size_of_a_live_process_is_read():
    held = np.ones(64 * MB, dtype=np.uint8)
    assert worker.resident_bytes(os.getpid()) > held.size
    assert worker.resident_bytes(2**22 + 12345) == 0  # no such process: no number


def _arrow_pool() -> str:
    import pyarrow

    return pyarrow.default_memory_pool().backend_name


@pytest.mark.parametrize("fork", [False, True])
def test_the_reader_allocates_arrow_buffers_with_malloc(fork):
    """The reader process takes Arrow's buffers from the C library's malloc (mimalloc
    faulted its freed memory in again: ~0.3 s of the 1M-row CSV's read)."""
    assert worker.run(_arrow_pool, fork=fork) == "system"
