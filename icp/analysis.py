"""The analysis entry point: ranking + traits + KPIs in one result object.

``run(dataset, settings)`` is what the pages, the CLI and the report call,
so they can never disagree.  It composes ``icp.rank`` (S1 best-customer
score and stability) and ``icp.traits`` (best-vs-rest commonalities).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from icp.dataset import Dataset
from icp.i18n import Msg
from icp.schema import Role

__all__ = [
    "CRITERIA",
    "Settings",
    "Ranking",
    "Trait",
    "NumericTrait",
    "Kpi",
    "Analysis",
    "run",
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

    def message(self, *, outcome: bool = False) -> Msg:
        """A plain sentence such as "8 of your best 10 are Manufacturing, vs 12% of the rest"."""
        key = "traits.sentence.outcome" if outcome else "traits.sentence"
        return Msg(
            key,
            {
                "best_count": self.best_count,
                "best_n": self.best_n,
                "column": self.column,
                "value": self.value,
                "rest_pct": round(100 * self.rest_share),
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
    numeric: list[NumericTrait]  # strongest separation first
    kpis: dict[str, Kpi]
    ltv_formula: Msg | None
    keywords: dict[str, pd.DataFrame]  # text column -> word, best_count, rest_count, weight
    warnings: list[Msg] = field(default_factory=list)

    def to_json(self, dataset: Dataset, lang: str = "en") -> dict[str, Any]:
        """The ``python -m icp analyze --json`` contract (see DESIGN.md)."""
        raise NotImplementedError


def run(dataset: Dataset, settings: Settings | None = None) -> Analysis:
    """Rank, compare best vs rest, and compute KPIs for ``dataset``."""
    raise NotImplementedError
