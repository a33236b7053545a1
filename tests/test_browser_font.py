"""In a browser with no CJK system font (this machine's Chromium has none), the
Chinese pages draw their hanzi with the bundled face the app serves, not boxes."""

from __future__ import annotations

import pytest
from test_browser_journey import idle, new_workspace, open_app, set_language

from icp.fonts import FAMILY

pytestmark = pytest.mark.browser

# Which faces the page actually loaded: the browser fetches a declared face only
# when some text on the page needs a glyph from it.
_LOADED = "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"


def test_chinese_pages_load_the_bundled_face(pg, server) -> None:
    ws = new_workspace(server, "Font zh")
    open_app(pg, server, ws)
    set_language(pg, "zh")
    idle(pg)
    pg.wait_for_function(f"({_LOADED}).includes({FAMILY!r})", polling=100)
    # The hanzi of the sidebar are drawn with it (not a system fallback or a box).
    assert pg.evaluate(f"document.fonts.check('16px \"{FAMILY}\"', '客户画像')")
    fetched = pg.evaluate(
        "performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('/app/static/'))"
    )
    assert any(n.endswith("NotoSansSC-Regular.woff2") for n in fetched)
