"""Three levels: industry, company (the ICP) and person (persona + buying committee), seed 001."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from icp import committee, fmt, levels
from icp.report import md_escape
from icp.schema import Role
from ui import confirm, portraits, state, uploader
from ui.state import UPLOAD_MB

tr = state.tr
lang = state.lang()

st.title(tr("levels.page.title"))
st.caption(tr("levels.page.intro"))

ds, an = state.require_analysis()
outcome = an.mode == "outcome"
if an.definition is not None:
    confirm.definition_line(an.definition)
tag_name, tagged = portraits.tag_filter(ds)

# ---------------------------------------------------------------- industry level
st.header(tr("levels.industry"), anchor=False)
ind = levels.industries(ds, an)
if ind is None:
    st.info(tr("levels.no_industry"))
else:
    value_col = ds.mapping.col(Role.VALUE)
    unit = ds.units.get(value_col) if value_col else None
    st.dataframe(
        pd.DataFrame(
            {
                tr("levels.col.industry"): ind["industry"],
                tr("levels.col.customers"): ind["customers"],
                tr("levels.col.won_best" if outcome else "levels.col.best"): ind["best"],
                tr("levels.col.won_rate"): [fmt.share(x, missing="") for x in ind["won_rate"]],
                tr("levels.col.value"): [
                    "" if pd.isna(x) else fmt.with_unit(fmt.human(x, lang), unit)
                    for x in ind["value"]
                ],
                tr("levels.col.cycle"): [fmt.number(x, missing="") for x in ind["cycle"]],
            }
        ),
        hide_index=True,
        key="levels.industries",
    )
    if (ind["customers"] < levels.MIN_INDUSTRY).any():
        st.caption(tr("levels.thin", n=levels.MIN_INDUSTRY))

# ---------------------------------------------------------------- company level: the ICP
st.header(tr("levels.company"), anchor=False)
lines = [tr(x.message(outcome=outcome)) for x in an.traits[:5]]
lines += [tr(n.message(outcome=outcome)) for n in an.numeric if n.is_finding][:3]
for line in lines:
    st.text("• " + line)
if not lines:
    st.caption(tr("levels.no_findings"))

# ---------------------------------------------------------------- person level: the committee
st.header(tr("levels.person"), anchor=False)
people, source = portraits.contacts(ds)
com = committee.committee(ds, an, people) if people is not None else None
if com is None:
    st.caption(tr("committee.no_contacts"))
    for tc in committee.titles_seen(ds, an):
        st.text("• " + committee.title_sentence(tc, lang, outcome=outcome))
else:
    if source is not None:
        st.caption(tr("committee.source_file", name=md_escape(source)))
    else:
        st.caption(tr("committee.source_sheet"))
    st.markdown(
        md_escape(
            tr(
                "committee.coverage",
                matched=com.matched_contacts,
                with_contacts=com.best_with_contacts,
                best_n=com.best_n,
            )
        )
    )
    for line in com.role_sentences(lang):
        st.text("• " + line)
    roles = tr("committee.list_sep").join(tr(f"committee.role.{r}") for r in com.key_roles)
    st.caption(tr("committee.key_roles", roles=roles))
    lacking = com.lacking_sentences(lang)
    if lacking:
        st.markdown(f"**{tr('committee.lacking_title')}**")
        for line in lacking:
            st.text("• " + line)
    else:
        st.caption(tr("committee.all_covered", roles=roles))
    if com.unmatched_contacts:
        st.caption(tr("committee.unmatched", n=com.unmatched_contacts))
    if com.no_role:
        st.caption(tr("committee.no_role", n=com.no_role))
    table = com.table(lang, ds.names())
    if tagged is not None:
        shown = table[tagged.reindex(table.index, fill_value=False).to_numpy(dtype=bool)]
        portraits.filter_note(tag_name, len(shown), len(table))
        table = shown
    best = an.best_mask.reindex(table.index, fill_value=False).to_numpy(dtype=bool)
    table = pd.concat([table[best], table[~best]])  # the best accounts first
    portraits.card_table(table, key="levels.committee")

with st.expander(tr("committee.upload")):
    st.caption(tr("committee.upload_help"))
    upload = uploader.file_uploader(
        tr("committee.upload"),
        types=["csv", "xlsx", "xls", "ods", "tsv", "txt"],
        key="levels.contacts_upload",
        max_mb=UPLOAD_MB,  # what the reader takes (the widget allowed the server's 1 GB)
        label_visibility="collapsed",
    )
    if upload is not None and st.session_state.get("levels.contacts_seen") != upload.file_id:
        st.session_state["levels.contacts_seen"] = upload.file_id
        error = portraits.save_contacts(upload.name, upload.getvalue())
        if error is not None:
            state.show_error(error)
        else:
            st.rerun()
    if source is not None and st.button(tr("committee.remove"), key="levels.contacts_remove"):
        portraits.forget_contacts()
        st.rerun()
