"""The ICP summary as PDF, Markdown, JSON and Excel (each returned as bytes or text).

``summarise`` collects everything the exports show into one plain
``Summary`` (the statement and story, KPIs, best customers, traits, the 7+7
step answers with data suggestions for the unanswered ones, the checklist
and a methods note); the renderers only lay it out, so the Report page
preview, the PDF, the Markdown and the JSON can never disagree.

Customer text is data: the PDF prints it literally (fpdf2 with markdown
off), the Markdown escapes every markup character, and the Excel goes
through ``icp.xlsx`` so no cell can become a formula.  The bundled Noto Sans
CJK SC face is embedded (subset) so Chinese renders as Chinese anywhere.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import numpy as np
import pandas as pd
from PIL import Image

from icp import builders, charts, clouds, fmt, score
from icp.dataset import Dataset
from icp.fonts import font_path
from icp.i18n import Lang, t
from icp.model import Analysis, Settings, Trait, definition_sentence
from icp.pngcache import cached_png
from icp.schema import Role
from icp.sections import Section
from icp.xlsx import frame_xlsx_bytes

__all__ = [
    "Narrative",
    "StepBlock",
    "Summary",
    "best_table",
    "customers_xlsx_bytes",
    "json_bytes",
    "markdown_text",
    "md_escape",
    "pdf_bytes",
    "rest_mask",
    "scored_xlsx_bytes",
    "sections_markdown",
    "sections_pdf",
    "summarise",
]

Answers = dict[str, dict[str, str]]

_BEST_ROWS = 10  # customers in the "best" table of the document
_SUGGESTIONS_PER_PROMPT = 3
# Narrative prompts shown at the top of the document rather than in the step list.
_NARRATIVE = {"S7": "statement", "P7": "story"}


# ---------------------------------------------------------------- summary (plain data)


@dataclass
class Narrative:
    """The ICP statement or the persona story; ``drafted`` = written from the data."""

    text: str
    drafted: bool


@dataclass
class StepBlock:
    """One builder step as the exports show it."""

    id: str
    title: str
    answers: list[tuple[str, str]]  # (prompt label, answer)
    suggestions: list[tuple[str, str, str]]  # (prompt label, suggested text, evidence)
    note: str | None = None  # e.g. "the statement is at the start"


@dataclass
class Summary:
    """Everything the report shows, already in the chosen language."""

    title: str
    date: str
    lang: Lang
    outcome: bool
    source: str | None
    n_rows: int
    best_n: int
    rest_n: int
    statement: Narrative
    story: Narrative
    kpis: pd.DataFrame  # translated headers: measure, best, rest, ratio
    best: pd.DataFrame  # translated headers: rank, name, score, stability, trait columns
    best_note: str | None
    traits: list[Trait]
    trait_rows: pd.DataFrame  # translated headers: trait, best, rest, lift, p
    trait_sentences: list[str]
    numeric_sentences: list[str]
    warning_sentences: list[str]
    brief: list[str]  # the 3–5 strongest findings with their counts, for page 1
    steps: list[StepBlock]
    checklist: list[tuple[str, str, bool]]  # (area, item, done)
    methods: list[str]
    notes: list[str] = field(default_factory=list)  # warnings from the analysis
    definition: str = ""  # what "best" means in this run (icp.model.definition_sentence)


def rest_mask(dataset: Dataset, analysis: Analysis) -> pd.Series:
    """The comparison group the analysis used (not best / not won; open deals in neither)."""
    if analysis.rest_mask is not None:
        return analysis.rest_mask
    return ~analysis.best_mask


def _today(lang: Lang) -> str:
    return fmt.date(_dt.date.today(), lang)


def _default_title(dataset: Dataset, lang: Lang) -> str:
    name = dataset.source.filename
    if name:
        stem = re.sub(r"\.[A-Za-z0-9]{2,4}$", "", str(name).replace("\\", "/").split("/")[-1])
        if stem.strip():
            return stem
    return t("report.untitled", lang)


def _narrative(
    step: str,
    answers: Answers,
    analysis: Analysis,
    dataset: Dataset,
    lang: Lang,
) -> Narrative:
    typed = str((answers.get(step) or {}).get(_NARRATIVE[step]) or "").strip()
    if typed:
        return Narrative(typed, drafted=False)
    draft = builders.draft_icp_statement if step == "S7" else builders.draft_persona_story
    return Narrative(draft(answers, analysis, dataset, lang=lang), drafted=True)


def _ratio(best: float | None, rest: float | None) -> str:
    if best is None or rest is None or not (math.isfinite(best) and math.isfinite(rest)):
        return "–"
    if rest == 0:
        return "–"
    return f"×{fmt.number(best / rest)}"


def _kpi_table(analysis: Analysis, lang: Lang, outcome: bool) -> pd.DataFrame:
    best, rest = ("common.won", "common.not_won") if outcome else ("common.best", "common.rest")
    ratio = "report.kpis.ratio_outcome" if outcome else "report.kpis.ratio"
    rows = [
        (t(f"kpi.{key}", lang), fmt.number(k.best), fmt.number(k.rest), _ratio(k.best, k.rest))
        for key, k in analysis.kpis.items()
    ]
    cols = [t("report.kpis.metric", lang), t(best, lang), t(rest, lang), t(ratio, lang)]
    return pd.DataFrame(rows, columns=cols)


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return fmt.number(float(value))
    if isinstance(value, (pd.Timestamp, _dt.date)):
        return fmt.iso_date(value)
    return str(value)


def _trait_columns(dataset: Dataset, analysis: Analysis, limit: int = 2) -> list[str]:
    """Up to ``limit`` columns behind the top traits (shown next to each best customer)."""
    skip = {dataset.name_column}
    out: list[str] = []
    for tr in analysis.traits:
        if tr.kind == "text" or tr.column in skip or tr.column in out:
            continue
        if tr.column in dataset.table.columns:
            out.append(tr.column)
        if len(out) >= limit:
            break
    return out


def best_table(
    dataset: Dataset, analysis: Analysis, *, lang: Lang
) -> tuple[pd.DataFrame, str | None]:
    """The best customers as the report shows them (at most 10 rows, translated headers)
    and a note saying how many more there are (None when all are shown)."""
    names = dataset.names()
    extra = _trait_columns(dataset, analysis)
    n_best = int(analysis.best_mask.sum())
    rows: dict[str, list[str]] = {}
    if analysis.ranking is not None:
        rt = analysis.ranking.table
        top = rt[rt["is_best"]].head(_BEST_ROWS)
        idx = list(top.index)
        rows[t("report.best.rank", lang)] = [str(int(r)) for r in top["rank"]]
        rows[t("report.best.name", lang)] = [str(x) for x in top["name"]]
        rows[t("report.best.score", lang)] = [
            fmt.number(round(100 * float(s))) for s in top["score"]
        ]
        stab_head = t("report.best.stability", lang, n=n_best)
        rows[stab_head] = [
            "–" if not math.isfinite(float(s)) else f"{round(100 * float(s))}%"
            for s in top["stability"]
        ]
        more = "report.best.more"
    else:
        won = analysis.best_mask[analysis.best_mask].index
        value_col = dataset.mapping.col(Role.VALUE)
        if value_col and value_col in dataset.table.columns:
            values = pd.to_numeric(dataset.table.loc[won, value_col], errors="coerce")
            won = values.sort_values(ascending=False, na_position="last").index
        idx = list(won[:_BEST_ROWS])
        rows[t("report.best.rank", lang)] = [str(i + 1) for i in range(len(idx))]
        rows[t("report.best.name", lang)] = [str(names.loc[i]) for i in idx]
        if value_col and value_col in dataset.table.columns:
            rows[t("report.best.value", lang)] = [
                _cell(dataset.table.loc[i, value_col]) for i in idx
            ]
        more = "report.best.more_outcome"
    for col in extra:
        rows[str(col)] = [_cell(dataset.table.loc[i, col]) for i in idx]
    note = t(more, lang, shown=len(idx), total=n_best) if n_best > len(idx) else None
    return pd.DataFrame(rows), note


def _trait_rows(traits: list[Trait], lang: Lang, outcome: bool) -> pd.DataFrame:
    best, rest = (
        ("report.traits.won", "report.traits.not_won")
        if outcome
        else (
            "report.traits.best",
            "report.traits.rest",
        )
    )
    rows = [
        (
            f"{tr.column} = {tr.value}",
            t(
                "report.traits.count_ci",
                lang,
                count=tr.best_count,
                n=tr.best_n,
                low=round(100 * tr.ci_low),
                high=round(100 * tr.ci_high),
            ),
            f"{tr.rest_count}/{tr.rest_n} ({round(100 * tr.rest_share)}%)",
            f"×{tr.lift:.1f}",
            f"{tr.p_value:.2g}",
        )
        for tr in traits
    ]
    cols = [
        t("report.traits.trait", lang),
        t(best, lang),
        t(rest, lang),
        t("report.traits.lift", lang),
        t("report.traits.p", lang),
    ]
    return pd.DataFrame(rows, columns=cols)


def _brief(analysis: Analysis, lang: Lang, outcome: bool, limit: int = 5) -> list[str]:
    """The strongest findings for page 1: categorical and numeric, strongest first, each
    a sentence with its counts and interval (at most ``limit``)."""
    ranked: list[tuple[float, str]] = [
        (tr.strength, tr.message(outcome=outcome).render(lang)) for tr in analysis.traits
    ]
    ranked += [
        (
            (nt.ci_low - nt.rest_in_range) if nt.kind == "band" else 0.5 * nt.contrast,
            nt.message(outcome=outcome).render(lang),
        )
        for nt in analysis.numeric
        if nt.is_finding and nt.kind != "warning"
    ]
    # who the best are (values, tags, words) before how much (numbers), strongest first in each
    n_traits = len(analysis.traits)
    order = sorted(range(len(ranked)), key=lambda i: (i >= n_traits, -ranked[i][0]))
    return [ranked[i][1] for i in order[:limit]]


def _steps(
    answers: Answers, analysis: Analysis, dataset: Dataset, lang: Lang, settings: Settings | None
) -> list[StepBlock]:
    out: list[StepBlock] = []
    for step in (*builders.ICP_STEPS, *builders.PERSONA_STEPS):
        given = answers.get(step.id) or {}
        narrative = _NARRATIVE.get(step.id)
        found = [
            s
            for s in builders.suggestions(step.id, analysis, dataset, lang=lang, settings=settings)
            if s.evidence is not None  # data-driven only; method options are not findings
        ]
        block = StepBlock(step.id, t(step.title_key, lang), [], [])
        for prompt in step.prompts:
            if prompt.id == narrative:
                key = "report.steps.see_statement" if step.id == "S7" else "report.steps.see_story"
                block.note = t(key, lang)
                continue
            label = t(prompt.label_key, lang)
            text = str(given.get(prompt.id) or "").strip()
            if text:
                block.answers.append((label, text))
                continue
            mine = [s for s in found if s.prompt_id == prompt.id][:_SUGGESTIONS_PER_PROMPT]
            for s in mine:
                ev = s.evidence.render(lang) if s.evidence is not None else ""
                block.suggestions.append((label, s.text, ev))
        out.append(block)
    return out


def _checklist(answers: Answers, lang: Lang) -> list[tuple[str, str, bool]]:
    ticks = answers.get(builders.USE_STEP) or {}
    return [
        (t(area, lang), t(item, lang), str(ticks.get(item) or "").strip() == "1")
        for area, items in builders.USE_CHECKLIST
        for item in items
    ]


def _methods(
    analysis: Analysis, settings: Settings | None, lang: Lang, best_n: int, rest_n: int
) -> list[str]:
    out: list[str] = []
    settings = settings or Settings()
    if analysis.ranking is not None:
        weights = settings.weights or {}
        crit = [
            t(
                "report.methods.weight",
                lang,
                criterion=t(f"criterion.{c}", lang),
                weight=fmt.number(float(weights.get(c, 1.0))),
            )
            for c in analysis.ranking.criteria
        ]
        sep = "、" if lang == "zh" else ", "
        out.append(
            t("report.methods.top", lang, n=best_n, rows=analysis.n_rows, criteria=sep.join(crit))
        )
        table = analysis.ranking.table
        pins = [str(x) for x in table.loc[table["pinned"], "name"]] if "pinned" in table else []
        excl = [str(x) for x in table.loc[table["excluded"], "name"]] if "excluded" in table else []
        if pins or excl:
            none = "—"
            out.append(
                t(
                    "report.methods.pins",
                    lang,
                    pins=sep.join(pins) or none,
                    excludes=sep.join(excl) or none,
                )
            )
        out.append(t("report.methods.stability", lang, draws=settings.draws, n=best_n))
    else:
        out.append(t("report.methods.outcome", lang, n=best_n, rest=rest_n))
    out.append(t("report.methods.traits", lang, best_n=best_n, rest_n=rest_n))
    out.append(t("report.methods.numeric", lang))
    kpis = t("report.methods.kpis", lang)
    if analysis.ltv_formula is not None:
        kpis += (" " if lang != "zh" else "") + analysis.ltv_formula.render(lang)
    out.append(kpis)
    out.append(t("report.methods.clouds", lang))
    out.append(t("report.steps.suggested_note", lang))
    out.append(t("report.methods.tool", lang))
    return out


def summarise(
    dataset: Dataset,
    analysis: Analysis,
    *,
    answers: Answers,
    lang: Lang,
    title: str | None = None,
    settings: Settings | None = None,
) -> Summary:
    """Everything the report shows, as plain data in ``lang`` (see the module docstring)."""
    answers = answers or {}
    outcome = analysis.mode == "outcome"
    rest = rest_mask(dataset, analysis)
    best_n, rest_n = int(analysis.best_mask.sum()), int(rest.sum())
    best, note = best_table(dataset, analysis, lang=lang)
    return Summary(
        title=(title or "").strip() or _default_title(dataset, lang),
        date=_today(lang),
        lang=lang,
        outcome=outcome,
        source=dataset.source.filename,
        n_rows=int(analysis.n_rows),
        best_n=best_n,
        rest_n=rest_n,
        statement=_narrative("S7", answers, analysis, dataset, lang),
        story=_narrative("P7", answers, analysis, dataset, lang),
        kpis=_kpi_table(analysis, lang, outcome),
        best=best,
        best_note=note,
        traits=list(analysis.traits),
        trait_rows=_trait_rows(analysis.traits, lang, outcome),
        trait_sentences=[tr.message(outcome=outcome).render(lang) for tr in analysis.traits],
        numeric_sentences=[
            nt.message(outcome=outcome).render(lang)
            for nt in analysis.numeric
            if nt.is_finding and nt.kind != "warning"
        ][:6],
        warning_sentences=[
            *(
                tr.message(outcome=outcome, warning=True).render(lang)
                for tr in analysis.warning_traits
            ),
            *(
                nt.message(outcome=outcome).render(lang)
                for nt in analysis.numeric
                if nt.kind == "warning"
            ),
        ],
        brief=_brief(analysis, lang, outcome),
        steps=_steps(answers, analysis, dataset, lang, settings),
        checklist=_checklist(answers, lang),
        methods=_methods(analysis, settings, lang, best_n, rest_n),
        notes=[w.render(lang) for w in analysis.warnings],
        definition=_definition_text(analysis, lang),
    )


def _definition_text(analysis: Analysis, lang: Lang) -> str:
    d = analysis.definition
    return definition_sentence(d, lang) if d is not None else ""


# ---------------------------------------------------------------- appendix hook
# Extra sections other features hand to the exports, printed last as (heading,
# lines) — the live workshop's accepted notes with their dot votes (issue 15).
Appendix = Sequence[tuple[str, Sequence[str]]]


def _pdf_appendix(pdf: Any, appendix: Appendix) -> None:
    for heading, lines in appendix:
        pdf.h1(heading)
        for line in lines:
            pdf.bullet(line)


def _meta_groups(s: Summary) -> str:
    key = "report.meta.groups_outcome" if s.outcome else "report.meta.groups"
    return t(key, s.lang, rows=s.n_rows, best_n=s.best_n, rest_n=s.rest_n)


# ---------------------------------------------------------------- images


# Each cloud gets half the text width (~87 mm): 512 x 320 px is ~150 dpi there.
_CLOUD_SIZE = (512, 320)


def _images(
    dataset: Dataset, analysis: Analysis, lang: Lang, *, scale: float = 1.5
) -> dict[str, bytes | None]:
    """PNG bytes of the charts and the two word clouds (None where there is nothing to draw).

    Drawn at the size the PDF prints them and kept by content (``pngcache``):
    the same analysis never rasterises the same picture twice.
    """
    outcome = analysis.mode == "outcome"
    out: dict[str, bytes | None] = {}
    out["kpi"] = None
    kpi = charts.kpi_bars(analysis.kpis, lang=lang, outcome=outcome)
    if kpi is not None:
        out["kpi"] = _chart_png(kpi, scale)
    out["traits"] = (
        _chart_png(charts.trait_bars(analysis.traits, lang=lang, outcome=outcome), scale)
        if analysis.traits
        else None
    )
    best = clouds.frequencies(dataset.table, dataset.mapping, analysis.best_mask)
    rest = clouds.frequencies(dataset.table, dataset.mapping, rest_mask(dataset, analysis))
    left, right = clouds.distinctive(
        best,
        rest,
        best_n=int(analysis.best_mask.sum()),
        rest_n=int(rest_mask(dataset, analysis).sum()),
    )
    out["cloud_best"] = _cloud_png(left, "best")
    out["cloud_rest"] = _cloud_png(right, "rest")
    return out


def _chart_png(chart: Any, scale: float) -> bytes:
    spec = json.dumps(chart.to_dict(), sort_keys=True, ensure_ascii=False, default=str)
    key = f"chart|{_version('vl-convert-python')}|{charts.FAMILY}|{scale}|{spec}"
    return cached_png(key.encode(), lambda: charts.to_png(chart, scale=scale))


def _cloud_png(freqs: dict[str, float], palette: str) -> bytes | None:
    def render() -> bytes:
        img = clouds.cloud(freqs, palette=palette, width=_CLOUD_SIZE[0], height=_CLOUD_SIZE[1])
        return clouds.png_bytes(img) if img is not None else b""

    words = json.dumps(sorted((str(w), float(f)) for w, f in freqs.items()), ensure_ascii=False)
    key = f"cloud|{_version('wordcloud')}|{palette}|{_CLOUD_SIZE}|{words}"
    return cached_png(key.encode(), render) or None


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


# ---------------------------------------------------------------- PDF

_INK = (25, 25, 25)
_GREY = (95, 95, 95)
_BLUE = (0, 114, 178)  # Okabe-Ito blue, as in the charts
_ORANGE = (170, 100, 0)
_TINT = (235, 244, 250)
_RULE = (190, 205, 215)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


_LATIN_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def _clean(text: Any, lang: Lang = "zh") -> str:
    """Text safe to hand to fpdf2: control characters dropped, tabs as spaces.

    The bundled CJK face draws curly quotes full-width, so English text gets
    straight quotes instead.
    """
    out = _CONTROL.sub("", str(text)).replace("\t", "    ").replace("\r\n", "\n")
    return out.translate(_LATIN_QUOTES) if lang == "en" else out


def _pdf_class():
    from fpdf import FPDF  # lazy: startup speed

    class _Pdf(FPDF):
        """A4 document with a running title, page numbers and a few text helpers."""

        def __init__(self, summary: Summary) -> None:
            super().__init__(orientation="portrait", unit="mm", format="A4")
            self.s = summary
            # Chinese has no spaces between words: wrap at any character, not only at spaces.
            self.wrap = "CHAR" if summary.lang == "zh" else "WORD"
            self.add_font("noto", "", str(font_path("regular")))
            self.add_font("noto", "B", str(font_path("bold")))
            self.set_margins(16, 16, 16)
            self.set_auto_page_break(True, margin=18)
            self.set_title(summary.title)
            self.set_creator("ICP Workbench")
            self.set_lang("zh-CN" if summary.lang == "zh" else "en")
            self.set_text_color(*_INK)

        def c(self, text: Any) -> str:
            return _clean(text, self.s.lang)

        # -- page furniture
        def header(self) -> None:
            if self.page_no() == 1:
                return
            self.set_font("noto", "", 8)
            self.set_text_color(*_GREY)
            title = self.c(self.s.title).replace("\n", " ")
            while len(title) > 1 and self.get_string_width(title) > self.epw:
                title = title[: int(len(title) * 0.9)].rstrip() + "…"
            self.cell(0, 5, title, new_x="LMARGIN", new_y="NEXT")
            self.set_draw_color(*_RULE)
            self.line(self.l_margin, self.get_y() + 1, self.w - self.r_margin, self.get_y() + 1)
            self.ln(5)
            self.set_text_color(*_INK)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("noto", "", 8)
            self.set_text_color(*_GREY)
            label = t("report.page", self.s.lang, page=self.page_no(), total="{nb}")
            self.cell(0, 5, label, align="C")
            self.set_text_color(*_INK)

        # -- text helpers
        def room(self, mm: float) -> None:
            """Start a new page unless ``mm`` millimetres are left (keeps headings with text)."""
            if self.get_y() + mm > self.h - self.b_margin:
                self.add_page()

        def h1(self, text: str) -> None:
            self.room(40)
            self.ln(3)
            self.set_font("noto", "B", 15)
            self.set_text_color(*_BLUE)
            self.multi_cell(0, 8, self.c(text), new_x="LMARGIN", new_y="NEXT")
            self.set_draw_color(*_BLUE)
            self.set_line_width(0.5)
            self.line(self.l_margin, self.get_y() + 0.5, self.w - self.r_margin, self.get_y() + 0.5)
            self.set_line_width(0.2)
            self.ln(3)
            self.set_text_color(*_INK)

        def h2(self, text: str) -> None:
            self.room(24)
            self.ln(1.5)
            self.set_font("noto", "B", 11.5)
            self.multi_cell(0, 6.5, self.c(text), new_x="LMARGIN", new_y="NEXT")
            self.ln(0.5)

        def para(
            self,
            text: str,
            *,
            size: float = 10,
            color: tuple[int, int, int] = _INK,
            bold: bool = False,
            fill: bool = False,
        ) -> None:
            self.set_font("noto", "B" if bold else "", size)
            self.set_text_color(*color)
            if fill:
                self.set_fill_color(*_TINT)
            self.multi_cell(
                0,
                size * 0.55,
                self.c(text),
                new_x="LMARGIN",
                new_y="NEXT",
                fill=fill,
                padding=(2.5, 3, 2.5, 3) if fill else 0,
                align="L",
                wrapmode=self.wrap,
            )
            self.set_text_color(*_INK)

        def bullet(
            self, text: str, *, size: float = 10, mark: str = "•", color=_INK, indent: float = 0
        ) -> None:
            self.set_font("noto", "", size)
            self.set_text_color(*color)
            line = size * 0.55
            self.room(line * 2)
            self.set_x(self.l_margin + indent)
            self.cell(5, line, mark)
            self.multi_cell(
                self.epw - indent - 5,
                line,
                self.c(text),
                new_x="LMARGIN",
                new_y="NEXT",
                align="L",
                wrapmode=self.wrap,
            )
            self.set_text_color(*_INK)
            self.ln(0.6)

        def text(self, text: str, *, size: float = 10, indent: float = 3, color=_INK) -> None:
            self.set_x(self.l_margin + indent)
            self.set_font("noto", "", size)
            self.set_text_color(*color)
            self.multi_cell(
                self.epw - indent,
                size * 0.54,
                self.c(text),
                new_x="LMARGIN",
                new_y="NEXT",
                align="L",
                wrapmode=self.wrap,
            )
            self.set_text_color(*_INK)

        def label(self, text: str) -> None:
            """A prompt label (kept on the same page as at least a line of its answer)."""
            self.room(14)
            self.set_font("noto", "B", 9.5)
            self.set_text_color(*_GREY)
            self.multi_cell(
                0, 5, self.c(text), new_x="LMARGIN", new_y="NEXT", align="L", wrapmode=self.wrap
            )
            self.set_text_color(*_INK)

        def marker(self, text: str) -> None:
            """The small orange "Suggested from the data · evidence" line above a suggestion."""
            self.room(10)
            self.set_x(self.l_margin + 3)
            self.set_font("noto", "B", 8)
            self.set_text_color(*_ORANGE)
            self.multi_cell(
                self.epw - 3,
                4.4,
                self.c(text),
                new_x="LMARGIN",
                new_y="NEXT",
                align="L",
                wrapmode=self.wrap,
            )
            self.set_text_color(*_INK)

        def grid(self, df: pd.DataFrame, widths: list[float], *, align: list[str] | None = None):
            """``df`` as a table; rows wrap, split cleanly and repeat the header on a new page."""
            from fpdf.fonts import FontFace  # lazy: startup speed

            if df.empty:
                return
            self.set_font("noto", "", 9)
            self.room(20)
            head = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=_BLUE)
            with self.table(
                col_widths=widths,
                width=self.epw,
                headings_style=head,
                line_height=5,
                text_align=tuple(align) if align else "LEFT",
                wrapmode=self.wrap,
                borders_layout="HORIZONTAL_LINES",
                cell_fill_color=(245, 248, 250),
                cell_fill_mode="ROWS",
                padding=(1.2, 1.5),
                repeat_headings=1,
                markdown=False,
            ) as table:
                header = table.row()
                for h in df.columns:
                    header.cell(self.c(h))
                for values in df.itertuples(index=False):
                    row = table.row()
                    for v in values:
                        row.cell(self.c(v))
            self.ln(2)

        def png(self, data: bytes, *, max_w: float | None = None, max_h: float = 120) -> None:
            """An image scaled to fit the width (and ``max_h``), on a new page if needed."""
            with Image.open(io.BytesIO(data)) as im:
                px_w, px_h = im.size
            w = min(max_w or self.epw, self.epw, px_w * 25.4 / 144)  # ~144 dpi at scale 1.5
            h = w * px_h / px_w
            if h > max_h:
                h, w = max_h, max_h * px_w / px_h
            self.room(h + 2)
            self.image(io.BytesIO(data), x=self.l_margin, w=w, h=h)
            self.ln(3)

    return _Pdf


def _brief_page(pdf, s: Summary, images: dict[str, bytes | None]) -> None:
    """Page 1: the ICP and persona brief — statement, story, the strongest findings with
    their counts, the key numbers and one chart — on a single page."""
    pdf.add_page()
    title = pdf.c(s.title)
    if len(title) > 120:
        title = title[:119] + "…"
    pdf.set_fill_color(*_BLUE)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("noto", "B", 16)
    lines = pdf.multi_cell(0, 7.5, title, dry_run=True, output="LINES", wrapmode=pdf.wrap)
    band = 24 + 7.5 * min(len(lines), 2)
    pdf.rect(0, 0, pdf.w, band, style="F")
    pdf.set_xy(pdf.l_margin, 8)
    pdf.set_font("noto", "", 9.5)
    pdf.cell(0, 5, t("report.kicker", s.lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("noto", "B", 16)
    pdf.multi_cell(
        0, 7.5, "\n".join(lines[:2]), new_x="LMARGIN", new_y="NEXT", align="L", wrapmode=pdf.wrap
    )
    pdf.set_font("noto", "", 8.5)
    meta = [t("report.meta.date", s.lang, date=s.date), _meta_groups(s)]
    pdf.cell(0, 5, pdf.c(" · ".join(meta)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*_INK)
    pdf.set_y(band + 3)
    if s.definition:
        pdf.para(s.definition, size=8.5, color=_GREY)

    def heading(text: str) -> None:
        pdf.ln(1.5)
        pdf.set_font("noto", "B", 11.5)
        pdf.set_text_color(*_BLUE)
        pdf.multi_cell(0, 6, pdf.c(text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(*_INK)
        pdf.ln(0.5)

    for key, n in (("report.statement", s.statement), ("report.story", s.story)):
        heading(t(key, s.lang))
        pdf.para(n.text, size=9.5, fill=True)
    if s.statement.drafted or s.story.drafted:
        pdf.ln(0.5)
        pdf.para(t("report.drafted", s.lang), size=7.5, color=_ORANGE)
    heading(t("report.brief.findings_outcome" if s.outcome else "report.brief.findings", s.lang))
    if s.brief:
        for line in s.brief:
            pdf.bullet(line, size=9)
    else:
        pdf.para(t("report.traits.none", s.lang), size=9, color=_GREY)
    if not s.kpis.empty:
        heading(t("report.brief.numbers", s.lang))
        pdf.grid(s.kpis, [40, 20, 20, 20], align=["LEFT", "RIGHT", "RIGHT", "RIGHT"])
    chart = images.get("traits") or images.get("kpi")
    left = pdf.h - pdf.b_margin - pdf.get_y() - 3
    if chart and left >= 35 and pdf.page_no() == 1:
        pdf.png(chart, max_h=left)


def pdf_bytes(
    dataset: Dataset,
    analysis: Analysis,
    *,
    answers: Answers,
    lang: Lang,
    title: str | None = None,
    settings: Settings | None = None,
    appendix: Appendix = (),
    extra: Sequence[Section] = (),
    worksheet: bool = False,
) -> bytes:
    """The ICP summary as an A4 PDF with charts and word clouds, fonts embedded (subset).

    Page 1 is the brief a founder sends on (``_brief_page``); then the details —
    KPIs, the best customers, every finding with its interval, warning signs,
    the clouds and how it was worked out.  ``worksheet`` adds the 14-step
    worksheet (answers, data suggestions for unanswered steps) and the
    checklist as an appendix.  ``answers`` may be empty (the CLI has none).
    """
    s = summarise(dataset, analysis, answers=answers, lang=lang, title=title, settings=settings)
    images = _images(dataset, analysis, lang)
    pdf = _pdf_class()(s)

    _brief_page(pdf, s, images)
    pdf.add_page()

    # KPIs
    pdf.h1(t("report.kpis_outcome" if s.outcome else "report.kpis", lang))
    if s.kpis.empty:
        pdf.para(t("report.kpis.none", lang), color=_GREY)
    else:
        pdf.grid(s.kpis, [40, 20, 20, 20], align=["LEFT", "RIGHT", "RIGHT", "RIGHT"])
        if images["kpi"]:
            pdf.png(images["kpi"], max_w=150, max_h=80)

    # Best customers
    pdf.h1(t("report.best_outcome" if s.outcome else "report.best", lang))
    pdf.grid(s.best, _best_widths(s.best, s.outcome))
    if s.best_note:
        pdf.para(s.best_note, size=8.5, color=_GREY)

    # Traits
    pdf.h1(t("report.traits", lang))
    if s.trait_sentences:
        for line in s.trait_sentences:
            pdf.bullet(line)
        pdf.ln(1)
        pdf.grid(
            s.trait_rows,
            [40, 19, 19, 11, 13],
            align=["LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"],
        )
    else:
        pdf.para(t("report.traits.none", lang), color=_GREY)
    if s.numeric_sentences:
        pdf.h2(t("report.numeric", lang))
        for line in s.numeric_sentences:
            pdf.bullet(line)
    if s.warning_sentences:
        pdf.h2(t("report.warnings", lang))
        key = "report.warnings.intro_outcome" if s.outcome else "report.warnings.intro"
        pdf.para(t(key, lang), size=9.5, color=_GREY)
        for line in s.warning_sentences:
            pdf.bullet(line, mark="!", color=_ORANGE)

    # Word clouds, side by side
    if images["cloud_best"] or images["cloud_rest"]:
        pdf.room(95)  # the heading stays on the page of the clouds
        pdf.h1(t("report.clouds", lang))
        pdf.para(t("report.clouds.intro", lang), size=9, color=_GREY)
        pdf.ln(1)
        _clouds_row(pdf, s, images)

    _sections_into(pdf, extra)  # the portraits' saved views (icp.sections), if any

    # Methods
    pdf.h1(t("report.methods", lang))
    for line in s.methods:
        pdf.para(line, size=8.5, color=_GREY)
        pdf.ln(1.2)
    if s.notes:
        pdf.para(t("report.methods.notes", lang), size=8.5, color=_GREY, bold=True)
        for line in s.notes:
            pdf.bullet(line, size=8.5, color=_GREY)

    if worksheet:  # the appendix: the 7 + 7 steps and the checklist
        pdf.add_page()
        pdf.h1(t("report.appendix", lang))
        for key, ids in (("report.steps.icp", "S"), ("report.steps.persona", "P")):
            pdf.h1(t(key, lang))
            for block in s.steps:
                if block.id.startswith(ids):
                    _step_block(pdf, block, lang)
        pdf.h1(t("report.checklist", lang))
        area = None
        for a, item, done in s.checklist:
            if a != area:
                pdf.h2(a)
                area = a
            pdf.bullet(item, mark="✓" if done else "□", color=_INK if done else _GREY)
    _pdf_appendix(pdf, appendix)
    return bytes(pdf.output())


def _best_widths(df: pd.DataFrame, outcome: bool) -> list[float]:
    """Relative column widths: narrow rank, wide name, numbers, then the trait columns."""
    widths: list[float] = []
    for i, _ in enumerate(df.columns):
        if i == 0:
            widths.append(7)
        elif i == 1:
            widths.append(40)
        elif not outcome and i in (2, 3):
            widths.append(14)
        else:
            widths.append(18)
    return widths


def _clouds_row(pdf, s: Summary, images: dict[str, bytes | None]) -> None:
    gap = 6
    w = (pdf.epw - gap) / 2
    labels = (
        ("report.clouds.won", "report.clouds.not_won")
        if s.outcome
        else ("report.clouds.best", "report.clouds.rest")
    )
    hs = []
    for key in ("cloud_best", "cloud_rest"):
        data = images[key]
        if data:
            with Image.open(io.BytesIO(data)) as im:
                hs.append(w * im.size[1] / im.size[0])
    h = max(hs) if hs else 20
    pdf.room(h + 12)
    top = pdf.get_y()
    for i, (key, label) in enumerate(zip(("cloud_best", "cloud_rest"), labels, strict=True)):
        x = pdf.l_margin + i * (w + gap)
        pdf.set_xy(x, top)
        pdf.set_font("noto", "B", 10)
        pdf.set_text_color(*(_BLUE if i == 0 else _ORANGE))
        pdf.cell(w, 6, t(label, s.lang))
        pdf.set_text_color(*_INK)
        data = images[key]
        if data:
            pdf.image(io.BytesIO(data), x=x, y=top + 7, w=w)
        else:
            pdf.set_xy(x, top + 7)
            pdf.set_font("noto", "", 9)
            pdf.cell(w, 6, t("report.clouds.empty", s.lang))
    pdf.set_xy(pdf.l_margin, top + 7 + h + 4)


def _step_block(pdf, block: StepBlock, lang: Lang) -> None:
    pdf.h2(f"{block.id} · {block.title}")
    for label, text in block.answers:
        pdf.label(label)
        pdf.text(text)
        pdf.ln(1.2)
    suggested = t("report.steps.suggested", lang)
    last = None
    for label, text, evidence in block.suggestions:
        if label != last:
            if last is not None:
                pdf.ln(1.2)
            pdf.label(label)
            last = label
        pdf.marker(f"{suggested} · {evidence}" if evidence else suggested)
        pdf.text(text)
    if block.suggestions:
        pdf.ln(1.2)
    if block.note:
        pdf.para(block.note, size=9, color=_GREY)
    if not (block.answers or block.suggestions or block.note):
        pdf.para(t("report.steps.empty", lang), size=9, color=_GREY)
    pdf.ln(1)


# ---------------------------------------------------------------- Markdown

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


def markdown_text(
    dataset: Dataset,
    analysis: Analysis,
    *,
    answers: Answers,
    lang: Lang,
    title: str | None = None,
    settings: Settings | None = None,
    appendix: Appendix = (),
    extra: Sequence[Section] = (),
) -> str:
    """The ICP summary as Markdown (same content as the PDF, without the pictures)."""
    s = summarise(dataset, analysis, answers=answers, lang=lang, title=title, settings=settings)
    out: list[str] = [f"# {md_escape(s.title)}", ""]
    out += [f"*{md_escape(t('report.kicker', lang))}*", ""]
    meta = [t("report.meta.date", lang, date=s.date)]
    if s.source:
        meta.append(t("report.meta.source", lang, source=s.source))
    meta.append(_meta_groups(s))
    if s.definition:
        meta.append(s.definition)
    out += ["  \n".join(md_escape(m) for m in meta), ""]

    for key, n in (("report.statement", s.statement), ("report.story", s.story)):
        out += [f"## {md_escape(t(key, lang))}", ""]
        out += _md_para(n.text)
        if n.drafted:
            out += [f"> {md_escape(t('report.drafted', lang))}", ""]

    out += [f"## {md_escape(t('report.kpis_outcome' if s.outcome else 'report.kpis', lang))}", ""]
    out += _md_table(s.kpis) if not s.kpis.empty else _md_para(t("report.kpis.none", lang))

    out += [f"## {md_escape(t('report.best_outcome' if s.outcome else 'report.best', lang))}", ""]
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
        key = "report.warnings.intro_outcome" if s.outcome else "report.warnings.intro"
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

    out += _sections_md(extra)

    out += [f"## {md_escape(t('report.methods', lang))}", ""]
    for line in s.methods:
        out += _md_para(line)
    if s.notes:
        out += [f"- {md_escape(x)}" for x in s.notes] + [""]
    for heading, lines in appendix:
        out += [f"## {md_escape(heading)}", "", *[f"- {md_escape(x)}" for x in lines], ""]
    return "\n".join(out).rstrip() + "\n"


# ---------------------------------------------------------------- JSON


def json_bytes(
    dataset: Dataset,
    analysis: Analysis,
    *,
    answers: Answers,
    lang: Lang,
    settings: Settings | None = None,
    appendix: Appendix = (),
) -> bytes:
    """``analysis.to_json`` plus every builder answer (keyed S1..P7, USE), the statement,
    the story, the step blocks with suggestions and the checklist, as UTF-8 JSON."""
    answers = answers or {}
    s = summarise(dataset, analysis, answers=answers, lang=lang, settings=settings)
    payload = analysis.to_json(dataset, lang)
    payload["report"] = {
        "title": s.title,
        "date": _dt.date.today().isoformat(),
        "lang": lang,
        "source": s.source,
        "settings": (settings or Settings()).to_dict(),
    }
    payload["statement"] = {"text": s.statement.text, "drafted": s.statement.drafted}
    payload["story"] = {"text": s.story.text, "drafted": s.story.drafted}
    steps = [*builders.STEPS, builders.USE_STEP]
    payload["answers"] = {
        sid: {str(k): str(v) for k, v in (answers.get(sid) or {}).items() if v is not None}
        for sid in steps
    }
    payload["steps"] = [
        {
            "id": b.id,
            "title": b.title,
            "answers": [{"label": label, "text": text} for label, text in b.answers],
            "suggestions": [
                {"label": label, "text": text, "evidence": ev} for label, text, ev in b.suggestions
            ],
        }
        for b in s.steps
    ]
    payload["checklist"] = [
        {"area": a, "item": item, "done": done} for a, item, done in s.checklist
    ]
    payload["methods"] = s.methods
    payload["appendix"] = [{"title": h, "lines": list(lines)} for h, lines in appendix]
    return json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")


# ---------------------------------------------------------------- Excel


def _fit_scores(dataset: Dataset, analysis: Analysis) -> pd.Series | None:
    """0–100 fit of every customer from ``icp.score`` (None when no model can be fitted)."""
    if int(analysis.best_mask.sum()) < 2 or int((~analysis.best_mask).sum()) < 2:
        return None
    try:
        return score.customer_scores(dataset, analysis)
    except Exception:  # the fit score is an extra column; its absence must not stop the export
        return None


def customers_xlsx_bytes(
    dataset: Dataset, analysis: Analysis, *, lang: Lang, tags: pd.Series | None = None
) -> bytes:
    """Every customer with rank, best flag, best-customer score, stability and fit score,
    followed by the data set's own columns; best first; formula-safe (``icp.xlsx``).
    ``tags`` (``icp.tags.tag_column``) adds the rule tags each customer carries."""
    table = dataset.table
    yes, no = t("common.yes", lang), t("common.no", lang)
    cols: dict[str, pd.Series] = {}
    headers: list[str] = []
    order = table.index
    if analysis.ranking is not None:
        rt = analysis.ranking.table
        order = rt.index
        cols["rank"] = rt["rank"].reindex(order).astype(float)
        headers.append(t("report.xlsx.rank", lang))
    cols["name"] = dataset.names().reindex(order)
    headers.append(t("report.xlsx.name", lang))
    best = analysis.best_mask.reindex(order).fillna(False).astype(bool)
    cols["best"] = pd.Series(np.where(best.to_numpy(), yes, no), index=order, dtype=object)
    headers.append(t("report.xlsx.won" if analysis.mode == "outcome" else "report.xlsx.best", lang))
    if analysis.ranking is not None:
        rt = analysis.ranking.table
        cols["score"] = (100 * rt["score"].astype(float)).round(1).reindex(order)
        headers.append(t("report.xlsx.score", lang))
        cols["stability"] = rt["stability"].astype(float).round(2).reindex(order)
        headers.append(t("report.xlsx.stability", lang))
    fit = _fit_scores(dataset, analysis)
    if fit is not None:
        cols["fit"] = pd.to_numeric(fit, errors="coerce").reindex(order)
        headers.append(t("report.xlsx.fit", lang))
    if tags is not None:
        cols["tags"] = tags.reindex(order).fillna("")
        headers.append(t("tags.column", lang))
    skip = {dataset.name_column}
    for spec in dataset.mapping.columns:
        if not spec.include or spec.name in skip or spec.name not in table.columns:
            continue
        s = table[spec.name].reindex(order)
        if s.dtype == object:
            s = s.map(lambda v: _cell(v) if isinstance(v, (list, tuple)) else v)
        cols[f"col:{spec.name}"] = s
        headers.append(str(spec.name))
    df = pd.DataFrame(cols, index=order)
    return frame_xlsx_bytes(
        df,
        headers=headers,
        sheet_name=t("report.xlsx.sheet", lang),
        notes=[_definition_text(analysis, lang)] if analysis.definition is not None else None,
        notes_name=t("report.xlsx.definition_sheet", lang),
    )


def scored_xlsx_bytes(scored: Any, *, lang: Lang) -> bytes:
    """The prospect scores as formula-safe .xlsx (delegates to ``icp.score``; kept for the CLI)."""
    return score.scored_xlsx_bytes(scored, lang=lang)


# ---------------------------------------------------------------- extra sections (icp.sections)
# The customer card, saved group comparisons and the competitor view come as
# plain ``Section`` objects; these render them on their own or inside the report.


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


def _sections_into(pdf, sections: Sequence[Section]) -> None:
    for sec in sections:
        pdf.h1(sec.title)
        for b in sec.blocks:
            if b.kind == "h2":
                pdf.h2(b.text)
            elif b.kind == "para":
                pdf.para(b.text)
            elif b.kind == "bullet":
                pdf.bullet(b.text)
            elif b.kind == "good":
                pdf.bullet(b.text, mark="✓")
            elif b.kind == "bad":
                pdf.bullet(b.text, mark="×", color=_ORANGE)
            elif b.kind == "note":
                pdf.para(b.text, size=9, color=_GREY)
            elif b.kind == "table" and b.table is not None and not b.table.empty:
                n = len(b.table.columns)
                pdf.grid(b.table.astype(str), [2.0] + [1.0] * (n - 1) if n > 1 else [1.0])
            elif b.kind == "image" and b.image:
                pdf.png(b.image, max_h=90)


@dataclass
class _Doc:
    """What the PDF page furniture needs (the running title and the language)."""

    title: str
    lang: Lang


def sections_pdf(sections: Sequence[Section], *, title: str, lang: Lang) -> bytes:
    """``sections`` as an A4 PDF with the report's fonts and page furniture (e.g. a card)."""
    pdf = _pdf_class()(_Doc(title, lang))
    pdf.add_page()
    _sections_into(pdf, sections)
    return bytes(pdf.output())
