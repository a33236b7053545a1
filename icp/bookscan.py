"""One bounded streaming pass over a zipped workbook before any parser sees it.

A workbook reader (calamine, and fastexcel on top of it) allocates the used
area of a sheet densely: rows × columns up to the farthest cell.  A few KB of
XML can claim row 1,048,576 or a million repeated rows, and the reader then
asks for gigabytes and aborts the whole process.  So before reading, every
member of the zip is streamed once (decompressed in chunks, never whole):

* every XML part's head is checked for DOCTYPE/ENTITY declarations;
* every worksheet (.xlsx) or the content (.ods) is measured: the farthest row
  and column the reader will allocate, counting cells and rows written
  *without* a reference (they take the next position), and OpenDocument's
  repeated rows and cells (empty ones only count when something filled
  follows them, as the reader skips trailing blanks);
* rows written vs rows spanned, so a file that unfolds far beyond what it
  holds is refused even when the area is under the cell limit.

Everything here is a bound the caller compares with its limits; nothing is
parsed into values.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import numpy as np

__all__ = ["Extent", "ScanError", "check_entities", "scan_ods", "scan_xlsx"]

_CHUNK = 4 * 1024 * 1024
HEAD_ROWS = 100  # rows of a worksheet kept as its head (the reader samples 60)
_HEAD_MAX = 16 * 1024 * 1024  # a head (or what follows the rows) larger than this: none kept
_XML_HEAD = 64 * 1024  # bytes of each XML part looked at for DOCTYPE/ENTITY


class ScanError(Exception):
    """The zip cannot be streamed (``kind`` = "corrupt") or declares XML entities."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


@dataclass
class Extent:
    """How far a sheet reaches (what the reader allocates) and how much it holds."""

    name: str
    rows: int  # farthest row, 1-based (0 = empty)
    cols: int  # farthest column, 1-based (an upper bound)
    written_rows: int  # row elements actually present in the XML
    # the sheet's XML cut after its first ``HEAD_ROWS`` rows and closed again (with what
    # follows the rows: merged cells), when it is written the usual way and holds more
    # rows than that; else None.  ``icp.load.workbook`` reads its sample from it.
    head: bytes | None = None


def _chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes in chunks; zipfile stops at the declared size and checks the CRC."""
    try:
        with zf.open(info) as f:
            while chunk := f.read(_CHUNK):
                yield chunk
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise ScanError("corrupt") from None


def _entities(head: bytes) -> bool:
    head = head.replace(b"\x00", b"").upper()  # also catches UTF-16 encoded parts
    return b"<!DOCTYPE" in head or b"<!ENTITY" in head


def _stream(zf: zipfile.ZipFile, info: zipfile.ZipInfo, feed) -> None:
    """Feed whole tags of one XML member to ``feed`` (after the entity check)."""
    head_seen = 0
    head = b""
    tail = b""
    for chunk in _chunks(zf, info):
        if head_seen < _XML_HEAD:
            head += chunk[: _XML_HEAD - head_seen]
            head_seen = len(head)
            if head_seen >= _XML_HEAD and _entities(head):
                raise ScanError("entities")
        # cut before the chunk's last "<": the piece is the tail and the chunk up to there,
        # joined in one copy (``tail + chunk`` and a slice of it copied every chunk twice)
        cut = chunk.rfind(b"<")
        if cut < 0:
            if tail:
                tail += chunk
            else:
                feed(chunk)
            continue
        if tail or cut:
            feed(b"".join((tail, memoryview(chunk)[:cut])))
        tail = chunk[cut:]
    if _entities(head):
        raise ScanError("entities")
    if tail:
        feed(tail)


def check_entities(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    """Only the head of each XML part: what a parser would see before the root element."""
    for info in infos:
        if not info.filename.lower().endswith((".xml", ".rels")):
            continue
        for chunk in _chunks(zf, info):
            if _entities(chunk[:_XML_HEAD]):
                raise ScanError("entities")
            break


# --------------------------------------------------------------------------- #
# .xlsx worksheets
# --------------------------------------------------------------------------- #

_EQ = rb"\s*=\s*[\"']"  # XML allows either quote and spaces around "="


# Rows: their r= (or a row written without one first).  One pass of its own: a pattern
# led by a literal of several characters is searched for in C, where one pattern for
# rows and cells together was tried at every "<" of the sheet (~0.2 s per 82 MB, the two
# passes ~0.13 s).
_ROWS = re.compile(rb'<row(?: r="(\d+)"|([\s/>]))')


@cache
def _cells(digits: int) -> re.Pattern[bytes]:
    """The unusual cells of a sheet whose rows so far have ``digits`` digits.

    Groups: a cell r= of 2+ letters and its row; the row of a one-letter cell
    r= with more than ``digits`` digits; any other cell not written as
    ``<c r="X1"`` (r= first, one letter and a digit).  The reader places a cell
    by its own reference, not its row's, so a cell naming a row far below its
    own (``<c r="Z1048576">`` in row 6) stretches the sheet: its row is read.
    The usual cell (one letter, no more digits than the rows) is passed over
    by the first check and costs no match; it can claim less than 10x the
    rows.  References are read up to 12 digits, as everywhere here (rows that
    far are refused long before).
    """
    far = min(digits + 1, 12)
    return re.compile(
        rb'<c(?! r="[A-Za-z]\d{1,%d}")'
        rb'(?: r="([A-Za-z]{2,})0*(\d{1,12})| r="[A-Za-z]0*(\d{%d,12})"'
        rb'|(?! r="[A-Za-z]\d)([\s/>]))' % (far - 1, far)
    )


_ROW_TAG = re.compile(rb"<row\b")
_ROW_REF = re.compile(rb"<row\b[^>]*?\br" + _EQ + rb"0*(\d{1,12})")
_ODD_CELL = re.compile(rb'<c(?! r=")\s[^>]*?\br' + _EQ + rb"([A-Za-z]+)0*(\d{1,12})")
_NO_REF_CELL = re.compile(rb"<c\b(?![^>]*?\br" + _EQ + rb")")
_ROW_END = re.compile(rb"</row>|<row\b[^>]*/>")
# ISO-date cells (t="d"): calamine reads them as datetimes even at midnight, where a
# serial date is a date; the fast reader cannot tell them apart, so none is read fast
_QUOTE = np.zeros(256, dtype=bool)
_QUOTE[[ord('"'), ord("'")]] = True


def _iso_dates(body: bytes) -> bool:
    """Whether any attribute is ="d" or ='d' (either quote on either side).

    numpy looks around each "d" of the piece: 2-3x faster than a regex, which
    stops at every "=" (each cell's r= and t=).
    """
    a = np.frombuffer(body, dtype=np.uint8)
    at = np.flatnonzero(a[2:-1] == ord("d")) + 2
    return bool((_QUOTE[a[at - 1]] & _QUOTE[a[at + 1]] & (a[at - 2] == ord("="))).any())


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters.decode().upper()[:8]:
        n = n * 26 + (ord(ch) - 64)
    return n


class _SheetMeter:
    """Running bound of a worksheet's extent, fed whole tags in document order."""

    def __init__(self) -> None:
        self.max_row = 0  # from r= on rows and cells
        self.cell_row = 0  # from r= on usual cells (see ``_cells``)
        self.rows_without_ref = 0  # each takes the next row: an upper bound adds them
        self.written_rows = 0
        self.max_col = 0  # from r= on cells (two or three letters; one letter ≤ 26)
        self.any_cell = False
        self.most_unreferenced = 0  # most cells without r= in one row
        self.carry = 0  # cells without r= in the row still open at the end of the last piece
        # the head: pieces up to the HEAD_ROWS-th </row>, then what follows </sheetData>
        self.usual = True  # rows and cells all written with r=, rows in ascending order
        self.last_ref = 0
        self.pieces: list[bytes] = []
        self.head: bytes | None = None
        self.after: list[bytes] | None = None  # from </sheetData> on

    def feed(self, body: bytes) -> None:
        """Measure whole tags: two literal-led passes while rows and cells are usual."""
        rows = _ROWS.findall(body)
        odd = _cells(len(str(self.max_row + self.rows_without_ref))).findall(body)
        refs = [r for r, _ in rows if r]
        cells: list[bytes] = []  # rows named by cells: 2+ letters, or one letter and long
        if odd:
            wide = [w for w, _, _, _ in odd if w]
            if wide:
                self.max_col = max(self.max_col, *map(_col_index, set(wide)))
            cells = [c or far for _, c, far, _ in odd if c or far]
        nums = list(map(int, refs))
        if nums:
            self.max_row = max(self.max_row, max(nums))
        if cells:
            self.cell_row = max(self.cell_row, *map(int, cells))
        self.any_cell = self.any_cell or b"<c" in body
        if self.usual:
            self._keep(body, nums)
        # rows with r=, cells of 2+ letters or one letter and long: nothing else unusual
        if len(refs) == len(rows) and len(cells) == len(odd):
            self.written_rows += len(refs)
            if refs:
                self.carry = 0
            return
        self.usual = False
        self._unusual(body)

    def _keep(self, body: bytes, nums: list[int]) -> None:
        """Keep the head of a usual sheet: its first rows and what follows its rows.

        A head is only kept for a sheet whose rows ascend (so the first rows of the
        XML are the first rows of the sheet) and that holds no ISO-date cells.
        """
        if nums:
            arr = np.fromiter(nums, dtype=np.int64, count=len(nums))
            if arr[0] <= self.last_ref or bool((arr[1:] <= arr[:-1]).any()):
                self.usual = False
                return
            self.last_ref = nums[-1]
        if _iso_dates(body):
            self.usual = False
            return
        if self.after is not None:
            self.after.append(body)
        elif self.head is None:
            self.pieces.append(body)
            joined = b"".join(self.pieces)
            ends = [m.end() for m in _ROW_END.finditer(joined)]
            if len(ends) >= HEAD_ROWS:
                self.head = joined[: ends[HEAD_ROWS - 1]]
                self.pieces = []
                rest = joined[ends[HEAD_ROWS - 1] :]
                at = rest.find(b"</sheetData>")
                if at >= 0:
                    self.after = [rest[at:]]
            else:
                self.pieces = [joined]
                if len(joined) > _HEAD_MAX:
                    self.usual = False
        elif (at := body.find(b"</sheetData>")) >= 0:
            self.after = [body[at:]]
        if self.after is not None and sum(map(len, self.after)) > _HEAD_MAX:
            self.usual = False

    def _unusual(self, body: bytes) -> None:
        """Rows or cells with r= elsewhere or missing: measured with the general patterns."""
        n_rows = len(_ROW_TAG.findall(body))
        refs = _ROW_REF.findall(body)
        self.written_rows += n_rows
        self.rows_without_ref += max(n_rows - len(refs), 0)
        if refs:
            self.max_row = max(self.max_row, *map(int, refs))
        for col, row in _ODD_CELL.findall(body):
            self.max_col = max(self.max_col, _col_index(col))
            self.max_row = max(self.max_row, int(row))
        if _NO_REF_CELL.search(body):
            self._unreferenced(body, n_rows)
        elif n_rows:
            self.carry = 0

    def _unreferenced(self, body: bytes, n_rows: int) -> None:
        """Most cells without r= in one row: each takes the next column of its row."""
        cells = np.fromiter((m.start() for m in _NO_REF_CELL.finditer(body)), dtype=np.int64)
        if not len(cells):
            if n_rows:
                self.carry = 0
            return
        rows = np.fromiter((m.start() for m in _ROW_TAG.finditer(body)), dtype=np.int64)
        per_row = np.bincount(np.searchsorted(rows, cells, side="right"), minlength=len(rows) + 1)
        per_row[0] += self.carry
        self.most_unreferenced = max(self.most_unreferenced, int(per_row.max()))
        self.carry = int(per_row[-1]) if len(rows) else int(per_row[0])

    def extent(self, name: str) -> Extent:
        cols = self.max_col + self.most_unreferenced
        if self.any_cell:
            cols = max(cols, 26 + self.most_unreferenced)
        head = None
        if self.usual and self.head is not None and self.after is not None:
            head = self.head + b"".join(self.after)
        return Extent(
            name=name,
            rows=max(self.max_row + self.rows_without_ref, self.cell_row),
            cols=cols,
            written_rows=self.written_rows,
            head=head,
        )


def scan_xlsx(zf: zipfile.ZipFile, sheet_parts: dict[str, str]) -> dict[str, Extent]:
    """Entity check on every XML part and the extent of every worksheet, in one pass."""
    by_part = {part: name for name, part in sheet_parts.items()}
    infos = zf.infolist()
    check_entities(zf, [i for i in infos if i.filename not in by_part])
    out: dict[str, Extent] = {}
    for info in infos:
        name = by_part.get(info.filename)
        if name is None:
            continue
        meter = _SheetMeter()
        _stream(zf, info, meter.feed)
        out[name] = meter.extent(name)
    return out


# --------------------------------------------------------------------------- #
# .ods content
# --------------------------------------------------------------------------- #

_ODS_TOKEN = re.compile(
    rb"<table:table(?=[\s>])[^>]*>|<table:table-row\b([^>]*?)(/?)>|</table:table-row>"
)
_TABLE_NAME = re.compile(rb'table:name="([^"]*)"')
_ROWS_REPEATED = re.compile(rb'number-rows-repeated="(\d+)"')
_ODS_CELL = re.compile(rb"<table:(?:covered-)?table-cell\b([^>]*?)(/?)>")
_COLS_REPEATED = re.compile(rb'number-columns-repeated="(\d+)"')
_FILLED = re.compile(rb"office:value-type|<text:p\b[^/>]*>|<text:p\s*>|<text:span|<text:s\b")


class _OdsMeter:
    """Extent of each table in content.xml, fed whole rows in document order.

    Rows are measured one by one (a Python step per row, not per cell) only
    where they carry repeats; plain rows count their cell elements.
    """

    def __init__(self) -> None:
        self.tables: list[Extent] = []
        self.pending_rows = 0  # empty rows not yet followed by a filled one
        self.parts: list[bytes] = []  # pieces of a row not closed yet

    def _table(self, name: str) -> Extent:
        ext = Extent(name=name, rows=0, cols=0, written_rows=0)
        self.tables.append(ext)
        self.pending_rows = 0
        return ext

    def feed(self, piece: bytes) -> None:
        """``piece`` holds whole tags (see ``_stream``); rows are measured once closed."""
        end = piece.rfind(b"</table:table-row>")
        if end < 0:
            self.parts.append(piece)
            return
        end += len(b"</table:table-row>")
        buf = b"".join([*self.parts, piece[:end]])
        self.parts = [piece[end:]]
        self._rows(buf)

    def close(self) -> None:
        if any(self.parts):
            self._rows(b"".join(self.parts))
        self.parts = []

    def _rows(self, buf: bytes) -> None:
        table = self.tables[-1] if self.tables else None
        open_at = -1
        repeat = 1
        for m in _ODS_TOKEN.finditer(buf):
            text = m.group(0)
            if text.startswith(b"<table:table-row"):
                if table is None:
                    table = self._table("")
                table.written_rows += 1
                rep = _ROWS_REPEATED.search(m.group(1) or b"")
                repeat = int(rep.group(1)) if rep else 1
                if m.group(2):  # <table:table-row/>: empty
                    self.pending_rows += repeat
                    open_at = -1
                else:
                    open_at = m.end()
            elif text.startswith(b"</table:table-row"):
                if table is None or open_at < 0:
                    continue
                width = _row_width(buf[open_at : m.start()])
                if width:
                    table.rows += self.pending_rows + repeat
                    table.cols = max(table.cols, width)
                    self.pending_rows = 0
                else:
                    self.pending_rows += repeat
                open_at = -1
            else:
                name = _TABLE_NAME.search(text)
                table = self._table(name.group(1).decode("utf-8", "replace") if name else "")


def _row_width(body: bytes) -> int:
    """Columns up to and including the last filled cell of one row (0 = empty row)."""
    if not _FILLED.search(body):
        return 0
    if b"number-columns-repeated" not in body:
        return body.count(b"<table:table-cell") + body.count(b"<table:covered-table-cell")
    width = last = 0
    cells = list(_ODS_CELL.finditer(body))
    for i, m in enumerate(cells):
        rep = _COLS_REPEATED.search(m.group(1))
        n = int(rep.group(1)) if rep else 1
        stop = cells[i + 1].start() if i + 1 < len(cells) else len(body)
        content = m.group(1) if m.group(2) else body[m.start() : stop]
        width += n
        if _FILLED.search(content):
            last = width
    return last


def scan_ods(zf: zipfile.ZipFile) -> list[Extent]:
    """Entity check on every XML part and the extent of each table in content.xml."""
    infos = zf.infolist()
    check_entities(zf, [i for i in infos if i.filename != "content.xml"])
    meter = _OdsMeter()
    for info in infos:
        if info.filename == "content.xml":
            _stream(zf, info, meter.feed)
            meter.close()
    return meter.tables
