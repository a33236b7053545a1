"""A workbook's safety checks, before any parser sees it — without pandas.

Zip bombs (member count, declared size, compression ratio), XML entity
declarations and every sheet's extent (one streaming pass, ``icp.bookscan``)
are refused here with a plain ``InputError``; what passes comes back as a
``Scanned``: the sheet parts and the heads the pass kept for the fast read.

The module imports neither pandas nor the readers, so the CLI can run the
scan of a big workbook in its limited worker while it imports them itself
(``prescan``); the reading worker then trusts that scan for the same bytes
(``trust`` / ``trusted``, keyed by their hash) instead of running it again.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from dataclasses import dataclass

from icp import bookscan
from icp.errors import InputError

__all__ = [
    "FAST_MIN_ROWS",
    "PRESCAN_MIN_BYTES",
    "Scanned",
    "check_extents",
    "check_zip",
    "content_key",
    "prescan",
    "scan",
    "sheet_parts",
    "trust",
    "trusted",
]

_MB = 1024 * 1024
_MAX_UNZIPPED = 500 * _MB  # total declared uncompressed size of a workbook
_MAX_RATIO = 200  # compression ratio refused on a large member ...
_RATIO_MEMBER = 20 * _MB  # ... i.e. one declaring more than this uncompressed
_MAX_MEMBERS = 10_000
_MAX_CELLS = 30_000_000  # rows x columns of a sheet's used area (calamine stores it densely)
_SPARSE_ROWS = 100_000  # a sheet spanning more rows than this ...
_SPARSE_RATIO = 20  # ... must write at least 1 in this many of them
# a sheet writing fewer rows is read by calamine alone: the fast read saves little there,
# and importing fastexcel costs ~50 ms
FAST_MIN_ROWS = 2_000
# a smaller workbook scans in less time than a second worker takes to start
PRESCAN_MIN_BYTES = 1 * _MB


@dataclass(frozen=True)
class Scanned:
    """An .xlsx whose checks passed: its content key, sheet parts and kept heads."""

    key: bytes
    parts: dict[str, str]  # sheet name -> worksheet member
    heads: dict[str, bytes]  # worksheet member -> its first rows (``check_extents``)


def content_key(data: bytes) -> bytes:
    """The key a workbook's bytes are known by (also ``icp.load.workbook``'s cache key)."""
    return hashlib.blake2b(data, digest_size=16).digest()


def scan(data: bytes) -> Scanned:
    """Every check of an .xlsx, or ``InputError`` (as opening it would raise)."""
    return _scan_zip(zipfile.ZipFile(io.BytesIO(data)), content_key(data))


def _scan_zip(zf: zipfile.ZipFile, key: bytes) -> Scanned:
    check_zip(zf, "Excel")
    parts = sheet_parts(zf)
    return Scanned(key, parts, check_extents(zf, "xlsx", parts, "Excel"))


def prescan(path: str, max_bytes: int) -> Scanned | None:
    """``scan`` of the .xlsx at ``path``, or None for anything else or anything unusual.

    Run in the limited worker.  None is never a refusal: the reading worker
    then checks the file itself, in the usual order, with the usual messages.
    """
    try:
        if os.path.getsize(path) > max_bytes:
            return None
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
        if not data.startswith(b"PK\x03\x04"):
            return None
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            if "xl/workbook.xml" not in names or "[Content_Types].xml" not in names:
                return None
            return _scan_zip(zf, content_key(data))
    except (InputError, OSError, zipfile.BadZipFile, ValueError, KeyError):
        return None


_TRUSTED: dict[bytes, Scanned] = {}


def trust(scanned: Scanned) -> None:
    """Remember a scan this process may use instead of scanning the same bytes again."""
    _TRUSTED[scanned.key] = scanned


def trusted(key: bytes) -> Scanned | None:
    """The remembered scan of the bytes with ``key`` (used once), or None."""
    return _TRUSTED.pop(key, None)


def check_zip(zf: zipfile.ZipFile, label: str) -> None:
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


def check_extents(
    zf: zipfile.ZipFile, kind: str, parts: dict[str, str], label: str
) -> dict[str, bytes]:
    """One streaming pass: XML entity declarations, and how far each sheet reaches.

    The reader allocates a sheet's used area densely, so a sheet is refused
    when that area is over ``_MAX_CELLS`` or when it spans far more rows than
    the file writes (a few KB unfolding into a million rows).  Returns the
    heads the pass kept of named worksheets (member → XML), for the fast read.
    """
    measure = _sheets_to_measure(zf, parts) if kind == "xlsx" else {}
    try:
        if kind == "xlsx":
            extents = list(bookscan.scan_xlsx(zf, measure).values())
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
    named = set(parts.values())
    return {
        measure[e.name]: e.head
        for e in extents
        if e.head is not None and e.written_rows >= FAST_MIN_ROWS and measure.get(e.name) in named
    }


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


def sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
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
