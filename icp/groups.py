"""Any group of customers, defined by conditions on columns, and any two groups compared.

Seed 000 compares signed with unsigned customers, and students with a visa
with those without; best-vs-rest is only one such pair.  A ``Rule`` is a
few ``Condition``\\ s on columns ("注册资金 ≥ 5,000,000 and 联系人身份 in
{企业法人, 股东}"); ``mask`` says which rows satisfy it.  ``compare`` runs the
same commonalities statistics as the analysis (``icp.traits``) on group A vs
group B, with the columns that define the groups left out — a group defined
by 联系人身份 trivially "has" it.  ``breakdown`` is the plain ordered share
of every value of one column inside a group: description, not a finding.

Rules are plain JSON (``to_dict``/``from_dict``) so tags and saved
comparisons live in the workspace store.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import numpy as np
import pandas as pd

from icp.dataset import Dataset
from icp.fmt import number as fmt_number
from icp.fmt import percent as fmt_percent
from icp.i18n import Lang, t
from icp.model import NumericTrait, Trait
from icp.parse import band_midpoints, split_tags
from icp.schema import FieldType, Mapping, Role
from icp.sections import Section
from icp.segments import channels as _channels
from icp.traits import categorical_traits, leads, numeric_traits
from icp.won import won_flags

__all__ = [
    "OPS",
    "Comparison",
    "Condition",
    "GroupSpec",
    "Rule",
    "breakdown",
    "channels",
    "column_values",
    "compare",
    "compare_specs",
    "mask",
    "ops_for",
    "order_sentence",
    "outcome_rule",
    "resolve",
    "rule_columns",
    "sections",
    "without",
]

Op = Literal["in", "not_in", "between", "contains", "filled", "empty"]
OPS: tuple[Op, ...] = ("in", "not_in", "between", "contains", "filled", "empty")


@dataclass(frozen=True)
class Condition:
    """One test on one column.

    ``in`` / ``not_in``: the cell (or, for a multi-select cell, any of its
    tags) is / is not one of ``values``.  ``between``: a number within
    ``[low, high]`` (either end may be open).  ``contains``: the text holds
    any of ``values`` (case-insensitive).  ``filled`` / ``empty``: the cell
    has a value or not — "the fields worth asking for".
    """

    column: str
    op: Op = "in"
    values: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "column": self.column,
            "op": self.op,
            "values": list(self.values),
            "low": self.low,
            "high": self.high,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Condition:
        op = d.get("op", "in")
        return cls(
            column=str(d["column"]),
            op=op if op in OPS else "in",
            values=tuple(str(v) for v in d.get("values") or ()),
            low=_num(d.get("low")),
            high=_num(d.get("high")),
        )

    def describe(self, lang: Lang) -> str:
        """E.g. "联系人身份 in {企业法人, 股东}" or "Employees 50–300"."""
        if self.op == "between":
            if self.low is not None and self.high is not None:
                key = "groups.cond.between"
            elif self.low is not None:
                key = "groups.cond.at_least"
            else:
                key = "groups.cond.at_most"
            return t(
                key, lang, column=self.column, low=fmt_number(self.low), high=fmt_number(self.high)
            )
        sep = "、" if lang == "zh" else ", "
        return t(f"groups.cond.{self.op}", lang, column=self.column, values=sep.join(self.values))


@dataclass(frozen=True)
class Rule:
    """Conditions joined by "all" (and) or "any" (or). No conditions: nobody."""

    conditions: tuple[Condition, ...] = ()
    match: Literal["all", "any"] = "all"

    def to_dict(self) -> dict[str, Any]:
        return {"match": self.match, "conditions": [c.to_dict() for c in self.conditions]}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Rule:
        d = d or {}
        conds = tuple(Condition.from_dict(c) for c in d.get("conditions") or () if "column" in c)
        return cls(conds, "any" if d.get("match") == "any" else "all")

    def describe(self, lang: Lang) -> str:
        if not self.conditions:
            return t("groups.rule.empty", lang)
        joiner = t(f"groups.rule.{self.match}", lang)
        return joiner.join(c.describe(lang) for c in self.conditions)


def _num(v: Any) -> float | None:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return x if math.isfinite(x) else None


def rule_columns(rule: Rule) -> list[str]:
    """The columns a rule reads, in order, without repeats."""
    return list(dict.fromkeys(c.column for c in rule.conditions))


def ops_for(field_type: FieldType) -> tuple[Op, ...]:
    """The tests that make sense for a field type (what the group builder offers)."""
    if field_type == FieldType.NUMBER:
        return ("between", "filled", "empty")
    if field_type == FieldType.TEXT:
        return ("contains", "in", "filled", "empty")
    if field_type == FieldType.DATE:
        return ("filled", "empty")
    return ("in", "not_in", "filled", "empty")


def _tag_lists(series: pd.Series, sep: str | None) -> pd.Series:
    if sep:
        return split_tags(series, sep)
    return series.map(lambda v: [] if _blank(v) else [str(v).strip()])


def _blank(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    try:
        if pd.isna(v):
            return True
    except (TypeError, ValueError):
        return False
    return isinstance(v, str) and not v.strip()


def _condition_mask(table: pd.DataFrame, mapping: Mapping, cond: Condition) -> pd.Series:
    if cond.column not in table.columns:
        return pd.Series(False, index=table.index)
    s = table[cond.column]
    spec = mapping.get(cond.column)
    filled = ~s.map(_blank).astype(bool)
    if cond.op == "filled":
        return filled
    if cond.op == "empty":
        return ~filled
    if cond.op == "between":
        banded = spec is not None and spec.type == FieldType.BAND
        x = band_midpoints(s) if banded else pd.to_numeric(s, errors="coerce")
        ok = x.notna()
        if cond.low is not None:
            ok &= x >= cond.low
        if cond.high is not None:
            ok &= x <= cond.high
        return ok.fillna(False).astype(bool)
    if cond.op == "contains":
        words = [w.casefold() for w in cond.values if w.strip()]
        text = s.where(filled, "").astype(str).str.casefold()
        hit = pd.Series(False, index=table.index)
        for w in words:
            hit |= text.str.contains(w, regex=False)
        return hit
    wanted = {v.strip() for v in cond.values}
    sep = spec.sep if spec is not None and spec.type == FieldType.MULTI else None
    if sep:
        hit = _tag_lists(s, sep).map(lambda tags: any(tag in wanted for tag in tags))
    else:
        hit = s.where(filled, "").astype(str).str.strip().isin(wanted)
    hit = hit.astype(bool)
    return hit if cond.op == "in" else filled & ~hit


def mask(dataset: Dataset, rule: Rule) -> pd.Series:
    """Which rows satisfy ``rule`` (bool Series aligned to ``dataset.table``)."""
    table = dataset.table
    if not rule.conditions:
        return pd.Series(False, index=table.index)
    parts = [_condition_mask(table, dataset.mapping, c) for c in rule.conditions]
    out = parts[0].copy()
    for p in parts[1:]:
        out = (out & p) if rule.match == "all" else (out | p)
    return out.astype(bool)


def column_values(dataset: Dataset, column: str, *, limit: int = 200) -> list[str]:
    """The distinct values (tags, for a multi-select column) of ``column``, most frequent first."""
    if column not in dataset.table.columns:
        return []
    spec = dataset.mapping.get(column)
    sep = spec.sep if spec is not None and spec.type == FieldType.MULTI else None
    counts: Counter[str] = Counter()
    for tags in _tag_lists(dataset.table[column], sep):
        counts.update(list(dict.fromkeys(tags)))
    return [v for v, _ in counts.most_common(limit)]


def breakdown(dataset: Dataset, column: str, rows: pd.Series) -> pd.DataFrame:
    """Every value of ``column`` inside the group ``rows``: value, count, share — largest first.

    Seed 000's "生产型 > 贸易型 > 金融": the full ordered share, not only the
    values that pass a significance test.  Shares are of the group's rows
    (a multi-select row counts once per tag, so shares may add up to more
    than 100%); rows without a value are counted apart as ``empty``.
    Number columns are described by their quartiles instead (value = a band).
    """
    table = dataset.table
    keep = rows.reindex(table.index, fill_value=False).fillna(False).astype(bool)
    n = int(keep.sum())
    if column not in table.columns or n == 0:
        return pd.DataFrame({"value": [], "count": [], "share": []})
    s = table.loc[keep, column]
    spec = dataset.mapping.get(column)
    if spec is not None and spec.type == FieldType.NUMBER:
        x = pd.to_numeric(s, errors="coerce").dropna()
        if x.empty:
            return pd.DataFrame({"value": [], "count": [], "share": []})
        if x.nunique() <= _FEW_NUMBERS:  # a few levels (bands read as numbers): each its own row
            vc = x.value_counts()
            order = sorted(vc.index, key=lambda v: (-vc[v], v))
            df = pd.DataFrame(
                {"value": [fmt_number(v) for v in order], "count": [int(vc[v]) for v in order]}
            )
            return _with_empty(df.assign(share=df["count"] / n), s, n)
        edges = np.unique(np.quantile(x, [0, 0.25, 0.5, 0.75, 1.0]))
        if len(edges) < 2:
            edges = np.array([x.min(), x.max()])
        cats = pd.cut(x, bins=edges, include_lowest=True, duplicates="drop")
        out = cats.value_counts(sort=False)
        labels = [f"{fmt_number(iv.left)}–{fmt_number(iv.right)}" for iv in out.index]
        df = pd.DataFrame({"value": labels, "count": out.to_numpy(dtype=int)})
    else:
        sep = spec.sep if spec is not None and spec.type == FieldType.MULTI else None
        counts: Counter[str] = Counter()
        for tags in _tag_lists(s, sep):
            counts.update(list(dict.fromkeys(tags)))
        items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        df = pd.DataFrame({"value": [k for k, _ in items], "count": [v for _, v in items]})
    return _with_empty(df.assign(share=df["count"] / n), s, n)


_FEW_NUMBERS = 12


def _with_empty(df: pd.DataFrame, cells: pd.Series, n: int) -> pd.DataFrame:
    """``df`` plus a last "∅" row counting the group's rows without a value."""
    empty = int(cells.map(_blank).sum())
    if empty:
        df = pd.concat(
            [df, pd.DataFrame({"value": ["∅"], "count": [empty], "share": [empty / n]})],
            ignore_index=True,
        )
    return df.reset_index(drop=True)


@dataclass
class Comparison:
    """Group A vs group B: who is in each, and what sets each apart.

    ``a_traits`` lean towards A, ``b_traits`` towards B (the same tests and
    noise control as best-vs-rest).  ``leads`` lean towards A but are not
    conclusive.  ``overlap`` rows satisfy both rules and are left out of
    both groups; ``excluded`` columns define the groups and are not compared.
    """

    a_name: str
    b_name: str
    a_mask: pd.Series
    b_mask: pd.Series
    overlap: int
    excluded: list[str]
    a_traits: list[Trait] = field(default_factory=list)
    b_traits: list[Trait] = field(default_factory=list)
    leads: list[Trait] = field(default_factory=list)
    numeric: list[NumericTrait] = field(default_factory=list)
    means: dict[str, tuple[float, float]] = field(default_factory=dict)  # column -> (A, B)

    @property
    def a_n(self) -> int:
        return int(self.a_mask.sum())

    @property
    def b_n(self) -> int:
        return int(self.b_mask.sum())

    def sentences(self, lang: Lang, *, limit: int = 8) -> list[str]:
        """One plain sentence per difference, A's first, with counts."""
        out = [_trait_sentence(tr, self.a_name, self.b_name, lang) for tr in self.a_traits[:limit]]
        out += [
            _trait_sentence(tr, self.b_name, self.a_name, lang, flip=True)
            for tr in self.b_traits[:limit]
        ]
        for nt in self.numeric[:limit]:
            fmt = fmt_percent if nt.role == Role.MARGIN else fmt_number
            a, b, key = nt.best_median, nt.rest_median, "groups.numeric"
            if (
                fmt(a) == fmt(b) and nt.column in self.means
            ):  # same median: the shift is in the mean
                (a, b), key = self.means[nt.column], "groups.numeric.mean"
            out.append(
                t(
                    key,
                    lang,
                    column=nt.column,
                    a=self.a_name,
                    b=self.b_name,
                    a_median=fmt(a),
                    b_median=fmt(b),
                )
            )
        return out

    def lead_sentences(self, lang: Lang, *, limit: int = 6) -> list[str]:
        return [_trait_sentence(tr, self.a_name, self.b_name, lang) for tr in self.leads[:limit]]

    def table(self, lang: Lang) -> pd.DataFrame:
        """Every difference as a row: trait, A and B counts and shares, p (translated headers)."""
        rows = []
        for tr, side in [*((x, "a") for x in self.a_traits), *((x, "b") for x in self.b_traits)]:
            rows.append(
                {
                    t("groups.col.trait", lang): f"{tr.column} = {tr.value}",
                    t("groups.col.leans", lang): self.a_name if side == "a" else self.b_name,
                    self.a_name: f"{tr.best_count}/{tr.best_n} ({round(100 * tr.best_share)}%)",
                    self.b_name: f"{tr.rest_count}/{tr.rest_n} ({round(100 * tr.rest_share)}%)",
                    "p": f"{tr.p_value:.3g}",
                }
            )
        return pd.DataFrame(rows)


def _trait_sentence(tr: Trait, this: str, other: str, lang: Lang, *, flip: bool = False) -> str:
    count, n = (tr.rest_count, tr.rest_n) if flip else (tr.best_count, tr.best_n)
    o_share = tr.best_share if flip else tr.rest_share
    o_count, o_n = (tr.best_count, tr.best_n) if flip else (tr.rest_count, tr.rest_n)
    key = "groups.sentence.text" if tr.kind == "text" else "groups.sentence"
    return t(
        key,
        lang,
        count=count,
        n=n,
        group=this,
        column=tr.column,
        value=tr.value,
        other=other,
        other_pct=round(100 * o_share),
        other_count=o_count,
        other_n=o_n,
    )


def without(mapping: Mapping, columns: list[str]) -> Mapping:
    """``mapping`` with ``columns`` switched off (e.g. the columns that define the groups)."""
    drop = set(columns)
    return Mapping([replace(c, include=c.include and c.name not in drop) for c in mapping.columns])


def compare(
    dataset: Dataset,
    a: pd.Series,
    b: pd.Series,
    *,
    a_name: str,
    b_name: str,
    exclude: list[str] | None = None,
) -> Comparison:
    """Group A vs group B with the same statistics as best vs rest.

    ``a`` and ``b`` are row masks; rows in both are left out of both.
    ``exclude`` lists the columns that define the groups (left out of the
    comparison, like "what defines best" is never a finding).
    """
    table = dataset.table
    a = a.reindex(table.index, fill_value=False).fillna(False).astype(bool)
    b = b.reindex(table.index, fill_value=False).fillna(False).astype(bool)
    both = a & b
    a, b = a & ~both, b & ~both
    excluded = list(dict.fromkeys(exclude or []))
    mapping = without(dataset.mapping, excluded)
    out = Comparison(a_name, b_name, a, b, int(both.sum()), excluded)
    if not a.any() or not b.any():
        return out
    out.a_traits, out.b_traits, _ = categorical_traits(table, mapping, a, b)
    out.leads = leads(table, mapping, a, b, exclude={(x.column, x.value) for x in out.a_traits})
    out.numeric = [nt for nt in numeric_traits(table, mapping, a, b) if nt.is_finding]
    for nt in out.numeric:
        x = pd.to_numeric(table[nt.column], errors="coerce")
        out.means[nt.column] = (float(x[a].mean()), float(x[b].mean()))
    return out


def outcome_rule(dataset: Dataset, *, won: bool, flags: pd.Series | None = None) -> Rule | None:
    """The rule "the outcome is one of its won values" (or one of its lost values).

    Built from the outcome column's own spellings (``已签约``, ``Won``…), so
    seed 000's "signed vs not signed" is two clicks in the group builder.
    ``flags`` is ``Analysis.won`` (the user's good values); without it the
    header's polarity decides.
    """
    col = dataset.mapping.col(Role.OUTCOME)
    if col is None or col not in dataset.table.columns:
        return None
    s = dataset.table[col]
    flags = won_flags(dataset, flags)
    assert flags is not None  # the outcome column exists
    picked = s[flags.fillna(not won).astype(bool) == won]
    picked = picked[flags[picked.index].notna()]
    values = sorted({str(v).strip() for v in picked if not _blank(v)})
    return Rule((Condition(col, "in", tuple(values)),)) if values else None


# ---------------------------------------------------------------- named groups (the builder)

Kind = Literal["rule", "tag", "won", "lost", "best", "rest"]


@dataclass(frozen=True)
class GroupSpec:
    """How the group builder defines one side of a comparison.

    ``rule``: conditions; ``tag``: a saved tag (by name, so editing the tag
    updates the comparison); ``won`` / ``lost``: the outcome column's values;
    ``best``: the analysis' best set; ``rest``: everyone not in the other group.
    """

    kind: Kind
    name: str
    rule: Rule = Rule()
    tag: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "name": self.name, "rule": self.rule.to_dict(), "tag": self.tag}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> GroupSpec:
        kind = d.get("kind", "rule")
        if kind not in ("rule", "tag", "won", "lost", "best", "rest"):
            kind = "rule"
        return cls(
            kind, str(d.get("name", "")), Rule.from_dict(d.get("rule")), str(d.get("tag", ""))
        )


def resolve(
    dataset: Dataset,
    spec: GroupSpec,
    *,
    best: pd.Series,
    tags: dict[str, Rule],
    other: tuple[pd.Series, list[str]] | None = None,
    won: pd.Series | None = None,
) -> tuple[pd.Series, list[str]]:
    """(rows in the group, columns that define it) for ``spec``.

    ``best`` is the analysis' best mask; ``tags`` maps saved tag names to
    rules; ``other`` is the opposite group, needed by ``rest``; ``won`` is
    ``Analysis.won`` (the user's good values).
    """
    index = dataset.table.index
    none = pd.Series(False, index=index)
    if spec.kind == "rule":
        return mask(dataset, spec.rule), rule_columns(spec.rule)
    if spec.kind == "tag":
        rule = tags.get(spec.tag)
        return (mask(dataset, rule), rule_columns(rule)) if rule else (none, [])
    if spec.kind in ("won", "lost"):
        rule = outcome_rule(dataset, won=spec.kind == "won", flags=won)
        return (mask(dataset, rule), rule_columns(rule)) if rule else (none, [])
    if spec.kind == "best":
        return best.reindex(index, fill_value=False).fillna(False).astype(bool), []
    if other is None:
        return ~none, []
    return ~other[0].reindex(index, fill_value=False), list(other[1])


def compare_specs(
    dataset: Dataset,
    a: GroupSpec,
    b: GroupSpec,
    *,
    best: pd.Series,
    tags: dict[str, Rule],
    won: pd.Series | None = None,
) -> Comparison:
    """``compare`` for two builder groups; B may be "the rest" of A."""
    a_rows, a_cols = resolve(dataset, a, best=best, tags=tags, won=won)
    b_rows, b_cols = resolve(dataset, b, best=best, tags=tags, other=(a_rows, a_cols), won=won)
    return compare(
        dataset, a_rows, b_rows, a_name=a.name, b_name=b.name, exclude=[*a_cols, *b_cols]
    )


def sections(comparison: Comparison, *, title: str, lang: Lang) -> list[Section]:
    """A saved comparison as a report section: sizes, differences in words and as a table."""
    sec = Section(title)
    sec.add(
        "para",
        t(
            "groups.sizes",
            lang,
            a=comparison.a_name,
            a_n=comparison.a_n,
            b=comparison.b_name,
            b_n=comparison.b_n,
        ),
    )
    if comparison.excluded:
        sec.add("note", t("groups.excluded", lang, columns=", ".join(comparison.excluded)))
    lines = comparison.sentences(lang)
    for line in lines:
        sec.add("bullet", line)
    if not lines:
        sec.add("note", t("groups.no_difference", lang))
    leads_ = comparison.lead_sentences(lang)
    if leads_:
        sec.add("h2", t("groups.leads", lang))
        for line in leads_:
            sec.add("bullet", line)
    table = comparison.table(lang)
    if not table.empty:
        sec.add("table", table=table)
    return [sec]


def order_sentence(
    table: pd.DataFrame, *, column: str, group: str, lang: Lang, top: int = 6
) -> str:
    """Seed 000's "生产型 > 贸易型 > 金融" line for a ``breakdown`` table, with counts."""
    parts = [
        f"{v} {c} ({round(100 * s)}%)"
        for v, c, s in table[table["value"] != "∅"].head(top).itertuples(index=False)
    ]
    more = len(table[table["value"] != "∅"]) - top
    text = " > ".join(parts) + (" …" if more > 0 else "")
    return t("groups.order", lang, column=column, group=group, order=text)


MIN_CHANNEL = 5  # customers of a group in a channel before its rates are shown


def channels(
    dataset: Dataset, rows: pd.Series, *, best: pd.Series, won: pd.Series | None = None
) -> pd.DataFrame | None:
    """Which channels bring a group (seed 000 广告投放, seed 004 CPA): per channel the group's
    customers, its won rate and mean acquisition cost — NaN where fewer than ``MIN_CHANNEL``
    customers make a rate meaningless (the page says "not enough data").  None without a
    channel column.  ``won`` is ``Analysis.won`` (the user's good values)."""
    keep = rows.reindex(dataset.table.index, fill_value=False).fillna(False).astype(bool)
    if not keep.any():
        return None
    sub = replace(dataset, table=dataset.table.loc[keep])
    flags = won.reindex(sub.table.index) if won is not None else None
    res = _channels(sub, best.reindex(sub.table.index, fill_value=False), won=flags)
    if res is None:
        return None
    thin = res["customers"] < MIN_CHANNEL
    res.loc[thin, ["won_rate", "cac", "avg_value"]] = np.nan
    return res[["channel", "customers", "won_rate", "avg_value", "cac"]].sort_values(
        "customers", ascending=False
    )
