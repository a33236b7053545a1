"""The ICP summary as Markdown, and extra sections as a Markdown document.

Customer text is data: every Markdown / HTML character is escaped
(``md_escape``), so nothing a customer wrote can become markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pandas as pd

from icp.i18n import t
from icp.report.summary import Summary, meta_groups
from icp.sections import Section
from icp.wording import kept_key

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~$&])")


def md_escape(text: Any) -> str:
    """``text`` with every Markdown / HTML special character backslash-escaped.

    Customer names and answers are data: ``<script>`` becomes ``\\<script\\>``
    and ``**x**`` stays literal in any CommonMark renderer.  A leading ``-``,
    ``=`` or ``1.`` cannot start a list or heading either.
    """
    s = _MD_SPECIAL.sub(r"\\\1", str(text))
    s = re.sub(r"(?m)^(\s*)([-=])", r"\1\\\2", s)
    return re.sub(r"(?m)^(\s*\d+)([.)])", r"\1\\\2", s)


def _md_cell(text: Any) -> str:
    return md_escape(str(text).replace("\r", " ").replace("\n", " / ")).strip() or " "


def _md_table(df: pd.DataFrame) -> list[str]:
    if df.empty:
        return []
    lines = [
        "| " + " | ".join(_md_cell(c) for c in df.columns) + " |",
        "|" + "|".join("---" for _ in df.columns) + "|",
    ]
    for values in df.itertuples(index=False):
        lines.append("| " + " | ".join(_md_cell(v) for v in values) + " |")
    return [*lines, ""]


def _md_para(text: str) -> list[str]:
    """A paragraph; line breaks in an answer are kept as Markdown hard breaks."""
    parts = [md_escape(x) for x in str(text).strip().splitlines()]
    return ["  \n".join(parts), ""]


def markdown_text(s: Summary) -> str:
    """The ICP summary ``s`` as Markdown (same content as the PDF, without the pictures)."""
    lang = s.lang
    out: list[str] = [f"# {md_escape(s.title)}", ""]
    out += [f"*{md_escape(t('report.kicker', lang))}*", ""]
    meta = [t("report.meta.date", lang, date=s.date)]
    if s.source:
        meta.append(t("report.meta.source", lang, source=s.source))
    meta.append(meta_groups(s))
    if s.definition:
        meta.append(s.definition)
    out += ["  \n".join(md_escape(m) for m in meta), ""]

    for key, n in (("report.statement", s.statement), ("report.story", s.story)):
        out += [f"## {md_escape(t(key, lang))}", ""]
        out += _md_para(n.text)
        if n.drafted:
            out += [f"> {md_escape(t('report.drafted', lang))}", ""]

    kpis = kept_key("report.kpis_outcome", s.kept) if s.outcome else "report.kpis"
    out += [f"## {md_escape(t(kpis, lang))}", ""]
    out += _md_table(s.kpis) if not s.kpis.empty else _md_para(t("report.kpis.none", lang))

    best = kept_key("report.best_outcome", s.kept) if s.outcome else "report.best"
    out += [f"## {md_escape(t(best, lang))}", ""]
    out += _md_table(s.best)
    if s.best_note:
        out += _md_para(s.best_note)

    out += [f"## {md_escape(t('report.traits', lang))}", ""]
    if s.trait_sentences:
        out += [f"- {md_escape(x)}" for x in s.trait_sentences] + [""]
        out += _md_table(s.trait_rows)
    else:
        out += _md_para(t("report.traits.none", lang))
    if s.numeric_sentences:
        out += [f"### {md_escape(t('report.numeric', lang))}", ""]
        out += [f"- {md_escape(x)}" for x in s.numeric_sentences] + [""]
    if s.warning_sentences:
        out += [f"### {md_escape(t('report.warnings', lang))}", ""]
        key = (
            kept_key("report.warnings.intro_outcome", s.kept)
            if s.outcome
            else "report.warnings.intro"
        )
        out += _md_para(t(key, lang))
        out += [f"- {md_escape(x)}" for x in s.warning_sentences] + [""]

    suggested = md_escape(t("report.steps.suggested", lang))
    for key, prefix in (("report.steps.icp", "S"), ("report.steps.persona", "P")):
        out += [f"## {md_escape(t(key, lang))}", ""]
        for b in (b for b in s.steps if b.id.startswith(prefix)):
            out += [f"### {md_escape(b.id)} · {md_escape(b.title)}", ""]
            for label, text in b.answers:
                out += [f"**{md_escape(label)}**", "", *_md_para(text)]
            for label, text, ev in b.suggestions:
                note = f"{suggested} · {md_escape(ev)}" if ev else suggested
                out += [f"**{md_escape(label)}** — *{note}*", "", *_md_para(text)]
            if b.note:
                out += _md_para(b.note)
            if not (b.answers or b.suggestions or b.note):
                out += _md_para(t("report.steps.empty", lang))

    out += [f"## {md_escape(t('report.checklist', lang))}", ""]
    area = None
    for a, item, done in s.checklist:
        if a != area:
            out += ([""] if area else []) + [f"**{md_escape(a)}**", ""]
            area = a
        out.append(f"- [{'x' if done else ' '}] {md_escape(item)}")
    out.append("")

    out += _sections_md(s.extra)

    out += [f"## {md_escape(t('report.methods', lang))}", ""]
    for line in s.methods:
        out += _md_para(line)
    if s.notes:
        out += [f"- {md_escape(x)}" for x in s.notes] + [""]
    for heading, lines in s.appendix:
        out += [f"## {md_escape(heading)}", "", *[f"- {md_escape(x)}" for x in lines], ""]
    return "\n".join(out).rstrip() + "\n"


# Extra sections (icp.sections): the customer card, saved group comparisons and the
# competitor view come as plain ``Section`` objects, rendered alone or inside the report.


def _sections_md(sections: Sequence[Section]) -> list[str]:
    out: list[str] = []
    for sec in sections:
        out += [f"## {md_escape(sec.title)}", ""]
        for b in sec.blocks:
            if b.kind == "h2":
                out += ["", f"### {md_escape(b.text)}", ""]
            elif b.kind in ("bullet", "good", "bad"):
                mark = {"bullet": "", "good": "✓ ", "bad": "× "}[b.kind]
                out += [f"- {mark}{md_escape(b.text)}"]
            elif b.kind == "note":
                out += ["", f"*{md_escape(b.text)}*", ""]
            elif b.kind == "table" and b.table is not None:
                out += ["", *_md_table(b.table)]
            elif b.kind == "para":
                out += ["", *_md_para(b.text)]
        out.append("")
    return out


def sections_markdown(sections: Sequence[Section], *, title: str) -> str:
    """``sections`` as a Markdown document headed ``title`` (e.g. one customer's card)."""
    return "\n".join([f"# {md_escape(title)}", "", *_sections_md(sections)]).rstrip() + "\n"
