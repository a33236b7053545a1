"""One loaded, cleaned, mapped customer table — what every page analyses.

``open_dataset`` is the single intake entry point used by the app, the CLI
and the benchmarks: load (``icp.load``) → detect mapping (``icp.schema``) →
clean (``icp.clean``).  Pass a saved ``mapping`` to skip detection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from icp.i18n import Msg
from icp.schema import Mapping

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

    @property
    def name_column(self) -> str | None:
        from icp.schema import Role

        return self.mapping.col(Role.NAME)

    def names(self) -> pd.Series:
        """A display name per row: the name column, else "#<row number>"."""
        col = self.name_column
        fallback = pd.Series([f"#{i + 1}" for i in range(len(self.table))], index=self.table.index)
        if col is None:
            return fallback
        return self.table[col].where(self.table[col].notna(), fallback).astype(str)


def open_dataset(
    src: str | Path | BinaryIO | bytes,
    *,
    filename: str | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
    mapping: Mapping | None = None,
) -> Dataset:
    """Read ``src`` into a Dataset, raising ``InputError`` for unusable input."""
    from icp import clean, load, schema

    raw = load.read_table(src, filename=filename, sheet=sheet, header_row=header_row)
    if mapping is None or not _mapping_fits(mapping, raw.df):
        mapping = schema.detect_mapping(raw.df)
    cleaned = clean.clean(raw.df, mapping)
    source = Source(
        filename=filename or (str(src) if isinstance(src, (str, Path)) else None),
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
        notes=[*raw.notes, *cleaned.report.notes],
        ranges=cleaned.ranges,
    )


def _mapping_fits(mapping: Mapping, df: pd.DataFrame) -> bool:
    return [c.name for c in mapping.columns] == list(df.columns)
