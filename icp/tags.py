"""Rule tags: a name for a group of customers defined by conditions on columns.

Seed 000's 规则类标签 and seed 004's customer tags: "重点跟踪 = 注册资金 ≥ 500万
and 联系人身份 in {企业法人, 股东}".  A tag is stored in the workspace as plain
JSON (``dump``/``load``), counted on the customers and on a prospect list,
used as a filter on any page and written as one "Tags" column into the
customer and prospect exports.  Which rows carry a tag is always recomputed
from its rule — nothing derived is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from icp.dataset import Dataset
from icp.groups import Rule, mask, rule_columns

__all__ = [
    "STORE_KEY",
    "Tag",
    "counts",
    "dump",
    "load",
    "missing_columns",
    "tag_column",
    "tag_masks",
]

STORE_KEY = "portraits.tags"  # workspace value holding the tags (see notes/store-contract.md)
MAX_NAME = 60


@dataclass(frozen=True)
class Tag:
    name: str
    rule: Rule

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "rule": self.rule.to_dict()}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Tag:
        return cls(str(d.get("name", "")).strip()[:MAX_NAME], Rule.from_dict(d.get("rule")))


def load(items: Any) -> list[Tag]:
    """Tags from their stored JSON; malformed entries and duplicate names are dropped."""
    out: dict[str, Tag] = {}
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, dict):
            continue
        try:
            tag = Tag.from_dict(item)
        except (KeyError, TypeError, ValueError):
            continue
        if tag.name and tag.name not in out:
            out[tag.name] = tag
    return list(out.values())


def dump(tags: Sequence[Tag]) -> list[dict[str, Any]]:
    return [tag.to_dict() for tag in tags]


def missing_columns(dataset: Dataset, tag: Tag) -> list[str]:
    """Columns the tag reads that ``dataset`` lacks (a prospect list often has fewer)."""
    return [c for c in rule_columns(tag.rule) if c not in dataset.table.columns]


def tag_masks(dataset: Dataset, tags: Sequence[Tag]) -> dict[str, pd.Series]:
    """Tag name → which rows carry it (a tag missing a column is carried by nobody)."""
    return {tag.name: mask(dataset, tag.rule) for tag in tags}


def tag_column(dataset: Dataset, tags: Sequence[Tag], *, sep: str = ", ") -> pd.Series:
    """One text cell per row listing its tags, in tag order ("" for none) — for the exports."""
    index = dataset.table.index
    parts = [rows.to_numpy(dtype=bool) for rows in tag_masks(dataset, tags).values()]
    if not parts:
        return pd.Series("", index=index, dtype=object)
    names = [tag.name for tag in tags]
    held = np.stack(parts, axis=1)
    return pd.Series(
        [sep.join(n for n, h in zip(names, row, strict=True) if h) for row in held],
        index=index,
        dtype=object,
    )


def counts(
    customers: Dataset, tags: Sequence[Tag], prospects: Dataset | None = None
) -> pd.DataFrame:
    """Per tag: customers carrying it, and prospects carrying it (None where not computable).

    A prospect list without one of the tag's columns cannot be tagged; its
    count is None rather than a misleading 0.
    """
    rows = []
    for tag in tags:
        n_p: int | None = None
        if prospects is not None and not missing_columns(prospects, tag):
            n_p = int(mask(prospects, tag.rule).sum())
        rows.append(
            {
                "tag": tag.name,
                "customers": int(mask(customers, tag.rule).sum()),
                "prospects": n_p,
                "rule": tag.rule,
            }
        )
    return pd.DataFrame(rows, columns=["tag", "customers", "prospects", "rule"])
