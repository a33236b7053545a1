"""The analysis entry point: ranking + traits + KPIs in one result object.

``run(dataset, settings)`` is what the pages, the CLI and the report call,
so they can never disagree.  It composes ``icp.rank`` (S1 best-customer
score and stability) and ``icp.traits`` (best-vs-rest commonalities).
The result types (``Settings``, ``Analysis``, ``Trait`` …) live in
``icp.model`` so the modules this one calls can use them without importing
it; import them from there (and number formats from ``icp.fmt``) — this
module exports only ``run``.
"""

from __future__ import annotations

import threading
import weakref
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import numpy as np
import pandas as pd

from icp import definition as _definition
from icp import rank as _rank
from icp import traits as _traits
from icp.dataset import Dataset
from icp.errors import InputError
from icp.i18n import Msg
from icp.model import (
    Analysis,
    Definition,
    Kpi,
    NumericTrait,
    Ranking,
    Settings,
    Trait,
)
from icp.rank import role_values
from icp.schema import ColumnSpec, FieldType, Mapping, Role

__all__ = ["run"]


def _median(s: pd.Series | None, mask: np.ndarray) -> float | None:
    if s is None:
        return None
    v = s.to_numpy(dtype=float)[mask]
    v = v[np.isfinite(v)]
    return float(np.median(v)) if len(v) else None


def _kpis(dataset: Dataset, cv: Any, best: np.ndarray, rest: np.ndarray) -> dict[str, Kpi]:
    """Medians best vs rest (medians, not means: one giant account must not
    decide the tile) for the KPIs the data supports."""
    series = {
        "ltv_cac": cv.ltv_cac,
        "sales_cycle_days": cv.cycle_days,
        "employees": role_values(dataset, Role.EMPLOYEES),
        "deal_value": role_values(dataset, Role.VALUE),
    }
    value_col = dataset.mapping.col(Role.VALUE)
    units = {"deal_value": dataset.units.get(value_col) if value_col else None}
    return {
        k: Kpi(k, _median(s, best), _median(s, rest), unit=units.get(k))
        for k, s in series.items()
        if s is not None
    }


def _outcome_groups(won: pd.Series | None) -> tuple[np.ndarray, np.ndarray, int] | None:
    """(good, other, open count) from the good/other/open reading, or None without one."""
    if won is None:
        return None
    known = won.notna().to_numpy()
    is_won = won.fillna(False).to_numpy(dtype=bool) & known
    return is_won, known & ~is_won, int((~known).sum())


def _ties(rt: pd.DataFrame) -> Msg | None:
    """A plain warning when many more customers share the cut-off score than fit in the best N.

    Pinned and excluded customers are set by hand and never part of a tie.
    """
    free = rt[~rt["pinned"] & ~rt["excluded"]]
    best = free[free["is_best"]]
    if best.empty or len(free) <= len(best):
        return None
    cut = float(best["score"].min())
    tied = int(np.isclose(free["score"].to_numpy(), cut, rtol=0.0, atol=1e-9).sum())
    picked = int(np.isclose(best["score"].to_numpy(), cut, rtol=0.0, atol=1e-9).sum())
    if tied - picked < max(3, len(best) // 2):  # one or two look-alikes at the edge: no news
        return None
    return Msg(
        "analysis.ties",
        {
            "tied": tied,
            "n": int(rt["is_best"].sum()),
            "above": len(best) - picked,
            "picked": picked,
        },
    )


def _profile(dataset: Dataset, definition: Definition) -> tuple[list[str], Mapping]:
    """The columns findings may come from, and the mapping with every other column off.

    This is the one place where what defines best (the outcome, the columns
    behind each active criterion, the deal aggregates), the ids and the name
    leave the analysis: traits, numeric findings, keywords and leads are
    computed on this mapping, and clouds, scores and builders read it too.
    """
    out = definition.excluded_columns
    specs = [
        ColumnSpec(c.name, c.type, c.role, c.sep, c.include and c.name not in out)
        for c in dataset.mapping.columns
    ]
    keep = [c.name for c in specs if c.include and c.name in dataset.table.columns]
    return keep, Mapping(specs)


def run(dataset: Dataset, settings: Settings | None = None) -> Analysis:
    """Rank, compare best vs rest, and compute KPIs for ``dataset``.

    Top mode ranks by the S1 score (``icp.rank``); outcome mode compares won
    vs not won (open deals in neither group).  Outcome mode without a usable
    outcome column falls back to top mode with a warning, and top mode
    without any ranking criterion falls back to outcome mode when it can.
    Raises ``InputError`` only when neither is possible or the table is tiny.
    """
    settings = settings or Settings()
    table = dataset.table
    n = len(table)
    if n < 3:
        raise InputError("analysis.too_few_rows", n=n)
    warnings: list[Msg] = []
    memo = _memo_for(dataset)
    blanks = _blank_text_aside(dataset, memo)
    cv_key = f"rank.values.{float(settings.lifetime_years)!r}"
    cv = memo.get(cv_key)
    if cv is None:
        cv = memo.setdefault(
            cv_key, _rank.criterion_values(dataset, lifetime_years=settings.lifetime_years)
        )
    out_col = dataset.mapping.col(Role.OUTCOME)
    good = _definition.resolve_good_values(dataset, out_col, settings.good_values, memo=memo)
    won = _definition.won_series(dataset, out_col, good, memo=memo)
    groups = _outcome_groups(won)
    usable = groups is not None and groups[0].any() and groups[1].any()

    mode = settings.mode
    if mode == "outcome" and not usable:
        key = "analysis.no_outcome_column" if groups is None else "analysis.outcome_one_sided"
        warnings.append(Msg(key))
        mode = "top"
    # A names-only list (no measure, no outcome) can still have its best picked by hand
    # (the 7-step method assumes you can): the pins are then the best set, exactly.
    hand_picked = mode == "top" and not cv.parts and not usable and bool(settings.pins)
    if mode == "top" and not cv.parts and not hand_picked:
        if not usable:
            raise InputError("analysis.no_criteria")
        warnings.append(Msg("analysis.no_criteria_using_outcome"))
        mode = "outcome"

    ranking: Ranking | None = None
    top_n = max(1, int(settings.top_n))
    if mode == "outcome":
        assert groups is not None
        best, rest, n_open = groups
        if n_open:
            warnings.append(Msg("analysis.open_excluded", {"n": n_open}))
        if settings.pins or settings.excludes:
            warnings.append(Msg("analysis.pins_ignored_outcome"))
        names = dataset.names()
        best_names = [str(x) for x in names[best]]
    else:
        if hand_picked:
            top_n = max(1, len(set(settings.pins) - set(settings.excludes)))
            warnings.append(Msg("analysis.hand_picked", {"n": top_n}))
        if top_n >= n:
            top_n = n - 1
            warnings.append(Msg("analysis.top_n_clamped", {"n": top_n}))
        # On a list with an outcome, a lost or open row is never a best customer
        # however large it was: rank among the good-outcome rows only.
        pool = groups[0] if usable and not hand_picked and groups is not None else None
        if pool is not None and int(pool.sum()) <= top_n:
            warnings.append(Msg("analysis.few_good", {"n": int(pool.sum())}))
        rt, criteria, notes = _rank.rank(
            dataset,
            weights=settings.weights,
            top_n=top_n,
            pins=settings.pins,
            excludes=settings.excludes,
            draws=settings.draws,
            seed=settings.seed,
            values=cv,
            pool=pool,
        )
        warnings.extend(notes)
        ranking = Ranking(rt, criteria, cv.missing)
        # rt is table's rows in display order: mark the few best by label (no reindex)
        best = np.zeros(n, dtype=bool)
        best[table.index.get_indexer(rt.index[rt["is_best"].to_numpy(dtype=bool)])] = True
        rest = ~best
        best_names = [str(x) for x in rt.loc[rt["is_best"], "name"]]
        if not rest.any():
            warnings.append(Msg("analysis.no_rest"))
        tie = _ties(rt)
        if tie is not None:
            warnings.insert(0, tie)

    # columns factorised by the echo check and again for the traits' counts: once, for
    # this run only (kept in the memo they would hold 8 bytes a row per column)
    shared: dict[Any, Any] = {}
    best_s = pd.Series(best, index=table.index)
    rest_s = pd.Series(rest, index=table.index)
    if 0 < best.sum() < 5:
        warnings.append(Msg("analysis.small_best", {"n": int(best.sum())}))
    definition = _definition.resolve(
        dataset,
        settings,
        mode=mode,
        criteria=list(ranking.criteria) if ranking is not None else list(cv.parts),
        top_n=int(best.sum()) if mode == "top" else top_n,
        among_good=mode == "top" and usable and not hand_picked,
        memo=memo,
        shared=shared,
    )
    profile, pmap = _profile(dataset, definition)
    # the (tokenised) pairs cached per data set depend on which category, tag
    # and text columns are in the profile: one memo per such set, so a weight
    # change that only moves numeric criteria reuses them
    words = tuple(
        c.name
        for c in pmap.of_type(FieldType.SINGLE, FieldType.MULTI, FieldType.TEXT)
        if c.name in profile
    )
    pmemo = memo.setdefault(("profile", words), {})
    defining_map = Mapping(
        [
            ColumnSpec(c.name, c.type, c.role, c.sep, c.name in definition.defining_columns)
            for c in dataset.mapping.columns
        ]
    )
    # The numeric comparisons (sorts, band searches, medians: numpy, which lets go of the
    # GIL) share nothing with the word traits below (Python and pandas): on a large list
    # they run side by side on a second core.  Same results, in the same order.
    if blanks is not None:
        shared.update(blanks.result())
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="icp-numeric") as side:
        numbers = side.submit(_numbers, dataset, pmap, defining_map, best_s, rest_s)
        words_part = _word_traits(
            table, pmap, best_s, rest_s, groups if usable else None, pmemo, shared
        )
        numeric, defining = numbers.result()
    after, found, warn_traits, keywords, leads = words_part
    if after:
        warnings.append(_after_outcome_note(after, out_col or ""))
    result = Analysis(
        mode=mode,
        n_rows=n,
        best_mask=best_s,
        best_names=best_names,
        ranking=ranking,
        traits=found,
        warning_traits=warn_traits,
        numeric=[nt for nt in numeric if nt.is_finding],
        kpis=_kpis(dataset, cv, best, rest),
        ltv_formula=cv.ltv_formula,
        keywords=keywords,
        warnings=warnings,
        rest_mask=rest_s,
        leads=leads,
        definition=definition,
        profile_columns=profile,
        profile_mapping=pmap,
        won=won,
        defining=defining,
        after_outcome=after,
    )
    return _kept(result) if mode == "outcome" and definition.lost_style else result


def _blank_text_aside(dataset: Dataset, memo: dict[Any, Any]) -> Future | None:
    """``traits.blank_text`` started on a second core, on a data set's first run only.

    Later runs find the tokenised words in the memo (or need them for another
    profile only now and then), so they would throw the work away.
    """
    if memo.get("traits.text_blanked") or len(dataset.table) < _BLANK_ASIDE_ROWS:
        return None
    memo["traits.text_blanked"] = True
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="icp-text")
    try:
        return pool.submit(_traits.blank_text, dataset.table, dataset.mapping)
    finally:
        pool.shutdown(wait=False)  # the thread ends with its one task


# below this many rows the blanking takes milliseconds: a thread is not worth it
_BLANK_ASIDE_ROWS = 50_000


def _numbers(
    dataset: Dataset, pmap: Mapping, defining_map: Mapping, best: pd.Series, rest: pd.Series
) -> tuple[list[NumericTrait], list[NumericTrait]]:
    """Best vs rest on the profile's number columns, then on the columns that define best."""
    table, units = dataset.table, dataset.units
    return (
        _traits.numeric_traits(table, pmap, best, rest, units=units),
        _traits.numeric_traits(table, defining_map, best, rest, units=units),
    )


def _word_traits(
    table: pd.DataFrame,
    pmap: Mapping,
    best: pd.Series,
    rest: pd.Series,
    groups: tuple[np.ndarray, np.ndarray, int] | None,
    memo: dict[str, Any],
    shared: dict[str, Any],
) -> tuple[list[Trait], list[Trait], list[Trait], Any, list[Trait]]:
    """Values the outcome itself produced, then the traits, warnings, keywords and leads."""
    after: list[Trait] = []
    if groups is not None:
        after = _traits.after_outcome(
            table,
            pmap,
            pd.Series(groups[0], index=table.index),
            pd.Series(groups[1], index=table.index),
            memo=memo,
            shared=shared,
        )
    skip = frozenset((t.column, t.value) for t in after)
    found, warn_traits, keywords = _traits.categorical_traits(
        table, pmap, best, rest, memo=memo, skip=skip, shared=shared
    )
    leads = _traits.leads(
        table,
        pmap,
        best,
        rest,
        exclude={(t.column, t.value) for t in found} | skip,
        memo=memo,
        shared=shared,
    )
    return after, found, warn_traits, keywords, leads


def _after_outcome_note(after: list[Trait], out_col: str, shown: int = 5) -> Msg:
    """One warning naming the values set aside by ``traits.after_outcome``, with
    their counts (good / other), so the user can check them against the file."""
    values = "; ".join(
        f"{t.column} = {t.value} ({t.best_count}/{t.rest_count})" for t in after[:shown]
    )
    more = len(after) - shown
    key = "analysis.after_outcome.more" if more > 0 else "analysis.after_outcome"
    return Msg(key, {"values": values, "more": more, "column": out_col})


def _kept(result: Analysis) -> Analysis:
    """A churn outcome (the header names the bad side): the sentences say "kept customers"
    and "those who churned" instead of "won" / "not won".  Copies, never the memo's objects."""
    for name in ("traits", "warning_traits", "leads", "numeric", "defining"):
        setattr(result, name, [replace(x, kept=True) for x in getattr(result, name)])
    return result


# Per data set, what ``run`` works out that no setting changes (tokenised text,
# criterion values and their percentiles), so a weight change only redoes the
# rest.  Keyed by the Dataset object; a replaced table or a changed mapping
# starts afresh.  A Dataset's table is not edited in place after
# ``open_dataset`` (the app caches it and every page reads it).
_MEMOS: dict[int, tuple[weakref.ref, weakref.ref, list, dict[str, Any]]] = {}
_MEMOS_LOCK = threading.RLock()  # a weakref callback may run while it is held


def _memo_for(dataset: Dataset) -> dict[Any, Any]:
    key, spec = id(dataset), dataset.mapping.to_list()
    with _MEMOS_LOCK:
        hit = _MEMOS.get(key)
        if hit and hit[0]() is dataset and hit[1]() is dataset.table and hit[2] == spec:
            return hit[3]

        def _gone(ref: weakref.ref, key: int = key) -> None:
            with _MEMOS_LOCK:
                if key in _MEMOS and _MEMOS[key][0] is ref:
                    del _MEMOS[key]

        memo: dict[str, Any] = {}
        _MEMOS[key] = (weakref.ref(dataset, _gone), weakref.ref(dataset.table), spec, memo)
        return memo
