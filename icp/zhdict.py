"""jieba with its dictionary read one first character at a time.

Why: ``jieba.initialize()`` loads the whole prefix dictionary (~500,000
entries, ~0.8 s of CPU even from its cache) before the first cut, however
little Chinese there is to cut: a million-row list whose notes all say
"一些备注" paid that second for four characters.  Every dictionary lookup
jieba makes while cutting a sentence (``get_DAG``, ``calc``, the check
before its HMM fallback, ``suggest_freq``) is for a substring of that
sentence, so only entries that *start* with one of the sentence's
characters can ever be asked for.

``tokenizer()`` indexes jieba's own ``dict.txt`` by first character (numpy,
~50 ms) and sums its frequencies (jieba's ``total``); ``LazyTokenizer``
adds a character's entries, parsed line by line exactly as jieba's
``gen_pfdict`` does, the first time a sentence holds that character.  The
cuts are therefore the same as with the whole dictionary loaded
(``tests/test_zhdict.py`` compares entries, totals and cuts).  Should the
dictionary file hold a line this index cannot read the same way (leading
blanks, a frequency that is not plain digits), jieba's own full load is
used instead.
"""

from __future__ import annotations

import logging
import sys
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

# jieba imports pkg_resources, when it can, only to open its own data files: setuptools'
# whole resource API, 0.12 s of CPU for a file it otherwise opens by its path (the same
# bytes).  It is kept out while jieba is imported, and importable again right after.
_NO_PKG_RESOURCES = "pkg_resources" not in sys.modules
if _NO_PKG_RESOURCES:
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import fails: fallback
try:
    import jieba
finally:
    if _NO_PKG_RESOURCES and sys.modules.get("pkg_resources", 0) is None:
        del sys.modules["pkg_resources"]

__all__ = ["LazyTokenizer", "tokenizer"]


@dataclass(frozen=True)
class _Index:
    """``dict.txt``'s lines grouped by first character, in file order within a group."""

    data: bytes
    keys: np.ndarray  # sorted first-character keys (UTF-8 bytes, big-endian, zero-padded)
    starts: np.ndarray  # where each line's word starts, in ``keys`` order
    stops: np.ndarray  # where it stops (the first space)
    freqs: np.ndarray  # each line's frequency
    total: int  # the sum of every line's frequency: jieba's ``total``

    def lines(self, ch: str) -> tuple[int, int]:
        """The positions (in ``keys`` order) of the lines whose word starts with ``ch``."""
        key = _key(ch)
        lo, hi = np.searchsorted(self.keys, [key, key + 1])
        return int(lo), int(hi)

    def entries(self, ch: str) -> dict[str, int]:
        """The prefix-dictionary entries starting with ``ch``, as ``gen_pfdict`` builds them:
        each word with its frequency (a repeated word's last line wins), and each prefix of
        a word that is no word itself with 0."""
        lo, hi = self.lines(ch)
        data = self.data
        out: dict[str, int] = {}
        for s, e, f in zip(
            self.starts[lo:hi].tolist(),
            self.stops[lo:hi].tolist(),
            self.freqs[lo:hi].tolist(),
            strict=True,
        ):
            word = data[s:e].decode("utf-8")
            out[word] = f
            for i in range(1, len(word)):
                out.setdefault(word[:i], 0)
        return out


def _key(ch: str) -> int:
    return int.from_bytes(ch.encode("utf-8")[:4].ljust(4, b"\0"), "big")


def _index(data: bytes) -> _Index | None:
    """Group ``data``'s lines by first character and sum their frequencies; None when a
    line is not ``word freq[ tag]`` with a plain first character and plain digits."""
    a = np.frombuffer(data, np.uint8)
    if not len(a):
        return None
    newlines = np.flatnonzero(a == 10)
    ends = newlines if a[-1] == 10 else np.append(newlines, len(a))
    starts = np.concatenate([[0], ends[:-1] + 1])
    pad = np.concatenate([a, np.zeros(8, np.uint8)])
    lead = pad[starts].astype(np.uint32)
    # a line must start with a non-blank character (gen_pfdict strips the line first)
    if np.any(ends <= starts) or np.any(np.isin(lead, [9, 10, 11, 12, 13, 32])):
        return None
    if np.any((lead >= 0x80) & (lead < 0xC0)):  # not a UTF-8 lead byte
        return None
    width = np.where(lead < 0x80, 1, np.where(lead < 0xE0, 2, np.where(lead < 0xF0, 3, 4)))
    key = np.zeros(len(starts), np.uint32)
    for k in range(4):
        key |= np.where(k < width, pad[starts + k].astype(np.uint32), 0) << np.uint32(8 * (3 - k))
    # the frequency: after the first space, up to the next space or the line's end
    spaces = np.flatnonzero(a == 32)
    i = np.searchsorted(spaces, starts)
    if np.any(i >= len(spaces)):
        return None
    first = spaces[i]
    nxt = spaces[np.minimum(i + 1, len(spaces) - 1)]
    stop = np.minimum(np.where(i + 1 < len(spaces), nxt, len(a)), ends)
    length = stop - first - 1
    if np.any(first >= ends) or np.any(length < 1) or length.max() > 15:
        return None
    freq = np.zeros(len(starts), np.int64)
    for d in range(int(length.max())):
        inside = d < length
        digit = pad[np.where(inside, first + 1 + d, 0)].astype(np.int64) - 48
        if np.any(inside & ((digit < 0) | (digit > 9))):
            return None
        freq = np.where(inside, freq * 10 + digit, freq)
    order = np.argsort(key, kind="stable")  # stable: a repeated word's last line still wins
    return _Index(data, key[order], starts[order], first[order], freq[order], int(freq.sum()))


# Parsing a character's lines costs ~5 µs a line, jieba's whole load from its cache
# ~2 µs a line: past this share of the lines the rest is loaded whole.
_WHOLE_SHARE = 0.35


class LazyTokenizer(jieba.Tokenizer):
    """A ``jieba.Tokenizer`` that loads the entries of a character before it cuts with it.

    ``cut``, ``suggest_freq`` and ``add_word`` first load every character of
    their text; an added word therefore never meets a later load of its own
    first character (which would overwrite it).  Text with so many distinct
    characters that most of the dictionary is needed gets it whole (jieba's
    own load), with the words added so far kept.
    """

    def __init__(self, index: _Index) -> None:
        super().__init__()
        self._index = index
        self._loaded: set[str] = set()
        self._lines = 0  # dictionary lines loaded so far
        self._whole = False
        self._load_lock = threading.Lock()
        self.FREQ = {}
        self.total = index.total
        self.initialized = True

    def need(self, text: str) -> None:
        """Load the entries of every character of ``text`` not loaded yet."""
        if self._whole:
            return
        missing = set(text) - self._loaded
        if not missing:
            return
        with self._load_lock:
            if self._whole:
                return
            missing -= self._loaded
            spans = [self._index.lines(ch) for ch in missing]
            pending = sum(hi - lo for lo, hi in spans)
            if self._lines + pending > _WHOLE_SHARE * len(self._index.keys):
                self._load_whole()
                return
            for ch in sorted(missing):
                self.FREQ.update(self._index.entries(ch))
                self._loaded.add(ch)
            self._lines += pending

    def _load_whole(self) -> None:
        """jieba's whole dictionary, then what is loaded here on top (words added since)."""
        whole = jieba.Tokenizer()
        whole.initialize()
        freq = whole.FREQ
        freq.update(self.FREQ)
        self.FREQ = freq
        self._whole = True

    def cut(self, sentence: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(sentence, str):
            self.need(sentence)
        return super().cut(sentence, *args, **kwargs)

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:  # jieba's name
        self.need(sentence)
        return super().get_DAG(sentence)

    def suggest_freq(self, segment: Any, tune: bool = False) -> int:
        self.need(segment if isinstance(segment, str) else "".join(segment))
        return super().suggest_freq(segment, tune)

    def add_word(self, word: str, freq: Any = None, tag: Any = None) -> None:
        self.need(word)
        super().add_word(word, freq, tag)


@cache
def tokenizer() -> jieba.Tokenizer:
    """The process's tokenizer: lazy over jieba's default dictionary, else jieba's own.

    One per process, like ``jieba.dt``: words a data set teaches it
    (``icp.text.learn_vocabulary``) stay for the next.
    """
    jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" lines are not for users
    base = jieba.Tokenizer()
    with base.get_dict_file() as fh:
        index = _index(fh.read())
    if index is None:
        base.initialize()
        return base
    return LazyTokenizer(index)
