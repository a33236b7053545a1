"""Which words name the two groups: best vs rest, won vs not won, or kept vs churned.

A churn file's outcome column names the bad side (Churn = Yes, 是否流失 = 是:
``Definition.lost_style``); there the good group is the customers who stayed, and
every "won / not won" sentence, chart title, legend and builder hint reads
"kept / churned" instead.  One table, so the report, the charts and the builders
cannot disagree.
"""

from __future__ import annotations

from icp.model import Analysis

__all__ = ["is_kept", "kept_key"]

# the won/not-won key → its kept/churned twin (strings in icp/i18n/kept.py)
_KEPT = {
    "report.meta.groups_outcome": "report.meta.groups_kept",
    "report.brief.findings_outcome": "report.brief.findings_kept",
    "report.kpis_outcome": "report.kpis_kept",
    "report.kpis.ratio_outcome": "report.kpis.ratio_kept",
    "report.best_outcome": "report.best_kept",
    "report.warnings.intro_outcome": "report.warnings.intro_kept",
    "report.traits.won": "report.traits.kept",
    "report.traits.not_won": "report.traits.churned",
    "report.clouds.won": "report.clouds.kept",
    "report.clouds.not_won": "report.clouds.churned",
    "common.won": "common.kept",
    "common.not_won": "common.churned",
    "report.methods.outcome": "report.methods.kept",
    "charts.traits.title_outcome": "charts.traits.title_kept",
    "charts.traits.subtitle_outcome": "charts.traits.subtitle_kept",
    "charts.kpi.title_outcome": "charts.kpi.title_kept",
    "charts.numeric.won_median": "charts.numeric.kept_median",
    "charts.numeric.lost_median": "charts.numeric.churned_median",
    "builders.sug.criteria_outcome": "builders.sug.criteria_kept",
    "builders.ev.trait_outcome": "builders.ev.trait_kept",
    "builders.ev.numeric_outcome": "builders.ev.numeric_kept",
    "builders.ev.best_outcome": "builders.ev.best_kept",
    "builders.ev.warning_outcome": "builders.ev.warning_kept",
    "builders.ev.kpi_outcome": "builders.ev.kpi_kept",
    "builders.ev.keyword_outcome": "builders.ev.keyword_kept",
    "builders.ev.title_outcome": "builders.ev.title_kept",
}


def kept_key(key: str, kept: bool) -> str:
    """``key``, or its kept/churned wording when the outcome is a churn column."""
    return _KEPT.get(key, key) if kept else key


def is_kept(analysis: Analysis | None) -> bool:
    """Whether the run compares kept with churned customers (a churn outcome column)."""
    if analysis is None:
        return False
    d = analysis.definition
    return analysis.mode == "outcome" and d is not None and d.lost_style
