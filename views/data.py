"""Data: upload a customer list, pick sheet and header row, confirm the column mapping."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pandas as pd
import streamlit as st

from icp.dataset import Dataset
from icp.definition import resolve
from icp.errors import InputError
from icp.model import Settings
from icp.schema import ColumnSpec, FieldType, Mapping, Role
from icp.worker import open_dataset
from icp.xlsx import frame_csv_bytes
from ui import confirm, state, uploader, widgets
from ui.state import UPLOAD_MB

tr = state.tr
NO_SEP = "—"  # shown in the separator column for single-value fields
store = state.store()
ws = state.workspace_id()

st.title(tr("data.title"))

TABLE_TYPES = ["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt"]
upload = uploader.file_uploader(
    tr("data.upload"),
    types=TABLE_TYPES,
    help=tr("data.upload_help"),
    key="data.upload",
    max_mb=UPLOAD_MB,
)
upload_error: InputError | None = None


def _has_answers(workspace: str) -> bool:
    return any(text.strip() for step in store.answers(workspace).values() for text in step.values())


def _replace(workspace: str, filename: str, data: bytes, new: Dataset) -> None:
    """Put a new file into ``workspace``: a fresh mapping, and settings that
    start from what the file says best is (its outcome column, if it has one)."""
    mode = "outcome" if new.mapping.col(Role.OUTCOME) is not None else "top"
    store.set_source(  # one transaction: a full disk never leaves a new file with old choices
        workspace,
        filename=filename,
        data=data,
        options={},
        values={"mapping": None, "settings": Settings(mode=mode).to_dict()},
    )
    state.seed_dataset(filename, data, new)  # the loader reuses this read: one parse per upload


if upload is not None:
    data = upload.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    if st.session_state.get("data.last_upload") != digest:
        st.session_state["data.last_upload"] = digest
        try:
            with st.spinner(tr("ui.loading_data")):
                fresh = open_dataset(data, filename=upload.name)  # validate before replacing
        except InputError as exc:
            st.session_state["data.upload_error"] = exc
        else:
            st.session_state.pop("data.upload_error", None)
            if _has_answers(ws):  # never mix one company's answers with another's file
                st.session_state["data.pending"] = digest
                st.session_state["data.pending_ds"] = fresh
            else:
                _replace(ws, upload.name, data, fresh)
    upload_error = st.session_state.get("data.upload_error")
    if st.session_state.get("data.pending") == digest:
        fresh = st.session_state["data.pending_ds"]
        with st.container(border=True, key="data.pending_box"):
            st.warning(tr("confirm.new_upload.title"), icon="⚠️")
            st.text(tr("confirm.new_upload.body", filename=upload.name))
            choice = st.columns(3)
            if choice[0].button(tr("confirm.new_upload.new"), type="primary", key="data.new_ws"):
                new_ws = store.create(Path(upload.name).stem or upload.name)
                _replace(new_ws, upload.name, data, fresh)
                state.switch_workspace(new_ws)
                st.session_state["data.last_upload"] = digest
                st.rerun()
            if choice[1].button(tr("confirm.new_upload.keep"), key="data.keep_answers"):
                _replace(ws, upload.name, data, fresh)
                st.session_state.pop("data.pending", None)
                st.rerun()
            if choice[2].button(tr("confirm.new_upload.cancel"), key="data.cancel_upload"):
                st.session_state.pop("data.pending", None)
                st.rerun()
        st.stop()

if upload_error is not None:
    state.show_error(upload_error)
    if state.dataset() is not None:
        st.caption(tr("data.kept_previous"))

ds = state.dataset_or_error()
if ds is None:
    st.info(tr("ui.no_data"))
    st.stop()
if isinstance(ds, InputError):
    st.error(state.plain(tr("ui.data_unusable", message=ds.message(state.lang()))))
    st.stop()
assert isinstance(ds, Dataset)

st.subheader(tr("data.current"))
widgets.dataset_summary(ds)


def _set_option(**changes: object) -> None:
    src = store.get_source(ws)
    if src is None:
        return
    filename, data, options = src
    store.set_source(
        ws, filename=filename, data=data, options={**options, **changes}, values={"mapping": None}
    )


cols = st.columns(2)
if len(ds.source.sheets) > 1:
    sheet = cols[0].selectbox(
        tr("data.sheet"),
        options=ds.source.sheets,
        index=ds.source.sheets.index(ds.source.sheet) if ds.source.sheet in ds.source.sheets else 0,
        key=f"data.sheet.{store.source_version(ws)}",
    )
    if sheet != ds.source.sheet:
        _set_option(sheet=sheet, header_row=None)
        st.rerun()
header = cols[1].number_input(
    tr("data.header_row"),
    min_value=1,
    max_value=1000,
    value=ds.source.header_row + 1,
    step=1,
    key=f"data.header.{store.source_version(ws)}",
)
if int(header) != ds.source.header_row + 1:
    _set_option(header_row=int(header) - 1)
    st.rerun()

if ds.notes:
    with st.expander(tr("data.notes"), expanded=True):
        state.show_notes(ds.notes)

# ---------------------------------------------------------------- accounts + deals
options = (store.get_source(ws) or ("", b"", {}))[2]
with st.expander(tr("data.join.title"), expanded=ds.join is not None):
    st.caption(tr("data.join.help"))
    deals_file = uploader.file_uploader(
        tr("data.join.upload"),
        types=TABLE_TYPES,
        key="data.deals_upload",
        max_mb=UPLOAD_MB,
    )
    if deals_file is not None:
        deals_data = deals_file.getvalue()
        digest = hashlib.sha256(deals_data).hexdigest()
        if st.session_state.get("data.last_deals") != digest:
            st.session_state["data.last_deals"] = digest
            src = store.get_source(ws)
            try:
                open_dataset(
                    src[1], filename=src[0], deals=deals_data, deals_filename=deals_file.name
                )
            except InputError as exc:
                st.session_state["data.deals_error"] = exc
            else:
                st.session_state.pop("data.deals_error", None)
                deals_opt = {
                    "filename": deals_file.name,
                    "data_b64": base64.b64encode(deals_data).decode("ascii"),
                }
                _set_option(deals=deals_opt)
                st.rerun()
    if st.session_state.get("data.deals_error") is not None:
        state.show_error(st.session_state["data.deals_error"])
    if options.get("deals") and st.button(tr("data.join.remove")):
        _set_option(deals=None)
        st.rerun()
    joined = ds.join
    if joined is not None:
        m = st.columns(3)
        m[0].metric(tr("data.join.matched"), joined.matched_accounts)
        m[1].metric(tr("data.join.unmatched"), len(joined.unmatched_deals))
        m[2].metric(tr("data.join.no_deals"), joined.accounts_without_deals)
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        tr("data.col.name"): col,
                        tr("data.col.role"): tr(f"schema.role.{role.value}"),
                        tr("data.join.how"): tr(why),
                    }
                    for col, role, why in joined.roles
                ]
            ),
            hide_index=True,
            width="stretch",
        )
        agg = st.radio(
            tr("data.join.value_agg"),
            options=["sum", "mean"],
            format_func=lambda k: tr(f"data.join.agg.{k}"),
            index=0 if options.get("value_agg", "sum") == "sum" else 1,
            horizontal=True,
            key=f"data.value_agg.{store.source_version(ws)}",
        )
        if agg != options.get("value_agg", "sum"):
            _set_option(value_agg=agg)
            st.rerun()
        if len(joined.unmatched_deals):
            st.download_button(
                tr("data.join.download_unmatched"),
                data=frame_csv_bytes(joined.unmatched_deals),
                file_name="unmatched_deals.csv",
                mime="text/csv",
            )

# ---------------------------------------------------------------- spelling variants
if ds.variants or options.get("group_variants") is False:
    with st.expander(tr("data.variants.title")):
        for col, groups in ds.variants.items():
            for variant, label in groups.items():
                st.text(f"{col}: {variant} → {label}")
        on = st.toggle(
            tr("data.variants.toggle"),
            value=options.get("group_variants", True),
            key=f"data.variants.{store.source_version(ws)}",
        )
        if on != options.get("group_variants", True):
            _set_option(group_variants=on)
            st.rerun()

# ---------------------------------------------------------------- what the data means
result = state.analysis()
if result is not None and result.definition is not None:
    meaning = result.definition
else:  # the analysis cannot run yet (e.g. nothing to rank by): still show what was read
    saved = state.settings()
    meaning = resolve(ds, saved, mode=saved.mode, criteria=[], top_n=saved.top_n)
with st.container(border=True, key="data.confirm"):
    confirm.confirm_step(ds, meaning)

# ---------------------------------------------------------------- mapping editor
st.subheader(tr("data.mapping"))
st.caption(tr("data.mapping_help"))
type_label = {ft: tr(f"schema.type.{ft.value}") for ft in FieldType}
role_label = {r: tr(f"schema.role.{r.value}") for r in Role}
report = {c.name: c for c in ds.report.columns}
rows = []
for spec in ds.mapping.columns:
    rep = report.get(spec.name)
    rows.append(
        {
            "name": spec.name,
            "include": spec.include,
            "type": type_label[spec.type],
            "role": role_label[spec.role],
            "sep": spec.sep or NO_SEP,
            "parsed": rep.parsed if rep else None,
            "failed": rep.failed if rep else None,
            "examples": ", ".join(map(str, rep.examples)) if rep else "",
        }
    )
frame = pd.DataFrame(rows)
mapping_key = hashlib.sha1(str(ds.mapping.to_list()).encode()).hexdigest()[:10]
edited = st.data_editor(
    frame,
    key=f"data.editor.{mapping_key}",
    hide_index=True,
    width="stretch",
    disabled=["name", "parsed", "failed", "examples"],
    column_config={
        "name": st.column_config.TextColumn(tr("data.col.name")),
        "include": st.column_config.CheckboxColumn(tr("data.col.include")),
        "type": st.column_config.SelectboxColumn(
            tr("data.col.type"), options=list(type_label.values()), required=True
        ),
        "role": st.column_config.SelectboxColumn(
            tr("data.col.role"), options=list(role_label.values()), required=True
        ),
        "sep": st.column_config.SelectboxColumn(
            tr("data.col.sep"), options=[NO_SEP, ",", "、", ";", "/", "|"]
        ),
        "parsed": st.column_config.NumberColumn(tr("data.col.parsed")),
        "failed": st.column_config.NumberColumn(tr("data.col.failed")),
        "examples": st.column_config.TextColumn(tr("data.col.examples")),
    },
)
type_of = {v: k for k, v in type_label.items()}


def _sep(value: object) -> str | None:
    return None if value in (None, "", NO_SEP) else str(value)


role_of = {v: k for k, v in role_label.items()}
new_mapping = Mapping(
    [
        ColumnSpec(
            name=row["name"],
            type=type_of.get(row["type"], FieldType.TEXT),
            role=role_of.get(row["role"], Role.NONE),
            sep=_sep(row["sep"]) if type_of.get(row["type"]) == FieldType.MULTI else None,
            include=bool(row["include"]),
        )
        for row in edited.to_dict("records")
    ]
)
if new_mapping.to_list() != ds.mapping.to_list():
    state.save_mapping(new_mapping)
    st.rerun()
if st.button(tr("data.reset_mapping")):
    store.set_value(ws, "mapping", None)
    st.rerun()

# ---------------------------------------------------------------- validation report + preview
st.subheader(tr("data.report"))
rep = ds.report
st.write(tr("data.rows", kept=rep.rows_kept, total=rep.rows_in))
for reason, count in rep.dropped:
    st.caption("• " + tr("data.dropped", count=count, reason=tr(reason)))

st.subheader(tr("data.preview"))
st.dataframe(ds.table.head(50), width="stretch")
