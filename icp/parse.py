"""Cell parsers: one home for reading what people type into spreadsheet cells.

Cleaning (``icp.clean``), type detection (``icp.schema``), the accounts +
deals join (``icp.join``) and prospect scoring all read cells through these
functions, so "is this missing", "what number is this", "is this a date"
and "is this deal won" get one answer everywhere.

- missing: ``is_missing`` (None/NaN/NaT and markers such as ``N/A``, ``-``, ``无``)
- numbers: ``parse_number`` — ``$12,000``, ``1.2万``, ``3亿``, ``15%``, ``1,5``
  (decimal comma), ``(1,200)`` (accounting negative)
- bands: ``parse_range`` — ``100-300人``, ``300-500万``, ``300万以上``, ``10人以下``
- dates: ``DATE_LIKE`` / ``looks_like_date`` (the one date-shape test),
  ``parse_date``, ``parse_dates`` — ISO, ``2024/3/5``, ``05.03.2024``,
  ``2024年3月5日``, Excel serial numbers, date objects
- outcome words: ``outcome``, ``won_mask`` — Won / 已签约 / 是 vs Lost / 未签约 / 否
- tags: ``split_tags`` — half- and full-width separators both split

Ground floor: imports nothing from ``icp``.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "DATE_LIKE",
    "MISSING_MARKERS",
    "PERIOD_SUFFIX",
    "HeaderRead",
    "as_text",
    "band_key",
    "band_midpoints",
    "band_order",
    "dates_from_uniques",
    "drop_period",
    "factorize",
    "factorized",
    "is_missing",
    "looks_like_date",
    "norm",
    "outcome",
    "parse_date",
    "parse_dates",
    "parse_number",
    "parse_range",
    "range_point",
    "read_header",
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
        # a form's untouched drop-down ("Select", 请选择): nobody chose anything
        "select",
        "-- select --",
        "--select--",
        "please select",
        "not specified",
        "unspecified",
        "请选择",
        "未选择",
        "未填写",
    }
)

# ---------------------------------------------------------------------------
# Numbers and bands
# ---------------------------------------------------------------------------

_CURRENCY_PREFIX = re.compile(
    r"^(?:us\$|hk\$|a\$|c\$|usd|rmb|cny|eur|gbp|jpy|人民币|\$|¥|€|£|₩|₹)\s*", re.IGNORECASE
)
# The period a fee is quoted in ("1.2万元/年", "3000元/月", "$99 per month"): a column is
# quoted in one period, so the amount is the number before it.
PERIOD_SUFFIX = re.compile(
    r"\s*(?:(?:/|每|per\s+)\s*(?:年|月|yr|year|mo|month|annum)|\s+p\.\s?a\.)$", re.IGNORECASE
)
# the last character a period can end on (or a line break, which ``$`` lets it stand before)
_PERIOD_ENDS = frozenset("年月rRoOhHmM.\n")


def drop_period(text: str) -> str:
    """``text`` without a fee's period at its end ("1.2万/年" → "1.2万"; ``PERIOD_SUFFIX``).

    The pattern is tried only where it can end: searched from every position,
    it was most of the time a wide sheet's money columns took to read.
    """
    return PERIOD_SUFFIX.sub("", text) if text[-1:] in _PERIOD_ENDS else text


_APPROX_PREFIX = re.compile(r"^(?:约|大约|~|≈|approx\.?|about|ca\.?)\s*", re.IGNORECASE)
_UNIT_SUFFIX = re.compile(
    r"\s*(?:元|块|人民币|usd|rmb|cny|eur|gbp|€|\$|£|¥|dollars?|人|名|个|位|家|户|天|日|次|单|台|件|套|张|"
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
# ASCII digits with at most one inner ".": what the number, range and outcome readers all
# take as it is (NFKC, trimming and lower-casing change nothing, no marker, unit, range
# separator or outcome hint has a digit), read on the spot.  Up to 300 characters, a
# float is finite.  Same results (tests/test_parse.py: against the long way).
_DIGITS = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# Any decimal digit of any script (what ``float`` reads), after NFKC: a cell without one
# is no number and no range ("Acme Ltd", "云计算"), whatever the long way tries on it.
_ANY_DIGIT = re.compile(r"\d")


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


def norm(value: str) -> str:
    return unicodedata.normalize("NFKC", value).strip()


def _parse_num(text: str) -> tuple[float, float] | None:
    """``(base, scale)`` for one number-like string, or None; value = base * scale.

    ``scale`` carries 万/亿/k/M and percent, so a range can lend the scale
    of its right end to a bare left end (``300-500万``).
    """
    s = drop_period(_APPROX_PREFIX.sub("", text))
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
    if len(value) <= 300 and _DIGITS.fullmatch(value):  # "4165", "48213.57": as below
        return float(value)
    s = norm(value)
    if not _ANY_DIGIT.search(s) or s.lower() in MISSING_MARKERS:
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
    if not isinstance(value, str) or _DIGITS.fullmatch(value):  # a plain number
        return None
    s = norm(value)
    if not _ANY_DIGIT.search(s) or s.lower() in MISSING_MARKERS:
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


def range_point(low: float, high: float) -> float:
    """The point value of a range: its midpoint, or the lower bound when open-ended."""
    return low if math.isnan(high) else (low + high) / 2


# ---------------------------------------------------------------------------
# Distinct cells
# ---------------------------------------------------------------------------


def factorize(s: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(codes, distinct values as objects): parse each distinct cell once, map back by code."""
    codes, uniq = pd.factorize(s, use_na_sentinel=True)
    return codes, np.asarray(uniq, dtype=object)


def factorized(col: pd.Series, key: str, shared: dict | None) -> tuple[np.ndarray, Any]:
    """``pd.factorize(col)``, worked out once per ``key`` while ``shared`` is kept.

    ``icp.analysis.run`` hands one dict to the definition's echo check and to the
    traits' counting, which both factorise the same category columns of the table
    (a 1M-row column: ~20 ms each time).  The codes are read, never written to.
    """
    if shared is None:
        return pd.factorize(col)
    hit = shared.get(key)
    if hit is None:
        hit = shared.setdefault(key, pd.factorize(col))
    return hit


def as_text(v: Any) -> str | None:
    """A cell as trimmed text, or None when it is missing (markers included)."""
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
# The one test for "this text is written like a date" (used by cleaning, type
# detection and the join). It needs date-shaped text: "2024-03", "2024/3/5",
# "2024年3月", "2024.03.05", "05.03.2024", "3/5/24", "20240305", "5 Mar 2024",
# "5-Mar-24", "March 5, 2024". A decimal such as "2310.55" or "2024.03" is a
# number, never a date (see ``looks_like_date``).
DATE_LIKE = re.compile(
    r"^\s*(?:\d{4}\s*[-/年]\s*\d{1,2}|\d{4}\.\d{1,2}\.\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
    r"|\d{8}$|\d{1,2}-[A-Za-z]{3,9}-\d{2,4})"
    r"|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}"
)
_DECIMAL = re.compile(r"^\s*[+-]?\d+[.,]\d+\s*$")


def looks_like_date(text: str) -> bool:
    """Whether ``text`` is written like a date (a plain decimal never is)."""
    return bool(DATE_LIKE.search(text)) and not _DECIMAL.match(text)


def _serial_to_ns(v: float) -> np.datetime64 | None:
    if _SERIAL_MIN <= v <= _SERIAL_MAX:
        return _EXCEL_ORIGIN + np.timedelta64(round(v * 86_400_000_000_000), "ns")
    return None


def dates_from_uniques(uniq: np.ndarray) -> tuple[np.ndarray, np.ndarray, dict[str, Any]]:
    """(datetime64[ns] per value, state per value: 0 ok / 1 missing / 2 failed, info).

    ``info``: how many Excel serial numbers were read, and the column's
    day/month order ("dmy", "mdy" or None) when slashed dates decided it.
    """
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
    plain_idx: list[int] = []  # naive date / datetime objects (what a workbook reader gives)
    plain: list[_dt.date] = []
    for i in todo:
        v = uniq[i]
        if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
            state[i] = 1
        elif (type(v) is _dt.date or (type(v) is _dt.datetime and v.tzinfo is None)) and (
            1678 <= v.year <= 2261
        ):  # numpy converts them all at once, to the value pd.Timestamp gives one by one
            plain_idx.append(i)
            plain.append(v)
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
            s = norm(v)
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
    if plain:
        out[plain_idx] = np.array(plain, dtype="datetime64[ns]")
        state[plain_idx] = 0
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
    cand = [(j, s) for j, s in rest if looks_like_date(s)]
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
    out, state, _ = dates_from_uniques(np.array([value], dtype=object))
    return pd.Timestamp(out[0]) if state[0] == 0 else None


def parse_dates(series: pd.Series) -> pd.Series:
    """A whole column as datetime64[ns]; what does not parse becomes NaT.

    Each distinct cell is read once; dd/mm vs mm/dd is settled for the column.
    """
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        if getattr(series.dt, "tz", None) is not None:
            series = series.dt.tz_localize(None)
        return series.astype("datetime64[ns]")
    codes, uniq = factorize(series)
    u_vals, _, _ = dates_from_uniques(uniq)
    vals = np.full(len(codes), np.datetime64("NaT"), dtype="datetime64[ns]")
    if len(u_vals):
        ok = codes >= 0
        vals[ok] = u_vals[codes[ok]]
    return pd.Series(vals, index=series.index, name=series.name)


# ---------------------------------------------------------------------------
# Outcome words
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
        "retained",
        "renewed",
        "converted",
        "active",
        "stayed",
        "已续约",
        "续约",
        "已转化",
        "留存",
        "evangelist",
        # a ticked cell, as Chinese sheets mark 是否… columns
        "√",
        "✓",
        "✔",
        "☑",
        "✅",
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
        "loss",
        "not won",
        "inactive",
        "cancelled",
        "canceled",
        "not converted",
        "not renewed",
        "未续约",
        "未转化",
        "已取消",
        # a lead list's status: thrown out, never to be won
        "junk",
        "junk lead",
        "unqualified",
        "disqualified",
        "not qualified",
        "spam",
        "无效线索",
        # a crossed cell: the tick's other side
        "×",
        "✗",
        "✘",
        "☒",
        "❌",
        # an accounts list's type / lifecycle column: not (yet) a customer
        "prospect",
        "lead",
        "subscriber",
        "潜在客户",
    }
)
# Salesforce's account types: "Customer - Direct", "Customer - Channel" / "Prospect - Hot";
# its lead statuses: "Closed - Not Converted"
_LOST_HINT = re.compile(r"lost|churn|未签|未成交|流失|丢单|输单|失败|^prospect\b|\bnot converted\b")
# "多次成交" (several deals) and "已复购" are won; "待签约" (to be signed) and
# "跟进中" are still open, whatever other word they hold
_OPEN_HINT = re.compile(r"待|跟进|意向|洽谈|进行中|pending|in progress")
_WON_HINT = re.compile(r"\bwon\b|已签|成交|赢单|签约|签单|续约|复购|^customer\b")


def outcome(v: Any) -> bool | None:
    """True won, False lost / not won, None open or unknown, for one cell."""
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, (int, float, np.integer, np.floating)):
        if isinstance(v, float) and math.isnan(v):
            return None
        return True if v == 1 else False if v == 0 else None
    if not isinstance(v, str):
        return None
    if _DIGITS.fullmatch(v):  # "1", "0", "4165": only the word lists can hold it
        return True if v in _WON else False if v in _LOST else None
    s = " ".join(norm(v).lower().replace("_", " ").split())
    if s in _WON:
        return True
    if s in _LOST:
        return False
    if _LOST_HINT.search(s):
        return False
    if _OPEN_HINT.search(s):
        return None
    if _WON_HINT.search(s):
        return True
    return None


# Header words that make a column an outcome candidate.  English words match
# whole words of the header (camelCase and snake_case split); Chinese ones any
# substring.  Each is tagged: "won" (good = the won reading), "lost" (good =
# the other reading) or "neutral" (a status/stage word; polarity from values).
_HEADER_WORDS: dict[str, str] = {
    "won": "won", "win": "won", "wins": "won", "winning": "won", "signed": "won",
    "converted": "won", "conversion": "won", "retained": "won", "retention": "won",
    "renewed": "won", "renewal": "won", "renew": "won", "success": "won", "closed": "neutral",
    "result": "neutral", "results": "neutral", "outcome": "neutral", "status": "neutral",
    "stage": "neutral", "type": "neutral",
    "lost": "lost", "loss": "lost", "lose": "lost", "churn": "lost", "churned": "lost",
    "attrition": "lost", "exited": "lost", "cancelled": "lost", "canceled": "lost",
    "lapsed": "lost",
    "成交": "won", "签约": "won", "签单": "won", "赢单": "won", "留存": "won", "续约": "won",
    "续费": "won", "转化": "won", "复购": "won", "购买": "won",
    "状态": "neutral", "阶段": "neutral", "类型": "neutral", "结果": "neutral", "成败": "neutral",
    "输赢": "neutral",
    "流失": "lost", "丢单": "lost", "输单": "lost", "退订": "lost", "退费": "lost",
}  # fmt: skip


# Headers that name the outcome only when they are the whole header: a public data
# set's last column "y" (UCI bank marketing), "target" or "label".  As words they
# mean other things ("Target industry", "Label color").
_WHOLE_HEADERS = frozenset({"y", "target", "label"})


@dataclass(frozen=True)
class HeaderRead:
    """What a header says about being an outcome: the word found and its polarity."""

    word: str  # as written in the header's words ("churned", "续约")
    lost_style: bool  # the header names the bad side (churn, 流失): good = the other value


def _words(header: str) -> list[str]:
    s = unicodedata.normalize("NFKC", str(header))
    s = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", s).lower()
    return re.findall(r"[a-z]+|[^\W\d_a-z]+", s)


def read_header(header: Any) -> HeaderRead | None:
    """The outcome word in ``header`` and its polarity, or None when it names no outcome.

    "Deal Outcome (Won/Lost)" holds both a won and a lost word: it is an
    outcome, not a lost-style one.  "churned", "Churn", "是否流失" are lost-style.
    """
    words = _words(header)
    if " ".join(words) in _WHOLE_HEADERS:  # a data set's "y" / "target": the values decide
        return HeaderRead(word=" ".join(words), lost_style=False)
    found: list[tuple[str, str]] = []
    for w in words:
        if w.isascii():
            if w in _HEADER_WORDS:
                found.append((w, _HEADER_WORDS[w]))
        else:
            found += [(k, v) for k, v in _HEADER_WORDS.items() if not k.isascii() and k in w]
    if not found:
        return None
    kinds = {k for _, k in found}
    word = next((w for w, k in found if k != "neutral"), found[0][0])
    return HeaderRead(word=word, lost_style="lost" in kinds and "won" not in kinds)


def won_mask(series: pd.Series) -> pd.Series:
    """Nullable boolean per row: True won, False lost / not won, NA open or unknown.

    A column whose header names the bad side (``churned``, ``是否流失``, see
    ``read_header``) is read the other way round: "churned = No" is the
    customer you want, so it is True.  (The user's own choice of good values
    lives in the analysis: ``Analysis.won``.)

    Understands ``Won``/``Closed won``/``已签约``/``成交``/``是``/``yes``/``1`` and
    ``Lost``/``未签约``/``流失``/``否``/``no``/``0``; anything else (``Open``,
    ``跟进中``) is NA so open deals never count as lost.
    """
    codes, uniq = factorize(series)
    u = [outcome(v) for v in uniq]
    read = read_header(series.name) if series.name is not None else None
    if read is not None and read.lost_style:
        u = [None if x is None else not x for x in u]
    arr = pd.array([pd.NA if x is None else x for x in u], dtype="boolean")
    if len(arr) == 0:
        return pd.Series(pd.array([pd.NA] * len(series), dtype="boolean"), index=series.index)
    res = arr.take(codes, allow_fill=True)
    return pd.Series(res, index=series.index, name=series.name)


# ---------------------------------------------------------------------------
# Tags
# ---------------------------------------------------------------------------

_SEP_TWINS = {",": ",，", "，": ",，", ";": ";；", "；": ";；", "|": "|｜", "/": "/／", "、": "、"}


def split_tags(series: pd.Series, sep: str) -> pd.Series:
    """A list of trimmed, non-empty tags per row (``[]`` for missing cells).

    The half- and full-width forms of ``sep`` both split (``,`` and ``，``).
    Rows with the same cell share one list object: read them, don't mutate them.
    """
    chars = _SEP_TWINS.get(sep)
    splitter = re.compile("[" + re.escape(chars) + "]") if chars else re.compile(re.escape(sep))
    codes, uniq = factorize(series)
    lists = np.empty(len(uniq) + 1, dtype=object)  # last slot: missing cells
    for i, v in enumerate(uniq):
        text = as_text(v)
        lists[i] = [] if text is None else [p.strip() for p in splitter.split(text) if p.strip()]
    lists[-1] = []
    return pd.Series(lists[codes], index=series.index, name=series.name, dtype=object)


# ---------------------------------------------------------------- bands (issue 13)


def band_key(label: Any) -> tuple[float, float, int]:
    """Sort key of a band label: its low end, then its high end (open-ended last);
    a label that is no range sorts after every band."""
    rng = parse_range(label)
    if rng is None:
        x = parse_number(label)
        if x is None:
            return (math.inf, math.inf, 1)
        return (x, x, 0)
    low, high = rng
    return (low, high if math.isfinite(high) else math.inf, 0)


def band_order(labels: Any) -> list[str]:
    """Band labels in the order of their numbers ("10人以下" < "10-20人" < … < "300人以上"),
    each once; labels that are no range keep their order at the end."""
    seen = list(dict.fromkeys(str(v) for v in labels if v is not None and v == v))
    return sorted(seen, key=lambda v: (band_key(v), seen.index(v)))


def band_midpoints(series: pd.Series) -> pd.Series:
    """A band column as numbers: each label's midpoint (an open-ended band its low end,
    as cleaning does for a number column), exact amounts as written, else NaN."""
    points: dict[Any, float] = {}
    for v in pd.unique(series.dropna()):
        rng = parse_range(v)
        if rng is not None:
            points[v] = range_point(*rng)
        else:
            x = parse_number(v)
            points[v] = math.nan if x is None else x
    return series.map(points).astype("float64")
