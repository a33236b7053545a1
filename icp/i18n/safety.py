"""Strings for saving, concurrent edits, access, the file worker and store errors."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "autosave.merged": (
        "Edited elsewhere — merged: someone else changed this answer at the same time; "
        "both texts are kept above.",
        "其他地方也编辑了此项——已合并：有人同时修改了这个回答，两份文字都保留在上面。",
    ),
}
