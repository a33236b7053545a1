"""Altair charts of the analysis, in English or Chinese, readable on a projector.

Each builder takes plain data (the dataclasses of ``icp.analysis`` or a
DataFrame) and returns an Altair chart object; the caller decides whether to
show it (``st.altair_chart``) or rasterise it (``to_png`` for the PDF).
Design rules shared by all charts:

* every title, axis, legend and tooltip label goes through ``icp.i18n``;
* colour-blind-safe Okabe-Ito colours (best / won = blue, rest / not won =
  orange), and never colour alone: values are printed on the bars and the
  groups are in the legend, on the axis or in a different marker shape;
* ``big=True`` (projector mode) doubles the type and widens the chart;
* charts carry no top-level ``configure_*`` so callers can still concatenate
  them; ``to_png`` adds the bundled CJK font so Chinese never renders as boxes;
* empty input gives a small "no data" chart (or ``None`` where the signature
  says so), never an exception.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import pandas as pd

from icp import fmt
from icp.fonts import FAMILY, font_dir
from icp.i18n import Lang, t
from icp.lazy import lazy_module
from icp.model import CRITERIA, Kpi, NumericTrait, Ranking, Trait
from icp.wording import kept_key

if TYPE_CHECKING:
    import altair as alt
else:  # altair (+ jinja2, jsonschema) is ~0.7 s to import: only a page that draws pays
    alt = lazy_module("altair")  # lazy: startup speed

__all__ = [
    "BLUE",
    "ORANGE",
    "PALETTE",
    "kpi_bars",
    "numeric_ranges",
    "score_bars",
    "to_png",
    "trait_bars",
    "value_bars",
]

# Okabe-Ito, the palette designed to stay distinct for the common colour-vision deficiencies.
BLUE = "#0072B2"
ORANGE = "#E69F00"
PALETTE: tuple[str, ...] = (
    BLUE,
    ORANGE,
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",
)
_GREY = "#555555"


@dataclass(frozen=True)
class _Style:
    width: int
    step: int  # height of one bar row
    label: int  # axis / legend / header label size
    axis_title: int
    title: int
    subtitle: int
    text: int  # numbers printed on bars
    label_limit: int  # px before long axis labels are cut with "…"
    point: int  # marker area


_NORMAL = _Style(520, 26, 13, 14, 18, 13, 13, 260, 120)
_BIG = _Style(900, 46, 22, 24, 34, 22, 22, 460, 360)


def _style(big: bool) -> _Style:
    return _BIG if big else _NORMAL


def _title(text: str, st: _Style, subtitle: str | None = None) -> alt.TitleParams:
    return alt.TitleParams(
        text=text,
        subtitle=subtitle or "",
        fontSize=st.title,
        subtitleFontSize=st.subtitle,
        subtitleColor=_GREY,
        anchor="start",
        offset=10,
    )


def _axis(st: _Style, **kw) -> alt.Axis:
    return alt.Axis(
        labelFontSize=st.label,
        titleFontSize=st.axis_title,
        labelLimit=st.label_limit,
        **kw,
    )


def _group_color(best: str, rest: str, st: _Style) -> alt.Color:
    """Best in blue, rest in orange (Okabe-Ito), with the shared legend style."""
    return alt.Color(
        "group:N", scale=alt.Scale(domain=[best, rest], range=[BLUE, ORANGE]), legend=_legend(st)
    )


def _legend(st: _Style, title: str | None = None) -> alt.Legend:
    return alt.Legend(
        title=title,
        orient="top",
        labelFontSize=st.label,
        titleFontSize=st.axis_title,
        symbolSize=st.point,
    )


def _groups(lang: Lang, outcome: bool, kept: bool = False) -> tuple[str, str]:
    if outcome:
        return t(kept_key("common.won", kept), lang), t(kept_key("common.not_won", kept), lang)
    return t("common.best", lang), t("common.rest", lang)


def _no_data(lang: Lang, title: alt.TitleParams, st: _Style) -> alt.Chart:
    """A valid, readable chart that says there is nothing to draw."""
    df = pd.DataFrame({"msg": [t("charts.no_data", lang)]})
    return (
        alt.Chart(df)
        .mark_text(fontSize=st.text + 2, color=_GREY)
        .encode(text="msg:N")
        .properties(width=st.width, height=st.step * 4, title=title)
    )


def _unique(labels: Sequence[str]) -> list[str]:
    """Make axis labels unique (Vega merges equal categories into one row)."""
    seen: dict[str, int] = {}
    out = []
    for label in labels:
        n = seen.get(label, 0)
        seen[label] = n + 1
        out.append(label if n == 0 else f"{label} ({n + 1})")
    return out


def _fmt_kpi(key: str, v: float, lang: Lang) -> str:
    if key == "ltv_cac":
        return f"{v:.1f}×"
    if key == "sales_cycle_days":
        return t("charts.unit.days", lang, value=f"{v:.0f}")
    return fmt.compact(v, lang)


def _finite(v: float | None) -> bool:
    return v is not None and isinstance(v, (int, float)) and math.isfinite(v)


# ---------------------------------------------------------------- traits


def trait_bars(
    traits: list[Trait],
    *,
    lang: Lang = "en",
    top: int = 12,
    outcome: bool = False,
    kept: bool = False,
    big: bool = False,
) -> alt.LayerChart | alt.Chart:
    """Diverging bars, one row per "column = value" trait, in the order given.

    The best (or won) share extends to the right in blue, the rest share to
    the left in orange, each labelled with its percentage — the shape of the
    commonalities at a glance, readable without colour.
    """
    st = _style(big)
    key = kept_key("charts.traits.title_outcome", kept) if outcome else "charts.traits.title"
    sub = kept_key("charts.traits.subtitle_outcome", kept) if outcome else "charts.traits.subtitle"
    title = _title(t(key, lang), st, t(sub, lang))
    shown = list(traits[: max(top, 0)])
    if not shown:
        return _no_data(lang, title, st)
    best, rest = _groups(lang, outcome, kept)
    labels = _unique([f"{tr.column} = {tr.value}" for tr in shown])
    rows = []
    for label, tr in zip(labels, shown, strict=True):
        for side, group, share, count, n in (
            (1, best, tr.best_share, tr.best_count, tr.best_n),
            (-1, rest, tr.rest_share, tr.rest_count, tr.rest_n),
        ):
            rows.append(
                {
                    "trait": label,
                    "group": group,
                    "side": side,
                    "signed": side * float(share),
                    "pct": fmt.share(share),
                    "count": t("charts.count_of", lang, count=count, n=n),
                }
            )
    df = pd.DataFrame(rows)
    reach = max(0.05, float(df["signed"].abs().max()))
    reach = min(1.0, reach * 1.3)  # room for the printed percentages (they may overhang)
    domain = [-reach, reach]
    y = alt.Y("trait:N", sort=labels, title=None, axis=_axis(st))
    x = alt.X(
        "signed:Q",
        title=t("charts.traits.x", lang),
        scale=alt.Scale(domain=domain),
        axis=_axis(st, labelExpr="format(abs(datum.value), '.0%')", tickCount=6),
    )
    tooltip = [
        alt.Tooltip("trait:N", title=t("charts.traits.y", lang)),
        alt.Tooltip("group:N", title=t("charts.group", lang)),
        alt.Tooltip("pct:N", title=t("charts.share", lang)),
        alt.Tooltip("count:N", title=t("charts.count", lang)),
    ]
    base = alt.Chart(df).encode(y=y, x=x)
    bars = base.mark_bar(height={"band": 0.75}).encode(
        color=_group_color(best, rest, st),
        tooltip=tooltip,
    )
    right = (
        base.transform_filter(alt.datum.side > 0)
        .mark_text(align="left", dx=4, fontSize=st.text, color="#000")
        .encode(text="pct:N")
    )
    left = (
        base.transform_filter(alt.datum.side < 0)
        .mark_text(align="right", dx=-4, fontSize=st.text, color="#000")
        .encode(text="pct:N")
    )
    zero = (
        alt.Chart(pd.DataFrame({"zero": [0.0]}))
        .mark_rule(color=_GREY, strokeWidth=2 if big else 1)
        .encode(x=alt.X("zero:Q", title=t("charts.traits.x", lang)))
    )
    return alt.layer(bars, left, right, zero).properties(
        width=st.width, height=alt.Step(st.step), title=title
    )


# ---------------------------------------------------------------- KPIs


def kpi_bars(
    kpis: dict[str, Kpi],
    *,
    lang: Lang = "en",
    outcome: bool = False,
    kept: bool = False,
    big: bool = False,
) -> alt.LayerChart | None:
    """Best vs rest for each KPI known on both sides; ``None`` if there is none.

    KPIs have different units (×, days, people, money), so each pair of bars
    is scaled to its own larger value and the real values are printed on the
    bars; the x axis is hidden because it has no unit.
    """
    st = _style(big)
    best, rest = _groups(lang, outcome, kept)
    rows = []
    for key, kpi in kpis.items():
        if not (_finite(kpi.best) and _finite(kpi.rest)):
            continue
        scale = max(abs(kpi.best), abs(kpi.rest)) or 1.0
        metric = t(f"kpi.{key}", lang)
        for group, v in ((best, kpi.best), (rest, kpi.rest)):
            rows.append(
                {
                    "metric": metric,
                    "group": group,
                    "norm": v / scale,
                    "value": _fmt_kpi(key, v, lang),
                }
            )
    if not rows:
        return None
    df = pd.DataFrame(rows)
    metrics = list(dict.fromkeys(df["metric"]))
    lo = min(0.0, float(df["norm"].min()) * 1.4)
    base = alt.Chart(df).encode(
        y=alt.Y("metric:N", sort=metrics, title=None, axis=_axis(st)),
        yOffset=alt.YOffset("group:N", sort=[best, rest]),
        x=alt.X("norm:Q", axis=None, scale=alt.Scale(domain=[lo, 1.4])),
    )
    bars = base.mark_bar().encode(
        color=_group_color(best, rest, st),
        tooltip=[
            alt.Tooltip("metric:N", title=t("charts.kpi.metric", lang)),
            alt.Tooltip("group:N", title=t("charts.group", lang)),
            alt.Tooltip("value:N", title=t("charts.kpi.value", lang)),
        ],
    )
    text = base.mark_text(align="left", dx=4, fontSize=st.text, color="#000").encode(text="value:N")
    key = kept_key("charts.kpi.title_outcome", kept) if outcome else "charts.kpi.title"
    return alt.layer(bars, text).properties(
        width=st.width,
        height=alt.Step(st.step),
        title=_title(t(key, lang), st),
    )


# ---------------------------------------------------------------- one column


def _group_shares(values: pd.Series, sep: str | None) -> pd.Series:
    """Share of rows holding each value (each tag, when ``sep`` splits tags)."""
    n = len(values)
    if n == 0:
        return pd.Series(dtype=float)
    s = values.dropna().astype(str).str.strip()
    s = s[s != ""]
    if not sep:
        return s.value_counts() / n
    counts: dict[str, int] = {}
    for cell, k in s.value_counts().items():  # split each distinct cell once
        for tag in dict.fromkeys(p.strip() for p in str(cell).split(sep)):
            if tag:
                counts[tag] = counts.get(tag, 0) + int(k)
    return pd.Series(counts, dtype=float) / n


def value_bars(
    table: pd.DataFrame,
    column: str,
    best_mask: pd.Series,
    *,
    lang: Lang = "en",
    top: int = 10,
    sep: str | None = None,
    outcome: bool = False,
    kept: bool = False,
    big: bool = False,
    order: Sequence[str] | None = None,
) -> alt.LayerChart | alt.Chart:
    """Share of each value of ``column`` among best vs rest, as paired bars.

    Values are ordered by their share among the best, or — for a band
    column — in ``order`` (``icp.parse.band_order``: "10人以下" … "300人以上"),
    every band shown; ``sep`` splits a multi-select column into tags (a row
    can then count for several bars).
    """
    st = _style(big)
    title = _title(
        t("charts.value.title", lang, column=column), st, t("charts.value.subtitle", lang)
    )
    mask = best_mask.reindex(table.index, fill_value=False).astype(bool)
    col = table[column]
    b = _group_shares(col[mask], sep)
    r = _group_shares(col[~mask], sep)
    both = pd.DataFrame({"best": b, "rest": r}).fillna(0.0)
    if both.empty or top <= 0:
        return _no_data(lang, title, st)
    if order is not None:
        known = [v for v in order if v in both.index]
        both = both.loc[known + [v for v in both.index if v not in set(known)]]
    else:
        both = both.sort_values(["best", "rest"], ascending=False).head(top)
    best, rest = _groups(lang, outcome, kept)
    labels = [str(v) for v in both.index]
    rows = [
        {"value": label, "group": g, "share": float(s), "pct": fmt.share(s)}
        for label, (sb, sr) in zip(labels, both.itertuples(index=False), strict=True)
        for g, s in ((best, sb), (rest, sr))
    ]
    df = pd.DataFrame(rows)
    reach = max(0.05, float(df["share"].max()))
    base = alt.Chart(df).encode(
        y=alt.Y("value:N", sort=labels, title=None, axis=_axis(st)),
        yOffset=alt.YOffset("group:N", sort=[best, rest]),
        x=alt.X(
            "share:Q",
            title=t("charts.share", lang),
            scale=alt.Scale(domain=[0, min(1.0, reach * 1.25)]),  # labels may overhang
            axis=_axis(st, format="%", tickCount=5),
        ),
    )
    bars = base.mark_bar().encode(
        color=_group_color(best, rest, st),
        tooltip=[
            alt.Tooltip("value:N", title=t("charts.value.axis", lang)),
            alt.Tooltip("group:N", title=t("charts.group", lang)),
            alt.Tooltip("pct:N", title=t("charts.share", lang)),
        ],
    )
    text = base.mark_text(align="left", dx=4, fontSize=st.text, color="#000").encode(text="pct:N")
    return alt.layer(bars, text).properties(width=st.width, height=alt.Step(st.step), title=title)


# ---------------------------------------------------------------- scores


def score_bars(
    ranking: Ranking,
    *,
    lang: Lang = "en",
    top: int = 10,
    big: bool = False,
) -> alt.LayerChart | alt.Chart:
    """The top ``top`` customers' S1 scores, each bar stacked by criterion contribution.

    Shows *why* a customer ranks high (which criteria carried it); the total
    score is printed at the end of each bar, criteria keep fixed colours.
    """
    st = _style(big)
    tbl = ranking.table
    if "excluded" in tbl.columns:
        tbl = tbl[~tbl["excluded"].fillna(False).astype(bool)]
    tbl = tbl.head(max(top, 0))
    title = _title(t("charts.score.title", lang, n=len(tbl)), st, t("charts.score.subtitle", lang))
    crits = [c for c in ranking.criteria if f"c_{c}" in tbl.columns]
    if tbl.empty:
        return _no_data(lang, title, st)
    ranks = tbl["rank"] if "rank" in tbl.columns else pd.Series(range(1, len(tbl) + 1))
    labels = _unique(
        [
            f"{int(rk)}. {name}" if _finite(rk) else str(name)
            for rk, name in zip(ranks, tbl["name"], strict=True)
        ]
    )
    names = {c: t(f"criterion.{c}", lang) for c in crits}
    colours = {
        c: PALETTE[CRITERIA.index(c) % len(PALETTE)] if c in CRITERIA else _GREY for c in crits
    }
    rows = [
        {
            "customer": label,
            "criterion": names[c],
            "order": i,
            "value": float(v) if _finite(v) else 0.0,
            "pct": f"{float(v):.2f}" if _finite(v) else "–",
        }
        for label, (_, row) in zip(labels, tbl.iterrows(), strict=True)
        for i, c in enumerate(crits)
        for v in (row[f"c_{c}"],)
    ]
    totals = pd.DataFrame(
        {"customer": labels, "score": tbl["score"].astype(float).fillna(0.0).to_numpy()}
    )
    totals["text"] = totals["score"].map(lambda s: f"{s:.2f}")
    y = alt.Y("customer:N", sort=labels, title=None, axis=_axis(st))
    x_title = t("charts.score.x", lang)
    reach = max(0.1, float(totals["score"].max()))
    x_scale = alt.Scale(domain=[0, reach * 1.15])
    layers = []
    if rows:
        layers.append(
            alt.Chart(pd.DataFrame(rows))
            .mark_bar(height={"band": 0.75})
            .encode(
                y=y,
                x=alt.X("sum(value):Q", title=x_title, scale=x_scale, axis=_axis(st)),
                color=alt.Color(
                    "criterion:N",
                    scale=alt.Scale(
                        domain=[names[c] for c in crits], range=[colours[c] for c in crits]
                    ),
                    legend=_legend(st, t("charts.score.criterion", lang)),
                ),
                order=alt.Order("order:Q"),
                tooltip=[
                    alt.Tooltip("customer:N", title=t("charts.score.y", lang)),
                    alt.Tooltip("criterion:N", title=t("charts.score.criterion", lang)),
                    alt.Tooltip("pct:N", title=x_title),
                ],
            )
        )
    else:  # no criterion columns: plain total bars
        layers.append(
            alt.Chart(totals)
            .mark_bar(color=BLUE, height={"band": 0.75})
            .encode(y=y, x=alt.X("score:Q", title=x_title, scale=x_scale, axis=_axis(st)))
        )
    layers.append(
        alt.Chart(totals)
        .mark_text(align="left", dx=4, fontSize=st.text, color="#000")
        .encode(
            y=y,
            x=alt.X("score:Q", title=x_title, scale=x_scale),
            text="text:N",
            tooltip=[alt.Tooltip("text:N", title=t("charts.score.total", lang))],
        )
    )
    return alt.layer(*layers).properties(width=st.width, height=alt.Step(st.step), title=title)


# ---------------------------------------------------------------- numeric


def _number_kind(nt: NumericTrait) -> str:
    """How a numeric column's values read: "percent" (fractions), "year", or "number"."""
    return fmt.column_kind(
        nt.column,
        fraction=str(getattr(nt.role, "value", nt.role)) == "margin",
        values=[nt.low, nt.high, nt.best_median, nt.rest_median],
    )


def _axis_format(kind: str, values: list[float], unit: str | None = None) -> str:
    largest = max((abs(v) for v in values), default=0.0)
    spec = fmt.axis_format(percent=kind == "percent", year=kind == "year", largest=largest)
    # d3's "$" puts the (en-US) dollar sign on every tick; other currencies go in the title
    return "$" + spec if unit == "$" and kind == "number" else spec


def _axis_title(kind: str, unit: str | None) -> str | None:
    return f"({unit})" if unit and unit != "$" and kind == "number" else None


def _label(v: float, kind: str, lang: Lang, unit: str | None = None) -> str:
    if kind == "percent":
        return f"{100 * v:.0f}%"
    if kind == "year":
        return f"{round(v)}"
    return fmt.with_unit(fmt.compact(v, lang), unit)


def numeric_ranges(
    numeric: list[NumericTrait],
    *,
    lang: Lang = "en",
    top: int = 6,
    outcome: bool = False,
    kept: bool = False,
    big: bool = False,
) -> alt.VConcatChart | None:
    """Per numeric column: the band that sets the best apart (when there is one) and both
    medians as markers.

    One small panel per column with its own x axis and format (employees,
    money, shares and years never share one; a margin reads "70%", a year
    "1996"); medians differ by colour *and* shape.  ``None`` when no column
    has finite medians.
    """
    st = _style(big)
    best_lbl = t(
        kept_key("charts.numeric.won_median", kept) if outcome else "charts.numeric.best_median",
        lang,
    )
    rest_lbl = t(
        kept_key("charts.numeric.lost_median", kept) if outcome else "charts.numeric.rest_median",
        lang,
    )
    rows: list[dict] = []
    panels: list[tuple[str, str, list[float], str | None]] = []
    for nt in numeric[: max(top, 0)]:
        if not (_finite(nt.best_median) and _finite(nt.rest_median)):
            continue
        kind = _number_kind(nt)
        unit = nt.unit
        values = [nt.best_median, nt.rest_median]
        if nt.kind in ("band", "warning") and _finite(nt.low) and _finite(nt.high):
            values += [nt.low, nt.high]
            low, high = _label(nt.low, kind, lang, unit), _label(nt.high, kind, lang, unit)
            rows.append(
                {
                    "column": nt.column,
                    "kind": "band",
                    "low": float(nt.low),
                    "high": float(nt.high),
                    "marker": t("charts.numeric.range", lang),
                    "range": f"{low}–{high}",
                }
            )
        for lbl, v in ((best_lbl, nt.best_median), (rest_lbl, nt.rest_median)):
            rows.append(
                {
                    "column": nt.column,
                    "kind": "point",
                    "low": float(v),
                    "high": float(v),
                    "marker": lbl,
                    "range": _label(v, kind, lang, unit),
                }
            )
        panels.append((nt.column, kind, values, unit))
    if not panels:
        return None
    df = pd.DataFrame(rows)
    charts = []
    for column, kind, values, unit in panels:
        x = alt.X(
            "low:Q",
            title=_axis_title(kind, unit),
            axis=_axis(st, format=_axis_format(kind, values, unit)),
            scale=alt.Scale(zero=False),
        )
        mine = alt.datum.column == column
        band = (
            alt.Chart()
            .transform_filter(mine & (alt.datum.kind == "band"))
            .mark_bar(color="#56B4E9", opacity=0.45, height=st.step)
            .encode(
                x=x,
                x2="high:Q",
                tooltip=[
                    alt.Tooltip("marker:N", title=t("charts.numeric.marker", lang)),
                    alt.Tooltip("range:N", title=t("charts.numeric.range", lang)),
                ],
            )
        )
        band_text = (
            alt.Chart()
            .transform_filter(mine & (alt.datum.kind == "band"))
            .transform_calculate(mid="(datum.low + datum.high) / 2")
            .mark_text(dy=-(st.step // 2 + st.text // 2 + 2), fontSize=st.text, color="#000")
            .encode(x=alt.X("mid:Q", title=None), text="range:N")
        )
        points = (
            alt.Chart()
            .transform_filter(mine & (alt.datum.kind == "point"))
            .mark_point(filled=True, size=st.point * 1.5, opacity=1)
            .encode(
                x=x,
                color=alt.Color(
                    "marker:N",
                    scale=alt.Scale(domain=[best_lbl, rest_lbl], range=[BLUE, ORANGE]),
                    legend=_legend(st),
                ),
                shape=alt.Shape(
                    "marker:N",
                    scale=alt.Scale(domain=[best_lbl, rest_lbl], range=["circle", "diamond"]),
                    legend=_legend(st),
                ),
                tooltip=[
                    alt.Tooltip("marker:N", title=t("charts.numeric.marker", lang)),
                    alt.Tooltip("range:N", title=t("charts.kpi.value", lang)),
                ],
            )
        )
        title = alt.TitleParams(
            str(column), anchor="start", fontSize=st.axis_title, fontWeight="bold"
        )
        charts.append(
            alt.layer(band, band_text, points).properties(
                width=st.width, height=st.step * 2 + st.text, title=title
            )
        )
    return alt.vconcat(*charts, data=df, spacing=st.step // 2).properties(
        title=_title(t("charts.numeric.title", lang), st, t("charts.numeric.subtitle", lang))
    )


# ---------------------------------------------------------------- PNG


@cache
def _register_font() -> None:
    import vl_convert as vlc  # lazy: startup speed

    vlc.register_font_directory(str(font_dir()))


@cache
def _vl_version() -> str | None:
    import vl_convert as vlc  # lazy: startup speed

    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    return major_minor if major_minor in vlc.get_vegalite_versions() else None


def to_png(chart: alt.TopLevelMixin, *, scale: float = 2.0) -> bytes:
    """Rasterise ``chart`` to PNG bytes with vl-convert (no browser needed).

    The bundled Noto Sans CJK SC face is registered and set as the default
    font, so Chinese labels render as Chinese on machines with no CJK font.
    """
    import vl_convert as vlc  # lazy: startup speed

    _register_font()
    return vlc.vegalite_to_png(
        chart.to_dict(),
        vl_version=_vl_version(),
        scale=scale,
        config={"font": FAMILY},
    )
