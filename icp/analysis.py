"""The analysis entry point: ranking + traits + KPIs in one result object.

``run(dataset, settings)`` is what the pages, the CLI and the report call,
so they can never disagree.  It composes ``icp.rank`` (S1 best-customer
score and stability) and ``icp.traits`` (best-vs-rest commonalities).
"""

from __future__ import annotations

import math
import threading
import weakref
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from icp.dataset import Dataset
from icp.errors import InputError
from icp.i18n import Lang, Msg
from icp.schema import Role

__all__ = [
    "CRITERIA",
    "Analysis",
    "Kpi",
    "NumericTrait",
    "Ranking",
    "Settings",
    "Trait",
    "fmt_number",
    "fmt_percent",
    "run",
    "warm_up",
]

# S1 criteria, in display order.  Each is computed from roles (see rank.py).
CRITERIA: tuple[str, ...] = (
    "sales_cycle",
    "profit",
    "deal_value",
    "referrals",
    "support",
    "ltv_cac",
)


@dataclass
class Settings:
    """What the user chose on the Best customers page (persisted per workspace)."""

    top_n: int = 10
    mode: Literal["top", "outcome"] = "top"
    weights: dict[str, float] = field(default_factory=dict)  # criterion -> weight (default 1)
    pins: list[str] = field(default_factory=list)  # customer display names forced in
    excludes: list[str] = field(default_factory=list)  # customer display names forced out
    lifetime_years: float = 3.0  # for LTV = value/yr × margin × lifetime
    draws: int = 300  # stability re-rankings
    seed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "top_n": self.top_n,
            "mode": self.mode,
            "weights": dict(self.weights),
            "pins": list(self.pins),
            "excludes": list(self.excludes),
            "lifetime_years": self.lifetime_years,
            "draws": self.draws,
            "seed": self.seed,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Settings:
        d = d or {}
        known = {k: d[k] for k in cls().to_dict() if k in d}
        return cls(**known)


@dataclass
class Ranking:
    """S1 score per customer.

    ``table``: one row per customer (index = dataset.table index), sorted by
    rank, columns ``name, score, rank, is_best, pinned, excluded,
    stability`` (share of perturbed draws in which it stayed in the top N;
    NaN outside the top N) and one ``c_<criterion>`` contribution column per
    available criterion.
    """

    table: pd.DataFrame
    criteria: list[str]  # available criteria, in CRITERIA order
    missing: dict[str, list[Role]]  # unavailable criterion -> roles that would enable it


@dataclass
class Trait:
    """One categorical value (or tag, or keyword) compared best vs rest."""

    column: str
    value: str
    kind: Literal["single", "multi", "text"]
    best_count: int
    best_n: int
    rest_count: int
    rest_n: int
    best_share: float
    rest_share: float
    lift: float  # smoothed
    ci_low: float  # interval for best_share
    ci_high: float
    p_value: float  # Fisher's exact, one-sided in the trait's direction
    strength: float  # ranking key that discounts small counts

    def message(self, *, outcome: bool = False, warning: bool = False) -> Msg:
        """A plain sentence such as "8 of your best 10 are Manufacturing, vs 12% of the rest".

        The wording follows the trait's kind (a value, a tag, a keyword), the
        mode (best vs rest, or won vs not won) and whether it is a warning.
        """
        key = "traits.warning" if warning else "traits.sentence"
        if self.kind != "single":
            key += f".{self.kind}"
        if outcome:
            key += ".outcome"
        return Msg(
            key,
            {
                "best_count": self.best_count,
                "best_n": self.best_n,
                "column": self.column,
                "value": self.value,
                "rest_pct": round(100 * self.rest_share),
                "best_pct": round(100 * self.best_share),
            },
        )


@dataclass
class NumericTrait:
    column: str
    role: Role
    best_median: float
    rest_median: float
    low: float  # sweet spot: range holding most of the best
    high: float
    separation: float  # AUC of the column for best vs rest (0.5 = none)
    best_n: int
    rest_n: int
    p_value: float = math.nan  # Mann–Whitney U, two-sided
    best_in_range: float = math.nan  # share of the best inside [low, high]
    rest_in_range: float = math.nan  # share of the rest inside [low, high]

    @property
    def is_finding(self) -> bool:
        """Whether best and rest really differ on this column (not chance, not a wide band).

        Either the values are shifted (Mann–Whitney p < 0.05), or the sweet
        spot holds clearly more of the best than of the rest: at least 50
        points more (the band is drawn around the best, so chance alone
        reaches 30–40 points with ten customers) and Fisher's exact p < 0.05
        on the in-range counts.  A
        band such as "0–1,500 employees" that holds 90% of the best and 85%
        of the rest is not a finding.
        """
        if math.isfinite(self.p_value) and self.p_value < 0.05:
            return True
        if not (math.isfinite(self.best_in_range) and math.isfinite(self.rest_in_range)):
            return False
        if self.best_in_range - self.rest_in_range < 0.5:
            return False
        from scipy.stats import fisher_exact

        b_in = round(self.best_in_range * self.best_n)
        r_in = round(self.rest_in_range * self.rest_n)
        table = [[b_in, self.best_n - b_in], [r_in, self.rest_n - r_in]]
        return bool(fisher_exact(table, alternative="greater").pvalue < 0.05)

    @property
    def contrast(self) -> float:
        """How clearly best and rest differ, in [0, 1]: shifted (AUC) or banded (sweet spot)."""
        shift = 2 * abs(self.separation - 0.5)
        band = self.best_in_range - self.rest_in_range
        return float(max(shift, band if math.isfinite(band) else 0.0))

    def message(self, *, outcome: bool = False) -> Msg:
        """E.g. "Employees: best customers mostly 100–300 (median 180 vs 40 for the rest)".

        Margins (stored as fractions) are written as percentages.
        """
        fmt = fmt_percent if self.role == Role.MARGIN else fmt_number
        return Msg(
            "traits.numeric.outcome" if outcome else "traits.numeric",
            {
                "column": self.column,
                "low": fmt(self.low),
                "high": fmt(self.high),
                "best_median": fmt(self.best_median),
                "rest_median": fmt(self.rest_median),
            },
        )


@dataclass
class Kpi:
    key: str  # "ltv_cac" | "sales_cycle_days" | "employees" | "deal_value"
    best: float | None
    rest: float | None


@dataclass
class Analysis:
    mode: Literal["top", "outcome"]
    n_rows: int
    best_mask: pd.Series  # bool, aligned to dataset.table.index
    best_names: list[str]
    ranking: Ranking | None  # None in outcome mode
    traits: list[Trait]  # over-represented among best, strongest first, noise filtered
    warning_traits: list[Trait]  # over-represented among the rest / the lost
    numeric: list[NumericTrait]  # real differences only (is_finding), strongest first
    kpis: dict[str, Kpi]
    ltv_formula: Msg | None
    keywords: dict[str, pd.DataFrame]  # text column -> word, best_count, rest_count, weight
    warnings: list[Msg] = field(default_factory=list)
    # The comparison group, aligned like best_mask: not best, or (outcome mode)
    # not won — open deals are in neither group.
    rest_mask: pd.Series | None = None
    # Chosen values that lean towards the best but are not conclusive (see
    # traits.leads): shown apart, never used as findings.
    leads: list[Trait] = field(default_factory=list)

    def to_json(self, dataset: Dataset, lang: Lang = "en") -> dict[str, Any]:
        """The ``python -m icp analyze --json`` contract (see DESIGN.md).

        Plain JSON types only (missing numbers are ``null``); sentences and
        warnings are rendered in ``lang``.
        """
        outcome = self.mode == "outcome"
        out: dict[str, Any] = {
            "rows": int(self.n_rows),
            "columns": [
                {"name": c.name, "type": c.type.value, "role": c.role.value}
                for c in dataset.mapping.columns
                if c.include
            ],
            "best": {"mode": self.mode, "n": len(self.best_names), "names": self.best_names},
            "kpis": {
                k: {"best": _plain(v.best), "rest": _plain(v.rest)} for k, v in self.kpis.items()
            },
            "traits": [_trait_json(tr, lang, outcome=outcome) for tr in self.traits],
            "warning_traits": [
                _trait_json(tr, lang, outcome=outcome, warning=True) for tr in self.warning_traits
            ],
            "numeric": [
                {
                    "column": nt.column,
                    "best_median": _plain(nt.best_median),
                    "rest_median": _plain(nt.rest_median),
                    "low": _plain(nt.low),
                    "high": _plain(nt.high),
                    "separation": _plain(nt.separation),
                    "p_value": _plain(nt.p_value),
                    "best_in_range": _plain(nt.best_in_range),
                    "rest_in_range": _plain(nt.rest_in_range),
                    "sentence": nt.message(outcome=outcome).render(lang),
                }
                for nt in self.numeric
            ],
            "ltv_formula": self.ltv_formula.render(lang) if self.ltv_formula else None,
            "warnings": [w.render(lang) for w in [*dataset.notes, *self.warnings]],
        }
        if self.ranking is not None:
            out["criteria"] = list(self.ranking.criteria)
            out["missing_criteria"] = {
                c: [r.value for r in roles] for c, roles in self.ranking.missing.items()
            }
            best = self.ranking.table[self.ranking.table["is_best"]]
            out["best"]["scores"] = [_plain(x) for x in best["score"]]
            out["best"]["stability"] = [_plain(x) for x in best["stability"]]
        return out


def fmt_number(x: float | None) -> str:
    """A number the way a person writes it: 1,200 / 35 / 0.35 / 1.5."""
    if x is None or not math.isfinite(x):
        return "–"
    if abs(x) >= 100 or float(x).is_integer():
        return f"{x:,.0f}"
    if abs(x) >= 1:
        return f"{x:,.1f}".rstrip("0").rstrip(".")
    return f"{x:.2g}"


def fmt_percent(x: float | None) -> str:
    """A fraction as a person writes a share: 0.35 -> "35%", 0.325 -> "32.5%"."""
    if x is None or not math.isfinite(x):
        return "–"
    return f"{100 * x:.1f}".rstrip("0").rstrip(".") + "%"


def _plain(x: Any) -> Any:
    """JSON-safe scalar: numpy numbers to Python, NaN/inf to None."""
    if x is None:
        return None
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    if isinstance(x, (float, np.floating)):
        return float(x) if math.isfinite(x) else None
    return str(x)


def _trait_json(tr: Trait, lang: Lang, *, outcome: bool, warning: bool = False) -> dict[str, Any]:
    return {
        "column": tr.column,
        "value": tr.value,
        "kind": tr.kind,
        "best_share": _plain(tr.best_share),
        "rest_share": _plain(tr.rest_share),
        "lift": _plain(tr.lift),
        "best_count": int(tr.best_count),
        "rest_count": int(tr.rest_count),
        "best_n": int(tr.best_n),
        "rest_n": int(tr.rest_n),
        "ci_low": _plain(tr.ci_low),
        "ci_high": _plain(tr.ci_high),
        "p_value": _plain(tr.p_value),
        "strength": _plain(tr.strength),
        "sentence": tr.message(outcome=outcome, warning=warning).render(lang),
    }


def _median(s: pd.Series | None, mask: np.ndarray) -> float | None:
    if s is None:
        return None
    v = s.to_numpy(dtype=float)[mask]
    v = v[np.isfinite(v)]
    return float(np.median(v)) if len(v) else None


def _kpis(dataset: Dataset, cv: Any, best: np.ndarray, rest: np.ndarray) -> dict[str, Kpi]:
    """Medians best vs rest (medians, not means: one giant account must not
    decide the tile) for the KPIs the data supports."""
    from icp.rank import role_values

    series = {
        "ltv_cac": cv.ltv_cac,
        "sales_cycle_days": cv.cycle_days,
        "employees": role_values(dataset, Role.EMPLOYEES),
        "deal_value": role_values(dataset, Role.VALUE),
    }
    return {
        k: Kpi(k, _median(s, best), _median(s, rest)) for k, s in series.items() if s is not None
    }


def _outcome_groups(dataset: Dataset) -> tuple[np.ndarray, np.ndarray, int] | None:
    """(won, not won, open count) from the OUTCOME column, or None without one."""
    col = dataset.mapping.col(Role.OUTCOME)
    if col is None or col not in dataset.table.columns:
        return None
    from icp.clean import won_mask

    won = won_mask(dataset.table[col])
    known = won.notna().to_numpy()
    is_won = won.fillna(False).to_numpy(dtype=bool) & known
    return is_won, known & ~is_won, int((~known).sum())


def run(dataset: Dataset, settings: Settings | None = None) -> Analysis:
    """Rank, compare best vs rest, and compute KPIs for ``dataset``.

    Top mode ranks by the S1 score (``icp.rank``); outcome mode compares won
    vs not won (open deals in neither group).  Outcome mode without a usable
    outcome column falls back to top mode with a warning, and top mode
    without any ranking criterion falls back to outcome mode when it can.
    Raises ``InputError`` only when neither is possible or the table is tiny.
    """
    from icp import rank as _rank
    from icp import traits as _traits

    settings = settings or Settings()
    table = dataset.table
    n = len(table)
    if n < 3:
        raise InputError("analysis.too_few_rows", n=n)
    warnings: list[Msg] = []
    memo = _memo_for(dataset)
    cv_key = f"rank.values.{float(settings.lifetime_years)!r}"
    cv = memo.get(cv_key)
    if cv is None:
        cv = memo.setdefault(
            cv_key, _rank.criterion_values(dataset, lifetime_years=settings.lifetime_years)
        )
    groups = _outcome_groups(dataset)
    usable = groups is not None and groups[0].any() and groups[1].any()

    mode = settings.mode
    if mode == "outcome" and not usable:
        key = "analysis.no_outcome_column" if groups is None else "analysis.outcome_one_sided"
        warnings.append(Msg(key))
        mode = "top"
    if mode == "top" and not cv.parts:
        if not usable:
            raise InputError("analysis.no_criteria")
        warnings.append(Msg("analysis.no_criteria_using_outcome"))
        mode = "outcome"

    ranking: Ranking | None = None
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
        top_n = max(1, int(settings.top_n))
        if top_n >= n:
            top_n = n - 1
            warnings.append(Msg("analysis.top_n_clamped", {"n": top_n}))
        rt, criteria, notes = _rank.rank(
            dataset,
            weights=settings.weights,
            top_n=top_n,
            pins=settings.pins,
            excludes=settings.excludes,
            draws=settings.draws,
            seed=settings.seed,
            values=cv,
        )
        warnings.extend(notes)
        ranking = Ranking(rt, criteria, cv.missing)
        best = rt["is_best"].reindex(table.index).to_numpy(dtype=bool)
        rest = ~best
        best_names = [str(x) for x in rt.loc[rt["is_best"], "name"]]
        if not rest.any():
            warnings.append(Msg("analysis.no_rest"))

    best_s = pd.Series(best, index=table.index)
    rest_s = pd.Series(rest, index=table.index)
    if 0 < best.sum() < 5:
        warnings.append(Msg("analysis.small_best", {"n": int(best.sum())}))
    found, warn_traits, keywords = _traits.categorical_traits(
        table, dataset.mapping, best_s, rest_s, memo=memo
    )
    return Analysis(
        mode=mode,
        n_rows=n,
        best_mask=best_s,
        best_names=best_names,
        ranking=ranking,
        traits=found,
        warning_traits=warn_traits,
        numeric=[
            nt
            for nt in _traits.numeric_traits(table, dataset.mapping, best_s, rest_s)
            if nt.is_finding
        ],
        kpis=_kpis(dataset, cv, best, rest),
        ltv_formula=cv.ltv_formula,
        keywords=keywords,
        warnings=warnings,
        rest_mask=rest_s,
        leads=_traits.leads(
            table,
            dataset.mapping,
            best_s,
            rest_s,
            exclude={(t.column, t.value) for t in found},
            memo=memo,
        ),
    )


# Per data set, what ``run`` works out that no setting changes (tokenised text,
# criterion values and their percentiles), so a weight change only redoes the
# rest.  Keyed by the Dataset object; a replaced table or a changed mapping
# starts afresh.  A Dataset's table is not edited in place after
# ``open_dataset`` (the app caches it and every page reads it).
_MEMOS: dict[int, tuple[weakref.ref, weakref.ref, list, dict[str, Any]]] = {}
_MEMOS_LOCK = threading.RLock()  # a weakref callback may run while it is held


def _memo_for(dataset: Dataset) -> dict[str, Any]:
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


def _warm(chinese: bool) -> None:
    import scipy.stats  # noqa: F401

    if chinese:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)  # its "Building prefix dict" lines are not for users
        jieba.initialize()


def warm_up(*, chinese: bool = False) -> threading.Thread:
    """Start loading what ``run`` needs (scipy.stats) in the background.

    A command-line run calls this before reading the file: the workbook
    parser releases the GIL, so the imports overlap the parse instead of
    following it.  jieba's dictionary (~1 s) is loaded too only when the
    caller saw Chinese text in the file: an English list never pays for it.
    Returns the (daemon) thread; joining it is optional.
    """
    thread = threading.Thread(target=_warm, args=(chinese,), name="icp-warm-up", daemon=True)
    thread.start()
    return thread
