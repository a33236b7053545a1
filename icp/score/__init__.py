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

The package: ``design`` (inputs, result types, the design matrix),
``fitting`` (the two model kinds, percentiles), ``reasons`` (reasons for and
against) and ``scoring`` (prospect lists, own customers, backtest, Excel).
Callers import from ``icp.score`` (the names below).
"""

from __future__ import annotations

from icp.score.design import (
    MIN_LOGISTIC,
    SCORE_COLUMNS,
    TIER_EDGES,
    TIERS,
    Backtest,
    FitModel,
    Scored,
)
from icp.score.fitting import fit, predict
from icp.score.scoring import (
    backtest,
    backtest_chart,
    customer_scores,
    match_columns,
    score_own,
    score_prospects,
    scored_xlsx_bytes,
)

__all__ = [
    "MIN_LOGISTIC",
    "SCORE_COLUMNS",
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
