"""What every reader in ``icp.load`` returns: the raw table and the sheets it came from.

Kept apart from the readers so the workbook, text and header modules can all
build these without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from icp.i18n import Msg

__all__ = ["RawTable", "SheetInfo"]


@dataclass
class SheetInfo:
    """One sheet of a workbook and how much it looks like a customer table."""

    name: str
    n_rows: int
    n_cols: int
    score: float  # higher = more like a customer table


@dataclass
class RawTable:
    """A table as read from the file, before any typing or cleaning.

    ``df`` has the header applied (unique ``str`` column names) and blank
    rows/columns and totals rows removed.  Workbook columns are ``object``
    dtype holding str/float/int/bool/date/datetime or ``None`` (a long .xlsx
    sheet read fast: its all-text columns are pandas' ``str``); text-file
    columns are pandas' ``str`` dtype with NaN for empty fields.
    """

    df: pd.DataFrame
    kind: str  # "xlsx" | "xls" | "ods" | "csv"  (xlsm counts as xlsx)
    sheet: str | None
    sheets: list[SheetInfo]
    header_row: int  # 0-based index of the first header row in the sheet grid
    header_rows: int  # 1, or 2 for a joined two-row header
    notes: list[Msg] = field(default_factory=list)
    # the sheet row (1-based, as the spreadsheet numbers it) of each row of ``df``:
    # a customer without a name is called by the row the founder can find it on
    rows: np.ndarray | None = None


# --------------------------------------------------------------------------- #
# public API
