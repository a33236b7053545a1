"""Which sheet of a workbook holds accounts, deals or contacts, and which to skip.

Real CRM exports keep accounts (one row per company), deals / opportunities
(one row per deal, 商机/合同) and contacts (联系人) apart, often next to pivot
and dashboard sheets.  ``classify`` reads one sheet by its headers and a
sample of its cells (``icp.sheetcols``); ``find_tables`` picks the accounts
and deals sheets of a workbook, which ``icp.join`` then joins; summaries and
empty sheets are skipped with a note the user sees; ``contact_columns`` tells
a contacts sheet (read by ``icp.committee``); ``read_sheets`` loads every
sheet through ``icp.load``'s safety checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

import numpy as np
import pandas as pd

from icp.errors import InputError
from icp.i18n import Msg
from icp.load import list_sheets, read_table
from icp.sheetcols import (
    KW,
    column_kind,
    detect_deal_columns,
    header_is,
    header_key,
    rx,
    sample_rows,
    unique_ratio,
)

__all__ = [
    "ContactColumns",
    "Kind",
    "TableGuess",
    "classify",
    "contact_columns",
    "find_tables",
    "read_sheets",
]

Kind = Literal["accounts", "deals", "contacts", "other", "empty"]

# --------------------------------------------------------------------------- contacts

_PERSON = rx(
    r"^(contact|person|people|full ?name|first ?name|name|姓名|联系人|联系人姓名|人员|名字)$|"
    r"contact ?name|person ?name|联系人(姓名|名字)|^姓名"
)
_TITLE = rx(r"title|position|\bjob\b|designation|职位|职务|头衔|岗位|职称|身份")
_ROLE = rx(r"\brole\b|buying ?role|decision|persona|角色|决策")
_CONTACT_EXTRA = rx(
    r"e ?mail|phone|mobile|tel|wechat|linkedin|department|dept|notes?|remark|"
    r"邮箱|电话|手机|微信|部门|备注|\bid\b|编号"
)
_CONTACT_SHEET = rx(r"contact|people|person|stakeholder|committee|联系人|人员|决策链|关键人")


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
    account = next(
        (c for c in cols if header_is(c, "account") and not _PERSON.search(header_key(c))), None
    )
    if account is None:
        return None
    rest = [c for c in cols if c != account]
    role = next((c for c in rest if _ROLE.search(header_key(c))), None)
    title = next((c for c in rest if c != role and _TITLE.search(header_key(c))), None)
    name = next((c for c in rest if c not in (role, title) and _PERSON.search(header_key(c))), None)
    if name is None or (title is None and role is None):
        return None
    known = {account, name, title, role}
    others = [c for c in rest if c not in known and not _CONTACT_EXTRA.search(header_key(c))]
    if any(header_is(c, "stage") or header_is(c, "value") or header_is(c, "deal") for c in others):
        return None  # a deals sheet that names its contact person is still a deals sheet
    if told:
        return ContactColumns(account, name, title, role)
    repeats = unique_ratio(sample_rows(df)[account]) < 0.9
    named = bool(_CONTACT_SHEET.search(header_key(sheet)))
    if len(others) > 3 or not (repeats or named):
        return None
    return ContactColumns(account, name, title, role)


_DEAL_SHEET = rx(r"deal|opportunit|pipeline|order|contract|sales|商机|合同|订单|机会|销售|交易")
_ACCOUNT_SHEET = rx(r"account|customer|client|compan|客户|公司|企业|单位")


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
        labels = [header_key(c) for c in cols]
        for c in texts[:2]:
            labels += [header_key(v) for v in d[c].dropna().astype(str)]
        if any(KW["total"].search(x) for x in labels) and num_share >= 0.4:
            return True
    crosstab = len(texts) == 1 and len(nums) >= 1 and len(nums) == len(cols) - 1
    if crosstab:
        real_fields = sum(header_is(c, "field_number") for c in nums)
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
    s = sample_rows(d)
    kinds = {c: column_kind(s[c]) for c in s.columns}
    if _looks_summary(d if rows <= 500 else s, kinds):
        return TableGuess(sheet, "other", None, Msg("join.skip.summary", {"sheet": sheet}), rows)

    deal_cols = detect_deal_columns(s)
    signals = sum(deal_cols[k] is not None for k in ("stage", "value")) + (
        deal_cols["created"] is not None or deal_cols["closed"] is not None
    )
    used = {v for v in deal_cols.values() if v}

    def key_ok(c: str) -> bool:
        if c in used or kinds[c] not in ("text", "num") or header_is(c, "agent"):
            return False
        if kinds[c] == "num":
            return header_is(c, "id")
        return not (header_is(c, "stage") or header_is(c, "product"))

    named = [c for c in s.columns if key_ok(c) and header_is(c, "account")]
    ratios = {c: unique_ratio(d[c]) for c in named}
    repeating = [c for c in named if ratios[c] < 0.95]
    unique_named = [c for c in named if ratios[c] >= 0.95]
    hint_deals = bool(_DEAL_SHEET.search(header_key(sheet)))
    hint_accounts = bool(_ACCOUNT_SHEET.search(header_key(sheet))) and not hint_deals

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
            and (header_is(c, "name") or header_is(c, "id"))
            and unique_ratio(d[c]) >= 0.95
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
        if header_is(c, "name") or not header_is(c, "id"):
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
    return unique_ratio(df[col])


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
