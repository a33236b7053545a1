"""Every string exists in both languages, with the same placeholders, and every
key the code asks for is in the catalogue (so no user ever sees a raw key)."""

from __future__ import annotations

import re
import string
from pathlib import Path

from icp.i18n import Msg, catalog, t

ROOT = Path(__file__).resolve().parent.parent
# Literal keys passed to the translation helpers anywhere in the product code.
_CALL = re.compile(
    r"""\b(?:tr|t|Msg|InputError|_t|_msg)\(\s*["']([a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+)["']"""
)


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_string_has_both_languages_and_same_placeholders():
    cat = catalog()
    assert len(cat) > 50
    for key, (en, zh) in cat.items():
        assert en.strip() and zh.strip(), key
        assert _fields(en) == _fields(zh), key


def test_every_literal_key_used_in_code_exists():
    cat = catalog()
    missing = []
    files = [ROOT / "app.py", *ROOT.glob("views/*.py"), *ROOT.glob("ui/*.py")]
    files += [p for p in ROOT.glob("icp/**/*.py") if "i18n" not in p.parts]
    for path in files:
        for key in _CALL.findall(path.read_text(encoding="utf-8")):
            if key not in cat:
                missing.append(f"{path.relative_to(ROOT)}: {key}")
    assert not missing, "\n".join(missing)


def test_chinese_is_chinese_and_params_are_filled():
    assert t("app.title", "zh") == "ICP 工作台"
    assert t(Msg("cli.bad_top", {"top": 0}), "zh") == "--top 必须在 1 到 1000 之间（当前为 0）"
    assert t("no.such.key", "en") == "no.such.key"
