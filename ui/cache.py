"""A cache that keeps only the newest results of each source file.

``st.cache_resource(max_entries=…)`` keys a parsed data set on (source,
mapping): every mapping edit adds an entry and the old ones stay until
evicted, each a full copy of a big table — a 40 MB file grew the server from
1.1 to 4.45 GB in 12 edits.  Here a source (``ui.state`` groups by the file's
content: hash, name and options) keeps its ``per_source`` newest results, the
least recently used sources go past ``sources``, and a result nobody asked for
in ``ttl_s`` is dropped: superseded data sets are freed at once, memory stays
bounded.

Concurrent callers asking for the same key wait for one computation instead
of each building their own copy.  A build that raises keeps nothing.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

__all__ = ["Latest"]

V = TypeVar("V")


class Latest(Generic[V]):
    def __init__(self, *, per_source: int = 2, sources: int = 6, ttl_s: float = 3600) -> None:
        self._per = per_source
        self._max = sources
        self._ttl = ttl_s
        self._lock = threading.Lock()
        # source -> (key -> (value, last used)), both in least-recently-used order
        self._items: OrderedDict[str, OrderedDict[Hashable, tuple[V, float]]] = OrderedDict()
        self._building: dict[tuple[str, Hashable], threading.Lock] = {}

    def get(self, src: str, key: Hashable, build: Callable[[], V]) -> V:
        """The value for ``(src, key)``, built once (``build()``) if it is not kept."""
        found, value = self._lookup(src, key)
        if found:
            return value
        with self._lock:
            gate = self._building.setdefault((src, key), threading.Lock())
        try:
            with gate:  # one build per key; the others wait and take its result
                found, value = self._lookup(src, key)
                if not found:
                    value = build()
                    self._put(src, key, value)
        finally:
            with self._lock:
                self._building.pop((src, key), None)
        return value

    def has(self, src: str, key: Hashable) -> bool:
        """Whether ``(src, key)`` is kept (without counting as a use)."""
        with self._lock:
            return key in self._items.get(src, {})

    def values(self) -> list[V]:
        with self._lock:
            return [v for entries in self._items.values() for v, _ in entries.values()]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def _lookup(self, src: str, key: Hashable) -> tuple[bool, V | None]:
        now = time.monotonic()
        with self._lock:
            self._expire(now)
            entries = self._items.get(src)
            if entries is None or key not in entries:
                return False, None
            value, _ = entries[key]
            entries[key] = (value, now)
            entries.move_to_end(key)
            self._items.move_to_end(src)
            return True, value

    def _put(self, src: str, key: Hashable, value: V) -> None:
        with self._lock:
            entries = self._items.setdefault(src, OrderedDict())
            entries[key] = (value, time.monotonic())
            entries.move_to_end(key)
            self._items.move_to_end(src)
            while len(entries) > self._per:  # superseded: an older mapping or settings
                entries.popitem(last=False)
            while len(self._items) > self._max:
                self._items.popitem(last=False)

    def _expire(self, now: float) -> None:
        for src in list(self._items):
            entries = self._items[src]
            for key in [k for k, (_, used) in entries.items() if now - used > self._ttl]:
                del entries[key]
            if not entries:
                del self._items[src]
