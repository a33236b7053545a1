"""The workspace chooser: where a visitor without a workspace in the URL starts.

Nobody lands in someone else's most recent work: a visitor without ``?ws=``
(or with a link to a workspace that is gone, or one that failed to open)
chooses one here, starts a new one, or tries the sample.  When the database
itself cannot be opened this page says so — which file, why, what to do —
instead of a traceback, and touches nothing (the store never rewrites a file
it cannot read).
"""

from __future__ import annotations

import streamlit as st

from icp.errors import InputError
from ui import state

tr = state.tr

st.title(tr("choose.title"))
problem = st.session_state.get("app.choose_problem")
if isinstance(problem, InputError):
    state.show_error(problem)

if st.session_state.get("app.store_broken"):
    st.info(tr("choose.broken_help"))
    if st.button(tr("choose.retry")):
        st.rerun()
    st.stop()

store = state.store()
st.caption(tr("choose.intro"))
st.session_state.pop("app.choose_problem", None)  # shown once; a fresh visit starts clean

st.subheader(tr("choose.existing"))
spaces = store.list()
if not spaces:
    st.caption(tr("choose.none"))
else:
    names = {w.id: w for w in spaces}
    cols = st.columns([3, 1], vertical_alignment="bottom")
    choice = cols[0].selectbox(
        tr("choose.existing"),
        options=list(names),
        format_func=lambda i: f"{names[i].name}  ·  {names[i].updated_at.replace('T', ' ')[:16]}",
        label_visibility="collapsed",
        key="choose.pick",
    )
    if cols[1].button(tr("ws.open"), type="primary", width="stretch", key="choose.open"):
        state.open_workspace(choice)
        st.rerun()

with st.form("choose.new_form", border=True):
    st.markdown(f"**{tr('ws.new')}**")
    new_name = st.text_input(tr("ws.new_name"), key="choose.new_name")
    if st.form_submit_button(tr("ws.create")) and new_name.strip():
        try:
            state.open_workspace(store.create(new_name.strip()))
        except InputError as exc:
            state.show_error(exc)
        else:
            st.rerun()

if st.button(tr("choose.try_sample"), key="choose.sample"):
    ws = store.create(tr("ws.sample_name"))
    state.load_sample(ws, state.DEFAULT_SAMPLE)
    state.open_workspace(ws)
    st.rerun()
