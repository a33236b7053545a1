"""Competitors: who is still on each rival, against the customers you won (seed 000 打击竞品)."""

from __future__ import annotations

import streamlit as st

from icp import competitors
from icp.report import md_escape
from ui import state

tr = state.tr
lang = state.lang()

st.title(tr("comp.page.title"))
st.caption(tr("comp.page.intro"))

ds, an = state.require_analysis()
found = competitors.competitors(ds, an)
if found is None:
    st.info(tr("comp.page.none"))
    st.stop()
column, rivals = found
st.caption(tr("comp.intro", column=md_escape(column)))
if not rivals:
    st.info(tr("comp.page.thin", n=competitors.MIN_CUSTOMERS))
for rival in rivals:
    with st.container(border=True):
        st.subheader(tr("comp.heading", competitor=md_escape(rival.name), n=rival.n), anchor=False)
        st.markdown("**" + md_escape(rival.sentence(lang)) + "**")
        if rival.differences:
            st.dataframe(rival.table(lang), hide_index=True, width="stretch")
