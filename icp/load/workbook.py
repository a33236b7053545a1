"""Workbooks (.xlsx/.xlsm/.xls/.ods): safety pre-checks, sheet choice, the grid.

A workbook is opened once per content (``cached_book``): zip-bomb and entity
checks plus every sheet's extent in one streaming pass (``icp.bookcheck``),
then python-calamine reads it; the sheet most like a customer table is picked
and its rows go through the shared header rules in ``icp.load.header``.  A
long .xlsx sheet is sampled from its head (the first rows the pass kept) and
its rows below the header are read by fastexcel, when they provably equal
what calamine gives (``_open_fast``); otherwise calamine reads it all.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import logging
import math
import re
import threading
import zipfile
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from icp import bookcheck
from icp.errors import InputError
from icp.i18n import Lang, Msg
from icp.load.header import (
    SAMPLE_ROWS,
    count_nonblank,
    detect_header,
    finish,
    is_blank,
    is_label,
    is_subheader,
    join_header,
)
from icp.load.table import RawTable, SheetInfo

__all__ = ["cached_book", "read_book"]

_MB = 1024 * 1024


@dataclass
class _Sheet:
    info: SheetInfo
    obj: Any  # python_calamine.CalamineSheet (of the small book of heads, for a fast sheet)
    sample: list[list[Any]]
    start: tuple[int, int]
    part: str | None  # worksheet XML member (xlsx only)
    body: _FastBody | None = None  # the rows below the header, read by fastexcel


@dataclass
class _Book:
    kind: str
    sheets: list[_Sheet]
    zf: zipfile.ZipFile | None
    data: bytes = b""
    lock: threading.Lock = field(default_factory=threading.Lock)
    # the last table read from this book, by (sheet, header_row, lang): the
    # accounts + deals check reads the sheet just read again
    last: tuple[tuple[str, int | None, str], RawTable] | None = None


_BOOKS: OrderedDict[bytes, _Book] = OrderedDict()  # last opened workbooks, by content
_BOOKS_LOCK = threading.Lock()
_BOOKS_KEEP = 2


def cached_book(data: bytes, kind: str) -> _Book:
    """The opened workbook for ``data``, reused when the same bytes come again.

    Listing sheets, reading one, then reading another (the accounts + deals
    flow) would otherwise parse and safety-check the whole file each time.
    """
    key = bookcheck.content_key(data)
    with _BOOKS_LOCK:
        book = _BOOKS.get(key)
        if book is not None:
            _BOOKS.move_to_end(key)
            return book
    book = _open_book(data, kind, key)
    with _BOOKS_LOCK:
        _BOOKS[key] = book
        while len(_BOOKS) > _BOOKS_KEEP:
            _BOOKS.popitem(last=False)
    return book


def _open_book(data: bytes, kind: str, key: bytes) -> _Book:
    """Check (``icp.bookcheck``, unless this process holds a scan of these bytes), then read."""
    label = {"xlsx": "Excel", "xls": "Excel 97-2003", "ods": "OpenDocument"}[kind]
    zf = None
    parts: dict[str, str] = {}
    heads: dict[str, bytes] = {}
    scanned = bookcheck.trusted(key) if kind == "xlsx" else None
    if scanned is not None:
        zf = zipfile.ZipFile(io.BytesIO(data))
        parts, heads = scanned.parts, scanned.heads
    elif kind in ("xlsx", "ods"):
        zf = zipfile.ZipFile(io.BytesIO(data))
        bookcheck.check_zip(zf, label)
        if kind == "xlsx":
            parts = bookcheck.sheet_parts(zf)
        heads = bookcheck.check_extents(zf, kind, parts, label)
    sheets = None
    if heads:
        try:
            sheets = _open_fast(data, zf, parts, heads)
        except Exception:  # anything unusual: calamine reads the whole book, as it always did
            sheets = None
    if sheets is None:
        sheets = _open_sheets(data, parts, label, heads={})
    if not sheets:
        raise InputError("load.no_sheets")
    return _Book(kind=kind, sheets=sheets, zf=zf, data=data)


def _open_sheets(
    data: bytes,
    parts: dict[str, str],
    label: str,
    *,
    heads: dict[str, bytes],
    full: bytes | None = None,
    zf: zipfile.ZipFile | None = None,
) -> list[_Sheet]:
    """Every worksheet: sample, size and score, read by calamine from ``data``.

    With ``heads`` (worksheet member → its head), ``data`` is the small book of
    those heads (``_mini_book``) and the body of each such sheet is read from
    the whole file ``full`` (zip ``zf``) by fastexcel (``_fast_body``).
    """
    # lazy: startup speed
    from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        meta = wb.sheets_metadata
    except PasswordError:
        raise InputError("load.encrypted") from None
    except Exception as exc:
        raise InputError("load.unreadable", kind=label, detail=_short(exc)) from None
    sheets: list[_Sheet] = []
    reader = None
    for m in meta:
        if m.typ != SheetTypeEnum.WorkSheet:
            continue
        part = parts.get(m.name)
        try:
            sh = wb.get_sheet_by_name(m.name)
            sample = sh.to_python(skip_empty_area=True, nrows=SAMPLE_ROWS)
        except PasswordError:
            raise InputError("load.encrypted") from None
        except Exception as exc:
            raise InputError("load.unreadable", kind=label, detail=_short(exc)) from None
        n_rows, n_cols = (sh.height, sh.width) if sample else (0, 0)
        body = None
        if part is not None and part in heads:
            if reader is None:
                import fastexcel  # lazy: startup speed

                # it logs "falling back to string" for an empty column: not the user's business
                logging.getLogger("fastexcel").setLevel(logging.ERROR)
                reader = fastexcel.read_excel(full)
            assert zf is not None
            words_ok = functools.partial(_no_missing_words, zf, part)
            body = _fast_body(reader, m.name, sh, sample, words_ok)
            if body is None:
                raise _NotFast(m.name)
            n_rows = body.n_rows
        hidden = m.visible != SheetVisibleEnum.Visible
        score = _sheet_score(m.name, sample, n_rows, hidden=hidden)
        info = SheetInfo(name=m.name, n_rows=n_rows, n_cols=n_cols, score=score)
        start = tuple(sh.start) if sample and sh.start is not None else (0, 0)
        sheets.append(_Sheet(info=info, obj=sh, sample=sample, start=start, part=part, body=body))
    return sheets


class _NotFast(Exception):
    """A sheet the fast read cannot give exactly as calamine would: read the book as before."""


def _open_fast(
    data: bytes, zf: zipfile.ZipFile, parts: dict[str, str], heads: dict[str, bytes]
) -> list[_Sheet] | None:
    """The sheets, with the body of each sheet that has a head read by fastexcel.

    calamine parses a whole sheet before it gives any row, so sampling a
    100k-row sheet cost a full parse, and ``to_python`` then made 1.6M
    Python objects.  Here calamine reads only a small copy of the book in
    which each long sheet is cut after its first rows (``_mini_book``), for
    the sample, the merged cells and the header; fastexcel reads the rows
    below the header straight into Arrow.  None when a sheet cannot be read
    this way exactly (the caller reads the book with calamine alone).
    """
    mini = _mini_book(zf, heads)
    try:
        return _open_sheets(mini, parts, "Excel", heads=heads, full=data, zf=zf)
    except _NotFast:
        return None


def _mini_book(zf: zipfile.ZipFile, heads: dict[str, bytes]) -> bytes:
    """The workbook with each member in ``heads`` replaced by its head (stored, unzipped)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as mini:
        for info in zf.infolist():
            mini.writestr(info.filename, heads.get(info.filename) or zf.read(info))
    return out.getvalue()


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def _col_letters(idx: int) -> str:
    s, n = "", idx + 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


_NOTES_NAME = re.compile(
    r"note|readme|read me|instruction|about|info|help|cover|legend|dictionary|glossary|"
    r"changelog|说明|备注|注释|目录|封面|字典|图例|帮助|须知|填写",
    re.IGNORECASE,
)
_SUMMARY_NAME = re.compile(r"summary|pivot|chart|dashboard|汇总|透视|图表|统计", re.IGNORECASE)


def _sheet_score(name: str, sample: list[list[Any]], n_rows: int, *, hidden: bool) -> float:
    """How much a sheet looks like a customer table: rows x filled columns x header-ness."""
    if not sample:
        return 0.0
    h = detect_header(sample)
    below = sample[h + 1 :]
    filled_cols = sum(1 for c in range(len(sample[0])) if any(not is_blank(r[c]) for r in below))
    header = sample[h]
    labels = sum(1 for v in header if is_label(v))
    filled = sum(1 for v in header if not is_blank(v))
    header_like = filled >= 2 and labels >= 0.8 * filled
    data_rows = max(n_rows - h - 1, 0)
    score = filled_cols * math.log2(2 + data_rows) * (1.5 if header_like else 1.0)
    if _NOTES_NAME.search(name):
        score *= 0.1
    elif _SUMMARY_NAME.search(name):
        score *= 0.5
    if hidden:
        score *= 0.05
    return round(score, 3)


def read_book(
    data: bytes, kind: str, *, sheet: str | None, header_row: int | None, lang: Lang
) -> RawTable:
    book = cached_book(data, kind)
    infos = [replace(s.info) for s in book.sheets]  # copies: the book may be cached
    notes: list[Msg] = []
    if sheet is None:
        chosen = max(book.sheets, key=lambda s: s.info.score)  # first of equals wins
        if len(book.sheets) > 1:
            notes.append(
                Msg("load.note.sheet_chosen", {"sheet": chosen.info.name, "n": len(infos)})
            )
    else:
        match = [s for s in book.sheets if s.info.name == sheet]
        if not match:
            match = [s for s in book.sheets if s.info.name.strip().lower() == sheet.strip().lower()]
        if not match:
            raise InputError(
                "load.sheet_missing", sheet=sheet, sheets=", ".join(i.name for i in infos)
            )
        chosen = match[0]
    name = chosen.info.name
    if not chosen.sample:
        raise InputError("load.sheet_empty", sheet=name)
    key = (name, header_row, lang)
    with book.lock:  # one reader at a time per cached workbook (Streamlit threads)
        if book.last is not None and book.last[0] == key:
            raw = book.last[1]
        elif chosen.body is not None and header_row is None:  # read by fastexcel
            merged = _merged_in(chosen.obj, *chosen.start)
            raw = _book_table(
                book, chosen, chosen.sample, merged, infos, [], None, lang, body=chosen.body
            )
            book.last = (key, raw)
        else:
            sh = chosen.obj if chosen.body is None else _whole_sheet(book, name)
            rows = sh.to_python(skip_empty_area=True)
            merged = _merged_in(sh, *chosen.start)
            raw = _book_table(book, chosen, rows, merged, infos, [], header_row, lang)
            book.last = (key, raw)
    # a copy: callers own what they get (the cached one stays as read)
    return replace(raw, df=raw.df.copy(), sheets=infos, notes=[*notes, *raw.notes])


def _whole_sheet(book: _Book, name: str) -> Any:
    """calamine's sheet of the whole file (a fast sheet read with a header row given)."""
    from python_calamine import CalamineWorkbook  # lazy: startup speed

    return CalamineWorkbook.from_filelike(io.BytesIO(book.data)).get_sheet_by_name(name)


def _book_table(
    book: _Book,
    chosen: _Sheet,
    rows: list[list[Any]],
    merged: dict[int, list[tuple[int, int]]],
    infos: list[SheetInfo],
    notes: list[Msg],
    header_row: int | None,
    lang: Lang,
    body: _FastBody | None = None,
) -> RawTable:
    """The table of ``rows`` (the sheet's grid); with ``body``, ``rows`` is the sample
    and the data rows below the header are ``body``'s."""
    kind, name = book.kind, chosen.info.name
    r0, c0 = chosen.start

    if header_row is None:
        h = detect_header(chosen.sample)
    else:
        h = header_row - r0
        if header_row < 0 or h >= len(rows):
            raise InputError(
                "load.header_row_out_of_range", row=header_row + 1, rows=r0 + len(rows)
            )
    header = list(rows[h]) if h >= 0 else [None] * (len(rows[0]) if rows else 0)
    n_hdr = 1
    if h >= 0 and h + 1 < len(rows) and is_subheader(header, rows[h + 1], merged.get(h, [])):
        header = join_header(header, rows[h + 1], merged.get(h, []))
        n_hdr = 2
    # a fast body's rows start below the header found in the same sample
    df = body.frame() if body is not None else _grid_frame(rows[max(h + n_hdr, 0) :], len(header))
    grid_first = r0 + max(h + n_hdr, 0)  # sheet row index of df's first row
    df.index = pd.RangeIndex(grid_first, grid_first + len(df))
    raw, empty_cols = finish(
        df,
        header,
        kind=kind,
        sheet=name,
        sheets=infos,
        header_row=r0 + max(h, 0),
        header_rows=n_hdr,
        col_offset=c0,
        notes=list(notes),
        title_rows=count_nonblank(rows[: max(h, 0)]),
        lang=lang,
    )
    if empty_cols and kind == "xlsx" and book.zf is not None and chosen.part is not None:
        raw.notes += _formula_notes(book.zf, chosen.part, empty_cols, c0)
    return raw


def _merged_in(sh: Any, r0: int, c0: int) -> dict[int, list[tuple[int, int]]]:
    """Horizontal merged ranges per (sample-relative) row: {row: [(first col, last col)]}."""
    out: dict[int, list[tuple[int, int]]] = {}
    try:
        ranges = sh.merged_cell_ranges or []
    except Exception:
        return out
    for (ra, ca), (rb, cb) in ranges:
        if cb > ca:
            for r in range(ra, min(rb, ra + 2) + 1):
                out.setdefault(r - r0, []).append((ca - c0, cb - c0))
    return out


@dataclass
class _FastBody:
    """The rows below a sheet's detected header, as fastexcel read them."""

    header_at: int  # sample row of the (first) header row, as detect_header found it
    n_rows: int  # the sheet's used height, as calamine counts it
    # cells as calamine gives them: text as pandas ``str`` (blank: NaN), the rest as
    # object arrays of floats, booleans, dates and datetimes (blank: None)
    columns: list[Any]

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(dict(enumerate(self.columns)), copy=False)


_EARLIEST = dt.datetime(1900, 3, 1)  # before it: Excel's 1900 leap day, and times of day
_LATEST = dt.datetime(9999, 12, 31, 23, 59, 59)  # numpy's objects end with Python's


def _fast_body(
    reader: Any, name: str, sh: Any, sample: list[list[Any]], words_ok: Callable[[], bool]
) -> _FastBody | None:
    """The data rows of sheet ``name`` read by fastexcel, or None if not exactly calamine's.

    ``sh`` is calamine's sheet of the head, ``sample`` its first rows.  The
    header is found in the sample as the reader would find it; fastexcel then
    reads every row below it, each column typed over all its cells, and
    refuses a column that mixes kinds (text and numbers, say).  The cells
    must also be the ones calamine gives: text, floats, booleans, dates
    (midnight) and datetimes only, the sheet as wide as its head, and the
    data rows inside the sample equal to calamine's.  ``words_ok`` says whether
    the sheet provably holds no text fastexcel reads as missing
    (``_no_missing_words``).
    """
    if len(sample) < SAMPLE_ROWS or sh.height <= SAMPLE_ROWS or sh.start is None:
        return None  # the head must hold the whole sample and more
    r0, c0 = sh.start
    h = detect_header(sample)
    merged = _merged_in(sh, r0, c0)
    if h + 2 >= len(sample):
        return None
    n_hdr = 2 if is_subheader(sample[h], sample[h + 1], merged.get(h, [])) else 1
    top = r0 + h + n_hdr - 1  # sheet row just above the data
    sheet = reader.load_sheet(
        name, header_row=top, schema_sample_rows=None, dtype_coercion="strict"
    )
    width = sh.width
    if sheet.width != width or sheet.height != sheet.total_height:
        return None
    table = sheet.to_arrow()
    if table.num_columns != width:
        return None
    if not _blanks_are_blank(reader, name, top, table, words_ok):
        return None
    columns = []
    for col in table.columns:
        cells = _calamine_cells(col)
        if cells is None:
            return None
        columns.append(cells)
    # the data rows the sample holds must be calamine's, cell for cell
    for i, row in enumerate(sample[h + n_hdr :]):
        for j, v in enumerate(row):
            w = columns[j][i] if i < len(columns[j]) else None
            v = None if v == "" else v
            w = None if w is pd.NA or (isinstance(w, float) and w != w) else w
            if type(v) is not type(w) or v != w:
                return None
    return _FastBody(header_at=h, n_rows=top - r0 + 1 + sheet.total_height, columns=columns)


def _blanks_are_blank(
    reader: Any, name: str, top: int, table: Any, words_ok: Callable[[], bool]
) -> bool:
    """Whether every missing cell of a number, boolean or date column is really blank.

    fastexcel reads pandas' missing-value words ("N/A", "NULL", "nan", ...),
    blank-looking text and error cells in such a column as missing, where
    calamine gives the text.  When the book provably holds none (``words_ok``:
    the usual list with blank number cells), nothing more is read; otherwise
    those columns are read once more as text, and a cell that is text there
    and missing in the typed read is such a word.
    """
    import pyarrow as pa  # lazy: startup speed
    import pyarrow.compute as pc  # lazy: startup speed

    holes = []
    for i, col in enumerate(table.columns):
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            continue
        if pa.types.is_floating(col.type) and pc.any(pc.is_nan(col)).as_py():
            return False  # "NaN" text read as a number
        if col.null_count:
            holes.append(i)
    if not holes or words_ok():
        return True
    names = [table.schema.names[i] for i in holes]  # (fastexcel's own, unique)
    as_text = reader.load_sheet(
        name,
        header_row=top,
        use_columns=names,
        dtypes=dict.fromkeys(names, "string"),
        schema_sample_rows=None,
    ).to_arrow()
    if as_text.schema.names != names:
        return False
    for i, text in zip(holes, as_text.columns, strict=True):
        if pc.any(pc.and_(pc.is_null(table.column(i)), pc.is_valid(text))).as_py():
            return False
    return True


# Text fastexcel reads as missing in a typed column, where calamine keeps it (checked:
# pandas' missing-value words, blank-looking text; error cells too).  Doubtful, in a
# worksheet or the shared strings: a rich-text run (a word split over runs); a text
# element that is blank or starts with "#", "<" (CDATA) or a missing word (any case,
# spaces around); a formula's text or an error cell (t="str" / t="e"); escaped
# characters (``_xHHHH_``, ``&#``).  A superset: it may doubt harmless text.  Four
# passes, each with a literal start (a regex of alternatives without one is ~3x slower).
_DOUBT_TEXT = re.compile(
    rb"<(?:r[\s>]|t\s*/>|t(?:\s[^>]*)?>\s*(?:[<#]"
    rb"|(?i:n/a(?: n/a)?|na|null|none|nan|-nan|&lt;na&gt;)\s*<))"
)
_OWN_TEXT = re.compile(rb"=\s*[\"'](?:str|e)[\"']")
_ESCAPES = ((ord("_"), ord("x")), (ord("&"), ord("#")))  # "_x", "&#"
_SST_MEMBER = re.compile(r"(?i)sharedstrings[^/]*\.xml$")
_ELEMENT_END = (b"</c>", b"</si>")


def _doubtful(buf: bytes, end: int) -> bool:
    if _DOUBT_TEXT.search(buf, 0, end) or _OWN_TEXT.search(buf, 0, end):
        return True
    return _escaped(buf, end)


def _escaped(buf: bytes, end: int) -> bool:
    """Whether ``buf[:end]`` holds "_x" or "&#": the bytes after each "_" and "&" (numpy;
    ``bytes.find`` of a two-byte needle took 2-4x as long)."""
    a = np.frombuffer(buf, dtype=np.uint8, count=end)
    for first, second in _ESCAPES:
        at = np.flatnonzero(a[:-1] == first)
        if len(at) and bool((a[at + 1] == second).any()):
            return True
    return False


def _no_missing_words(zf: zipfile.ZipFile, part: str) -> bool:
    """Whether worksheet ``part`` provably holds no text fastexcel would read as missing.

    The sheet and every shared-strings part are streamed once and cut after
    whole cells (strings), so no text element is split; anything doubtful
    (``_doubtful``) answers False, and anything unusual too (the typed columns are then read
    again as text, as before).
    """
    try:
        members = [part, *(n for n in zf.NameToInfo if _SST_MEMBER.search(n))]
        for name in members:
            rest = b""
            with zf.open(name) as f:
                while True:
                    chunk = f.read(4 * _MB)
                    buf = rest + chunk
                    cut = len(buf)
                    if chunk:
                        ends = [buf.rfind(e) + len(e) for e in _ELEMENT_END if e in buf]
                        cut = max(ends, default=0)
                    if _doubtful(buf, cut):
                        return False
                    rest = buf[cut:]
                    if not chunk:
                        break
                    if len(rest) > 64 * _MB:  # no element end for that long: unusual
                        return False
        return True
    except Exception:
        return False


def _calamine_cells(col: Any) -> Any:
    """An Arrow column as the object array calamine's cells make (None if it cannot)."""
    import pyarrow as pa  # lazy: startup speed
    import pyarrow.compute as pc  # lazy: startup speed

    typ = col.type
    if pa.types.is_string(typ) or pa.types.is_large_string(typ):
        # text stays in Arrow (pandas' ``str``, as the text reader gives): no Python strings
        col = pc.if_else(pc.equal(col, ""), pa.scalar(None, typ), col)
        return pd.array(col.cast(pa.large_string()), dtype="str")
    if pa.types.is_null(typ):
        return np.full(len(col), None, dtype=object)
    if pa.types.is_floating(typ) or pa.types.is_boolean(typ):
        # numpy makes the Python floats and bools in C, as ``to_pylist`` would (blank: None)
        out = col.to_numpy(zero_copy_only=False).astype(object)
        if col.null_count:
            out[col.is_null().to_numpy(zero_copy_only=False)] = None
        return out
    if pa.types.is_timestamp(typ):
        if typ.tz is not None:
            return None
        stamps = col.cast(pa.timestamp("ms"))
        if col.null_count < len(col):
            span = pc.min_max(stamps)
            if span["min"].as_py() < _EARLIEST or span["max"].as_py() > _LATEST:
                return None
        # calamine gives a date at midnight, a datetime otherwise; numpy makes the
        # Python objects in C (blank: NaT → None), as ``to_pylist`` would, 15x faster
        ms = pc.cast(stamps, pa.int64())
        midnight = pc.fill_null(
            pc.equal(pc.subtract(ms, pc.multiply(pc.divide(ms, _DAY), _DAY)), 0), True
        )
        days = stamps.cast(pa.date32()).to_numpy(zero_copy_only=False).astype(object)
        if pc.all(midnight).as_py():
            return days
        out = stamps.to_numpy(zero_copy_only=False).astype("datetime64[us]").astype(object)
        at = midnight.to_numpy(zero_copy_only=False)
        out[at] = days[at]
        return out
    return None


_DAY = 86_400_000  # ms


def _grid_frame(rows: list[list[Any]], width: int) -> pd.DataFrame:
    """Calamine rows as one object block with integer column labels; blank cells → None."""
    width = max([width, *(len(r) for r in rows[:1])])
    if not rows:
        return pd.DataFrame(np.empty((0, width), dtype=object))
    arr = np.empty((len(rows), width), dtype=object)
    try:
        arr[:, : len(rows[0])] = rows
    except ValueError:  # ragged rows (calamine pads, so only defensive)
        for i, r in enumerate(rows):
            arr[i, : len(r)] = r
    arr[arr == ""] = None
    return pd.DataFrame(arr, dtype=object, copy=False)


_FORMULA_NO_VALUE = re.compile(
    rb'<c\b[^>]*?\br="([A-Z]{1,3})\d+"[^>]*>\s*<f\b(?:[^>]*/>|[^>]*>[^<]*</f>)'
    rb"\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>"
)


def _formula_notes(
    zf: zipfile.ZipFile, part: str, empty_cols: dict[str, int], c0: int
) -> list[Msg]:
    """Notes for columns that are empty because formulas have no saved results.

    Only columns that came out entirely empty (name → grid column) are
    checked, with one streaming pass over the sheet XML.
    """
    letters = {_col_letters(c + c0): name for name, c in empty_cols.items()}
    found: set[str] = set()
    tail = b""
    with zf.open(part) as f:
        while chunk := f.read(4 * _MB):
            buf = tail + chunk
            found.update(m.decode() for m in _FORMULA_NO_VALUE.findall(buf))
            tail = buf[-4096:]
            if found >= set(letters):
                break
    return [Msg("load.note.formulas", {"column": letters[k]}) for k in letters if k in found]


# --------------------------------------------------------------------------- #
# text tables
