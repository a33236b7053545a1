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


# Cells made of digits and "." only: the plain ones are then told from the rest by
# their bytes (``clean._plain_bytes``) instead of the regex.
DIGITS_AND_DOTS = [
    "12.", ".5", "1.2.3", "..", ".", "", "1234567890123456", "123456789012345",
    "1234567890.5", "123456789.123456", "123456789.1234567", "0.1234567", "007",
    "0", "0.0", "00000000.000000", "5..", "1.", None,
]  # fmt: skip


def _digits_and_dots(n: int, seed: int, *, odd: bool = True) -> list[str | None]:
    rng = np.random.default_rng(seed)
    cells: list[str | None] = []
    for i in range(n):
        if odd and i % 4 == 0:
            cells.append(DIGITS_AND_DOTS[int(rng.integers(0, len(DIGITS_AND_DOTS)))])
        elif i % 2:
            cells.append(str(rng.integers(0, 10 ** int(rng.integers(1, 17)))))
        else:
            whole = "".join(rng.choice(list("0123456789"), int(rng.integers(0, 11))))
            frac = "".join(rng.choice(list("0123456789"), int(rng.integers(0, 8))))
            cells.append(f"{whole}.{frac}")
    return cells


def _regex(arr) -> np.ndarray:
    import pyarrow.compute as pc

    return pc.fill_null(pc.match_substring_regex(arr, clean._PLAIN_DECIMAL), False).to_numpy(
        zero_copy_only=False
    )


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("large", [False, True])
def test_plain_cells_read_off_the_bytes_as_the_regex_reads_them(seed, large):
    import pyarrow as pa

    kind = pa.large_string() if large else pa.string()
    cells = _digits_and_dots(3000, seed, odd=seed % 3 != 2)
    arr = pa.array(cells, type=kind)
    got = clean._plain_bytes(arr)
    if any(c is not None and c.count(".") > 1 for c in cells):
        assert got is None  # a cell with two dots: the regex decides
        arr = pa.array([c for c in cells if c is None or c.count(".") <= 1], type=kind)
        got = clean._plain_bytes(arr)
    assert got is not None
    assert np.array_equal(got, _regex(arr))
    for a, b in [(0, 1), (7, 2500), (1, 0), (2999, 3000)]:  # slices share the buffers
        part = arr.slice(a, b - a) if b >= a else arr.slice(a, 0)
        sub = clean._plain_bytes(part)
        assert sub is not None and np.array_equal(sub, _regex(part))
    chunked = pa.chunked_array([arr.slice(0, 1000), arr.slice(1000)])
    assert np.array_equal(clean._plain_bytes(chunked), _regex(arr))


def test_other_bytes_or_a_missing_cell_holding_dots_leave_it_to_the_regex():
    import pyarrow as pa

    assert clean._plain_bytes(pa.array(["12", "1/2", "3"])) is None
    assert clean._plain_bytes(pa.array(["12", "-3"])) is None
    assert clean._plain_bytes(pa.array(["12", " 3"])) is None
    assert clean._plain_bytes(pa.array(["12", "3万"])) is None
    assert clean._plain_bytes(pa.array([1, 2])) is None
    # a missing cell whose slot still holds "1.5" (masked by hand): counted dots disagree
    arr = pa.array(["1.5", "2.5", "3"])
    masked = pa.Array.from_buffers(
        arr.type, 3, [pa.py_buffer(np.packbits([0, 1, 1], bitorder="little")), *arr.buffers()[1:]]
    )
    assert masked.null_count == 1
    assert clean._plain_bytes(masked) is None
    assert np.array_equal(clean._plain_bytes(pa.array([None, "2.5", "3"])), [False, True, True])


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("odd", [True, False])
def test_digit_only_columns_clean_as_before(monkeypatch, seed, odd):
    n = 12_000
    df = pd.DataFrame({"Revenue": pd.Series(_digits_and_dots(n, seed, odd=odd), dtype="str")})
    mapping = Mapping([ColumnSpec("Revenue", FieldType.NUMBER, Role.VALUE)])
    fast, slow = _both(df, mapping, monkeypatch)
    a, b = fast.table["Revenue"].to_numpy(), slow.table["Revenue"].to_numpy()
    assert np.array_equal(a, b, equal_nan=True)
    assert np.array_equal(np.signbit(a), np.signbit(b))
    assert fast.report == slow.report
    # the bytes decided, not the regex; and without them the regex gives the same
    if not odd or all(c is None or c.count(".") <= 1 for c in df["Revenue"]):
        assert clean._plain_bytes(pa_array(df["Revenue"])) is not None
    monkeypatch.setattr(clean, "_plain_bytes", lambda arr: None)
    again = clean.clean(df, mapping)
    assert np.array_equal(again.table["Revenue"].to_numpy(), a, equal_nan=True)


def pa_array(s: pd.Series):
    import pyarrow as pa

    return pa.array(s, from_pandas=True)


def test_a_column_of_plain_cells_only_is_read_whole(monkeypatch):
    rng = np.random.default_rng(5)
    cells = [
        str(rng.integers(0, 10 ** int(rng.integers(1, 16))))
        if i % 2
        else f"{rng.integers(0, 10**9)}.{rng.integers(0, 10**6):0{int(rng.integers(1, 7))}d}"[:16]
        for i in range(12_000)
    ]
    cells = [c[:-1] if c.endswith(".") else c for c in cells]
    df = pd.DataFrame({"Revenue": pd.Series(cells, dtype="str")})
    assert clean._plain_bytes(pa_array(df["Revenue"])).all()
    mapping = Mapping([ColumnSpec("Revenue", FieldType.NUMBER, Role.VALUE)])
    fast, slow = _both(df, mapping, monkeypatch)
    a, b = fast.table["Revenue"].to_numpy(), slow.table["Revenue"].to_numpy()
    assert np.array_equal(a, b) and np.array_equal(np.signbit(a), np.signbit(b))
    assert fast.report == slow.report
