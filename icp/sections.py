"""Plain report sections: what the portraits add to the exports, as data.

The customer card, a saved group comparison and the competitor view each
turn themselves into a few ``Section`` objects; ``icp.report`` renders any
list of them as Markdown or PDF (``sections_markdown``, ``sections_pdf``,
and the extra part of the ICP report).  Summarise once, render many times:
the renderers never see a data set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

__all__ = ["Block", "Section"]


@dataclass
class Block:
    """One piece of a section: a sub-heading, a paragraph, a bullet, a note, a table or an image.

    ``text`` is customer data or finished sentences (the renderers escape it);
    ``table`` has translated headers; ``image`` is PNG bytes.
    """

    kind: Literal["h2", "para", "bullet", "good", "bad", "note", "table", "image"]
    text: str = ""
    table: pd.DataFrame | None = None
    image: bytes | None = None


@dataclass
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)

    def add(self, kind: str, text: str = "", **kw) -> Section:
        self.blocks.append(Block(kind, text, **kw))  # type: ignore[arg-type]
        return self
