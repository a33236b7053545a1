"""The ICP summary as an A4 PDF (fpdf2), and extra sections as a PDF of their own.

Customer text is data: the PDF prints it literally (fpdf2 with markdown off).
The bundled Noto Sans CJK SC face is embedded (subset) so Chinese renders as
Chinese anywhere.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from PIL import Image

from icp.fonts import font_path
from icp.i18n import Lang, t
from icp.report.images import pictures
from icp.report.summary import Appendix, StepBlock, Summary, meta_groups
from icp.sections import Section
from icp.wording import kept_key


def _pdf_appendix(pdf: Any, appendix: Appendix) -> None:
    for heading, lines in appendix:
        pdf.h1(heading)
        for line in lines:
            pdf.bullet(line)


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


CELL_LINES = 24  # a table cell wraps to at most this many lines, then "…"
_CHAR_MM = 2.0  # average width of a 9 pt character (a CJK one is wider: the margin covers it)


def _fit(value: Any, column_mm: float) -> str:
    """A table cell's text, cut with an ellipsis when it would wrap past ``CELL_LINES``:
    a row taller than a page (a 3,000-character customer name) makes fpdf2 give up on
    the whole report."""
    text = str(value)
    limit = max(20, int(column_mm / _CHAR_MM * CELL_LINES))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_CELL_PAD_X = 1.5  # mm left and right of a table cell's text

# Chinese punctuation that never starts a line (the kinsoku rule of CJK typesetting):
# fpdf's character wrap would put a lone "。" at the head of the next line.
_NO_LINE_START = frozenset("。，、；：！？）」』”’》〉】…·%")


def cjk_lines(text: str, room: float, width: Callable[[str], float]) -> list[str]:
    """``text`` wrapped at any character into lines at most ``room`` wide (``width``
    measures a string), where a closing mark never starts a line: the character before it
    goes down with it ("品）。" together).  Line breaks already in the text are kept."""
    lines: list[str] = []
    for para in text.split("\n"):
        line, used = "", 0.0
        for ch in para:
            w = width(ch)
            if not line or used + w <= room:
                line, used = line + ch, used + w
                continue
            carry = ch  # what starts the next line: closing marks take a character along
            while carry[0] in _NO_LINE_START and len(line) > 1 and len(carry) < 4:
                line, carry = line[:-1], line[-1] + carry
            lines.append(line)
            line, used = carry, width(carry)
        lines.append(line)
    return lines


def _pdf_class():
    from fpdf import FPDF  # lazy: startup speed
    from fpdf.util import Padding  # lazy: startup speed

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

        def wrapped(self, w: float, h: float, text: Any, **kw: Any) -> None:
            """``text`` (cleaned) as left-aligned lines ``w`` wide, wrapped for the language
            (Chinese: at any character, never a closing mark first on a line)."""
            text = self.c(text)
            if self.wrap == "CHAR":
                pad = Padding.new(kw.get("padding", 0))  # fpdf's own reading of it
                room = (w or self.w - self.r_margin - self.get_x()) - 2 * self.c_margin
                room -= pad.left + pad.right
                # a hair narrower than fpdf's own measure, so it keeps these lines as they are
                text = "\n".join(cjk_lines(text, room - 0.5, self.get_string_width))
            self.multi_cell(
                w,
                h,
                text,
                new_x="LMARGIN",
                new_y="NEXT",
                align="L",
                wrapmode=self.wrap,
                **kw,
            )

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
            self.wrapped(0, size * 0.55, text, fill=fill, padding=(2.5, 3, 2.5, 3) if fill else 0)
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
            self.wrapped(self.epw - indent - 5, line, text)
            self.set_text_color(*_INK)
            self.ln(0.6)

        def text(self, text: str, *, size: float = 10, indent: float = 3, color=_INK) -> None:
            self.set_x(self.l_margin + indent)
            self.set_font("noto", "", size)
            self.set_text_color(*color)
            self.wrapped(self.epw - indent, size * 0.54, text)
            self.set_text_color(*_INK)

        def label(self, text: str) -> None:
            """A prompt label (kept on the same page as at least a line of its answer)."""
            self.room(14)
            self.set_font("noto", "B", 9.5)
            self.set_text_color(*_GREY)
            self.wrapped(0, 5, text)
            self.set_text_color(*_INK)

        def marker(self, text: str) -> None:
            """The small orange "Suggested from the data · evidence" line above a suggestion."""
            self.room(10)
            self.set_x(self.l_margin + 3)
            self.set_font("noto", "B", 8)
            self.set_text_color(*_ORANGE)
            self.wrapped(self.epw - 3, 4.4, text)
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
                padding=(1.2, _CELL_PAD_X),
                repeat_headings=1,
                markdown=False,
            ) as table:
                mm = [self.epw * w / sum(widths) for w in widths]
                header = table.row()
                for h, w in zip(df.columns, mm, strict=False):
                    header.cell(self.cell_text(_fit(h, w), w, bold=True))
                for values in df.itertuples(index=False):
                    row = table.row()
                    for v, w in zip(values, mm, strict=False):
                        row.cell(self.cell_text(_fit(v, w), w))
            self.ln(2)

        def cell_text(self, text: Any, column_mm: float, *, bold: bool = False) -> str:
            """A table cell's text (cleaned); Chinese pre-wrapped so that no closing mark
            starts a line (fpdf's table wraps at any character, as ``multi_cell`` does)."""
            text = self.c(text)
            if self.wrap != "CHAR":
                return text
            style = self.font_style
            self.set_font("noto", "B" if bold else "", self.font_size_pt)
            # the cell's padding (1.5 mm a side) and a hair, so fpdf keeps these lines
            room = column_mm - 2 * _CELL_PAD_X - 1.0
            lines = cjk_lines(text, room, self.get_string_width)
            self.set_font("noto", style, self.font_size_pt)
            return "\n".join(lines)

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
    meta = [t("report.meta.date", s.lang, date=s.date), meta_groups(s)]
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
    findings = kept_key("report.brief.findings_outcome", s.kept)
    heading(t(findings if s.outcome else "report.brief.findings", s.lang))
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


def pdf_bytes(s: Summary, *, worksheet: bool = False) -> bytes:
    """The ICP summary ``s`` as an A4 PDF with charts and word clouds, fonts embedded (subset).

    Page 1 is the brief a founder sends on (``_brief_page``); then the details —
    KPIs, the best customers, every finding with its interval, warning signs,
    the clouds, the sections other features added and how it was worked out.
    ``worksheet`` adds the 14-step worksheet (answers, data suggestions for
    unanswered steps) and the checklist as an appendix.
    """
    lang = s.lang
    images = pictures(s)
    pdf = _pdf_class()(s)

    _brief_page(pdf, s, images)
    pdf.add_page()

    # KPIs
    pdf.h1(t(kept_key("report.kpis_outcome", s.kept) if s.outcome else "report.kpis", lang))
    if s.kpis.empty:
        pdf.para(t("report.kpis.none", lang), color=_GREY)
    else:
        pdf.grid(s.kpis, [40, 20, 20, 20], align=["LEFT", "RIGHT", "RIGHT", "RIGHT"])
        if images["kpi"]:
            pdf.png(images["kpi"], max_w=150, max_h=80)

    # Best customers
    pdf.h1(t(kept_key("report.best_outcome", s.kept) if s.outcome else "report.best", lang))
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
        key = (
            kept_key("report.warnings.intro_outcome", s.kept)
            if s.outcome
            else "report.warnings.intro"
        )
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

    _sections_into(pdf, s.extra)  # the portraits' saved views (icp.sections), if any

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
    _pdf_appendix(pdf, s.appendix)
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
        (kept_key("report.clouds.won", s.kept), kept_key("report.clouds.not_won", s.kept))
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
