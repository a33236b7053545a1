"""Big number columns read their plain decimals in Arrow: the cleaned column is unchanged.

``icp.clean`` reads cells written as a plain decimal ("48213.57", "00123")
of a big text column with Arrow instead of parsing each distinct cell in
Python.  These tests clean the same awkward columns both ways (the fast path
switched off by a row threshold above the column's length) and compare
values, row states, ranges, examples and notes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from icp import clean
from icp.schema import ColumnSpec, FieldType, Mapping, Role

AWKWARD = [
    "12,000", "$12,000", "1.2万", "3亿", "15%", "N/A", "-", "", " 12 ", "-0", "-12.5",
    "100-300人", "300万以上", "(1,200)", "1,5", "abc", "12.5.3", "1e5", "+7",
    "1234567890123456", "0.1234567", "12.", ".5", "١٢٣", "007", "0", "0.0", None,
]  # fmt: skip


def _column(n: int, seed: int) -> pd.Series:
    rng = np.random.default_rng(seed)
    cells: list[str | None] = []
    for i in range(n):
        k = i % 5
        if k == 0:
            cells.append(AWKWARD[int(rng.integers(0, len(AWKWARD)))])
        elif k == 1:
            cells.append(f"{rng.random() * 10 ** rng.integers(0, 9):.{rng.integers(0, 7)}f}")
        elif k == 2:
            cells.append(str(rng.integers(0, 10**15)))
        elif k == 3:
            cells.append(f"{rng.integers(0, 99999):05d}")
        else:
            cells.append(f"{round(rng.random() * 1e6, 2)}")
    return pd.Series(cells, dtype="str", name="Revenue")


def _both(df: pd.DataFrame, mapping: Mapping, monkeypatch) -> tuple:
    fast = clean.clean(df, mapping)
    monkeypatch.setattr(clean, "_PLAIN_MIN_ROWS", len(df) + 1)
    slow = clean.clean(df, mapping)
    monkeypatch.undo()
    return fast, slow


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("role", [Role.VALUE, Role.MARGIN])
def test_plain_decimals_read_in_arrow_clean_as_before(monkeypatch, seed, role):
    n = 12_000
    df = pd.DataFrame({"Revenue": _column(n, seed), "Name": pd.Series(
        [f"c{i}" for i in range(n)], dtype="str")})  # fmt: skip
    mapping = Mapping(
        [ColumnSpec("Revenue", FieldType.NUMBER, role), ColumnSpec("Name", FieldType.TEXT)]
    )
    fast, slow = _both(df, mapping, monkeypatch)
    assert clean._plain_numbers(df["Revenue"]) is not None
    a, b = fast.table["Revenue"].to_numpy(), slow.table["Revenue"].to_numpy()
    assert np.array_equal(a, b, equal_nan=True)
    assert np.array_equal(np.signbit(a), np.signbit(b))  # "-0" stays 0.0, not -0.0
    assert fast.report == slow.report
    assert fast.ranges.keys() == slow.ranges.keys()
    for name in fast.ranges:
        pd.testing.assert_frame_equal(fast.ranges[name], slow.ranges[name])
    assert fast.report.columns[0].examples  # "abc", "12.5.3" … are still reported


def test_whole_numbers_with_a_negative_zero_clean_as_before(monkeypatch):
    """All-integer cells: pandas reads "-0" as 0 there (Arrow would give -0.0)."""
    n = 12_000
    cells = [str(i % 997) if i % 7 else "-0" for i in range(n)]
    df = pd.DataFrame({"Deals": pd.Series(cells, dtype="str")})
    mapping = Mapping([ColumnSpec("Deals", FieldType.NUMBER, Role.DEALS)])
    fast, slow = _both(df, mapping, monkeypatch)
    a, b = fast.table["Deals"].to_numpy(), slow.table["Deals"].to_numpy()
    assert np.array_equal(a, b) and np.array_equal(np.signbit(a), np.signbit(b))


def test_a_column_without_plain_decimals_and_a_small_one_take_the_old_path():
    assert clean._plain_numbers(pd.Series(["$1", "N/A"] * 6000, dtype="str")) is None
    assert clean._plain_numbers(pd.Series(["12", "13"] * 10, dtype="str")) is None
    assert clean._plain_numbers(pd.Series([12.0, 13.0] * 6000)) is None
