"""Best customers: rank by the S1 criteria, choose N, pin/exclude, see stability and KPIs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from icp import charts
from icp.model import CRITERIA, Settings
from icp.schema import Role
from ui import confirm, portraits, state, widgets

tr = state.tr
lang = state.lang()
big = state.presenting()

st.title(tr("analysis.page.title"))
st.caption(tr("analysis.page.intro"))

ds = state.require_dataset()

saved = state.settings()
names = sorted(set(ds.names()))
has_outcome = ds.mapping.col(Role.OUTCOME) is not None

# Widget values start from the saved settings; every change is saved straight away.
st.session_state.setdefault("best.mode", saved.mode if has_outcome else "top")
st.session_state.setdefault("best.top_n", min(max(saved.top_n, 3), 50))
st.session_state.setdefault("best.lifetime", float(saved.lifetime_years))
st.session_state.setdefault("best.pins", [n for n in saved.pins if n in names])
st.session_state.setdefault("best.excludes", [n for n in saved.excludes if n in names])
for crit in CRITERIA:
    st.session_state.setdefault(f"best.w.{crit}", float(saved.weights.get(crit, 1.0)))


def _save() -> None:
    ss = st.session_state
    settings = state.settings()
    state.save_settings(
        Settings(
            top_n=int(ss["best.top_n"]),
            mode=ss["best.mode"] or "top",
            weights={c: float(ss[f"best.w.{c}"]) for c in CRITERIA},
            pins=list(ss["best.pins"]),
            excludes=list(ss["best.excludes"]),
            lifetime_years=float(ss["best.lifetime"]),
            draws=settings.draws,
            seed=settings.seed,
            good_values=settings.good_values,  # chosen on the Data page
        )
    )


st.segmented_control(
    tr("analysis.page.mode"),
    options=["top", "outcome"],
    format_func=lambda m: tr(f"analysis.page.mode.{m}"),
    key="best.mode",
    required=True,
    disabled=not has_outcome,
    on_change=_save,
)
if not has_outcome:
    st.caption(tr("analysis.page.mode_disabled"))

if not has_outcome and portraits.hand_pick_needed():  # a names-only list: pick the best by hand
    st.subheader(tr("best.hand.title"))
    st.caption(tr("best.hand.intro"))
    st.multiselect(
        tr("best.hand.pick"), names, key="best.pins", on_change=_save, placeholder=tr("ui.choose")
    )
state.require_analysis()  # no usable analysis: its reason is shown and the page stops here
tag_name, _ = portraits.tag_filter(ds)  # the sidebar's select: a fragment cannot draw there
drawn_for = state.data_key()


@st.fragment
def _ranked() -> None:
    """Everything the weights, N, the lifetime and the pins change — and only that reruns.

    Moving a slider reruns this fragment alone (not the sidebar, the menu
    and the page head): the analysis for the new settings, the KPIs and the
    table and chart.  Everything is read afresh here; should the data set or
    its mapping have changed since the page was drawn (another tab), the
    whole page is drawn again instead, so nothing shown can be stale.
    """
    if state.data_key() != drawn_for:
        st.rerun()
    ds, result = state.require_analysis()
    names = sorted(set(ds.names()))
    lang = state.lang()
    big = state.presenting()

    outcome = result.mode == "outcome"
    ranking = result.ranking
    if result.definition is not None:
        confirm.definition_line(result.definition)
    tie = next((w for w in result.warnings if w.key == "analysis.ties"), None)

    # ---------------------------------------------------------------- controls (score mode)
    if not outcome and ranking is not None and ranking.criteria:  # (a hand pick has its own picker)
        left, right = st.columns([1, 2])
        with left:
            st.slider(tr("analysis.page.top_n"), 3, 50, key="best.top_n", on_change=_save)
            st.subheader(tr("analysis.page.weights"))
            for crit in ranking.criteria:
                st.slider(
                    tr(f"criterion.{crit}"),
                    0.0,
                    3.0,
                    step=0.5,
                    key=f"best.w.{crit}",
                    help=tr("analysis.page.weights_help"),
                    on_change=_save,
                )
            if result.ltv_formula is not None:
                st.number_input(
                    tr("analysis.page.lifetime"),
                    min_value=0.5,
                    max_value=30.0,
                    step=0.5,
                    key="best.lifetime",
                    help=tr("analysis.page.lifetime_help"),
                    on_change=_save,
                )
            if ranking.missing:
                st.markdown(f"**{tr('analysis.page.missing_title')}**")
                for crit, roles in ranking.missing.items():
                    role_names = tr("analysis.page.roles_sep").join(
                        tr(f"schema.role.{r.value}") for r in roles
                    )
                    st.caption(
                        "• "
                        + tr(
                            "analysis.page.missing_item",
                            criterion=tr(f"criterion.{crit}"),
                            roles=role_names,
                        )
                    )
        with right:
            for label, key in (
                ("analysis.page.pins", "best.pins"),
                ("analysis.page.excludes", "best.excludes"),
            ):
                st.multiselect(
                    tr(label), names, key=key, on_change=_save, placeholder=tr("ui.choose")
                )

    for msg in result.warnings:
        st.warning(state.plain(tr(msg)), icon="ℹ️")

    # ---------------------------------------------------------------- KPI tiles
    if result.kpis:
        st.subheader(tr("analysis.page.kpis"))
        widgets.kpi_tiles(result)

    confirm.defining_differences(result)

    # ---------------------------------------------------------------- the best set
    tagged = portraits.tag_rows(ds, tag_name)
    if ranking is not None:
        best = ranking.table[ranking.table["is_best"]]
        n_best = len(best)
        if tagged is not None:
            best = best[tagged.reindex(best.index, fill_value=False).to_numpy(dtype=bool)]
        if tie is not None:  # say how many tie instead of passing file order off as a ranking
            st.subheader(tr("analysis.ties.title", tied=tie.params["tied"]))
        else:
            st.subheader(tr("analysis.page.top_table", n=n_best))
        if ds.named_by_row:
            st.caption(tr("analysis.page.row_names"))
        portraits.filter_note(tag_name, len(best), n_best)
        crit_cols = {f"c_{c}": tr(f"criterion.{c}") for c in ranking.criteria}
        view = pd.DataFrame(
            {
                tr("analysis.page.col.rank"): best["rank"].to_numpy(),
                tr("analysis.page.col.name"): best["name"].to_numpy(),
                tr("analysis.page.col.score"): best["score"].to_numpy(),
                tr("analysis.page.col.stability"): best["stability"].to_numpy(),
                tr("analysis.page.col.pinned"): best["pinned"].to_numpy(),
                **{label: best[col].to_numpy() for col, label in crit_cols.items()},
            }
        )
        config = {
            tr("analysis.page.col.score"): st.column_config.ProgressColumn(
                format="%.2f", min_value=0.0, max_value=1.0
            ),
            tr("analysis.page.col.stability"): st.column_config.ProgressColumn(
                format="percent",
                min_value=0.0,
                max_value=1.0,
                help=tr("analysis.page.stability_help"),
            ),
            **{
                label: st.column_config.NumberColumn(
                    format="%.2f", help=tr("analysis.page.contrib_help")
                )
                for label in crit_cols.values()
            },
        }
        portraits.card_table(view, key="best.table", rows=best.index, column_config=config)
        st.altair_chart(charts.score_bars(ranking, lang=lang, top=n_best, big=big))
    else:
        won_rows = result.best_mask.index[result.best_mask]
        st.subheader(tr("analysis.page.won_table", n=len(won_rows)))
        if ds.named_by_row:
            st.caption(tr("analysis.page.row_names"))
        if tagged is not None:
            shown = won_rows[tagged.reindex(won_rows, fill_value=False).to_numpy(dtype=bool)]
            portraits.filter_note(tag_name, len(shown), len(won_rows))
            won_rows = shown
        portraits.card_table(
            pd.DataFrame({tr("analysis.page.col.name"): ds.names().reindex(won_rows).to_numpy()}),
            key="best.won",
            rows=won_rows,
        )

    st.caption(tr("analysis.page.next"))


_ranked()
