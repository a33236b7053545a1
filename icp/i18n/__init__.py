"""Every user-visible string, in English and 简体中文.

Strings live in small catalogue modules next to this file (one per area of
the product, so parallel work never edits the same file).  Each module
defines ``STRINGS = {key: (english, chinese)}``; keys are namespaced by area
(``"load.encrypted"``).  Text is formatted with ``str.format`` placeholders,
which must be the same in both languages (a test checks this).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "LANGS",
    "Lang",
    "MissingString",
    "Msg",
    "catalog",
    "cell_label",
    "column_label",
    "glue",
    "has",
    "strict",
    "t",
]

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


class MissingString(LookupError):
    """Raised in strict mode (tests) for a key that is not in the catalogue or
    a placeholder that was not given a value."""


def strict() -> bool:
    """Whether a missing key or placeholder raises instead of showing the key.

    Off for users (a raw key on screen beats a crash); the test suite turns it
    on with ``ICP_STRICT_I18N=1`` so no code path can ask for a string that
    does not exist or forget a parameter.
    """
    return os.environ.get("ICP_STRICT_I18N", "") not in ("", "0")


class _Formatter(string.Formatter):
    """``str.format`` plus two specs for counted nouns (English needs them, Chinese does not).

    ``{n:count:customer|customers}`` writes the number with thousands
    separators and the singular or plural noun ("1 customer", "1,234
    customers"); ``{n:plural:is|are}`` writes only the word.  A number passed
    pre-formatted ("1,234") is read back to choose.  Chinese strings simply
    write ``{n} 个客户``.
    """

    def format_field(self, value: Any, format_spec: str) -> str:
        kind, _, forms = format_spec.partition(":")
        if kind not in ("count", "plural") or not forms:
            return super().format_field(value, format_spec)
        one, _, many = forms.partition("|")
        try:
            n: float | None = float(str(value).replace(",", ""))
        except ValueError:
            n = None
        word = one if n == 1 else (many or one)
        if kind == "plural":
            return word
        shown = f"{n:,.0f}" if n is not None and n.is_integer() else str(value)
        return f"{shown} {word}"


_FORMAT = _Formatter()


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _wordy(value: str) -> bool:
    """A value that holds a Latin word ("Industry", "Customer 1"), not only a number: the
    catalogue spaces its own numbers, and a few write one on purpose without ("第{n}列",
    a column name the data set keeps)."""
    return any(c.isascii() and c.isalpha() for c in value)


def _data_number(value: str) -> bool:
    """Text from the data that starts with an ASCII digit ("1", "0（152）", "50-100人")."""
    return value[0].isascii() and value[0].isdigit()


def glue(*parts: str) -> str:
    """``parts`` joined, with a space where a Chinese character meets a Latin letter or
    digit at a seam ("Customer 1" + "和" + "Customer 2" → "Customer 1 和 Customer 2")."""
    out = ""
    for part in parts:
        if (
            out
            and part
            and ((_han(out[-1]) and _latin(part[0])) or (_latin(out[-1]) and _han(part[0])))
        ):
            out += " "
        out += part
    return out


def _spaced(text: str, params: dict[str, Any]) -> str:
    """``text`` formatted with a space where a value holding Latin words begins or ends
    in a Latin letter or digit right beside a Chinese character ("的 Industry 为").

    Chinese typesetting puts a space between hanzi and Latin words; the catalogue
    writes one around its own numbers, but a column name or a value from the user's
    file ("Industry", "Banking") is not known when the sentence is written.  Only the
    seams between the template and such a value are touched, never a value itself.
    """
    parts = list(_FORMAT.parse(text))
    if any(spec and "{" in spec for _, _, spec, _ in parts):  # a nested field: as str.format
        return _FORMAT.format(text, **params)
    out: list[str] = []
    latin_end = False  # the last value holds Latin words and ends in a letter or digit
    for literal, name, spec, conversion in parts:
        if literal:
            out.append(" " + literal if latin_end and _han(literal[0]) else literal)
            latin_end = False
        if name is None:
            continue
        raw, _ = _FORMAT.get_field(name, (), params)
        value = _FORMAT.format_field(_FORMAT.convert_field(raw, conversion), spec or "")
        if not value:
            continue
        # a value from the data that is a number ("1" as a good value) is spaced like one
        wordy = _wordy(value) or (isinstance(raw, str) and _data_number(value))
        if wordy and out and out[-1] and _han(out[-1][-1]) and _latin(value[0]):
            value = " " + value
        latin_end = wordy and _latin(value[-1])
        out.append(value)
    return "".join(out)


_APP_COLUMNS: dict[str, str] | None = None


def _app_columns() -> dict[str, str]:
    """Names of the columns the join creates, in both languages -> their catalogue key."""
    global _APP_COLUMNS
    if _APP_COLUMNS is None:
        found: dict[str, str] = {}
        for key, pair in catalog().items():
            if key.startswith("join.col.") and key != "join.col.from_deals":
                for text in pair:
                    found[text] = key
        _APP_COLUMNS = found
    return _APP_COLUMNS


def column_label(name: Any, lang: Lang) -> str:
    """A column name as the reader of ``lang`` should see it.

    Columns the app creates when it joins deals ("Won value", "赢单金额",
    "Sales cycle (days)", "Deals (deals)") are named in the data's language;
    shown in the other language they are translated like any string.  The
    user's own column names are returned unchanged.
    """
    columns = _app_columns()
    text = str(name)
    key = columns.get(text)
    if key is not None:
        return t(key, lang)
    for suffix in (" (deals)", "（商机）"):
        if text.endswith(suffix) and text[: -len(suffix)] in columns:
            inner = t(columns[text[: -len(suffix)]], lang)
            return t("join.col.from_deals", lang, name=inner)
    return text


def t(key: str | Msg, lang: Lang = "en", /, **params: Any) -> str:
    """The string for ``key`` in ``lang``, formatted with ``params``.

    A missing key returns the key itself and a missing placeholder leaves the
    text unformatted (visible, never a crash); in strict mode (the test
    suite, see ``strict``) both raise ``MissingString``.
    A ``column`` parameter naming a column the app created is shown in
    ``lang`` (``column_label``), and so is a ``value`` of it (``cell_label``).
    A parameter with a ``render(lang)`` method is rendered in ``lang`` first.
    """
    if isinstance(key, Msg):
        params = {**dict(key.params), **params}
        key = key.key
    pair = catalog().get(key)
    if pair is None:
        if strict():
            raise MissingString(f"i18n key {key!r} is not in the catalogue")
        return key
    text = pair[1] if lang == "zh" else pair[0]
    if not params and "{" not in text:
        return text
    if isinstance(params.get("column"), str):
        if isinstance(params.get("value"), str):
            params["value"] = cell_label(params["column"], params["value"], lang)
        params["column"] = column_label(params["column"], lang)
    # a parameter that renders itself (a nested Msg, a number formatted by icp.fmt) is
    # written in the same language as the sentence around it
    params = {
        k: v.render(lang) if callable(getattr(v, "render", None)) else v for k, v in params.items()
    }
    try:
        if lang == "zh":
            return _spaced(text, params)
        return _FORMAT.format(text, **params)
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        if strict():
            raise MissingString(
                f"i18n key {key!r} ({lang}): {exc!r} with {sorted(params)}"
            ) from exc
        return text


_APP_VALUES: dict[str, str] | None = None


def cell_label(column: Any, value: Any, lang: Lang) -> str:
    """A value of ``column`` as the reader of ``lang`` should see it.

    The outcome the app writes when it joins deals ("Won" / "已签约", "Open",
    "Not won" …) is in the data's language; in a column the app created it is
    translated like the column name.  The user's own values are returned unchanged.
    """
    global _APP_VALUES
    text = str(value)
    if str(column) not in _app_columns():
        return text
    if _APP_VALUES is None:
        _APP_VALUES = {
            s: key
            for key, pair in catalog().items()
            if key.startswith("join.outcome.")
            for s in pair
        }
    key = _APP_VALUES.get(text)
    return t(key, lang) if key is not None else text
