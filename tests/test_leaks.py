"""Nothing from a file or a user is rendered as markup, and no download carries a formula."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from icp.xlsx import frame_csv_bytes

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ["![x](http://evil.example/p.png)", "$x^2$", "<img src=x onerror=alert(1)>"]


def test_the_one_escaper_leaves_no_markup():
    from ui.state import plain

    for text in HOSTILE:
        out = plain(text)
        assert "![" not in out  # no image syntax left
        assert "$" not in re.sub(r"\\\$", "", out)  # every $ escaped: no KaTeX
        assert "<" not in re.sub(r"\\<", "", out)  # every < escaped: no HTML


def test_every_csv_download_goes_through_the_formula_safe_helper():
    offenders = [
        f"{p.relative_to(ROOT)}"
        for folder in ("views", "ui")
        for p in (ROOT / folder).rglob("*.py")
        if ".to_csv(" in p.read_text(encoding="utf-8")
    ]
    assert offenders == [], f"write CSV with icp.xlsx.frame_csv_bytes: {offenders}"


def test_formula_safe_csv_keeps_values_but_never_starts_a_formula():
    df = pd.DataFrame(
        {
            "Deal": ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "Acme"],
            "Amount": [1.5, -2.0, 3.0],
        }
    )
    back = pd.read_csv(io.BytesIO(frame_csv_bytes(df)), encoding="utf-8-sig")
    assert back["Deal"].tolist() == [
        '\'=HYPERLINK("http://evil.example","x")',
        "'+cmd|' /C calc'!A0",
        "Acme",
    ]
    assert back["Amount"].tolist() == [1.5, -2.0, 3.0]  # numbers stay numbers


def test_no_page_icon_is_fetched_from_a_font_cdn():
    app = (ROOT / "app.py").read_text(encoding="utf-8")
    assert 'page_icon=":material/' not in app
