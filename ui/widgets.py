"""Small Streamlit pieces that several pages draw the same way."""

from __future__ import annotations

import streamlit as st

from icp.analysis import Analysis, fmt_number
from ui import state

__all__ = ["kpi_tiles"]


def kpi_tiles(result: Analysis) -> None:
    """Best-vs-rest (or won-vs-not-won) KPI tiles and how LTV was computed."""
    if not result.kpis:
        return
    tr = state.tr
    outcome = result.mode == "outcome"
    other = "analysis.page.not_won_value" if outcome else "analysis.page.rest_value"
    tiles = st.columns(len(result.kpis))
    for tile, (key, kpi) in zip(tiles, result.kpis.items(), strict=True):
        tile.metric(
            tr(f"kpi.{key}"),
            fmt_number(kpi.best),
            delta=tr(other, value=fmt_number(kpi.rest)),
            delta_color="off",
            delta_arrow="off",
            border=True,
        )
    if result.ltv_formula is not None:
        st.caption(tr("analysis.kpi.formula_and_note", formula=tr(result.ltv_formula)))
    else:
        st.caption(tr("analysis.kpi.note"))
