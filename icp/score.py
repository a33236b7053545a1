"""Prospect fit: a model of "looks like our best customers", reasons, tiers, backtest.

``fit`` learns from the user's own customers (``best_mask`` = the best set,
or the won deals in outcome mode) which profile columns separate best from
rest.  Only columns a prospect list can also have are used: industry,
region, size, channel, contact title, previous solution and unroled
single/multi-select and number columns.  The columns that *define* "best"
(value, profit, margin, LTV, CAC, cycle, deals, referrals, tickets, outcome)
and identities/dates/free text are left out — using them would be circular
and prospects do not have them.

Two model kinds:

* ``"logistic"`` (≥ 30 best and ≥ 30 rest): a scikit-learn pipeline of
  one-hot encoding with infrequent grouping, multi-select tag indicators,
  imputed + scaled numbers and a "sweet spot" indicator per number column →
  class-balanced, L2-regularised logistic regression.
* ``"lift"`` (fewer): additive points, one ``log(lift)`` per trait the row
  matches (a naive-Bayes style sum), so a few best customers still give a
  usable, explainable ranking.

**Score (0–100)** is a percentile against the user's own customer base: a
prospect scoring 80 fits the profile better than 80% of the current
customers do.  That reads the same for both model kinds, spreads prospects
out whatever the model's calibration, and makes tier A (≥ 75) "looks like
the top quarter of our customers".  **Reason points** are a row's
contribution to the raw model score as a share of the spread between a
typical low-fit and high-fit customer (5th–95th percentile), × 100.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from icp import fmt, parse
from icp.dataset import Dataset
from icp.i18n import Lang, Msg, t
from icp.model import Analysis, NumericTrait, Trait
from icp.schema import FieldType, Role
from icp.xlsx import frame_xlsx_bytes
from icp.xlsx import per_unique as _per_unique

__all__ = [
    "TIERS",
    "TIER_EDGES",
    "Backtest",
    "FitModel",
    "Scored",
    "backtest",
    "backtest_chart",
    "customer_scores",
    "fit",
    "match_columns",
    "predict",
    "score_own",
    "score_prospects",
    "scored_xlsx_bytes",
]

TIER_EDGES: tuple[int, int, int] = (75, 50, 25)  # A ≥ 75, B ≥ 50, C ≥ 25, D below
TIERS: tuple[str, ...] = ("A", "B", "C", "D")
MIN_LOGISTIC = 30  # best and rest rows needed for the logistic model
SCORE_COLUMNS = ("score", "tier", "action", "reason_1", "reason_2", "reason_3", "reason_against")

# Roles that define "best" (or identify a row): never model inputs.
_EXCLUDED_ROLES = frozenset(
    {
        Role.VALUE,
        Role.PROFIT,
        Role.MARGIN,
        Role.LTV,
        Role.CAC,
        Role.CYCLE_DAYS,
        Role.DEALS,
        Role.REFERRALS,
        Role.TICKETS,
        Role.OUTCOME,
        Role.NAME,
        Role.ID,
        Role.CREATED,
        Role.CLOSED,
        Role.NOTES,
    }
)
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


# ---------------------------------------------------------------- fitting


def _smoothed_lift(b: np.ndarray, r: np.ndarray, best_n: int, rest_n: int) -> np.ndarray:
    """The same Laplace-smoothed lift as ``icp.traits`` (tiny counts cannot explode)."""
    return ((b + 1.0) / (best_n + 2.0)) / ((r + 1.0) / (rest_n + 2.0))


def _fit_lift(frame: pd.DataFrame, d: _Design, best: np.ndarray, traits: list[Trait] | None):
    """Indicator features with their log-lift points, and the groups they speak for."""
    best_n, rest_n = int(best.sum()), int((~best).sum())
    need = max(2, math.ceil(0.2 * best_n))
    rows: list[dict] = []
    wanted = None
    if traits is not None:
        wanted = {(tr.column, _key(tr.value)) for tr in traits if tr.kind in ("single", "multi")}

    def consider(kind: str, column: str, value: str, feature: np.ndarray, source: str) -> None:
        b = int(feature[best].sum())
        r = int(feature[~best].sum())
        lift = float(_smoothed_lift(np.array(b), np.array(r), best_n, rest_n))
        if wanted is not None and kind != "number":
            ok = (column, _key(value)) in wanted
        else:
            ok = (b >= need and lift >= 1.25) or (kind != "number" and r >= 5 and lift <= 0.8)
        if ok:
            rows.append(
                {
                    "column": column,
                    "kind": kind,
                    "value": value,
                    "best": b,
                    "rest": r,
                    "lift": lift,
                    "points": math.log(lift),
                    "source": source,
                }
            )

    for c in d.single:
        keys = frame[f"s:{c}"]
        disp = frame[f"d:{c}"].groupby(keys).first()
        for k, value in disp.items():
            if k == _MISSING:
                continue
            consider("single", c, str(value), (keys == k).to_numpy(), f"s:{c}")
    for c, tags in d.multi.items():
        for i, tag in enumerate(tags):
            consider("multi", c, tag, frame[f"t:{c}:{i}"].to_numpy() > 0, f"t:{c}:{i}")
    for c in d.number:
        if c in d.spots:
            consider("number", c, "", frame[f"p:{c}"].to_numpy() > 0, f"p:{c}")
    cols = ["column", "kind", "value", "best", "rest", "lift", "points", "source"]
    return pd.DataFrame(rows, columns=cols)


_WEAK = 0.3  # weight of a number column the analysis did not find to matter (tie-breaks only)
_CURVE_CLIP = 1.5  # a curve point is at most ±1.5 log-odds, however thin the data
_CURVE_SAMPLE = 5000  # rows per group the density is estimated from (deterministic sample)


def _density(z: np.ndarray, grid: np.ndarray, h: float) -> np.ndarray:
    if len(z) > _CURVE_SAMPLE:
        z = np.sort(z)[:: max(1, len(z) // _CURVE_SAMPLE)]
    u = (grid[:, None] - z[None, :]) / h
    return np.exp(-0.5 * u * u).mean(axis=1) / (h * math.sqrt(2 * math.pi))


def _curve(zb: np.ndarray, zr: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Log density ratio best/rest of a number column on a grid (smoothed, shrunk, clipped).

    What makes fit scores continuous: two prospects with 120 and 180
    employees get different scores when the best sit around 200, instead of
    tying on one in/out-of-band point.  Shrunk by ``n_best / (n_best + 10)``
    so ten best customers cannot speak loudly.
    """
    zb, zr = zb[np.isfinite(zb)], zr[np.isfinite(zr)]
    if len(zb) < 2 or len(zr) < 2:
        return None
    z = np.concatenate([zb, zr])
    sd = float(np.std(z))
    iqr = float(np.subtract(*np.percentile(z, [75, 25])))
    spread = min(sd, iqr / 1.34) if iqr > 0 else sd
    if spread <= 0:
        return None
    h = 1.5 * 0.9 * spread * len(z) ** -0.2
    grid = np.linspace(z.min() - 2 * h, z.max() + 2 * h, 96)
    fb, fr = _density(zb, grid, h), _density(zr, grid, h)
    eps = 0.05 * max(float(fb.max()), float(fr.max()))
    values = np.log((fb + eps) / (fr + eps)) * len(zb) / (len(zb) + 10)
    return grid, np.clip(values, -_CURVE_CLIP, _CURVE_CLIP)


def _curve_values(frame: pd.DataFrame, column: str, curve: tuple[np.ndarray, np.ndarray]):
    z = frame[f"n:{column}"].to_numpy(dtype=float)
    out = np.interp(np.nan_to_num(z, nan=0.0), curve[0], curve[1])
    return np.where(np.isfinite(z), out, 0.0)


def _lift_matrix(frame: pd.DataFrame, lift: pd.DataFrame, curves=None) -> np.ndarray:
    n = len(frame)
    X = np.zeros((n, len(lift)))
    for j, row in enumerate(lift.itertuples()):
        if row.kind == "single":
            X[:, j] = (frame[row.source] == _key(row.value)).to_numpy()
        elif row.kind == "curve":
            X[:, j] = _curve_values(frame, row.column, curves[row.column])
        else:
            X[:, j] = frame[row.source].to_numpy() > 0
    return X


def _groups_for(d: _Design) -> tuple[list[_Group], dict[str, int]]:
    groups: list[_Group] = []
    index: dict[str, int] = {}
    for c in d.single:
        index[f"s:{c}"] = len(groups)
        groups.append(_Group("single", c))
    for c, tags in d.multi.items():
        for i, tag in enumerate(tags):
            index[f"t:{c}:{i}"] = len(groups)
            groups.append(_Group("multi", c, tag))
    for c in d.number:
        index[f"n:{c}"] = index[f"p:{c}"] = len(groups)
        groups.append(_Group("number", c))
    return groups, index


def _pipeline(d: _Design, n: int, seed: int):
    from sklearn.compose import ColumnTransformer  # lazy: startup speed
    from sklearn.impute import SimpleImputer  # lazy: startup speed
    from sklearn.linear_model import LogisticRegression  # lazy: startup speed
    from sklearn.pipeline import Pipeline, make_pipeline  # lazy: startup speed
    from sklearn.preprocessing import OneHotEncoder, StandardScaler  # lazy: startup speed

    parts = []
    if d.single:
        enc = OneHotEncoder(
            handle_unknown="infrequent_if_exist",
            min_frequency=_min_frequency(n),
            max_categories=40,
            sparse_output=False,
        )
        parts.append(("cat", enc, [f"s:{c}" for c in d.single]))
    if d.number:
        num = make_pipeline(
            SimpleImputer(strategy="median", keep_empty_features=True), StandardScaler()
        )
        parts.append(("num", num, [f"n:{c}" for c in d.number]))
    if _bin_columns(d):
        parts.append(("bin", "passthrough", _bin_columns(d)))
    features = ColumnTransformer(parts, sparse_threshold=0.0)
    model = LogisticRegression(C=1.0, class_weight="balanced", max_iter=3000, random_state=seed)
    return Pipeline([("features", features), ("model", model)])


def _logistic_map(pipe, d: _Design, index: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Per transformed feature: its group (or -1) and a reason-eligible mask."""
    features = pipe.named_steps["features"]
    gmap: list[int] = []
    eligible: list[bool] = []
    for name, trans, cols in features.transformers_:
        if name == "cat":
            for j, col in enumerate(cols):
                cats = list(trans.categories_[j])
                infreq = trans.infrequent_categories_[j]
                infreq = set() if infreq is None else set(infreq)
                for cat in cats:
                    if cat in infreq:
                        continue
                    gmap.append(index[col])
                    eligible.append(cat != _MISSING)
                if infreq:
                    gmap.append(index[col])
                    eligible.append(False)
        elif name in ("num", "bin"):
            for col in cols:
                gmap.append(index[col])
                eligible.append(True)
    return np.array(gmap, dtype=int), np.array(eligible, dtype=bool)


def _raw_and_contrib(model: FitModel, frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Raw model score per row and the n × groups matrix of reason contributions."""
    n, g = len(frame), len(model._groups)
    if model.kind == "logistic":
        pipe = model.pipeline
        X = pipe.named_steps["features"].transform(frame)
        lr = pipe.named_steps["model"]
        raw = X @ lr.coef_[0] + lr.intercept_[0]
    else:
        X = (
            _lift_matrix(frame, model.lift, model._curves)
            if model.lift is not None
            else np.zeros((n, 0))
        )
        raw = X @ model._weights if X.shape[1] else np.zeros(n)
    contrib = np.zeros((n, g))
    if X.shape[1] and g:
        G = np.zeros((X.shape[1], g))
        ok = model._gmap >= 0
        G[np.flatnonzero(ok), model._gmap[ok]] = 1.0
        contrib = (X * model._weights[None, :]) @ G
    return np.asarray(raw, dtype=float), contrib


def _percentile(model: FitModel, raw: np.ndarray) -> np.ndarray:
    """Share of the reference customers scoring below ``raw`` (ties count half), 0–100."""
    ref = model.reference
    if ref.size == 0:
        return np.full(len(raw), 50.0)
    lo = np.searchsorted(ref, raw, side="left")
    hi = np.searchsorted(ref, raw, side="right")
    return 100.0 * (lo + hi) / (2.0 * ref.size)


def _fit(
    dataset: Dataset,
    best: np.ndarray,
    *,
    traits: list[Trait] | None,
    numeric: list[NumericTrait] | None,
    seed: int,
    kind: Literal["logistic", "lift"] | None = None,
) -> FitModel:
    n_pos, n_neg = int(best.sum()), int((~best).sum())
    d = _design(dataset, best, numeric)
    frame = _frame(dataset.table, d)
    if kind is None:
        kind = "logistic" if min(n_pos, n_neg) >= MIN_LOGISTIC else "lift"
    groups, index = _groups_for(d)
    notes: list[Msg] = []
    model = FitModel(kind=kind, columns=d.columns, n_pos=n_pos, n_neg=n_neg, _design=d)
    model._groups = groups
    if not d.columns:
        notes.append(Msg("score.no_columns"))
    if n_pos == 0 or n_neg == 0:
        notes.append(Msg("score.no_contrast"))
    if kind == "logistic" and d.columns and n_pos and n_neg:
        pipe = _pipeline(d, len(frame), seed)
        pipe.fit(frame, best.astype(int))
        model.pipeline = pipe
        gmap, eligible = _logistic_map(pipe, d, index)
        coef = pipe.named_steps["model"].coef_[0]
        model._gmap = np.where(eligible, gmap, -1)
        model._weights = coef.copy()
    else:
        model.kind = "lift"
        lift = _fit_lift(frame, d, best, traits) if n_pos and n_neg else None
        if lift is None:
            lift = _fit_lift(frame.iloc[:0], d, best[:0], [])
        found = {nt.column for nt in numeric or [] if nt.is_finding}
        curve_rows = []
        for c in d.number if n_pos and n_neg else []:
            z = frame[f"n:{c}"].to_numpy(dtype=float)
            curve = _curve(z[best], z[~best])
            if curve is None:
                continue
            model._curves[c] = curve
            weight = 1.0 if c in found and c not in d.spots else _WEAK
            curve_rows.append(
                {"column": c, "kind": "curve", "value": "", "best": int(n_pos), "rest": int(n_neg),
                 "lift": math.nan, "points": weight, "source": f"n:{c}"}
            )  # fmt: skip
        if curve_rows:
            lift = pd.concat([lift, pd.DataFrame(curve_rows)], ignore_index=True)
        model.lift = lift
        model._weights = lift["points"].to_numpy(dtype=float)
        model._gmap = np.array([index[s] for s in lift["source"]], dtype=int)
    model.notes = notes
    model._best_counts = _best_counts(frame, d, best)
    model._centres = {
        c: float(np.nanmedian(frame[f"n:{c}"])) if frame[f"n:{c}"].notna().any() else 0.0
        for c in d.number
    }
    raw, _ = _raw_and_contrib(model, frame)
    model.reference = np.sort(raw)
    if raw.size:
        p5, p95 = np.quantile(raw, [0.05, 0.95])
        model.spread = float(p95 - p5) if p95 - p5 > 1e-9 else max(float(np.ptp(raw)), 1.0)
    return model


def _best_counts(frame: pd.DataFrame, d: _Design, best: np.ndarray) -> dict[tuple[str, str], int]:
    """Best customers per (column, value key) — tags and sweet spots too — for reason texts."""
    out: dict[tuple[str, str], int] = {}
    for c in d.single:
        for k, n in frame.loc[best, f"s:{c}"].value_counts().items():
            out[(c, str(k))] = int(n)
    for c, tags in d.multi.items():
        for i, tag in enumerate(tags):
            out[(c, _key(tag))] = int((frame.loc[best, f"t:{c}:{i}"] > 0).sum())
    for c in d.spots:
        out[(c, "\x00spot")] = int((frame.loc[best, f"p:{c}"] > 0).sum())
    return out


def fit(
    dataset: Dataset,
    best_mask: pd.Series,
    *,
    traits: list[Trait] | None = None,
    numeric: list[NumericTrait] | None = None,
    seed: int = 0,
) -> FitModel:
    """Learn "looks like the best" from ``dataset``; logistic with ≥ 30 of each, else lift.

    ``traits`` (categorical findings and warning signs, e.g. from the
    Analysis) restrict the lift model to the findings the user was shown;
    ``numeric`` supplies the sweet spots.  Both are optional.
    """
    best = _best_array(dataset, best_mask)
    return _fit(dataset, best, traits=traits, numeric=numeric, seed=seed)


def _best_array(dataset: Dataset, best_mask: pd.Series) -> np.ndarray:
    mask = pd.Series(best_mask).reindex(dataset.table.index)
    return mask.fillna(False).astype(bool).to_numpy()


def predict(model: FitModel, table: pd.DataFrame) -> pd.Series:
    """0–100 fit score per row of ``table`` (customer column names; absent ones = missing)."""
    raw, _ = _raw_and_contrib(model, _frame(table, model._design))
    return pd.Series(np.clip(np.rint(_percentile(model, raw)), 0, 100).astype(int), table.index)


# ---------------------------------------------------------------- reasons


def _fmt_number(v: float) -> str:
    return fmt.number(v, missing="", digits=3)


def _fmt_numbers(values: np.ndarray) -> np.ndarray:
    return _per_unique(pd.Series(values, dtype="float64"), _fmt_number, "")


def _fill(template: str, values: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Render ``template`` (with ``\\x00`` for the value, ``\\x01`` for points) per row."""
    pre, rest = template.split("\x00", 1) if "\x00" in template else (template, "")
    mid, post = rest.split("\x01", 1) if "\x01" in rest else (rest, "")
    pts = points.astype(str).astype(object)
    return pre + values.astype(object) + mid + pts + post


def _reasons(
    model: FitModel, frame: pd.DataFrame, contrib: np.ndarray, lang: Lang, k: int = 3
) -> list[np.ndarray]:
    """The top ``k`` positive contributions per row as plain sentences (vectorised)."""
    n, g = contrib.shape
    out = [np.full(n, "", dtype=object) for _ in range(k)]
    if n == 0 or g == 0:
        return out
    pts_all = np.rint(100.0 * contrib / model.spread)
    masked = np.where(pts_all >= 1, contrib, -np.inf)
    order = np.argsort(-masked, axis=1, kind="stable")[:, :k]
    rows = np.arange(n)
    d = model._design
    for slot in range(min(k, g)):
        idx = order[:, slot]
        ok = np.isfinite(masked[rows, idx])
        for gi in np.unique(idx[ok]):
            sel = np.flatnonzero(ok & (idx == gi))
            grp = model._groups[gi]
            pts = pts_all[sel, gi].astype(int)
            col = grp.column
            if grp.kind == "single":
                tpl = t("score.reason.single", lang, column=col, value="\x00", points="\x01")
                vals = frame[f"d:{col}"].to_numpy(dtype=object)[sel]
                out[slot][sel] = _fill(tpl, vals, pts)
            elif grp.kind == "multi":
                tpl = t("score.reason.multi", lang, column=col, value="\x00", points="\x01")
                out[slot][sel] = _fill(tpl, np.full(len(sel), grp.value, dtype=object), pts)
            else:
                vals = _fmt_numbers(frame[f"v:{col}"].to_numpy(dtype=float)[sel])
                spot = d.spots.get(col)
                in_spot = (
                    frame[f"p:{col}"].to_numpy()[sel] > 0
                    if spot
                    else np.zeros(len(sel), dtype=bool)
                )
                z = frame[f"n:{col}"].to_numpy(dtype=float)[sel]
                texts = np.empty(len(sel), dtype=object)
                if spot:
                    lo, hi = _fmt_numbers(np.array(spot, dtype=float))
                    tpl = t(
                        "score.reason.spot",
                        lang,
                        column=col,
                        value="\x00",
                        low=lo,
                        high=hi,
                        points="\x01",
                    )
                    texts[in_spot] = _fill(tpl, vals[in_spot], pts[in_spot])
                high = ~in_spot & (z >= _centre(model, col))
                low = ~in_spot & ~high
                for mask, key in ((high, "score.reason.high"), (low, "score.reason.low")):
                    if mask.any():
                        tpl = t(key, lang, column=col, value="\x00", points="\x01")
                        texts[mask] = _fill(tpl, vals[mask], pts[mask])
                out[slot][sel] = texts
    return out


def _max_gain(model: FitModel) -> np.ndarray:
    """Per reason group, the most a row can gain from it (0 for a number column of the
    logistic model, whose contribution has no top)."""
    g = len(model._groups)
    out = np.zeros(g)
    if model._weights is None or model._gmap is None:
        return out
    if model.kind == "lift" and model.lift is not None:
        for j, row in enumerate(model.lift.itertuples()):
            gi = model._gmap[j]
            if gi < 0:
                continue
            top = float(model._curves[row.column][1].max()) if row.kind == "curve" else 1.0
            out[gi] = max(out[gi], model._weights[j] * top)
    else:
        for j, gi in enumerate(model._gmap):
            if gi >= 0 and model._groups[gi].kind != "number":
                out[gi] = max(out[gi], float(model._weights[j]))
    return out


def _points(v: np.ndarray) -> np.ndarray:
    return np.array([f"−{abs(int(x))}" for x in v], dtype=object)


def _against(model: FitModel, frame: pd.DataFrame, contrib: np.ndarray, lang: Lang) -> np.ndarray:
    """Per row the one reason that costs it the most, with counts from the best.

    "Industry = Retail: 0 of your best 10 are Retail (−42)": the finding a
    row misses (or the warning sign it carries) that takes the most points
    from what a perfect fit would get.  Empty when nothing costs a point.
    """
    n, g = contrib.shape
    out = np.full(n, "", dtype=object)
    if n == 0 or g == 0:
        return out
    missed = np.rint(100.0 * (_max_gain(model)[None, :] - contrib) / model.spread)
    pick = np.argmax(missed, axis=1)
    rows = np.arange(n)
    ok = missed[rows, pick] >= 1
    d = model._design
    nb = model.n_pos
    for gi in np.unique(pick[ok]):
        sel = np.flatnonzero(ok & (pick == gi))
        grp = model._groups[gi]
        col = grp.column
        pts = _points(missed[sel, gi])
        texts = np.empty(len(sel), dtype=object)
        if grp.kind == "single":
            values = frame[f"d:{col}"].to_numpy(dtype=object)[sel]
            keys = frame[f"s:{col}"].to_numpy(dtype=object)[sel]
            for i, (v, k, p) in enumerate(zip(values, keys, pts, strict=True)):
                if k == _MISSING or v is None or (isinstance(v, float) and math.isnan(v)):
                    texts[i] = t("score.reason.against.missing", lang, column=col, points=p)
                else:
                    count = model._best_counts.get((col, str(k)), 0)
                    texts[i] = t(
                        "score.reason.against", lang, column=col, value=v, count=count, n=nb,
                        points=p,
                    )  # fmt: skip
        elif grp.kind == "multi":
            count = model._best_counts.get((col, _key(grp.value)), 0)
            idx = d.multi[col].index(grp.value)
            has = frame[f"t:{col}:{idx}"].to_numpy()[sel] > 0
            for i, (h, p) in enumerate(zip(has, pts, strict=True)):
                key = "score.reason.against.has" if h else "score.reason.against.multi"
                texts[i] = t(key, lang, column=col, value=grp.value, count=count, n=nb, points=p)
        else:
            vals = _fmt_numbers(frame[f"v:{col}"].to_numpy(dtype=float)[sel])
            spot = d.spots.get(col)
            z = frame[f"n:{col}"].to_numpy(dtype=float)[sel]
            for i, (v, zz, p) in enumerate(zip(vals, z, pts, strict=True)):
                if not np.isfinite(zz):
                    texts[i] = t("score.reason.against.missing", lang, column=col, points=p)
                elif spot:
                    lo, hi = _fmt_numbers(np.array(spot, dtype=float))
                    count = model._best_counts.get((col, "\x00spot"), 0)
                    texts[i] = t(
                        "score.reason.against.number", lang, column=col, value=v, low=lo, high=hi,
                        count=count, n=nb, points=p,
                    )  # fmt: skip
                else:
                    key = "score.reason.high" if zz >= _centre(model, col) else "score.reason.low"
                    texts[i] = t(key, lang, column=col, value=v, points=p)
        out[sel] = texts
    return out


def _centre(model: FitModel, col: str) -> float:
    """The customers' mean of a transformed number column (what "high"/"low" is relative to)."""
    if model.kind == "logistic" and model.pipeline is not None:
        features = model.pipeline.named_steps["features"]
        for name, trans, cols in features.transformers_:
            if name == "num" and f"n:{col}" in cols:
                return float(trans[-1].mean_[cols.index(f"n:{col}")])
    return model._centres.get(col, -np.inf)


# ---------------------------------------------------------------- scoring


def _tier(score: np.ndarray) -> np.ndarray:
    a, b, c = TIER_EDGES
    return np.select([score >= a, score >= b, score >= c], ["A", "B", "C"], "D").astype(object)


def _or(texts: np.ndarray, key: str, lang: Lang) -> np.ndarray:
    """Empty reason cells filled with the plain "nothing for / against it" sentence."""
    return np.where(texts == "", t(f"score.reason.{key}", lang), texts).astype(object)


def _scored_table(
    model: FitModel,
    source: pd.DataFrame,
    model_input: pd.DataFrame,
    lang: Lang,
    name_column: str | None = None,
) -> pd.DataFrame:
    """Name first, then score, tier, action, three reasons for and one against, then the
    rest of the row as given; best fit first."""
    frame = _frame(model_input, model._design)
    raw, contrib = _raw_and_contrib(model, frame)
    score = np.clip(np.rint(_percentile(model, raw)), 0, 100).astype(int)
    tiers = _tier(score)
    actions = {tier: t(f"score.action.{tier}", lang) for tier in TIERS}
    reasons = _reasons(model, frame, contrib, lang)
    reasons[0] = _or(reasons[0], "none_for", lang)
    data = source.rename(
        columns={
            c: f"{c} ({t('score.input_suffix', lang)})"
            for c in source.columns
            if c in SCORE_COLUMNS
        }
    )
    head = pd.DataFrame(
        {
            "score": score,
            "tier": tiers,
            "action": pd.Series(tiers).map(actions).to_numpy(dtype=object),
            "reason_1": reasons[0],
            "reason_2": reasons[1],
            "reason_3": reasons[2],
            "reason_against": _or(_against(model, frame, contrib, lang), "none_against", lang),
        },
        index=source.index,
    )
    parts = [head, data]
    if name_column is not None and name_column in data.columns:
        parts = [data[[name_column]], head, data.drop(columns=[name_column])]
    out = pd.concat(parts, axis=1)
    order = np.argsort(-raw, kind="stable")
    return out.iloc[order]


_NORM_RE = re.compile(r"[\s_\-\.:：/\\()（）\[\]【】#]+")


def _norm_name(name: str) -> str:
    return _NORM_RE.sub("", unicodedata.normalize("NFKC", str(name)).casefold())


def _model_columns(customers: Dataset) -> list[str]:
    d = _design(customers, np.zeros(len(customers.table), dtype=bool), None)
    return d.columns


def _match(columns: list[str], customers: Dataset, prospects: Dataset):
    taken: set[str] = set()
    pairs: dict[str, str] = {}
    pcols = [c.name for c in prospects.mapping.columns if c.name in prospects.table.columns]
    by_norm = {}
    for p in pcols:
        by_norm.setdefault(_norm_name(p), p)
    for c in columns:
        p = by_norm.get(_norm_name(c))
        if p is not None and p not in taken:
            pairs[c] = p
            taken.add(p)
    for c in columns:
        if c in pairs:
            continue
        spec = customers.mapping.get(c)
        if spec is None or spec.role == Role.NONE:
            continue
        for ps in prospects.mapping.columns:
            if ps.role == spec.role and ps.name not in taken and ps.name in pcols:
                pairs[c] = ps.name
                taken.add(ps.name)
                break
    matched = [(pairs[c], c) for c in columns if c in pairs]
    unmatched = [c for c in columns if c not in pairs]
    return matched, unmatched


def match_columns(
    customers: Dataset, prospects: Dataset
) -> tuple[list[tuple[str, str]], list[str]]:
    """Line up the prospect list with the model's customer columns.

    Returns ``(matched, unmatched)``: ``(prospect column, customer column)``
    pairs matched by normalised header (case, width, spaces and punctuation
    ignored) or, failing that, by the same role; and the customer model
    columns the prospect list has no counterpart for (scored as missing).
    """
    return _match(_model_columns(customers), customers, prospects)


def _model_for(customers: Dataset, analysis: Analysis, seed: int = 0) -> FitModel:
    return fit(
        customers,
        analysis.best_mask,
        traits=[*analysis.traits, *analysis.warning_traits] or None,
        numeric=analysis.numeric,
        seed=seed,
    )


def score_prospects(
    customers: Dataset,
    analysis: Analysis,
    prospects: Dataset,
    *,
    lang: Lang,
    model: FitModel | None = None,
    with_backtest: bool = True,
) -> Scored:
    """Score every prospect row 0–100 for fit with tier, action and top-3 reasons."""
    model = model or _model_for(customers, analysis)
    matched, unmatched = _match(model.columns, customers, prospects)
    pt = prospects.table
    model_input = pd.DataFrame({c: pt[p] for p, c in matched}, index=pt.index)
    table = _scored_table(model, pt, model_input, lang, prospects.name_column)
    bt = backtest(customers, analysis.best_mask, kind=model.kind) if with_backtest else None
    if bt is not None:
        model.cv_auc = bt.auc
    return Scored(table=table, matched=matched, unmatched=unmatched, model=model, backtest=bt)


def _own_candidates(customers: Dataset, analysis: Analysis) -> np.ndarray:
    best = _best_array(customers, analysis.best_mask)
    col = customers.mapping.col(Role.OUTCOME)
    if col and col in customers.table.columns:
        won = parse.won_mask(customers.table[col]).fillna(False).astype(bool).to_numpy()
        if won.any():
            return ~won & ~best
    return ~best


def score_own(
    customers: Dataset,
    analysis: Analysis,
    *,
    lang: Lang,
    model: FitModel | None = None,
    with_backtest: bool = True,
) -> Scored:
    """Score the user's own not-yet-won (or not-best) customers, best fit first.

    Seed 000's "寻找增量客户": the unsigned customers that overlap the signed
    profile are the ones to follow up first.  Rows marked won in an outcome
    column and the best set itself are left out.
    """
    model = model or _model_for(customers, analysis)
    keep = _own_candidates(customers, analysis)
    ct = customers.table.loc[keep]
    table = _scored_table(model, ct, ct, lang, customers.name_column)
    bt = backtest(customers, analysis.best_mask, kind=model.kind) if with_backtest else None
    if bt is not None:
        model.cv_auc = bt.auc
    matched = [(c, c) for c in model.columns]
    return Scored(table=table, matched=matched, unmatched=[], model=model, backtest=bt)


def customer_scores(customers: Dataset, analysis: Analysis, *, model: FitModel | None = None):
    """0–100 fit score of every customer (aligned to the table index), e.g. for the 2×2."""
    model = model or _model_for(customers, analysis)
    return predict(model, customers.table)


# ---------------------------------------------------------------- backtest


def backtest(
    dataset: Dataset,
    best_mask: pd.Series,
    *,
    seed: int = 0,
    kind: Literal["logistic", "lift"] | None = None,
) -> Backtest:
    """Stratified k-fold check: AUC of held-out scores and held-out best landing in tier A.

    Each fold's model is fitted without the analysis' traits (they were
    found on all rows, which would leak the held-out rows into training).
    """
    from sklearn.metrics import roc_auc_score  # lazy: startup speed
    from sklearn.model_selection import StratifiedKFold  # lazy: startup speed

    best = _best_array(dataset, best_mask)
    n, n_pos = len(best), int(best.sum())
    n_neg = n - n_pos
    too_small = n_pos < 10 or n < 60
    warning = Msg("score.backtest.too_small", {"best": n_pos, "rows": n}) if too_small else None
    empty = pd.DataFrame({"contacted": [0.0, 1.0], "found": [0.0, 1.0]})
    k = min(5, n_pos, n_neg)
    if k < 2:
        return Backtest(None, 0, 0, n_pos, True, empty, warning or Msg("score.backtest.none"))
    if kind is None:
        kind = "logistic" if min(n_pos, n_neg) >= MIN_LOGISTIC else "lift"
    oof = np.zeros(n)
    folds = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    for train, test in folds.split(np.zeros(n), best):
        sub = Dataset(
            table=dataset.table.iloc[train],
            mapping=dataset.mapping,
            source=dataset.source,
            report=None,
        )
        m = _fit(sub, best[train], traits=None, numeric=None, seed=seed, kind=kind)
        raw, _ = _raw_and_contrib(m, _frame(dataset.table.iloc[test], m._design))
        oof[test] = _percentile(m, raw)
    auc = float(roc_auc_score(best, oof))
    in_a = int((best & (np.rint(oof) >= TIER_EDGES[0])).sum())
    order = np.argsort(-oof, kind="stable")
    found = np.concatenate([[0.0], np.cumsum(best[order]) / max(n_pos, 1)])
    contacted = np.arange(n + 1) / n
    pick = np.unique(np.linspace(0, n, min(n + 1, 101)).round().astype(int))
    curve = pd.DataFrame({"contacted": contacted[pick], "found": found[pick]})
    return Backtest(auc, k, in_a, n_pos, too_small, curve, warning)


def backtest_chart(bt: Backtest, *, lang: Lang):
    """Altair gain chart: share of best found vs share of the list contacted."""
    import altair as alt  # lazy: startup speed

    x_t, y_t = t("score.chart.contacted", lang), t("score.chart.found", lang)
    data = bt.curve.assign(random=bt.curve["contacted"])
    base = alt.Chart(data).encode(x=alt.X("contacted:Q", title=x_t, axis=alt.Axis(format="%")))
    model = base.mark_line(point=False).encode(
        y=alt.Y("found:Q", title=y_t, axis=alt.Axis(format="%")),
        tooltip=[alt.Tooltip("contacted:Q", format=".0%"), alt.Tooltip("found:Q", format=".0%")],
    )
    chance = base.mark_line(strokeDash=[4, 4], color="gray").encode(y="random:Q")
    return (chance + model).properties(height=260)


# ---------------------------------------------------------------- Excel


def _header_label(col: str, lang: Lang) -> str:
    return t(f"score.col.{col}", lang) if col in SCORE_COLUMNS else str(col)


def scored_xlsx_bytes(scored: Scored, *, lang: Lang) -> bytes:
    """The scored list as a formula-safe .xlsx with localised headers (see ``icp.xlsx``)."""
    df = scored.table
    return frame_xlsx_bytes(
        df,
        headers=[_header_label(c, lang) for c in df.columns],
        sheet_name=t("score.sheet", lang),
    )
