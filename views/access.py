"""The access-key form: all a visitor sees on a keyed server until the key is typed.

See ``ui/access.py`` for how the key is configured and remembered.  No
workspace name, count or page is shown before the key is right.
"""

from __future__ import annotations

import streamlit as st

from ui import access, state

tr = state.tr

st.title(tr("access.title"))
st.caption(tr("access.intro"))
with st.form("access.form", border=True):
    typed = st.text_input(tr("access.label"), type="password", key="access.key")
    if st.form_submit_button(tr("access.submit"), type="primary"):
        if access.try_key(typed):
            st.rerun()
        st.error(tr("access.wrong"), icon="🔒")
