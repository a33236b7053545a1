"""Lifecycle stages (seed 004): new lead, in follow-up, won / maintain, silent → reactivate, lost.

Derived from the data where it allows: the outcome column says won, lost
or still open; for the open ones a "last contact" date (a column whose
header says so), else the created date, says how long ago anything happened,
measured against the latest date in the data (the "as of" day — an export
is read as of when it was made, not as of today).  The two thresholds are
the user's: a lead is *new* for ``new_days``, and *silent* after
``silent_days`` without activity.  Each stage comes with its count, its
share of customers and of value, and a suggested action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from icp.dataset import Dataset
from icp.schema import FieldType, Role
from icp.won import won_flags

__all__ = ["STAGES", "STORE_KEY", "Rules", "Stages", "stages"]

STAGES: tuple[str, ...] = ("new", "follow", "won", "silent", "lost")
STORE_KEY = "portraits.lifecycle"
_LAST = re.compile(
    r"最近联系|最后联系|最近跟进|最后跟进|上次联系|最近沟通|最后沟通|最近活动|last\s*(contact|activity|touch)"
    r"|last\s*contacted|last\s*follow",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Rules:
    new_days: int = 30
    silent_days: int = 90

    def to_dict(self) -> dict[str, Any]:
        return {"new_days": self.new_days, "silent_days": self.silent_days}

    @classmethod
    def from_dict(cls, d: Any) -> Rules:
        d = d if isinstance(d, dict) else {}
        new = int(d.get("new_days", 30) or 30)
        silent = int(d.get("silent_days", 90) or 90)
        return cls(max(1, new), max(1, silent))


@dataclass
class Stages:
    """One stage per row, and the per-stage summary."""

    stage: pd.Series  # stage key per row, aligned to dataset.table
    table: pd.DataFrame  # index = stage (only those present): customers, share, value, value_share
    as_of: pd.Timestamp | None
    date_column: str | None  # what "activity" was read from
    outcome_column: str | None


def _last_activity(dataset: Dataset) -> tuple[pd.Series | None, str | None]:
    table = dataset.table
    for spec in dataset.mapping.of_type(FieldType.DATE):
        if spec.name in table.columns and _LAST.search(spec.name):
            return pd.to_datetime(table[spec.name], errors="coerce"), spec.name
    col = dataset.mapping.col(Role.CREATED)
    if col is not None and col in table.columns:
        return pd.to_datetime(table[col], errors="coerce"), col
    return None, None


def stages(dataset: Dataset, rules: Rules | None = None, *, won: pd.Series | None = None) -> Stages:
    """The lifecycle stage of every customer, and counts and value shares per stage.

    ``won`` is ``Analysis.won`` (the user's good values; else the header decides)."""
    rules = rules or Rules()
    table = dataset.table
    index = table.index
    out = pd.Series("follow", index=index, dtype=object)
    outcome_col = dataset.mapping.col(Role.OUTCOME)
    open_rows = pd.Series(True, index=index)
    flags = won_flags(dataset, won)
    if flags is not None:
        out[flags.fillna(False).astype(bool)] = "won"
        out[(~flags.fillna(True)).astype(bool)] = "lost"
        open_rows = flags.isna().astype(bool)
    last, date_col = _last_activity(dataset)
    as_of = None
    if last is not None and last.notna().any():
        dates = [last.max()]
        closed = dataset.mapping.col(Role.CLOSED)
        if closed is not None and closed in table.columns:
            dates.append(pd.to_datetime(table[closed], errors="coerce").max())
        as_of = max(d for d in dates if pd.notna(d))
        age = (as_of - last).dt.days
        created_col = dataset.mapping.col(Role.CREATED)
        created = (
            pd.to_datetime(table[created_col], errors="coerce")
            if created_col is not None and created_col in table.columns
            else last
        )
        fresh = ((as_of - created).dt.days <= rules.new_days).fillna(False)
        silent = (age > rules.silent_days).fillna(False)
        out[open_rows & fresh] = "new"
        out[open_rows & ~fresh & silent] = "silent"
    value_col = dataset.mapping.col(Role.VALUE)
    value = (
        pd.to_numeric(table[value_col], errors="coerce").fillna(0.0)
        if value_col is not None and value_col in table.columns
        else None
    )
    rows = []
    total_value = float(value.sum()) if value is not None else 0.0
    for key in STAGES:
        hit = (out == key).to_numpy()
        if not hit.any():
            continue
        v = float(value[hit].sum()) if value is not None else np.nan
        rows.append(
            {
                "stage": key,
                "customers": int(hit.sum()),
                "share": float(hit.mean()),
                "value": v,
                "value_share": v / total_value if total_value > 0 else np.nan,
            }
        )
    summary = pd.DataFrame(rows, columns=["stage", "customers", "share", "value", "value_share"])
    return Stages(out, summary.set_index("stage"), as_of, date_col, outcome_col)
