"""Every number, share, money amount, year and date as people write them, EN and 简体中文.

One home so the app, the exports and the builders agree on how a value
looks (they used to carry five slightly different copies). Ground floor:
imports nothing from ``icp`` but the language type, so any module may use it.

- ``number``   1,200 / 35 / 1.5 / 0.35 (one decimal from 1 up, two significant below;
  ``digits=3`` for three significant digits below 100)
- ``percent``  a fraction as a share with up to one decimal: 0.325 → "32.5%"
- ``share``    a fraction as a whole percent: 0.35 → "35%" (bars, tables)
- ``compact``  short axis/tile labels: 1.23M / 45.6k (en), 123万 / 1.2亿 (zh)
- ``human``    a number in a sentence: 1,250 / 1.2M (en), 12万 / 1.2亿 (zh)
- ``money``    1,200 / 12.50 (cents only for small amounts)
- ``year``     1996, never "1,996"
- ``value``    picks one of the above for a column (margin → percent, a year column → year)
- ``date``     1 December 2026 (en) / 2026年12月1日 (zh); ``iso_date`` 2026-12-01

Missing values (None, NaN, ±inf) print as ``MISSING`` ("–") unless a caller
asks for something else.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from typing import Any

from icp.i18n import Lang

__all__ = [
    "MISSING",
    "compact",
    "date",
    "human",
    "is_year_column",
    "iso_date",
    "money",
    "number",
    "percent",
    "share",
    "value",
    "year",
]

MISSING = "–"


def _finite(x: Any) -> bool:
    try:
        return x is not None and math.isfinite(float(x))
    except (TypeError, ValueError):
        return False


def number(x: float | None, *, missing: str = MISSING, digits: int | None = None) -> str:
    """A number the way a person writes it: 1,200 / 35 / 0.35 / 1.5.

    ``digits`` keeps that many significant digits below 100 instead
    (``digits=3``: 1.234 → "1.23", 0.1234 → "0.123"), for values a reader
    compares closely (the prospect reasons).
    """
    if not _finite(x):
        return missing
    x = float(x)  # type: ignore[arg-type]
    if abs(x) >= 100 or x.is_integer():
        return f"{x:,.0f}"
    if digits is not None:
        return f"{x:.{digits}g}"
    if abs(x) >= 1:
        return f"{x:,.1f}".rstrip("0").rstrip(".")
    return f"{x:.2g}"


def percent(x: float | None, *, missing: str = MISSING) -> str:
    """A fraction as a person writes a share: 0.35 -> "35%", 0.325 -> "32.5%"."""
    if not _finite(x):
        return missing
    return f"{100 * float(x):.1f}".rstrip("0").rstrip(".") + "%"  # type: ignore[arg-type]


def share(x: float | None, *, missing: str = "—") -> str:
    """A fraction as a whole percent: 0.35 -> "35%" (bars, score tables)."""
    if not _finite(x):
        return missing
    return f"{100 * float(x):.0f}%"  # type: ignore[arg-type]


def compact(v: float, lang: Lang = "en") -> str:
    """1234567 → "1.23M" (en) / "123万" (zh): short labels for bars and tiles."""
    if lang == "zh":
        steps: tuple[tuple[float, str], ...] = ((1e8, "亿"), (1e4, "万"))
    else:
        steps = ((1e9, "B"), (1e6, "M"), (1e4, "k"))
    divisor, suffix = next(((d, s) for d, s in steps if abs(v) >= d), (1.0, ""))
    if suffix == "k":
        divisor = 1e3
    x = v / divisor
    return (f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}") + suffix


def human(x: float | None, lang: Lang = "en") -> str:
    """A short number inside a sentence: 1,250 / 1.2M in English, 1,250 / 12万 / 1.2亿 in Chinese.

    Chinese switches to 万 only from 10万 (a reader says "8,000", not "0.8万").
    """
    if not _finite(x):
        return "—"
    x = float(x)  # type: ignore[arg-type]
    ax = abs(x)
    if lang == "zh":
        if ax >= 1e8:
            return f"{x / 1e8:.3g}亿"
        if ax >= 1e5:
            return f"{x / 1e4:.4g}万"
    elif ax >= 1e6:
        return f"{x / 1e6:.3g}M"
    if ax >= 100 or x.is_integer():
        return f"{round(x):,}"
    return f"{x:.2g}" if ax < 1 else f"{x:.3g}"


def money(v: float | None, *, missing: str = MISSING) -> str:
    """An amount: 1,200 for anything from 100 up, 12.50 below (cents matter there)."""
    if not _finite(v):
        return missing
    v = float(v)  # type: ignore[arg-type]
    return f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.2f}"


def year(x: float | None, *, missing: str = MISSING) -> str:
    """A calendar year: 1996, never "1,996" or "1996.0"."""
    if not _finite(x):
        return missing
    return str(round(float(x)))  # type: ignore[arg-type]


_YEAR_COLUMN = re.compile(
    r"(year|founded|established|since|incorporated|年份|成立|创立|创建|注册年)", re.IGNORECASE
)


def is_year_column(column: str) -> bool:
    """Whether a column's name says it holds calendar years ("Founded", "成立年份")."""
    return bool(_YEAR_COLUMN.search(str(column)))


def value(x: float | None, *, column: str = "", fraction: bool = False) -> str:
    """One value of a numeric column: a share when the column holds fractions
    (margins), a bare year for a year column, else ``number``."""
    if fraction:
        return percent(x)
    if column and is_year_column(column) and _finite(x) and 1000 <= abs(float(x)) < 3000:  # type: ignore[arg-type]
        return year(x)
    return number(x)


def date(d: _dt.date, lang: Lang = "en") -> str:
    """A date in running text: "1 December 2026" / "2026年12月1日"."""
    if lang == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {d.strftime('%B')} {d.year}"


def iso_date(d: _dt.date) -> str:
    """A date in a table cell or a file: 2026-12-01 (sorts and reads the same everywhere)."""
    return d.strftime("%Y-%m-%d")
