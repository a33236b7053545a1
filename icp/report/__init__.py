"""The ICP summary as PDF, Markdown, JSON and Excel (each returned as bytes or text).

The package is one floor per step of an export: ``summary`` summarises once
(dataset + analysis + answers → ``Summary``), ``images`` draws the charts and
clouds, and ``pdf``, ``markdown``, ``json`` and ``excel`` only lay things out.
Callers import from ``icp.report`` (the names below); the submodules are the
place to change one format.

Customer text is data: the PDF prints it literally (fpdf2 with markdown
off), the Markdown escapes every markup character, and the Excel goes
through ``icp.xlsx`` so no cell can become a formula.  The bundled Noto Sans
CJK SC face is embedded (subset) so Chinese renders as Chinese anywhere.
"""

from __future__ import annotations

from typing import Any

from icp.report.json import json_bytes
from icp.report.markdown import markdown_text, md_escape, sections_markdown
from icp.report.pdf import pdf_bytes, sections_pdf
from icp.report.summary import (
    Appendix,
    Narrative,
    StepBlock,
    Summary,
    best_table,
    rest_mask,
    summarise,
)

__all__ = [
    "Appendix",
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


def __getattr__(name: str) -> Any:
    """The Excel exports, imported when first asked for: they bring ``icp.score`` and
    ``icp.xlsx``, which a PDF, Markdown or JSON export never needs."""
    if name in ("customers_xlsx_bytes", "scored_xlsx_bytes"):
        from icp.report import excel  # lazy: startup speed (the report CLI writes a PDF)

        return getattr(excel, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
