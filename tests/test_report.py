"""The exports: PDF (Chinese and English), Markdown, JSON and the Excel customer list.

The PDFs are read back with pypdf (CI has no poppler): the text must be
extractable (so Chinese is real text in an embedded font, not boxes), the
fonts embedded, the charts and word clouds present.  Hostile customer names
must print literally in the PDF, be escaped in Markdown and stay plain
strings in Excel.
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from icp import analysis, builders, report
from icp.cli import main as cli_main
from icp.dataset import Dataset, open_dataset
from icp.model import Analysis
from icp.portrait import fit_model

ROOT = Path(__file__).resolve().parent.parent
ZH = ROOT / "sample_data" / "equipment_customers_zh.xlsx"
EN = ROOT / "sample_data" / "saas_customers_en.xlsx"

HOSTILE = [
    '=HYPERLINK("x")',
    "+cmd",
    "-1+1",
    "@SUM(A1)",
    "<script>alert(1)</script>",
    "Longname" + "X" * 292,  # 300 characters and no space to break at
]


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _flat(text: str) -> str:
    """Text without whitespace (a table cell may wrap a long value over lines)."""
    return re.sub(r"\s+", "", text)


def _fonts(reader: PdfReader) -> list:
    out = {}
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font")
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            out[id(ref.get_object())] = ref.get_object()
    return list(out.values())


def _image_count(reader: PdfReader) -> int:
    seen = set()
    for page in reader.pages:
        xobjects = page["/Resources"].get_object().get("/XObject")
        if xobjects is None:
            continue
        for name, ref in xobjects.get_object().items():
            if ref.get_object().get("/Subtype") == "/Image":
                seen.add(getattr(ref, "idnum", name))
    return len(seen)


@pytest.fixture(scope="module")
def zh() -> tuple[Dataset, Analysis]:
    ds = open_dataset(ZH)
    return ds, analysis.run(ds)


@pytest.fixture(scope="module")
def en() -> tuple[Dataset, Analysis]:
    ds = open_dataset(EN)
    return ds, analysis.run(ds)


@pytest.fixture(scope="module")
def zh_pdf(zh) -> bytes:
    ds, result = zh
    return report.pdf_bytes(
        report.summarise(ds, result, answers={}, lang="zh", title="华东区客户工作坊")
    )


@pytest.fixture(scope="module")
def hostile() -> tuple[Dataset, Analysis]:
    """The English sample with hostile names given to some of the best customers."""
    ds = open_dataset(EN)
    first = analysis.run(ds)
    best_rows = first.ranking.table.index[: len(HOSTILE)]
    table = ds.table.copy()
    table[ds.name_column] = table[ds.name_column].astype(object)
    for idx, name in zip(best_rows, HOSTILE, strict=True):
        table.loc[idx, ds.name_column] = name
    ds = Dataset(table, ds.mapping, ds.source, ds.report, ds.notes, ds.ranges)
    return ds, analysis.run(ds)


# ---------------------------------------------------------------- PDF


def test_chinese_pdf_has_chinese_text_embedded_fonts_and_pictures(zh, zh_pdf):
    result = zh[1]
    reader = PdfReader(io.BytesIO(zh_pdf))
    text = _pdf_text(zh_pdf)
    assert "理想客户画像" in text  # the kicker / statement heading
    assert "华东区客户工作坊" in text  # the workspace name on the cover
    top = result.traits[0]
    assert top.value == "生产型"  # the planted segment, found by the analysis
    assert "生产型" in text and "客户行业" in text
    assert result.best_names[0] in _flat(text)  # the best-10 table
    assert "第 1 页，共" in text  # page numbers in Chinese
    assert len(reader.pages) >= 3  # brief, details (the worksheet is an opt-in appendix)

    fonts = _fonts(reader)
    assert fonts
    for font in fonts:
        descendant = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()
    assert _image_count(reader) >= 3  # trait chart, KPI chart, two word clouds


def test_chinese_pdf_shows_drafted_statement_and_suggestions_when_nothing_answered(zh, zh_pdf):
    ds, result = zh
    text = _flat(_pdf_text(zh_pdf))
    draft = builders.draft_icp_statement({}, result, ds, lang="zh")
    assert _flat(draft)[:30] in text
    assert "数据建议" in text  # unanswered steps show suggestions, labelled as such
    assert "Fisher" in text and "Wilson" in text  # the methods note


def test_english_pdf_uses_the_answers_and_embeds_everything(en):
    ds, result = en
    answers = {
        "S7": {"statement": "Mid-size manufacturers replacing spreadsheets on the shop floor."},
        "P2": {"hobbies": "Cycling & sailing"},
        builders.USE_STEP: {"builders.use.sales.team": "1"},
    }
    data = report.pdf_bytes(report.summarise(ds, result, answers=answers, lang="en"))
    reader = PdfReader(io.BytesIO(data))
    text = _pdf_text(data)
    flat = _flat(text)
    assert "Ideal Customer Profile" in text
    assert _flat(answers["S7"]["statement"]) in flat
    assert "Cycling&sailing" in flat
    assert "Manufacturing" in text and "Spreadsheets" in text  # the planted traits
    assert "Suggested from the data" in text
    assert "Page 1 of" in text
    assert _image_count(reader) >= 3
    for font in _fonts(reader):
        assert "/FontFile2" in font["/DescendantFonts"][0].get_object()["/FontDescriptor"]


def test_hostile_names_print_literally_and_the_long_name_wraps(hostile):
    ds, result = hostile
    assert "<script>alert(1)</script>" in result.best_names
    data = report.pdf_bytes(report.summarise(ds, result, answers={}, lang="en"))
    text = _pdf_text(data)
    flat = _flat(text)
    assert "<script>alert(1)</script>" in text
    assert '=HYPERLINK("x")' in text and "@SUM(A1)" in text
    assert HOSTILE[-1] in flat  # all 300 characters, over several lines
    assert HOSTILE[-1] not in text  # ... so it really wrapped


def test_cli_report_writes_a_chinese_pdf(tmp_path):
    out = tmp_path / "x.pdf"
    code = cli_main(["report", str(ZH), "--pdf", str(out), "--lang", "zh"])
    assert code == 0
    assert "生产型" in _pdf_text(out.read_bytes())


# ---------------------------------------------------------------- Markdown


def test_markdown_has_what_the_page_shows_and_escapes_customer_text(hostile):
    ds, result = hostile
    md = report.markdown_text(
        report.summarise(ds, result, answers={"P2": {"hobbies": "**bold** _x_"}}, lang="en")
    )
    assert "<script>" not in md
    assert r"\<script\>alert\(1\)\</script\>" in md
    assert r"\*\*bold\*\* \_x\_" in md
    assert r"\=HYPERLINK\(\"x\"\)" in md or r"\=HYPERLINK\(" in md
    s = report.summarise(ds, result, answers={}, lang="en")
    assert report.md_escape(s.statement.text) in md
    assert report.md_escape(s.trait_sentences[0]) in md
    assert "## Our best customers" in md
    assert "Northwind Manufacturing LLC" in md or report.md_escape(result.best_names[-1]) in md


def test_markdown_in_chinese_lists_traits_and_checklist(zh):
    ds, result = zh
    md = report.markdown_text(
        report.summarise(
            ds, result, answers={builders.USE_STEP: {"builders.use.sales.demo": "1"}}, lang="zh"
        )
    )
    assert md.startswith("# equipment\\_customers\\_zh")
    assert "生产型" in md
    assert "- [x] " in md and "- [ ] " in md
    for name in result.best_names[:3]:
        assert report.md_escape(name) in md


def test_md_escape_neutralises_markup():
    assert report.md_escape("<b>|x|</b>") == r"\<b\>\|x\|\</b\>"
    assert report.md_escape("# heading") == r"\# heading"
    assert report.md_escape("- item\n1. first") == "\\- item\n1\\. first"
    assert report.md_escape("[link](http://x)") == r"\[link\]\(http://x\)"


# ---------------------------------------------------------------- JSON


def test_json_round_trips_with_every_step_and_the_statement(zh):
    ds, result = zh
    answers = {"S1": {"why": "回款快、转介绍多"}, "P7": {"story": "张总是一家工厂的老板。"}}
    data = json.loads(report.json_bytes(report.summarise(ds, result, answers=answers, lang="zh")))
    assert [f"S{i}" for i in range(1, 8)] + [f"P{i}" for i in range(1, 8)] == [
        k for k in data["answers"] if k != builders.USE_STEP
    ]
    assert data["answers"]["S1"]["why"] == "回款快、转介绍多"
    assert data["story"] == {"text": "张总是一家工厂的老板。", "drafted": False}
    assert data["statement"]["drafted"] is True and "生产型" in data["statement"]["text"]
    assert data["traits"][0]["value"] == "生产型"
    assert data["best"]["names"][:10] == result.best_names[:10]
    s1 = next(b for b in data["steps"] if b["id"] == "S1")
    assert s1["answers"][0]["text"] == "回款快、转介绍多"
    assert s1["suggestions"]  # the unanswered S1 prompts carry the data's suggestions
    assert len(data["checklist"]) == sum(len(items) for _, items in builders.USE_CHECKLIST)


# ---------------------------------------------------------------- Excel


def test_excel_customer_list_is_formula_safe(hostile):
    ds, result = hostile
    data = report.customers_xlsx_bytes(ds, result, lang="en")
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb.active
    header = [c.value for c in ws[1]]
    assert header[:5] == [
        "Rank",
        "Customer",
        "Best customer",
        "Best-customer score (0–100)",
        "Stability in top N",
    ]
    assert "Fit score (0–100)" in header
    assert ws.max_row == len(ds.table) + 1
    names = {}
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
        name = row[1]
        assert name.data_type == "s", name.coordinate
        names[name.value] = row
    for hostile_name in HOSTILE:
        assert hostile_name in names
        assert names[hostile_name][2].value == "Yes"  # they are among the best
    first = next(ws.iter_rows(min_row=2, max_row=2))
    assert first[0].value == 1 and first[2].value == "Yes"


@pytest.fixture(scope="module")
def zh_xlsx(zh) -> bytes:
    """The Chinese sample's Excel list, its fit model fitted by the export itself."""
    ds, result = zh
    return report.customers_xlsx_bytes(ds, result, lang="zh")


def test_excel_in_chinese_has_chinese_headers(zh_xlsx):
    wb = openpyxl.load_workbook(io.BytesIO(zh_xlsx))
    header = [c.value for c in wb.active[1]]
    assert header[:3] == ["排名", "客户", "最佳客户"]
    assert "客户行业" in header
    assert wb.active.title == "客户"


def test_excel_with_the_cards_fit_model_is_the_excel_it_fits_itself(zh, zh_xlsx):
    """The Report page hands the Excel list the fit model the customer cards keep
    (``portrait.fit_model``) instead of fitting a second one: the same cells."""
    ds, result = zh

    def cells(data: bytes) -> list[tuple]:
        return [tuple(r) for r in openpyxl.load_workbook(io.BytesIO(data)).active.values]

    own = cells(zh_xlsx)
    given = report.customers_xlsx_bytes(ds, result, lang="zh", model=fit_model(ds, result))
    assert cells(given) == own
    assert "匹配度（0–100）" in own[0]  # the fit column is there (a model was fitted)


def test_no_line_of_the_chinese_pdf_starts_with_a_closing_mark(zh_pdf):
    # fpdf's character wrap put "）。目前符合…" at the head of a line in the ICP statement
    pages = PdfReader(io.BytesIO(zh_pdf)).pages
    lines = [line for page in pages for line in page.extract_text().splitlines()]
    assert len(lines) > 40
    assert [line for line in lines if line[:1] in "。，、；：！？）」』”"] == []


def test_no_line_of_a_chinese_table_starts_with_a_closing_mark(zh):
    """Table cells wrap too: a long Chinese customer name kept its "，" off a line's head."""
    ds, result = zh
    summary = report.summarise(ds, result, answers={}, lang="zh")
    best = summary.best.copy()
    name = best.columns[1]  # after the rank
    best[name] = [
        "华东" * (i % 7) + "精密制造（集团）股份有限公司，上海分公司，第二事业部。"
        for i in range(len(best))
    ]
    pdf = report.pdf_bytes(dataclasses.replace(summary, best=best))
    pages = PdfReader(io.BytesIO(pdf)).pages
    lines = [line for page in pages for line in page.extract_text().splitlines()]
    assert "".join(lines).count("上海分公司") >= len(best) // 2  # the names are there
    assert [line for line in lines if line[:1] in "。，、；：！？）」』”"] == []


def test_chinese_lines_carry_a_character_down_with_closing_marks():
    from icp.report.pdf import cjk_lines

    assert cjk_lines("一二三四五。六七", 5, len) == ["一二三四", "五。六七"]
    assert cjk_lines("一二三四）。六七八九十", 5, len) == ["一二三", "四）。六七", "八九十"]
    assert cjk_lines("一二\n三", 5, len) == ["一二", "三"]  # the text's own breaks stay
