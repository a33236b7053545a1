"""Trait counting over distinct cells gives what counting row by row gives.

``icp.traits`` counts how many best / rest customers hold each value from
each column's distinct cells (a 1M-row list has a few thousand), not from
every (row, value) pair.  These tests count the plain way, one row at a
time, and compare: the values, their order (first appearance), their
counts and the rows that hold them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from icp import text, traits
from icp.schema import ColumnSpec, FieldType, Mapping


def _plain(table: pd.DataFrame, mapping: Mapping) -> tuple[list[tuple], list[set[int]]]:
    """(column, kind, value) per value in first-appearance order, and the rows holding each.

    A value is numbered per mapped column; a column mapped twice still gives a row a
    (column, value) once, to the first mapping that reads it.
    """
    keys: dict[tuple, int] = {}
    meta: list[tuple] = []
    rows: list[set[int]] = []
    taken: set[tuple] = set()
    read: dict[tuple, tuple[list[str], str]] = {}  # one cell's reading, kept per equal cell

    def values(spec: ColumnSpec, v: object) -> tuple[list[str], str]:
        if spec.type in (FieldType.SINGLE, FieldType.BAND):
            s = str(pd.Series([v]).astype("string").str.strip().iloc[0])
            return ([s] if s else []), "single"
        if spec.type == FieldType.MULTI:
            tags = traits._tags(pd.Series([v], dtype=object), spec.sep).iloc[0]
            return [str(x) for x in tags], "multi"
        return text.tokenize(v), "text"

    for index, spec in enumerate(mapping.columns):
        for i, v in enumerate(table[spec.name].tolist()):
            if spec.type in (FieldType.SINGLE, FieldType.BAND) and (
                v is None or (isinstance(v, float) and np.isnan(v))
            ):
                continue
            cell = (spec.type, spec.sep, type(v), v)
            if cell not in read:
                read[cell] = values(spec, v)
            vals, kind = read[cell]
            for w in vals:
                k = keys.setdefault((index, w), len(keys))
                if k == len(rows):
                    rows.append(set())
                    meta.append((spec.name, kind, w))
                if (i, spec.name, w) not in taken:
                    taken.add((i, spec.name, w))
                    rows[k].add(i)
    return meta, rows


def _table(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    pick = lambda opts: [opts[i] for i in rng.integers(0, len(opts), n)]  # noqa: E731
    return pd.DataFrame(
        {
            "Industry": pd.Series(
                pick(["SaaS", " SaaS ", "制造业", None, "Retail", "", "教育"]), dtype="str"
            ),
            "Tier": pd.Series(pick([1, 1.0, "1", "A", None, 2]), dtype=object),
            "Tags": pd.Series(
                pick(["ERP;CRM", "CRM", "BI;ERP;云", None, "CRM;CRM", ""]), dtype="str"
            ),
            "Notes": pd.Series(
                pick(["需要ERP系统 价格敏感", "对国厦设备满意", "looking for automation", None,
                      "售后 响应快 ERP", "公司12号 需要 automation"]),
                dtype="str",
            ),
        }
    )  # fmt: skip


MAPPINGS = {
    "plain": Mapping(
        [
            ColumnSpec("Industry", FieldType.SINGLE),
            ColumnSpec("Tier", FieldType.SINGLE),
            ColumnSpec("Tags", FieldType.MULTI, sep=";"),
            ColumnSpec("Notes", FieldType.TEXT),
        ]
    ),
    "mapped twice": Mapping(
        [ColumnSpec("Notes", FieldType.TEXT), ColumnSpec("Notes", FieldType.MULTI, sep=" ")]
    ),
}


@pytest.fixture(autouse=True)
def _no_learning(monkeypatch):
    """jieba's vocabulary is per process: what these tables would teach it ("价格敏感" from
    notes read as tags) must not change how other test files' text is cut."""
    monkeypatch.setattr(traits, "learn_vocabulary", lambda values: False)


@pytest.mark.parametrize("name", list(MAPPINGS))
@pytest.mark.parametrize("n", [1, 40, 3000])
def test_distinct_cell_counts_equal_row_by_row(name, n):
    table = _table(n, seed=n)
    mapping = MAPPINGS[name]
    pairs = traits._pairs(table, mapping)
    meta, holders = _plain(table, mapping)
    got = list(zip(pairs.column.tolist(), pairs.kind.tolist(), pairs.value.tolist(), strict=True))
    assert got == meta
    rng = np.random.default_rng(0)
    for _ in range(3):
        mask = rng.random(n) < 0.3
        want = [int(mask[sorted(r)].sum()) if r else 0 for r in holders]
        assert pairs.count(mask).tolist() == want
    held = pairs.rows_of(np.arange(len(got)))
    assert [set(held.get(k, np.empty(0)).tolist()) for k in range(len(got))] == holders


def test_categorical_traits_on_a_list_where_cells_repeat():
    """The public result on a table whose 2,000 rows share a few dozen distinct cells."""
    n = 2000
    table = _table(n, seed=5)
    best = pd.Series(np.arange(n) % 5 == 0)
    table.loc[best.to_numpy(), "Tags"] = "ERP;CRM"
    found, _, keywords = traits.categorical_traits(table, MAPPINGS["plain"], best, ~best)
    erp = next(t for t in found if (t.column, t.value) == ("Tags", "ERP"))
    holds = table["Tags"].fillna("").str.split(";").map(lambda v: "ERP" in v)
    assert (erp.best_count, erp.rest_count) == (int(holds[best].sum()), int(holds[~best].sum()))
    counts = keywords["Notes"].set_index("word")
    plain = table["Notes"].map(lambda v: "erp" in text.tokenize(v))
    assert counts.loc["erp", "best_count"] == int(plain[best].sum())
    assert counts.loc["erp", "rest_count"] == int(plain[~best].sum())
