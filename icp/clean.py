"""Turn a raw table (cells as read) into typed columns, with a report of what did not parse.

The mapping says how each column is read.  NUMBER cells accept what people
type into spreadsheets — ``$12,000``, ``1.2万``, ``3亿``, ``15%``, ``1,5``
(decimal comma), ``(1,200)`` (accounting negative), ranges such as
``100-300人`` (stored as the midpoint, the ends kept in ``Cleaned.ranges``).
DATE cells accept ISO, ``2024/3/5``, ``05.03.2024``, ``2024年3月5日``, Excel
serial numbers and date objects.  Text-like cells are trimmed and the usual
"nothing here" markers (``N/A``, ``-``, ``无`` …) become missing.

Speed: every column is factorised first and each *distinct* cell is parsed
once, vectorised where pandas can (``to_numeric``, ISO dates) and by the
Python parsers only for what is left; results are mapped back by code.

Open-ended ranges (a documented choice): ``"300万以上"`` → ``(3e6, nan)``
and its point value is the lower bound 3e6 (the midpoint is unknown, and the
bound keeps buckets in order: ``"100-300人"`` → 200 < ``"300人以上"`` → 300);
``"10人以下"`` → ``(0, 10)`` with midpoint 5 (the quantities people bucket —
head counts, money — are not negative).
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from icp.i18n import Msg
from icp.parse import (
    MISSING_MARKERS,
    as_text,
    dates_from_uniques,
    factorize,
    is_missing,
    norm,
    parse_number,
    parse_range,
    range_point,
)
from icp.schema import ColumnSpec, FieldType, Mapping, Role

# The cell parsers live in ``icp.parse`` (import them from there).
__all__ = ["CleanReport", "Cleaned", "ColumnReport", "band_cells", "clean"]

_TOTAL_WORDS = frozenset(
    {
        "total",
        "totals",
        "grand total",
        "sum",
        "subtotal",
        "合计",
        "总计",
        "小计",
        "总和",
        "共计",
        "汇总",
    }
)

# ---------------------------------------------------------------------------
# Single-value parsers
# ---------------------------------------------------------------------------

# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

# ---------------------------------------------------------------------------
# Column cleaners (work on distinct values, map back by code)
# ---------------------------------------------------------------------------


def _row_state(codes: np.ndarray, u_state: np.ndarray) -> np.ndarray:
    """Per-row 0 ok / 1 missing / 2 failed from per-unique states."""
    if len(u_state) == 0:
        return np.ones(len(codes), dtype=np.int8)
    return np.where(codes < 0, np.int8(1), u_state[np.maximum(codes, 0)])


def _examples(uniq: np.ndarray, u_state: np.ndarray) -> list[str]:
    bad = np.flatnonzero(u_state == 2)[:3]
    return [str(uniq[i]).strip()[:60] for i in bad]


def _numbers_from_uniques(
    uniq: np.ndarray, texts: dict[str, _Number] | None = None
) -> dict[str, np.ndarray]:
    """Parse distinct cells: value, low, high, state, had-% and is-range per value.

    ``texts`` keeps each text cell's reading for the next column (a wide export writes
    "1.2万" or "N/A" in column after column); keys are ``str`` only."""
    n = len(uniq)
    vals = pd.to_numeric(uniq, errors="coerce") if n else np.zeros(0)
    vals = np.asarray(vals, dtype=np.float64).copy()
    # pd.to_numeric turns bools/datetimes into numbers or NaN; datetimes must fail.
    if n and pd.api.types.infer_dtype(uniq, skipna=False) != "string":  # all text: none
        for i, v in enumerate(uniq):
            if isinstance(v, (_dt.date, np.datetime64, pd.Timestamp)):
                vals[i] = np.nan
    state = np.zeros(n, dtype=np.int8)
    low = vals.copy()
    high = vals.copy()
    pct = np.zeros(n, dtype=bool)
    is_range = np.zeros(n, dtype=bool)
    todo = np.flatnonzero(~np.isfinite(vals))
    if len(todo) > 1000:  # vectorised pre-pass: "$12,000", "12,000.50", "3000元"
        sub = pd.Series(uniq[todo], dtype=object)
        as_str = sub.where(sub.map(lambda v: isinstance(v, str)).astype(bool))
        stripped = as_str.str.strip().str.replace(
            r"^[$¥￥€£]\s*|,(?=\d{3}(?:\D|$))|\s*元$", "", regex=True
        )
        fast = np.asarray(pd.to_numeric(stripped, errors="coerce"), dtype=np.float64)
        good = np.isfinite(fast)
        vals[todo[good]] = low[todo[good]] = high[todo[good]] = fast[good]
        todo = todo[~good]
    for i in todo:
        v = uniq[i]
        if texts is not None and type(v) is str:
            got = texts.get(v)
            if got is None:
                got = texts[v] = _number_cell(v)
        else:
            got = _number_cell(v)
        state[i] = got[0]
        if got[0] != 1:  # a missing cell keeps the NaN pd.to_numeric gave it
            vals[i], low[i], high[i], pct[i], is_range[i] = got[1:]
    return {"vals": vals, "low": low, "high": high, "state": state, "pct": pct, "range": is_range}


# (state: 0 ok / 1 missing / 2 failed, value, low, high, had %, is a range) of one cell
_Number = tuple[int, float, float, float, bool, bool]


def _number_cell(v: Any) -> _Number:
    """One cell ``pd.to_numeric`` did not read: a missing marker, a number as people type
    it ("$12,000", "1.2万", "15%"), a range ("100-300人"), or a failure."""
    if is_missing(v):
        return 1, np.nan, np.nan, np.nan, False, False
    if isinstance(v, str):
        s = norm(v)
        num = parse_number(s)
        if num is not None:
            return 0, num, num, num, "%" in s, False
        rng = parse_range(s)
        if rng is not None:
            return 0, range_point(*rng), rng[0], rng[1], "%" in s, True
    return 2, np.nan, np.nan, np.nan, False, False


def _margin_fraction(u: dict[str, np.ndarray]) -> bool:
    """Rescale margin values written as percent points (35 → 0.35); True if any changed."""
    vals, ok = u["vals"], (u["state"] == 0) & ~u["pct"]
    plain = vals[ok & np.isfinite(vals)]
    if plain.size == 0:
        return False
    points = np.abs(vals) > 1
    ones = np.abs(vals) == 1
    # an exact 1 is 1% when most plain values are points, else 100%
    if np.mean(np.abs(plain) > 1) >= 0.5:
        points |= ones
    scale = ok & points
    if not scale.any():
        return False
    for key in ("vals", "low", "high"):
        u[key] = np.where(scale, u[key] / 100.0, u[key])
    return True


def _clean_number(
    s: pd.Series, *, margin: bool, texts: dict[str, _Number] | None = None
) -> tuple[np.ndarray, Any, np.ndarray, dict]:
    """(float64 values, (low, high) arrays or None, row state, info); ``texts`` as in
    ``_numbers_from_uniques``."""
    info: dict[str, Any] = {"examples": [], "ranges": 0, "margin_scaled": False}
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        vals = s.to_numpy(dtype=np.float64, na_value=np.nan)
        vals = np.where(np.isfinite(vals), vals, np.nan)
        state = np.where(np.isnan(vals), np.int8(1), np.int8(0))
        if margin:
            u = {
                "vals": vals,
                "low": vals,
                "high": vals,
                "state": state,
                "pct": np.zeros(len(vals), dtype=bool),
            }
            info["margin_scaled"] = _margin_fraction(u)
            vals = u["vals"]
        return vals, None, state, info
    plain = None if margin else _plain_numbers(s)
    if plain is not None:  # the plain decimals are read; the distinct rest as below
        plain_vals, is_plain = plain
        s = s[~is_plain]
    codes, uniq = factorize(s)
    u = _numbers_from_uniques(uniq, texts)
    if margin:
        info["margin_scaled"] = _margin_fraction(u)
    state = _row_state(codes, u["state"])
    info["examples"] = _examples(uniq, u["state"])
    safe = np.maximum(codes, 0)

    def take(arr: np.ndarray) -> np.ndarray:
        if len(arr) == 0:
            return np.full(len(codes), np.nan)
        return np.where(codes < 0, np.nan, arr[safe])

    vals = take(u["vals"])
    ranges = None
    if u["range"].any():
        info["ranges"] = int(u["range"][safe][codes >= 0].sum())
        ranges = (take(u["low"]), take(u["high"]))
    if plain is not None:
        vals, state = _merge(plain_vals, is_plain, vals), _merge(np.int8(0), is_plain, state)
        if ranges is not None:
            ranges = (
                _merge(plain_vals, is_plain, ranges[0]),
                _merge(plain_vals, is_plain, ranges[1]),
            )
    return vals, ranges, state, info


# Cells written as a plain decimal: at most 15 digits, so both pandas' and Arrow's parsers
# give the one correctly rounded double (and no sign: pandas reads "-0" as 0, Arrow as -0.0)
_PLAIN_DECIMAL = r"^(?:[0-9]{1,15}|[0-9]{1,9}\.[0-9]{1,6})$"
_PLAIN_MIN_ROWS = 10_000


def _plain_numbers(s: pd.Series) -> tuple[np.ndarray, np.ndarray] | None:
    """(value per row, which rows are plain decimals) of a big Arrow text column, else None.

    Why: a column of a million distinct amounts ("48213.57") was factorised and
    every distinct cell became a Python string for ``pd.to_numeric`` (0.6 s);
    Arrow reads the plain ones in C.  Every other cell ("$12,000", "1.2万",
    "N/A", " 12") still goes through the distinct-cell parsers, and a plain
    decimal is never a failure, a range, a percent or an example, so the
    result is the same (``tests/test_clean_plain_numbers.py``).
    """
    if len(s) < _PLAIN_MIN_ROWS or not isinstance(s.dtype, pd.StringDtype):
        return None
    import pyarrow as pa  # lazy: startup speed
    import pyarrow.compute as pc  # lazy: startup speed

    try:
        arr = pa.array(s, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    is_plain = _plain_bytes(arr)
    if is_plain is None:  # a byte other than a digit or "." somewhere: the regex decides
        match = pc.fill_null(pc.match_substring_regex(arr, _PLAIN_DECIMAL), False)
        is_plain = match.to_numpy(zero_copy_only=False)
    if not is_plain.any():
        return None
    if is_plain.all():  # every cell is read: no stand-in needed for the others
        vals = pc.cast(arr, pa.float64())
    else:
        keep = pa.array(is_plain)
        vals = pc.cast(pc.if_else(keep, arr, pa.scalar("0", arr.type)), pa.float64())
    return vals.to_numpy(zero_copy_only=False), is_plain


def _plain_bytes(arr: Any) -> np.ndarray | None:
    """Which cells match ``_PLAIN_DECIMAL``, read off the bytes, or None (use the regex).

    Only when every byte of the column is an ASCII digit or "." (a column of plain
    amounts): a cell is then plain when it has no "." and 1–15 bytes, or one "."
    with 1–9 bytes before it and 1–6 after.  A cell's first "." comes from Arrow's
    substring search; when the column holds more "." bytes than cells with one, some
    cell has two (or a missing cell holds bytes) and the regex decides instead.
    """
    import pyarrow as pa  # lazy: startup speed
    import pyarrow.compute as pc  # lazy: startup speed

    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        return None
    if isinstance(arr, pa.ChunkedArray):
        parts = [_plain_bytes(chunk) for chunk in arr.chunks]
        if any(p is None for p in parts):
            return None
        return np.concatenate(parts) if parts else np.zeros(0, dtype=bool)
    n = len(arr)
    width = np.int64 if pa.types.is_large_string(arr.type) else np.int32
    _, off_buf, data_buf = arr.buffers()
    offsets = np.frombuffer(off_buf, dtype=width)[arr.offset : arr.offset + n + 1].astype(np.int64)
    data = (
        np.frombuffer(data_buf, dtype=np.uint8)[offsets[0] : offsets[-1]]
        if data_buf is not None
        else np.empty(0, dtype=np.uint8)
    )
    if len(data) and (data.min() < 0x2E or data.max() > 0x39 or (data == 0x2F).any()):
        return None  # "." is 0x2E, "/" 0x2F, the digits 0x30-0x39
    lens = np.diff(offsets)
    dots = int(np.count_nonzero(data == 0x2E))
    if dots:
        pos = pc.fill_null(pc.find_substring(arr, "."), -1).to_numpy(zero_copy_only=False)
        has = pos >= 0
        if dots != int(np.count_nonzero(has)):
            return None
        after = lens - pos - 1
        plain = np.where(
            has, (pos >= 1) & (pos <= 9) & (after >= 1) & (after <= 6), (lens >= 1) & (lens <= 15)
        )
    else:
        plain = (lens >= 1) & (lens <= 15)
    if arr.null_count:
        plain &= arr.is_valid().to_numpy(zero_copy_only=False)
    return plain


def _merge(plain: np.ndarray | np.int8, is_plain: np.ndarray, rest: np.ndarray) -> np.ndarray:
    """Per row: ``plain`` where the row is a plain decimal, else the next of ``rest``."""
    out = np.empty(len(is_plain), dtype=rest.dtype)
    out[is_plain] = plain[is_plain] if isinstance(plain, np.ndarray) else plain
    out[~is_plain] = rest
    return out


def _clean_date(s: pd.Series) -> tuple[np.ndarray, np.ndarray, list[str], dict]:
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        if getattr(s.dt, "tz", None) is not None:
            s = s.dt.tz_localize(None)
        vals = s.to_numpy(dtype="datetime64[ns]")
        state = np.where(np.isnat(vals), np.int8(1), np.int8(0))
        return vals, state, [], {"serial": 0, "order": None}
    codes, uniq = factorize(s)
    u_vals, u_state, info = dates_from_uniques(uniq)
    state = _row_state(codes, u_state)
    if len(u_vals):
        vals = np.where(codes < 0, np.datetime64("NaT", "ns"), u_vals[np.maximum(codes, 0)])
    else:
        vals = np.full(len(codes), np.datetime64("NaT"), dtype="datetime64[ns]")
    return vals.astype("datetime64[ns]"), state, _examples(uniq, u_state), info


def _clean_text(s: pd.Series) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """(``str`` column with markers → missing and cells trimmed, row state, totals-word rows)."""
    texts: np.ndarray | None
    if isinstance(s.dtype, pd.StringDtype) and _mostly_distinct(s):
        return _clean_text_rows(s)
    if isinstance(s.dtype, pd.StringDtype):  # distinct cells stay in Arrow
        codes, arrow_uniq = pd.factorize(s, use_na_sentinel=True)
        uniq = arrow_uniq if len(arrow_uniq) > 2000 else np.asarray(arrow_uniq, dtype=object)
        all_str = True
    else:
        codes, uniq = factorize(s)
        all_str = all(isinstance(v, str) for v in uniq)
    if len(uniq) > 2000 and all_str:  # vectorised
        raw = pd.Series(uniq, dtype="str")
        stripped = raw.str.strip()
        lower = stripped.str.lower()
        blank = lower.isin(MISSING_MARKERS).to_numpy(dtype=bool)
        u_total = lower.str.rstrip(":：").str.strip().isin(_TOTAL_WORDS).to_numpy(dtype=bool)
        same = bool((stripped == raw).all()) and not blank.any()
        u_state = np.where(blank, np.int8(1), np.int8(0)).astype(np.int8)
        texts = None
        if not (same and isinstance(s.dtype, pd.StringDtype)):  # Python strings only if needed
            texts = stripped.to_numpy(dtype=object)
            texts[blank] = None
    else:
        texts = np.array([as_text(v) for v in uniq], dtype=object)
        u_total = np.array([_is_total_word(t) for t in texts], dtype=bool)
        same = all(t is not None and t == v for t, v in zip(texts, uniq, strict=True))
        u_state = np.where(pd.isna(texts), np.int8(1), np.int8(0)).astype(np.int8)
    state = _row_state(codes, u_state)
    total = np.zeros(len(codes), dtype=bool)
    if u_total.any():
        total = (codes >= 0) & u_total[np.maximum(codes, 0)]
    if same and isinstance(s.dtype, pd.StringDtype):
        return s, state, total
    assert texts is not None
    if len(texts):
        obj = np.where(codes < 0, None, texts[np.maximum(codes, 0)])
    else:
        obj = np.full(len(codes), None, dtype=object)
    return pd.Series(pd.array(obj, dtype="str"), index=s.index, name=s.name), state, total


_HEAD = 10_000


def _mostly_distinct(s: pd.Series) -> bool:
    """More than half of the first ``_HEAD`` cells distinct (a name per row).

    Then factorising the column finds almost nothing to share and costs more
    than it saves (a million names: 0.2 s).  It also means more than 2,000
    distinct cells, the vectorised branch of ``_clean_text``, so the rows
    take the same branch as the distinct cells would have.
    """
    return len(pd.factorize(s.iloc[:_HEAD])[1]) > _HEAD // 2


def _clean_text_rows(s: pd.Series) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """``_clean_text``'s vectorised branch on the rows themselves (no factorising)."""
    missing = s.isna().to_numpy(dtype=bool)
    stripped = s.str.strip()
    rows = _marker_rows(stripped)
    if rows is None:  # every row
        blank, total = _markers(stripped)
    else:  # only rows that can be a marker or a totals word: the same test on them
        blank = np.zeros(len(s), dtype=bool)
        total = np.zeros(len(s), dtype=bool)
        if len(rows):
            blank[rows], total[rows] = _markers(stripped.iloc[rows])
    same = bool((stripped == s).all()) and not blank.any()
    state = np.where(missing | blank, np.int8(1), np.int8(0)).astype(np.int8)
    if same:
        return s, state, total
    texts = stripped.to_numpy(dtype=object)
    texts[blank | missing] = None
    return pd.Series(pd.array(texts, dtype="str"), index=s.index, name=s.name), state, total


def _markers(stripped: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Per trimmed cell: a missing marker ("N/A", "-" …), a totals word ("Total:", 合计)."""
    lower = stripped.str.lower()
    blank = lower.isin(MISSING_MARKERS).to_numpy(dtype=bool)
    total = lower.str.rstrip(":：").str.strip().isin(_TOTAL_WORDS).to_numpy(dtype=bool)
    return blank, total


# the first character of every marker and totals word: a trimmed cell starting with
# anything else (lower-cased) is neither, whatever follows
_MARKER_FIRST = sorted({w[0] for w in (*MISSING_MARKERS, *_TOTAL_WORDS) if w})


def _marker_rows(stripped: pd.Series) -> np.ndarray | None:
    """Rows of a trimmed Arrow text column that may be a marker or a totals word, or None
    (every row: not Arrow text).

    A million names hold a handful of such cells: lower-casing, trimming and looking up
    every one of them (0.1 s) is kept for the rows that are empty or whose first
    character, lower-cased, starts some marker or totals word.  Arrow lower-cases one
    code point into one code point, so a cell's lower-cased first character is the
    first character of the cell lower-cased, and no character lower-cases into
    whitespace: ``_markers`` of any other row is (False, False).
    """
    import pyarrow as pa  # lazy: startup speed
    import pyarrow.compute as pc  # lazy: startup speed

    if getattr(stripped.dtype, "storage", None) != "pyarrow":
        return None
    arr = pa.array(stripped, from_pandas=True)
    first = pc.utf8_lower(pc.utf8_slice_codeunits(arr, 0, 1))
    maybe = pc.or_(pc.is_in(first, pa.array(_MARKER_FIRST)), pc.equal(pc.binary_length(arr), 0))
    return np.flatnonzero(pc.fill_null(maybe, False).to_numpy(zero_copy_only=False))


def _band_of(value: float, bands: list[tuple[float, float, str]]) -> str | None:
    """The label whose range holds ``value`` (low end included, high end excluded,
    except for the top band), or None."""
    top = max((hi if math.isfinite(hi) else math.inf) for _, hi, _ in bands)
    for lo, hi, label in bands:
        hi = hi if math.isfinite(hi) else math.inf
        if lo <= value < hi or (value == hi == top):
            return label
    return None


def band_cells(s: pd.Series) -> pd.Series:
    """A BAND column's cells: range labels as written; an exact amount ("650万") put
    into the band that holds it ("500-1000万"), so one customer is one label.

    Amounts outside every band, and an amount used as an option of its own
    (``0元`` on a tenth or more of the rows), stay as written.
    """
    counts = s.value_counts()
    common = set(counts.index[counts >= 0.1 * max(int(counts.sum()), 1)])
    uniq = pd.unique(s.dropna())
    bands: list[tuple[float, float, str]] = []
    exact: dict[str, float] = {}
    for v in uniq:
        rng = parse_range(v)
        if rng is not None:
            bands.append((rng[0], rng[1], str(v)))
        else:
            x = parse_number(v)
            if x is not None and v not in common:
                exact[str(v)] = x
    if not bands or not exact:
        return s
    into = {v: label for v, x in exact.items() if (label := _band_of(x, bands)) is not None}
    return s.map(lambda v: into.get(v, v) if isinstance(v, str) else v).astype(s.dtype)


def _is_total_word(text: str | None) -> bool:
    return text is not None and text.rstrip(":：").strip().lower() in _TOTAL_WORDS


def _blank_state(s: pd.Series) -> np.ndarray:
    """Row state (1 = blank) for a column that is kept as it is."""
    codes, uniq = factorize(s)
    u_state = np.array([1 if is_missing(v) else 0 for v in uniq], dtype=np.int8)
    return _row_state(codes, u_state)


# ---------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------


@dataclass
class ColumnReport:
    """How one included column parsed: counts over the kept rows, up to 3 bad cells."""

    name: str
    type: FieldType
    parsed: int
    failed: int
    missing: int
    examples: list[str] = field(default_factory=list)


@dataclass
class CleanReport:
    rows_in: int
    rows_kept: int
    dropped: list[tuple[Msg, int]] = field(default_factory=list)  # reason, rows
    columns: list[ColumnReport] = field(default_factory=list)
    notes: list[Msg] = field(default_factory=list)


@dataclass
class Cleaned:
    """The typed table (RangeIndex over kept rows), its report, range ends, and the
    position in the input of each kept row (so the sheet row it came from is known)."""

    table: pd.DataFrame
    report: CleanReport
    ranges: dict[str, pd.DataFrame] = field(default_factory=dict)  # col -> low/high
    kept: np.ndarray | None = None


def clean(df: pd.DataFrame, mapping: Mapping) -> Cleaned:
    """Type every included column as the mapping says and drop rows with no data.

    NUMBER → float64 (ranges → midpoint, ends in ``ranges``), DATE →
    datetime64[ns], MARGIN role → a fraction, SINGLE/MULTI/TEXT → trimmed
    strings with missing markers as NaN.  Excluded columns are kept as read.
    Entirely empty rows and spreadsheet totals rows ("Total", "合计") are
    dropped and counted in the report.
    """
    n = len(df)
    out: dict[str, Any] = {}
    states: dict[str, np.ndarray] = {}
    reports: list[ColumnReport] = []
    notes: list[Msg] = []
    ranges_raw: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    total_hits: list[np.ndarray] = []
    text_filled: list[np.ndarray] = []
    texts: dict[str, _Number] = {}  # number cells read, for the next column
    specs: dict[str, ColumnSpec] = {}
    for c in mapping.columns:  # Mapping.get is a scan: 3,000 columns made it 3,000² steps
        specs.setdefault(c.name, c)
    for name in df.columns:
        s = df[name]
        spec = specs.get(name)
        if spec is None or not spec.include:
            out[name] = s
            states[name] = _blank_state(s)
            continue
        examples: list[str] = []
        if spec.type == FieldType.NUMBER:
            vals, rng, state, info = _clean_number(s, margin=spec.role == Role.MARGIN, texts=texts)
            out[name] = np.asarray(vals, dtype=np.float64)  # no Series each: one frame below
            examples = info["examples"]
            if rng is not None:
                ranges_raw[name] = rng
                notes.append(Msg("clean.note.ranges", {"column": name, "count": info["ranges"]}))
            if info["margin_scaled"]:
                notes.append(Msg("clean.note.margin_percent", {"column": name}))
        elif spec.type == FieldType.DATE:
            vals, state, examples, info = _clean_date(s)
            out[name] = vals
            if info["serial"]:
                notes.append(Msg("clean.note.excel_dates", {"column": name}))
            if info["order"] == "mdy":
                notes.append(Msg("clean.note.date_mdy", {"column": name}))
            elif info["order"] == "dmy":
                notes.append(Msg("clean.note.date_dmy", {"column": name}))
        else:
            out[name], state, total = _clean_text(s)
            total_hits.append(total)
            text_filled.append(state == 0)
            if spec.type == FieldType.BAND:
                out[name] = band_cells(out[name])
        states[name] = state
        reports.append(ColumnReport(name, spec.type, 0, 0, 0, examples))

    blank = np.ones(n, dtype=bool)
    for st in states.values():
        blank &= st == 1
    totals = _totals_rows(total_hits, text_filled, n) & ~blank
    keep = ~(blank | totals)

    for rep in reports:
        counts = np.bincount(states[rep.name][keep], minlength=3)
        rep.parsed, rep.missing, rep.failed = int(counts[0]), int(counts[1]), int(counts[2])

    table = pd.DataFrame(out, index=df.index, columns=list(df.columns))
    if not keep.all():
        table = table[keep]
    table = table.reset_index(drop=True)
    ranges = {
        name: pd.DataFrame({"low": lo[keep], "high": hi[keep]})
        for name, (lo, hi) in ranges_raw.items()
    }
    dropped: list[tuple[Msg, int]] = []
    if blank.any():
        dropped.append((Msg("clean.dropped.empty"), int(blank.sum())))
    if totals.any():
        dropped.append((Msg("clean.dropped.totals"), int(totals.sum())))
    report = CleanReport(
        rows_in=n, rows_kept=int(keep.sum()), dropped=dropped, columns=reports, notes=notes
    )
    return Cleaned(table=table, report=report, ranges=ranges, kept=np.flatnonzero(keep))


def _totals_rows(hits: list[np.ndarray], filled: list[np.ndarray], n: int) -> np.ndarray:
    """Rows that say "Total"/"合计" in a text column and hold little other text."""
    if not hits:
        return np.zeros(n, dtype=bool)
    hit = np.logical_or.reduce(hits)
    if not hit.any():
        return hit
    count = np.sum(filled, axis=0)
    return hit & (count <= 2)
