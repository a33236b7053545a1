"""Memory stays bounded while a user edits the mapping of a big data set: superseded
data sets are freed at once (ui/cache.py, used by ui.state for data sets and analyses)."""

from __future__ import annotations

import gc
import threading
import time
import weakref

import pytest

from ui.cache import Latest


class Table:  # stands in for a parsed data set (weak-referenceable)
    def __init__(self, tag: object) -> None:
        self.tag = tag


def test_twelve_mapping_edits_keep_two_tables_not_twelve():
    cache: Latest[Table] = Latest(per_source=2, sources=4)
    alive = []
    for edit in range(12):
        table = cache.get("ws1", (1, f"mapping {edit}"), lambda e=edit: Table(e))
        alive.append(weakref.ref(table))
        del table
    gc.collect()
    assert sum(r() is not None for r in alive) == 2
    assert [t.tag for t in cache.values()] == [10, 11]  # the newest two


def test_the_least_recently_used_sources_go_first():
    cache: Latest[Table] = Latest(per_source=1, sources=2)
    for src in ("a", "b"):
        cache.get(src, 1, lambda src=src: Table(src))
    cache.get("a", 1, lambda: Table("rebuilt"))  # a used again
    cache.get("c", 1, lambda: Table("c"))
    assert sorted(t.tag for t in cache.values()) == ["a", "c"]


def test_results_unused_for_the_ttl_are_dropped():
    cache: Latest[Table] = Latest(ttl_s=0.05)
    cache.get("a", 1, lambda: Table(1))
    time.sleep(0.1)
    built = cache.get("a", 1, lambda: Table(2))
    assert built.tag == 2


def test_two_sessions_asking_at_once_share_one_build():
    cache: Latest[Table] = Latest()
    builds = []
    release = threading.Event()

    def build() -> Table:
        builds.append(1)
        release.wait(5)
        return Table("x")

    got: list[Table] = []
    threads = [
        threading.Thread(target=lambda: got.append(cache.get("a", 1, build))) for _ in range(3)
    ]
    for th in threads:
        th.start()
    time.sleep(0.3)  # let the others queue behind the first build (passes either way if late)
    release.set()
    for th in threads:
        th.join(10)
    assert len(builds) == 1 and len(got) == 3 and len({id(g) for g in got}) == 1


def test_a_build_that_raises_keeps_nothing_and_the_next_call_builds():
    cache: Latest[Table] = Latest()

    def fails() -> Table:
        raise LookupError("the file is gone")

    with pytest.raises(LookupError):
        cache.get("a", 1, fails)
    assert not cache.has("a", 1) and cache.values() == []
    assert cache.get("a", 1, lambda: Table("b")).tag == "b"
