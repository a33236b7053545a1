"""The bundled CJK font, so Chinese never renders as boxes.

The folder holds ``NotoSansSC-Regular.ttf`` and ``NotoSansSC-Bold.ttf``:
subsets (GB2312 hanzi + CJK punctuation + full-width forms + Latin) of the
"Noto Sans CJK SC" face, made by ``scripts/make_font.py`` and licensed under
the SIL Open Font License (``LICENSE-OFL.txt``).  One face covers Chinese and
English, so charts, word clouds and the PDF need no fallback chain.  The files
are plain TrueType (not a ``.ttc`` collection), which fpdf2 (``add_font``),
wordcloud (``font_path``) and vl-convert (``register_font_directory``) all
accept; TrueType rather than CFF so text in fpdf2's PDFs extracts cleanly with
pypdf (see ``scripts/make_font.py``).  About 2.2 MB per weight.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

__all__ = ["FAMILY", "font_dir", "font_path", "missing_chars"]

#: The family name inside the font files (what Vega / CSS ``font`` must say).
FAMILY = "Noto Sans CJK SC"

_DIR = Path(__file__).resolve().parent
_FILES = {"regular": "NotoSansSC-Regular.ttf", "bold": "NotoSansSC-Bold.ttf"}


def font_dir() -> Path:
    """The folder holding the bundled font files (for ``vl_convert.register_font_directory``)."""
    return _DIR


def font_path(weight: Literal["regular", "bold"] = "regular") -> Path:
    """Path of the bundled ``.ttf`` for ``weight``; every renderer in the product uses it."""
    return _DIR / _FILES[weight]


@cache
def _codepoints() -> frozenset[int]:
    from fontTools.ttLib import TTFont  # lazy: startup speed

    with TTFont(str(font_path()), lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing_chars(text: str) -> set[str]:
    """Characters of ``text`` the bundled font cannot draw (they would show as boxes).

    Lets the report or the UI warn about rare characters outside GB2312
    instead of silently printing empty boxes.  Whitespace is never "missing".
    """
    cps = _codepoints()
    return {c for c in text if not c.isspace() and ord(c) not in cps}
