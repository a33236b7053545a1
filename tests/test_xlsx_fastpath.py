"""The fast xlsx read (fastexcel below the header) gives what calamine alone gives.

A sheet of 2,000 rows or more (here: of more than ``bookscan.HEAD_ROWS``) is
sampled from a cut copy of the book and its rows below the header are read by
fastexcel (``icp.load.workbook._fast_body``).  Each workbook here is read both ways and
the tables must hold the same cells: same values, same Python types (a date
stays a date, a datetime a datetime, 12.0 a float, "12" text), same header,
notes and sheet rows, and the same cleaned data set.  A workbook the fast
read cannot give exactly (mixed columns, "N/A" text in a number column) must
fall back, and still read the same.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import re
import zipfile
from collections.abc import Callable

import numpy as np
import openpyxl
import pandas as pd
import pytest

from icp import bookcheck, load
from icp.dataset import open_dataset
from icp.load import workbook


def _cells(df: pd.DataFrame) -> list[list[object]]:
    """Every cell, blank (None / NaN) as None, so object and ``str`` columns compare."""
    return [
        [None if v is None or (isinstance(v, float) and v != v) else v for v in df[c].tolist()]
        for c in df.columns
    ]


@pytest.fixture(autouse=True)
def _short_sheets_read_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sheets of a few hundred rows take the fast read here (the app: 2,000 rows and up)."""
    monkeypatch.setattr(bookcheck, "FAST_MIN_ROWS", 0)


def _read(data: bytes, *, fast: bool, monkeypatch: pytest.MonkeyPatch):
    workbook._BOOKS.clear()
    with monkeypatch.context() as m:
        if not fast:
            m.setattr(workbook, "_open_fast", lambda *a, **k: None)
        raw = load.read_table(data, filename="book.xlsx")
        used = [s.body is not None for s in workbook.cached_book(data, "xlsx").sheets]
        ds = open_dataset(data, filename="book.xlsx")
    workbook._BOOKS.clear()
    return raw, used, ds


def _assert_same(data: bytes, monkeypatch: pytest.MonkeyPatch, *, expect_fast: bool) -> None:
    fast, used, fast_ds = _read(data, fast=True, monkeypatch=monkeypatch)
    slow, slow_used, slow_ds = _read(data, fast=False, monkeypatch=monkeypatch)
    assert any(used) is expect_fast
    assert not any(slow_used)
    assert list(fast.df.columns) == list(slow.df.columns)
    a, b = _cells(fast.df), _cells(slow.df)
    for name, col_a, col_b in zip(slow.df.columns, a, b, strict=True):
        assert [type(v) for v in col_a] == [type(v) for v in col_b], name
        assert col_a == col_b, name
    assert fast.sheets == slow.sheets
    assert (fast.header_row, fast.header_rows) == (slow.header_row, slow.header_rows)
    assert fast.notes == slow.notes
    assert np.array_equal(fast.rows, slow.rows)
    pd.testing.assert_frame_equal(fast_ds.table, slow_ds.table)
    assert fast_ds.notes == slow_ds.notes
    assert fast_ds.mapping == slow_ds.mapping


def _book(rows: list[list[object]], *, merge: tuple[int, int, int] | None = None) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户"
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row, start=1):
            if v is not None:
                ws.cell(r, c, v)
    if merge:
        r, c1, c2 = merge
        ws.merge_cells(start_row=r, start_column=c1, end_row=r, end_column=c2)
    notes = wb.create_sheet("说明")
    notes.append(["本表为测试生成的虚构数据"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _edit_parts(data: bytes, edit: Callable[[str, bytes], bytes]) -> bytes:
    """The workbook ``data`` with each zip part's bytes replaced by ``edit(name, bytes)``."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, edit(info.filename, src.read(info)))
    return out.getvalue()


def _with_formulas(data: bytes, column: str) -> bytes:
    """Cells of ``column`` become formulas with their cached value (as Excel saves them)."""
    cell = rb'<c r="(' + column.encode() + rb'\d+)" t="n"><v>'

    def edit(name: str, body: bytes) -> bytes:
        if name.endswith("sheet1.xml"):
            body = re.sub(cell, rb'<c r="\1"><f>1+1</f><v>', body)
        return body

    return _edit_parts(data, edit)


def _awkward(n: int = 240, *, seed: int = 0) -> list[list[object]]:
    """Title rows, a merged two-row header, every kind of typed column, a totals row."""
    rng = random.Random(seed)
    rows: list[list[object]] = [
        ["2024 客户名单 Customer list"],
        ["导出日期: 2024-05-01"],
        [],
        ["Company", "Revenue", None, "Signed", "Signed at", "Signed (text)", "Status", "Won",
         "Empty", "Score", "Serial", "ARR", "Notes"],
        [None, "2023", "2024"],
    ]  # fmt: skip
    for i in range(n):
        rows.append(
            [
                f"Company {i % 180}",
                rng.randint(1000, 90000) * 1.5,
                rng.choice([None, rng.randint(1000, 90000) + 0.25]),
                dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 1500)),
                dt.datetime(2021, 1, 1, rng.choice([0, 0, 9, 17]), rng.choice([0, 30]))
                + dt.timedelta(days=rng.randint(0, 900)),
                (dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 900))).strftime(
                    rng.choice(["%Y-%m-%d", "%d/%m/%Y", "%Y年%m月%d日"])
                ),
                rng.choice(["Won", "Lost", "已签约", "未签约", " won ", "N/A"]),
                rng.choice([True, False, None]),
                None,
                rng.randint(1, 5),
                43000 + rng.randint(0, 900),
                rng.choice(["1.2万", "$12,000", "N/A", "300-500", "¥8,000", "12"]),
                rng.choice([None, " 备注 ", "some note", "合计 later"]),
            ]
        )
    rows.append(["合计", None, 123456.0])
    rows.append([])
    rows.append(["Confidential Information - Do Not Distribute"])
    return rows


def test_awkward_typed_workbook_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _with_formulas(_book(_awkward(), merge=(4, 2, 3)), "J")
    _assert_same(data, monkeypatch, expect_fast=True)


def test_plain_header_and_offset_table_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [["Company", "Revenue", "Revenue 2024", *(_awkward()[3][3:])]]
    rows += [r for r in _awkward(seed=1)[5:]]
    rows = [[None, None, *r] for r in rows]  # the table starts in column C
    _assert_same(_book(rows), monkeypatch, expect_fast=True)


def test_mixed_column_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _awkward(seed=2)
    rows[150][9] = "five"  # a text cell in the number column Score
    _assert_same(_book(rows, merge=(4, 2, 3)), monkeypatch, expect_fast=False)


@pytest.mark.parametrize("word", ["N/A", "NULL", "nan", "None"])
def test_missing_word_in_a_number_column_falls_back(
    monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    # fastexcel reads these words as missing in a typed column; calamine keeps the text
    rows = _awkward(seed=3)
    rows[200][1] = word  # far below the sample
    rows[201][3] = word  # and in the date column
    _assert_same(_book(rows, merge=(4, 2, 3)), monkeypatch, expect_fast=False)


def test_time_of_day_falls_back(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _awkward(seed=4)
    for r in rows[5:-3]:
        r[4] = dt.time(9, 30)  # calamine gives times of day, fastexcel 1899-12-31
    _assert_same(_book(rows, merge=(4, 2, 3)), monkeypatch, expect_fast=False)


def test_short_sheet_is_read_by_calamine(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _awkward(n=40, seed=5)
    _assert_same(_book(rows, merge=(4, 2, 3)), monkeypatch, expect_fast=False)


def test_given_header_row_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _book(_awkward(seed=6), merge=(4, 2, 3))
    out = []
    for fast in (True, False):
        workbook._BOOKS.clear()
        with monkeypatch.context() as m:
            if not fast:
                m.setattr(workbook, "_open_fast", lambda *a, **k: None)
            out.append(load.read_table(data, filename="b.xlsx", header_row=4))
    workbook._BOOKS.clear()
    assert _cells(out[0].df) == _cells(out[1].df)
    assert list(out[0].df.columns) == list(out[1].df.columns)


def _blank_number_cells(n: int = 240, *, seed: int = 7) -> list[list[object]]:
    """A plain list whose number, date and boolean columns have blank cells."""
    rng = random.Random(seed)
    rows: list[list[object]] = [["Company", "Revenue", "Signed", "Won", "Notes"]]
    for i in range(n):
        rows.append(
            [
                f"Company {i}",
                rng.choice([None, rng.randint(1000, 90000) * 1.5]),
                rng.choice([None, dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 900))]),
                rng.choice([True, False, None]),
                rng.choice([None, "some note", "备注"]),
            ]
        )
    return rows


def _inline_book(rows: list[list[object]]) -> bytes:
    """The rows written the way openpyxl's write-only mode does: text as inline strings."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("客户")
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _words_ok(data: bytes) -> bool:
    zf = zipfile.ZipFile(io.BytesIO(data))
    part = bookcheck.sheet_parts(zf)["客户"]
    return workbook._no_missing_words(zf, part)


def test_blank_typed_cells_read_fast_without_a_second_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = _book(_blank_number_cells())
    assert _words_ok(data)  # no missing word anywhere: the blanks are blanks
    _assert_same(data, monkeypatch, expect_fast=True)


@pytest.mark.parametrize(
    "word", ["N/A", "null", " ", "#N/A", "<NA>", "None", "NA", "n/a", "nan", "_x004E_/A"]
)
def test_a_missing_word_anywhere_asks_for_the_second_read(word: str) -> None:
    rows = _blank_number_cells()
    rows[120][4] = word  # in the text column only
    assert not _words_ok(_book(rows))


@pytest.mark.parametrize(
    "rows_of",
    [
        lambda rows: _inline_book(rows),  # inline text: not in the shared strings
        lambda rows: _book(rows),  # shared strings
    ],
)
@pytest.mark.parametrize("word", ["N/A", "NULL", "None", " "])
def test_missing_word_with_blank_number_cells_falls_back(
    monkeypatch: pytest.MonkeyPatch, rows_of, word: str
) -> None:
    # blank cells in the typed columns and a missing word in one: only the second read
    # (or the shared strings check) can tell the word from a blank
    rows = _blank_number_cells(seed=8)
    rows[150][1] = word
    _assert_same(rows_of(rows), monkeypatch, expect_fast=False)


def test_missing_word_in_a_text_column_still_reads_fast(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _blank_number_cells(seed=9)
    rows[150][4] = "N/A"  # text column: fastexcel keeps it, as calamine does
    _assert_same(_book(rows), monkeypatch, expect_fast=True)


def test_error_cells_ask_for_the_second_read(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _blank_number_cells(seed=10)
    rows[150][1] = "#DIV/0!"  # openpyxl writes it as an error cell (t="e")
    data = _book(rows)
    assert not _words_ok(data)
    # the text read finds no text there either (both readers give a blank): still fast
    _assert_same(data, monkeypatch, expect_fast=True)


def test_rich_text_strings_ask_for_the_second_read() -> None:
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户"
    for r in _blank_number_cells(seed=11):
        ws.append(r)
    ws["E5"] = CellRichText(TextBlock(InlineFont(b=True), "N"), "/A")  # "N/A" in two runs
    buf = io.BytesIO()
    wb.save(buf)
    assert not _words_ok(buf.getvalue())


def _shared_strings(data: bytes) -> bytes:
    """The book with its inline text moved to a shared-strings part, as Excel saves it."""
    src = zipfile.ZipFile(io.BytesIO(data))
    table: dict[bytes, int] = {}

    def share(m: re.Match[bytes]) -> bytes:
        idx = table.setdefault(m.group(2), len(table))
        return m.group(1) + b' t="s"><v>' + str(idx).encode() + b"</v></c>"

    inline = re.compile(
        rb'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is><t[^>]*>([^<]*)</t></is></c>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename.startswith("xl/worksheets/"):
                body = inline.sub(share, body)
                assert b"inlineStr" not in body
            elif info.filename == "xl/_rels/workbook.xml.rels":
                body = body.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdSst" Target="sharedStrings.xml" Type="http://schemas'
                    b'.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/>'
                    b"</Relationships>",
                )
            elif info.filename == "[Content_Types].xml":
                body = body.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
                    b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            dst.writestr(info, body)
        sst = b"".join(b'<si><t xml:space="preserve">' + text + b"</t></si>" for text in table)
        dst.writestr(
            "xl/sharedStrings.xml",
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://'
            b'schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">'
            % (len(table), len(table))
            + sst
            + b"</sst>",
        )
    return out.getvalue()


def test_shared_strings_are_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _shared_strings(_book(_blank_number_cells(seed=12)))
    assert "xl/sharedStrings.xml" in zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert _words_ok(data)
    _assert_same(data, monkeypatch, expect_fast=True)


@pytest.mark.parametrize("word", ["N/A", "NULL", " ", "#N/A"])
def test_a_shared_missing_word_falls_back(monkeypatch: pytest.MonkeyPatch, word: str) -> None:
    rows = _blank_number_cells(seed=13)
    rows[150][1] = word  # the number column, far below the sample, as a shared string
    data = _shared_strings(_book(rows))
    assert not _words_ok(data)
    _assert_same(data, monkeypatch, expect_fast=word == "#N/A")  # "#N/A": an error cell


@pytest.mark.parametrize(
    "values",
    [
        [1.5, None, -0.0, 0.0, 1e300, -2.25, None],
        [3.0] * 5,
        [True, None, False, True],
        [False, True],
        [None, None, None],
        [],
    ],
)
@pytest.mark.parametrize("chunks", [0, 1, 2])  # 0: an Array, as a RecordBatch's columns
def test_number_and_boolean_cells_are_the_python_objects_to_pylist_gives(
    values: list, chunks: int
) -> None:
    import pyarrow as pa

    kind = pa.null() if all(v is None for v in values) else None
    if kind is None:
        kind = pa.bool_() if any(isinstance(v, bool) for v in values) else pa.float64()
    half = len(values) // 2
    parts = [values] if chunks == 1 else [values[:half], values[half:]]
    col = pa.chunked_array([pa.array(p, type=kind) for p in parts], type=kind)
    if chunks == 0:
        col = pa.array(values, type=kind)
    got = workbook._calamine_cells(col)
    want = col.to_pylist()
    assert got.dtype == object and len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert type(g) is type(w)
        assert g == w or (g is None and w is None)
        if isinstance(w, float):
            assert np.signbit(g) == np.signbit(w)


@pytest.mark.parametrize("escaped", [b"&#78;/A", b"N&#47;A", b"_x004E_/A"])
@pytest.mark.parametrize("shared", [False, True])
def test_escaped_characters_ask_for_the_second_read(escaped: bytes, shared: bool) -> None:
    # a character reference or an _xHHHH_ escape can spell a missing word: doubtful
    rows = _blank_number_cells(seed=12)
    rows[120][4] = "placeholder"

    def edit(name: str, body: bytes) -> bytes:
        if name.startswith("xl/worksheets/"):
            assert body.count(b">placeholder<") == 1
            body = body.replace(b">placeholder<", b">" + escaped + b"<")
        return body

    data = _edit_parts(_inline_book(rows), edit)
    assert not _words_ok(_shared_strings(data) if shared else data)


@pytest.mark.parametrize("cell", [b't="d"><v>2022-03-04T00:00:00</v>', b"t='d'><v>2022-03-04</v>"])
def test_an_iso_date_cell_far_down_is_read_by_calamine(
    monkeypatch: pytest.MonkeyPatch, cell: bytes
) -> None:
    # calamine gives an ISO-date cell (t="d") as a datetime even at midnight, where the
    # fast read would give a date, as for the serial dates around it: not read fast
    # the first serial date below the 60-row sample
    serial = re.compile(rb'(<c r="C(?:1[5-9]\d|2\d\d)"[^>]*?) t="n"><v>\d+</v>')

    def edit(name: str, body: bytes) -> bytes:
        if name == "xl/worksheets/sheet1.xml":
            body, n = serial.subn(rb"\1 " + cell, body, count=1)
            assert n == 1
        return body

    _assert_same(
        _edit_parts(_book(_blank_number_cells(seed=13)), edit), monkeypatch, expect_fast=False
    )
