"""Why a row scored as it did: up to three reasons for and one against,
each with its points and the counts from the best customers.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from icp import fmt
from icp.i18n import Lang, t
from icp.score.design import _MISSING, FitModel, _key
from icp.xlsx import per_unique as _per_unique

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
