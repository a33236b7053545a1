"""Streamlit side of the portraits: saved tags and comparisons, the rule editor, cached models.

Tags and comparisons are stored in the workspace through the store's value
API (keys ``portraits.tags`` and ``portraits.comparisons``, see
notes/store-contract.md); what they select is recomputed from the data.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

import pandas as pd
import streamlit as st

from icp import committee, groups, levels, portrait, score, tags
from icp.dataset import Dataset
from icp.errors import InputError
from icp.model import Analysis
from icp.report import md_escape
from icp.schema import FieldType, Role
from icp.sections import Section
from icp.worker import open_dataset as worker_open
from ui import state

__all__ = [
    "CARD_ROW",
    "COMPARISONS_KEY",
    "CONTACTS_KEY",
    "FILTER_KEY",
    "comparisons",
    "contacts",
    "filter_note",
    "fit_model",
    "forget_contacts",
    "hand_pick_needed",
    "open_card",
    "report_sections",
    "rule_editor",
    "save_comparisons",
    "save_contacts",
    "save_tags",
    "saved_key",
    "tag_filter",
    "tag_list",
]

COMPARISONS_KEY = "portraits.comparisons"
CARD_ROW = "card.row"  # session key: the table row whose card to show


def tag_list() -> list[tags.Tag]:
    return tags.load(state.store().get_value(state.workspace_id(), tags.STORE_KEY, []))


def save_tags(items: list[tags.Tag]) -> None:
    state.store().set_value(state.workspace_id(), tags.STORE_KEY, tags.dump(items))


def comparisons() -> list[dict[str, Any]]:
    """Saved comparisons: ``{name, a: {name, rule}, b: {name, rule | None}}`` (None = the rest)."""
    items = state.store().get_value(state.workspace_id(), COMPARISONS_KEY, [])
    return [c for c in items if isinstance(c, dict) and "a" in c and "b" in c] if items else []


def save_comparisons(items: list[dict[str, Any]]) -> None:
    state.store().set_value(state.workspace_id(), COMPARISONS_KEY, items)


def _key(ds: Dataset) -> str:
    ws = state.workspace_id()
    store = state.store()
    return json.dumps(
        [state.source_key(), ds.mapping.to_list(), store.get_value(ws, "settings")],
        sort_keys=True,
        default=str,
    )


@st.cache_resource(max_entries=4, show_spinner=False)
def _fit(key: str, _ds: Dataset, _an: Analysis) -> score.FitModel:
    return portrait.fit_model(_ds, _an)


def fit_model(ds: Dataset, an: Analysis) -> score.FitModel:
    """The fit model of the current analysis (cached: every card and count reuses it)."""
    return _fit(_key(ds), ds, an)


def fit_model_or_none(ds: Dataset, an: Analysis) -> score.FitModel | None:
    """``fit_model``, or None when this data cannot be fitted (the caller fits or goes
    without: the Excel list's fit column is an extra)."""
    try:
        return fit_model(ds, an)
    except Exception:
        return None


def open_card(row: Any) -> None:
    """Go to the customer card of table row ``row``."""
    st.session_state[CARD_ROW] = row
    st.switch_page("views/customer.py")


def card_table(table: pd.DataFrame, *, key: str, rows: Any = None, **options: Any) -> None:
    """A customer list where selecting a row opens that customer's card (the hint says so).

    ``rows`` are the data set's rows behind the table's rows (default: its index)."""
    picked = st.dataframe(
        table, hide_index=True, key=key, on_select="rerun", selection_mode="single-row", **options
    )
    st.caption(state.tr("card.page.open_hint"))
    if picked.selection.rows:
        open_card((table.index if rows is None else rows)[picked.selection.rows[0]])


FILTER_KEY = "portraits.tag_filter"  # workspace value: the tag every customer list is cut to


def _save_filter() -> None:
    state.store().set_value(state.workspace_id(), FILTER_KEY, st.session_state["tags.sidebar"])


def tag_filter(ds: Dataset) -> tuple[str | None, pd.Series | None]:
    """The sidebar's "show only customers tagged …" select, shared by every page that lists
    customers and saved in the workspace; returns (tag name, rows of ``ds`` carrying it) or
    (None, None).  A list without a column the tag reads is carried by nobody (an empty list
    rather than a wrong one)."""
    items = tag_list()
    if not items:
        return None, None
    names = [t.name for t in items]
    # the workspace's value is the truth (the change callback writes it before the rerun), so
    # every page opens on it, whatever another page's widget left in the session
    saved = state.store().get_value(state.workspace_id(), FILTER_KEY)
    st.session_state["tags.sidebar"] = saved if saved in names else None
    choice = st.sidebar.selectbox(
        state.tr("tags.filter"),
        [None, *names],
        key="tags.sidebar",
        format_func=lambda n: n or state.tr("tags.filter.none"),
        on_change=_save_filter,
        help=state.tr("tags.filter.help"),
    )
    if choice is None:
        return None, None
    return choice, tag_rows(ds, choice)


def tag_rows(ds: Dataset, name: str | None) -> pd.Series | None:
    """The rows of ``ds`` carrying the saved tag ``name`` (None: no tag, or no such tag)."""
    tag = next((t for t in tag_list() if t.name == name), None) if name is not None else None
    return None if tag is None else groups.mask(ds, tag.rule)


def filter_note(name: str | None, shown: int, total: int) -> None:
    """ "Only customers tagged X: 12 of 40 shown" under a filtered table."""
    if name is not None:
        st.caption(state.tr("tags.filter.note", name=md_escape(name), n=shown, total=total))


def _columns(ds: Dataset) -> list[str]:
    return [
        c.name
        for c in ds.mapping.columns
        if c.include and c.name in ds.table.columns and c.role not in (Role.NAME, Role.ID)
    ]


def rule_editor(ds: Dataset, *, key: str, start: groups.Rule | None = None) -> groups.Rule:
    """Conditions on columns, edited in place; returns the rule as it stands.

    One row per condition: column, test, and the values (a multiselect of
    the column's own values, two number boxes, or words).
    """
    tr = state.tr
    cols = _columns(ds)
    start = start or groups.Rule()
    st.session_state.setdefault(f"{key}.n", max(1, len(start.conditions)))
    conds: list[groups.Condition] = []
    for i in range(int(st.session_state[f"{key}.n"])):
        init = start.conditions[i] if i < len(start.conditions) else None
        c1, c2, c3 = st.columns([2, 1.3, 3])
        with c1:
            k = f"{key}.{i}.col"
            if init is not None and init.column in cols:
                st.session_state.setdefault(k, init.column)
            column = st.selectbox(tr("groups.ui.column"), cols, key=k)
        spec = ds.mapping.get(column)
        ftype = spec.type if spec is not None else FieldType.TEXT
        ops = groups.ops_for(ftype)
        with c2:
            # labels as options (keyed per column and language: a number column offers
            # other tests), mapped back to the test
            labels = [tr(f"groups.op.{o}") for o in ops]
            k = f"{key}.{i}.{column}.op.{state.lang()}"
            if init is not None and init.column == column and init.op in ops:
                st.session_state.setdefault(k, labels[ops.index(init.op)])
            op = ops[labels.index(st.selectbox(tr("groups.ui.op"), labels, key=k))]
        with c3:
            if op in ("in", "not_in"):
                options = groups.column_values(ds, column)
                k = f"{key}.{i}.{column}.values"
                if init is not None and init.column == column:
                    st.session_state.setdefault(k, [v for v in init.values if v in options])
                values = st.multiselect(
                    tr("groups.ui.values"), options, key=k, placeholder=tr("ui.choose")
                )
                conds.append(groups.Condition(column, op, tuple(values)))
            elif op == "between":
                lo_col, hi_col = st.columns(2)
                k_lo, k_hi = f"{key}.{i}.{column}.low", f"{key}.{i}.{column}.high"
                if init is not None and init.column == column:
                    st.session_state.setdefault(k_lo, init.low)
                    st.session_state.setdefault(k_hi, init.high)
                low = lo_col.number_input(tr("groups.ui.low"), value=None, key=k_lo)
                high = hi_col.number_input(tr("groups.ui.high"), value=None, key=k_hi)
                conds.append(groups.Condition(column, op, low=low, high=high))
            elif op == "contains":
                k = f"{key}.{i}.{column}.words"
                if init is not None and init.column == column:
                    st.session_state.setdefault(k, ", ".join(init.values))
                words = st.text_input(tr("groups.ui.words"), key=k)
                parts = tuple(w.strip() for w in words.replace("，", ",").split(",") if w.strip())
                conds.append(groups.Condition(column, op, parts))
            else:
                conds.append(groups.Condition(column, op))
    add, remove, match = st.columns([1, 1, 3])
    if add.button(tr("groups.ui.add"), key=f"{key}.add", icon=":material/add:"):
        st.session_state[f"{key}.n"] = int(st.session_state[f"{key}.n"]) + 1
        st.rerun()
    if int(st.session_state[f"{key}.n"]) > 1 and remove.button(
        tr("groups.ui.remove"), key=f"{key}.remove", icon=":material/remove:"
    ):
        st.session_state[f"{key}.n"] = int(st.session_state[f"{key}.n"]) - 1
        st.rerun()
    with match:
        st.session_state.setdefault(f"{key}.match", start.match)
        how = st.segmented_control(
            tr("groups.ui.match"),
            ["all", "any"],
            key=f"{key}.match",
            format_func=lambda m: tr(f"groups.ui.match.{m}"),
            required=True,
        )
    return groups.Rule(tuple(conds), "any" if how == "any" else "all")


def report_sections(ds: Dataset, an: Analysis, lang: str) -> list[Section]:
    """What the Report page adds to its exports: the saved comparisons, the buying committee
    (or the titles seen across the best) and where to advertise."""
    rules = {t.name: t.rule for t in tag_list()}
    out: list[Section] = []
    for entry in comparisons():
        a = groups.GroupSpec.from_dict(entry["a"])
        b = groups.GroupSpec.from_dict(entry["b"])
        comp = groups.compare_specs(ds, a, b, best=an.best_mask, tags=rules, won=an.won)
        title = state.tr("compare.report_title", name=str(entry.get("name", "")))
        out += groups.sections(comp, title=title, lang=lang)  # type: ignore[arg-type]
    # the three levels' person level and where to advertise (issue 18)
    people, _source = contacts(ds)
    com = committee.committee(ds, an, people) if people is not None else None
    out += committee.sections(ds, an, com, lang=lang)  # type: ignore[arg-type]
    out += levels.sections(ds, an, lang=lang)  # type: ignore[arg-type]
    return out


def saved_key() -> str:
    """What the report's extra sections and the tags column depend on (for cache keys):
    saved comparisons, tags and the uploaded contacts file."""
    ws = state.workspace_id()
    store = state.store()
    return json.dumps(
        [
            store.get_value(ws, COMPARISONS_KEY),
            store.get_value(ws, tags.STORE_KEY),
            hashlib.sha256(
                json.dumps(store.get_value(ws, CONTACTS_KEY), default=str).encode()
            ).hexdigest(),
        ],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )


CONTACTS_KEY = "portraits.contacts"  # workspace value: an uploaded contacts file (name, b64)


@st.cache_data(max_entries=4, show_spinner=False)
def _read_contacts(digest: str, filename: str, data_b64: str) -> pd.DataFrame | None:
    # an upload is untrusted: parsed in the worker process, like every other file
    table = worker_open(
        base64.b64decode(data_b64), filename=filename, auto_join=False, group_variants=False
    ).table
    return committee.read_contacts(table)


def contacts(ds: Dataset) -> tuple[pd.DataFrame | None, str | None]:
    """(contact rows, where they come from) — an uploaded contacts file first, else the
    workbook's contacts sheet (``Dataset.contacts``), else (None, None)."""
    saved = state.store().get_value(state.workspace_id(), CONTACTS_KEY)
    if isinstance(saved, dict) and saved.get("data_b64"):
        filename = str(saved.get("filename", "contacts.csv"))
        digest = hashlib.sha256(str(saved["data_b64"]).encode()).hexdigest()
        try:
            rows = _read_contacts(digest, filename, str(saved["data_b64"]))
        except (InputError, ValueError):  # unreadable, or not base64 (an edited import)
            rows = None
        if rows is not None:
            return rows, filename
    if ds.contacts is not None:
        return committee.read_contacts(ds.contacts), None
    return None, None


def save_contacts(filename: str, data: bytes) -> InputError | None:
    """Keep an uploaded contacts file in the workspace; an error when it is not one."""
    try:
        table = worker_open(data, filename=filename, auto_join=False, group_variants=False).table
    except InputError as exc:
        return exc
    if committee.read_contacts(table) is None:
        return InputError("committee.upload_bad")
    value = {"filename": filename, "data_b64": base64.b64encode(data).decode("ascii")}
    state.store().set_value(state.workspace_id(), CONTACTS_KEY, value)
    return None


def forget_contacts() -> None:
    state.store().set_value(state.workspace_id(), CONTACTS_KEY, None)


def hand_pick_needed() -> bool:
    """Whether the analysis needs the best picked by hand (no measure, no outcome, no pins yet),
    or already runs on a hand pick (so the picker stays on screen to change it)."""
    result = state.analysis_or_error()
    if isinstance(result, InputError):
        return result.msg.key == "analysis.no_criteria"
    return result is not None and result.ranking is not None and not result.ranking.criteria
