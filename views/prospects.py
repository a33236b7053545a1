"""Prospects: score a list (or your own not-yet-won customers) for fit; segments; channels."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pandas as pd
import streamlit as st

from icp import score, segments, tags
from icp.dataset import Dataset
from icp.errors import InputError
from icp.model import Analysis
from icp.report import md_escape
from icp.worker import open_dataset
from ui import confirm, portraits, state, uploader
from ui.state import UPLOAD_MB

tr = state.tr
lang = state.lang()

st.title(tr("prospects.title"))
st.caption(tr("prospects.intro"))


def _pct(v: float) -> str:
    return "—" if pd.isna(v) else f"{100 * v:.0f}%"


ds, an = state.require_analysis("prospects.no_data")
assert isinstance(ds, Dataset) and isinstance(an, Analysis)
if an.definition is not None:
    confirm.definition_line(an.definition)

ws = state.workspace_id()
store = state.store()
KEY = json.dumps(
    [
        state.source_key(),  # the file's content, not the workspace
        store.get_value(ws, "mapping"),
        store.get_value(ws, "settings") or {},
    ],
    sort_keys=True,
    default=str,
)


# Heavy work behind thin caches keyed on everything it depends on.
@st.cache_resource(max_entries=4, show_spinner=False)
def _model(key: str, _ds: Dataset, _an: Analysis) -> tuple[score.FitModel, score.Backtest]:
    model = score.fit(
        _ds,
        _an.best_mask,
        traits=[*_an.traits, *_an.warning_traits] or None,
        numeric=_an.numeric,
    )
    bt = score.backtest(_ds, _an.best_mask, kind=model.kind)
    model.cv_auc = bt.auc
    return model, bt


@st.cache_resource(max_entries=4, show_spinner=False)
def _prospects(digest: str, name: str, _data: bytes) -> Dataset | InputError:
    try:
        return open_dataset(_data, filename=name)
    except InputError as exc:
        return exc


@st.cache_resource(max_entries=8, show_spinner=False)
def _scored(key: str, what: str, lang: str, _ds: Dataset, _an: Analysis, _pros) -> score.Scored:
    model, bt = _model(key, _ds, _an)
    if _pros is None:
        out = score.score_own(_ds, _an, lang=lang, model=model, with_backtest=False)
    else:
        out = score.score_prospects(_ds, _an, _pros, lang=lang, model=model, with_backtest=False)
    out.backtest = bt
    return out


@st.cache_resource(max_entries=8, show_spinner=False)
def _xlsx(key: str, what: str, lang: str, _scored: score.Scored) -> bytes:
    return score.scored_xlsx_bytes(_scored, lang=lang)


# ---------------------------------------------------------------- what to score

st.session_state.setdefault("prospects.source", "upload")
source = st.radio(
    tr("prospects.source"),
    options=["upload", "own"],
    format_func=lambda v: tr(f"prospects.source.{v}"),
    key="prospects.source",
    horizontal=True,
)

prospects: Dataset | None = None
what = "own"
if source == "upload":
    upload = uploader.file_uploader(
        tr("prospects.upload"),
        types=["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt"],
        key="prospects.upload",
        max_mb=UPLOAD_MB,
    )
    if upload is not None:
        st.session_state["prospects.file"] = (upload.name, upload.getvalue())
    file = st.session_state.get("prospects.file")
    if file is None:
        st.info(tr("prospects.upload_hint"))
    else:
        name, data = file
        digest = hashlib.sha256(data).hexdigest()
        loaded = _prospects(digest, name, data)
        if isinstance(loaded, InputError):
            state.show_error(loaded)
        else:
            prospects, what = loaded, digest

scored: score.Scored | None = None
if source == "own" or prospects is not None:
    with st.spinner(tr("ui.analysing")):
        scored = _scored(KEY, what, lang, ds, an, prospects)

# ---------------------------------------------------------------- scored list

if scored is not None:
    model = scored.model
    st.caption(tr(f"prospects.model.{model.kind}", n_pos=model.n_pos, n_neg=model.n_neg))
    for note in model.notes:
        st.warning(state.plain(tr(note)))
    if prospects is not None:
        if not scored.matched:
            st.warning(tr("prospects.none_matched"))
        else:
            with st.expander(tr("prospects.matched"), expanded=False):
                cols = [tr("prospects.col.prospect"), tr("prospects.col.customer")]
                st.dataframe(pd.DataFrame(scored.matched, columns=cols), hide_index=True)
        if scored.unmatched:
            st.caption(tr("prospects.unmatched", columns=", ".join(scored.unmatched)))

    table = scored.table
    tag_items = portraits.tag_list()
    if tag_items and not table.empty:  # the rule tags each row carries, also in the export
        tagged = tags.tag_column(prospects if prospects is not None else ds, tag_items)
        table = table.assign(**{tr("tags.column"): tagged.reindex(table.index).fillna("")})
        scored = dataclasses.replace(scored, table=table)
    if table.empty:
        st.info(tr("prospects.empty_own"))
    else:
        st.subheader(tr("prospects.tiers"))
        counts = table["tier"].value_counts()
        for col, tier in zip(st.columns(4), score.TIERS, strict=True):
            col.metric(tr(f"score.tier.{tier}"), int(counts.get(tier, 0)))
            col.caption(tr(f"score.action.{tier}"))

        st.subheader(tr("prospects.table"))
        st.caption(tr("prospects.score_help"))
        tag_name, carrying = portraits.tag_filter(prospects if prospects is not None else ds)
        if carrying is not None:  # the list on screen only; the download keeps every row
            shown = table[carrying.reindex(table.index, fill_value=False).to_numpy(dtype=bool)]
            portraits.filter_note(tag_name, len(shown), len(table))
            table = shown
        labels = {c: tr(f"score.col.{c}") for c in score.SCORE_COLUMNS}
        own = prospects is None  # your own customers: a selected row opens its card
        picked = st.dataframe(
            table.rename(columns=labels),
            hide_index=True,
            column_config={
                labels["score"]: st.column_config.ProgressColumn(
                    labels["score"], min_value=0, max_value=100, format="%d"
                )
            },
            key="prospects.table",
            on_select="rerun" if own else "ignore",
            selection_mode="single-row",
        )
        if own:
            st.caption(tr("card.page.open_hint"))
            if picked.selection.rows:
                portraits.open_card(table.index[picked.selection.rows[0]])
        st.download_button(
            tr("prospects.download"),
            data=_xlsx(KEY + portraits.saved_key(), what, lang, scored),
            file_name="scored_prospects.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key="prospects.download",
        )

    bt = scored.backtest
    if bt is not None:
        st.subheader(tr("prospects.backtest"))
        st.caption(tr("prospects.backtest.explain"))
        if bt.warning is not None:
            st.warning(state.plain(tr(bt.warning)))
        c1, c2, c3 = st.columns(3)
        c1.metric(tr("prospects.backtest.auc"), "—" if bt.auc is None else f"{bt.auc:.2f}")
        c2.metric(tr("prospects.backtest.tier_a"), f"{bt.best_in_tier_a} / {bt.best_total}")
        c3.metric(tr("prospects.backtest.folds"), bt.folds)
        if bt.auc is not None:
            st.altair_chart(score.backtest_chart(bt, lang=lang), width="stretch")

# ---------------------------------------------------------------- segments

st.header(tr("prospects.segments"))
st.caption(tr("prospects.segments.intro"))
fit_model, _bt = _model(KEY, ds, an)
seg = segments.quadrants(ds, score.predict(fit_model, ds.table))
if seg is None:
    st.info(tr("prospects.segments.none"))
else:
    st.caption(tr("prospects.segments.basis", basis=tr(f"segments.basis.{seg.basis}")))
    quad = pd.DataFrame(
        {
            tr("segments.col.quadrant"): [tr(f"segments.q.{k}") for k in seg.table.index],
            tr("segments.col.customers"): seg.table["customers"].to_numpy(),
            tr("segments.col.revenue_share"): seg.table["revenue_share"].map(_pct).to_numpy(),
            tr("segments.col.profit_share"): seg.table["profit_share"].map(_pct).to_numpy(),
            "": [tr(f"segments.q.{k}.help") for k in seg.table.index],
        }
    )
    st.dataframe(quad, hide_index=True)
    st.altair_chart(segments.quadrant_chart(seg, lang=lang), width="stretch")
    share, _curve = segments.pareto(ds)
    sentence = segments.pareto_sentence(share, ds, lang=lang)
    if sentence:
        st.markdown("**" + md_escape(sentence) + "**")

# ---------------------------------------------------------------- channels

st.header(tr("prospects.channels"))
ch = segments.channels(ds, an.best_mask, won=an.won)
if ch is None:
    st.info(tr("prospects.channels.none"))
else:
    st.markdown(md_escape(segments.channel_sentence(ch, lang)))
    money = ["avg_value", "cac", "cost_per_best"]
    shown = ch.assign(
        won_rate=ch["won_rate"].map(_pct),
        best_share=ch["best_share"].map(_pct),
        ltv_cac=ch["ltv_cac"].round(1),
        **{c: ch[c].round(0) for c in money},
    ).rename(columns={c: tr(f"channels.col.{c}") for c in ch.columns})
    st.dataframe(
        shown,
        hide_index=True,
        column_config={
            tr(f"channels.col.{c}"): st.column_config.NumberColumn(format="localized")
            for c in money
        },
    )
    st.altair_chart(segments.channel_chart(ch, lang=lang), width="stretch")
