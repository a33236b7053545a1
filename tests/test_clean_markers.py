"""A big text column of mostly distinct cells looks for missing markers and totals words
only on the rows that can be one (``clean._marker_rows``): the same column, row states
and totals rows as testing every row."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from icp import clean
from icp.parse import MISSING_MARKERS

# characters whose case mapping is unusual, whitespace of several kinds, colons
ODD = ["İ", "\u212a", "ẞ", "Σ", "ǅ", "Ⱥ", "\u3000", "\u00a0", "\t", " ", ":", "：", "\u2028", "x"]


def _cells(n: int, seed: int) -> list[str | None]:
    rng = np.random.default_rng(seed)
    words = sorted(MISSING_MARKERS | clean._TOTAL_WORDS)
    out: list[str | None] = []
    for i in range(n):
        k = i % 6
        if k == 0:  # a marker or a totals word, in some case, padded, with colons
            w = words[int(rng.integers(0, len(words)))]
            w = w.upper() if rng.random() < 0.3 else w.title() if rng.random() < 0.3 else w
            pad = "".join(rng.choice(ODD[6:10], int(rng.integers(0, 3))))
            out.append(pad + w + ":" * int(rng.integers(0, 3)) + pad)
        elif k == 1:  # odd characters around short text
            out.append("".join(rng.choice(ODD, int(rng.integers(0, 5)))))
        elif k == 2:
            out.append(None if rng.random() < 0.5 else "")
        else:  # names, some starting like a marker ("Nantes", "Total Gym", "无锡")
            head = ["Company", "Nantes", "Total Gym", "无锡", "总部", "- Acme", "Σ Co", "İzmir"]
            out.append(f"{head[int(rng.integers(0, len(head)))]} {i}")
    return out


def _plain(s: pd.Series, monkeypatch) -> tuple:
    with monkeypatch.context() as m:
        m.setattr(clean, "_marker_rows", lambda stripped: None)
        return clean._clean_text_rows(s)


@pytest.mark.parametrize("seed", range(4))
def test_marker_rows_give_the_same_cleaning_as_every_row(monkeypatch, seed):
    s = pd.Series(_cells(6000, seed), dtype="str", name="Name")
    assert clean._marker_rows(s.str.strip()) is not None
    fast, slow = clean._clean_text_rows(s), _plain(s, monkeypatch)
    pd.testing.assert_series_equal(fast[0], slow[0])
    assert np.array_equal(fast[1], slow[1]) and np.array_equal(fast[2], slow[2])
    assert slow[1].any() and slow[2].any()  # markers and totals words were there to find


def test_every_character_lowercases_to_one_that_starts_the_same_way():
    """What ``_marker_rows`` relies on, for every code point: the lower-cased first
    character is the first character of the cell lower-cased, never whitespace unless
    the character was."""
    chars = [chr(i) for i in range(0x110000) if not 0xD800 <= i <= 0xDFFF]
    s = pd.Series([c + "Qx" for c in chars], dtype="str")
    lower = s.str.lower()
    assert (lower.str.slice(0, 1) == s.str.slice(0, 1).str.lower()).all()
    alone = pd.Series(chars, dtype="str")
    was_space = alone.str.strip() == ""
    assert ((alone.str.lower().str.strip() == "") == was_space).all()


def test_a_clean_column_of_names_is_returned_as_it_came(monkeypatch):
    s = pd.Series([f"Company {i}" for i in range(5000)], dtype="str")
    out, state, total = clean._clean_text_rows(s)
    assert out is s and not state.any() and not total.any()
    assert len(clean._marker_rows(s.str.strip())) == 0
