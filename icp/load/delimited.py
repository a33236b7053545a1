"""Text tables (CSV, semicolon, tab, pipe): delimiter, header and body.

The first 256 KB are sampled to find the delimiter and the header with the
``csv`` module; the body is read by pyarrow as text columns (the ``csv``
module is the fallback for ragged rows).  Encodings are ``icp.load.encoding``'s
job, header rules and the shared finish ``icp.load.header``'s.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any

import pandas as pd

from icp.errors import InputError
from icp.i18n import Lang, Msg
from icp.load.encoding import MixedEncoding, to_utf8
from icp.load.header import (
    SAMPLE_ROWS,
    count_nonblank,
    detect_header,
    finish,
    is_subheader,
    join_header,
)
from icp.load.table import RawTable

__all__ = ["read_text"]

_MB = 1024 * 1024
_CSV_SAMPLE = 256 * 1024


_DELIMS = (",", ";", "\t", "|")
_DELIM_NOTES = {
    ";": "load.note.delim_semicolon",
    "\t": "load.note.delim_tab",
    "|": "load.note.delim_pipe",
}


def read_text(data: bytes, *, header_row: int | None, lang: Lang) -> RawTable:
    body, encoding = to_utf8(data, strict=True)
    try:
        return _parse_text(body, encoding, header_row=header_row, lang=lang, notes=[])
    except _BadUtf8:
        body, encoding = to_utf8(data, strict=False)
        return _parse_text(body, encoding, header_row=header_row, lang=lang, notes=[])


_NON_SPACE = re.compile(rb"\S")


class _BadUtf8(Exception):
    pass


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
    if isinstance(encoding, MixedEncoding):
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
    grid = [list(r) for r in records[:SAMPLE_ROWS]]
    if header_row is None:
        h = detect_header(grid)
    else:
        if header_row < 0 or header_row >= len(records):
            raise InputError("load.header_row_out_of_range", row=header_row + 1, rows=len(records))
        h = header_row
    header: list[Any] = list(records[h])
    n_hdr = 1
    if h + 1 < len(records) and is_subheader(header, records[h + 1], []):
        header = join_header(header, records[h + 1], [])
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
    raw, _ = finish(
        df,
        header,
        kind="csv",
        sheet=None,
        sheets=[],
        header_row=h,
        header_rows=n_hdr,
        col_offset=0,
        notes=notes,
        title_rows=count_nonblank(records[:h]),
        lang=lang,
    )
    return raw


def _quoted(body: bytes, start: int) -> bool:
    """Whether the body holds a quote, the only way a line break can sit inside a value.

    Without one, pyarrow may split the text at every line break (about 0.1 s less
    for a million rows); the table is the same.
    """
    return body.find(b'"', start) >= 0


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
            parse_options=pacsv.ParseOptions(
                delimiter=delim, newlines_in_values=_quoted(body, start)
            ),
            convert_options=pacsv.ConvertOptions(
                # large_string is what pandas' ``str`` columns hold: read as plain string,
                # every column would be copied by a cast in ``to_pandas``
                column_types=dict.fromkeys(names, pa.large_string()),
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
