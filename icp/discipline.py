"""Sales data discipline per rep (seed 003): who leaves the key fields empty.

A portrait is only as good as what the sales team records.  When the list
has an owner / sales-rep column (found by its header: 销售 / 负责人 / 跟进人 /
业务员 / owner / sales rep / account manager …), each rep gets the share of
their customers with each key field filled in — the fields the profile
rests on: the ICP traits' columns, then the industry, size, contact title,
previous-solution, region and channel columns — plus their won rate and,
when the data counts follow-ups, the median number of follow-ups.
"""

from __future__ import annotations

import re

import pandas as pd

from icp.dataset import Dataset
from icp.model import Analysis
from icp.schema import FieldType, Role
from icp.won import won_flags

__all__ = ["Discipline", "discipline", "owner_column"]

_OWNER = re.compile(
    r"销售(?!额|周期|阶段|金额|收入)|负责人|跟进人|业务员|客户经理|归属人|所属销售|owner|sales\s*rep|"
    r"account\s*(manager|owner|executive)|\brep\b|assigned\s*to",
    re.IGNORECASE,
)
_FOLLOW_UPS = re.compile(
    r"跟进次数|拜访次数|联系次数|沟通次数|follow[\s-]*ups?|touches|calls|visits", re.I
)
_KEY_ROLES = (
    Role.INDUSTRY,
    Role.EMPLOYEES,
    Role.CONTACT_TITLE,
    Role.PREVIOUS,
    Role.REGION,
    Role.CHANNEL,
)


def owner_column(dataset: Dataset) -> str | None:
    """The rep / owner column: the owner role (``icp.schema`` reads 负责人, Deal owner …), or
    a header that says so, holding 2–100 distinct names."""
    specs = [
        s
        for s in dataset.mapping.columns
        if s.include
        and s.name in dataset.table.columns
        and s.type in (FieldType.SINGLE, FieldType.TEXT)
        and (s.role == Role.OWNER or (s.role == Role.NONE and _OWNER.search(s.name)))
    ]
    specs.sort(key=lambda s: s.role != Role.OWNER)  # the owner role first
    for spec in specs:
        if 2 <= dataset.table[spec.name].nunique() <= 100:
            return spec.name
    return None


def _key_fields(dataset: Dataset, analysis: Analysis, owner: str, limit: int = 10) -> list[str]:
    cols = [tr.column for tr in [*analysis.traits, *analysis.warning_traits]]
    cols += [nt.column for nt in analysis.numeric if nt.role in (Role.NONE, Role.EMPLOYEES)]
    cols += [c for r in _KEY_ROLES if (c := dataset.mapping.col(r)) is not None]
    cols += [  # then the profile's own fields (注册资金, 设备使用寿命 …)
        c.name
        for c in dataset.mapping.columns
        if c.include
        and c.role == Role.NONE
        and c.type != FieldType.TEXT
        and c.type != FieldType.DATE
        and not _FOLLOW_UPS.search(c.name)
    ]
    keep = [c for c in dict.fromkeys(cols) if c in dataset.table.columns and c != owner]
    return keep[:limit]


class Discipline:
    """Per rep: customers, share of each key field filled in, overall fill, won rate, follow-ups."""

    def __init__(self, owner: str, table: pd.DataFrame, fields: list[str]) -> None:
        self.owner = owner
        self.table = table  # index = rep; customers, <field>..., filled, won_rate?, follow_ups?
        self.fields = fields

    def gaps(self, *, below: float = 0.8) -> list[tuple[str, str, int, int]]:
        """(rep, field, empty, customers) wherever a rep fills a key field less than ``below``."""
        out = []
        for rep, row in self.table.iterrows():
            n = int(row["customers"])
            for f in self.fields:
                if row[f] < below:
                    out.append((str(rep), f, round(n * (1 - row[f])), n))
        return sorted(out, key=lambda g: (-g[2], g[0], g[1]))


def discipline(dataset: Dataset, analysis: Analysis) -> Discipline | None:
    """The per-rep completeness table, or None without an owner column."""
    owner = owner_column(dataset)
    if owner is None:
        return None
    table = dataset.table
    fields = _key_fields(dataset, analysis, owner)
    reps = table[owner].astype("string").str.strip().fillna("∅")
    filled = pd.DataFrame(
        {f: table[f].notna() & (table[f].astype("string").str.strip() != "") for f in fields},
        index=table.index,
    ).fillna(False)
    out = filled.groupby(reps).mean()
    out.insert(0, "customers", reps.value_counts())
    out["filled"] = filled.mean(axis=1).groupby(reps).mean() if fields else 1.0
    won = won_flags(dataset, analysis.won)
    if won is not None:
        known = won.notna().astype(bool)
        out["won_rate"] = (
            won.fillna(False).astype(float)[known].groupby(reps[known]).mean().reindex(out.index)
        )
    for spec in dataset.mapping.of_type(FieldType.NUMBER):
        if _FOLLOW_UPS.search(spec.name) and spec.name in table.columns:
            x = pd.to_numeric(table[spec.name], errors="coerce")
            out["follow_ups"] = x.groupby(reps).median()
            break
    return Discipline(owner, out.sort_values("filled"), fields)
