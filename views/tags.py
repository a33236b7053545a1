"""Tags: name a group of customers by conditions on columns; count, filter and export it."""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

from icp import discipline, groups, lifecycle, tags
from icp.dataset import Dataset
from icp.errors import InputError
from icp.report import md_escape
from icp.worker import open_dataset
from ui import portraits, state

tr = state.tr
lang = state.lang()

st.title(tr("tags.page.title"))
st.caption(tr("tags.page.intro"))

ds, an = state.require_analysis()
items = portraits.tag_list()


@st.cache_resource(max_entries=2, show_spinner=False)
def _prospects(digest: str, name: str, _data: bytes) -> Dataset | None:
    try:
        return open_dataset(_data, filename=name)
    except InputError:
        return None


# A prospect list uploaded on the Prospects page (this session) is counted too.
prospects: Dataset | None = None
file = st.session_state.get("prospects.file")
if file is not None:
    prospects = _prospects(hashlib.sha256(file[1]).hexdigest(), file[0], file[1])

# ---------------------------------------------------------------- the tags and their counts
st.subheader(tr("tags.page.list"))
if not items:
    st.info(tr("tags.page.none"))
else:
    counts = tags.counts(ds, items, prospects)
    best = an.best_mask.reindex(ds.table.index, fill_value=False).astype(bool)
    masks = tags.tag_masks(ds, items)
    view = pd.DataFrame(
        {
            tr("tags.col.tag"): counts["tag"],
            tr("tags.col.rule"): [r.describe(lang) for r in counts["rule"]],
            tr("tags.col.customers"): counts["customers"],
            tr("tags.col.best"): [int((masks[n] & best).sum()) for n in counts["tag"]],
            tr("tags.col.prospects"): [
                "—" if pd.isna(v) else str(int(v)) for v in counts["prospects"]
            ],
        }
    )
    st.dataframe(view, hide_index=True, key="tags.table")
    if prospects is None:
        st.caption(tr("tags.page.no_prospects"))

# ---------------------------------------------------------------- define a tag
st.subheader(tr("tags.page.define"))
names = [t.name for t in items]
editing = st.selectbox(
    tr("tags.page.edit"), [None, *names], key="tags.edit", format_func=lambda n: n or tr("tags.new")
)
current = next((t for t in items if t.name == editing), None)
form = f"tags.rule.{editing or '_new'}"
name = st.text_input(
    tr("tags.page.name"),
    value=editing or "",
    key=f"{form}.name",
    max_chars=tags.MAX_NAME,
    placeholder=tr("tags.page.name_hint"),
)
rule = portraits.rule_editor(ds, key=form, start=current.rule if current else None)
n = int(groups.mask(ds, rule).sum())
st.caption(tr("tags.page.preview", rule=md_escape(rule.describe(lang)), n=n, total=len(ds.table)))

save_col, delete_col = st.columns([1, 1])
if save_col.button(tr("tags.page.save"), key="tags.save", type="primary", icon=":material/sell:"):
    clean = name.strip()
    if not clean:
        st.error(tr("tags.page.need_name"))
    elif not rule.conditions:
        st.error(tr("tags.page.need_rule"))
    else:
        kept = [t for t in items if t.name not in (clean, editing)]
        portraits.save_tags([*kept, tags.Tag(clean, rule)])
        st.session_state.pop("tags.edit", None)
        st.toast(tr("tags.page.saved", name=clean))
        st.rerun()
if current is not None and delete_col.button(
    tr("tags.page.delete"), key="tags.delete", icon=":material/delete:"
):
    portraits.save_tags([t for t in items if t.name != current.name])
    st.session_state.pop("tags.edit", None)
    st.rerun()

# ---------------------------------------------------------------- who carries a tag
if items:
    st.subheader(tr("tags.page.who"))
    tag_name, rows = portraits.tag_filter(ds)
    if rows is None:
        st.caption(tr("tags.page.who_pick"))
    else:
        shown = ds.table.loc[rows]
        st.caption(tr("tags.page.who_n", name=md_escape(tag_name), n=len(shown)))
        portraits.card_table(shown, key="tags.who")

# ---------------------------------------------------------------- lifecycle stages
st.subheader(tr("life.title"))
st.caption(tr("life.intro"))
ws = state.workspace_id()
saved_rules = lifecycle.Rules.from_dict(
    state.store().get_value(state.workspace_id(), lifecycle.STORE_KEY)
)
st.session_state.setdefault("life.new_days", saved_rules.new_days)
st.session_state.setdefault("life.silent_days", saved_rules.silent_days)


def _rules() -> lifecycle.Rules:
    ss = st.session_state
    return lifecycle.Rules(int(ss["life.new_days"]), int(ss["life.silent_days"]))


def _save_rules() -> None:
    state.store().set_value(ws, lifecycle.STORE_KEY, _rules().to_dict())


r1, r2 = st.columns(2)
r1.number_input(tr("life.new_days"), 1, 3650, key="life.new_days", on_change=_save_rules)
r2.number_input(tr("life.silent_days"), 1, 3650, key="life.silent_days", on_change=_save_rules)
life = lifecycle.stages(
    ds,
    lifecycle.Rules(
        int(st.session_state["life.new_days"]), int(st.session_state["life.silent_days"])
    ),
    won=an.won,
)
if life.as_of is not None and life.date_column:
    st.caption(
        tr("life.as_of", date=life.as_of.strftime("%Y-%m-%d"), column=md_escape(life.date_column))
    )
else:
    st.caption(tr("life.no_dates"))
st.dataframe(
    pd.DataFrame(
        {
            tr("life.col.stage"): [tr(f"life.stage.{k}") for k in life.table.index],
            tr("life.col.customers"): life.table["customers"].to_numpy(),
            tr("life.col.share"): [f"{100 * x:.0f}%" for x in life.table["share"]],
            tr("life.col.value_share"): [
                "—" if pd.isna(x) else f"{100 * x:.0f}%" for x in life.table["value_share"]
            ],
            tr("life.col.action"): [tr(f"life.action.{k}") for k in life.table.index],
        }
    ),
    hide_index=True,
    key="life.table",
)

# ---------------------------------------------------------------- sales data discipline
st.subheader(tr("disc.title"))
disc = discipline.discipline(ds, an)
if disc is None:
    st.caption(tr("disc.none"))
else:
    st.caption(tr("disc.intro", owner=md_escape(disc.owner)))
    gaps = disc.gaps()
    for rep, field, empty, n in gaps[:6]:
        st.markdown("- " + md_escape(tr("disc.gap", rep=rep, field=field, empty=empty, n=n)))
    if not gaps:
        st.caption(tr("disc.all_good"))
    shown = disc.table.copy()
    pct = [c for c in [*disc.fields, "filled", "won_rate"] if c in shown.columns]
    shown[pct] = (100 * shown[pct]).round(0)
    st.dataframe(
        shown.rename(
            columns={
                "customers": tr("disc.col.customers"),
                "filled": tr("disc.col.filled") + " %",
                "won_rate": tr("disc.col.won_rate") + " %",
                "follow_ups": tr("disc.col.follow_ups"),
            }
        ).rename_axis(tr("disc.col.rep")),
        key="disc.table",
    )
