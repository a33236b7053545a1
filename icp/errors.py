"""The one exception type users may see: a refusal with a translatable reason.

Anything that stops the user's work because of *their input* (a bad file,
an unusable table, a corrupt workspace export) raises ``InputError`` with a
catalogue key that says what happened and what to do.  The UI shows it in
place of the result; the CLI prints ``error: <message>`` and exits 2.
"""

from __future__ import annotations

from typing import Any

from icp.i18n import Lang, Msg, t

__all__ = ["QUOTE_CHARS", "InputError", "clip"]

QUOTE_CHARS = 200  # the most of a user's text (a header, a cell, a name) a message repeats


def clip(value: object, limit: int = QUOTE_CHARS) -> str:
    """User text as a message may quote it: at most ``limit`` characters (then "…"),
    and always printable — a lone surrogate becomes its ``\\udXXX`` escape instead
    of breaking the page, the terminal or the log that shows the message."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


class InputError(Exception):
    """A refusal the user can act on; text parameters are clipped (``clip``) so a
    45 MB header or a hostile name is never quoted back in full."""

    def __init__(self, key: str, **params: Any) -> None:
        params = {k: clip(v) if isinstance(v, str) else v for k, v in params.items()}
        self.msg = Msg(key, params)
        super().__init__(t(key, "en", **params))

    def message(self, lang: Lang = "en") -> str:
        return self.msg.render(lang)

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled by key and parameters (the file worker sends it across processes),
        # so it still renders in either language on the other side
        return (_rebuild, (self.msg.key, dict(self.msg.params)))


def _rebuild(key: str, params: dict[str, Any]) -> InputError:
    return InputError(key, **params)
