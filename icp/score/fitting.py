"""Fitting the prospect fit model: the lift sum or the logistic pipeline, and
the 0–100 percentile against the user's own customers.
"""

from __future__ import annotations

import math
from typing import Literal

import numpy as np
import pandas as pd

from icp.dataset import Dataset
from icp.i18n import Msg
from icp.model import NumericTrait, Trait
from icp.score.design import (
    _MISSING,
    MIN_LOGISTIC,
    FitModel,
    _bin_columns,
    _Design,
    _design,
    _frame,
    _Group,
    _key,
    _min_frequency,
)

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
