"""Excel exports: every customer with rank, scores and their columns (formula-safe).

Cells go through ``icp.xlsx`` so no customer text can become a formula.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from icp import score
from icp.dataset import Dataset
from icp.i18n import Lang, t
from icp.model import Analysis
from icp.report.summary import cell_text, definition_text
from icp.xlsx import frame_xlsx_bytes


def _fit_scores(
    dataset: Dataset, analysis: Analysis, model: score.FitModel | None
) -> pd.Series | None:
    """0–100 fit of every customer from ``icp.score`` (None when no model can be fitted);
    ``model``: the analysis' fit model if the caller already has it, else fitted here."""
    if int(analysis.best_mask.sum()) < 2 or int((~analysis.best_mask).sum()) < 2:
        return None
    try:
        return score.customer_scores(dataset, analysis, model=model)
    except Exception:  # the fit score is an extra column; its absence must not stop the export
        return None


def customers_xlsx_bytes(
    dataset: Dataset,
    analysis: Analysis,
    *,
    lang: Lang,
    tags: pd.Series | None = None,
    model: score.FitModel | None = None,
) -> bytes:
    """Every customer with rank, best flag, best-customer score, stability and fit score,
    followed by the data set's own columns; best first; formula-safe (``icp.xlsx``).
    ``tags`` (``icp.tags.tag_column``) adds the rule tags each customer carries; ``model``
    is the analysis' fit model (``icp.portrait.fit_model``) when the caller keeps one."""
    table = dataset.table
    yes, no = t("common.yes", lang), t("common.no", lang)
    cols: dict[str, pd.Series] = {}
    headers: list[str] = []
    order = table.index
    if analysis.ranking is not None:
        rt = analysis.ranking.table
        order = rt.index
        cols["rank"] = rt["rank"].reindex(order).astype(float)
        headers.append(t("report.xlsx.rank", lang))
    cols["name"] = dataset.names().reindex(order)
    headers.append(t("report.xlsx.name", lang))
    best = analysis.best_mask.reindex(order).fillna(False).astype(bool)
    cols["best"] = pd.Series(np.where(best.to_numpy(), yes, no), index=order, dtype=object)
    headers.append(t("report.xlsx.won" if analysis.mode == "outcome" else "report.xlsx.best", lang))
    if analysis.ranking is not None:
        rt = analysis.ranking.table
        cols["score"] = (100 * rt["score"].astype(float)).round(1).reindex(order)
        headers.append(t("report.xlsx.score", lang))
        cols["stability"] = rt["stability"].astype(float).round(2).reindex(order)
        headers.append(t("report.xlsx.stability", lang))
    fit = _fit_scores(dataset, analysis, model)
    if fit is not None:
        cols["fit"] = pd.to_numeric(fit, errors="coerce").reindex(order)
        headers.append(t("report.xlsx.fit", lang))
    if tags is not None:
        cols["tags"] = tags.reindex(order).fillna("")
        headers.append(t("tags.column", lang))
    skip = {dataset.name_column}
    for spec in dataset.mapping.columns:
        if not spec.include or spec.name in skip or spec.name not in table.columns:
            continue
        s = table[spec.name].reindex(order)
        if s.dtype == object:
            s = s.map(lambda v: cell_text(v) if isinstance(v, (list, tuple)) else v)
        cols[f"col:{spec.name}"] = s
        headers.append(str(spec.name))
    df = pd.DataFrame(cols, index=order)
    return frame_xlsx_bytes(
        df,
        headers=headers,
        sheet_name=t("report.xlsx.sheet", lang),
        notes=[definition_text(analysis, lang)] if analysis.definition is not None else None,
        notes_name=t("report.xlsx.definition_sheet", lang),
    )


def scored_xlsx_bytes(scored: Any, *, lang: Lang) -> bytes:
    """The prospect scores as formula-safe .xlsx (delegates to ``icp.score``; kept for the CLI)."""
    return score.scored_xlsx_bytes(scored, lang=lang)
