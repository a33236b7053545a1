"""Best-vs-rest commonalities: what the best customers share that the rest do not.

Every categorical value (single-select value, multi-select tag, free-text
keyword as ``icp.text.tokenize`` reads it) becomes a yes/no trait, counted
among the best and among the rest.  Statistics per trait: shares, a
smoothed lift, a Wilson interval for the best share, and a one-sided Fisher
exact p-value (computed as the hypergeometric tail, which is exactly
Fisher's one-sided test, vectorised).

A trait is reported as a *finding* only when all of these hold:

* at least ``max(2, 20% of the best)`` best customers have it — one customer
  is an anecdote, never a pattern;
* it survives Holm's step-down correction (family-wise error) at ``alpha``
  over every value that could be significant (Tarone's filter drops the
  rest; chosen values and free-text keywords are separate families), so
  columns of pure noise do not produce findings (``method="bh"`` switches
  to Benjamini–Hochberg; nothing in the product uses it);
* the lower Wilson bound of its best share is above its rest share (the
  effect is clear even at the pessimistic end) — this is also the
  ``strength`` it is ranked by, which discounts small counts.

Warning traits are the mirror image (over-represented among the rest / the
lost): the upper Wilson bound of the best share is below the rest share.

Numeric columns (``numeric_traits``) get medians, a separation score (AUC
from the Mann–Whitney U statistic: 0.5 = no difference, 1 = best always
higher) and a searched band: every band between round-number edges is
scored by best share minus rest share, and its p-value is the share of
1,000 random relabellings that find a band as strong.  The columns are one
family: Holm's correction at 5% over each column's smallest p-value (× 3 for
its three tests).  A passing column is a sweet spot ("band": ≥ 30 points more
of the best, the rest's share at most half the best's), else a shift
("higher"/"lower", said with both medians), else a warning band.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from icp.bands import MIN_BAND_GAIN, Band, band_search, cut_column, nice_range
from icp.lazy import lazy_module
from icp.model import NumericTrait, Trait
from icp.parse import factorized, split_tags
from icp.pvalues import hypergeom_cdf, hypergeom_sf, mannwhitneyu
from icp.schema import NOT_TRAIT_ROLES, SEPARATORS, ColumnSpec, FieldType, Mapping
from icp.text import blank_numbers, learn_vocabulary, table_vocabulary, tokenize, tokens

__all__ = [
    "after_outcome",
    "blank_text",
    "categorical_traits",
    "keyword_table",
    "leads",
    "nice_range",
    "numeric_traits",
    "wilson",
]

# only the Benjamini-Hochberg option needs scipy.stats; Fisher and Mann-Whitney
# come from icp.pvalues (same numbers, a fraction of the import time)
stats = lazy_module("scipy.stats")  # lazy: startup speed

_Z = 1.959963984540054  # 95% two-sided


def _distinct(
    col: pd.Series, key: str = "", shared: dict | None = None
) -> tuple[np.ndarray, pd.Series, bool]:
    """(code per row, -1 for missing; the distinct cells; whether they are all text).

    A column of text is factorised (Arrow does it in C); any other column
    keeps one "distinct cell" per row, so that values such as 1 and 1.0,
    which hash alike, are still read apart exactly as before.  ``shared``: the run's
    factorised columns by ``key`` (``icp.parse.factorized``).
    """
    if isinstance(col.dtype, pd.StringDtype) or pd.api.types.infer_dtype(col, skipna=True) in (
        "string",
        "empty",
    ):
        codes, uniq = factorized(col, key, shared) if key else pd.factorize(col)
        return codes, pd.Series(uniq, dtype=col.dtype), True
    return np.arange(len(col)), col.reset_index(drop=True), False


def _text_lists(
    col: pd.Series, spec: ColumnSpec, shared: dict | None = None
) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """(distinct-cell code per row, -1 for missing; the tags/keywords of each distinct cell).

    Each distinct cell is split or tokenised once, however many rows hold it.
    """
    blanked = (shared or {}).get(("blanked", spec.name))
    if blanked is None and _blank_rows_first(col, spec):
        blanked = _blanked(col)
    if blanked is not None:
        codes, norm = blanked
        return codes, [tokens(v) if v.strip() else () for v in norm]
    codes, uniq, text = _distinct(col, spec.name, shared)
    if spec.type == FieldType.MULTI:
        return codes, [tuple(v) for v in _tags(uniq.astype(object), spec.sep)]
    if not text:
        return codes, [tuple(tokenize(v)) for v in uniq]
    new, norm = blank_numbers(uniq)
    codes = np.where(codes >= 0, new[np.maximum(codes, 0)] if len(new) else 0, -1)
    return codes, [tokens(v) if v.strip() else () for v in norm]


def _blank_rows_first(col: pd.Series, spec: ColumnSpec) -> bool:
    """Whether ``_text_lists`` blanks the numbers of every row before factorising:
    a text column of mostly distinct cells (e.g. a name per row)."""
    return (
        spec.type == FieldType.TEXT
        and isinstance(col.dtype, pd.StringDtype)
        and _mostly_distinct(col)
    )


def _blanked(col: pd.Series) -> tuple[np.ndarray, list[str]]:
    """(code per row, -1 for missing; the distinct cells with their numbers blanked)."""
    missing = col.isna().to_numpy()
    new, norm = blank_numbers(col.fillna(""))
    return np.where(missing, -1, new), norm


def blank_text(table: pd.DataFrame, mapping: Mapping) -> dict[tuple[str, str], Any]:
    """The row-wide first step of tokenising ``mapping``'s mostly-distinct text columns.

    It depends on the cells alone (not on who is best, nor on the words jieba
    has learned), so the analysis runs it on a second core while it ranks;
    the result goes into ``shared`` for ``_pairs``.  A million names: ~0.4 s.
    """
    out: dict[tuple[str, str], Any] = {}
    for spec in mapping.of_type(FieldType.TEXT):
        if spec.role in NOT_TRAIT_ROLES or spec.name not in table.columns:
            continue
        col = table[spec.name]
        if isinstance(col, pd.Series) and _blank_rows_first(col, spec):
            out[("blanked", spec.name)] = _blanked(col)
    return out


def _mostly_distinct(col: pd.Series, sample: int = 10_000) -> bool:
    """More than half of the first ``sample`` cells distinct (only a speed choice)."""
    head = col.iloc[:sample]
    return len(head) > 1000 and head.nunique() > len(head) // 2


def _tags(series: pd.Series, sep: str | None) -> pd.Series:
    """Multi-select cells as lists of distinct tags (``icp.parse.split_tags``)."""
    if not sep:
        text = series.dropna().astype(str)
        sep = next((s for s in SEPARATORS if text.str.contains(s, regex=False).any()), ",")
    out = split_tags(series, sep)
    return out.map(lambda v: list(dict.fromkeys(v)) if isinstance(v, (list, tuple)) else [])


@dataclass
class _Part:
    """The values of one column as (distinct cell per row, values of each distinct cell).

    ``cell[i]`` is row ``i``'s distinct cell (-1: it holds no value); cell
    ``c`` holds the value keys ``keys[starts[c]:starts[c + 1]]``, each once.
    Counting over cells (a few thousand) instead of over every (row, value)
    pair (seven million for a 1M-row list) is what keeps counting cheap.
    """

    cell: np.ndarray
    starts: np.ndarray
    keys: np.ndarray
    # every row's counts per number of values m (the same for every mask)
    totals: dict[int, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    def count(self, mask: np.ndarray, m: int) -> np.ndarray:
        """How many rows of ``mask`` hold each of the ``m`` values (int64).

        A mask of most rows (the rest beside ten best) is counted as every row less
        the few others: whole counts, so the difference is exact.
        """
        if np.count_nonzero(mask) * 2 > len(mask):
            if m not in self.totals:
                self.totals[m] = self._count(np.ones(len(mask), dtype=bool), m)
            return self.totals[m] - self._count(~mask, m)
        return self._count(mask, m)

    def _count(self, mask: np.ndarray, m: int) -> np.ndarray:
        cells = self.cell[mask]
        per_cell = np.bincount(cells[cells >= 0], minlength=len(self.starts) - 1)
        weights = np.repeat(per_cell, np.diff(self.starts)).astype(np.float64)
        return np.rint(np.bincount(self.keys, weights=weights, minlength=m)).astype(np.int64)

    def rows_of(self, keys: np.ndarray) -> dict[int, np.ndarray]:
        """Row positions (ascending) holding each of ``keys`` that this part holds."""
        out: dict[int, np.ndarray] = {}
        n_cells = len(self.starts) - 1
        owner = np.repeat(np.arange(n_cells), np.diff(self.starts))
        for k in keys.tolist():
            cells = owner[self.keys == k]
            if len(cells):
                holds = np.zeros(n_cells + 1, dtype=bool)  # the last entry: cell -1, no value
                holds[cells] = True
                out[int(k)] = np.flatnonzero(holds[self.cell])
        return out


@dataclass
class _Pairs:
    """Every (row, value) a customer holds, per column as integer codes (``_Part``).

    Value ``k`` is ``(column[k], kind[k], value[k])``.  Values are numbered in
    order of first appearance (columns in mapping order, rows in table order),
    each (row, value) at most once.
    """

    parts: list[_Part]
    column: np.ndarray
    kind: np.ndarray
    value: np.ndarray

    @property
    def empty(self) -> bool:
        return not self.parts

    def count(self, mask: np.ndarray) -> np.ndarray:
        """Rows of ``mask`` holding each value."""
        m = len(self.value)
        total = np.zeros(m, dtype=np.int64)
        for part in self.parts:
            total += part.count(mask, m)
        return total

    def rows_of(self, keys: np.ndarray) -> dict[int, np.ndarray]:
        """Row positions holding each of ``keys``."""
        out: dict[int, np.ndarray] = {}
        for part in self.parts:
            out.update(part.rows_of(keys))
        return out


def _part(
    cell: np.ndarray, flat: np.ndarray, lens: np.ndarray, offset: int
) -> tuple[_Part, np.ndarray]:
    """A ``_Part`` from each row's distinct cell and the cells' local value codes (``flat``,
    ``lens[c]`` of them for cell ``c``), the local codes renumbered by first appearance (rows
    in table order) from ``offset``.

    Returns the part and the local codes in their new order (``seen``).
    """
    cell = cell.astype(np.int64)
    starts = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
    # distinct cells in order of their first row: values then appear as they do row by row
    used = pd.unique(cell[cell >= 0]).astype(np.int64)
    seen = pd.unique(flat[_spans(starts[used], lens[used])]) if len(flat) else flat[:0]
    if len(used) < len(lens):  # a cell no row holds: its values are dropped, not counted
        lens = np.where(np.isin(np.arange(len(lens)), used), lens, 0)
        flat = flat[_spans(starts[:-1], lens)]
        starts = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
    order = np.full(int(flat.max()) + 1 if len(flat) else 0, -1, dtype=np.int64)
    order[seen] = np.arange(len(seen))
    return _Part(cell, starts, order[flat] + offset), seen


def _spans(starts: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """The positions ``starts[i] .. starts[i] + lens[i] - 1`` of every span, in span order."""
    first = np.repeat(np.cumsum(lens) - lens, lens)
    return np.repeat(starts, lens) + np.arange(int(lens.sum())) - first


def _pairs(table: pd.DataFrame, mapping: Mapping, shared: dict | None = None) -> _Pairs:
    """One (row position, column, kind, value) per value a customer holds.

    ``shared``: the run's factorised columns (``icp.parse.factorized``)."""
    parts: list[_Part] = []
    columns: list[np.ndarray] = []
    kinds: list[np.ndarray] = []
    values: list[np.ndarray] = []
    names: list[str] = []
    offset = 0
    specs = [
        s
        for s in mapping.of_type(FieldType.SINGLE, FieldType.BAND, FieldType.MULTI, FieldType.TEXT)
        if s.role not in NOT_TRAIT_ROLES and s.name in table.columns
    ]
    if any(s.type == FieldType.TEXT for s in specs):  # the data set's own words, before any cut
        learn_vocabulary(table_vocabulary(table, mapping))
    for spec in specs:
        col = table[spec.name]
        if spec.type in (FieldType.SINGLE, FieldType.BAND):  # a band label is one value
            cell, uniq, _ = _distinct(col, spec.name, shared)
            s = uniq.astype("string").str.strip()
            ok = s.notna().to_numpy() & (s.fillna("") != "").to_numpy()
            codes, stripped = pd.factorize(s.where(ok))
            # one distinct cell per distinct stripped value, holding just that value
            cell = np.where(cell >= 0, codes[np.maximum(cell, 0)] if len(codes) else -1, -1)
            vocab = np.asarray(stripped.astype(str), dtype=object)
            flat, lens = np.arange(len(vocab), dtype=np.int64), np.ones(len(vocab), np.int64)
            kind = "single"
        else:
            cell, words = _text_lists(col, spec, shared)
            lens = np.fromiter((len(x) for x in words), dtype=np.int64, count=len(words))
            flat_codes, uniq = pd.factorize(np.asarray([w for x in words for w in x], dtype=object))
            flat, vocab = flat_codes.astype(np.int64), np.asarray(uniq, dtype=object)
            kind = "multi" if spec.type == FieldType.MULTI else "text"
        part, seen = _part(np.asarray(cell), flat, lens, offset)
        if not len(seen):
            continue
        parts.append(part)
        columns.append(np.full(len(seen), spec.name, dtype=object))
        kinds.append(np.full(len(seen), kind, dtype=object))
        values.append(vocab[seen])
        names.append(spec.name)
        offset += len(seen)
    if not parts:
        empty = np.empty(0, dtype=object)
        return _Pairs([], empty, empty, empty)
    out = _Pairs(parts, np.concatenate(columns), np.concatenate(kinds), np.concatenate(values))
    if len(set(names)) < len(names):  # a column mapped twice: each (row, column, value) once
        out = _once_per_column(out, len(table))
    return out


def _once_per_column(pairs: _Pairs, n: int) -> _Pairs:
    """The pairs with each (row, column, value) once (a column mapped twice): one part whose
    distinct cells are the rows themselves."""
    rows = np.concatenate(
        [
            np.repeat(np.arange(n), np.diff(p.starts)[np.maximum(p.cell, 0)] * (p.cell >= 0))
            for p in pairs.parts
        ]
    )
    key = np.concatenate([p.keys[_cell_positions(p)] for p in pairs.parts])
    frame = pd.DataFrame({"row": rows, "column": pairs.column[key], "value": pairs.value[key]})
    keep = ~frame.duplicated(["row", "column", "value"]).to_numpy()
    rows, key = rows[keep], key[keep]
    order = np.argsort(rows, kind="stable")
    rows, key = rows[order], key[order]
    lens = np.bincount(rows, minlength=n)
    cell = np.where(lens > 0, np.arange(n), -1)
    starts = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
    return _Pairs([_Part(cell, starts, key)], pairs.column, pairs.kind, pairs.value)


def _cell_positions(part: _Part) -> np.ndarray:
    """Positions in ``part.keys`` of every (row, value), rows in table order."""
    c = part.cell[part.cell >= 0]
    return _spans(part.starts[c], np.diff(part.starts)[c])


def wilson(k: np.ndarray, n: int | np.ndarray, z: float = _Z) -> tuple[np.ndarray, np.ndarray]:
    """Wilson score interval for k successes out of n (vectorised)."""
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / n
        den = 1 + z**2 / n
        mid = (p + z**2 / (2 * n)) / den
        half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / den
    return np.clip(mid - half, 0, 1), np.clip(mid + half, 0, 1)


def _counts(pairs: _Pairs, best: np.ndarray, rest: np.ndarray) -> pd.DataFrame:
    """Per value: column, kind, value, best and rest counts, and its ``key`` in ``pairs``."""
    m = len(pairs.value)
    b, r = pairs.count(best), pairs.count(rest)
    return pd.DataFrame(
        {
            "column": pairs.column,
            "kind": pairs.kind,
            "value": pairs.value,
            "best": b,
            "rest": r,
            "key": np.arange(m),
        }
    )


def _groups_and_pairs(
    table: pd.DataFrame,
    mapping: Mapping,
    best: pd.Series,
    rest: pd.Series,
    memo: dict[str, Any] | None,
    shared: dict | None = None,
) -> tuple[np.ndarray, np.ndarray, _Pairs]:
    """Best and rest as row masks (rest never overlaps best) and the (row, value) pairs.

    The pairs do not depend on who is best, so they are kept in ``memo``.  ``shared``:
    the run's factorised columns (``icp.parse.factorized``), for making them.
    """
    b_mask = best.reindex(table.index).fillna(False).to_numpy(dtype=bool)
    r_mask = rest.reindex(table.index).fillna(False).to_numpy(dtype=bool) & ~b_mask
    if memo is None:
        return b_mask, r_mask, _pairs(table, mapping, shared)
    pairs = memo.get("traits.pairs") or memo.setdefault(
        "traits.pairs", _pairs(table, mapping, shared)
    )
    return b_mask, r_mask, pairs


def _with_shares(c: pd.DataFrame, best_n: int, rest_n: int) -> pd.DataFrame:
    """Counts plus shares, smoothed lift, Wilson interval of the best share and the
    one-sided Fisher p-value (hypergeometric upper tail) of over-representation."""
    b = c["best"].to_numpy(dtype=float)
    r = c["rest"].to_numpy(dtype=float)
    lo, hi = wilson(b, best_n)
    return c.assign(
        best_share=b / best_n,
        rest_share=r / rest_n,
        lift=((b + 1) / (best_n + 2)) / ((r + 1) / (rest_n + 2)),
        ci_low=lo,
        ci_high=hi,
        p_more=hypergeom_sf(b - 1, best_n + rest_n, b + r, best_n),
    )


def categorical_traits(
    table: pd.DataFrame,
    mapping: Mapping,
    best: pd.Series,
    rest: pd.Series,
    *,
    alpha: float = 0.1,
    min_share: float = 0.2,
    method: str = "holm",
    min_warning: float = 0.15,
    memo: dict[str, Any] | None = None,
    skip: frozenset[tuple[str, str]] = frozenset(),
    shared: dict | None = None,
) -> tuple[list[Trait], list[Trait], dict[str, pd.DataFrame]]:
    """Compare every categorical value best vs rest.

    Returns ``(traits, warning_traits, keywords)``: findings over-represented
    among the best (strongest first), those over-represented among the rest,
    and per text column a keyword table (word, best_count, rest_count,
    weight = smoothed lift) for word clouds.  Rows in neither group
    (``best`` and ``rest`` both False, e.g. open deals) are ignored.
    ``memo`` (a dict kept per data set, see ``icp.analysis``) remembers the
    split tags and tokenised text, which do not depend on who is best, so a
    weight change only recounts.  ``skip`` holds ``(column, value)`` pairs
    that are no test at all (``after_outcome``): they are neither findings
    nor counted in the multiple-testing family.
    """
    b_mask, r_mask, pairs = _groups_and_pairs(table, mapping, best, rest, memo, shared)
    best_n, rest_n = int(b_mask.sum()), int(r_mask.sum())
    if pairs.empty or best_n == 0 or rest_n == 0:
        return [], [], {}
    c = _counts(pairs, b_mask, r_mask)
    keywords = _keywords(c, best_n, rest_n)
    if skip:
        c = c[~_pair_in(c, skip)]
    c = c[(c["best"] + c["rest"] >= 2) & (c["best"] + c["rest"] < best_n + rest_n)]
    if c.empty:
        return [], [], keywords
    c = _with_shares(c, best_n, rest_n)
    b = c["best"].to_numpy(dtype=float)
    r = c["rest"].to_numpy(dtype=float)
    total, k = best_n + rest_n, b + r
    min_best = max(2, math.ceil(min_share * best_n))
    min_rest = max(2, math.ceil(0.05 * rest_n))
    # the other one-sided Fisher p-value, and the smallest p-value each value
    # could reach at all given its total count (for Tarone's filter)
    p_more = c["p_more"].to_numpy()
    p_less = hypergeom_cdf(b, total, k, best_n)
    best_p_more = hypergeom_sf(np.minimum(k, best_n) - 1, total, k, best_n)
    best_p_less = hypergeom_cdf(np.maximum(0, k - rest_n), total, k, best_n)
    c = c.assign(p_less=p_less)
    # two families, each controlled on its own: structured values (single-select
    # values and multi-select tags) and free-text keywords, so that the many
    # words of a notes column do not drown the columns a user chose on purpose
    text = (c["kind"] == "text").to_numpy()
    q_more, q_less = np.ones(len(c)), np.ones(len(c))
    for fam in (text, ~text):
        q_more[fam] = _adjust(p_more[fam], best_p_more[fam], (k >= min_best)[fam], alpha, method)
        q_less[fam] = _adjust(p_less[fam], best_p_less[fam], (r >= min_rest)[fam], alpha, method)
    c = c.assign(q_more=q_more, q_less=q_less)
    up = c[(c["best"] >= min_best) & (c["q_more"] < alpha) & (c["ci_low"] > c["rest_share"])]
    up = up.assign(strength=up["ci_low"] - up["rest_share"])
    down = c[
        (c["rest"] >= min_rest)
        & (c["q_less"] < alpha)
        & (c["rest_share"] - c["ci_high"] >= min_warning)
    ]
    down = down.assign(strength=down["rest_share"] - down["ci_high"])
    groups = b_mask | r_mask
    return (
        _as_traits(_dedupe(_ordered(up, "p_more"), pairs, groups), best_n, rest_n, "p_more"),
        _as_traits(_dedupe(_ordered(down, "p_less"), pairs, groups), best_n, rest_n, "p_less"),
        keywords,
    )


def leads(
    table: pd.DataFrame,
    mapping: Mapping,
    best: pd.Series,
    rest: pd.Series,
    *,
    exclude: set[tuple[str, str]] = frozenset(),
    p_max: float = 0.05,
    min_lift: float = 1.5,
    min_share: float = 0.2,
    memo: dict[str, Any] | None = None,
    shared: dict | None = None,
) -> list[Trait]:
    """Chosen values (single-select values, tags) that lean towards the best but are not findings.

    With ten best customers the multiple-testing control rightly holds back
    values such as "VP Operations: 6 of 10 vs 20%".  They are worth a look in
    the next interviews, so they are listed apart and labelled as not
    conclusive: each held by at least ``max(2, min_share × best)`` best
    customers, one-sided Fisher p < ``p_max`` before any correction, smoothed
    lift ≥ ``min_lift``, and not already a finding (``exclude`` holds
    ``(column, value)`` pairs).  Free-text keywords are never leads.
    """
    b_mask, r_mask, pairs = _groups_and_pairs(table, mapping, best, rest, memo, shared)
    best_n, rest_n = int(b_mask.sum()), int(r_mask.sum())
    if pairs.empty or best_n == 0 or rest_n == 0:
        return []
    c = _counts(pairs, b_mask, r_mask)
    c = c[(c["kind"] != "text") & (c["best"] >= max(2, math.ceil(min_share * best_n)))]
    if c.empty:
        return []
    c = _with_shares(c, best_n, rest_n)
    keep = (c["p_more"] < p_max) & (c["lift"] >= min_lift)
    keep &= ~_pair_in(c, exclude)
    out = c[keep]
    out = out.assign(strength=out["best_share"] - out["rest_share"])
    return _as_traits(
        out.sort_values(["p_more", "strength"], ascending=[True, False]), best_n, rest_n, "p_more"
    )


def after_outcome(
    table: pd.DataFrame,
    mapping: Mapping,
    good: pd.Series,
    other: pd.Series,
    *,
    min_count: int = 20,
    min_share: float = 0.1,
    memo: dict[str, Any] | None = None,
    shared: dict | None = None,
) -> list[Trait]:
    """Chosen values (single-select values, tags) held by many customers of one
    outcome and by none of the other: probably written after the outcome.

    A CRM's "Tags" column mixes what a customer is with what the sales team
    wrote once the deal was decided ("Closed by Horizzon" on 296 won leads and
    no other, "Ringing" on 301 of the others and no won one).  A real trait is
    practically never that clean at such counts: with ≥ ``min_count`` rows and
    ≥ ``min_share`` of one side, an honest share would leave dozens of rows on
    the other side, so zero there means the value follows from the outcome.
    Only a column with such values on both sides counts (the sales team's notes
    sort leads both ways); a single value never seen among the won, such as an
    industry that never buys, stays a warning sign.  Whole columns filled on one
    side only are caught earlier (``icp.definition``); these are single values of
    otherwise mixed columns.
    Returned with the good side as "best", strongest first; free-text words
    are never returned (a notes column's words are left to the findings).
    """
    g_mask, o_mask, pairs = _groups_and_pairs(table, mapping, good, other, memo, shared)
    g_n, o_n = int(g_mask.sum()), int(o_mask.sum())
    if pairs.empty or g_n == 0 or o_n == 0:
        return []
    c = _counts(pairs, g_mask, o_mask)
    c = c[c["kind"] != "text"]
    g, o = c["best"], c["rest"]
    on_good = (o == 0) & (g >= max(min_count, min_share * g_n)) & (g * o_n >= 10 * g_n)
    on_other = (g == 0) & (o >= max(min_count, min_share * o_n)) & (o * g_n >= 10 * o_n)
    # a notes column sorts its values by outcome both ways ("Closed by …" only on the
    # won, "Ringing" only on the others); an industry never won ("Retail: 0 of 80") is
    # one-sided once, and that is a real warning sign, kept as a finding
    both = set(c.loc[on_good, "column"]) & set(c.loc[on_other, "column"])
    c = _with_shares(c[(on_good | on_other) & c["column"].isin(both)], g_n, o_n)
    c = c.assign(strength=(c["best_share"] - c["rest_share"]).abs())
    return _as_traits(c.sort_values("strength", ascending=False), g_n, o_n, "p_more")


def _pair_in(c: pd.DataFrame, pairs: frozenset[tuple[str, str]]) -> pd.Series:
    """Whether each row's ``(column, value)`` is one of ``pairs``."""
    return pd.Series(list(zip(c["column"], c["value"], strict=True)), index=c.index).isin(pairs)


def _adjust(
    p: np.ndarray, p_min: np.ndarray, eligible: np.ndarray, alpha: float, method: str
) -> np.ndarray:
    """Multiple-testing adjusted p-values (1.0 for values that cannot be findings).

    Tarone's filter first: a value whose best possible p-value could never
    pass does not count as a test, so rare values do not dilute real ones.
    """
    out = np.ones(len(p))
    idx = np.flatnonzero(eligible)
    if not len(idx):
        return out
    floor = np.sort(p_min[idx])
    # the smallest m with at most m values whose best p-value reaches alpha / m
    ms = np.arange(1, len(idx) + 1)
    ok = np.flatnonzero(np.searchsorted(floor, alpha / ms, side="right") <= ms)
    m = int(ms[ok[0]]) if len(ok) else len(idx)
    idx = idx[p_min[idx] <= alpha / m]
    if not len(idx):
        return out
    q = np.clip(p[idx], 0, 1)
    if method == "bh":
        out[idx] = stats.false_discovery_control(q, method="bh")
    else:  # Holm step-down, family-wise error rate
        order = np.argsort(q)
        steps = q[order] * (m - np.arange(len(q)))
        out[idx[order]] = np.minimum(1.0, np.maximum.accumulate(steps))
    return out


def _ordered(df: pd.DataFrame, p_col: str) -> pd.DataFrame:
    """Strongest first; among equals the smaller p, then the longer (more specific) word."""
    df = df.assign(_len=df["value"].astype(str).str.len())
    return df.sort_values(["strength", p_col, "_len"], ascending=[False, True, False])


def _dedupe(df: pd.DataFrame, pairs: _Pairs, groups: np.ndarray) -> pd.DataFrame:
    """Drop a tag/keyword held by nearly the same customers as a stronger one of its column.

    Words of one sentence ("need automation for the production line") would
    otherwise fill the list with the same finding five times.
    """
    if df.empty or not (df["kind"] != "single").any():
        return df
    held = pairs.rows_of(df["key"].to_numpy())
    kept: list[int] = []
    seen: dict[str, list[frozenset]] = {}
    for i, row in enumerate(df.itertuples(index=False)):
        rows = held.get(int(row.key), np.empty(0, dtype=np.int64))
        mine = frozenset(rows[groups[rows]].tolist())
        if row.kind != "single" and any(
            len(mine & other) >= 0.8 * len(mine | other) for other in seen.get(row.column, [])
        ):
            continue
        seen.setdefault(row.column, []).append(mine)
        kept.append(i)
    return df.iloc[kept]


def _as_traits(df: pd.DataFrame, best_n: int, rest_n: int, p_col: str) -> list[Trait]:
    return [
        Trait(
            column=str(row.column),
            value=str(row.value),
            kind=row.kind,
            best_count=int(row.best),
            best_n=best_n,
            rest_count=int(row.rest),
            rest_n=rest_n,
            best_share=float(row.best_share),
            rest_share=float(row.rest_share),
            lift=float(row.lift),
            ci_low=float(row.ci_low),
            ci_high=float(row.ci_high),
            p_value=float(getattr(row, p_col)),
            strength=float(row.strength),
        )
        for row in df.itertuples(index=False)
    ]


def _keywords(
    c: pd.DataFrame, best_n: int, rest_n: int, limit: int = 200
) -> dict[str, pd.DataFrame]:
    out: dict[str, pd.DataFrame] = {}
    for column, g in c[c["kind"] == "text"].groupby("column", sort=False):
        g = g.assign(total=g["best"] + g["rest"]).sort_values("total", ascending=False).head(limit)
        out[str(column)] = pd.DataFrame(
            {
                "word": g["value"].astype(str).to_numpy(),
                "best_count": g["best"].astype(int).to_numpy(),
                "rest_count": g["rest"].astype(int).to_numpy(),
                "weight": (
                    ((g["best"] + 1) / (best_n + 2)) / ((g["rest"] + 1) / (rest_n + 2))
                ).to_numpy(),
            }
        )
    return out


def keyword_table(
    texts: Iterable[object], best: Iterable[bool], rest: Iterable[bool]
) -> pd.DataFrame:
    """Keyword counts best vs rest for one text column (word, best_count, rest_count, weight)."""
    s = pd.Series(list(texts))
    table = pd.DataFrame({"t": s})
    mapping = Mapping([ColumnSpec("t", FieldType.TEXT)])
    b = pd.Series(list(best), index=table.index, dtype=bool)
    r = pd.Series(list(rest), index=table.index, dtype=bool)
    pairs = _pairs(table, mapping)
    if pairs.empty:
        return pd.DataFrame(columns=["word", "best_count", "rest_count", "weight"])
    kw = _keywords(_counts(pairs, b.to_numpy(), (r & ~b).to_numpy()), int(b.sum()), int(r.sum()))
    return kw.get("t", pd.DataFrame(columns=["word", "best_count", "rest_count", "weight"]))


def numeric_traits(
    table: pd.DataFrame,
    mapping: Mapping,
    best: pd.Series,
    rest: pd.Series,
    *,
    alpha: float = 0.05,
    units: dict[str, str] | None = None,
) -> list[NumericTrait]:
    """Best vs rest on every included number column: a band, a shift, a warning or nothing.

    Per column: medians, the Mann–Whitney shift test (AUC as separation) and
    a searched band each way (``band_search``).  The columns are one family:
    Holm's correction at ``alpha`` over each column's smallest p-value (× 3
    for its three tests).  A column that passes is, in this order:

    * ``"band"`` — a sweet spot: the best band holds at least 30 points more
      of the best than of the rest and the rest's share is at most half the
      best's ("8 of your best 10 have 100–300 employees, vs 14% of the rest");
    * ``"higher"``/``"lower"`` — the values are shifted but no band separates
      ("larger than the rest: median 279 vs 149");
    * ``"warning"`` — a band the best (the won) hold far *less* often.

    Every other column comes back with ``kind="none"`` (``is_finding`` False).
    Sorted by ``contrast``, strongest first.  Columns with fewer than 3 known
    values in either group are skipped.
    """
    b_mask = best.reindex(table.index).fillna(False).to_numpy(dtype=bool)
    r_mask = rest.reindex(table.index).fillna(False).to_numpy(dtype=bool) & ~b_mask
    units = units or {}
    cols: list[tuple[ColumnSpec, np.ndarray, np.ndarray, Any, Band | None, Band | None]] = []
    sorted_x: dict[str, np.ndarray] = {}
    for spec in mapping.of_type(FieldType.NUMBER):
        if spec.role in NOT_TRAIT_ROLES or spec.name not in table.columns:
            continue
        x = pd.to_numeric(table[spec.name], errors="coerce").to_numpy(dtype=float)
        xb, xr = x[b_mask], x[r_mask]
        xb, xr = xb[np.isfinite(xb)], xr[np.isfinite(xr)]
        if len(xb) < 3 or len(xr) < 3:
            continue
        # one sort of the column serves the range, the Mann–Whitney ranks and the band cuts
        xs = np.sort(np.concatenate([xb, xr]), kind="quicksort")
        if xs[-1] - xs[0] == 0:  # np.ptp
            continue
        res = mannwhitneyu(xb, xr, sorted_xy=xs)
        sorted_x[spec.name] = xs
        whole = bool(np.all(xs == np.floor(xs)))  # finite: the same as x mod 1 == 0
        cut = cut_column(xb, xr, whole=whole, sorted_x=xs)
        up = band_search(xb, xr, whole=whole, reverse=False, bins=cut)
        down = band_search(xb, xr, whole=whole, reverse=True, bins=cut)
        cols.append((spec, xb, xr, res, up, down))
    if not cols:
        return []
    p_col = np.array(
        [
            min(
                1.0, 3 * min([float(res.pvalue), *(b.p_value for b in (up, down) if b is not None)])
            )
            for _, _, _, res, up, down in cols
        ]
    )
    order = np.argsort(p_col)
    holm = np.minimum(
        1.0, np.maximum.accumulate(p_col[order] * (len(p_col) - np.arange(len(p_col))))
    )
    passed = np.zeros(len(cols), dtype=bool)
    passed[order] = holm < alpha
    out: list[NumericTrait] = []
    for ok, (spec, xb, xr, res, up, down) in zip(passed, cols, strict=True):
        nb, nr = len(xb), len(xr)
        auc = float(res.statistic / (nb * nr))
        kind, band = "none", None
        if ok and up is not None and _separates(up, nb, nr, alpha):
            kind, band = "band", up
        elif ok and float(res.pvalue) < alpha:
            kind = "higher" if auc > 0.5 else "lower"
        elif ok and down is not None and _separates(down, nr, nb, alpha, reverse=True):
            kind, band = "warning", down
        shown = band  # a shift has no band: never a sweet spot to be "inside"
        lo, hi = wilson(np.array(shown.best_in if shown else 0), nb)
        mb, mr = float(np.median(xb)), _rest_median(xr, xb, sorted_xy=sorted_x[spec.name])
        past_b = past_r = math.nan
        if kind in ("higher", "lower") and mb == mr:  # "median 0 vs 0" says nothing
            sign = 1 if kind == "higher" else -1
            past_b, past_r = (
                float(np.mean(sign * xb > sign * mb)),
                float(np.mean(sign * xr > sign * mb)),
            )
        out.append(
            NumericTrait(
                column=spec.name,
                role=spec.role,
                best_median=mb,
                rest_median=mr,
                low=shown.low if shown else math.nan,
                high=shown.high if shown else math.nan,
                separation=auc,
                best_n=nb,
                rest_n=nr,
                p_value=float(band.p_value if band else res.pvalue),
                best_in_range=shown.best_in / nb if shown else math.nan,
                rest_in_range=shown.rest_in / nr if shown else math.nan,
                kind=kind,
                best_count=shown.best_in if shown else 0,
                rest_count=shown.rest_in if shown else 0,
                ci_low=float(lo),
                ci_high=float(hi),
                open_high=bool(shown.open_high) if shown else False,
                unit=units.get(spec.name),
                past_best=past_b,
                past_rest=past_r,
            )
        )
    out.sort(key=lambda t: (not t.is_finding, -t.contrast))
    return out


def _rest_median(xr: np.ndarray, xb: np.ndarray, *, sorted_xy: np.ndarray) -> float:
    """``np.median(xr)``, read from both groups sorted together when the best are few.

    Taking one occurrence of each best value out of the sorted column leaves the
    rest sorted (equal values are the same bits, except 0 and -0): the middle one
    or two, averaged as ``np.median`` does, without partitioning a million values.
    A zero in the middle (0 or -0, which sorting and partitioning may order apart)
    and a large best group are left to ``np.median``.
    """
    if len(xb) * 8 > len(sorted_xy):
        return float(np.median(xr))
    sb = np.sort(xb)
    at = np.searchsorted(sorted_xy, sb, side="left")
    # equal best values: the 2nd, 3rd … occurrence of the value, not the same one again
    first = np.searchsorted(sb, sb, side="left")
    s = np.delete(sorted_xy, at + (np.arange(len(sb)) - first))
    n = len(s)
    m = n // 2
    mid = s[m : m + 1] if n % 2 else s[m - 1 : m + 1]
    if not n or not np.all(mid):
        return float(np.median(xr))
    return float(mid[0] if n % 2 else np.mean(mid))


def _separates(
    band: Band, n_mine: int, n_other: int, alpha: float, *, reverse: bool = False
) -> bool:
    """A band that clearly separates: ≥ 30 points more of one group, the other's share at
    most half of it, and chance alone rarely finds one as strong (p < ``alpha``)."""
    mine = (band.rest_in if reverse else band.best_in) / n_mine
    other = (band.best_in if reverse else band.rest_in) / n_other
    return band.gain >= MIN_BAND_GAIN and other <= mine / 2 and band.p_value < alpha
