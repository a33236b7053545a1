"""A tiny writer of real legacy Excel 97-2003 (.xls, BIFF8) workbooks, for tests.

No .xls writer is installed (xlwt is gone, LibreOffice is not on CI), so this
builds the two layers by hand from the published specs: an OLE2 compound file
([MS-CFB], one FAT sector, one "Workbook" stream) holding BIFF8 records
([MS-XLS]: BOF, CODEPAGE, FONT, XF, BOUNDSHEET8, SST, LABELSST, NUMBER, EOF).
xlrd and calamine both read the result.  ``filepass=True`` adds the FILEPASS
record (RC4 encryption header) that Excel writes for a password-protected file.
"""

from __future__ import annotations

import datetime as dt
import struct
from collections.abc import Sequence
from typing import Any

__all__ = ["xls_bytes"]

_END, _FREE, _FATSECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def _rec(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _bof(substream: int) -> bytes:
    return _rec(0x0809, struct.pack("<HHHHII", 0x0600, substream, 0x0DBB, 0x07CC, 0, 6))


def _font() -> bytes:
    name = "Arial".encode("utf-16-le")
    return _rec(
        0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + b"\x05\x01" + name
    )


def _xf(fmt: int, *, style: bool) -> bytes:
    return _rec(
        0x00E0, struct.pack("<HHH", 0, fmt, 0xFFF5 if style else 0x0001) + b"\x20\x00" + bytes(12)
    )


def _boundsheet(name: str, pos: int) -> bytes:
    return _rec(0x0085, struct.pack("<IBBBB", pos, 0, 0, len(name), 1) + name.encode("utf-16-le"))


def xls_bytes(
    sheets: Sequence[tuple[str, Sequence[Sequence[Any]]]], *, filepass: bool = False
) -> bytes:
    """An .xls file with the given sheets; cells are str, numbers, dates or None."""
    strings: dict[str, int] = {}
    for _, rows in sheets:
        for row in rows:
            for v in row:
                if isinstance(v, str):
                    strings.setdefault(v, len(strings))
    sst = struct.pack("<II", len(strings), len(strings))
    for s in strings:
        sst += struct.pack("<HB", len(s), 1) + s.encode("utf-16-le")
    head = _bof(0x0005)
    if filepass:  # RC4 encryption header: type 1, version 1.1, salt + verifier + hash
        head += _rec(0x002F, struct.pack("<HHH", 1, 1, 1) + bytes(range(48)))
    head += _rec(0x0042, struct.pack("<H", 1200))
    head += b"".join(_font() for _ in range(5))
    head += (
        b"".join(_xf(0, style=True) for _ in range(16)) + _xf(0, style=False) + _xf(14, style=False)
    )
    bodies = []
    for _, rows in sheets:
        body = _bof(0x0010)
        ncols = max((len(r) for r in rows), default=0)
        body += _rec(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, ncols, 0))
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                if v is None:
                    continue
                if isinstance(v, str):
                    body += _rec(0x00FD, struct.pack("<HHHI", i, j, 16, strings[v]))
                elif isinstance(v, dt.date):
                    serial = (v - dt.date(1899, 12, 30)).days
                    body += _rec(0x0203, struct.pack("<HHHd", i, j, 17, float(serial)))
                else:
                    body += _rec(0x0203, struct.pack("<HHHd", i, j, 16, float(v)))
        bodies.append(body + _rec(0x000A, b""))
    tail = _rec(0x00FC, sst) + _rec(0x000A, b"")
    pos = len(head) + sum(len(_boundsheet(n, 0)) for n, _ in sheets) + len(tail)
    bound = b""
    for (name, _), body in zip(sheets, bodies, strict=True):
        bound += _boundsheet(name, pos)
        pos += len(body)
    return _compound_file(head + bound + tail + b"".join(bodies))


def _compound_file(stream: bytes) -> bytes:
    """An OLE2 compound file (version 3, 512-byte sectors) with one "Workbook" stream."""
    size = max(4096, -(-len(stream) // 512) * 512)  # >= 4096: a regular, not a mini, stream
    data = stream.ljust(size, b"\x00")
    n = size // 512
    if n + 2 > 128:
        raise ValueError("test workbook too large for a single FAT sector")
    fat = [_FATSECT, *range(2, n + 1), _END, _END]
    fat += [_FREE] * (128 - len(fat))
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
    header += struct.pack("<9I", 0, 1, n + 1, 0, 4096, _END, 0, _END, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", _FREE) * 108

    def entry(name: str, kind: int, child: int, start: int, length: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\x00\x00" if name else b""
        return (
            raw.ljust(64, b"\x00")
            + struct.pack("<HBB", len(raw), kind, 1 if name else 0)
            + struct.pack("<III", _NOSTREAM, _NOSTREAM, child)
            + bytes(36)
            + struct.pack("<IQ", start, length)
        )

    directory = entry("Root Entry", 5, 1, _END, 0) + entry("Workbook", 2, _NOSTREAM, 1, size)
    directory += entry("", 0, _NOSTREAM, 0, 0) * 2
    return header + struct.pack("<128I", *fat) + data + directory
