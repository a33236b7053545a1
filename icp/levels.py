"""Three levels on one page (seed 001) and where to advertise (seed 000 广告投放, seed 004).

- **Industry level**: per industry, customers, how many are best, the won rate, the median
  value and the median cycle — blank where fewer than ``MIN_INDUSTRY`` customers make a
  figure meaningless.
- **Company level** is the ICP itself (the findings of ``icp.analysis``); **person level** is
  the persona and the buying committee (``icp.committee``).  This module only adds the
  figures those pages need that the analysis does not already hold.
- **Segments × channel**: the ICP segment (customers holding most of the top findings:
  all of 1 or 2, 2 of 3) and one segment per warning sign, each with the channels that
  bring it, its won rate and its acquisition cost (``groups.channels``, "not enough data"
  when thin).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from icp import fmt, groups
from icp.dataset import Dataset
from icp.i18n import Lang, Msg, t
from icp.model import Analysis, Trait
from icp.rank import role_labels, role_values
from icp.schema import Role
from icp.sections import Section
from icp.won import won_flags

__all__ = [
    "MIN_INDUSTRY",
    "Segment",
    "channel_table",
    "industries",
    "money_unit",
    "sections",
    "segment_channels",
    "segments",
    "trait_rule",
]

MIN_INDUSTRY = 5  # customers of an industry before its rates and medians are shown


def industries(dataset: Dataset, analysis: Analysis) -> pd.DataFrame | None:
    """Per industry (commonest first): customers, best, won_rate, value, cycle — or None
    without an industry column.

    ``won_rate`` is won ÷ (won + lost) under the user's good values (open deals count in
    neither); ``value`` and ``cycle`` are medians.  Figures of an industry with fewer than
    ``MIN_INDUSTRY`` customers are NaN (the page says "not enough data").
    """
    industry = role_labels(dataset, Role.INDUSTRY)
    if industry is None:
        return None
    table = dataset.table
    best = analysis.best_mask.reindex(table.index, fill_value=False).astype(bool)
    frame = pd.DataFrame({"industry": industry, "best": best.astype(int)}, index=table.index)
    flags = won_flags(dataset, analysis.won)
    frame["won"] = flags.astype("float64") if flags is not None else np.nan
    value, cycle = role_values(dataset, Role.VALUE), role_values(dataset, Role.CYCLE_DAYS)
    frame["value"] = value if value is not None else np.nan
    frame["cycle"] = cycle if cycle is not None else np.nan
    g = frame.dropna(subset=["industry"]).groupby("industry", sort=False)
    out = pd.DataFrame(
        {
            "customers": g.size(),
            "best": g["best"].sum(),
            "won_rate": g["won"].mean(),
            "value": g["value"].median(),
            "cycle": g["cycle"].median(),
        }
    )
    thin = out["customers"] < MIN_INDUSTRY
    out.loc[thin, ["won_rate", "value", "cycle"]] = np.nan
    out = out.sort_values(["best", "customers"], ascending=False).reset_index()
    return out if not out.empty else None


def trait_rule(trait: Trait) -> groups.Rule:
    """The customers holding a finding: the value (or tag) itself, or a mention of the word."""
    op = "contains" if trait.kind == "text" else "in"
    return groups.Rule((groups.Condition(trait.column, op, (trait.value,)),))


@dataclass
class Segment:
    """A group of customers to advertise to (or to avoid): the ICP or one warning sign."""

    kind: str  # "icp" | "warning"
    rows: pd.Series  # bool, aligned to the table
    traits: list[Trait]

    def title(self, lang: Lang, *, outcome: bool) -> str:
        described = t("levels.list_sep", lang).join(
            t("levels.trait", lang, column=tr.column, value=tr.value) for tr in self.traits
        )
        if self.kind == "icp":
            need = _need(len(self.traits))
            key = "levels.segment.icp" if need < len(self.traits) else "levels.segment.icp_all"
            return t(key, lang, traits=described, need=need, n=len(self.traits))
        key = "levels.segment.warning_outcome" if outcome else "levels.segment.warning"
        return t(key, lang, traits=described)


def _need(k: int) -> int:
    """How many of ``k`` findings make a customer part of the ICP segment: a strict majority."""
    return k // 2 + 1


def segments(dataset: Dataset, analysis: Analysis, *, top: int = 3) -> list[Segment]:
    """The ICP segment (holding most of the top ``top`` findings) and one segment per
    warning sign (up to ``top``); segments without a customer are left out."""
    out: list[Segment] = []
    found = analysis.traits[:top]
    if found:
        hits = sum(
            groups.mask(dataset, trait_rule(tr)).astype(int) for tr in found
        )  # how many of the findings each customer holds
        rows = pd.Series(hits >= _need(len(found)), index=dataset.table.index)
        if rows.any():
            out.append(Segment("icp", rows, list(found)))
    for tr in analysis.warning_traits[:top]:
        rows = groups.mask(dataset, trait_rule(tr))
        if rows.any():
            out.append(Segment("warning", rows, [tr]))
    return out


def segment_channels(
    dataset: Dataset, analysis: Analysis, segment: Segment
) -> tuple[pd.DataFrame | None, Msg | None]:
    """(channels of the segment, a headline) — the headline names the channel that brings the
    most of the segment, with counts, or says there is not enough data to tell."""
    table = groups.channels(dataset, segment.rows, best=analysis.best_mask, won=analysis.won)
    if table is None or table.empty:
        return table, None
    top = table.iloc[0]
    total = int(segment.rows.sum())
    if int(top["customers"]) < groups.MIN_CHANNEL:
        return table, Msg("levels.channels.thin", {"n": total, "min": groups.MIN_CHANNEL})
    return table, Msg(
        "levels.channels.top",
        {"channel": str(top["channel"]), "count": int(top["customers"]), "n": total},
    )


def channel_table(table: pd.DataFrame, lang: Lang, *, unit: str | None) -> pd.DataFrame:
    """A segment's channels with translated headers; blank where the channel is thin."""
    return pd.DataFrame(
        {
            t("levels.col.channel", lang): table["channel"].astype(str).to_numpy(),
            t("levels.col.customers", lang): table["customers"].astype(int).to_numpy(),
            t("levels.col.won_rate", lang): [fmt.share(x, missing="") for x in table["won_rate"]],
            t("levels.col.avg_value", lang): [
                "" if pd.isna(x) else fmt.with_unit(fmt.human(x, lang), unit)
                for x in table["avg_value"]
            ],
            t("levels.col.cpa", lang): [
                "" if pd.isna(x) else fmt.with_unit(fmt.human(x, lang), unit) for x in table["cac"]
            ],
        }
    )


def money_unit(dataset: Dataset) -> str | None:
    """The currency of the value column, for amounts shown next to it."""
    col = dataset.mapping.col(Role.VALUE)
    return dataset.units.get(col) if col else None


def sections(dataset: Dataset, analysis: Analysis, *, lang: Lang) -> list[Section]:
    """Where to advertise, for the report: each segment, its headline and its channels."""
    outcome = analysis.mode == "outcome"
    segs = segments(dataset, analysis)
    if not segs or dataset.mapping.col(Role.CHANNEL) is None:
        return []
    sec = Section(t("levels.channels.title", lang))
    sec.add("note", t("levels.channels.intro", lang))
    for seg in segs:
        sec.add("h2", seg.title(lang, outcome=outcome))
        table, headline = segment_channels(dataset, analysis, seg)
        if headline is not None:
            sec.add("para", headline.render(lang))
        if table is not None and not table.empty:
            sec.add("table", table=channel_table(table, lang, unit=money_unit(dataset)))
    return [sec]
