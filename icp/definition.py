"""What "best" means for one run, worked out once and said in one sentence.

``resolve(dataset, settings)`` turns the confirmed mapping and the saved
settings into a ``Definition``: top-N by criteria or an outcome column with
its good values, the columns behind each criterion, the name and id columns,
the deal-derived aggregates — and a one-line reason for each choice, which
the Data page's confirm step shows.  ``Definition.defining_columns`` and
``id_columns`` are what ``icp.analysis.run`` removes before any finding,
word, suggestion or score input is computed, so what defines best can never
come back as what the best share.

``definition_sentence`` is the one plain sentence every page, slide and
export shows ("Best = the top 10 of 320 by deal value and sales cycle (equal
weights)"; "Won = “Deal Outcome” is Won (1,234) vs Lost (5,500); 703 open
left out").  It is plain text: customer text inside it is data, and each
renderer escapes it like any other cell.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import numpy as np
import pandas as pd

from icp.i18n import Msg
from icp.model import CRITERION_ROLES, Criterion, Definition, definition_json, definition_sentence
from icp.outcome import (
    default_good_values,
    id_reason,
    label_codes,
    label_counts,
    read_header,
    read_value,
    split_outcome,
)
from icp.parse import factorized
from icp.schema import FieldType, Role

if TYPE_CHECKING:
    from icp.dataset import Dataset
    from icp.model import Settings


__all__ = [
    "CRITERION_ROLES",
    "definition_json",
    "definition_sentence",
    "outcome_choices",
    "outcome_values",
    "resolve",
    "resolve_good_values",
    "won_series",
]


def outcome_values(dataset: Dataset, column: str | None) -> list[tuple[str, int]]:
    """The distinct values of ``column`` with their row counts, commonest first."""
    if column is None or column not in dataset.table.columns:
        return []
    return [(k, v) for k, v in label_counts(dataset.table[column]) if k]


def outcome_choices(dataset: Dataset) -> list[str]:
    """Columns the user may pick as the outcome: few distinct values, not numbers or dates."""
    out = []
    for spec in dataset.mapping.columns:
        if not spec.include or spec.name not in dataset.table.columns:
            continue
        if spec.type in (FieldType.DATE, FieldType.TEXT, FieldType.MULTI):
            continue
        if spec.role in (Role.NAME, Role.ID):
            continue
        if 2 <= dataset.table[spec.name].nunique() <= 20:
            out.append(spec.name)
    return out


def won_series(
    dataset: Dataset, column: str | None, good: list[str], *, memo: dict | None = None
) -> pd.Series | None:
    """Good / other / open (nullable boolean) per row, or None without an outcome column.

    ``memo`` (``icp.analysis``'s, per data set): worked out once for a column and its good
    values, not again by ``resolve``."""
    if column is None or column not in dataset.table.columns:
        return None
    key = ("won", column, tuple(good))
    return _memoised(memo, key, lambda: split_outcome(dataset.table[column], good))


def _outcome_counts(
    dataset: Dataset, column: str | None, memo: dict | None
) -> list[tuple[str, int]]:
    """``outcome_values``, once per data set and column when there is a ``memo``."""
    return _memoised(memo, ("outcome values", column), lambda: outcome_values(dataset, column))


def resolve_good_values(
    dataset: Dataset, column: str | None, saved: list[str] | None, *, memo: dict | None = None
) -> list[str]:
    """The saved good values still present in ``column``, else the default by polarity."""
    if column is None:
        return []
    values = [v for v, _ in _outcome_counts(dataset, column, memo)]
    if saved is not None:
        kept = [v for v in saved if v in values]
        if kept:
            return kept
    return default_good_values(values, header=column or "")


def _derived_columns(dataset: Dataset) -> list[str]:
    """Columns the join computed from the deals that measure buying (counts,
    values, rates, cycle, dates, the outcome) — not products or agents."""
    if dataset.join is None:
        return []
    return [
        spec.name
        for spec in dataset.join.specs
        if spec.type in (FieldType.NUMBER, FieldType.DATE) or spec.role == Role.OUTCOME
    ]


def _echo_columns(
    dataset: Dataset, out_col: str, good: list[str], shared: dict | None = None
) -> list[str]:
    """Columns that only restate the outcome: within each outcome value one
    value of the column covers ≥ 95% of the rows, and the won rows' value is
    their own (a CRM's "Probability (%)" is 100 on every Closed Won row, a
    "Forecast Category" is "Closed").  A column filled on one side only is one
    too: a "Lost reason" is blank on every won deal, a "Won time" on every lost
    one, so "0 of your won deals have Lost reason = Price" is no finding.  They
    define best as much as the outcome does, so they are never findings.  One
    count matrix per column (numpy).  ``shared``: factorised columns kept for the traits
    (``icp.parse.factorized``)."""
    table = dataset.table
    o_codes, o_uniq = label_codes(table[out_col])
    o_sizes = np.bincount(o_codes[o_codes >= 0], minlength=len(o_uniq))
    groups = [i for i, v in enumerate(o_uniq) if o_sizes[i] >= 3 and str(v)]
    is_good = np.array([str(o_uniq[i]) in good for i in groups])
    if len(groups) < 2 or not is_good.any() or is_good.all():
        return []
    good_codes = [i for i in groups if str(o_uniq[i]) in good]
    good_rows = np.isin(o_codes, good_codes)
    bad_rows = np.isin(o_codes, [i for i in groups if i not in good_codes])
    out = []
    for spec in dataset.mapping.columns:
        name = spec.name
        if name == out_col or name not in table.columns or spec.role in (Role.NAME, Role.ID):
            continue
        col = table[name]
        if _one_sided(col.notna().to_numpy(), good_rows, bad_rows):
            out.append(name)
            continue
        if len(pd.factorize(col.iloc[:1000])[1]) > 50:  # a million names: not worth a full pass
            continue
        codes, uniq = factorized(col, name, shared)
        if len(uniq) > 50 or len(uniq) < 2:
            continue
        ok = (o_codes >= 0) & (codes >= 0)
        counts = np.bincount(
            o_codes[ok] * len(uniq) + codes[ok], minlength=len(o_uniq) * len(uniq)
        ).reshape(len(o_uniq), len(uniq))[groups]
        filled = counts.sum(axis=1)
        if (filled < 0.9 * o_sizes[groups]).any() or (counts.max(axis=1) < 0.95 * filled).any():
            continue
        modes = counts.argmax(axis=1)
        if not set(modes[is_good]) & set(modes[~is_good]):
            out.append(name)
    return out


def _one_sided(filled: np.ndarray, good_rows: np.ndarray, bad_rows: np.ndarray) -> bool:
    """Whether a column is filled on (nearly) no row of one side and on many of the other."""
    # the means of ``filled[good_rows]`` and ``filled[bad_rows]``, counted without the copies
    # (a count over a count: the same float)
    n_good, n_bad = np.count_nonzero(good_rows), np.count_nonzero(bad_rows)
    if not n_good or not n_bad:  # an empty side's mean is NaN: never one-sided
        return False
    g = np.count_nonzero(filled & good_rows) / n_good
    b = np.count_nonzero(filled & bad_rows) / n_bad
    return bool((g <= 0.05 and b >= 0.3) or (b <= 0.05 and g >= 0.3))


def _stage_columns(dataset: Dataset, crits: list[Criterion]) -> list[str]:
    """Status/stage columns that only say whether a customer bought at all.

    On a list without an outcome, best is ranked by value; a "Lifecycle Stage"
    whose values for the rows with a value (customer, evangelist) never occur
    among the rows without one (lead, opportunity) restates "has bought", so
    "the best are Lifecycle Stage = customer" would be circular.  Only headers
    that read as a status or stage qualify (a "Plan" column stays a finding)."""
    table = dataset.table
    measure = [c for crit in crits if crit.id == "deal_value" for c in crit.columns]
    measure = [c for c in measure if c in table.columns]
    if not measure:
        return []
    values = table[measure].apply(pd.to_numeric, errors="coerce")
    bought = (values.fillna(0) > 0).any(axis=1).to_numpy()
    if bought.sum() < 3 or (~bought).sum() < 3:
        return []
    out = []
    for spec in dataset.mapping.columns:
        if (
            spec.name in measure
            or spec.role in (Role.NAME, Role.ID)
            or read_header(spec.name) is None
        ):
            continue
        col = table[spec.name]
        if col.nunique() > 50:
            continue
        on, off = col[bought].dropna(), col[~bought].dropna()
        if len(on) < 0.9 * bought.sum() or len(off) < 0.9 * (~bought).sum():
            continue
        shared = set(on.unique()) & set(off.unique())
        mixed = on.isin(shared).sum() + off.isin(shared).sum()
        if mixed <= 0.02 * (len(on) + len(off)):
            out.append(spec.name)
    return out


def _component_columns(dataset: Dataset, crits: list[Criterion]) -> dict[str, tuple[str, ...]]:
    """Numeric columns that make up a ranking measure: column → (measure, the columns of
    the product).

    A churn table's "TotalCharges" is "MonthlyCharges" × "tenure": ranking by it ranks
    by both, so "your best have tenure 60 or more" only restates the definition.  A
    column that is the measure up to a constant factor (the same revenue in another
    currency) restates it too.  Found on logarithms, where a product is a sum:
    log measure against log a (a copy) or log a + log b (a product), Pearson r ≥ 0.98 on
    ≥ 20 rows where all are positive; pairs only among the 12 columns closest to the
    measure, so a wide sheet stays cheap.
    """
    table = dataset.table
    measures = list(dict.fromkeys(c for crit in crits for c in crit.columns))
    numeric = [
        s.name
        for s in dataset.mapping.columns
        if s.type == FieldType.NUMBER
        and s.name not in measures
        and s.name in table.columns
        and s.role not in (Role.ID, Role.NAME)
    ]
    if not numeric:
        return {}
    cols = [*numeric, *(m for m in measures if m in table.columns)]
    if len(table) <= 5000:
        sample = table[cols]
    else:  # the rows DataFrame.sample(5000, random_state=0) picks, taken before the
        # columns: taking the columns first copied all their rows (~0.3 s at 1M rows)
        at = pd.Series(np.arange(len(table))).sample(5000, random_state=0).to_numpy()
        sample = table.iloc[at][cols]
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.log(sample[numeric].apply(pd.to_numeric, errors="coerce").to_numpy(float))
    out: dict[str, tuple[str, ...]] = {}
    for m in measures:
        if m not in table.columns or not pd.api.types.is_numeric_dtype(table[m].dtype):
            continue
        with np.errstate(divide="ignore", invalid="ignore"):
            y = np.log(sample[m].to_numpy(float))
        r1 = np.array([_log_r(y, logs[:, j]) for j in range(len(numeric))])
        for j in np.flatnonzero(r1 >= 0.98):
            out.setdefault(numeric[j], (m, numeric[j]))
        near = [j for j in np.argsort(-np.nan_to_num(r1, nan=-1))[:12] if np.isfinite(r1[j])]
        for i, a in enumerate(near):
            for b in near[i + 1 :]:
                if _log_r(y, logs[:, a] + logs[:, b]) >= 0.98:
                    out.setdefault(numeric[a], (m, numeric[a], numeric[b]))
                    out.setdefault(numeric[b], (m, numeric[a], numeric[b]))
    return out


def _log_r(y: np.ndarray, x: np.ndarray) -> float:
    """Pearson r of two log columns over the rows where both are finite (NaN under 20)."""
    ok = np.isfinite(y) & np.isfinite(x)
    if ok.sum() < 20 or np.ptp(x[ok]) == 0 or np.ptp(y[ok]) == 0:
        return float("nan")
    return float(np.corrcoef(y[ok], x[ok])[0, 1])


_Found = TypeVar("_Found", list, dict, pd.Series)


def _memoised(memo: dict | None, key: tuple, compute: Callable[[], _Found]) -> _Found:
    """The echo and component columns, the outcome's value counts and its good/other
    reading depend on the data, the outcome and the measures only, not on weights or N:
    worked out once per data set (``icp.analysis``'s memo), not on every slider move.  A
    copy is returned, so a caller cannot change the memo."""
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return copy.copy(memo[key])


def _id_columns(dataset: Dataset) -> dict[str, str]:
    """Id column → why ("role" when mapped as an id, else the shape that gave it away)."""
    out: dict[str, str] = {}
    for spec in dataset.mapping.columns:
        if spec.name not in dataset.table.columns:
            continue
        if spec.role == Role.ID:
            out[spec.name] = id_reason(dataset.table[spec.name], header=spec.name) or "role"
        elif spec.role == Role.NONE and spec.type != FieldType.DATE:
            why = id_reason(dataset.table[spec.name], header=spec.name)
            if why is not None:
                out[spec.name] = why
    return out


def _criterion_columns(dataset: Dataset, criteria: list[str]) -> list[Criterion]:
    out = []
    for crit in criteria:
        cols = []
        for role in CRITERION_ROLES[crit]:
            col = dataset.mapping.col(role)
            if col is not None and col not in cols:
                cols.append(col)
        out.append(Criterion(id=crit, columns=tuple(cols), weight=1.0))
    return out


def resolve(
    dataset: Dataset,
    settings: Settings,
    *,
    mode: str,
    criteria: list[str],
    top_n: int,
    among_good: bool = False,
    memo: dict | None = None,
    shared: dict | None = None,
) -> Definition:
    """The ``Definition`` of one run: ``mode``, ``criteria`` and ``top_n`` as
    ``icp.analysis.run`` settled them (after its fallbacks), the rest from the
    mapping, the saved good values and the data.  ``shared``: the run's factorised
    columns (``icp.parse.factorized``)."""
    mapping = dataset.mapping
    reasons: dict[str, Msg] = {}
    out_col = mapping.col(Role.OUTCOME)
    good = resolve_good_values(dataset, out_col, settings.good_values, memo=memo)
    counts = _outcome_counts(dataset, out_col, memo)
    n_good = n_bad = n_open = 0
    bad: list[str] = []
    if out_col is not None:
        won = won_series(dataset, out_col, good, memo=memo)
        assert won is not None
        n_good = int(won.fillna(False).sum())
        n_bad = int((won == False).fillna(False).sum())  # noqa: E712 (nullable boolean)
        n_open = len(won) - n_good - n_bad
        bad = [v for v, _ in counts if v not in good and read_value(v) is not None]
        read = read_header(out_col)
        if read is not None:
            key = (
                "definition.reason.outcome_lost" if read.lost_style else "definition.reason.outcome"
            )
            reasons[out_col] = Msg(key, {"word": read.word})
        else:
            reasons[out_col] = Msg("definition.reason.outcome_chosen")
    weights = {c: max(0.0, float(settings.weights.get(c, 1.0))) for c in criteria}
    active = [c for c in criteria if weights[c] > 0] or list(criteria)
    crits = [
        Criterion(id=c.id, columns=c.columns, weight=weights.get(c.id, 1.0))
        for c in _criterion_columns(dataset, active)
    ]
    for c in crits:
        for col in c.columns:
            reasons.setdefault(col, Msg("definition.reason.criterion", {"criterion": c.id}))
    derived = _derived_columns(dataset)
    for col in derived:
        reasons.setdefault(col, Msg("definition.reason.derived"))
    if out_col is not None:
        key = ("echo", out_col, tuple(good))
        echoes = _memoised(memo, key, lambda: _echo_columns(dataset, out_col, good, shared))
        echo_reason = Msg("definition.reason.echo", {"column": out_col})
    else:
        used = crits if mode == "top" else []
        key = ("stage", tuple(col for c in used if c.id == "deal_value" for col in c.columns))
        echoes = _memoised(memo, key, lambda: _stage_columns(dataset, used))
        echo_reason = Msg("definition.reason.bought")
    for col in echoes:
        if col not in derived:
            derived.append(col)
            reasons.setdefault(col, echo_reason)
    if mode == "top":
        key = ("parts", tuple(col for c in crits for col in c.columns))
        parts = _memoised(memo, key, lambda: _component_columns(dataset, crits))
        for col, (measure, *product) in parts.items():
            if col not in derived:
                derived.append(col)
                why = "definition.reason.copy" if len(product) == 1 else "definition.reason.part"
                reasons.setdefault(
                    col, Msg(why, {"column": measure, "a": product[0], "b": product[-1]})
                )
    ids = _id_columns(dataset)
    for col, why in ids.items():
        reasons.setdefault(col, Msg(f"definition.reason.id.{why}"))
    name_col = mapping.col(Role.NAME)
    if name_col is not None:
        reasons.setdefault(name_col, Msg("definition.reason.name"))
    return Definition(
        mode=mode,  # type: ignore[arg-type]
        n_rows=len(dataset.table),
        top_n=top_n,
        criteria=crits if mode == "top" else [],
        available=_criterion_columns(dataset, criteria),
        outcome_column=out_col,
        good_values=good,
        bad_values=bad,
        value_counts=dict(counts),
        n_good=n_good,
        n_bad=n_bad,
        n_open=n_open,
        name_column=name_col,
        id_columns=list(ids),
        derived_columns=derived,
        reasons=reasons,
        lost_style=bool(out_col is not None and (read := read_header(out_col)) and read.lost_style),
        among_good=among_good and mode == "top",
    )
