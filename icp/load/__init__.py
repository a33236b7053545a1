"""Read any supported customer file into a raw table, safely.

``read_table`` is the intake door for spreadsheets and text tables: it checks
what the bytes really are (never trusting the extension), refuses dangerous or
broken files with a clear ``InputError``, picks the sheet that looks like the
customer list, finds the header row (skipping title rows, joining a two-row
merged header) and drops blank and totals rows.  Cells stay as the reader gives
them (text, numbers, dates); typing and cleaning is ``icp.clean``'s job.

Workbooks (.xlsx/.xlsm/.xls/.ods) are read with python-calamine, except the
rows below the header of a long .xlsx sheet, which fastexcel reads into Arrow
when its cells provably equal calamine's (``workbook._fast_body``); text
tables with pyarrow's CSV reader, every column as text.

Inside the package (each step points down to the next):

- ``sniff``      the real type from the bytes, size limit, refusals of foreign files;
- ``workbook``   xlsx/xls/ods: zip checks, one scan for entities and extent
                 (``icp.bookcheck``), calamine, the sheet most like a customer list;
- ``delimited``  text tables: delimiter, pyarrow body; ``encoding`` turns any
                 text encoding into UTF-8;
- ``header``     title rows, one- or two-row headers, totals rows, column names;
- ``table``      ``RawTable`` and ``SheetInfo``, what the readers return.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from icp.i18n import Lang
from icp.load.delimited import read_text
from icp.load.sniff import MAX_BYTES, read_bytes, read_source, sniff
from icp.load.table import RawTable, SheetInfo
from icp.load.workbook import cached_book, read_book

__all__ = [
    "MAX_BYTES",
    "RawTable",
    "SheetInfo",
    "list_sheets",
    "read_bytes",
    "read_table",
    "sniff",
]


def list_sheets(
    src: str | Path | BinaryIO | bytes, *, filename: str | None = None
) -> list[SheetInfo]:
    """The worksheets of a workbook with size and customer-table score ([] for text files)."""
    data, filename = read_source(src, filename, MAX_BYTES)
    kind = sniff(data, filename)
    if kind == "csv":
        return []
    return [replace(s.info) for s in cached_book(data, kind).sheets]


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
    data, filename = read_source(src, filename, max_bytes)
    kind = sniff(data, filename)
    if kind == "csv":
        return read_text(data, header_row=header_row, lang=lang)
    return read_book(data, kind, sheet=sheet, header_row=header_row, lang=lang)


# --------------------------------------------------------------------------- #
