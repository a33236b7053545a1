"""Report: preview the ICP summary, then download it as PDF, Markdown, JSON or Excel."""

from __future__ import annotations

import json
import re

import streamlit as st

from icp import builders, charts, report, tags, wording
from icp.dataset import Dataset
from icp.model import Analysis, Settings
from ui import confirm, portraits, state, workshop

tr = state.tr
lang = state.lang()


@st.cache_data(max_entries=8, show_spinner=False)
def _summary(_ds: Dataset, _result: Analysis, key: str) -> report.Summary:
    """The one summary every preview line and export here renders, cached on ``key``
    (data, settings, answers, language, title, workshop notes, saved views)."""
    inputs = json.loads(key)
    return report.summarise(
        _ds,
        _result,
        answers=inputs["answers"],
        lang=inputs["lang"],
        title=inputs["title"],
        settings=Settings.from_dict(inputs["settings"]),
        appendix=inputs["appendix"],
        extra=portraits.report_sections(_ds, _result, inputs["lang"]),
    )


@st.cache_data(max_entries=8, show_spinner=False)
def _pdf(_summary: report.Summary, key: str) -> bytes:
    """The PDF of ``_summary``, cached on ``key`` (the summary's key and the worksheet box)."""
    return report.pdf_bytes(_summary, worksheet=bool(json.loads(key).get("worksheet")))


@st.cache_data(max_entries=8, show_spinner=False)
def _light(
    _summary: report.Summary, _ds: Dataset, _result: Analysis, key: str
) -> tuple[str, bytes, bytes]:
    """Markdown, JSON and the Excel customer list (fast), cached on ``key``."""
    inputs = json.loads(key)
    tagged = tags.tag_column(_ds, portraits.tag_list()) if portraits.tag_list() else None
    return (
        report.markdown_text(_summary),
        report.json_bytes(_summary),
        report.customers_xlsx_bytes(
            _ds,
            _result,
            lang=inputs["lang"],
            tags=tagged,
            model=portraits.fit_model_or_none(_ds, _result),  # the cards' model, not a new fit
        ),
    )


def _save_title() -> None:
    state.set_ui("report.title", st.session_state["report.title"])


def _save_worksheet() -> None:
    state.set_ui("report.worksheet", bool(st.session_state["report.worksheet"]))


def _make_pdf(key: str) -> None:
    st.session_state["report.pdf_key"] = key


st.title(tr("report.page.title"))
st.caption(tr("report.page.intro"))

ds, result = state.require_analysis("report.page.no_data")
if result.definition is not None:
    confirm.definition_line(result.definition)

ws = state.workspace_id()
info = state.store().info(ws)
st.session_state.setdefault("report.title", state.get_ui("report.title", info.name if info else ""))
st.text_input(tr("report.page.title_label"), key="report.title", on_change=_save_title)
st.session_state.setdefault("report.worksheet", bool(state.get_ui("report.worksheet", False)))
st.checkbox(
    tr("report.page.worksheet"),
    key="report.worksheet",
    on_change=_save_worksheet,
    help=tr("report.page.worksheet_help"),
)

answers = state.answers()
settings = state.settings()
title = st.session_state["report.title"]
summary_key = json.dumps(
    {
        "source": state.source_key(),  # the file's content, not the workspace
        "mapping": ds.mapping.to_list(),
        "settings": settings.to_dict(),
        "answers": answers,
        "lang": lang,
        "title": title,
        "appendix": workshop.report_appendix(ws, lang),
        "portraits": portraits.saved_key(),  # saved comparisons and tags
    },
    ensure_ascii=False,
    sort_keys=True,
    default=str,
)
summary = _summary(ds, result, summary_key)  # once: the preview and every export render it
key = json.dumps(
    {"summary": summary_key, "worksheet": bool(st.session_state["report.worksheet"])},
    sort_keys=True,
)

# ---------------------------------------------------------------- downloads
st.subheader(tr("report.page.download"))
stem = re.sub(r"[^\w\-]+", "-", summary.title).strip("-")[:60] or "icp-report"
pdf_col, md_col, json_col, xlsx_col = st.columns(4)
with pdf_col:
    if st.session_state.get("report.pdf_key") == key:
        try:
            with st.spinner(tr("report.page.making_pdf")):
                pdf = _pdf(summary, key)
        except Exception as exc:  # a broken PDF must not take the other exports down
            st.error(tr("report.page.pdf_failed", detail=type(exc).__name__))
        else:
            st.download_button(
                tr("report.page.pdf"),
                data=pdf,
                file_name=f"{stem}.pdf",
                mime="application/pdf",
                key="report.dl.pdf",
                help=tr("report.page.pdf_help"),
                icon=":material/picture_as_pdf:",
                type="primary",
                on_click="ignore",
                width="stretch",
            )
    else:
        st.button(
            tr("report.page.make_pdf"),
            key="report.make_pdf",
            help=tr("report.page.pdf_help"),
            icon=":material/picture_as_pdf:",
            type="primary",
            on_click=_make_pdf,
            args=(key,),
            width="stretch",
        )
md, js, xlsx = _light(summary, ds, result, summary_key)
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
for col, kind, data, name, mime, icon in (
    (md_col, "markdown", md, f"{stem}.md", "text/markdown", "description"),
    (json_col, "json", js, f"{stem}.json", "application/json", "data_object"),
    (xlsx_col, "xlsx", xlsx, f"{stem}-customers.xlsx", XLSX_MIME, "table_view"),
):
    col.download_button(
        tr(f"report.page.{kind}"),
        data=data,
        file_name=name,
        mime=mime,
        key=f"report.dl.{'md' if kind == 'markdown' else kind}",
        help=tr(f"report.page.{kind}_help"),
        icon=f":material/{icon}:",
        on_click="ignore",
        width="stretch",
    )

# ---------------------------------------------------------------- preview
st.divider()
st.subheader(tr("report.page.preview"))
prog = builders.progress(answers)
done = sum(prog[s.id] == "done" for s in (*builders.ICP_STEPS, *builders.PERSONA_STEPS))
st.caption(tr("report.page.progress", done=done, total=14) + " · " + tr("report.page.unanswered"))

with st.container(border=True):
    st.markdown(f"### {report.md_escape(summary.title)}")
    st.caption(tr("report.kicker") + " · " + tr("report.meta.date", date=summary.date))
    for heading, narrative in (
        ("report.statement", summary.statement),
        ("report.story", summary.story),
    ):
        st.markdown(f"#### {tr(heading)}")
        st.markdown(report.md_escape(narrative.text))  # answers and names are data: escaped
        if narrative.drafted:
            st.caption(tr("report.drafted"))

    outcome = summary.outcome
    kpis_key = wording.kept_key("report.kpis_outcome", summary.kept) if outcome else "report.kpis"
    st.markdown(f"#### {tr(kpis_key)}")
    if summary.kpis.empty:
        st.caption(tr("report.kpis.none"))
    else:
        st.dataframe(summary.kpis, hide_index=True, key="report.kpis")

    best_key = wording.kept_key("report.best_outcome", summary.kept) if outcome else "report.best"
    st.markdown(f"#### {tr(best_key)}")
    st.dataframe(summary.best, hide_index=True, key="report.best")
    if summary.best_note:
        st.caption(summary.best_note)

    st.markdown(f"#### {tr('report.traits')}")
    if summary.trait_sentences:
        for line in summary.trait_sentences:
            st.text("• " + line)
        st.altair_chart(
            charts.trait_bars(result.traits, lang=lang, outcome=outcome, kept=summary.kept)
        )
    else:
        st.caption(tr("report.traits.none"))
