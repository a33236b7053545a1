"""Every user-visible string, in English and 简体中文.

Strings live in small catalogue modules next to this file (one per area of
the product, so parallel work never edits the same file).  Each module
defines ``STRINGS = {key: (english, chinese)}``; keys are namespaced by area
(``"load.encrypted"``).  Text is formatted with ``str.format`` placeholders,
which must be the same in both languages (a test checks this).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["LANGS", "Lang", "Msg", "catalog", "has", "t"]

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")


@dataclass(frozen=True)
class Msg:
    """A translatable message: a catalogue key plus its parameters.

    Engine code returns ``Msg`` objects instead of finished strings so the
    UI, the CLI and the PDF can render them in whichever language is chosen.
    """

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: Lang) -> str:
        return t(self.key, lang, **dict(self.params))

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "params": {k: _plain(v) for k, v in self.params.items()}}


def _plain(v: Any) -> Any:
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return str(v)


_CATALOG: dict[str, tuple[str, str]] | None = None


def catalog() -> dict[str, tuple[str, str]]:
    """All strings, merged from the catalogue modules; duplicate keys are a bug."""
    global _CATALOG
    if _CATALOG is None:
        merged: dict[str, tuple[str, str]] = {}
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            mod = importlib.import_module(f"{__name__}.{info.name}")
            for key, pair in getattr(mod, "STRINGS", {}).items():
                if key in merged:
                    raise RuntimeError(f"i18n key {key!r} defined twice ({info.name})")
                merged[key] = pair
        _CATALOG = merged
    return _CATALOG


def has(key: str) -> bool:
    return key in catalog()


def t(key: str | Msg, lang: Lang = "en", /, **params: Any) -> str:
    """The string for ``key`` in ``lang``, formatted with ``params``.

    A missing key returns the key itself (visible, never a crash); the test
    suite makes sure no code path asks for one that does not exist.
    """
    if isinstance(key, Msg):
        params = {**dict(key.params), **params}
        key = key.key
    pair = catalog().get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "zh" else pair[0]
    if not params:
        return text
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text
