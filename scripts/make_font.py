"""Rebuild the bundled CJK font in ``icp/fonts/`` from Debian's fonts-noto-cjk.

The repository ships a small subset of the "Noto Sans CJK SC" face so that
charts, word clouds and PDFs render Chinese (and English) on machines with no
CJK font installed (CI, a fresh laptop).  This script documents exactly how
that file was made; run it only on a machine with ``fonts-noto-cjk``:

    sudo apt-get install fonts-noto-cjk
    python scripts/make_font.py            # writes icp/fonts/NotoSansSC-*.ttf
    python scripts/make_font.py --web-only # static/*.woff2 from those (needs: pip install brotli)

Steps: open the ``.ttc`` collection with fontTools' ``TTCollection``, take the
face whose family is "Noto Sans CJK SC", subset it with ``fontTools.subset``
to GB2312 (all 6,763 hanzi plus its symbols) + CJK punctuation + full-width
forms + Latin / Latin-1 / general punctuation, convert the CFF (cubic)
outlines to TrueType (quadratic, ``cu2qu``) and save a plain ``.ttf`` that
fpdf2, wordcloud (FreeType via Pillow) and vl-convert all accept — a ``.ttc``
is not accepted.  The SIL Open Font License text is written next to it.

Why TrueType and not the original CFF: fpdf2 embeds a CFF font with a custom
CMap encoding that pypdf cannot decode (extracted text comes out as
"\\x00理\\x00想…"), which would break every "the PDF contains the Chinese
title" check; with ``glyf`` outlines fpdf2 uses Identity-H and text extracts
cleanly.  The cost is ~10% in size (2.2 MB instead of 1.9 MB per weight).

The same faces, compressed as WOFF2 (~1 MB per weight), go to ``static/`` for
the web pages (``.streamlit/config.toml``'s ``[[theme.fontFaces]]``): a projector
laptop without a CJK font would otherwise show Chinese as boxes.  They are
copies, not links, because Streamlit refuses to serve a link out of ``static/``.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "icp" / "fonts"
WEB_DIR = ROOT / "static"
SRC_DIR = Path("/usr/share/fonts/opentype/noto")
COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")
FAMILY = "Noto Sans CJK SC"
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}

# Unicode ranges kept in addition to GB2312 (inclusive).
RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x0100, 0x017F),  # Latin Extended-A (names such as Łódź, Dvořák)
    (0x2000, 0x206F),  # General Punctuation (– — ‘ ’ “ ” … ‰)
    (0x20A0, 0x20BF),  # Currency symbols (€ ₹ …)
    (0x2100, 0x214F),  # Letterlike (™ №)
    (0x2190, 0x21FF),  # Arrows (↑ ↓ → used in charts/exports)
    (0x2200, 0x22FF),  # Math operators (≤ ≥ ≈ ×)
    (0x25A0, 0x25FF),  # Geometric shapes (■ ● ▲)
    (0x2600, 0x26FF),  # Misc symbols (★ ☆ ✓ lives at 2713)
    (0x2713, 0x2717),  # ✓ ✔ ✕ ✖ ✗
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)

# Common simplified characters outside GB2312 (names, brands, modern words).
EXTRA_HANZI = "啰喆堃珺昇昀玥琇彧钰瑀祎婧旻炜浛骞栢湉淏焓甦翀犇垚淼焱鑫"


def gb2312_chars() -> set[str]:
    """Every character GB2312 encodes (hanzi levels 1 and 2 plus symbol rows)."""
    chars: set[str] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def wanted_codepoints() -> list[int]:
    cps = {ord(c) for c in gb2312_chars()} | {ord(c) for c in EXTRA_HANZI}
    for lo, hi in RANGES:
        cps.update(range(lo, hi + 1))
    return sorted(cps)


def sc_face(ttc_path: Path) -> TTFont:
    """The "Noto Sans CJK SC" font out of a Noto CJK collection."""
    collection = TTCollection(str(ttc_path), lazy=False)
    for font in collection.fonts:
        if font["name"].getDebugName(1) == FAMILY:
            return font
    raise SystemExit(f"{FAMILY!r} not found in {ttc_path}")


def make(weight: str, *, src_dir: Path = SRC_DIR, out_dir: Path = OUT_DIR) -> Path:
    font = sc_face(src_dir / WEIGHTS[weight])
    options = subset.Options()
    # Horizontal text only.  "aalt", "vert" and above all "locl" (the Japanese, Korean and
    # Traditional forms of each hanzi) would pull in ~6,000 glyphs the SC face never shows.
    options.layout_features = ["kern", "liga", "ccmp", "calt", "mark", "mkmk", "palt"]
    options.name_IDs = ["*"]  # keep copyright + license notices (OFL condition 2)
    options.name_languages = ["*"]
    options.notdef_outline = True  # a visible .notdef, so a missing glyph is noticed
    options.desubroutinize = False
    options.hinting = True
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=wanted_codepoints())
    subsetter.subset(font)
    _cff_to_glyf(font)
    out = out_dir / f"NotoSansSC-{weight}.ttf"
    font.save(str(out))
    return out


def make_web(weight: str, *, src_dir: Path = OUT_DIR, out_dir: Path = WEB_DIR) -> Path:
    """The bundled face as WOFF2 for the browser (same glyphs, Brotli-compressed)."""
    font = TTFont(str(src_dir / f"NotoSansSC-{weight}.ttf"))
    font.flavor = "woff2"
    out = out_dir / f"NotoSansSC-{weight}.woff2"
    font.save(str(out))
    return out


def _cff_to_glyf(font: TTFont, *, max_err: float = 1.0) -> None:
    """Replace CFF outlines by TrueType ones (max 1 font unit of error per curve)."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # CFF contours run counter-clockwise, TrueType ones clockwise.
        glyphs[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    font["head"].indexToLocFormat = 0
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0  # no glyph names: smaller, and CID fonts have none anyway
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font.sfntVersion = "\x00\x01\x00\x00"


def write_license(out_dir: Path = OUT_DIR) -> Path:
    """Copy the SIL OFL 1.1 text (and the font's copyright line) from Debian's copyright file."""
    text = COPYRIGHT.read_text(encoding="utf-8")
    # The stand-alone "License: SIL-1.1" paragraph (not the field inside "Files: *").
    match = re.search(r"\n\nLicense: SIL-1.1\n(.*?)(?=\n\nLicense: |\Z)", text, flags=re.S)
    if not match:
        raise SystemExit("SIL OFL text not found in " + str(COPYRIGHT))
    body = []
    for line in match.group(1).splitlines():
        line = line[1:] if line.startswith(" ") else line
        body.append("" if line == "." else line)
    header = (
        "NotoSansSC-Regular.ttf and NotoSansSC-Bold.ttf in this folder are subsets of the\n"
        '"Noto Sans CJK SC" face of Noto Sans CJK (https://github.com/notofonts/noto-cjk),\n'
        "made by scripts/make_font.py from Debian's fonts-noto-cjk package\n"
        "(glyphs limited to GB2312 + Latin, outlines converted from CFF to TrueType).\n\n"
        "Copyright © 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.\n"
        "Noto is a trademark of Google Inc.\n\n"
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
        "This license is copied below, and is also available with a FAQ at:\n"
        "https://openfontlicense.org\n\n"
    )
    out = out_dir / "LICENSE-OFL.txt"
    out.write_text(header + "\n".join(body).strip() + "\n", encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weights", nargs="+", default=list(WEIGHTS), choices=list(WEIGHTS))
    parser.add_argument(
        "--web-only", action="store_true", help="only rewrite static/*.woff2 from icp/fonts"
    )
    args = parser.parse_args()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    WEB_DIR.mkdir(parents=True, exist_ok=True)
    for weight in args.weights:
        outs = [make(weight)] if not args.web_only else []
        for out in [*outs, make_web(weight)]:
            print(f"{out.relative_to(ROOT)}: {out.stat().st_size / 1e6:.2f} MB")
    if not args.web_only:
        print(write_license().relative_to(ROOT))
    license_copy = WEB_DIR / "LICENSE-OFL.txt"
    note = (
        "NotoSansSC-Regular.woff2 and NotoSansSC-Bold.woff2 in this folder are the files of\n"
        "icp/fonts/ compressed as WOFF2 for the web pages; everything below applies to them.\n\n"
    )
    license_copy.write_text(note + (OUT_DIR / "LICENSE-OFL.txt").read_text("utf-8"), "utf-8")
    print(license_copy.relative_to(ROOT))


if __name__ == "__main__":
    main()
