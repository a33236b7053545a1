"""Where the table starts and what its columns are called; the shared finish.

Title rows above the header are skipped, a two-row header under merged cells
is joined ("Revenue / 2023"), blank rows and columns and totals rows
("Total", "合计") are dropped, and every column gets a unique name.  Used by
both the workbook and the text reader, so a sheet and its CSV export read alike.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from icp.errors import InputError
from icp.i18n import Lang, Msg, t
from icp.load.table import RawTable, SheetInfo

__all__ = [
    "SAMPLE_ROWS",
    "count_nonblank",
    "detect_header",
    "finish",
    "is_blank",
    "is_label",
    "is_subheader",
    "join_header",
]

SAMPLE_ROWS = 60  # rows looked at to find the header and score a sheet


_NUMBERISH = re.compile(r"[\s+\-−(]*[$¥€£￥]?[\s\d.,:/%\-−万亿kKmM)]*\d[\s\d.,:/%\-−万亿kKmM)]*")


def is_blank(v: Any) -> bool:
    return v is None or (v.__class__ is str and (v == "" or v.isspace())) or v != v


def is_label(v: Any) -> bool:
    """A short piece of text that could be a column name (not a number or date)."""
    if not isinstance(v, str):
        return False
    s = v.strip()
    return 0 < len(s) <= 80 and not _NUMBERISH.fullmatch(s)


def _is_year(v: Any) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float)):
        return float(v).is_integer() and 1900 <= v <= 2100
    return isinstance(v, str) and v.strip().isdigit() and 1900 <= int(v.strip()) <= 2100


def detect_header(rows: list[list[Any]]) -> int:
    """Index of the header: the first row mostly of short labels, as wide as the table.

    Title rows (a single merged title cell, "2024 客户名单", export dates) are
    narrower than the table and are skipped; so are blank rows.
    """
    fills = [sum(1 for v in r if not is_blank(v)) for r in rows[:SAMPLE_ROWS]]
    if not fills or max(fills) == 0:
        return 0
    width = max(fills)
    need = max(2 if width >= 2 else 1, math.ceil(0.5 * width))
    first = next(i for i, f in enumerate(fills) if f)
    for i, f in enumerate(fills):
        if f < need:
            continue
        labels = sum(1 for v in rows[i] if is_label(v))
        if labels >= 0.8 * f:
            return i
        # A wide row of numbers or dates: data starts here.  The header is the
        # labelled row right above it (a header with many unnamed columns), if any.
        above = [k for k in range(i) if fills[k]]
        if (
            above
            and fills[above[-1]] >= 2
            and all(is_label(v) for v in rows[above[-1]] if not is_blank(v))
        ):
            return above[-1]
        break
    return first


def is_subheader(top: Sequence[Any], sub: Sequence[Any], merges: list[tuple[int, int]]) -> bool:
    """Is ``sub`` the second row of a two-row header whose top row has merged cells?"""
    sub_cells = [(c, v) for c, v in enumerate(sub) if not is_blank(v)]
    if not sub_cells or not all(is_label(v) or _is_year(v) for _, v in sub_cells):
        return False
    top = list(top) + [None] * max(0, len(sub) - len(top))
    if any(b > a for a, b in merges) and any(a <= c <= b for a, b in merges for c, _ in sub_cells):
        return True
    # Without merge information, ask for both signs of a merged header: a top label
    # spanning several sub-labels, and a top label merged downwards (blank below it).
    spans = any(is_blank(top[c]) and _group_head(top, sub, c) is not None for c, _ in sub_cells)
    tall = any(not is_blank(v) and (c >= len(sub) or is_blank(sub[c])) for c, v in enumerate(top))
    return spans and tall


def _group_head(top: Sequence[Any], sub: Sequence[Any], c: int) -> int | None:
    """Column of the top-row label that spans column ``c`` (merged cells read blank)."""
    k = c - 1
    while k >= 0 and is_blank(top[k]):
        if k >= len(sub) or is_blank(sub[k]):
            return None
        k -= 1
    if k < 0 or k >= len(sub) or is_blank(sub[k]):
        return None
    return k


def join_header(top: Sequence[Any], sub: Sequence[Any], merges: list[tuple[int, int]]) -> list[Any]:
    """One name per column: "Revenue / 2023" under a merged "Revenue" cell."""
    width = max(len(top), len(sub))
    top = list(top) + [None] * (width - len(top))
    sub = list(sub) + [None] * (width - len(sub))
    heads = list(top)
    for a, b in merges:
        for c in range(a + 1, min(b, width - 1) + 1):
            if is_blank(heads[c]):
                heads[c] = top[a]
    for c in range(width):
        if is_blank(heads[c]) and not is_blank(sub[c]):
            k = _group_head(top, sub, c)
            if k is not None:
                heads[c] = top[k]
    out: list[Any] = []
    for hd, sb in zip(heads, sub, strict=True):
        a, b = _name(hd), _name(sb)
        out.append(f"{a} / {b}" if a and b and a != b else a or b or None)
    return out


def _name(v: Any) -> str:
    """A header cell as a column name: trimmed text, 2023.0 → "2023", dates as ISO."""
    if is_blank(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime) and v.time() == dt.time():
        return v.date().isoformat()
    if isinstance(v, (dt.date, dt.time)):
        return v.isoformat()
    return " ".join(str(v).split())


def count_nonblank(rows: Sequence[Sequence[Any]]) -> int:
    return sum(1 for r in rows if any(not is_blank(v) for v in r))


_TOTAL_WORDS = (
    "total",
    "totals",
    "sum",
    "grand total",
    "subtotal",
    "sub-total",
    "sub total",
    "合计",
    "总计",
    "小计",
    "總計",
    "合計",
    "小計",
    "总合计",
    "共计",
)


def _total_variants() -> frozenset[str]:
    out = set()
    for w in _TOTAL_WORDS:
        forms = {w, w.upper(), w.title(), w.capitalize()}
        if len(w) == 2 and not w.isascii():
            forms |= {f"{w[0]} {w[1]}", f"{w[0]}\u3000{w[1]}"}
        for f in forms:
            for suffix in ("", ":", "：", " :"):
                for pad in ("", " "):
                    out.add(f"{pad}{f}{suffix}{pad}")
    return frozenset(out)


_TOTALS = _total_variants()


def _present(df: pd.DataFrame) -> np.ndarray:
    """2-D bool: which cells hold a value (object blocks compare to None, fast)."""
    if len(df.columns) and all(dt_ is np.dtype(object) for dt_ in df.dtypes):
        return ~np.equal(df.to_numpy(dtype=object), None)
    return df.notna().to_numpy()


# "Grand Totals (300 records)", "Subtotal: West", "Total for Q3", "合计（350条）"
_TOTAL_LABEL = re.compile(
    r"^(grand |sub ?|sub-)?totals?( ?\(.*\)| ?[:：].*| for .*)$"
    r"|^(合计|总计|小计|汇总|共计|總計|合計|小計)[\s:：(（].*$"
)


def _labelled_total(col: pd.Series, few: np.ndarray) -> np.ndarray:
    """Cells of ``col`` in sparse rows (``few``) that read as a totals label with a tail."""
    hits = np.zeros(len(col), dtype=bool)
    for i in np.flatnonzero(few):
        v = col.iat[i]
        if isinstance(v, str) and _TOTAL_LABEL.match(" ".join(v.split()).casefold()):
            hits[i] = True
    return hits


def _totals_mask(df: pd.DataFrame, present: np.ndarray) -> np.ndarray:
    """Rows whose first non-empty cell (within the first three columns) says Total/合计."""
    mask = np.zeros(len(df), dtype=bool)
    left_empty = np.ones(len(df), dtype=bool)
    # a totals row fills few cells: only those rows are read with the pattern (fast on 1M rows)
    few = present.sum(axis=1) <= max(2, df.shape[1] // 2)
    for j in range(min(3, df.shape[1])):
        hits = df.iloc[:, j].isin(_TOTALS).to_numpy(dtype=bool, copy=True)
        hits |= _labelled_total(df.iloc[:, j], few & left_empty & ~hits)
        mask |= hits & left_empty
        left_empty &= ~present[:, j]
        if not left_empty.any():
            break
    return mask


_NOTE_START = re.compile(
    r"^(\*|†|©|note|notes|source|confidential|generated|copyright|printed|注|备注|说明|数据来源|来源|制表|导出)",
    re.IGNORECASE,
)


def _clip(text: str, limit: int = 60) -> str:
    """A note quotes at most ``limit`` characters of a cell."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _footer_mask(df: pd.DataFrame, present: np.ndarray) -> np.ndarray:
    """Notes below the table: trailing rows with one filled cell that reads as a
    sentence or a note ("Confidential Information - Do Not Distribute", 数据来源：CRM)."""
    mask = np.zeros(len(df), dtype=bool)
    if df.shape[1] < 3:
        return mask
    filled = present.sum(axis=1)
    for i in range(len(df) - 1, -1, -1):
        if filled[i] != 1:
            break
        v = next(x for x in df.iloc[i] if not is_blank(x))
        text = " ".join(str(v).split())
        han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
        if not (_NOTE_START.match(text) or len(text.split()) >= 4 or han >= 12):
            break
        mask[i] = True
    return mask if mask.sum() < len(df) else np.zeros(len(df), dtype=bool)


def _dropped_note(key: str, df: pd.DataFrame, drop: np.ndarray) -> Msg:
    """Say how many rows were dropped and quote the first ("Total" on row 328)."""
    first = int(np.flatnonzero(drop)[0])
    label = next(v for v in df.iloc[first] if not is_blank(v))
    return Msg(
        key, {"n": int(drop.sum()), "label": _clip(str(label)), "row": int(df.index[first]) + 1}
    )


def finish(
    df: pd.DataFrame,
    header: list[Any],
    *,
    kind: str,
    sheet: str | None,
    sheets: list[SheetInfo],
    header_row: int,
    header_rows: int,
    col_offset: int,
    notes: list[Msg],
    title_rows: int,
    lang: Lang,
) -> tuple[RawTable, dict[str, int]]:
    """Apply the header, drop blank rows/columns and totals rows, name every column.

    Also returns the named columns that hold no value at all (name → grid
    column), so the workbook reader can explain them (formulas without results).
    """
    width = max(len(header), df.shape[1])
    header = list(header) + [None] * (width - len(header))
    for c in range(df.shape[1], width):
        df[c] = pd.Series([None] * len(df), index=df.index, dtype=object)
    names = [_name(v) for v in header]
    present = _present(df)
    rows = present.any(axis=1)
    if not rows.all():
        df, present = df[rows], present[rows]
    has_data = present.any(axis=0)
    keep = [c for c in range(width) if names[c] or has_data[c]]
    if not keep:
        raise InputError("load.no_columns")
    if len(keep) < width:
        df, present = df[keep], present[:, keep]
    names = [names[c] for c in keep]
    if title_rows:
        notes.append(Msg("load.note.title_rows", {"n": title_rows, "row": header_row + 1}))
    if header_rows == 2:
        example = next((n for n in names if " / " in n), names[0])
        notes.append(
            Msg(
                "load.note.two_row_header",
                {"row": header_row + 1, "row2": header_row + 2, "example": example},
            )
        )
    for key, find in (("load.note.footer", _footer_mask), ("load.note.totals", _totals_mask)):
        drop = find(df, present) if len(df) else np.zeros(0, dtype=bool)
        if drop.any():
            notes.append(_dropped_note(key, df, drop))
            df, present = df[~drop], present[~drop]
    final, unnamed, renamed = _unique_names(names, keep, col_offset, lang)
    if unnamed:
        notes.append(Msg("load.note.unnamed", {"n": len(unnamed), "names": ", ".join(unnamed)}))
    if renamed:
        notes.append(Msg("load.note.duplicates", {"names": ", ".join(renamed)}))
    if len(df) == 0:
        shown = ", ".join(n for n in final[:8]) + (" …" if len(final) > 8 else "")
        raise InputError("load.header_only", columns=shown)
    empty = {n: c for n, c, d in zip(final, keep, has_data[keep], strict=True) if not d}
    df.columns = final
    sheet_rows = df.index.to_numpy(dtype=np.int64) + 1
    df = df.reset_index(drop=True)
    raw = RawTable(
        df=df,
        kind=kind,
        sheet=sheet,
        sheets=sheets,
        header_row=header_row,
        header_rows=header_rows,
        notes=notes,
        rows=sheet_rows,
    )
    return raw, empty


def _unique_names(
    names: list[str], cols: list[int], col_offset: int, lang: Lang
) -> tuple[list[str], list[str], list[str]]:
    """Fill empty names ("Column 5") and de-duplicate ("Name", "Name (2)")."""
    unnamed: list[str] = []
    filled = []
    for n, c in zip(names, cols, strict=True):
        if not n:
            n = t("load.unnamed_column", lang, n=col_offset + c + 1)
            unnamed.append(n)
        filled.append(n)
    taken = {n.casefold() for n in filled}
    seen: dict[str, int] = {}
    out, renamed = [], []
    for n in filled:
        key = n.casefold()
        if key not in seen:
            seen[key] = 1
            out.append(n)
            continue
        k = seen[key]
        while True:
            k += 1
            cand = f"{n} ({k})"
            if cand.casefold() not in taken:
                break
        seen[key] = k
        taken.add(cand.casefold())
        out.append(cand)
        renamed.append(cand)
    return out, unnamed, renamed
