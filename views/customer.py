"""Customer card: pick any customer, read its portrait, print it (seed 000's 一对一营销)."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

from icp import portrait, report, tags
from icp.report import md_escape
from ui import portraits, state

tr = state.tr
lang = state.lang()

st.title(tr("card.page.title"))
st.caption(tr("card.page.intro"))

ds, an = state.require_analysis()
names = ds.names()

# ---------------------------------------------------------------- pick a customer
tag_name, tagged = portraits.tag_filter(ds)
query = st.text_input(tr("card.page.search"), key="card.query")
rows = [r for r, _ in portrait.find_rows(ds, query, limit=len(names))]
if tagged is not None:
    found = len(rows)
    rows = [r for r in rows if bool(tagged.get(r, False))]
    portraits.filter_note(tag_name, len(rows), found)
# the best first, so the list opens on the customers people ask about most
best_first = an.best_mask.reindex(rows, fill_value=False).to_numpy()
rows = [r for r, b in zip(rows, best_first, strict=True) if b] + [
    r for r, b in zip(rows, best_first, strict=True) if not b
]
wanted = st.session_state.get(portraits.CARD_ROW)
if wanted in names.index and wanted not in rows:
    rows = [wanted, *rows]
if not rows:
    st.info(tr("card.page.no_match"))
    st.stop()
if wanted in rows:
    st.session_state["card.pick"] = wanted
elif st.session_state.get("card.pick") not in rows:
    st.session_state["card.pick"] = rows[0]


def _picked() -> None:
    st.session_state[portraits.CARD_ROW] = st.session_state["card.pick"]


st.selectbox(
    tr("card.page.pick", n=len(rows)),
    rows,
    key="card.pick",
    format_func=lambda r: str(names.at[r]),
    on_change=_picked,
)
row = st.session_state["card.pick"]

# ---------------------------------------------------------------- the card
carried = [name for name, rows_ in tags.tag_masks(ds, portraits.tag_list()).items() if rows_[row]]
with st.spinner(tr("ui.analysing")):
    c = portrait.card(ds, an, row, lang=lang, model=portraits.fit_model(ds, an), tags=carried)

st.header(tr("card.title", name=md_escape(c.name)), anchor=False)
st.markdown(md_escape(c.status_line()))
if c.tags:
    st.caption(tr("card.tags", tags=md_escape(portrait.join(c.tags, lang))))

cols = st.columns(2)
for i, (key, fields) in enumerate(c.groups):
    with cols[i % 2].container(border=True):
        st.markdown(f"**{md_escape(c.group_title(key))}**")
        st.dataframe(
            pd.DataFrame(
                {
                    tr("card.col.field"): [f.column for f in fields],
                    tr("card.col.value"): [f.text or "—" for f in fields],
                }
            ),
            hide_index=True,
            width="stretch",
        )

st.subheader(tr("card.fit"))
score_col, why_col = st.columns([1, 3])
if c.score is not None:
    score_col.metric(tr("card.page.score"), f"{c.score}/100", tr("card.page.tier", tier=c.tier))
    with why_col:
        for reason in c.reasons:
            st.markdown("- " + md_escape(reason))
has_col, lacks_col = st.columns(2)
with has_col:
    st.markdown(f"**{md_escape(tr('card.matches', k=len(c.matches), n=c.n_traits))}**")
    for line in c.matches or [tr("card.none")]:
        st.markdown(("✓ " if c.matches else "") + md_escape(line))
with lacks_col:
    st.markdown(f"**{md_escape(tr('card.lacks'))}**")
    for line in c.lacks or [tr("card.none")]:
        st.markdown(("× " if c.lacks else "") + md_escape(line))
    if c.warnings:
        st.markdown(f"**{md_escape(tr('card.warnings'))}**")
        for line in c.warnings:
            st.markdown("⚠ " + md_escape(line))

st.subheader(tr("card.next"))
if c.ask:
    st.info(tr("card.ask", fields=md_escape(portrait.join(c.ask, lang))), icon="❓")
for line in c.next_steps:
    st.markdown("- " + md_escape(line))

# ---------------------------------------------------------------- print
stem = re.sub(r"[^\w\-]+", "-", c.name).strip("-")[:60] or "customer"
md_col, pdf_col = st.columns(2)
md_col.download_button(
    tr("card.page.md"),
    data=report.sections_markdown(c.sections(), title=tr("nav.customer")).encode("utf-8"),
    file_name=f"{stem}.md",
    mime="text/markdown",
    key="card.dl.md",
    icon=":material/description:",
    on_click="ignore",
)
pdf_col.download_button(
    tr("card.page.pdf"),
    data=report.sections_pdf(c.sections(), title=c.name, lang=lang),
    file_name=f"{stem}.pdf",
    mime="application/pdf",
    key="card.dl.pdf",
    icon=":material/picture_as_pdf:",
    type="primary",
    on_click="ignore",
)
