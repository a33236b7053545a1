"""Competitors (seed 000's 打击竞品): who is still on each rival, against who you won.

When the data has a previous-solution / current-vendor column, every
competitor named often enough gets a group: the customers still on it (not
won).  Each group is compared with your won customers (the best, without an
outcome column) column by column; the values whose shares differ most are
its top differences, each with counts, and one positioning sentence sums it
up: "Your won customers are mostly 生产型 (36 of 99); customers still on
施耐德 are mostly 贸易型 (12 of 30)."  These are descriptions of two groups,
not tested findings; thin groups are left out.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from icp.dataset import Dataset
from icp.i18n import Lang, t
from icp.model import Analysis
from icp.parse import split_tags
from icp.schema import NOT_TRAIT_ROLES, FieldType, Role
from icp.sections import Section
from icp.won import won_flags

__all__ = ["MIN_CUSTOMERS", "Competitor", "Difference", "competitors", "sections", "won_group"]

MIN_CUSTOMERS = 5  # customers still on a competitor before it gets its own view
_SKIP = NOT_TRAIT_ROLES | {Role.PREVIOUS, Role.NOTES}


@dataclass
class Difference:
    """One column where the competitor's customers and your won customers differ most."""

    column: str
    value: str  # the value whose share differs most
    comp_count: int
    comp_n: int
    won_count: int
    won_n: int
    comp_mode: str  # the most common value among the competitor's customers
    comp_mode_count: int
    won_mode: str  # … among your won customers
    won_mode_count: int

    @property
    def gap(self) -> float:
        return abs(self.comp_count / self.comp_n - self.won_count / self.won_n)


@dataclass
class Competitor:
    name: str
    n: int  # customers still on it (not won)
    won_n: int
    differences: list[Difference]

    def sentence(self, lang: Lang) -> str:
        """One line of positioning from the largest difference."""
        if not self.differences:
            return t("comp.sentence.none", lang, competitor=self.name)
        d = self.differences[0]
        if d.comp_mode != d.won_mode:
            # "mostly" only for a majority on both sides; 29 of 100 is just the most common
            majority = 2 * d.won_mode_count > d.won_n and 2 * d.comp_mode_count > d.comp_n
            return t(
                "comp.sentence.mostly" if majority else "comp.sentence.most_common",
                lang,
                column=d.column,
                won_value=d.won_mode,
                won_count=d.won_mode_count,
                won_n=d.won_n,
                competitor=self.name,
                comp_value=d.comp_mode,
                comp_count=d.comp_mode_count,
                comp_n=d.comp_n,
            )
        return t(
            "comp.sentence.more_often",
            lang,
            column=d.column,
            value=d.value,
            competitor=self.name,
            comp_pct=round(100 * d.comp_count / d.comp_n),
            won_pct=round(100 * d.won_count / d.won_n),
            comp_count=d.comp_count,
            comp_n=d.comp_n,
            won_count=d.won_count,
            won_n=d.won_n,
        )

    def table(self, lang: Lang) -> pd.DataFrame:
        return pd.DataFrame(
            {
                t("comp.col.column", lang): [d.column for d in self.differences],
                t("comp.col.value", lang): [d.value for d in self.differences],
                t("comp.col.comp", lang, competitor=self.name): [
                    f"{d.comp_count}/{d.comp_n} ({round(100 * d.comp_count / d.comp_n)}%)"
                    for d in self.differences
                ],
                t("comp.col.won", lang): [
                    f"{d.won_count}/{d.won_n} ({round(100 * d.won_count / d.won_n)}%)"
                    for d in self.differences
                ],
            }
        )


def won_group(dataset: Dataset, analysis: Analysis) -> pd.Series:
    """Your won customers (outcome column), else the best set."""
    flags = won_flags(dataset, analysis.won)
    if flags is not None:
        won = flags.fillna(False).astype(bool)
        if won.any():
            return won
    return analysis.best_mask.reindex(dataset.table.index, fill_value=False).astype(bool)


def _value_rows(dataset: Dataset) -> dict[str, pd.Series]:
    """Column → per-row list of values (tags for a multi-select column)."""
    out: dict[str, pd.Series] = {}
    for spec in dataset.mapping.of_type(FieldType.SINGLE, FieldType.BAND, FieldType.MULTI):
        if spec.role in _SKIP or spec.name not in dataset.table.columns:
            continue
        s = dataset.table[spec.name]
        if spec.type == FieldType.MULTI and spec.sep:
            out[spec.name] = split_tags(s, spec.sep)
        else:
            text = s.astype("string").str.strip()
            out[spec.name] = text.map(lambda v: [] if pd.isna(v) or not v else [str(v)])
    return out


def _counts(lists: pd.Series, rows: np.ndarray) -> pd.Series:
    exploded = lists[rows].explode().dropna()
    return exploded.value_counts()


def _difference(column: str, lists: pd.Series, comp: np.ndarray, won: np.ndarray) -> Difference:
    c, w = _counts(lists, comp), _counts(lists, won)
    n_c, n_w = int(comp.sum()), int(won.sum())
    values = sorted(set(c.index) | set(w.index))
    best, best_gap = None, -1.0
    for v in values:
        kc, kw = int(c.get(v, 0)), int(w.get(v, 0))
        if max(kc, kw) < 2:
            continue
        gap = abs(kc / n_c - kw / n_w)
        if gap > best_gap:
            best, best_gap = v, gap
    best = best if best is not None else (values[0] if values else "")
    c_mode = max(values, key=lambda v: (int(c.get(v, 0)), v)) if len(c) else ""
    w_mode = max(values, key=lambda v: (int(w.get(v, 0)), v)) if len(w) else ""
    return Difference(
        column=column,
        value=str(best),
        comp_count=int(c.get(best, 0)),
        comp_n=n_c,
        won_count=int(w.get(best, 0)),
        won_n=n_w,
        comp_mode=str(c_mode),
        comp_mode_count=int(c.get(c_mode, 0)),
        won_mode=str(w_mode),
        won_mode_count=int(w.get(w_mode, 0)),
    )


def competitors(
    dataset: Dataset, analysis: Analysis, *, top: int = 3, min_customers: int = MIN_CUSTOMERS
) -> tuple[str, list[Competitor]] | None:
    """(vendor column, one ``Competitor`` per rival) — None without a vendor column or won group.

    Rivals are ordered by how many customers are still on them.
    """
    col = dataset.mapping.col(Role.PREVIOUS)
    if col is None or col not in dataset.table.columns:
        return None
    won = won_group(dataset, analysis).to_numpy(dtype=bool)
    if not won.any():
        return None
    vendor = dataset.table[col].astype("string").str.strip()
    lists = _value_rows(dataset)
    out: list[Competitor] = []
    for name, n in vendor[~won].value_counts().items():
        if n < min_customers or not str(name):
            continue
        comp = (vendor == name).fillna(False).to_numpy(dtype=bool) & ~won
        diffs = [_difference(c, s, comp, won) for c, s in lists.items()]
        diffs = sorted((d for d in diffs if d.value), key=lambda d: -d.gap)[:top]
        out.append(Competitor(str(name), int(comp.sum()), int(won.sum()), diffs))
    return col, out


def sections(column: str, rivals: list[Competitor], lang: Lang) -> list[Section]:
    """The competitor view as report sections."""
    sec = Section(t("comp.title", lang))
    sec.add("note", t("comp.intro", lang, column=column))
    for c in rivals:
        sec.add("h2", t("comp.heading", lang, competitor=c.name, n=c.n))
        sec.add("para", c.sentence(lang))
        if c.differences:
            sec.add("table", table=c.table(lang))
    return [sec]
