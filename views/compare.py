"""Compare groups: any two groups of customers, the same commonalities, clouds and charts."""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from icp import clouds, group_charts, groups
from icp.dataset import Dataset
from icp.model import Analysis
from icp.report import md_escape
from icp.schema import FieldType, Role
from ui import portraits, state

tr = state.tr
lang = state.lang()

st.title(tr("compare.page.title"))
st.caption(tr("compare.page.intro"))

ds, an = state.require_analysis()
tag_rules = {t.name: t.rule for t in portraits.tag_list()}
has_outcome = ds.mapping.col(Role.OUTCOME) is not None
DATA_KEY = json.dumps(
    [state.source_key(), ds.mapping.to_list()],  # the file's content, not the workspace
    ensure_ascii=False,
    default=str,
)


def _kinds(side: str) -> list[str]:
    kinds = ["rule"]
    if tag_rules:
        kinds.insert(0, "tag")
    if has_outcome:
        kinds += ["won", "lost"]
    kinds.append("best")
    if side == "b":
        kinds.insert(0, "rest")
    return kinds


def _default_name(kind: str, tag: str) -> str:
    if kind == "tag":
        return tag
    if kind == "best" and an.mode == "outcome":
        return tr("compare.kind.won")
    return tr(f"compare.kind.{kind}")


def _picker(side: str) -> groups.GroupSpec:
    """One side of the comparison: how it is defined, and its name."""
    kinds = _kinds(side)
    labels = [tr(f"compare.kind.{k}") for k in kinds]
    k = f"compare.{side}.kind.{lang}"
    kind = kinds[labels.index(st.selectbox(tr(f"compare.{side}.kind"), labels, key=k))]
    tag, rule = "", groups.Rule()
    if kind == "tag":
        tag = st.selectbox(tr("compare.tag"), list(tag_rules), key=f"compare.{side}.tag")
    elif kind == "rule":
        rule = portraits.rule_editor(ds, key=f"compare.{side}.rule")
    default = _default_name(kind, tag)
    name = st.text_input(tr("compare.name"), key=f"compare.{side}.name.{kind}.{tag}", value=default)
    return groups.GroupSpec(kind, name.strip() or default, rule, tag)  # type: ignore[arg-type]


@st.cache_resource(max_entries=16, show_spinner=False)
def _compare(key: str, _ds: Dataset, _an: Analysis, a: str, b: str) -> groups.Comparison:
    spec_a = groups.GroupSpec.from_dict(json.loads(a))
    spec_b = groups.GroupSpec.from_dict(json.loads(b))
    return groups.compare_specs(
        _ds, spec_a, spec_b, best=_an.best_mask, tags=tag_rules, won=_an.won
    )


@st.cache_data(max_entries=16, show_spinner=False)
def _clouds(key: str, _ds: Dataset, _c: groups.Comparison) -> tuple[bytes | None, bytes | None]:
    mapping = groups.without(_ds.mapping, _c.excluded)
    left, right = clouds.compare(
        clouds.frequencies(_ds.table, mapping, _c.a_mask),
        clouds.frequencies(_ds.table, mapping, _c.b_mask),
        best_n=int(_c.a_mask.sum()),
        rest_n=int(_c.b_mask.sum()),
    )
    return (
        clouds.png_bytes(left) if left is not None else None,
        clouds.png_bytes(right) if right is not None else None,
    )


# ---------------------------------------------------------------- the two groups
col_a, col_b = st.columns(2)
with col_a, st.container(border=True):
    st.markdown(f"**{tr('compare.a')}**")
    spec_a = _picker("a")
with col_b, st.container(border=True):
    st.markdown(f"**{tr('compare.b')}**")
    spec_b = _picker("b")

a_json = json.dumps(spec_a.to_dict(), ensure_ascii=False, sort_keys=True)
b_json = json.dumps(spec_b.to_dict(), ensure_ascii=False, sort_keys=True)
tags_json = json.dumps({k: v.to_dict() for k, v in tag_rules.items()}, ensure_ascii=False)
won_key = [] if an.won is None else [str(v) for v in an.won.tolist()]  # the user's good values
key = json.dumps([DATA_KEY, tags_json, [str(i) for i in an.best_mask.index[an.best_mask]], won_key])
with st.spinner(tr("ui.analysing")):
    comp = _compare(key, ds, an, a_json, b_json)

# ---------------------------------------------------------------- results
m1, m2 = st.columns(2)
m1.metric(comp.a_name, comp.a_n)
m2.metric(comp.b_name, comp.b_n)
if comp.overlap:
    st.caption(tr("groups.overlap", n=comp.overlap))
if comp.excluded:
    st.caption(tr("groups.excluded", columns=md_escape(", ".join(comp.excluded))))

if comp.a_n == 0 or comp.b_n == 0:
    st.warning(tr("compare.page.empty"))
    st.stop()

st.subheader(tr("compare.page.differences"))
lines = comp.sentences(lang)
for line in lines:
    st.markdown("- " + md_escape(line))
if not lines:
    st.info(tr("groups.no_difference"))
leads = comp.lead_sentences(lang)
if leads:
    with st.expander(tr("groups.leads")):
        for line in leads:
            st.markdown("- " + md_escape(line))
if comp.a_traits or comp.b_traits:
    st.altair_chart(group_charts.share_bars(comp, lang=lang), width="stretch")
    st.dataframe(comp.table(lang), hide_index=True)

st.subheader(tr("compare.page.clouds"))
st.caption(tr("compare.page.clouds_help"))
left_png, right_png = _clouds(key + a_json + b_json, ds, comp)
c1, c2 = st.columns(2)
for col, png, name in ((c1, left_png, comp.a_name), (c2, right_png, comp.b_name)):
    with col:
        st.markdown(f"**{md_escape(name)}**")
        if png:
            st.image(png, width="stretch")
        else:
            st.caption(tr("compare.page.no_words"))

# ---------------------------------------------------------------- where each group comes from
if ds.mapping.col(Role.CHANNEL) is not None:
    st.subheader(tr("compare.page.channels"))
    st.caption(tr("compare.page.channels_help", n=groups.MIN_CHANNEL))
    ch_a, ch_b = st.columns(2)
    for col, rows, name in ((ch_a, comp.a_mask, comp.a_name), (ch_b, comp.b_mask, comp.b_name)):
        table = groups.channels(ds, rows, best=an.best_mask, won=an.won)
        with col:
            st.markdown(f"**{md_escape(name)}**")
            if table is not None:
                thin = tr("compare.page.thin")
                st.dataframe(
                    pd.DataFrame(
                        {
                            tr("channels.col.channel"): table["channel"],
                            tr("channels.col.customers"): table["customers"],
                            tr("channels.col.won_rate"): [
                                thin if pd.isna(x) else f"{100 * x:.0f}%" for x in table["won_rate"]
                            ],
                            tr("channels.col.cac"): [
                                thin if pd.isna(x) else f"{x:,.0f}" for x in table["cac"]
                            ],
                        }
                    ),
                    hide_index=True,
                )

# ---------------------------------------------------------------- save
st.subheader(tr("compare.page.save"))
saved = portraits.comparisons()
s1, s2 = st.columns([3, 1])
title = s1.text_input(
    tr("compare.page.save_name"),
    value=tr("compare.page.default_title", a=comp.a_name, b=comp.b_name),
    key=f"compare.title.{a_json}.{b_json}",
)
if s2.button(tr("compare.page.save_button"), key="compare.save", icon=":material/bookmark_add:"):
    entry = {"name": title.strip() or comp.a_name, "a": spec_a.to_dict(), "b": spec_b.to_dict()}
    portraits.save_comparisons([c for c in saved if c.get("name") != entry["name"]] + [entry])
    st.toast(tr("compare.page.saved", name=entry["name"]))
    st.rerun()
if saved:
    st.caption(tr("compare.page.in_report"))
    for i, entry in enumerate(saved):
        n1, n2 = st.columns([4, 1])
        n1.text(str(entry.get("name", "")))
        if n2.button(tr("compare.page.delete"), key=f"compare.delete.{i}"):
            portraits.save_comparisons([c for j, c in enumerate(saved) if j != i])
            st.rerun()

# ---------------------------------------------------------------- ordered breakdown
st.subheader(tr("compare.page.breakdown"))
st.caption(tr("groups.breakdown.label"))
columns = [
    c.name
    for c in ds.mapping.of_type(FieldType.SINGLE, FieldType.BAND, FieldType.MULTI, FieldType.NUMBER)
    if c.role not in (Role.NAME, Role.ID) and c.name in ds.table.columns
]
which = {
    tr("compare.breakdown.best_outcome" if an.mode == "outcome" else "compare.breakdown.best"): (
        an.best_mask
    ),
    comp.a_name: comp.a_mask,
    comp.b_name: comp.b_mask,
}
b1, b2 = st.columns(2)
column = b1.selectbox(tr("compare.breakdown.column"), columns, key="compare.breakdown.column")
group = b2.selectbox(tr("compare.breakdown.group"), list(which), key="compare.breakdown.group")
if column:
    table = groups.breakdown(ds, column, which[group])
    if table.empty:
        st.info(tr("compare.breakdown.none"))
    else:
        st.markdown(md_escape(groups.order_sentence(table, column=column, group=group, lang=lang)))
        st.altair_chart(
            group_charts.breakdown_bars(table, column=column, group=group, lang=lang),
            width="stretch",
        )
        st.dataframe(
            table.assign(share=(100 * table["share"]).round(1)).rename(
                columns={
                    "value": tr("groups.col.value"),
                    "count": tr("groups.col.count"),
                    "share": tr("groups.col.share") + " %",
                }
            ),
            hide_index=True,
        )
