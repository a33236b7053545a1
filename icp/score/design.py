"""What the fit model sees: its inputs, result types and the design matrix.

Only columns a prospect list can also have are used (``_EXCLUDED_ROLES`` are
the columns that define "best" or identify a row); categories, tags and
numbers become the frame the model is fitted on and scored with.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from icp import parse
from icp.dataset import Dataset
from icp.i18n import Msg
from icp.model import NumericTrait
from icp.schema import DEAL_DATE_ROLES, MEASURE_ROLES, NOT_TRAIT_ROLES, FieldType, Role
from icp.xlsx import per_unique as _per_unique

TIER_EDGES: tuple[int, int, int] = (75, 50, 25)  # A ≥ 75, B ≥ 50, C ≥ 25, D below
TIERS: tuple[str, ...] = ("A", "B", "C", "D")
MIN_LOGISTIC = 30  # best and rest rows needed for the logistic model
SCORE_COLUMNS = ("score", "tier", "action", "reason_1", "reason_2", "reason_3", "reason_against")

# Roles that define "best" (or identify a row): never model inputs.
_EXCLUDED_ROLES = MEASURE_ROLES | NOT_TRAIT_ROLES | DEAL_DATE_ROLES | {Role.NOTES}
_MISSING = "\u2205missing"
_MAX_TAGS = 30


# ---------------------------------------------------------------- data classes


@dataclass
class _Design:
    """Which customer columns feed the model and how each is read."""

    single: list[str]
    multi: dict[str, list[str]]  # column -> tags (display case), frequent first
    seps: dict[str, str]
    number: list[str]
    log: dict[str, bool]
    spots: dict[str, tuple[float, float]]

    @property
    def columns(self) -> list[str]:
        return [*self.single, *self.multi, *self.number]


@dataclass
class _Group:
    """One reason a row can be given: a single column, a tag, or a number column."""

    kind: Literal["single", "multi", "number"]
    column: str
    value: str | None = None  # the tag of a multi group


@dataclass
class FitModel:
    """A fitted fit model; ``predict`` turns any table with the same columns into scores."""

    kind: Literal["logistic", "lift"]
    columns: list[str]  # customer columns the model reads
    n_pos: int
    n_neg: int
    cv_auc: float | None = None
    pipeline: object | None = None  # sklearn Pipeline (logistic)
    lift: pd.DataFrame | None = None  # column, kind, value, best, rest, lift, points (lift)
    reference: np.ndarray = field(default_factory=lambda: np.zeros(0))  # sorted raw scores
    spread: float = 1.0
    notes: list[Msg] = field(default_factory=list)
    _design: _Design | None = None
    _best_counts: dict[tuple[str, str], int] = field(default_factory=dict)  # (column, key) -> best
    _curves: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    _centres: dict[str, float] = field(default_factory=dict)  # median per transformed number
    _groups: list[_Group] = field(default_factory=list)
    _weights: np.ndarray | None = None  # per design feature, reason-eligible weight
    _gmap: np.ndarray | None = None  # per design feature -> group index or -1


@dataclass
class Backtest:
    """Cross-validated check of the model on the user's own customers."""

    auc: float | None
    folds: int
    best_in_tier_a: int
    best_total: int
    too_small: bool
    curve: pd.DataFrame  # contacted (share of list, best first) -> found (share of best)
    warning: Msg | None = None


@dataclass
class Scored:
    """Scored rows (best fit first) plus how the prospect columns lined up."""

    table: pd.DataFrame
    matched: list[tuple[str, str]]  # (prospect column, customer column)
    unmatched: list[str]  # customer model columns the prospect list lacks
    model: FitModel
    backtest: Backtest | None = None


# ---------------------------------------------------------------- design


def _strip(v: object) -> object:
    text = str(v).strip()
    return text if text else np.nan


def _as_str(s: pd.Series) -> pd.Series:
    """Trimmed text per cell as object dtype; missing/blank -> NaN."""
    return pd.Series(_per_unique(s, _strip), index=s.index, dtype=object)


def _parse_float(u: object) -> float:
    v = parse.parse_number(u)
    if v is None:
        r = parse.parse_range(u)
        v = (r[0] + r[1]) / 2 if r else None
    return np.nan if v is None else float(v)


def _as_float(s: pd.Series) -> pd.Series:
    """Numbers from a column of any type (``$12,000``, ``1.2万``, ``100-300`` → midpoint)."""
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        return s.astype("float64")
    return pd.Series(_per_unique(s, _parse_float).astype("float64"), index=s.index)


def _tags(s: pd.Series, sep: str) -> pd.Series:
    return parse.split_tags(s, sep)


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().casefold()


def _min_frequency(n: int) -> int:
    return max(3, int(0.005 * n))


def _design(dataset: Dataset, best: np.ndarray, numeric: list[NumericTrait] | None) -> _Design:
    """Pick the model columns of ``dataset`` and how to read each."""
    table, n = dataset.table, len(dataset.table)
    mf = _min_frequency(n)
    single: list[str] = []
    multi: dict[str, list[str]] = {}
    seps: dict[str, str] = {}
    number: list[str] = []
    log: dict[str, bool] = {}
    spots: dict[str, tuple[float, float]] = {}
    given = {nt.column: (nt.low, nt.high) for nt in numeric or [] if nt.kind == "band"}
    for spec in dataset.mapping.columns:
        if not spec.include or spec.role in _EXCLUDED_ROLES or spec.name not in table.columns:
            continue
        col = table[spec.name]
        if spec.type in (FieldType.SINGLE, FieldType.BAND):  # a band label is one value
            s = _as_str(col)
            nun = s.nunique()
            if nun < 2 or (n > 20 and nun > 0.5 * s.notna().sum()):
                continue  # constant, or an identifier-like column
            single.append(spec.name)
        elif spec.type == FieldType.MULTI:
            sep = spec.sep or ","
            lists = _tags(col, sep)
            flat = pd.Series([v for vs in lists for v in dict.fromkeys(vs)], dtype=object)
            if flat.empty:
                continue
            counts = flat.map(_key).value_counts()
            display = flat.groupby(flat.map(_key)).first()
            keep = [display[k] for k, c in counts.items() if c >= mf][:_MAX_TAGS]
            if keep:
                multi[spec.name] = keep
                seps[spec.name] = sep
        elif spec.type == FieldType.NUMBER:
            v = _as_float(col)
            if v.nunique() < 2:
                continue
            number.append(spec.name)
            log[spec.name] = bool(v.min() >= 0 and v.skew() > 1.0)
            if spec.name in given:  # only a band the analysis found (never a percentile guess)
                spots[spec.name] = given[spec.name]
    return _Design(single, multi, seps, number, log, spots)


def _frame(table: pd.DataFrame, d: _Design) -> pd.DataFrame:
    """The model's input frame for ``table`` (customer column names; absent -> missing)."""
    n = len(table)
    cols: dict[str, object] = {}
    nan = pd.Series(np.nan, index=table.index, dtype=object)
    for c in d.single:
        raw = _as_str(table[c]) if c in table.columns else nan
        cols[f"d:{c}"] = raw
        cols[f"s:{c}"] = _per_unique(raw, _key, _MISSING)
    for c, tags in d.multi.items():
        if c not in table.columns:
            for i in range(len(tags)):
                cols[f"t:{c}:{i}"] = np.zeros(n)
            continue
        codes, uniq = pd.factorize(table[c], use_na_sentinel=True)
        lists = _tags(pd.Series(uniq, dtype=object), d.seps[c])
        sets = [{_key(v) for v in vs} for vs in lists]
        for i, tag in enumerate(tags):
            k = _key(tag)
            has = np.array([k in st for st in sets] + [False], dtype=float)
            cols[f"t:{c}:{i}"] = has[codes]
    for c in d.number:
        v = _as_float(table[c]) if c in table.columns else pd.Series(np.nan, index=table.index)
        cols[f"v:{c}"] = v.to_numpy(dtype=float)
        x = v.to_numpy(dtype=float)
        if d.log[c]:
            x = np.log1p(np.where(x >= 0, x, np.nan))
        cols[f"n:{c}"] = x
        if c in d.spots:
            lo, hi = d.spots[c]
            cols[f"p:{c}"] = ((v >= lo) & (v <= hi)).to_numpy(dtype=float)
    return pd.DataFrame(cols, index=table.index)


def _bin_columns(d: _Design) -> list[str]:
    tags = [f"t:{c}:{i}" for c, tags in d.multi.items() for i in range(len(tags))]
    return [*tags, *(f"p:{c}" for c in d.number if c in d.spots)]
