"""The one exception type users may see: a refusal with a translatable reason.

Anything that stops the user's work because of *their input* (a bad file,
an unusable table, a corrupt workspace export) raises ``InputError`` with a
catalogue key that says what happened and what to do.  The UI shows it in
place of the result; the CLI prints ``error: <message>`` and exits 2.
"""

from __future__ import annotations

from typing import Any

from icp.i18n import Lang, Msg, t

__all__ = ["InputError"]


class InputError(Exception):
    def __init__(self, key: str, **params: Any) -> None:
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
