"""Read any supported customer file into a raw table, safely.

``read_table`` is the intake door for spreadsheets and text tables: it checks
what the bytes really are (never trusting the extension), refuses dangerous or
broken files with a clear ``InputError``, picks the sheet that looks like the
customer list, finds the header row (skipping title rows, joining a two-row
merged header) and drops blank and totals rows.  Cells stay as the reader gives
them (text, numbers, dates); typing and cleaning is ``icp.clean``'s job.

Workbooks (.xlsx/.xlsm/.xls/.ods) are read with python-calamine; text tables
with pyarrow's CSV reader, every column as text.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import hashlib
import io
import math
import os
import re
import threading
import unicodedata
import zipfile
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np
import pandas as pd

from icp import bookscan
from icp.errors import InputError
from icp.i18n import Lang, Msg, t

__all__ = [
    "MAX_BYTES",
    "RawTable",
    "SheetInfo",
    "list_sheets",
    "read_bytes",
    "read_table",
    "sniff",
]

MAX_BYTES: int = 50 * 1024 * 1024  # the data uploaders' max_upload_size (ui.state.UPLOAD_MB)

_MB = 1024 * 1024
_MAX_UNZIPPED = 500 * _MB  # total declared uncompressed size of a workbook
_MAX_RATIO = 200  # compression ratio refused on a large member ...
_RATIO_MEMBER = 20 * _MB  # ... i.e. one declaring more than this uncompressed
_MAX_MEMBERS = 10_000
_MAX_CELLS = 30_000_000  # rows x columns of a sheet's used area (calamine stores it densely)
_SPARSE_ROWS = 100_000  # a sheet spanning more rows than this ...
_SPARSE_RATIO = 20  # ... must write at least 1 in this many of them
_SAMPLE_ROWS = 60  # rows looked at to find the header and score a sheet
_CSV_SAMPLE = 256 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class SheetInfo:
    """One sheet of a workbook and how much it looks like a customer table."""

    name: str
    n_rows: int
    n_cols: int
    score: float  # higher = more like a customer table


@dataclass
class RawTable:
    """A table as read from the file, before any typing or cleaning.

    ``df`` has the header applied (unique ``str`` column names) and blank
    rows/columns and totals rows removed.  Workbook columns are ``object``
    dtype holding str/float/int/bool/date/datetime or ``None``; text-file
    columns are pandas' ``str`` dtype with NaN for empty fields.
    """

    df: pd.DataFrame
    kind: str  # "xlsx" | "xls" | "ods" | "csv"  (xlsm counts as xlsx)
    sheet: str | None
    sheets: list[SheetInfo]
    header_row: int  # 0-based index of the first header row in the sheet grid
    header_rows: int  # 1, or 2 for a joined two-row header
    notes: list[Msg] = field(default_factory=list)


# --------------------------------------------------------------------------- #
# public API
# --------------------------------------------------------------------------- #


def sniff(data: bytes, filename: str | None = None) -> str:
    """The real kind of ``data`` — "xlsx", "xls", "ods" or "csv" — from its bytes.

    The extension in ``filename`` is only used to word error messages.  Raises
    ``InputError`` for empty, encrypted, foreign or unreadable content.
    """
    if not data:
        raise InputError("load.empty")
    head = data[:16]
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return _sniff_zip(data, filename)
    if head[:8] == _OLE_MAGIC:
        return _sniff_ole(data)
    for magic, fmt in _IMAGE_MAGIC:
        if head.startswith(magic):
            raise InputError("load.image", fmt=fmt)
    if head[:2] == b"BM" and data[6:10] == b"\x00\x00\x00\x00":
        raise InputError("load.image", fmt="BMP")
    if head[:4] == b"RIFF" and data[8:12] == b"WEBP":
        raise InputError("load.image", fmt="WebP")
    if head.startswith(b"%PDF"):
        raise InputError("load.pdf")
    for magic, key in _OTHER_MAGIC:
        if head.startswith(magic):
            raise InputError(key)
    sample = data[:65536]
    if not _looks_like_text(sample):
        raise InputError("load.binary")
    lead = _strip_bom(sample)[:512].lstrip().lower()
    if lead.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml", b"<head", b"<body")):
        raise InputError("load.html")
    return "csv"


def list_sheets(
    src: str | Path | BinaryIO | bytes, *, filename: str | None = None
) -> list[SheetInfo]:
    """The worksheets of a workbook with size and customer-table score ([] for text files)."""
    data, filename = _read_source(src, filename, MAX_BYTES)
    kind = sniff(data, filename)
    if kind == "csv":
        return []
    return [replace(s.info) for s in _book(data, kind).sheets]


def read_table(
    src: str | Path | BinaryIO | bytes,
    *,
    filename: str | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
    max_bytes: int = MAX_BYTES,
    lang: Lang = "en",
) -> RawTable:
    """Read ``src`` (path, bytes or file-like) into a ``RawTable``.

    ``sheet=None`` picks the sheet most like a customer table; ``header_row``
    (0-based, in the sheet grid) overrides header detection.  ``lang`` only
    names columns that have no header ("Column 5" / "第5列").  Raises
    ``InputError`` with a message that says what to do for unusable input.
    """
    data, filename = _read_source(src, filename, max_bytes)
    kind = sniff(data, filename)
    if kind == "csv":
        return _read_text(data, header_row=header_row, lang=lang)
    return _read_book(data, kind, sheet=sheet, header_row=header_row, lang=lang)


# --------------------------------------------------------------------------- #
# source bytes and sniffing
# --------------------------------------------------------------------------- #

_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_OTHER_MAGIC = (
    (b"\x1f\x8b", "load.archive"),
    (b"7z\xbc\xaf\x27\x1c", "load.archive"),
    (b"Rar!\x1a\x07", "load.archive"),
    (b"\xfd7zXZ\x00", "load.archive"),
    (b"\x7fELF", "load.program"),
)


def read_bytes(
    src: str | Path | BinaryIO | bytes, *, filename: str | None = None, max_bytes: int = MAX_BYTES
) -> tuple[bytes, str | None]:
    """``(bytes, filename)`` of ``src``; refuses empty, missing or too-big input first."""
    return _read_source(src, filename, max_bytes)


def _read_source(src: Any, filename: str | None, max_bytes: int) -> tuple[bytes, str | None]:
    """All bytes of ``src``, refusing anything over ``max_bytes`` before reading it all."""
    if isinstance(src, (bytes, bytearray, memoryview)):
        data = bytes(src)
        _check_size(len(data), max_bytes)
        return data, filename
    if isinstance(src, (str, Path)):
        path = Path(src)
        try:
            size = path.stat().st_size
        except (FileNotFoundError, NotADirectoryError):
            raise InputError("load.not_found", name=str(path)) from None
        _check_size(size, max_bytes)
        return path.read_bytes(), filename or path.name
    name = getattr(src, "name", None)
    if filename is None and isinstance(name, str):
        filename = os.path.basename(name)
    size = getattr(src, "size", None)  # Streamlit's UploadedFile
    if isinstance(size, int):
        _check_size(size, max_bytes)
    if hasattr(src, "seek"):
        with contextlib.suppress(OSError, ValueError):
            src.seek(0)
    parts, total = [], 0
    while total <= max_bytes:  # short reads are allowed: loop, never read past the limit
        part = src.read(max_bytes + 1 - total)
        if not part:
            break
        if isinstance(part, str):
            part = part.encode("utf-8")
        parts.append(part)
        total += len(part)
    _check_size(total, max_bytes)
    return b"".join(parts), filename


def _check_size(size: int, max_bytes: int) -> None:
    if size == 0:
        raise InputError("load.empty")
    if size > max_bytes:
        raise InputError(
            "load.too_big", size_mb=_mb(size, more=True), limit_mb=_mb(max_bytes, more=False)
        )


def _mb(n: int, *, more: bool) -> str:
    v = n / _MB
    if v >= 10:
        return f"{v:.0f}"
    # never print "over the 1 MB limit: 1 MB" — round the file size up, the limit down
    return f"{math.ceil(v * 10) / 10:.1f}" if more else f"{math.floor(v * 10) / 10:.1f}"


def _kind_label(filename: str | None, default: str) -> str:
    ext = Path(filename or "").suffix.lower()
    return {
        ".xlsx": "Excel",
        ".xlsm": "Excel",
        ".xls": "Excel",
        ".ods": "OpenDocument",
        ".csv": "CSV",
    }.get(ext, default)


def _sniff_zip(data: bytes, filename: str | None) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = zf.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, KeyError):
        raise InputError("load.corrupt", kind=_kind_label(filename, "Excel")) from None
    if "xl/workbook.bin" in names:
        raise InputError("load.xlsb")
    if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
        return "xlsx"
    if b"opendocument.spreadsheet" in mimetype or (
        not mimetype and "content.xml" in names and "META-INF/manifest.xml" in names
    ):
        return "ods"
    if any(n.startswith("word/") for n in names) or b"opendocument.text" in mimetype:
        raise InputError("load.word")
    if any(n.startswith("ppt/") for n in names) or b"opendocument.presentation" in mimetype:
        raise InputError("load.powerpoint")
    if mimetype or "[Content_Types].xml" in names:
        raise InputError("load.office_other")
    raise InputError("load.archive")


def _sniff_ole(data: bytes) -> str:
    import olefile  # lazy: startup speed

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(p).lower() for p in ole.listdir(streams=True, storages=False)}
    except Exception:  # olefile raises plain OSError/struct errors on damage
        raise InputError("load.corrupt", kind="Excel 97-2003") from None
    if "encryptioninfo" in streams or "encryptedpackage" in streams:
        raise InputError("load.encrypted")
    if "workbook" in streams or "book" in streams:
        if _xls_encrypted(data):
            raise InputError("load.encrypted")
        return "xls"
    if "worddocument" in streams:
        raise InputError("load.word")
    if "powerpoint document" in streams:
        raise InputError("load.powerpoint")
    raise InputError("load.office_other")


def _xls_encrypted(data: bytes) -> bool:
    """True when a BIFF8 workbook carries a FILEPASS record (open password)."""
    try:
        import msoffcrypto  # lazy: startup speed

        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except Exception:  # not recognisable by msoffcrypto: let calamine decide
        return False


_CTRL = bytes(set(range(0, 9)) | {11} | set(range(14, 32)) | {127})
_CTRL_TABLE = bytes.maketrans(_CTRL, b"\x00" * len(_CTRL))


def _strip_bom(b: bytes) -> bytes:
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE):
        if b.startswith(bom):
            return b[len(bom) :]
    if b.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return (
            b[2:]
            .decode("utf-16-le" if b[:2] == codecs.BOM_UTF16_LE else "utf-16-be", "ignore")
            .encode()
        )
    return b


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the sample is clearly UTF-16 text without a BOM."""
    s = sample[:4096]
    if len(s) < 8:
        return None
    even, odd = s[0::2], s[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _looks_like_text(sample: bytes) -> bool:
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(sample):
        return True
    if b"\x00" in sample:
        return False
    ctrl = len(sample) - len(sample.translate(None, _CTRL))
    if ctrl > max(2, 0.01 * len(sample)):
        return False
    tail = sample[:-4] if len(sample) == 65536 else sample
    for enc in ("utf-8", "gb18030"):
        try:
            tail.decode(enc)
            return True
        except UnicodeDecodeError:
            pass
    if _decode_mixed(tail) is not None:  # UTF-8 with a few lines in another code page
        return True
    from charset_normalizer import from_bytes  # lazy: startup speed

    best = from_bytes(sample).best()
    return best is not None and best.chaos < 0.3


# --------------------------------------------------------------------------- #
# workbooks
# --------------------------------------------------------------------------- #


@dataclass
class _Sheet:
    info: SheetInfo
    obj: Any  # python_calamine.CalamineSheet
    sample: list[list[Any]]
    start: tuple[int, int]
    part: str | None  # worksheet XML member (xlsx only)


@dataclass
class _Book:
    kind: str
    sheets: list[_Sheet]
    zf: zipfile.ZipFile | None
    lock: threading.Lock = field(default_factory=threading.Lock)
    # the last table read from this book, by (sheet, header_row, lang): the
    # accounts + deals check reads the sheet just read again
    last: tuple[tuple[str, int | None, str], RawTable] | None = None


_BOOKS: OrderedDict[bytes, _Book] = OrderedDict()  # last opened workbooks, by content
_BOOKS_LOCK = threading.Lock()
_BOOKS_KEEP = 2


def _book(data: bytes, kind: str) -> _Book:
    """The opened workbook for ``data``, reused when the same bytes come again.

    Listing sheets, reading one, then reading another (the accounts + deals
    flow) would otherwise parse and safety-check the whole file each time.
    """
    key = hashlib.blake2b(data, digest_size=16).digest()
    with _BOOKS_LOCK:
        book = _BOOKS.get(key)
        if book is not None:
            _BOOKS.move_to_end(key)
            return book
    book = _open_book(data, kind)
    with _BOOKS_LOCK:
        _BOOKS[key] = book
        while len(_BOOKS) > _BOOKS_KEEP:
            _BOOKS.popitem(last=False)
    return book


def _open_book(data: bytes, kind: str) -> _Book:
    # lazy: startup speed
    from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum, SheetVisibleEnum

    label = {"xlsx": "Excel", "xls": "Excel 97-2003", "ods": "OpenDocument"}[kind]
    zf = None
    parts: dict[str, str] = {}
    if kind in ("xlsx", "ods"):
        zf = zipfile.ZipFile(io.BytesIO(data))
        _check_zip(zf, label)
        if kind == "xlsx":
            parts = _xlsx_sheet_parts(zf)
        _check_extents(zf, kind, parts, label)
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        meta = wb.sheets_metadata
    except PasswordError:
        raise InputError("load.encrypted") from None
    except Exception as exc:
        raise InputError("load.unreadable", kind=label, detail=_short(exc)) from None
    sheets: list[_Sheet] = []
    for m in meta:
        if m.typ != SheetTypeEnum.WorkSheet:
            continue
        part = parts.get(m.name)
        try:
            sh = wb.get_sheet_by_name(m.name)
            sample = sh.to_python(skip_empty_area=True, nrows=_SAMPLE_ROWS)
        except PasswordError:
            raise InputError("load.encrypted") from None
        except Exception as exc:
            raise InputError("load.unreadable", kind=label, detail=_short(exc)) from None
        n_rows, n_cols = (sh.height, sh.width) if sample else (0, 0)
        hidden = m.visible != SheetVisibleEnum.Visible
        score = _sheet_score(m.name, sample, n_rows, hidden=hidden)
        info = SheetInfo(name=m.name, n_rows=n_rows, n_cols=n_cols, score=score)
        start = tuple(sh.start) if sample and sh.start is not None else (0, 0)
        sheets.append(_Sheet(info=info, obj=sh, sample=sample, start=start, part=part))
    if not sheets:
        raise InputError("load.no_sheets")
    return _Book(kind=kind, sheets=sheets, zf=zf)


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def _check_zip(zf: zipfile.ZipFile, label: str) -> None:
    """Refuse zip bombs and XML entity declarations before any parser sees the file."""
    infos = zf.infolist()
    if len(infos) > _MAX_MEMBERS:
        raise InputError("load.zip_bomb", size_mb=len(infos))
    total = sum(i.file_size for i in infos)
    if total > _MAX_UNZIPPED:
        raise InputError("load.zip_bomb", size_mb=total // _MB)
    for i in infos:
        ratio = i.file_size / max(i.compress_size, 1)
        if i.file_size > _RATIO_MEMBER and ratio > _MAX_RATIO:
            raise InputError("load.zip_bomb", size_mb=total // _MB)


def _check_extents(zf: zipfile.ZipFile, kind: str, parts: dict[str, str], label: str) -> None:
    """One streaming pass: XML entity declarations, and how far each sheet reaches.

    The reader allocates a sheet's used area densely, so a sheet is refused
    when that area is over ``_MAX_CELLS`` or when it spans far more rows than
    the file writes (a few KB unfolding into a million rows).
    """
    try:
        if kind == "xlsx":
            extents = list(bookscan.scan_xlsx(zf, _sheets_to_measure(zf, parts)).values())
        else:
            extents = bookscan.scan_ods(zf)
    except bookscan.ScanError as exc:
        if exc.kind == "entities":
            raise InputError("load.xml_entities") from None
        raise InputError("load.corrupt", kind=label) from None
    for e in extents:
        if e.rows * e.cols > _MAX_CELLS:
            if kind == "ods":
                raise InputError("load.book_too_large", rows=e.rows, cols=e.cols, limit=_MAX_CELLS)
            raise InputError(
                "load.sheet_too_large", sheet=e.name, rows=e.rows, cols=e.cols, limit=_MAX_CELLS
            )
        if e.rows > _SPARSE_ROWS and e.rows > _SPARSE_RATIO * max(e.written_rows, 1):
            raise InputError("load.sheet_sparse", sheet=e.name, rows=e.rows, written=e.written_rows)


def _sheets_to_measure(zf: zipfile.ZipFile, parts: dict[str, str]) -> dict[str, str]:
    """Sheet name → worksheet member; members the workbook did not name are measured too."""
    out = dict(parts)
    named = set(parts.values())
    loose = [n for n in zf.NameToInfo if _WORKSHEET.search(n) and n not in named]
    if not parts:  # unusual layout: measure every XML part but the known big non-sheets
        loose = [
            n for n in zf.NameToInfo if n.lower().endswith(".xml") and not _NOT_SHEET.search(n)
        ]
    for n in loose:
        out.setdefault(n.rsplit("/", 1)[-1], n)
    return out


_WORKSHEET = re.compile(r"(?i)worksheets/[^/]+\.xml$")
_NOT_SHEET = re.compile(r"(?i)sharedstrings|styles|theme|\[content_types\]|docprops/")


def _xlsx_sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → worksheet XML member, from workbook.xml and its relationships."""
    from defusedxml import ElementTree  # lazy: startup speed

    try:
        rels_xml = zf.read("_rels/.rels")
        book = "xl/workbook.xml"
        for rel in ElementTree.fromstring(rels_xml):
            if rel.get("Type", "").endswith("/officeDocument"):
                book = rel.get("Target", book).lstrip("/")
        base = book.rsplit("/", 1)[0] if "/" in book else ""
        rels_path = f"{base}/_rels/{book.rsplit('/', 1)[-1]}.rels" if base else f"_rels/{book}.rels"
        targets = {}
        for rel in ElementTree.fromstring(zf.read(rels_path)):
            tgt = rel.get("Target", "")
            path = tgt.lstrip("/") if tgt.startswith("/") else f"{base}/{tgt}" if base else tgt
            targets[rel.get("Id")] = path
        out = {}
        rid = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
        for el in ElementTree.fromstring(zf.read(book)).iter():
            if el.tag.endswith("}sheet") and el.get(rid) in targets:
                out[el.get("name")] = targets[el.get(rid)]
        return {k: v for k, v in out.items() if v in zf.NameToInfo}
    except Exception:  # unusual layout: calamine still reads it, just without the pre-check
        return {}


def _col_index(letters: bytes | str) -> int:
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode():
        n = n * 26 + (ord(ch) - 64)
    return n - 1


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
    h = _detect_header(sample)
    below = sample[h + 1 :]
    filled_cols = sum(1 for c in range(len(sample[0])) if any(not _empty(r[c]) for r in below))
    header = sample[h]
    labels = sum(1 for v in header if _is_label(v))
    filled = sum(1 for v in header if not _empty(v))
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


def _read_book(
    data: bytes, kind: str, *, sheet: str | None, header_row: int | None, lang: Lang
) -> RawTable:
    book = _book(data, kind)
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
        else:
            rows = chosen.obj.to_python(skip_empty_area=True)
            merged = _merged_in(chosen.obj, *chosen.start)
            raw = _book_table(book, chosen, rows, merged, infos, [], header_row, lang)
            book.last = (key, raw)
    # a copy: callers own what they get (the cached one stays as read)
    return replace(raw, df=raw.df.copy(), sheets=infos, notes=[*notes, *raw.notes])


def _book_table(
    book: _Book,
    chosen: _Sheet,
    rows: list[list[Any]],
    merged: dict[int, list[tuple[int, int]]],
    infos: list[SheetInfo],
    notes: list[Msg],
    header_row: int | None,
    lang: Lang,
) -> RawTable:
    kind, name = book.kind, chosen.info.name
    r0, c0 = chosen.start

    if header_row is None:
        h = _detect_header(chosen.sample)
    else:
        h = header_row - r0
        if header_row < 0 or h >= len(rows):
            raise InputError(
                "load.header_row_out_of_range", row=header_row + 1, rows=r0 + len(rows)
            )
    header = list(rows[h]) if h >= 0 else [None] * (len(rows[0]) if rows else 0)
    n_hdr = 1
    if h >= 0 and h + 1 < len(rows) and _is_subheader(header, rows[h + 1], merged.get(h, [])):
        header = _join_header(header, rows[h + 1], merged.get(h, []))
        n_hdr = 2
    df = _grid_frame(rows[max(h + n_hdr, 0) :], len(header))
    grid_first = r0 + max(h + n_hdr, 0)  # sheet row index of df's first row
    df.index = pd.RangeIndex(grid_first, grid_first + len(df))
    raw, empty_cols = _finish(
        df,
        header,
        kind=kind,
        sheet=name,
        sheets=infos,
        header_row=r0 + max(h, 0),
        header_rows=n_hdr,
        col_offset=c0,
        notes=list(notes),
        title_rows=_count_nonblank(rows[: max(h, 0)]),
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
# --------------------------------------------------------------------------- #

_DELIMS = (",", ";", "\t", "|")
_DELIM_NOTES = {
    ";": "load.note.delim_semicolon",
    "\t": "load.note.delim_tab",
    "|": "load.note.delim_pipe",
}


def _read_text(data: bytes, *, header_row: int | None, lang: Lang) -> RawTable:
    body, encoding = _to_utf8(data, strict=True)
    try:
        return _parse_text(body, encoding, header_row=header_row, lang=lang, notes=[])
    except _BadUtf8:
        body, encoding = _to_utf8(data, strict=False)
        return _parse_text(body, encoding, header_row=header_row, lang=lang, notes=[])


_NON_SPACE = re.compile(rb"\S")


class _BadUtf8(Exception):
    pass


def _to_utf8(data: bytes, *, strict: bool) -> tuple[bytes, str | None]:
    """(UTF-8 bytes without BOM, detected encoding name or None for plain UTF-8).

    With ``strict`` a UTF-8-looking file is passed through undecoded (pyarrow
    validates it); otherwise the whole file is decoded and re-encoded.
    """
    if data.startswith(codecs.BOM_UTF8):
        body = data[3:]
        if strict:
            return body, None
        return _decode_guess(body)
    for bom, enc in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc, errors="replace").encode(
                "utf-8"
            ), "UTF-16" if "16" in enc else "UTF-32"
    enc16 = _utf16_without_bom(data[:4096])
    if enc16:
        return data.decode(enc16, errors="replace").encode("utf-8"), "UTF-16"
    if strict:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(data[:_CSV_SAMPLE], final=False)
            return data, None
        except UnicodeDecodeError:
            pass
    return _decode_guess(data)


def _decode_guess(data: bytes) -> tuple[bytes, str | None]:
    """Decode a non-UTF-8 text file: GB18030 for Chinese, else charset-normalizer's guess.

    A guess that yields Latin letters is read as Windows-1252, the code page
    Excel uses for "CSV" in Western locales (guessers often pick a wrong cousin).
    """
    try:
        return data.decode("utf-8").encode("utf-8"), None
    except UnicodeDecodeError:
        pass
    mixed = _decode_mixed(data)
    if mixed is not None:
        return mixed
    from charset_normalizer import from_bytes  # lazy: startup speed

    best = from_bytes(data[: 2 * _MB]).best()
    guess = best.encoding if best is not None else None
    if guess is None or guess.startswith(("gb", "hz")):
        try:
            text = data.decode("gb18030")
            if _mostly_cjk(text[:20000]):
                return text.encode("utf-8"), "GB18030 (GBK)"
        except UnicodeDecodeError:
            pass
    if guess is None:
        raise InputError("load.text_undecodable")
    text = data.decode(guess, errors="replace")
    if _latin_script(text[:20000]):
        try:
            return data.decode("cp1252").encode("utf-8"), "Windows-1252"
        except UnicodeDecodeError:
            return data.decode("latin-1").encode("utf-8"), "Latin-1"
    return text.encode("utf-8"), guess.upper().replace("_", "-")


class _Mixed(str):
    """An encoding label for a UTF-8 file with some lines in another code page.

    Carries the (1-based) line numbers that were decoded on their own, so the
    reader can say which lines it repaired.
    """

    lines: tuple[int, ...]


def _decode_mixed(data: bytes) -> tuple[bytes, _Mixed] | None:
    """Read a mostly-UTF-8 file line by line when a few lines are cp1252 or GBK.

    Excel exports pasted together, or one row typed on another machine, give
    a UTF-8 file with a handful of foreign lines; decoding the whole file in
    the foreign code page garbles every other line ("Café" → "CafÃ©").  Used
    only when more lines are valid non-ASCII UTF-8 than are not; each bad
    line is read as GBK when its high bytes pair up as GB2312 Chinese, else
    as Windows-1252 (Latin-1 for its five unmapped bytes).  Returns None when the file is not
    mainly UTF-8.
    """
    lines = data.split(b"\n")
    good = bad = 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            bad += 1
    if not bad or good <= bad:
        return None
    out: list[str] = []
    repaired: list[int] = []
    for number, line in enumerate(lines, start=1):
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            repaired.append(number)
        if _gb2312_pairs(line):
            text = line.decode("gb18030")
        else:
            try:
                text = line.decode("cp1252")
            except UnicodeDecodeError:
                text = line.decode("latin-1")
        out.append(text)
    label = _Mixed("UTF-8")
    label.lines = tuple(repaired)
    return "\n".join(out).encode("utf-8"), label


def _gb2312_pairs(line: bytes) -> bool:
    """True when every byte above 0x7F sits in a pair of 0xA1–0xFE bytes (GB2312 Chinese).

    Windows-1252 accents are single high bytes between ASCII letters
    ("M\xfcller"), which GBK would otherwise read as one Chinese character.
    """
    i, n = 0, len(line)
    while i < n:
        if line[i] < 0x80:
            i += 1
        elif 0xA1 <= line[i] <= 0xFE and i + 1 < n and 0xA1 <= line[i + 1] <= 0xFE:
            i += 2
        else:
            return False
    return True


def _latin_script(text: str) -> bool:
    """True when every non-ASCII letter is a Latin letter (the guess was a Western code page)."""
    letters = {c for c in text if ord(c) > 127 and c.isalpha()}
    return all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def _mostly_cjk(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    cjk = sum(
        1
        for c in non_ascii
        if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
    )
    return cjk >= 0.7 * len(non_ascii)


def _sample_records(sample: bytes, delim: str) -> tuple[list[list[str]], list[int]]:
    """Records of the sample and the byte offset where each record ends."""
    ends: list[int] = []
    consumed = 0

    def lines() -> Iterator[str]:
        nonlocal consumed
        for line in sample.splitlines(keepends=True):
            consumed += len(line)
            yield line.decode("utf-8", errors="replace")

    records: list[list[str]] = []
    reader = csv.reader(lines(), delimiter=delim)
    try:
        for rec in reader:
            records.append(rec)
            ends.append(consumed)
    except csv.Error:
        pass
    return records, ends


def _sniff_delimiter(sample: bytes) -> str:
    """The delimiter whose per-line field count is most consistent over the sample."""
    text = sample[:65536]
    best, best_key = ",", (-1.0, 0)
    for d in _DELIMS:
        recs, _ = _sample_records(text, d)
        counts = [len(r) - 1 for r in recs[:200] if r and any(x.strip() for x in r)]
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        if mode <= 0:
            continue
        share = counts.count(mode) / len(counts)
        key = (share, mode)
        if key > best_key:
            best, best_key = d, key
    return best


def _parse_text(
    body: bytes, encoding: str | None, *, header_row: int | None, lang: Lang, notes: list[Msg]
) -> RawTable:
    if isinstance(encoding, _Mixed):
        more = " …" if len(encoding.lines) > 20 else ""
        shown = ", ".join(map(str, encoding.lines[:20])) + more
        notes.append(Msg("load.note.mixed_encoding", {"n": len(encoding.lines), "lines": shown}))
    elif encoding:
        notes.append(Msg("load.note.encoding", {"encoding": encoding}))
    if not _NON_SPACE.search(body):
        raise InputError("load.no_columns")
    csv.field_size_limit(max(csv.field_size_limit(), 256 * _MB))
    sample = body[:_CSV_SAMPLE]
    complete = len(body) <= _CSV_SAMPLE
    while not complete and b"\n" not in sample[len(sample) // 2 :]:
        sample = body[: len(sample) * 4]  # a huge cell: widen until whole lines fit
        complete = len(sample) >= len(body)
    if not complete:
        sample = sample[: sample.rfind(b"\n") + 1]
    delim = _sniff_delimiter(sample)
    if delim in _DELIM_NOTES:
        notes.append(Msg(_DELIM_NOTES[delim], {}))
    records, ends = _sample_records(sample, delim)
    if not complete and len(records) > 1:  # the last sampled record may be cut
        records, ends = records[:-1], ends[:-1]
    if not records:
        raise InputError("load.no_columns")
    grid = [list(r) for r in records[:_SAMPLE_ROWS]]
    if header_row is None:
        h = _detect_header(grid)
    else:
        if header_row < 0 or header_row >= len(records):
            raise InputError("load.header_row_out_of_range", row=header_row + 1, rows=len(records))
        h = header_row
    header: list[Any] = list(records[h])
    n_hdr = 1
    if h + 1 < len(records) and _is_subheader(header, records[h + 1], []):
        header = _join_header(header, records[h + 1], [])
        n_hdr = 2
    start = ends[h + n_hdr - 1]
    width = max([len(header), *(len(r) for r in records[h + n_hdr :])])
    header += [None] * (width - len(header))
    df, ragged = _parse_rest(body, start, delim, width)
    if ragged:
        notes.append(Msg("load.note.ragged", {}))
        header += [None] * (df.shape[1] - len(header))
    first = h + n_hdr
    df.index = pd.RangeIndex(first, first + len(df))
    raw, _ = _finish(
        df,
        header,
        kind="csv",
        sheet=None,
        sheets=[],
        header_row=h,
        header_rows=n_hdr,
        col_offset=0,
        notes=notes,
        title_rows=_count_nonblank(records[:h]),
        lang=lang,
    )
    return raw


def _parse_rest(body: bytes, start: int, delim: str, width: int) -> tuple[pd.DataFrame, bool]:
    """Everything after the header as text columns 0..width-1 (pyarrow, else csv module)."""
    import pyarrow as pa  # lazy: startup speed
    import pyarrow.compute as pc  # lazy: startup speed
    import pyarrow.csv as pacsv  # lazy: startup speed

    names = [f"c{i}" for i in range(width)]
    buf = pa.py_buffer(body).slice(start)
    if buf.size == 0 or not _NON_SPACE.search(body, start):
        return pd.DataFrame({i: pd.Series([], dtype="str") for i in range(width)}), False
    try:
        table = pacsv.read_csv(
            pa.BufferReader(buf),
            read_options=pacsv.ReadOptions(column_names=names, block_size=16 * _MB),
            parse_options=pacsv.ParseOptions(delimiter=delim, newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()),
                strings_can_be_null=True,
                null_values=[""],
                quoted_strings_can_be_null=True,
            ),
        )
        cols = []
        for col in table.columns:  # whitespace-only fields are blank, like empty ones
            space = pc.utf8_is_space(col)
            cols.append(pc.if_else(space, None, col) if pc.any(space).as_py() else col)
        df = pa.table(cols, names=names).to_pandas()
        df.columns = range(width)
        return df, False
    except pa.ArrowInvalid as exc:
        if "UTF8" in str(exc) or "utf8" in str(exc).lower():
            raise _BadUtf8 from None
    text = body[start:].decode("utf-8", errors="replace")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    n = max([width, *(len(r) for r in rows)])
    cols = [[None] * len(rows) for _ in range(n)]
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v and not v.isspace():
                cols[j][i] = v
    df = pd.DataFrame({j: pd.Series(c, dtype="str") for j, c in enumerate(cols)})
    return df, True


# --------------------------------------------------------------------------- #
# header detection and the shared finish
# --------------------------------------------------------------------------- #

_NUMBERISH = re.compile(r"[\s+\-−(]*[$¥€£￥]?[\s\d.,:/%\-−万亿kKmM)]*\d[\s\d.,:/%\-−万亿kKmM)]*")


def _empty(v: Any) -> bool:
    return v is None or (v.__class__ is str and (v == "" or v.isspace())) or v != v


def _is_label(v: Any) -> bool:
    """A short piece of text that could be a column name (not a number or date)."""
    if not isinstance(v, str):
        return False
    s = v.strip()
    return 0 < len(s) <= 80 and not _NUMBERISH.fullmatch(s)


def _is_year(v: Any) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float)):
        return float(v).is_integer() and 1900 <= v <= 2100
    return isinstance(v, str) and v.strip().isdigit() and 1900 <= int(v.strip()) <= 2100


def _detect_header(rows: list[list[Any]]) -> int:
    """Index of the header: the first row mostly of short labels, as wide as the table.

    Title rows (a single merged title cell, "2024 客户名单", export dates) are
    narrower than the table and are skipped; so are blank rows.
    """
    fills = [sum(1 for v in r if not _empty(v)) for r in rows[:_SAMPLE_ROWS]]
    if not fills or max(fills) == 0:
        return 0
    width = max(fills)
    need = max(2 if width >= 2 else 1, math.ceil(0.5 * width))
    first = next(i for i, f in enumerate(fills) if f)
    for i, f in enumerate(fills):
        if f < need:
            continue
        labels = sum(1 for v in rows[i] if _is_label(v))
        if labels >= 0.8 * f:
            return i
        # A wide row of numbers or dates: data starts here.  The header is the
        # labelled row right above it (a header with many unnamed columns), if any.
        above = [k for k in range(i) if fills[k]]
        if (
            above
            and fills[above[-1]] >= 2
            and all(_is_label(v) for v in rows[above[-1]] if not _empty(v))
        ):
            return above[-1]
        break
    return first


def _is_subheader(top: Sequence[Any], sub: Sequence[Any], merges: list[tuple[int, int]]) -> bool:
    """Is ``sub`` the second row of a two-row header whose top row has merged cells?"""
    sub_cells = [(c, v) for c, v in enumerate(sub) if not _empty(v)]
    if not sub_cells or not all(_is_label(v) or _is_year(v) for _, v in sub_cells):
        return False
    top = list(top) + [None] * max(0, len(sub) - len(top))
    if any(b > a for a, b in merges) and any(a <= c <= b for a, b in merges for c, _ in sub_cells):
        return True
    # Without merge information, ask for both signs of a merged header: a top label
    # spanning several sub-labels, and a top label merged downwards (blank below it).
    spans = any(_empty(top[c]) and _group_head(top, sub, c) is not None for c, _ in sub_cells)
    tall = any(not _empty(v) and (c >= len(sub) or _empty(sub[c])) for c, v in enumerate(top))
    return spans and tall


def _group_head(top: Sequence[Any], sub: Sequence[Any], c: int) -> int | None:
    """Column of the top-row label that spans column ``c`` (merged cells read blank)."""
    k = c - 1
    while k >= 0 and _empty(top[k]):
        if k >= len(sub) or _empty(sub[k]):
            return None
        k -= 1
    if k < 0 or k >= len(sub) or _empty(sub[k]):
        return None
    return k


def _join_header(
    top: Sequence[Any], sub: Sequence[Any], merges: list[tuple[int, int]]
) -> list[Any]:
    """One name per column: "Revenue / 2023" under a merged "Revenue" cell."""
    width = max(len(top), len(sub))
    top = list(top) + [None] * (width - len(top))
    sub = list(sub) + [None] * (width - len(sub))
    heads = list(top)
    for a, b in merges:
        for c in range(a + 1, min(b, width - 1) + 1):
            if _empty(heads[c]):
                heads[c] = top[a]
    for c in range(width):
        if _empty(heads[c]) and not _empty(sub[c]):
            k = _group_head(top, sub, c)
            if k is not None:
                heads[c] = top[k]
    out: list[Any] = []
    for hd, sb in zip(heads, sub, strict=True):
        a, b = _name(hd), _name(sb)
        out.append(f"{a} / {b}" if a and b and a != b else a or b or None)
    return out


def _name(v: Any) -> str:
    """A header cell as a column name: trimmed text, 2023.0 → "2023", dates as ISO."""
    if _empty(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime) and v.time() == dt.time():
        return v.date().isoformat()
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    return " ".join(str(v).split())


def _count_nonblank(rows: Sequence[Sequence[Any]]) -> int:
    return sum(1 for r in rows if any(not _empty(v) for v in r))


_TOTAL_WORDS = (
    "total",
    "totals",
    "sum",
    "grand total",
    "subtotal",
    "sub-total",
    "sub total",
    "合计",
    "总计",
    "小计",
    "總計",
    "合計",
    "小計",
    "总合计",
    "共计",
)


def _total_variants() -> frozenset[str]:
    out = set()
    for w in _TOTAL_WORDS:
        forms = {w, w.upper(), w.title(), w.capitalize()}
        if len(w) == 2 and not w.isascii():
            forms |= {f"{w[0]} {w[1]}", f"{w[0]}\u3000{w[1]}"}
        for f in forms:
            for suffix in ("", ":", "：", " :"):
                for pad in ("", " "):
                    out.add(f"{pad}{f}{suffix}{pad}")
    return frozenset(out)


_TOTALS = _total_variants()


def _present(df: pd.DataFrame) -> np.ndarray:
    """2-D bool: which cells hold a value (object blocks compare to None, fast)."""
    if len(df.columns) and all(dt_ is np.dtype(object) for dt_ in df.dtypes):
        return ~np.equal(df.to_numpy(dtype=object), None)
    return df.notna().to_numpy()


def _totals_mask(df: pd.DataFrame, present: np.ndarray) -> np.ndarray:
    """Rows whose first non-empty cell (within the first three columns) says Total/合计."""
    mask = np.zeros(len(df), dtype=bool)
    left_empty = np.ones(len(df), dtype=bool)
    for j in range(min(3, df.shape[1])):
        hits = df.iloc[:, j].isin(_TOTALS).to_numpy(dtype=bool)
        mask |= hits & left_empty
        left_empty &= ~present[:, j]
        if not left_empty.any():
            break
    return mask


def _finish(
    df: pd.DataFrame,
    header: list[Any],
    *,
    kind: str,
    sheet: str | None,
    sheets: list[SheetInfo],
    header_row: int,
    header_rows: int,
    col_offset: int,
    notes: list[Msg],
    title_rows: int,
    lang: Lang,
) -> tuple[RawTable, dict[str, int]]:
    """Apply the header, drop blank rows/columns and totals rows, name every column.

    Also returns the named columns that hold no value at all (name → grid
    column), so the workbook reader can explain them (formulas without results).
    """
    width = max(len(header), df.shape[1])
    header = list(header) + [None] * (width - len(header))
    for c in range(df.shape[1], width):
        df[c] = pd.Series([None] * len(df), index=df.index, dtype=object)
    names = [_name(v) for v in header]
    present = _present(df)
    rows = present.any(axis=1)
    if not rows.all():
        df, present = df[rows], present[rows]
    has_data = present.any(axis=0)
    keep = [c for c in range(width) if names[c] or has_data[c]]
    if not keep:
        raise InputError("load.no_columns")
    if len(keep) < width:
        df, present = df[keep], present[:, keep]
    names = [names[c] for c in keep]
    if title_rows:
        notes.append(Msg("load.note.title_rows", {"n": title_rows, "row": header_row + 1}))
    if header_rows == 2:
        example = next((n for n in names if " / " in n), names[0])
        notes.append(
            Msg(
                "load.note.two_row_header",
                {"row": header_row + 1, "row2": header_row + 2, "example": example},
            )
        )
    if len(df):
        totals = _totals_mask(df, present)
        if totals.any():
            first = int(np.flatnonzero(totals)[0])
            label = next(v for v in df.iloc[first] if not _empty(v))
            notes.append(
                Msg(
                    "load.note.totals",
                    {
                        "n": int(totals.sum()),
                        "label": str(label).strip(),
                        "row": int(df.index[first]) + 1,
                    },
                )
            )
            df = df[~totals]
    final, unnamed, renamed = _unique_names(names, keep, col_offset, lang)
    if unnamed:
        notes.append(Msg("load.note.unnamed", {"n": len(unnamed), "names": ", ".join(unnamed)}))
    if renamed:
        notes.append(Msg("load.note.duplicates", {"names": ", ".join(renamed)}))
    if len(df) == 0:
        shown = ", ".join(n for n in final[:8]) + (" …" if len(final) > 8 else "")
        raise InputError("load.header_only", columns=shown)
    empty = {n: c for n, c, d in zip(final, keep, has_data[keep], strict=True) if not d}
    df.columns = final
    df = df.reset_index(drop=True)
    raw = RawTable(
        df=df,
        kind=kind,
        sheet=sheet,
        sheets=sheets,
        header_row=header_row,
        header_rows=header_rows,
        notes=notes,
    )
    return raw, empty


def _unique_names(
    names: list[str], cols: list[int], col_offset: int, lang: Lang
) -> tuple[list[str], list[str], list[str]]:
    """Fill empty names ("Column 5") and de-duplicate ("Name", "Name (2)")."""
    unnamed: list[str] = []
    filled = []
    for n, c in zip(names, cols, strict=True):
        if not n:
            n = t("load.unnamed_column", lang, n=col_offset + c + 1)
            unnamed.append(n)
        filled.append(n)
    taken = {n.casefold() for n in filled}
    seen: dict[str, int] = {}
    out, renamed = [], []
    for n in filled:
        key = n.casefold()
        if key not in seen:
            seen[key] = 1
            out.append(n)
            continue
        k = seen[key]
        while True:
            k += 1
            cand = f"{n} ({k})"
            if cand.casefold() not in taken:
                break
        seen[key] = k
        taken.add(cand.casefold())
        out.append(cand)
        renamed.append(cand)
    return out, unnamed, renamed
