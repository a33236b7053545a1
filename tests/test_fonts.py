"""The bundled CJK font: present, a single face (not a collection), covering
Chinese and English, small enough to ship, licensed, and usable by fpdf2."""

from __future__ import annotations

import io

import pytest
from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

from icp.fonts import FAMILY, font_dir, font_path, missing_chars

SAMPLES = "理想客户画像，决策人（CTO）：制造业、华东。Ideal customer profile 2024 – “best” 100%"


def _gb2312_hanzi() -> str:
    """Rows 0xB0-0xF7 of GB2312: level-1 and level-2 hanzi (a few cells are unassigned)."""
    raw = bytes(b for hi in range(0xB0, 0xF8) for lo in range(0xA1, 0xFF) for b in (hi, lo))
    return raw.decode("gb2312", errors="ignore")


@pytest.fixture(scope="module", params=["regular", "bold"])
def font(request) -> TTFont:
    path = font_path(request.param)
    with TTFont(str(path)) as f:
        yield f


def test_font_files_are_single_faces_of_reasonable_size():
    for weight in ("regular", "bold"):
        path = font_path(weight)
        assert path.is_file(), path
        head = path.read_bytes()[:4]
        assert head != b"ttcf", "a .ttc collection is not accepted by fpdf2 / vl-convert"
        assert head == b"\x00\x01\x00\x00"  # TrueType outlines (see scripts/make_font.py)
        assert path.stat().st_size < 5_000_000
    assert font_path().parent == font_dir()


def test_license_ships_with_the_font():
    text = (font_dir() / "LICENSE-OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in text
    assert "Adobe" in text  # the copyright notice travels with the font


def test_family_name_matches_what_charts_ask_for(font: TTFont):
    assert font["name"].getDebugName(1).startswith(FAMILY)


def test_chinese_and_english_glyphs_are_real_outlines(font: TTFont):
    cmap = font.getBestCmap()
    glyphs = font.getGlyphSet()
    notdef = BoundsPen(glyphs)
    glyphs[".notdef"].draw(notdef)
    for ch in SAMPLES:
        if ch.isspace():
            continue
        assert ord(ch) in cmap, f"{ch!r} missing"
        name = cmap[ord(ch)]
        assert name != ".notdef"
        pen = BoundsPen(glyphs)
        glyphs[name].draw(pen)
        assert pen.bounds is not None, f"{ch!r} has no outline"
        assert pen.bounds != notdef.bounds or ch in ".-"


def test_every_gb2312_hanzi_is_covered():
    hanzi = _gb2312_hanzi()
    assert len(hanzi) == 6763
    assert missing_chars(hanzi) == set()


def test_missing_chars_reports_what_would_be_boxes():
    assert missing_chars("客户 Customer ，。") == set()
    assert missing_chars("한국 客户") == {"한", "국"}


def test_fpdf2_embeds_the_font_and_the_text_extracts_back():
    from fpdf import FPDF
    from pypdf import PdfReader

    pdf = FPDF()
    pdf.add_font("noto", "", str(font_path()))
    pdf.add_font("noto", "B", str(font_path("bold")))
    pdf.add_page()
    pdf.set_font("noto", "B", 18)
    pdf.cell(text="理想客户画像")
    pdf.ln()
    pdf.set_font("noto", "", 12)
    pdf.cell(text="Ideal customer profile")
    text = PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0].extract_text()
    assert "理想客户画像" in text
    assert "Ideal customer profile" in text
