"""A 3,000-character customer name does not break the PDF: table cells end in "…"."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from icp import analysis, report
from icp.dataset import open_dataset
from icp.model import Settings
from icp.report.pdf import CELL_LINES


def test_a_very_long_customer_name_is_cut_with_an_ellipsis_in_the_pdf():
    long_name = "Very Long Holdings " + "and Partners " * 230  # ~3,000 characters
    rows = [f"{long_name},900000,Retail"] + [
        f"Firm {i},{1000 + i * 37},{('Retail', 'Bank', 'Energy')[i % 3]}" for i in range(60)
    ]
    data = ("Company,Revenue,Industry\n" + "\n".join(rows) + "\n").encode()
    ds = open_dataset(data, filename="long.csv")
    result = analysis.run(ds, Settings())
    assert long_name.strip() in set(result.ranking.table["name"])  # it is among the best

    pdf = report.pdf_bytes(report.summarise(ds, result, answers={}, lang="en"))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    flat = " ".join(text.split())
    assert "Very Long Holdings and Partners" in flat and "…" in flat
    assert re.search(r"(Partners|and) ?\w*…", flat)  # the table cell is cut (prose may wrap it all)
    assert CELL_LINES < 40
