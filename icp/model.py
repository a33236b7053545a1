"""The ground floor of result types: what the analysis produces and the pages,
builders, charts, exports and scoring read.

Types only (plus their own small presentation helpers): nothing here
computes a ranking or a trait, so ``rank``, ``traits``, ``analysis`` and
every renderer can import it without importing each other. It depends only
on ``icp.i18n``, ``icp.fmt`` and the roles of ``icp.schema``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from icp import fmt
from icp.i18n import Lang, Msg, cell_label, column_label, glue, t
from icp.schema import Mapping, Role

if TYPE_CHECKING:  # annotation only: the data set sits above this floor
    from icp.dataset import Dataset

__all__ = [
    "CRITERIA",
    "CRITERION_ROLES",
    "Analysis",
    "Criterion",
    "Definition",
    "Kpi",
    "NumericTrait",
    "Ranking",
    "Settings",
    "Trait",
    "definition_json",
    "definition_sentence",
    "plain",
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

# The roles whose columns feed each S1 criterion (see icp.rank.criterion_values);
# also what the Best page names as "not in your data" when none is mapped.
CRITERION_ROLES: dict[str, tuple[Role, ...]] = {
    "sales_cycle": (Role.CYCLE_DAYS, Role.CREATED, Role.CLOSED),
    "profit": (Role.PROFIT, Role.VALUE, Role.MARGIN),
    "deal_value": (Role.VALUE, Role.DEALS),
    "referrals": (Role.REFERRALS,),
    "support": (Role.TICKETS,),
    "ltv_cac": (Role.LTV, Role.VALUE, Role.MARGIN, Role.CAC),
}


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
    # outcome values that count as good (None: by the header's polarity, see icp.outcome)
    good_values: list[str] | None = None

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
            "good_values": None if self.good_values is None else list(self.good_values),
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
    kept: bool = False  # a churn outcome: say "kept" / "churned", not "won" / "not won"

    def message(self, *, outcome: bool = False, warning: bool = False) -> Msg:
        """A plain sentence such as "8 of your best 10 are Manufacturing, vs 12% of the rest".

        The wording follows the trait's kind (a value, a tag, a keyword), the
        mode (best vs rest, or won vs not won) and whether it is a warning.
        """
        key = "traits.warning" if warning else "traits.sentence"
        if self.kind != "single":
            key += f".{self.kind}"
        if outcome:
            key += ".kept" if self.kept else ".outcome"
        return Msg(
            key,
            {
                "best_count": self.best_count,
                "best_n": self.best_n,
                "column": self.column,
                "value": self.value,
                "rest_pct": round(100 * self.rest_share),
                "best_pct": round(100 * self.best_share),
                "ci": fmt.interval(self.ci_low, self.ci_high),
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

    kind: Literal["band", "higher", "lower", "warning", "none"] = "band"
    best_count: int = 0  # best inside [low, high]
    rest_count: int = 0
    ci_low: float = math.nan  # Wilson interval of the best share inside the band
    ci_high: float = math.nan
    open_high: bool = False  # the band has no upper end ("300 or more")
    unit: str | None = None  # currency mark of a money column ("$", "元")
    kept: bool = False  # a churn outcome: say "kept" / "churned", not "won" / "not won"
    # A shift whose two medians are equal (0 vs 0 on a column that is mostly 0): the
    # share of each group past that median (above for "higher", below for "lower"),
    # which is what differs; NaN otherwise.
    past_best: float = math.nan
    past_rest: float = math.nan

    @property
    def is_finding(self) -> bool:
        """Whether best and rest really differ on this column (``icp.traits.numeric_traits``)."""
        return self.kind != "none"

    @property
    def contrast(self) -> float:
        """How clearly best and rest differ, in [0, 1]: shifted (AUC) or banded (sweet spot)."""
        shift = 2 * abs(self.separation - 0.5)
        band = abs(self.best_in_range - self.rest_in_range)
        if self.kind in ("higher", "lower") or not math.isfinite(band):
            return float(shift)
        return float(max(shift, band))

    def _kind_of_values(self) -> str:
        return fmt.column_kind(
            self.column,
            fraction=self.role == Role.MARGIN,
            values=[self.low, self.high, self.best_median, self.rest_median],
        )

    def num(self, x: float) -> fmt.Num:
        """One value of this column as the sentence writes it (share, year, money, number),
        on the scale of the larger median so a pair reads alike ("16.7万 vs 4万")."""
        ref = max(abs(self.best_median), abs(self.rest_median))
        return fmt.Num(x, self._kind_of_values(), self.unit, ref if math.isfinite(ref) else None)

    def span(self) -> fmt.Span:
        """The band as the sentence writes it ("100–300", "300 or more", "70%–90%")."""
        return fmt.Span(self.low, self.high, self.open_high, self._kind_of_values(), self.unit)

    def message(self, *, outcome: bool = False) -> Msg:
        """The finding in words, with counts and medians.

        A band: "9 of your best 10 (60–98%) have Employees 100–300, vs 14% of
        the rest (median 258 vs 178)"; a shift: "Employees: your best are
        larger than the rest — median 279 vs 149 (10 best, 310 others)"; a
        warning band: "Only 1 of your best 10 … have …, vs 45% of the rest".
        """
        if self.kind in ("higher", "lower"):
            key = f"traits.numeric.{self.kind}"
            if math.isfinite(self.past_best):
                key += "_tied"
        elif self.kind == "warning":
            key = "traits.numeric.warning"
        else:
            key = "traits.numeric"
        if outcome:
            key += ".kept" if self.kept else ".outcome"
        return Msg(
            key,
            {
                "column": self.column,
                "range": self.span(),
                "best_count": self.best_count,
                "best_n": self.best_n,
                "rest_n": self.rest_n,
                "rest_pct": round(100 * self.rest_in_range)
                if math.isfinite(self.rest_in_range)
                else 0,
                "ci": fmt.interval(self.ci_low, self.ci_high),
                "best_median": self.num(self.best_median),
                "rest_median": self.num(self.rest_median),
                "low": self.num(self.low),
                "high": self.num(self.high),
                "best_past": round(100 * self.past_best) if math.isfinite(self.past_best) else 0,
                "rest_past": round(100 * self.past_rest) if math.isfinite(self.past_rest) else 0,
            },
        )


@dataclass
class Kpi:
    key: str  # "ltv_cac" | "sales_cycle_days" | "employees" | "deal_value"
    best: float | None
    rest: float | None
    unit: str | None = None  # the currency of a money KPI ("$", "元"), from ``Dataset.units``

    def show(self, x: float | None) -> str:
        """One side of the tile as written: "$67,400" when the column has a currency."""
        text = fmt.number(x)
        return text if text == fmt.MISSING else fmt.with_unit(text, self.unit)


@dataclass(frozen=True)
class Criterion:
    """One active S1 criterion, the columns it is computed from, and its weight."""

    id: str
    columns: tuple[str, ...]
    weight: float = 1.0


@dataclass
class Definition:
    """What best means in one run (see the module docstring).

    ``mode`` is the mode the run really used (after fallbacks).  In outcome
    mode ``good_values`` are the values counted as won/good, ``bad_values``
    the known others; rows holding neither are open and left out.
    ``reasons`` holds a one-line reason per column the definition names.
    """

    mode: Literal["top", "outcome"]
    n_rows: int
    top_n: int
    criteria: list[Criterion] = field(default_factory=list)  # active (top mode only)
    available: list[Criterion] = field(default_factory=list)  # every criterion the data has
    outcome_column: str | None = None
    good_values: list[str] = field(default_factory=list)
    bad_values: list[str] = field(default_factory=list)
    value_counts: dict[str, int] = field(default_factory=dict)
    n_good: int = 0
    n_bad: int = 0
    n_open: int = 0
    name_column: str | None = None
    id_columns: list[str] = field(default_factory=list)
    derived_columns: list[str] = field(default_factory=list)  # deal aggregates
    reasons: dict[str, Msg] = field(default_factory=dict)
    lost_style: bool = False  # the outcome header names the bad side (churn, 流失)
    among_good: bool = False  # top mode ranked only the good-outcome rows (a deals list)

    @property
    def defining_columns(self) -> list[str]:
        """The outcome column, the columns behind each active criterion and the
        deal-derived aggregates: never findings, words, suggestions or score inputs."""
        cols: list[str] = []
        if self.outcome_column is not None:
            cols.append(self.outcome_column)
        for c in self.criteria:
            cols += [x for x in c.columns if x not in cols]
        cols += [x for x in self.derived_columns if x not in cols]
        return cols

    @property
    def excluded_columns(self) -> set[str]:
        """Everything that must stay out of the profile: defining, id and name columns."""
        out = set(self.defining_columns) | set(self.id_columns)
        if self.name_column is not None:
            out.add(self.name_column)
        return out


# ------------------------------------------------------------------ the sentence


def _quote(text: str, lang: Lang) -> str:
    return f"「{text}」" if lang == "zh" else f"“{text}”"


def _join(items: list[str], lang: Lang, *, key: str = "definition.and") -> str:
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    sep = t("definition.list_sep", lang)
    return glue(sep.join(items[:-1]), t(key, lang), items[-1])


def _values(values: list[str], counts: dict[str, int], lang: Lang, column: str) -> str:
    total = sum(counts.get(v, 0) for v in values)
    shown = [cell_label(column, v, lang) for v in values]  # "Won" the join wrote reads 已签约
    return t("definition.values", lang, values=_join(shown, lang, key="definition.or"), n=total)


def definition_sentence(definition: Definition, lang: Lang) -> str:
    """One plain sentence saying what best means in this run (see module docstring)."""
    d = definition
    if d.mode == "outcome" and d.outcome_column is not None:
        lead = "definition.lead.best" if d.lost_style else "definition.lead.won"
        text = t(
            "definition.outcome",
            lang,
            lead=t(lead, lang),
            column=_quote(column_label(d.outcome_column, lang), lang),
            good=_values(d.good_values, d.value_counts, lang, d.outcome_column),
            bad=_values(d.bad_values, d.value_counts, lang, d.outcome_column)
            if d.bad_values
            else t("definition.nothing_else", lang),
        )
        if d.n_open:
            text += t("definition.open", lang, n=f"{d.n_open:,}")
        return text
    names = [t(f"definition.crit.{c.id}", lang) for c in d.criteria]
    ws = [c.weight for c in d.criteria]
    if len(ws) <= 1:
        weights = ""
    elif max(ws) == min(ws):
        weights = t("definition.equal_weights", lang)
    else:
        parts = [f"{t(f'definition.crit.{c.id}', lang)} {c.weight:g}" for c in d.criteria]
        weights = t("definition.weights", lang, weights=t("definition.list_sep", lang).join(parts))
    if d.among_good and d.outcome_column is not None:
        return t(
            "definition.top_good",
            lang,
            n=d.top_n,
            good=_values(d.good_values, d.value_counts, lang, d.outcome_column),
            column=_quote(column_label(d.outcome_column, lang), lang),
            criteria=_join(names, lang),
            weights=weights,
        )
    return t(
        "definition.top",
        lang,
        n=d.top_n,
        total=f"{d.n_rows:,}",
        criteria=_join(names, lang),
        weights=weights,
    )


def definition_json(definition: Definition, lang: Lang) -> dict[str, Any]:
    """The ``definition`` object of the CLI JSON: the sentence and its parts."""
    d = definition
    return {
        "sentence": definition_sentence(d, lang),
        "mode": d.mode,
        "column": d.outcome_column if d.mode == "outcome" else None,
        "good_values": list(d.good_values) if d.mode == "outcome" else [],
        "criteria": [
            {"id": c.id, "columns": list(c.columns), "weight": c.weight} for c in d.criteria
        ],
        "top_n": d.top_n if d.mode == "top" else None,
        "name_column": d.name_column,
        "id_columns": list(d.id_columns),
        "defining_columns": list(d.defining_columns),
    }


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
    # What best means in this run (icp.definition.resolve), and the columns
    # findings may come from: every column but the defining, id and name ones.
    definition: Definition | None = None
    profile_columns: list[str] = field(default_factory=list)
    # dataset.mapping with every column outside the profile switched off: what
    # clouds, scores and builders iterate instead of the full mapping
    profile_mapping: Mapping | None = None
    # Good / other / open per row under the chosen good values (None: no outcome column).
    won: pd.Series | None = None
    # Best vs rest on the defining numeric columns (shown apart, never findings).
    defining: list[NumericTrait] = field(default_factory=list)
    # Values on many customers of one outcome and none of the other (a sales
    # note such as "Closed by …"): set aside, never findings (traits.after_outcome).
    after_outcome: list[Trait] = field(default_factory=list)

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
                k: {"best": plain(v.best), "rest": plain(v.rest)} for k, v in self.kpis.items()
            },
            "traits": [_trait_json(tr, lang, outcome=outcome) for tr in self.traits],
            "warning_traits": [
                _trait_json(tr, lang, outcome=outcome, warning=True) for tr in self.warning_traits
            ],
            "numeric": [
                {
                    "column": nt.column,
                    "best_median": plain(nt.best_median),
                    "rest_median": plain(nt.rest_median),
                    "low": plain(nt.low),
                    "high": plain(nt.high),
                    "separation": plain(nt.separation),
                    "p_value": plain(nt.p_value),
                    "best_in_range": plain(nt.best_in_range),
                    "rest_in_range": plain(nt.rest_in_range),
                    "sentence": nt.message(outcome=outcome).render(lang),
                }
                for nt in self.numeric
            ],
            "ltv_formula": self.ltv_formula.render(lang) if self.ltv_formula else None,
            "warnings": [w.render(lang) for w in [*dataset.notes, *self.warnings]],
            "after_outcome": [
                {
                    "column": tr.column,
                    "value": tr.value,
                    "good_count": int(tr.best_count),
                    "other_count": int(tr.rest_count),
                }
                for tr in self.after_outcome
            ],
            "leads": [
                {
                    "column": tr.column,
                    "value": tr.value,
                    "best_share": plain(tr.best_share),
                    "rest_share": plain(tr.rest_share),
                    "best_count": int(tr.best_count),
                    "rest_count": int(tr.rest_count),
                    "p_value": plain(tr.p_value),
                    "sentence": tr.message(outcome=outcome).render(lang),
                }
                for tr in self.leads
            ],
        }
        if self.definition is not None:
            out["definition"] = definition_json(self.definition, lang)
        if self.ranking is not None:
            out["criteria"] = list(self.ranking.criteria)
            out["missing_criteria"] = {
                c: [r.value for r in roles] for c, roles in self.ranking.missing.items()
            }
            best = self.ranking.table[self.ranking.table["is_best"]]
            out["best"]["scores"] = [plain(x) for x in best["score"]]
            out["best"]["stability"] = [plain(x) for x in best["stability"]]
        return out


def plain(x: Any) -> Any:
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
        "best_share": plain(tr.best_share),
        "rest_share": plain(tr.rest_share),
        "lift": plain(tr.lift),
        "best_count": int(tr.best_count),
        "rest_count": int(tr.rest_count),
        "best_n": int(tr.best_n),
        "rest_n": int(tr.rest_n),
        "ci_low": plain(tr.ci_low),
        "ci_high": plain(tr.ci_high),
        "p_value": plain(tr.p_value),
        "strength": plain(tr.strength),
        "sentence": tr.message(outcome=outcome, warning=warning).render(lang),
    }
