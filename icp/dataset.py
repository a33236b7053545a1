"""One loaded, cleaned, mapped customer table — what every page analyses.

``open_dataset`` is the single intake entry point used by the app, the CLI
and the benchmarks: load (``icp.load``) → join accounts + deals when the
input holds both (``icp.join``) → detect mapping (``icp.schema``) → clean
(``icp.clean``) → group spelling variants of categories (``icp.variants``).
Pass a saved ``mapping`` to skip detection.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Literal

import numpy as np
import pandas as pd

from icp import clean, fmt, join, load, orders, schema, sheets, variants
from icp.errors import InputError
from icp.i18n import Lang, Msg
from icp.join import JoinResult
from icp.outcome import id_reason
from icp.schema import FieldType, Mapping, Role

__all__ = ["Dataset", "Source", "open_dataset"]


@dataclass
class Source:
    filename: str | None
    kind: str  # "xlsx" | "xls" | "ods" | "csv"
    sheet: str | None
    sheets: list[str]
    header_row: int  # 0-based row of the (first) header row in the sheet grid


@dataclass
class Dataset:
    """A typed table plus how it was read.

    ``table`` columns keep the user's (de-duplicated) header names; NUMBER
    columns are float64, DATE columns datetime64[ns], SINGLE/MULTI/TEXT
    columns hold ``str`` or missing (pandas' string dtype or object).
    """

    table: pd.DataFrame
    mapping: Mapping
    source: Source
    report: object  # icp.clean.CleanReport
    notes: list[Msg] = field(default_factory=list)
    ranges: dict[str, pd.DataFrame] = field(default_factory=dict)  # col -> low/high
    join: JoinResult | None = None  # set when accounts and deals were joined
    variants: dict[str, dict[str, str]] = field(default_factory=dict)  # col -> {variant: label}
    units: dict[str, str] = field(default_factory=dict)  # money column -> currency ("$", "元")
    # a contacts sheet of the same workbook (account, name, title, role), as read: the
    # buying committee per account (icp.committee); None when the workbook has none
    contacts: pd.DataFrame | None = None
    # the spreadsheet row (1-based) each row of ``table`` was read from; None when the
    # table was built (accounts joined with deals) rather than read row for row
    sheet_rows: np.ndarray | None = None

    @property
    def name_column(self) -> str | None:
        """The column customers are called by: the name column, else an id column.

        Among several id columns a code or a long number is preferred to row
        numbers (1, 2, 3 …), which say nothing about who the customer is.
        """
        col = self.mapping.col(Role.NAME)
        if col is not None and col in self.table.columns:
            return col
        ids = [
            c.name
            for c in self.mapping.columns
            if c.include and c.role == Role.ID and c.name in self.table.columns
        ]
        for name in ids:
            if id_reason(self.table[name].iloc[:500], header=name) != "row":
                return name
        return ids[0] if ids else None

    def names(self) -> pd.Series:
        """A display name per row: the name column, else the id column, else a label
        the founder can find in the file: the row's industry / region / channel and its
        spreadsheet row ("Manufacturing · East #23").

        The label is the same in both languages: it is also the key pins are saved by.
        """
        col = self.name_column
        known = self.table[col].notna() if col is not None else None
        if known is not None and known.all():  # no fallback needed (a 1M-row list of them is slow)
            return self.table[col].astype(str)
        fallback = self._row_labels()
        if col is None:
            return fallback
        return self.table[col].where(known, fallback).astype(str)

    def _row_labels(self) -> pd.Series:
        n = len(self.table)
        rows = self.sheet_rows
        if rows is not None and len(rows) != n:
            rows = None
        numbers = pd.Series(
            [f"#{r}" for r in (rows if rows is not None else range(1, n + 1))],
            index=self.table.index,
            dtype=object,
        )
        parts: list[pd.Series] = []
        for role in _LABEL_ROLES:
            c = self.mapping.col(role)
            if c is not None and c in self.table.columns and len(parts) < 2:
                parts.append(self.table[c].astype(object).where(self.table[c].notna(), None))
        if not parts:
            return numbers
        words = [
            " · ".join(str(v).strip() for v in vals if v is not None and str(v).strip())
            for vals in zip(*parts, strict=True)
        ]
        return pd.Series(
            [f"{w} {num}" if w else num for w, num in zip(words, numbers, strict=True)],
            index=self.table.index,
            dtype=object,
        )

    @property
    def named_by_row(self) -> bool:
        """True when some customers have no name or id and are called by their sheet row."""
        col = self.name_column
        return col is None or bool(self.table[col].isna().any())


# roles whose value says who an unnamed customer is, in the order they are shown
_LABEL_ROLES = (Role.INDUSTRY, Role.REGION, Role.CHANNEL)


Src = str | Path | BinaryIO | bytes


def open_dataset(
    src: Src,
    *,
    filename: str | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
    mapping: Mapping | None = None,
    deals: Src | None = None,
    deals_filename: str | None = None,
    value_agg: Literal["sum", "mean"] = "sum",
    auto_join: bool = True,
    group_variants: bool = True,
    max_bytes: int | None = None,
) -> Dataset:
    """Read ``src`` into a Dataset, raising ``InputError`` for unusable input.

    Accounts and deals are joined when ``deals`` (a second file) is given, or
    when ``auto_join`` is on, no ``sheet`` is forced and the workbook holds
    an accounts-like and a deals-like sheet.  A deals table whose key matches
    no account leaves the accounts table usable on its own, with a note.
    ``max_bytes`` defaults to the upload limit; the CLI reads local files
    with a larger one.
    """
    limit = load.MAX_BYTES if max_bytes is None else max_bytes
    data, filename = load.read_bytes(src, filename=filename, max_bytes=limit)
    raw = load.read_table(
        data, filename=filename, sheet=sheet, header_row=header_row, max_bytes=limit
    )
    notes: list[Msg] = list(raw.notes)
    table, joined = raw.df, None
    deals_df: pd.DataFrame | None = None
    contacts: pd.DataFrame | None = None
    if deals is not None:
        d_data, d_name = load.read_bytes(deals, filename=deals_filename, max_bytes=limit)
        deals_df = load.read_table(d_data, filename=d_name, max_bytes=limit).df
    elif auto_join and sheet is None and len(raw.sheets) > 1:
        table, deals_df, raw, contacts = _find_pair(data, filename, raw, notes)
    del data  # the file's bytes are parsed: a 1M-row CSV's 158 MB need not outlive the parse
    value = None
    if deals_df is None and auto_join and sheet is None:
        bought = orders.split(table, lang=_lang_of(table.columns))
        if bought is not None:
            table, deals_df, value = bought.accounts, bought.deals, bought.amount
            notes.extend(_orders_notes(bought))
    if deals_df is not None:
        joined = _join(table, deals_df, value_agg=value_agg, notes=notes, value=value)
        if joined is not None:
            table = joined.table
    if mapping is None or not _mapping_fits(mapping, table):
        mapping = schema.detect_mapping(table)
        if joined is not None:
            mapping = _with_join_specs(mapping, joined)
    units = _units(table, mapping)
    cleaned = clean.clean(table, mapping)
    sheet_rows = None
    if joined is None and table is raw.df and raw.rows is not None and cleaned.kept is not None:
        sheet_rows = raw.rows[cleaned.kept]
    variants = _group_variants(cleaned.table, mapping, notes) if group_variants else {}
    source = Source(
        filename=filename,
        kind=raw.kind,
        sheet=raw.sheet,
        sheets=[s.name for s in raw.sheets],
        header_row=raw.header_row,
    )
    return Dataset(
        table=cleaned.table,
        mapping=mapping,
        source=source,
        report=cleaned.report,
        notes=[*notes, *cleaned.report.notes],
        ranges=cleaned.ranges,
        join=joined,
        variants=variants,
        units=units,
        contacts=contacts,
        sheet_rows=sheet_rows,
    )


def _orders_notes(bought: orders.Orders) -> list[Msg]:
    """What was done to an orders table, in the notes the Data page shows: how it was
    grouped, then the orders left out as no purchase, if any."""
    key = "dataset.orders" if bought.order is None else "dataset.orders_merged"
    if bought.amount is not None:
        key += "_amount"
    grouped = Msg(
        key,
        {
            "lines": bought.lines,
            "customers": len(bought.accounts),
            "column": bought.customer,
            "order": bought.order or "",
            "amount": bought.amount or "",
        },
    )
    if not bought.left_out:
        return [grouped]
    return [
        grouped,
        Msg("dataset.orders_left_out", {"n": bought.left_out, "column": bought.status}),
    ]


def _units(table: pd.DataFrame, mapping: Mapping) -> dict[str, str]:
    """The currency each number column's cells are written in ("$12,000" → "$"), read from
    a sample of the raw cells before cleaning drops the marks."""
    out: dict[str, str] = {}
    for spec in mapping.of_type(FieldType.NUMBER):
        if spec.name in table.columns:
            head = table[spec.name].head(2000)
            mark = _header_unit(spec.name)
            if pd.api.types.infer_dtype(head, skipna=True) not in _NO_TEXT:
                mark = fmt.currency_of(head.tolist()) or mark
            if mark:
                out[spec.name] = mark
    return out


# What pandas calls a column none of whose cells is text: currency_of finds no mark there
# (a wide sheet's number columns, read as objects, were each walked cell by cell for none)
_NO_TEXT = frozenset(
    {"empty", "floating", "integer", "mixed-integer-float", "decimal", "complex", "boolean",
     "datetime64", "datetime", "date", "timedelta64", "timedelta", "time", "period"}
)  # fmt: skip


# "ACV ($)", "Revenue (USD)", "合同金额（元）": the header names the currency the cells omit.
# "（万元）" is left out on purpose: its cells count 万, and "16.7元" would be wrong.
_HEADER_UNIT = re.compile(
    r"[(（\[]\s*(US\$|\$|USD|€|EUR|£|GBP|¥|￥|RMB|CNY|元|人民币)\s*[)）\]]\s*$", re.I
)
_UNIT_OF = {
    "US$": "$",
    "USD": "$",
    "EUR": "€",
    "GBP": "£",
    "￥": "¥",
    "RMB": "元",
    "CNY": "元",
    "人民币": "元",
}


def _header_unit(column: str) -> str | None:
    m = _HEADER_UNIT.search(str(column))
    if m is None:
        return None
    mark = m.group(1)
    return _UNIT_OF.get(mark.upper() if mark.isascii() else mark, mark)


def _lang_of(columns: pd.Index) -> Lang:
    return "zh" if any(re.search(r"[\u3400-\u9fff]", str(c)) for c in columns) else "en"


def _find_pair(data: bytes, filename: str | None, raw, notes: list[Msg]):
    """(accounts table, deals table or None, RawTable of the accounts sheet, contacts or None).

    A contacts sheet (account, name, title/role) is set aside for the buying committee; when
    the workbook holds one, the accounts sheet is read even without a deals sheet (the
    default sheet could be the contacts)."""
    # classify() calls a table of fewer than 3 rows "other": with fewer than
    # two sheets that big there is no pair, so skip reading and classifying
    if sum(s.n_rows >= 3 for s in raw.sheets) < 2:
        return raw.df, None, raw, None
    tables = sheets.read_sheets(data, filename=filename)
    acc, deals, guesses = sheets.find_tables(tables)
    people = next((g for g in guesses if g.kind == "contacts"), None)
    contacts = tables[people.sheet] if people is not None else None
    if people is not None and people.note:
        notes.append(people.note)
    if acc is None or (deals is None and (contacts is None or raw.sheet == acc)):
        return raw.df, None, raw, contacts
    acc_raw = load.read_table(data, filename=filename, sheet=acc)
    notes[:] = list(acc_raw.notes)  # the first read's "using sheet X" no longer holds
    if people is not None and people.note:
        notes.append(people.note)
    if deals is None:
        return acc_raw.df, None, acc_raw, contacts
    notes.extend(g.note for g in guesses if g.kind in ("other", "empty") and g.note)
    notes.append(Msg("dataset.joined_sheets", {"accounts": acc, "deals": deals}))
    return acc_raw.df, tables[deals], acc_raw, contacts


def _join(
    accounts: pd.DataFrame,
    deals: pd.DataFrame,
    *,
    value_agg: str,
    notes: list[Msg],
    value: str | None = None,
) -> JoinResult | None:
    plan = join.propose_join(accounts, deals)
    if plan is None:
        notes.append(Msg("dataset.no_join_key"))
        return None
    plan.value_agg = value_agg  # type: ignore[assignment]
    if value is not None:  # an orders table's quantity × unit price, not the unit price
        plan.value = value
    try:
        result = join.join(accounts, deals, plan, lang=_lang_of(accounts.columns))
    except InputError as exc:
        notes.append(exc.msg)
        return None
    notes.extend(result.notes)
    return result


def _with_join_specs(mapping: Mapping, joined: JoinResult) -> Mapping:
    """Detected mapping, with the join's own type/role for each aggregate column.

    A role an aggregate feeds is taken away from any account column that
    the header detection also gave it (e.g. an accounts "Revenue" vs won
    deal value), so each role stays on one column.
    """
    specs = {s.name: s for s in joined.specs}
    taken = {s.role for s in joined.specs if s.role != Role.NONE}
    columns = []
    for spec in mapping.columns:
        if spec.name in specs:
            columns.append(specs[spec.name])
        elif spec.role in taken:
            columns.append(type(spec)(spec.name, spec.type, Role.NONE, spec.sep, spec.include))
        else:
            columns.append(spec)
    return Mapping(columns)


def _group_variants(
    table: pd.DataFrame, mapping: Mapping, notes: list[Msg]
) -> dict[str, dict[str, str]]:
    """Merge spelling variants ("Manufacturng" ×3 next to "Manufacturing" ×80) in place."""
    found: dict[str, dict[str, str]] = {}
    for spec in mapping.of_type(FieldType.SINGLE):
        if spec.role in (Role.NAME, Role.ID) or spec.name not in table.columns:
            continue
        groups = variants.find_groups(table[spec.name])
        if groups:
            notes.extend(variants.explain(groups, table[spec.name]))
            table[spec.name] = variants.apply_groups(table[spec.name], groups)
            found[spec.name] = groups
    return found


def _mapping_fits(mapping: Mapping, df: pd.DataFrame) -> bool:
    return [c.name for c in mapping.columns] == list(df.columns)
