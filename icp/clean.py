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
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from icp.i18n import Msg
from icp.schema import FieldType, Mapping, Role

__all__ = [
    "MISSING_MARKERS",
    "CleanReport",
    "Cleaned",
    "ColumnReport",
    "clean",
    "is_missing",
    "parse_date",
    "parse_dates",
    "parse_number",
    "parse_range",
    "split_tags",
    "won_mask",
]

# Cells that mean "no value", compared after strip + lower-case.
MISSING_MARKERS: frozenset[str] = frozenset(
    {
        "",
        "n/a",
        "na",
        "n.a.",
        "#n/a",
        "nan",
        "null",
        "none",
        "nil",
        "-",
        "--",
        "---",
        "—",
        "——",
        "–",
        "/",
        "无",
        "暂无",
        "空",
        "(blank)",
    }
)

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

_CURRENCY_PREFIX = re.compile(
    r"^(?:us\$|hk\$|a\$|c\$|usd|rmb|cny|eur|gbp|jpy|\$|¥|€|£|₩|₹)\s*", re.IGNORECASE
)
_APPROX_PREFIX = re.compile(r"^(?:约|大约|~|≈|approx\.?|about|ca\.?)\s*", re.IGNORECASE)
_UNIT_SUFFIX = re.compile(
    r"\s*(?:元|块|人民币|usd|rmb|cny|eur|gbp|dollars?|人|名|个|位|家|户|天|日|次|单|台|件|套|张|"
    r"days?|d|pcs|units?|employees?|people|persons?|seats?|tickets?|orders?|deals?)$",
    re.IGNORECASE,
)
_SCALE_SUFFIX = re.compile(r"\s*(百万|千万|十万|万|亿|千|k|mn|m|bn|b)$", re.IGNORECASE)
_SCALES = {
    "千": 1e3,
    "万": 1e4,
    "十万": 1e5,
    "百万": 1e6,
    "千万": 1e7,
    "亿": 1e8,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "b": 1e9,
    "bn": 1e9,
}
_THOUSANDS_COMMA = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_THOUSANDS_DOT = re.compile(r"\d{1,3}(?:\.\d{3})+")
_PLAIN = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_SPACES = re.compile(r"[\s'’]+")


def is_missing(value: Any) -> bool:
    """True for None/NaN/NaT and for the missing markers (``N/A``, ``-``, ``无`` …)."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return value.strip().lower() in MISSING_MARKERS
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _norm(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip()


def _parse_num(text: str) -> tuple[float, float] | None:
    """``(base, scale)`` for one number-like string, or None; value = base * scale.

    ``scale`` carries 万/亿/k/M and percent, so a range can lend the scale
    of its right end to a bare left end (``300-500万``).
    """
    s = _APPROX_PREFIX.sub("", text)
    neg = False
    if len(s) > 2 and s[0] == "(" and s[-1] == ")":
        neg, s = True, s[1:-1].strip()
    if s[:1] in "+-" and len(s) > 1 and not s[1:2].isspace():
        neg, s = (s[0] == "-") != neg, s[1:].lstrip()
    scale = 1.0
    if s.endswith("%"):
        scale, s = 0.01, s[:-1].rstrip()
    elif s.endswith("‰"):
        scale, s = 0.001, s[:-1].rstrip()
    s = _CURRENCY_PREFIX.sub("", s)
    for _ in range(2):  # "1.2万元", "10万人", "$1.2M USD"
        s, n = _UNIT_SUFFIX.subn("", s)
        m = _SCALE_SUFFIX.search(s)
        if m and m.start() > 0 and s[m.start() - 1 : m.start()].strip(" ").isdigit():
            scale *= _SCALES[m.group(1).lower()]
            s = s[: m.start()]
        elif not n:
            break
    s = _CURRENCY_PREFIX.sub("", s.strip())
    if s[:1] == "-" and not neg:  # "$-1,200"
        neg, s = True, s[1:]
    core = _SPACES.sub("", s)
    if not core:
        return None
    base = _parse_core(core)
    if base is None:
        return None
    return (-base if neg else base), scale


def _parse_core(core: str) -> float | None:
    """A bare unsigned number with thousands separators or a decimal comma."""
    if "," in core and "." in core:
        if core.rfind(",") > core.rfind("."):  # 1.234,56
            core = core.replace(".", "").replace(",", ".")
        else:  # 1,234.56
            if not _THOUSANDS_COMMA.fullmatch(core):
                return None
            core = core.replace(",", "")
    elif "," in core:
        if _THOUSANDS_COMMA.fullmatch(core):
            core = core.replace(",", "")
        elif core.count(",") == 1:  # decimal comma: 1,5
            core = core.replace(",", ".")
        else:
            return None
    elif core.count(".") > 1:
        if not _THOUSANDS_DOT.fullmatch(core):
            return None
        core = core.replace(".", "")
    if not _PLAIN.fullmatch(core):
        try:  # scientific notation
            v = float(core)
        except ValueError:
            return None
        return v if math.isfinite(v) else None
    return float(core)


def parse_number(value: Any) -> float | None:
    """A float for one cell, or None when it is missing or not a number.

    ``"$12,000"`` → 12000, ``"1.2万"`` → 12000, ``"3亿"`` → 3e8, ``"15%"`` → 0.15,
    ``"1,5"`` → 1.5, ``"¥3,000元"`` → 3000, ``"(1,200)"`` → -1200, ``"N/A"`` → None.
    Ranges are not numbers here; see ``parse_range``.
    """
    if value is None or isinstance(value, bool):
        return None if value is None else float(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        v = float(value)
        return v if math.isfinite(v) else None
    if not isinstance(value, str):
        return None
    s = _norm(value)
    if s.lower() in MISSING_MARKERS:
        return None
    try:
        v = float(s)
    except ValueError:
        pass
    else:
        return v if math.isfinite(v) else None
    r = _parse_num(s)
    return None if r is None else r[0] * r[1]


_RANGE_SPLIT = re.compile(r"^(.+?)\s*(?:-|–|—|~|～|〜|至|到|\bto\b)\s*(.+)$", re.IGNORECASE)
_ABOVE_SUFFIX = re.compile(
    r"\s*(?:及以上|或以上|以上|多|余|起|\+|plus|or more|and above|and up)$", re.I
)
_ABOVE_PREFIX = re.compile(
    r"^(?:>=|>|≥|over|above|more than|at least|大于|超过|多于|不少于|至少)\s*", re.I
)
_BELOW_SUFFIX = re.compile(
    r"\s*(?:及以下|或以下|以下|以内|之内|内|or less|or fewer|and below)$", re.I
)
_BELOW_PREFIX = re.compile(
    r"^(?:<=|<|≤|under|below|less than|fewer than|up to|小于|少于|低于|不到|不足|不超过)\s*", re.I
)


def parse_range(value: Any) -> tuple[float, float] | None:
    """``(low, high)`` for a range cell, or None when the cell is not a range.

    ``"100-300人"`` → (100, 300); ``"300-500万"`` → (3e6, 5e6) (the right end's
    unit applies to a bare left end); ``"300万以上"`` → (3e6, nan) (no upper
    bound); ``"10人以下"`` → (0, 10).  A reversed pair (``"2024-03"``) is not a
    range.
    """
    if not isinstance(value, str):
        return None
    s = _norm(value)
    if not s or s.lower() in MISSING_MARKERS:
        return None
    for pattern, above in (
        (_ABOVE_SUFFIX, True),
        (_ABOVE_PREFIX, True),
        (_BELOW_SUFFIX, False),
        (_BELOW_PREFIX, False),
    ):
        rest, n = pattern.subn("", s)
        if n and rest.strip():
            v = parse_number(rest.strip())
            if v is None:
                continue
            return (v, math.nan) if above else (min(0.0, v), v)
    m = _RANGE_SPLIT.match(s)
    if not m:
        return None
    left, right = _parse_num(m.group(1)), _parse_num(m.group(2))
    if left is None or right is None:
        return None
    lscale = left[1] if left[1] != 1.0 else right[1]
    low, high = left[0] * lscale, right[0] * right[1]
    if not (math.isfinite(low) and math.isfinite(high)) or low > high:
        return None
    return low, high


def _range_point(low: float, high: float) -> float:
    return low if math.isnan(high) else (low + high) / 2


# ---------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------

_EXCEL_ORIGIN = np.datetime64("1899-12-30", "ns")
_SERIAL_MIN, _SERIAL_MAX = 18264, 73051  # 1950-01-01 .. 2100-01-01
_ZH_DATE = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?(.*)$")
_DOT_DMY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(.*)$")
_SLASH_XY = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(.*)$")
_TZ_TAIL = re.compile(
    r"(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})$", re.I
)
_DATE_LIKE = re.compile(
    r"^\d{4}[-/.年]\d{1,2}|^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|^\d{8}$|"
    r"[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
)


def _serial_to_ns(v: float) -> np.datetime64 | None:
    if _SERIAL_MIN <= v <= _SERIAL_MAX:
        return _EXCEL_ORIGIN + np.timedelta64(round(v * 86_400_000_000_000), "ns")
    return None


def _dates_from_uniques(uniq: np.ndarray) -> tuple[np.ndarray, np.ndarray, dict[str, Any]]:
    """(datetime64[ns] per value, state per value: 0 ok / 1 missing / 2 failed, info)."""
    n = len(uniq)
    out = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    state = np.full(n, 2, dtype=np.int8)
    info: dict[str, Any] = {"serial": 0, "order": None}
    todo: Any = range(n)
    if n > 5000:  # many distinct timestamps: let pandas read the ISO ones in one pass
        is_str = np.fromiter((isinstance(v, str) for v in uniq), dtype=bool, count=n)
        idx = np.flatnonzero(is_str)
        vals = _to_datetime_ns([uniq[i].strip() for i in idx], format="ISO8601")
        ok = ~np.isnat(vals) & np.array([len(uniq[i].strip()) != 5 for i in idx], dtype=bool)
        out[idx[ok]], state[idx[ok]] = vals[ok], 0
        todo = np.flatnonzero(state != 0)
    str_idx: list[int] = []
    strs: list[str] = []
    for i in todo:
        v = uniq[i]
        if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
            state[i] = 1
        elif isinstance(v, (pd.Timestamp, _dt.datetime, _dt.date, np.datetime64)):
            ts = pd.Timestamp(v)
            if pd.isna(ts):
                state[i] = 1
                continue
            if ts.tzinfo is not None:
                ts = ts.tz_localize(None)
            if 1678 <= ts.year <= 2261:
                out[i], state[i] = ts.as_unit("ns").to_datetime64(), 0
        elif isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool):
            d = _serial_to_ns(float(v))
            if d is not None:
                out[i], state[i] = d, 0
                info["serial"] += 1
        elif isinstance(v, str):
            s = _norm(v)
            if s.lower() in MISSING_MARKERS:
                state[i] = 1
                continue
            if s.isdigit() and len(s) == 5:
                d = _serial_to_ns(float(s))
                if d is not None:
                    out[i], state[i] = d, 0
                    info["serial"] += 1
                continue
            m = _ZH_DATE.match(s)
            if m:
                s = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3) or 1):02d}{m.group(4)}"
            m = _DOT_DMY.match(s)
            if m:
                s = f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}{m.group(4)}"
            s = _TZ_TAIL.sub(r"\1", s)
            str_idx.append(i)
            strs.append(s.strip())
    if not strs:
        return out, state, info
    idx = np.asarray(str_idx)
    vals = _to_datetime_ns(strs, format="ISO8601")
    ok = ~np.isnat(vals)
    out[idx[ok]], state[idx[ok]] = vals[ok], 0
    rest = [(j, s) for j, s, good in zip(idx, strs, ok, strict=True) if not good]
    if not rest:
        return out, state, info
    # dd/mm/yyyy or mm/dd/yyyy: decide once for the whole column.
    firsts = [_SLASH_XY.match(s) for _, s in rest]
    dayfirst = any(m and int(m.group(1)) > 12 for m in firsts)
    monthfirst = any(m and int(m.group(2)) > 12 for m in firsts)
    if any(firsts):
        info["order"] = "dmy" if dayfirst and not monthfirst else "mdy"
    cand = [(j, s) for j, s in rest if _DATE_LIKE.search(s)]
    if cand:
        vals = _to_datetime_ns(
            [s for _, s in cand], format="mixed", dayfirst=info["order"] == "dmy"
        )
        for (j, _), d in zip(cand, vals, strict=True):
            if not np.isnat(d):
                out[j], state[j] = d, 0
    return out, state, info


def _to_datetime_ns(strs: list[str], *, format: str, dayfirst: bool = False) -> np.ndarray:
    """pd.to_datetime on strings, NaT where it fails or falls outside datetime64[ns]."""
    idx = pd.Index(strs, dtype=object)
    try:
        parsed = pd.to_datetime(idx, format=format, errors="coerce", dayfirst=dayfirst)
    except (ValueError, TypeError):  # e.g. mixed time zones
        parsed = pd.to_datetime(idx, format=format, errors="coerce", dayfirst=dayfirst, utc=True)
    if getattr(parsed, "tz", None) is not None:
        parsed = parsed.tz_localize(None)
    parsed = parsed.where((parsed.year >= 1678) & (parsed.year <= 2261))
    return np.asarray(parsed.as_unit("ns").to_numpy(), dtype="datetime64[ns]")


def parse_date(value: Any) -> pd.Timestamp | None:
    """One cell as a Timestamp (ns), or None when missing or not a date."""
    out, state, _ = _dates_from_uniques(np.array([value], dtype=object))
    return pd.Timestamp(out[0]) if state[0] == 0 else None


def parse_dates(series: pd.Series) -> pd.Series:
    """A whole column as datetime64[ns]; what does not parse becomes NaT."""
    values, _, _, _ = _clean_date(series)
    return pd.Series(values, index=series.index, name=series.name)


# ---------------------------------------------------------------------------
# Column cleaners (work on distinct values, map back by code)
# ---------------------------------------------------------------------------


def _factorize(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    codes, uniq = pd.factorize(s, use_na_sentinel=True)
    return codes, np.asarray(uniq, dtype=object)


def _row_state(codes: np.ndarray, u_state: np.ndarray) -> np.ndarray:
    """Per-row 0 ok / 1 missing / 2 failed from per-unique states."""
    if len(u_state) == 0:
        return np.ones(len(codes), dtype=np.int8)
    return np.where(codes < 0, np.int8(1), u_state[np.maximum(codes, 0)])


def _examples(uniq: np.ndarray, u_state: np.ndarray) -> list[str]:
    bad = np.flatnonzero(u_state == 2)[:3]
    return [str(uniq[i]).strip()[:60] for i in bad]


def _numbers_from_uniques(uniq: np.ndarray) -> dict[str, np.ndarray]:
    """Parse distinct cells: value, low, high, state, had-% and is-range per value."""
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
        if is_missing(v):
            state[i] = 1
            continue
        if isinstance(v, str):
            s = _norm(v)
            num = parse_number(s)
            if num is not None:
                vals[i] = low[i] = high[i] = num
                pct[i] = "%" in s
                continue
            rng = parse_range(s)
            if rng is not None:
                low[i], high[i] = rng
                vals[i] = _range_point(*rng)
                pct[i] = "%" in s
                is_range[i] = True
                continue
        state[i] = 2
        vals[i] = low[i] = high[i] = np.nan
    return {"vals": vals, "low": low, "high": high, "state": state, "pct": pct, "range": is_range}


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


def _clean_number(s: pd.Series, *, margin: bool) -> tuple[np.ndarray, Any, np.ndarray, dict]:
    """(float64 values, (low, high) arrays or None, row state, info)."""
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
    codes, uniq = _factorize(s)
    u = _numbers_from_uniques(uniq)
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
    return vals, ranges, state, info


def _clean_date(s: pd.Series) -> tuple[np.ndarray, np.ndarray, list[str], dict]:
    if pd.api.types.is_datetime64_any_dtype(s.dtype):
        if getattr(s.dt, "tz", None) is not None:
            s = s.dt.tz_localize(None)
        vals = s.to_numpy(dtype="datetime64[ns]")
        state = np.where(np.isnat(vals), np.int8(1), np.int8(0))
        return vals, state, [], {"serial": 0, "order": None}
    codes, uniq = _factorize(s)
    u_vals, u_state, info = _dates_from_uniques(uniq)
    state = _row_state(codes, u_state)
    if len(u_vals):
        vals = np.where(codes < 0, np.datetime64("NaT", "ns"), u_vals[np.maximum(codes, 0)])
    else:
        vals = np.full(len(codes), np.datetime64("NaT"), dtype="datetime64[ns]")
    return vals.astype("datetime64[ns]"), state, _examples(uniq, u_state), info


def _as_text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, str):
        s = v.strip()
        return None if s.lower() in MISSING_MARKERS else s
    if isinstance(v, bool | np.bool_):
        return str(bool(v))
    if isinstance(v, (float, np.floating)):
        if math.isnan(v):
            return None
        return str(int(v)) if float(v).is_integer() and abs(v) < 1e15 else repr(float(v))
    if isinstance(v, (pd.Timestamp, _dt.datetime)):
        ts = pd.Timestamp(v)
        return ts.strftime("%Y-%m-%d") if ts == ts.normalize() else ts.isoformat(sep=" ")
    if v is pd.NaT:
        return None
    return str(v).strip() or None


def _clean_text(s: pd.Series) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """(``str`` column with markers → missing and cells trimmed, row state, totals-word rows)."""
    texts: np.ndarray | None
    if isinstance(s.dtype, pd.StringDtype):  # distinct cells stay in Arrow
        codes, arrow_uniq = pd.factorize(s, use_na_sentinel=True)
        uniq = arrow_uniq if len(arrow_uniq) > 2000 else np.asarray(arrow_uniq, dtype=object)
        all_str = True
    else:
        codes, uniq = _factorize(s)
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
        texts = np.array([_as_text(v) for v in uniq], dtype=object)
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


def _is_total_word(text: str | None) -> bool:
    return text is not None and text.rstrip(":：").strip().lower() in _TOTAL_WORDS


def _blank_state(s: pd.Series) -> np.ndarray:
    """Row state (1 = blank) for a column that is kept as it is."""
    codes, uniq = _factorize(s)
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
    """The typed table (RangeIndex over kept rows), its report, and range ends."""

    table: pd.DataFrame
    report: CleanReport
    ranges: dict[str, pd.DataFrame] = field(default_factory=dict)  # col -> low/high


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
    for name in df.columns:
        s = df[name]
        spec = mapping.get(name)
        if spec is None or not spec.include:
            out[name] = s
            states[name] = _blank_state(s)
            continue
        examples: list[str] = []
        if spec.type == FieldType.NUMBER:
            vals, rng, state, info = _clean_number(s, margin=spec.role == Role.MARGIN)
            out[name] = pd.Series(vals, index=df.index, name=name, dtype="float64")
            examples = info["examples"]
            if rng is not None:
                ranges_raw[name] = rng
                notes.append(Msg("clean.note.ranges", {"column": name, "count": info["ranges"]}))
            if info["margin_scaled"]:
                notes.append(Msg("clean.note.margin_percent", {"column": name}))
        elif spec.type == FieldType.DATE:
            vals, state, examples, info = _clean_date(s)
            out[name] = pd.Series(vals, index=df.index, name=name)
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
    return Cleaned(table=table, report=report, ranges=ranges)


def _totals_rows(hits: list[np.ndarray], filled: list[np.ndarray], n: int) -> np.ndarray:
    """Rows that say "Total"/"合计" in a text column and hold little other text."""
    if not hits:
        return np.zeros(n, dtype=bool)
    hit = np.logical_or.reduce(hits)
    if not hit.any():
        return hit
    count = np.sum(filled, axis=0)
    return hit & (count <= 2)


# ---------------------------------------------------------------------------
# Outcome and tags
# ---------------------------------------------------------------------------

_WON = frozenset(
    {
        "won",
        "closed won",
        "closedwon",
        "closed-won",
        "win",
        "signed",
        "customer",
        "yes",
        "y",
        "true",
        "1",
        "已签约",
        "签约",
        "已签",
        "成交",
        "已成交",
        "赢单",
        "是",
        "成功",
        "已购买",
        "已付款",
    }
)
_LOST = frozenset(
    {
        "lost",
        "closed lost",
        "closedlost",
        "closed-lost",
        "lose",
        "churned",
        "no",
        "n",
        "false",
        "0",
        "未签约",
        "未签",
        "未成交",
        "流失",
        "已流失",
        "输单",
        "丢单",
        "否",
        "失败",
        "放弃",
        "无效",
    }
)
_LOST_HINT = re.compile(r"lost|churn|未签|未成交|流失|丢单|输单|失败")
_WON_HINT = re.compile(r"\bwon\b|已签|已成交|赢单")


def _outcome(v: Any) -> bool | None:
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, (int, float, np.integer, np.floating)):
        if isinstance(v, float) and math.isnan(v):
            return None
        return True if v == 1 else False if v == 0 else None
    if not isinstance(v, str):
        return None
    s = " ".join(_norm(v).lower().replace("_", " ").split())
    if s in _WON:
        return True
    if s in _LOST:
        return False
    if _LOST_HINT.search(s):
        return False
    if _WON_HINT.search(s):
        return True
    return None


def won_mask(series: pd.Series) -> pd.Series:
    """Nullable boolean per row: True won, False lost / not won, NA open or unknown.

    Understands ``Won``/``Closed won``/``已签约``/``成交``/``是``/``yes``/``1`` and
    ``Lost``/``未签约``/``流失``/``否``/``no``/``0``; anything else (``Open``,
    ``跟进中``) is NA so open deals never count as lost.
    """
    codes, uniq = _factorize(series)
    u = [_outcome(v) for v in uniq]
    arr = pd.array([pd.NA if x is None else x for x in u], dtype="boolean")
    if len(arr) == 0:
        return pd.Series(pd.array([pd.NA] * len(series), dtype="boolean"), index=series.index)
    res = arr.take(codes, allow_fill=True)
    return pd.Series(res, index=series.index, name=series.name)


_SEP_TWINS = {",": ",，", "，": ",，", ";": ";；", "；": ";；", "|": "|｜", "/": "/／", "、": "、"}


def split_tags(series: pd.Series, sep: str) -> pd.Series:
    """A list of trimmed, non-empty tags per row (``[]`` for missing cells).

    The half- and full-width forms of ``sep`` both split (``,`` and ``，``).
    Rows with the same cell share one list object: read them, don't mutate them.
    """
    chars = _SEP_TWINS.get(sep)
    splitter = re.compile("[" + re.escape(chars) + "]") if chars else re.compile(re.escape(sep))
    codes, uniq = _factorize(series)
    lists = np.empty(len(uniq) + 1, dtype=object)  # last slot: missing cells
    for i, v in enumerate(uniq):
        text = _as_text(v)
        lists[i] = [] if text is None else [p.strip() for p in splitter.split(text) if p.strip()]
    lists[-1] = []
    return pd.Series(lists[codes], index=series.index, name=series.name, dtype=object)
