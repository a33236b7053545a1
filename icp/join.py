"""Accounts + deals: find the two tables in a workbook, join them, aggregate per account.

Real CRM exports keep accounts (one row per company) and deals / opportunities
(one row per deal, 商机/合同) apart, often next to pivot and dashboard sheets.
The analysis needs one row per customer, so this module

1. ``classify``/``find_tables``: tells accounts-like, deals-like, summary and
   empty sheets apart (summaries and empties are skipped with a note);
2. ``propose_join``: picks the key column pair by the overlap of normalised
   values (case-, space- and full/half-width-insensitive) and finds the deal
   columns it needs (stage, value, dates, agent, product);
3. ``join``: aggregates the deals per account with grouped, vectorised
   operations and returns the account table plus the new columns, which
   role each one feeds and why (so the UI can show and change it).

Aggregation rules (documented here once, shown to users through ``roles``):

- *won deals*, *win rate* = won ÷ (won + lost); open deals count in *deals*
  but not in the win rate (NaN when nothing closed yet);
- *won value* = sum of the value of won deals.  An account that won nothing
  gets **0** (it bought nothing — a fact, and it keeps the account in the
  ranking); an account whose won deals all lack a value gets NaN (unknown).
  *average won value* is the mean over won deals with a value, NaN when there
  are none.  ``JoinPlan.value_agg`` says which of the two feeds the VALUE role;
- *sales cycle* = median days from created/engaged to close over **won**
  deals (negative spans are data errors and left out), NaN without any;
- *first / last won* = earliest / latest close date of a won deal;
- *products*, *sales agents* = the distinct values, sorted, joined with "、"
  when Chinese, else ", " (multi-select columns);
- *outcome* = Won if any deal won, else Lost if any lost, else Open; empty
  for accounts with no deals at all (nothing is known about them);
- without a stage column every deal counts as won (an orders export).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal

import numpy as np
import pandas as pd

from icp.errors import InputError
from icp.i18n import Lang, Msg, t
from icp.load import list_sheets, read_table
from icp.parse import is_missing, looks_like_date, parse_date, parse_dates, parse_number, won_mask
from icp.schema import ColumnSpec, FieldType, Role, detect_mapping

__all__ = [
    "ContactColumns",
    "JoinPlan",
    "JoinResult",
    "TableGuess",
    "classify",
    "contact_columns",
    "detect_deal_columns",
    "find_tables",
    "join",
    "normalize_key",
    "propose_join",
    "read_sheets",
]

Kind = Literal["accounts", "deals", "contacts", "other", "empty"]

# --------------------------------------------------------------------------- header words

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_KW: dict[str, re.Pattern[str]] = {
    "account": _rx(
        r"account|customer|client|compan|organi[sz]ation|\borg\b|\bfirm\b|"
        r"客户|公司|企业|单位|机构|账户|甲方|买方"
    ),
    "name": _rx(r"name|名称|名字|全称"),
    "id": _rx(r"\bid\b|\bids\b|编号|代码|\bcode\b|\bno\b|\bnumber\b|号$|\bkey\b"),
    "stage": _rx(
        r"stage|status|outcome|result|\bwon\b|\bstate\b|阶段|状态|结果|赢单|输赢|成败|结论"
    ),
    "value": _rx(
        r"amount|value|price|\bacv\b|\barr\b|\bmrr\b|deal size|revenue|sales|"
        r"金额|价值|成交额|合同额|销售额|收入|价格|总价|营收|额$"
    ),
    "created": _rx(
        r"engage|creat|\bopen|\bstart|first|begin|lead date|"
        r"开始|创建|首次|立项|接触|录入|建立|发起"
    ),
    "closed": _rx(r"close|\bsign|won date|\bend\b|签约|成交|关闭|结束|赢单日期|完成"),
    "agent": _rx(
        r"agent|owner|\brep\b|sales ?person|seller|manager|\bae\b|"
        r"销售|负责人|业务员|跟进人|顾问|经理|归属人|所有人"
    ),
    "product": _rx(r"product|\bsku\b|\bitem|\bplan\b|service|package|产品|商品|服务|套餐|型号"),
    "deal": _rx(r"deal|opportunit|pipeline|\border|contract|商机|合同|订单|机会|交易"),
    # headers or row labels that betray a pivot table / summary block
    "total": _rx(
        r"^(grand )?totals?$|^sub ?totals?$|^sum$|^row labels?$|^column labels?$|"
        r"^(sum|count|average|avg) of |"
        r"^合计|^总计|^小计|^汇总|^行标签|^列标签|^求和项|^计数项|^平均值项"
    ),
    # numeric headers that are real fields (a crosstab's headers are category values)
    "field_number": _rx(
        r"employ|staff|headcount|revenue|amount|value|price|size|age|year|count|number|"
        r"score|rate|margin|profit|cost|cac|ltv|days|cycle|tickets|referr|deals|orders|"
        r"人数|员工|规模|收入|营收|金额|价格|年|数|率|利润|成本|天|周期|评分|次数"
    ),
}

# --------------------------------------------------------------------------- contacts

_PERSON = _rx(
    r"^(contact|person|people|full ?name|first ?name|name|姓名|联系人|联系人姓名|人员|名字)$|"
    r"contact ?name|person ?name|联系人(姓名|名字)|^姓名"
)
_TITLE = _rx(r"title|position|\bjob\b|designation|职位|职务|头衔|岗位|职称|身份")
_ROLE = _rx(r"\brole\b|buying ?role|decision|persona|角色|决策")
_CONTACT_EXTRA = _rx(
    r"e ?mail|phone|mobile|tel|wechat|linkedin|department|dept|notes?|remark|"
    r"邮箱|电话|手机|微信|部门|备注|\bid\b|编号"
)
_CONTACT_SHEET = _rx(r"contact|people|person|stakeholder|committee|联系人|人员|决策链|关键人")


@dataclass(frozen=True)
class ContactColumns:
    """The columns of a contacts sheet: whose contact (account), the person, their title, and
    the buying role when the sheet names it (decider, 决策者 …)."""

    account: str
    name: str | None
    title: str | None
    role: str | None


def contact_columns(
    df: pd.DataFrame, *, sheet: str = "", told: bool = False
) -> ContactColumns | None:
    """The contacts-sheet reading of ``df`` (account, name, title, optional role), or None.

    A contacts sheet names a person and their title or role per row, under an account that
    repeats (several people per company) — or the sheet is named so ("Contacts", 联系人) —
    and has few other columns.  An accounts list with one "Contact title" column is not one.
    ``told``: the user gave the file as contacts, so only the columns are looked for.
    """
    cols = [str(c) for c in df.columns]
    account = next((c for c in cols if _is(c, "account") and not _PERSON.search(_header(c))), None)
    if account is None:
        return None
    rest = [c for c in cols if c != account]
    role = next((c for c in rest if _ROLE.search(_header(c))), None)
    title = next((c for c in rest if c != role and _TITLE.search(_header(c))), None)
    name = next((c for c in rest if c not in (role, title) and _PERSON.search(_header(c))), None)
    if name is None or (title is None and role is None):
        return None
    known = {account, name, title, role}
    others = [c for c in rest if c not in known and not _CONTACT_EXTRA.search(_header(c))]
    if any(_is(c, "stage") or _is(c, "value") or _is(c, "deal") for c in others):
        return None  # a deals sheet that names its contact person is still a deals sheet
    if told:
        return ContactColumns(account, name, title, role)
    repeats = _unique_ratio(_sample(df)[account]) < 0.9
    named = bool(_CONTACT_SHEET.search(_header(sheet)))
    if len(others) > 3 or not (repeats or named):
        return None
    return ContactColumns(account, name, title, role)


_DEAL_SHEET = _rx(r"deal|opportunit|pipeline|order|contract|sales|商机|合同|订单|机会|销售|交易")
_ACCOUNT_SHEET = _rx(r"account|customer|client|compan|客户|公司|企业|单位")


def _header(col: object) -> str:
    s = unicodedata.normalize("NFKC", str(col)).casefold()
    return re.sub(r"[\s_\-.:/]+", " ", s).strip()


def _is(col: object, kw: str) -> bool:
    return bool(_KW[kw].search(_header(col)))


# --------------------------------------------------------------------------- cell parsing


def _map_uniques(series: pd.Series, fn: Callable[[Any], Any]) -> tuple[np.ndarray, np.ndarray]:
    """(codes, fn of each distinct value): ``fn`` runs once per distinct value,
    so 1,000,000 cells with 50,000 distinct values cost 50,000 calls."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    out = np.empty(len(uniques), dtype=object)
    out[:] = [fn(u) for u in uniques]
    return codes, out


def _to_number(series: pd.Series) -> np.ndarray:
    """Float array: numeric dtypes as they are, text parsed once per distinct value."""
    if pd.api.types.is_bool_dtype(series.dtype):
        return np.full(len(series), np.nan)
    if pd.api.types.is_numeric_dtype(series.dtype):
        return series.to_numpy(dtype=float, na_value=np.nan)
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return np.full(len(series), np.nan)
    codes, vals = _map_uniques(series, parse_number)
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


def _to_dates(series: pd.Series, *, strict: bool = False) -> pd.Series:
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


def _won_labels(labels: pd.Series) -> np.ndarray:
    """Object array of True / False / None (open) per label, via ``icp.parse.won_mask``."""
    res = won_mask(pd.Series(np.asarray(labels, dtype=object), dtype=object))
    return np.array([None if v is pd.NA else bool(v) for v in res], dtype=object)


def _won(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(won, lost) boolean arrays for a stage column; open/unknown is neither."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    labels = _won_labels(pd.Series(uniques, dtype=object))
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


def _key_codes(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
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

_SAMPLE = 2000


def _sample(df: pd.DataFrame, n: int = _SAMPLE) -> pd.DataFrame:
    return df if len(df) <= n else df.sample(n=n, random_state=0).sort_index()


def _kind_of(series: pd.Series) -> str:
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
    if _to_dates(nn, strict=True).notna().mean() >= 0.6:
        return "date"
    if np.isfinite(_to_number(nn)).mean() >= 0.8:
        return "num"
    return "text"


def _unique_ratio(series: pd.Series) -> float:
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
    s = _sample(deals)
    kinds = {c: _kind_of(s[c]) for c in s.columns}
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
        res = _won_labels(labels)
        if not strict:
            return any(v is not None for v in res)
        # without a stage-like header: both won and lost words, not just yes/no
        words = {_header(v) for v, r in zip(labels, res, strict=True) if r is not None}
        both = any(v is True for v in res) and any(v is False for v in res)
        return both and not words <= _YES_NO

    pick("stage", lambda c: _is(c, "stage") and stage_ok(c, strict=False))
    if found["stage"] is None:
        pick("stage", lambda c: stage_ok(c, strict=True))
    pick("value", lambda c: kinds[c] == "num" and _is(c, "value") and not _is(c, "id"))
    pick("created", lambda c: kinds[c] == "date" and _is(c, "created"))
    pick("closed", lambda c: kinds[c] == "date" and _is(c, "closed"))
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
    pick("agents", lambda c: kinds[c] == "text" and _is(c, "agent") and not _is(c, "stage"))
    pick(
        "products",
        lambda c: kinds[c] == "text" and _is(c, "product") and not _is(c, "account"),
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


# --------------------------------------------------------------------------- classify


@dataclass
class TableGuess:
    """What one sheet looks like: ``kind`` plus the column that identifies the
    account (accounts: the unique name/id; deals: the repeating account column).
    ``note`` explains the guess (shown for skipped sheets)."""

    sheet: str
    kind: Kind
    key_column: str | None
    note: Msg | None = None
    rows: int = 0
    score: float = 0.0  # confidence used to choose between several candidates


def _trim(df: pd.DataFrame) -> pd.DataFrame:
    d = _blank_to_nan(df) if len(df) <= 200_000 else df
    return d.dropna(how="all").dropna(axis=1, how="all")


def _blank_to_nan(df: pd.DataFrame) -> pd.DataFrame:
    """``df.replace(r"^\\s*$", np.nan, regex=True)``, checking each distinct cell once.

    (``str.isspace`` and the regex's ``\\s`` are the same Unicode test.)
    """
    out = df.copy()
    for j in range(df.shape[1]):
        col = df.iloc[:, j]
        if not (col.dtype == object or isinstance(col.dtype, pd.StringDtype)):
            continue
        try:
            codes, uniq = pd.factorize(col)
        except TypeError:  # unhashable cells: the regex, cell by cell
            out.isetitem(j, col.replace(r"^\s*$", np.nan, regex=True))
            continue
        blank = np.fromiter(
            (isinstance(v, str) and (v == "" or v.isspace()) for v in uniq),
            dtype=bool,
            count=len(uniq),
        )
        if not blank.any():
            continue
        mask = (codes >= 0) & blank[np.maximum(codes, 0)]
        if col.dtype == object:
            values = col.to_numpy(dtype=object, copy=True)
            values[mask] = np.nan
            out.isetitem(j, pd.Series(values, index=df.index, dtype=object))
        else:
            new = col.copy()
            new[mask] = np.nan
            out.isetitem(j, new)
    return out


def _looks_summary(d: pd.DataFrame, kinds: dict[str, str]) -> bool:
    """A pivot / summary block: totals labels, or a label column + a number matrix."""
    cols = list(d.columns)
    nums = [c for c in cols if kinds[c] == "num"]
    texts = [c for c in cols if kinds[c] == "text"]
    filled = d.notna().to_numpy().sum()
    num_cells = int(d[nums].notna().to_numpy().sum()) if nums else 0
    num_share = num_cells / filled if filled else 0.0
    if len(d) <= 500:
        labels = [_header(c) for c in cols]
        for c in texts[:2]:
            labels += [_header(v) for v in d[c].dropna().astype(str)]
        if any(_KW["total"].search(x) for x in labels) and num_share >= 0.4:
            return True
    crosstab = len(texts) == 1 and len(nums) >= 1 and len(nums) == len(cols) - 1
    if crosstab:
        real_fields = sum(_is(c, "field_number") for c in nums)
        if real_fields * 2 < len(nums) or (len(d) <= 12 and real_fields < 2):
            return True
    return False


def classify(df: pd.DataFrame, *, sheet: str = "") -> TableGuess:
    """Guess whether ``df`` (one sheet as loaded) holds accounts, deals, or neither.

    *deals*: an account column whose values repeat plus a stage, value or date
    column; *accounts*: a column of unique names/ids; *empty*: no cells;
    *other*: too few rows, a pivot/summary/dashboard block, or unrecognised.
    The sheet name ("Deals", "商机", "客户" …) breaks ties.
    """
    d = _trim(df)
    if d.empty:
        return TableGuess(sheet, "empty", None, Msg("join.skip.empty", {"sheet": sheet}))
    d.columns = [str(c) for c in d.columns]
    rows = len(d)
    if rows < 3:
        return TableGuess(
            sheet, "other", None, Msg("join.skip.few_rows", {"sheet": sheet, "rows": rows}), rows
        )
    people = contact_columns(d, sheet=sheet)
    if people is not None:
        note = Msg("join.found.contacts", {"sheet": sheet, "column": people.account})
        return TableGuess(sheet, "contacts", people.account, note, rows, 1.0)
    s = _sample(d)
    kinds = {c: _kind_of(s[c]) for c in s.columns}
    if _looks_summary(d if rows <= 500 else s, kinds):
        return TableGuess(sheet, "other", None, Msg("join.skip.summary", {"sheet": sheet}), rows)

    deal_cols = detect_deal_columns(s)
    signals = sum(deal_cols[k] is not None for k in ("stage", "value")) + (
        deal_cols["created"] is not None or deal_cols["closed"] is not None
    )
    used = {v for v in deal_cols.values() if v}

    def key_ok(c: str) -> bool:
        if c in used or kinds[c] not in ("text", "num") or _is(c, "agent"):
            return False
        if kinds[c] == "num":
            return _is(c, "id")
        return not (_is(c, "stage") or _is(c, "product"))

    named = [c for c in s.columns if key_ok(c) and _is(c, "account")]
    ratios = {c: _unique_ratio(d[c]) for c in named}
    repeating = [c for c in named if ratios[c] < 0.95]
    unique_named = [c for c in named if ratios[c] >= 0.95]
    hint_deals = bool(_DEAL_SHEET.search(_header(sheet)))
    hint_accounts = bool(_ACCOUNT_SHEET.search(_header(sheet))) and not hint_deals

    if repeating and signals >= 1 and not (hint_accounts and signals < 2):
        key = _prefer_name(repeating)
        return TableGuess(
            sheet, "deals", key, Msg("join.found.deals", {"sheet": sheet, "column": key}),
            rows, 1.0 + signals + hint_deals,
        )  # fmt: skip
    if not unique_named:
        unique_named = [
            c
            for c in s.columns
            if key_ok(c)
            and kinds[c] == "text"
            and (_is(c, "name") or _is(c, "id"))
            and _unique_ratio(d[c]) >= 0.95
        ]
    if unique_named and (signals < 2 or hint_accounts) and not hint_deals:
        key = _prefer_name(unique_named)
        return TableGuess(
            sheet, "accounts", key, Msg("join.found.accounts", {"sheet": sheet, "column": key}),
            rows, 1.0 + hint_accounts + (signals == 0),
        )  # fmt: skip
    if signals >= 2 or (signals >= 1 and hint_deals):
        if repeating or unique_named:
            key = _prefer_name(repeating or unique_named)
            note = Msg("join.found.deals", {"sheet": sheet, "column": key})
        else:
            key, note = None, Msg("join.found.deals_no_key", {"sheet": sheet})
        return TableGuess(sheet, "deals", key, note, rows, 0.5 + signals + hint_deals)
    if unique_named:
        key = _prefer_name(unique_named)
        return TableGuess(
            sheet, "accounts", key, Msg("join.found.accounts", {"sheet": sheet, "column": key}),
            rows, 0.5,
        )  # fmt: skip
    return TableGuess(sheet, "other", None, Msg("join.skip.unknown", {"sheet": sheet}), rows)


def _prefer_name(cols: list[str]) -> str:
    """Among key candidates prefer a name column over an id column."""
    for c in cols:
        if _is(c, "name") or not _is(c, "id"):
            return c
    return cols[0]


def find_tables(
    sheets: dict[str, pd.DataFrame],
) -> tuple[str | None, str | None, list[TableGuess]]:
    """(accounts sheet, deals sheet, one guess per sheet in workbook order).

    Picks the most confident accounts and deals guesses; when only one kind
    was seen, a second table of the other shape is taken by the key overlap.
    Either sheet is None when the workbook does not hold that table.  A
    contacts sheet is neither (its guess says "contacts"; ``icp.committee`` reads it).
    """
    guesses = [classify(df, sheet=name) for name, df in sheets.items()]
    accounts = [g for g in guesses if g.kind == "accounts"]
    deals = [g for g in guesses if g.kind == "deals"]
    acc = max(accounts, key=lambda g: g.score, default=None)
    dl = max(deals, key=lambda g: g.score, default=None)
    if acc is None and len(deals) >= 2:
        # two deal-like tables: the one whose key is more unique holds the accounts
        ranked = sorted(deals, key=lambda g: _key_uniqueness(sheets[g.sheet], g.key_column))
        dl, acc = ranked[0], ranked[-1]
    if dl is None and len(accounts) >= 2:
        ranked = sorted(accounts, key=lambda g: _key_uniqueness(sheets[g.sheet], g.key_column))
        dl, acc = ranked[0], ranked[-1]
    return (acc.sheet if acc else None, dl.sheet if dl else None, guesses)


def _key_uniqueness(df: pd.DataFrame, col: str | None) -> float:
    if col is None or col not in df.columns:
        return 0.0
    return _unique_ratio(df[col])


# --------------------------------------------------------------------------- propose_join


@dataclass
class JoinPlan:
    """How to join: the key pair, the deal columns used, and sum vs mean for VALUE.

    ``propose_join`` fills every field; the UI may change any of them (a None
    column means "not available", e.g. no stage → every deal counts as won).
    """

    accounts_key: str
    deals_key: str
    value_agg: Literal["sum", "mean"] = "sum"
    stage: str | None = None
    value: str | None = None
    created: str | None = None
    closed: str | None = None
    agents: str | None = None
    products: str | None = None
    match_share: float = 0.0  # share of (sampled) deals whose key found an account


_PROPOSE_SAMPLE = 50_000


def _key_candidates(df: pd.DataFrame, kinds: dict[str, str], exclude: set[str]) -> list[str]:
    out = []
    for c in df.columns:
        if c in exclude:
            continue
        if kinds[c] == "text" or (kinds[c] == "num" and _is(c, "id")):
            out.append(c)
    return out


def propose_join(accounts: pd.DataFrame, deals: pd.DataFrame) -> JoinPlan | None:
    """The best key pair by overlap of normalised values, or None if nothing matches.

    Every (accounts column, deals column) pair of text or id-like columns is
    scored by the share of deals whose key matches an account (accounts-side
    columns must be nearly unique); headers that say account/customer/客户 win
    ties.  Deal columns (stage, value, dates, agent, product) are detected too.
    """
    accounts = accounts.rename(columns=str)
    deals = deals.rename(columns=str)
    if accounts.empty or deals.empty:
        return None
    deal_cols = detect_deal_columns(deals)
    ds = deals if len(deals) <= _PROPOSE_SAMPLE else deals.sample(_PROPOSE_SAMPLE, random_state=0)
    a_sample, d_sample = _sample(accounts), _sample(ds)
    a_kinds = {c: _kind_of(a_sample[c]) for c in accounts.columns}
    d_kinds = {c: _kind_of(d_sample[c]) for c in ds.columns}
    used = {v for v in deal_cols.values() if v}

    a_keys: dict[str, set[str]] = {}
    for c in _key_candidates(accounts, a_kinds, set()):
        keys = normalize_key(accounts[c]).dropna()
        if len(keys) and keys.nunique() / len(keys) >= 0.8:
            a_keys[c] = set(keys.unique())
    if not a_keys:
        return None

    best: tuple[float, str, str] | None = None
    for dc in _key_candidates(ds, d_kinds, used):
        codes, uniques = _key_codes(ds[dc])
        present = codes >= 0
        if not present.any():
            continue
        counts = np.bincount(codes[present], minlength=len(uniques))
        for ac, aset in a_keys.items():
            hit = np.fromiter((u in aset for u in uniques), dtype=bool, count=len(uniques))
            if not hit.any():
                continue
            share = counts[hit].sum() / len(codes)
            bonus = 0.02 * (_is(dc, "account") + _is(ac, "account") + _is(ac, "name"))
            score = share + bonus
            if best is None or score > best[0]:
                best = (score, ac, dc)
    if best is None:
        return None
    _, ac, dc = best
    codes, uniques = _key_codes(ds[dc])
    aset = a_keys[ac]
    hit = np.fromiter((u in aset for u in uniques), dtype=bool, count=len(uniques))
    share = float(hit[codes[codes >= 0]].sum() / len(codes))
    return JoinPlan(accounts_key=ac, deals_key=dc, match_share=round(share, 4), **deal_cols)


# --------------------------------------------------------------------------- join


@dataclass
class JoinResult:
    """One row per account (account columns + aggregates) and how it was made.

    ``roles``: (new column, role it feeds or Role.NONE, Msg saying how it was
    computed); ``specs``: a ready ColumnSpec per new column (type, role, sep)
    for the mapping; ``unmatched_deals``: the deals rows (original columns)
    whose key is empty or names no account.
    """

    table: pd.DataFrame
    roles: list[tuple[str, Role, Msg]]
    matched_accounts: int
    accounts_without_deals: int
    unmatched_deals: pd.DataFrame
    notes: list[Msg] = field(default_factory=list)
    specs: list[ColumnSpec] = field(default_factory=list)
    deals_used: int = 0


def _missing_column(df: pd.DataFrame, cols: list[str | None]) -> str | None:
    return next((c for c in cols if c is not None and c not in df.columns), None)


def _join_labels(
    gid: np.ndarray, series: pd.Series, n_groups: int
) -> tuple[np.ndarray, str | None]:
    """Distinct sorted labels per group joined into one string (vectorised).

    Cells holding several labels ("A、B") are split first.  Returns an object
    array (None where a group has no label) and the separator used.
    """
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    if len(uniques) == 0:
        return np.full(n_groups, None, dtype=object), None
    parts = [
        [p.strip() for p in re.split(r"[,、;|，；]", str(u)) if p.strip()] or [str(u).strip()]
        for u in uniques
    ]
    flat = sorted({p for ps in parts for p in ps})
    sep = "、" if any(_CJK.search(p) for p in flat) else ", "
    pos = {p: i for i, p in enumerate(flat)}
    # (unique code -> label ids) as an exploded pair list
    u_idx = np.repeat(np.arange(len(parts)), [len(ps) for ps in parts])
    l_idx = np.fromiter((pos[p] for ps in parts for p in ps), dtype=np.int64, count=len(u_idx))
    ok = (codes >= 0) & (gid >= 0)
    pair = np.unique(gid[ok].astype(np.int64) * len(uniques) + codes[ok])  # distinct (g, u)
    pairs = pd.DataFrame({"g": pair // len(uniques), "u": pair % len(uniques)})
    link = pd.DataFrame({"u": u_idx, "l": l_idx})
    pairs = pairs.merge(link, on="u")[["g", "l"]].drop_duplicates().sort_values(["g", "l"])
    out = np.full(n_groups, None, dtype=object)
    if pairs.empty:
        return out, sep
    g = pairs["g"].to_numpy()
    text = np.asarray(flat, dtype=object)[pairs["l"].to_numpy()] + sep
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    joined = np.add.reduceat(text, starts)
    out[g[starts]] = [s[: -len(sep)] for s in joined]
    return out, sep


def join(
    accounts: pd.DataFrame,
    deals: pd.DataFrame,
    plan: JoinPlan,
    *,
    lang: Lang = "en",
) -> JoinResult:
    """Aggregate ``deals`` per account and attach the aggregates to ``accounts``.

    New column names and outcome labels are in ``lang`` (they become data).
    Raises ``InputError("join.no_match")`` when no deal key matches any
    account — the accounts table alone stays usable.  See the module docstring
    for the exact aggregation rules.
    """
    accounts = accounts.rename(columns=str)
    deals = deals.rename(columns=str)
    if (bad := _missing_column(accounts, [plan.accounts_key])) is not None:
        raise InputError("join.bad_column.accounts", column=bad)
    deal_cols = [plan.deals_key, plan.stage, plan.value, plan.created, plan.closed]
    if (bad := _missing_column(deals, [*deal_cols, plan.agents, plan.products])) is not None:
        raise InputError("join.bad_column.deals", column=bad)
    notes: list[Msg] = []

    # accounts → group id per normalised key; deals → the same ids, -1 if none
    a_row, a_uniques = _key_codes(accounts[plan.accounts_key])
    n_groups = len(a_uniques)
    d_codes, d_uniques = _key_codes(deals[plan.deals_key])
    lookup = pd.Index(a_uniques).get_indexer(pd.Index(d_uniques)) if len(d_uniques) else []
    lookup = np.asarray(lookup, dtype=np.int64)
    gid = np.where(d_codes >= 0, lookup[np.maximum(d_codes, 0)] if len(lookup) else -1, -1)
    matched = gid >= 0
    if not matched.any():
        raise InputError("join.no_match", deals_key=plan.deals_key, accounts_key=plan.accounts_key)

    dup = int(pd.Series(a_row[a_row >= 0]).duplicated().sum())
    if dup:
        notes.append(Msg("join.note.duplicate_accounts", {"n": dup}))

    # per-deal facts
    n = len(deals)
    if plan.stage is not None:
        won, lost = _won(deals[plan.stage])
    else:
        won, lost = np.ones(n, dtype=bool), np.zeros(n, dtype=bool)
        notes.append(Msg("join.note.no_stage"))
    value = _to_number(deals[plan.value]) if plan.value is not None else np.full(n, np.nan)
    if plan.value is None:
        notes.append(Msg("join.note.no_value"))
    closed = _to_dates(deals[plan.closed]) if plan.closed is not None else None
    created = _to_dates(deals[plan.created]) if plan.created is not None else None

    g = gid[matched]
    frame: dict[str, Any] = {
        "g": g,
        "won": won[matched],
        "lost": lost[matched],
        "won_value": np.where(won, value, np.nan)[matched],
    }
    bad_spans = 0
    if closed is not None:
        closed_won = closed.where(won).to_numpy()[matched]
        frame["won_close"] = closed_won
        if created is not None:
            days = (closed - created).dt.total_seconds().to_numpy() / 86400.0
            days = days[matched]
            negative = (days < 0) & frame["won"]
            bad_spans = int(negative.sum())
            frame["cycle"] = np.where(frame["won"] & (days >= 0), days, np.nan)
    if closed is None or created is None:
        notes.append(Msg("join.note.no_cycle"))
    if bad_spans:
        notes.append(Msg("join.note.negative_cycle", {"n": bad_spans}))

    grouped = pd.DataFrame(frame).groupby("g", sort=True)
    idx = pd.RangeIndex(n_groups)
    n_deals = grouped.size().reindex(idx, fill_value=0).to_numpy()
    n_won = grouped["won"].sum().reindex(idx, fill_value=0).to_numpy()
    n_lost = grouped["lost"].sum().reindex(idx, fill_value=0).to_numpy()
    won_sum = grouped["won_value"].sum(min_count=1).reindex(idx).to_numpy(dtype=float)
    won_sum = np.where(n_won == 0, 0.0, won_sum)  # won nothing: bought nothing
    won_mean = grouped["won_value"].mean().reindex(idx).to_numpy(dtype=float)
    closed_n = n_won + n_lost
    with np.errstate(invalid="ignore", divide="ignore"):
        win_rate = np.where(closed_n > 0, n_won / np.maximum(closed_n, 1), np.nan)

    agg: dict[str, tuple[Any, FieldType, Role, Msg, str | None]] = {}
    value_role = (Role.VALUE, Role.NONE) if plan.value_agg == "sum" else (Role.NONE, Role.VALUE)
    agg["deals"] = (n_deals.astype(float), FieldType.NUMBER, Role.NONE, Msg("join.why.deals"), None)
    agg["won_deals"] = (
        n_won.astype(float), FieldType.NUMBER, Role.DEALS, Msg("join.why.won_deals"), None
    )  # fmt: skip
    agg["win_rate"] = (win_rate, FieldType.NUMBER, Role.NONE, Msg("join.why.win_rate"), None)
    if plan.value is not None:
        why = {"column": plan.value}
        agg["won_value"] = (
            won_sum, FieldType.NUMBER, value_role[0], Msg("join.why.won_value", why), None
        )  # fmt: skip
        agg["avg_won_value"] = (
            won_mean, FieldType.NUMBER, value_role[1], Msg("join.why.avg_won_value", why), None
        )  # fmt: skip
    if "cycle" in frame:
        cycle = grouped["cycle"].median().reindex(idx).to_numpy(dtype=float)
        why = {"created": plan.created, "closed": plan.closed}
        agg["cycle"] = (
            cycle, FieldType.NUMBER, Role.CYCLE_DAYS, Msg("join.why.cycle", why), None
        )  # fmt: skip
    if "won_close" in frame:
        first = grouped["won_close"].min().reindex(idx).to_numpy()
        last = grouped["won_close"].max().reindex(idx).to_numpy()
        why = {"closed": plan.closed}
        agg["first_won"] = (first, FieldType.DATE, Role.NONE, Msg("join.why.first_won", why), None)
        agg["last_won"] = (last, FieldType.DATE, Role.NONE, Msg("join.why.last_won", why), None)
    for slot in ("products", "agents"):
        col = getattr(plan, slot)
        if col is not None:
            labels, sep = _join_labels(gid, deals[col], n_groups)
            why = Msg(f"join.why.{slot}", {"column": col})
            agg[slot] = (labels, FieldType.MULTI, Role.NONE, why, sep)
    outcome = np.where(
        n_won > 0,
        t("join.outcome.won", lang),
        np.where(n_lost > 0, t("join.outcome.lost", lang), t("join.outcome.open", lang)),
    ).astype(object)
    leads = is_lead_list(accounts, plan)
    # a lead with no deal was not won (a fact about a lead list); an account
    # with no deals in an accounts list is simply not known
    outcome[n_deals == 0] = t("join.outcome.not_won", lang) if leads else None
    agg["outcome"] = (outcome, FieldType.SINGLE, Role.OUTCOME, Msg("join.why.outcome"), None)

    # broadcast group aggregates to account rows (rows with no key get no deals)
    table = accounts.copy()
    roles: list[tuple[str, Role, Msg]] = []
    specs: list[ColumnSpec] = []
    has = a_row >= 0
    take = np.maximum(a_row, 0)
    taken = set(table.columns)
    for slot, (values, ftype, role, why, sep) in agg.items():
        name = t(f"join.col.{slot}", lang)
        if name in taken:
            name = t("join.col.from_deals", lang, name=name)
        taken.add(name)
        arr = np.asarray(values)
        if arr.dtype.kind == "M":
            col = pd.Series(arr[take], index=table.index).where(has)
        elif arr.dtype.kind == "f":
            fill = 0.0 if slot in ("deals", "won_deals") else np.nan
            col = pd.Series(np.where(has, arr[take], fill), index=table.index)
        else:
            col = pd.Series(np.where(has, arr[take], None), index=table.index, dtype=object)
            col = col.astype("str") if pd.api.types.is_string_dtype(col.dropna()) else col
        if slot == "won_value":
            col = col.where(has, 0.0)  # no key, no deals: bought nothing either
        if slot == "outcome" and leads:
            col = col.where(has, t("join.outcome.not_won", lang))
        table[name] = col
        roles.append((name, role, why))
        specs.append(ColumnSpec(name=name, type=ftype, role=role, sep=sep))

    deals_per_row = pd.Series(np.where(has, n_deals[take], 0), index=table.index)
    matched_accounts = int((deals_per_row > 0).sum())
    without = len(table) - matched_accounts
    unmatched = deals.loc[~matched]
    if len(unmatched):
        no_key = int((d_codes < 0).sum())
        examples = ", ".join(
            str(v) for v in unmatched[plan.deals_key].dropna().astype(str).unique()[:3]
        )
        notes.append(
            Msg(
                "join.note.unmatched",
                {"n": len(unmatched), "no_key": no_key, "examples": examples or "—"},
            )
        )
    if without:
        key = "join.note.leads_without_deals" if leads else "join.note.without_deals"
        notes.append(Msg(key, {"n": without}))
    notes.insert(
        0,
        Msg(
            "join.note.summary",
            {"matched": matched_accounts, "accounts": len(table), "deals": int(matched.sum())},
        ),
    )
    return JoinResult(
        table=table,
        roles=roles,
        matched_accounts=matched_accounts,
        accounts_without_deals=without,
        unmatched_deals=unmatched,
        notes=notes,
        specs=specs,
        deals_used=int(matched.sum()),
    )


_LEAD_WORDS = _rx(r"\blead|\bmql|\bsql\b|prospect|inquir|enquir|signup|sign up|线索|潜客|留资|咨询")
_CHANNEL_WORDS = _rx(r"\borigin|\bsource|\butm|\bchannel|referr|来源|渠道")


def is_lead_list(accounts: pd.DataFrame, plan: JoinPlan) -> bool:
    """Whether the left table is a list of leads (a funnel), not of accounts.

    Its key or columns say lead / mql / 线索, or it has a channel column
    (origin, utm_source, 来源, 渠道) and no account-like name column.  In a
    lead list a lead without a deal counts as *not won*.
    """
    headers = [str(c) for c in accounts.columns]
    if _LEAD_WORDS.search(_header(plan.accounts_key)) or any(
        _LEAD_WORDS.search(_header(h)) for h in headers
    ):
        return True
    has_channel = any(_CHANNEL_WORDS.search(_header(h)) for h in headers)
    has_name = any(_is(h, "name") or _is(h, "account") for h in headers)
    return has_channel and not has_name


# --------------------------------------------------------------------------- reading


def read_sheets(
    src: str | Path | BinaryIO | bytes, *, filename: str | None = None
) -> dict[str, pd.DataFrame]:
    """Every sheet of a workbook as a raw DataFrame, ready for ``find_tables``.

    Uses ``icp.load`` (header-row detection, safety checks) when it is
    available; a sheet it refuses as unusable comes back as an empty frame so
    ``classify`` reports it as skipped.  A CSV gives one sheet named after
    the file.
    """
    if isinstance(src, (str, Path)):
        filename = filename or Path(src).name
        data: Any = Path(src).read_bytes()
    else:
        data = src.read() if hasattr(src, "read") else src
    names = _sheet_names(list_sheets(data, filename=filename))
    if not names:  # a text file: one table
        raw = read_table(data, filename=filename)
        return {filename or "csv": raw.df}
    out: dict[str, pd.DataFrame] = {}
    for name in names:
        try:
            raw = read_table(data, filename=filename, sheet=name)
        except InputError:
            out[name] = pd.DataFrame()
            continue
        out[name] = raw.df
    return out


def _sheet_names(items: Any) -> list[str]:
    return [getattr(it, "name", it) for it in items]
