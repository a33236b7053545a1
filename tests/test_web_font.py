"""The web pages serve the bundled CJK face, so Chinese never shows as boxes.

A projector laptop without a CJK system font showed every hanzi of the room
view as a box: the PDF embedded the bundled font, the pages relied on the
viewer's.  ``.streamlit/config.toml`` now declares the bundled face (WOFF2
copies in ``static/``, made by ``scripts/make_font.py``).  These checks keep
the declaration, the files and the bundled TrueType faces in step.
"""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from icp.fonts import FAMILY, font_path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
FACES = CONFIG["theme"].get("fontFaces", [])


def test_static_serving_is_on_and_the_theme_font_falls_back_to_the_bundled_face() -> None:
    assert CONFIG["server"]["enableStaticServing"] is True
    families = [f.strip() for f in CONFIG["theme"]["font"].split(",")]
    assert FAMILY in families
    assert families[-1] == "sans-serif"  # the system's face after that
    assert {(f["family"], f["weight"]) for f in FACES} == {(FAMILY, "400"), (FAMILY, "700")}


@pytest.mark.parametrize("face", FACES, ids=lambda f: f["weight"])
def test_each_declared_file_is_the_bundled_face_as_woff2(face: dict) -> None:
    assert face["url"].startswith("app/static/")
    path = ROOT / "static" / face["url"].removeprefix("app/static/")
    assert path.is_file() and not path.is_symlink()  # Streamlit refuses links out of static/
    data = path.read_bytes()
    assert data[:4] == b"wOF2"  # Streamlit declares format("woff2")
    web = TTFont(io.BytesIO(data))
    weight = "bold" if face["weight"] == "700" else "regular"
    bundled = TTFont(font_path(weight))
    assert web["name"].getDebugName(1) == FAMILY
    assert web["OS/2"].usWeightClass == bundled["OS/2"].usWeightClass
    # Same characters as the PDF's face: what the PDF can print, the page can show.
    assert web.getBestCmap() == bundled.getBestCmap()


def test_the_license_travels_with_the_web_copies() -> None:
    text = (ROOT / "static" / "LICENSE-OFL.txt").read_text(encoding="utf-8")
    assert "SIL Open Font License" in text and "woff2" in text
