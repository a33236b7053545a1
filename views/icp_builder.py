"""ICP builder: the seven steps S1–S7 from the best customers to the ICP statement."""

from __future__ import annotations

import streamlit as st

from ui import builder, state

st.title(state.tr("builders.ui.icp_title"))
st.caption(state.tr("builders.ui.icp_caption"))
builder.render("icp")
