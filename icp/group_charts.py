"""Charts for any two groups and for one group's ordered breakdown (Altair, returned not shown).

Kept apart from ``icp.charts`` (best vs rest) because the two groups carry
the user's own names; the colours are the same Okabe-Ito blue and orange.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from icp.groups import Comparison
from icp.i18n import Lang, t

__all__ = ["breakdown_bars", "share_bars"]

_BLUE, _ORANGE, _FONT = "#0072B2", "#D55E00", "Noto Sans CJK SC"


def share_bars(comparison: Comparison, *, lang: Lang, top: int = 12) -> alt.Chart:
    """One row per differing trait, A's and B's shares side by side, labelled with counts."""
    rows = []
    for tr in [*comparison.a_traits, *comparison.b_traits][:top]:
        label = f"{tr.column} = {tr.value}"
        rows.append(
            {
                "trait": label,
                "group": comparison.a_name,
                "share": tr.best_share,
                "text": f"{tr.best_count}/{tr.best_n}",
            }
        )
        rows.append(
            {
                "trait": label,
                "group": comparison.b_name,
                "share": tr.rest_share,
                "text": f"{tr.rest_count}/{tr.rest_n}",
            }
        )
    df = pd.DataFrame(rows, columns=["trait", "group", "share", "text"])
    title = alt.TitleParams(t("groups.chart.title", lang), font=_FONT, anchor="start")
    if df.empty:
        return (
            alt.Chart(pd.DataFrame({"x": [0], "label": [t("groups.no_difference", lang)]}))
            .mark_text(font=_FONT, size=13, align="left")
            .encode(text="label:N")
            .properties(title=title, height=60)
        )
    order = list(dict.fromkeys(df["trait"]))
    colour = alt.Color(
        "group:N",
        scale=alt.Scale(domain=[comparison.a_name, comparison.b_name], range=[_BLUE, _ORANGE]),
        legend=alt.Legend(title=None, orient="top", labelFont=_FONT),
    )
    y = alt.Y("trait:N", sort=order, title=None, axis=alt.Axis(labelFont=_FONT, labelLimit=320))
    base = alt.Chart(df).encode(y=y, yOffset=alt.YOffset("group:N", sort=[comparison.a_name]))
    bars = base.mark_bar().encode(
        x=alt.X("share:Q", axis=alt.Axis(format="%", title=t("groups.col.share", lang))),
        color=colour,
        tooltip=["trait:N", "group:N", alt.Tooltip("share:Q", format=".0%"), "text:N"],
    )
    text = base.mark_text(align="left", dx=3, font=_FONT, fontSize=11).encode(
        x="share:Q", text="text:N"
    )
    return (bars + text).properties(title=title, height=alt.Step(14))


def breakdown_bars(df: pd.DataFrame, *, column: str, group: str, lang: Lang) -> alt.Chart:
    """Bars of an ``icp.groups.breakdown`` table (largest first), labelled "count (share)"."""
    shown = df.assign(
        text=[f"{c} ({round(100 * s)}%)" for c, s in zip(df["count"], df["share"], strict=True)]
    )
    title = alt.TitleParams(
        t("groups.breakdown.chart", lang, column=column, group=group),
        subtitle=t("groups.breakdown.label", lang),
        font=_FONT,
        subtitleFont=_FONT,
        anchor="start",
    )
    y = alt.Y(
        "value:N",
        sort=list(shown["value"]),
        title=None,
        axis=alt.Axis(labelFont=_FONT, labelLimit=260),
    )
    base = alt.Chart(shown).encode(y=y)
    bars = base.mark_bar(color=_BLUE).encode(
        x=alt.X("share:Q", axis=alt.Axis(format="%", title=t("groups.col.share", lang)))
    )
    text = base.mark_text(align="left", dx=3, font=_FONT, fontSize=11).encode(
        x="share:Q", text="text:N"
    )
    return (bars + text).properties(title=title, height=alt.Step(22))
