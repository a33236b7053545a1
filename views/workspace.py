"""Workspace (home): which workspace, what is in it, samples, create/rename/delete."""

from __future__ import annotations

import streamlit as st

from icp import worker
from icp.errors import InputError
from icp.report import md_escape
from icp.store import MAX_IMPORT_MB, version_label
from ui import state, uploader, widgets

tr = state.tr
store = state.store()
ws = state.workspace_id()
info = store.info(ws)

st.title(tr("app.title"))
st.write(tr("app.tagline"))
st.caption(tr("ws.intro"))

st.subheader(tr("ws.current"))
ds = state.dataset_or_error()
if info is not None:
    st.markdown(f"**{tr('ws.name')}:** " + md_escape(info.name))  # a name is data, not markup
if ds is None:
    st.info(tr("ui.no_data"))
elif isinstance(ds, Exception):
    state.show_error(ds)
else:
    widgets.dataset_summary(ds)


def _rename() -> None:
    name = st.session_state["ws.rename"].strip()
    if name:
        store.rename(ws, name)


with st.form("ws.rename_form", border=False):
    st.text_input(tr("ws.rename"), value=info.name if info else "", key="ws.rename")
    if st.form_submit_button(tr("ws.rename")):
        _rename()
        st.rerun()

st.subheader(tr("ws.sample_title"))
st.caption(tr("ws.sample_help"))
cols = st.columns([3, 1])
sample = cols[0].selectbox(
    tr("ws.sample_title"),
    options=list(state.SAMPLES),
    format_func=lambda key: tr(f"ws.sample.{key}"),
    key=f"ws.sample.{state.lang()}",  # a new widget per language, so its labels follow
    label_visibility="collapsed",
)
if cols[1].button(tr("ws.load_sample"), width="stretch"):
    state.load_sample(ws, sample)
    st.toast(tr("ws.loaded", name=tr(f"ws.sample.{sample}")))
    st.rerun()

st.subheader(tr("ws.open_label"))
others = store.list()
rows = [
    {tr("ws.name"): w.name, tr("ws.updated"): w.updated_at.replace("T", " ")[:16], "id": w.id}
    for w in others
]
choice = st.selectbox(
    tr("ws.open_label"),
    options=[w.id for w in others],
    index=[w.id for w in others].index(ws) if ws in [w.id for w in others] else 0,
    format_func=lambda i: next(w.name for w in others if w.id == i) + f"  ({i})",
    label_visibility="collapsed",
    key="ws.pick",
)
if choice != ws and st.button(tr("ws.open")):
    state.switch_workspace(choice)
    st.rerun()
st.dataframe(rows, hide_index=True, width="stretch")

with st.form("ws.new_form", border=True):
    st.markdown(f"**{tr('ws.new')}**")
    new_name = st.text_input(tr("ws.new_name"), key="ws.new_name")
    if st.form_submit_button(tr("ws.create")) and new_name.strip():
        new_ws = store.create(new_name.strip())
        state.switch_workspace(new_ws)
        st.rerun()

# ---------------------------------------------------------------- versions
st.subheader(tr("store.versions"))
with st.form("ws.snapshot_form", border=False):
    label = st.text_input(tr("store.snapshot_label"), key="ws.snapshot_label")
    if st.form_submit_button(tr("store.snapshot")) and label.strip():
        store.snapshot(ws, label.strip())
        st.toast(tr("store.snapshot_done", label=label.strip()))
versions = store.versions(ws)
if not versions:
    st.caption(tr("store.no_versions"))
for v in versions[:20]:
    row = st.columns([4, 2, 1])
    row[0].text(version_label(v.label, state.lang()))
    row[1].caption(v.created_at.replace("T", " ")[:16])
    if row[2].button(tr("store.restore"), key=f"ws.restore.{v.id}"):
        store.restore(ws, v.id)
        st.session_state["ws.flash"] = tr("store.restored")
        st.rerun()
if st.session_state.get("ws.flash"):
    st.success(state.plain(st.session_state.pop("ws.flash")))

# ---------------------------------------------------------------- export / import
st.subheader(tr("store.export"))
st.caption(tr("store.export_help"))
st.download_button(
    tr("store.export"),
    data=lambda: store.export_zip(ws),
    file_name=f"icp-workspace-{ws}.zip",
    mime="application/zip",
)
# A new uploader after each import (its key counts them): the backup is not kept in the
# page, where every later rerun would carry it. Each upload is imported once (file_id).
rounds = st.session_state.setdefault("ws.import_round", 0)
imported = uploader.file_uploader(  # .json: backups made before the zip format
    tr("store.import"),
    types=["zip", "json"],
    key=f"ws.import.{rounds}",
    max_mb=MAX_IMPORT_MB,
)
if imported is not None and st.session_state.get("ws.last_import") != imported.file_id:
    st.session_state["ws.last_import"] = imported.file_id
    try:
        new_ws = store.import_backup(imported.getvalue(), check_file=worker.check_source)
    except InputError as exc:
        state.show_error(exc)
    else:
        name = store.info(new_ws).name
        state.switch_workspace(new_ws)
        st.session_state["ws.flash"] = tr("store.imported", name=name)
        st.session_state["ws.import_round"] = rounds + 1
        st.rerun()

with st.expander(tr("ws.delete")):
    if st.checkbox(tr("ws.delete_confirm"), key="ws.delete_ok") and st.button(
        tr("ws.delete"), type="primary"
    ):
        store.delete(ws)
        state.leave_workspace()
        st.toast(tr("ws.deleted"))
        st.rerun()
