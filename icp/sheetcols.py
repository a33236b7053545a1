"""Reading the columns of a raw sheet: header words, what a column holds, and join keys.

Shared by ``icp.sheets`` (which sheet of a workbook holds accounts, deals or
contacts) and ``icp.join`` (joining deals to accounts): one home for the
header words both look for (EN and ZH), for a column's kind on a sample
(number, date, text), for reading a stage column as won / lost / open, and for
the normalised join key ("ＡＣＭＥ  Corp" = "acme corp").  Cells are parsed once
per distinct value through ``icp.parse``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from icp.parse import is_missing, looks_like_date, parse_date, parse_dates, parse_number, won_mask
from icp.schema import Role, detect_mapping

__all__ = [
    "CJK",
    "KW",
    "SAMPLE_ROWS",
    "column_kind",
    "detect_deal_columns",
    "header_is",
    "header_key",
    "key_codes",
    "map_uniques",
    "normalize_key",
    "rx",
    "sample_rows",
    "to_dates",
    "to_number",
    "unique_ratio",
    "won_labels",
    "won_lost",
]

# --------------------------------------------------------------------------- header words

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


KW: dict[str, re.Pattern[str]] = {
    "account": rx(
        r"account|customer|client|compan|organi[sz]ation|\borg\b|\bfirm\b|"
        r"\bbuyer|客户|公司|企业|单位|机构|账户|甲方|买方|买家|顾客"
    ),
    "name": rx(r"name|名称|名字|全称"),
    "id": rx(r"\bid\b|\bids\b|编号|代码|\bcode\b|\bno\b|\bnumber\b|号$|\bkey\b"),
    "stage": rx(
        r"stage|status|outcome|result|\bwon\b|\bstate\b|阶段|状态|结果|赢单|输赢|成败|结论"
    ),
    "value": rx(
        r"amount|value|price|\bacv\b|\barr\b|\bmrr\b|deal size|revenue|sales|"
        r"金额|价值|成交额|合同额|销售额|收入|价格|总价|营收|额$"
    ),
    "created": rx(
        r"engage|creat|\bopen|\bstart|first|begin|lead date|"
        r"开始|创建|首次|立项|接触|录入|建立|发起"
    ),
    "closed": rx(r"close|\bsign|won date|\bend\b|签约|成交|关闭|结束|赢单日期|完成"),
    "agent": rx(
        r"agent|owner|\brep\b|sales ?person|seller|manager|\bae\b|"
        r"销售|负责人|业务员|跟进人|顾问|经理|归属人|所有人"
    ),
    "product": rx(r"product|\bsku\b|\bitem|\bplan\b|service|package|产品|商品|服务|套餐|型号"),
    "deal": rx(r"deal|opportunit|pipeline|\border|contract|商机|合同|订单|机会|交易"),
    # headers or row labels that betray a pivot table / summary block
    "total": rx(
        r"^(grand )?totals?$|^sub ?totals?$|^sum$|^row labels?$|^column labels?$|"
        r"^(sum|count|average|avg) of |"
        r"^合计|^总计|^小计|^汇总|^行标签|^列标签|^求和项|^计数项|^平均值项"
    ),
    # numeric headers that are real fields (a crosstab's headers are category values)
    "field_number": rx(
        r"employ|staff|headcount|revenue|amount|value|price|size|age|year|count|number|"
        r"score|rate|margin|profit|cost|cac|ltv|days|cycle|tickets|referr|deals|orders|"
        r"人数|员工|规模|收入|营收|金额|价格|年|数|率|利润|成本|天|周期|评分|次数"
    ),
}


def header_key(col: object) -> str:
    """A header as the word patterns read it: NFKC, camelCase split ("CustomerID" →
    "customer id"), case-folded, separators as single spaces."""
    s = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", unicodedata.normalize("NFKC", str(col))).casefold()
    return re.sub(r"[\s_\-.:/]+", " ", s).strip()


def header_is(col: object, kw: str) -> bool:
    return bool(KW[kw].search(header_key(col)))


# --------------------------------------------------------------------------- cell parsing


def map_uniques(series: pd.Series, fn: Callable[[Any], Any]) -> tuple[np.ndarray, np.ndarray]:
    """(codes, fn of each distinct value): ``fn`` runs once per distinct value,
    so 1,000,000 cells with 50,000 distinct values cost 50,000 calls."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    out = np.empty(len(uniques), dtype=object)
    out[:] = [fn(u) for u in uniques]
    return codes, out


def to_number(series: pd.Series) -> np.ndarray:
    """Float array: numeric dtypes as they are, text parsed once per distinct value."""
    if pd.api.types.is_bool_dtype(series.dtype):
        return np.full(len(series), np.nan)
    if pd.api.types.is_numeric_dtype(series.dtype):
        return series.to_numpy(dtype=float, na_value=np.nan)
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return np.full(len(series), np.nan)
    codes, vals = map_uniques(series, parse_number)
    vals = np.array([np.nan if v is None else v for v in vals], dtype=float)
    return np.where(codes >= 0, vals[np.maximum(codes, 0)] if len(vals) else np.nan, np.nan)


def _parse_date(v: object) -> pd.Timestamp | None:
    """A date cell or date-shaped text as a Timestamp; anything else (numbers too) is None."""
    if is_missing(v):
        return None
    if isinstance(v, str) and not looks_like_date(v):
        return None
    if not isinstance(v, (str, datetime, date, pd.Timestamp, np.datetime64)):
        return None
    return parse_date(v)


def to_dates(series: pd.Series, *, strict: bool = False) -> pd.Series:
    """datetime64[ns] Series: date dtypes as they are, text parsed once per distinct value.

    Plain numbers are never dates here (``icp.load`` already turns Excel date
    cells into datetimes), so "close_value" never parses as a date.  With
    ``strict=False`` (a column already known to hold dates) the shared
    ``icp.parse.parse_dates`` reads text, which also settles dd/mm vs mm/dd;
    ``strict=True`` (sniffing whether a column holds dates at all) accepts
    only real date cells and date-shaped text.
    """
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        out = series
        if getattr(out.dt, "tz", None) is not None:
            out = out.dt.tz_localize(None)
        return out.astype("datetime64[ns]")
    if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(series.dtype):
        return pd.Series(pd.NaT, index=series.index, dtype="datetime64[ns]")
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    if not strict:
        u = pd.Series(np.asarray(uniques, dtype=object), dtype=object)
        number = np.array(
            [isinstance(v, (int, float, np.integer, np.floating)) for v in u], dtype=bool
        )
        parsed = parse_dates(u).astype("datetime64[ns]").to_numpy(copy=True)
        parsed[number] = np.datetime64("NaT")
        return _broadcast_dates(codes, parsed, series.index)
    parsed = pd.to_datetime(
        pd.Series([_parse_date(v) for v in uniques], dtype=object), errors="coerce"
    )
    return _broadcast_dates(codes, parsed.astype("datetime64[ns]").to_numpy(), series.index)


def _broadcast_dates(codes: np.ndarray, uniq: np.ndarray, index: pd.Index) -> pd.Series:
    arr = np.full(len(codes), np.datetime64("NaT"), dtype="datetime64[ns]")
    ok = codes >= 0
    if len(uniq):
        arr[ok] = uniq[codes[ok]]
    return pd.Series(arr, index=index)


_YES_NO = {"yes", "no", "y", "n", "true", "false", "1", "0", "是", "否", "有", "无"}


def won_labels(labels: pd.Series) -> np.ndarray:
    """Object array of True / False / None (open) per label, via ``icp.parse.won_mask``."""
    res = won_mask(pd.Series(np.asarray(labels, dtype=object), dtype=object))
    return np.array([None if v is pd.NA else bool(v) for v in res], dtype=object)


def won_lost(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(won, lost) boolean arrays for a stage column; open/unknown is neither."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    labels = won_labels(pd.Series(uniques, dtype=object))
    won_u = np.array([v is True for v in labels] + [False], dtype=bool)
    lost_u = np.array([v is False for v in labels] + [False], dtype=bool)
    idx = np.where(codes >= 0, codes, len(labels))
    return won_u[idx], lost_u[idx]


# --------------------------------------------------------------------------- keys


def _norm_key(v: object) -> str | None:
    if is_missing(v) or isinstance(v, bool):
        return None
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return str(int(v)) if float(v).is_integer() else repr(float(v))
    if isinstance(v, (datetime, date, pd.Timestamp)):
        return pd.Timestamp(v).isoformat()
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(v)).casefold())
    if re.fullmatch(r"\d+\.0+", s):  # "1001.0" from a float column written as text
        s = s.split(".")[0]
    return s or None


_ASCII_SPACE = (" ", "\t", "\n", "\r", "\f", "\v")


def _norm_codes(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(codes, normalised key per distinct value), like ``_norm_key`` on each.

    Plain-ASCII text, the bulk of real keys, goes through pandas' Arrow string
    kernels (lower + remove spaces); only the rest (CJK, full-width, numbers)
    runs ``_norm_key`` in Python — a million keys cost well under a second.
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    values = np.asarray(uniques, dtype=object)
    out = np.empty(len(values), dtype=object)
    is_str = np.fromiter((isinstance(v, str) for v in values), dtype=bool, count=len(values))
    fast = np.zeros(len(values), dtype=bool)
    if is_str.any():
        text = pd.Series(values[is_str], dtype="str")
        plain = text.str.isascii().to_numpy(dtype=bool) & ~text.str.contains(
            ".", regex=False
        ).to_numpy(dtype=bool)
        low = text[plain].str.lower()
        for ch in _ASCII_SPACE:
            low = low.str.replace(ch, "", regex=False)
        idx = np.flatnonzero(is_str)[plain]
        out[idx] = [v or None for v in low.to_numpy(dtype=object)]
        fast[idx] = True
    out[~fast] = [_norm_key(v) for v in values[~fast]]
    return codes, out


def normalize_key(series: pd.Series) -> pd.Series:
    """The join key of each cell: NFKC (full-width → half-width), case-folded,
    all white space removed, integral numbers without ".0"; missing stays None.

    "ＡＣＭＥ  Corp", "acme corp" and "AcmeCorp" all give "acmecorp".
    """
    codes, vals = _norm_codes(series)
    out = np.where(codes >= 0, vals[np.maximum(codes, 0)] if len(vals) else None, None)
    return pd.Series(out, index=series.index, dtype=object)


def key_codes(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(per-row code into the normalised uniques or -1, normalised uniques)."""
    codes, vals = _norm_codes(series)
    keep = np.array([v is not None for v in vals], dtype=bool)
    if len(vals) == 0:
        return np.full(len(series), -1), np.array([], dtype=object)
    norm_codes, norm_uniques = pd.factorize(pd.Series(vals[keep], dtype=object))
    remap = np.full(len(vals), -1, dtype=np.int64)
    remap[np.flatnonzero(keep)] = norm_codes
    row = np.where(codes >= 0, remap[np.maximum(codes, 0)], -1)
    return row, np.asarray(norm_uniques, dtype=object)


# --------------------------------------------------------------------------- column profiles

SAMPLE_ROWS = 2000


def sample_rows(df: pd.DataFrame, n: int = SAMPLE_ROWS) -> pd.DataFrame:
    return df if len(df) <= n else df.sample(n=n, random_state=0).sort_index()


def column_kind(series: pd.Series) -> str:
    """'num', 'date', 'text' or 'empty' for a (sampled) column."""
    nn = series.dropna()
    if nn.dtype == object or pd.api.types.is_string_dtype(nn.dtype):
        nn = nn[~nn.map(is_missing).astype(bool)]
    if nn.empty:
        return "empty"
    if pd.api.types.is_datetime64_any_dtype(nn.dtype):
        return "date"
    if pd.api.types.is_bool_dtype(nn.dtype):
        return "text"
    if pd.api.types.is_numeric_dtype(nn.dtype):
        return "num"
    # shares of 60% / 80% are told as well by 300 cells as by 2,000, and date text
    # is parsed one distinct value at a time (invoice times are nearly all distinct)
    probe = nn if len(nn) <= 300 else nn.sample(300, random_state=0)
    if to_dates(probe, strict=True).notna().mean() >= 0.6:
        return "date"
    if np.isfinite(to_number(probe)).mean() >= 0.8:
        return "num"
    return "text"


def unique_ratio(series: pd.Series) -> float:
    """Distinct join keys / cells with a key (1.0 when none has one)."""
    codes, vals = _norm_codes(series)
    has = np.fromiter((v is not None for v in vals), dtype=bool, count=len(vals))
    n = int(has[codes[codes >= 0]].sum())
    return 1.0 if n == 0 else len(set(vals[has])) / n


def detect_deal_columns(deals: pd.DataFrame) -> dict[str, str | None]:
    """Guess the deal columns from headers (EN/ZH words) checked against content.

    Returns ``{"stage", "value", "created", "closed", "agents", "products"}``
    → column name or None.  ``icp.schema.detect_mapping`` fills any gap it can.
    """
    s = sample_rows(deals)
    kinds = {c: column_kind(s[c]) for c in s.columns}
    found: dict[str, str | None] = dict.fromkeys(
        ("stage", "value", "created", "closed", "agents", "products")
    )
    used: set[str] = set()

    def pick(slot: str, ok: Callable[[str], bool]) -> None:
        for c in s.columns:
            if c not in used and ok(c):
                found[slot] = c
                used.add(c)
                return

    def stage_ok(c: str, *, strict: bool) -> bool:
        if kinds[c] != "text":
            return False
        labels = s[c].dropna().drop_duplicates()
        if len(labels) > 40:
            return False
        res = won_labels(labels)
        if not strict:
            return any(v is not None for v in res)
        # without a stage-like header: both won and lost words, not just yes/no
        words = {header_key(v) for v, r in zip(labels, res, strict=True) if r is not None}
        both = any(v is True for v in res) and any(v is False for v in res)
        return both and not words <= _YES_NO

    pick("stage", lambda c: header_is(c, "stage") and stage_ok(c, strict=False))
    if found["stage"] is None:
        pick("stage", lambda c: stage_ok(c, strict=True))
    pick("value", lambda c: kinds[c] == "num" and header_is(c, "value") and not header_is(c, "id"))
    pick("created", lambda c: kinds[c] == "date" and header_is(c, "created"))
    pick("closed", lambda c: kinds[c] == "date" and header_is(c, "closed"))
    dates = [c for c in s.columns if kinds[c] == "date" and c not in used]
    if found["closed"] is None and found["created"] is not None and dates:
        found["closed"] = dates[-1]
        used.add(dates[-1])
    elif found["closed"] is None and found["created"] is None and len(dates) == 2:
        found["created"], found["closed"] = dates
        used.update(dates)
    elif found["closed"] is None and len(dates) == 1:
        found["closed"] = dates[0]
        used.add(dates[0])
    pick(
        "agents",
        lambda c: kinds[c] == "text" and header_is(c, "agent") and not header_is(c, "stage"),
    )
    pick(
        "products",
        lambda c: kinds[c] == "text" and header_is(c, "product") and not header_is(c, "account"),
    )
    _fill_from_schema(s, found, used, kinds)
    return found


def _fill_from_schema(
    s: pd.DataFrame, found: dict[str, str | None], used: set[str], kinds: dict[str, str]
) -> None:
    """Let the shared header synonyms (``schema.detect_mapping``) fill remaining gaps."""
    try:
        mapping = detect_mapping(s.reset_index(drop=True))
    except Exception:  # detection is a hint only; never let it break the join
        return
    wanted = {
        "stage": (Role.OUTCOME, "text"),
        "value": (Role.VALUE, "num"),
        "created": (Role.CREATED, "date"),
        "closed": (Role.CLOSED, "date"),
    }
    for slot, (role, kind) in wanted.items():
        col = mapping.col(role)
        if found[slot] is None and col in kinds and col not in used and kinds[col] == kind:
            found[slot] = col
            used.add(col)
