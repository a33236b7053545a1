"""Small Streamlit pieces that several pages draw the same way."""

from __future__ import annotations

import json

import streamlit as st

from icp import clouds
from icp.dataset import Dataset
from icp.model import Analysis
from icp.report import md_escape
from ui import state

__all__ = ["cloud_pngs", "dataset_summary", "kpi_tiles"]


def kpi_tiles(result: Analysis) -> None:
    """Best-vs-rest (or won-vs-not-won) KPI tiles and how LTV was computed."""
    if not result.kpis:
        return
    tr = state.tr
    outcome = result.mode == "outcome"
    kept = outcome and result.definition is not None and result.definition.lost_style
    other = "analysis.page.rest_value"
    if outcome:
        other = "analysis.page.churned_value" if kept else "analysis.page.not_won_value"
    tiles = st.columns(len(result.kpis))
    for tile, (key, kpi) in zip(tiles, result.kpis.items(), strict=True):
        tile.metric(
            tr(f"kpi.{key}"),
            kpi.show(kpi.best),
            delta=tr(other, value=kpi.show(kpi.rest)),
            delta_color="off",
            delta_arrow="off",
            border=True,
        )
    if result.ltv_formula is not None:
        st.caption(tr("analysis.kpi.formula_and_note", formula=tr(result.ltv_formula)))
    else:
        st.caption(tr("analysis.kpi.note"))


@st.cache_data(max_entries=16, show_spinner=False)
def _cloud_pngs(
    _ds: Dataset, _result: Analysis, key: str, size: tuple[int, int], big: bool
) -> tuple[bytes | None, bytes | None]:
    return clouds.best_rest_pngs(_ds, _result, size=size, big=big)


def cloud_pngs(
    ds: Dataset, result: Analysis, *, size: tuple[int, int] = clouds.PAGE_SIZE, big: bool = False
) -> tuple[bytes | None, bytes | None]:
    """Best-vs-rest (or won-vs-lost) distinctive-word clouds as PNG bytes (None: no words).

    Cached on what the picture depends on: the file (``state.source_key``),
    mapping, mode and which customers are best — not on the weights nor the
    workspace; and the pictures themselves by their words (``clouds.cloud_png``).
    """
    key = json.dumps(
        [
            state.source_key(),
            ds.mapping.to_list(),
            result.profile_columns,
            result.mode,
            [str(i) for i in result.best_mask.index[result.best_mask]],
        ],
        ensure_ascii=False,
    )
    return _cloud_pngs(ds, result, key, size, big)


def dataset_summary(ds: Dataset) -> None:
    """One line: how many customers and columns, from which file (the name is data, escaped)."""
    st.write(
        state.tr(
            "ws.summary",
            rows=len(ds.table),
            cols=len(ds.table.columns),
            file=md_escape(ds.source.filename or "—"),
        )
    )
