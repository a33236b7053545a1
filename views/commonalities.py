"""Commonalities: what the best (or won) customers share that the rest do not."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from icp import charts, levels, report, wording
from icp.parse import band_order
from icp.schema import FieldType
from ui import confirm, portraits, state, widgets

tr = state.tr
lang = state.lang()
big = state.presenting()


st.title(tr("traits.page.title"))

ds, result = state.require_analysis()

outcome = result.mode == "outcome"
# a churn outcome (the header names the bad side): "kept" / "churned", not "won" / "not won"
kept = wording.is_kept(result)
# the captions and labels of the two sides, by mode: best/rest, won/not won, kept/churned
words = {
    "intro": "traits.page.intro",
    "groups": "traits.page.groups",
    "best": "traits.page.col.best",
    "rest": "traits.page.col.rest",
    "cloud_best": "traits.page.cloud_best",
    "cloud_rest": "traits.page.cloud_rest",
}
if kept:
    words = {
        "intro": "traits.page.intro_kept",
        "groups": "traits.page.groups_kept",
        "best": "traits.page.col.kept",
        "rest": "traits.page.col.churned",
        "cloud_best": "traits.page.cloud_kept",
        "cloud_rest": "traits.page.cloud_churned",
    }
elif outcome:
    words = {
        "intro": "traits.page.intro_outcome",
        "groups": "traits.page.groups_outcome",
        "best": "traits.page.col.won",
        "rest": "traits.page.col.not_won",
        "cloud_best": "traits.page.cloud_won",
        "cloud_rest": "traits.page.cloud_not_won",
    }
rest = report.rest_mask(ds, result)
best_n, rest_n = int(result.best_mask.sum()), int(rest.sum())
st.caption(tr(words["intro"]))
st.caption(
    tr(
        words["groups"],
        best_n=best_n,
        rest_n=rest_n,
    )
)
if result.definition is not None:
    confirm.definition_line(result.definition)
for msg in result.warnings:
    st.warning(state.plain(tr(msg)), icon="ℹ️")

# ---------------------------------------------------------------- KPI tiles
widgets.kpi_tiles(result)
confirm.defining_differences(result)

# ---------------------------------------------------------------- categorical findings
st.subheader(tr("traits.page.findings"))
if result.traits:
    for trait in result.traits:
        st.text("• " + tr(trait.message(outcome=outcome)))
    st.altair_chart(
        charts.trait_bars(result.traits, lang=lang, outcome=outcome, kept=kept, big=big)
    )
    with st.expander(tr("traits.page.details")):
        best_lbl, rest_lbl = tr(words["best"]), tr(words["rest"])
        table = pd.DataFrame(
            {
                tr("traits.page.col.column"): [t.column for t in result.traits],
                tr("traits.page.col.value"): [t.value for t in result.traits],
                best_lbl: [
                    tr(
                        "report.traits.count_ci",
                        count=t.best_count,
                        n=t.best_n,
                        low=round(100 * t.ci_low),
                        high=round(100 * t.ci_high),
                    )
                    for t in result.traits
                ],
                rest_lbl: [f"{t.rest_count}/{t.rest_n}" for t in result.traits],
                tr("traits.page.col.lift"): [t.lift for t in result.traits],
                tr("traits.page.col.p"): [t.p_value for t in result.traits],
            }
        )
        st.dataframe(
            table,
            hide_index=True,
            key="traits.table",
            column_config={
                tr("traits.page.col.lift"): st.column_config.NumberColumn(
                    format="%.1f×", help=tr("traits.page.lift_help")
                ),
                tr("traits.page.col.p"): st.column_config.NumberColumn(
                    format="%.2g", help=tr("traits.page.p_help")
                ),
            },
        )
else:
    st.info(tr("traits.page.none"))

# ---------------------------------------------------------------- leads (not conclusive)
if result.leads:
    with st.expander(tr("traits.page.leads", n=len(result.leads))):
        st.caption(tr("traits.page.leads_help"))
        for trait in result.leads:
            sentence = tr(trait.message(outcome=outcome))
            st.text("• " + sentence + " " + tr("traits.lead_note", p=f"{trait.p_value:.3f}"))

# ---------------------------------------------------------------- bands, in their own order
bands = [
    spec
    for spec in ds.mapping.of_type(FieldType.BAND)
    if spec.name in {t.column for t in (*result.traits, *result.warning_traits)}
]
for spec in bands:
    order = band_order(ds.table[spec.name].dropna().unique())
    st.altair_chart(
        charts.value_bars(
            ds.table,
            spec.name,
            result.best_mask,
            lang=lang,
            outcome=outcome,
            kept=kept,
            big=big,
            order=order,
        )
    )

# ---------------------------------------------------------------- numeric findings
shown = [nt for nt in result.numeric if nt.is_finding and nt.kind != "warning"]
if shown:
    st.subheader(tr("traits.page.numeric"))
    for nt in shown[:6]:
        st.text("• " + tr(nt.message(outcome=outcome)))
    ranges = charts.numeric_ranges(shown, lang=lang, outcome=outcome, kept=kept, big=big)
    if ranges is not None:
        st.altair_chart(ranges)

# ---------------------------------------------------------------- warning signs
st.subheader(tr("traits.page.warnings"), help=tr("traits.page.warnings_help"))
numeric_warnings = [nt for nt in result.numeric if nt.kind == "warning"]
if result.warning_traits or numeric_warnings:
    for trait in result.warning_traits:
        st.text("• " + tr(trait.message(outcome=outcome, warning=True)))
    for nt in numeric_warnings:
        st.text("• " + tr(nt.message(outcome=outcome)))
else:
    st.caption(tr("traits.page.no_warnings"))

# ---------------------------------------------------------------- word clouds
# Their place is kept here, but they are drawn last (below): everything else on
# the page is on screen while the clouds are counted and drawn.
st.subheader(tr("traits.page.clouds"), help=tr("traits.page.clouds_help"))
cloud_box = st.container()

# ---------------------------------------------------------------- where to advertise
segs = levels.segments(ds, result)
if segs:
    st.subheader(tr("levels.channels.title"))
    st.caption(tr("levels.channels.intro"))
    tag_name, tagged = portraits.tag_filter(ds)
    names = ds.names()
    unit = levels.money_unit(ds)
    for i, seg in enumerate(segs):
        with st.container(border=True):
            st.markdown(f"**{report.md_escape(seg.title(lang, outcome=outcome))}**")
            channels, headline = levels.segment_channels(ds, result, seg)
            if channels is None:
                st.caption(tr("levels.channels.none"))
            else:
                if headline is not None:
                    st.text(tr(headline))
                st.dataframe(
                    levels.channel_table(channels, lang, unit=unit),
                    hide_index=True,
                    key=f"traits.segment.{i}.channels",
                )
            rows = seg.rows.index[seg.rows.to_numpy(dtype=bool)]
            with st.expander(tr("levels.segment.customers", n=len(rows))):
                if tagged is not None:
                    shown = rows[tagged.reindex(rows, fill_value=False).to_numpy(dtype=bool)]
                    portraits.filter_note(tag_name, len(shown), len(rows))
                    rows = shown
                portraits.card_table(
                    pd.DataFrame({tr("analysis.page.col.name"): names.reindex(rows).to_numpy()}),
                    key=f"traits.segment.{i}.who",
                    rows=rows,
                )

# ---------------------------------------------------------------- word clouds, drawn last
with cloud_box:
    left, right = st.columns(2)
    for col, label in ((left, words["cloud_best"]), (right, words["cloud_rest"])):
        col.markdown(f"**{tr(label)}**")
    with st.spinner(tr("traits.page.clouds_drawing")):
        left_png, right_png = widgets.cloud_pngs(ds, result, big=big)
    for col, png in ((left, left_png), (right, right_png)):
        if png is None:
            col.caption(tr("clouds.empty"))
        else:
            col.image(png)
