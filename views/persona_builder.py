"""Decision-maker builder: the seven steps P1–P7, then the "put it to work" checklist."""

from __future__ import annotations

import streamlit as st

from ui import builder, state

st.title(state.tr("builders.ui.persona_title"))
st.caption(state.tr("builders.ui.persona_caption"))
builder.render("persona")
st.divider()
builder.render_checklist()
