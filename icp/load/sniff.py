"""What the bytes really are, and whether they are safe to hand to a reader.

The extension is never trusted: ``sniff`` looks at magic bytes and archive
members and refuses images, PDFs, archives, programs, encrypted and foreign
Office files with their own messages.  ``read_source`` reads a path, bytes or
upload, refusing empty, missing and oversized input before reading it all.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import math
import os
import zipfile
from pathlib import Path
from typing import Any, BinaryIO

from icp.errors import InputError
from icp.load.encoding import decode_mixed, utf16_without_bom

__all__ = ["MAX_BYTES", "read_bytes", "read_source", "sniff"]

MAX_BYTES: int = 50 * 1024 * 1024  # the data uploaders' max_upload_size (ui.state.UPLOAD_MB)

_MB = 1024 * 1024
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


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
    return read_source(src, filename, max_bytes)


def read_source(src: Any, filename: str | None, max_bytes: int) -> tuple[bytes, str | None]:
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


def _looks_like_text(sample: bytes) -> bool:
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(sample):
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
    if decode_mixed(tail) is not None:  # UTF-8 with a few lines in another code page
        return True
    from charset_normalizer import from_bytes  # lazy: startup speed

    best = from_bytes(sample).best()
    return best is not None and best.chaos < 0.3
