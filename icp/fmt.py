"""Every number, share, money amount, year and date as people write them, EN and 简体中文.

One home so the app, the exports and the builders agree on how a value
looks (they used to carry five slightly different copies). Ground floor:
imports nothing from ``icp`` but the language type and the cell readers' period
suffix (``icp.parse``, also on the ground floor), so any module may use it.

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
from dataclasses import dataclass
from typing import Any

from icp.i18n import Lang, t
from icp.parse import drop_period

__all__ = [
    "MISSING",
    "Num",
    "Span",
    "amount",
    "axis_format",
    "column_kind",
    "compact",
    "currency_of",
    "date",
    "human",
    "interval",
    "is_year_column",
    "iso_date",
    "money",
    "number",
    "percent",
    "share",
    "value",
    "with_unit",
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


# ---------------------------------------------------------------- findings (issue 13)

_PREFIX = ("US$", "$", "€", "£", "¥", "￥", "人民币")
_SUFFIX = ("万元", "美元", "元", "€")  # "76.000,00 €": the euro written after, as in Europe
# ISO codes as CRM reports write amounts ("USD 12,000.00", "12.000,00 EUR"): the mark they stand for
_CODE = re.compile(r"^(USD|EUR|GBP|CNY|RMB)\s*[\d.,(+-]|[\d.)]\s*(USD|EUR|GBP|CNY|RMB)$", re.I)
_CODE_MARK = {"USD": "$", "EUR": "€", "GBP": "£", "CNY": "¥", "RMB": "¥"}
# marks written another way: the one the sentences use
_SAME_MARK = {"US$": "$", "￥": "¥", "万元": "元", "美元": "$", "人民币": "元"}


def currency_of(cells: Any) -> str | None:
    """The currency mark most money cells of a column carry ("$", "€", "£", "¥", "元"; an ISO
    code such as "USD 12,000.00" counts as its mark), or None when fewer than 30% carry one.
    Read from the raw cells before cleaning."""
    counts: dict[str, int] = {}
    n = 0
    for cell in cells:
        if not isinstance(cell, str):
            if cell is not None and cell == cell:
                n += 1
            continue
        s = drop_period(cell.strip())  # "1.2万元/年": the mark before the period
        if not s:
            continue
        n += 1
        mark = next((p for p in _PREFIX if s.startswith(p)), None)
        if mark is None:
            mark = next((x for x in _SUFFIX if s.endswith(x)), None)
        if mark is None and (code := _CODE.search(s)):
            mark = _CODE_MARK[(code.group(1) or code.group(2)).upper()]
        if mark is not None:
            mark = _SAME_MARK.get(mark, mark)
            counts[mark] = counts.get(mark, 0) + 1
    if not counts or n == 0:
        return None
    mark, k = max(counts.items(), key=lambda kv: kv[1])
    return mark if k >= 0.3 * n else None


def _scale(v: float, lang: Lang) -> tuple[float, str]:
    av = abs(v)
    if lang == "zh":
        if av >= 1e8:
            return 1e8, "亿"
        if av >= 1e5:
            return 1e4, "万"
    elif av >= 1e6:
        return 1e6, "M"
    return 1.0, ""


def _scaled(x: float, divisor: float, suffix: str) -> str:
    if divisor == 1.0:
        return number(x)
    v = x / divisor
    return (f"{v:.0f}" if abs(v) >= 100 else f"{v:.3g}") + suffix


# in a Chinese amount (16.1万) a foreign currency is said after it, as 元 is: "16.1万美元"
_AFTER_WAN = {"元": "元", "$": "美元", "€": "欧元", "£": "英镑"}


def _unit_after(text: str, unit: str) -> bool:
    return unit == "元" or (unit in _AFTER_WAN and text.endswith(("万", "亿")))


def with_unit(text: str, unit: str | None) -> str:
    """``text`` with its currency: "$76,450", "16.7万元", "16.1万美元" (never "$16.1万")."""
    if not unit:
        return text
    if _unit_after(text, unit):
        return f"{text}{_AFTER_WAN[unit]}"
    return f"{unit}{text}"


def amount(x: float | None, *, unit: str | None, lang: Lang = "en") -> str:
    """A money amount in a sentence, with its currency: "$76,450", "$1.2M", "16.7万元"."""
    if not _finite(x):
        return MISSING
    return with_unit(human(x, lang), unit)


def column_kind(column: str, *, fraction: bool, values: list[float]) -> str:
    """How a numeric column's values read: "percent" (fractions such as margins), "year",
    or "number"."""
    vals = [float(v) for v in values if _finite(v)]
    if fraction and all(abs(v) <= 1.5 for v in vals):
        return "percent"
    if is_year_column(column) and vals and all(1000 <= abs(v) < 3000 for v in vals):
        return "year"
    return "number"


def axis_format(*, percent: bool = False, year: bool = False, largest: float = 0.0) -> str:
    """d3 format of a chart axis: "70%" for shares, "1996" for years, "12k" only from
    10,000 (a small fraction never reads "700m")."""
    if percent:
        return ".0%"
    if year:
        return "d"
    return "~s" if abs(largest) >= 1e4 else ",~g"


@dataclass(frozen=True)
class Num:
    """One value of a column, rendered in the sentence's language (``icp.i18n.t`` calls
    ``render``): a share, a year, money with its currency, or a plain number."""

    x: float
    kind: str = "number"  # "number" | "percent" | "year"
    unit: str | None = None
    ref: float | None = None  # write on the scale of this value (a pair of medians alike)

    def render(self, lang: Lang) -> str:
        if self.kind == "percent":
            return percent(self.x)
        if self.kind == "year":
            return year(self.x)
        if self.ref is not None and _finite(self.x) and _finite(self.ref):
            divisor, suffix = _scale(max(abs(self.ref), abs(self.x)), lang)
            return with_unit(_scaled(self.x, divisor, suffix), self.unit)
        return with_unit(human(self.x, lang), self.unit)

    def __str__(self) -> str:
        return self.render("en")


@dataclass(frozen=True)
class Span:
    """A band of a column: "100–300", "$40k–$100k" with one scale for both ends ("4万–10万",
    never "40,000–10万"), "300 or more" when it has no upper end."""

    low: float
    high: float
    open_high: bool = False
    kind: str = "number"
    unit: str | None = None

    def render(self, lang: Lang) -> str:
        if self.open_high:
            return t("fmt.or_more", lang, value=Num(self.low, self.kind, self.unit).render(lang))
        if self.kind in ("percent", "year"):
            a, b = Num(self.low, self.kind).render(lang), Num(self.high, self.kind).render(lang)
        else:
            divisor, suffix = _scale(max(abs(self.low), abs(self.high)), lang)
            a, b = _scaled(self.low, divisor, suffix), _scaled(self.high, divisor, suffix)
            if self.unit and _unit_after(b, self.unit):  # once, at the end: "4万–10万元"
                return with_unit(a if a == b else f"{a}–{b}", self.unit)
            a, b = with_unit(a, self.unit), with_unit(b, self.unit)
        return a if a == b else f"{a}–{b}"

    def __str__(self) -> str:
        return self.render("en")


def interval(low: float, high: float) -> str:
    """A 95% interval of a share in words: "60–98%"."""
    if not (_finite(low) and _finite(high)):
        return MISSING
    return f"{round(100 * float(low))}–{round(100 * float(high))}%"
