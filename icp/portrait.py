"""One customer, one card (seed 000's 一对一营销).

``card`` reads one row the way a salesperson reads a CRM record: every field
in the groups the data itself suggests (company / contact / need / deal for
a B2B list; 基本信息 / 家庭信息 / 提交流程 for a TO C list like study abroad),
the fit score with its reasons (``icp.score``, the same model as the
Prospects page), which ICP traits it matches and which it lacks, the empty
fields worth asking about, and a suggested next step.

Groups are inferred from the column's role first, then from words in its
header (``家庭``/``父母`` → family, ``签证``/``首付`` → process, ``需求``/
``关注``/``设备`` → need …); whatever is left is the basic profile.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from icp import score as _score
from icp.dataset import Dataset
from icp.fmt import human as fmt_human
from icp.fmt import number as fmt_number
from icp.fmt import percent as fmt_percent
from icp.i18n import Lang, Msg, t
from icp.model import Analysis, NumericTrait, Trait
from icp.parse import split_tags
from icp.schema import DEAL_DATE_ROLES, MEASURE_ROLES, ColumnSpec, FieldType, Mapping, Role
from icp.sections import Section
from icp.text import tokenize
from icp.won import won_flags

__all__ = ["GROUPS", "Card", "card", "field_group", "find_rows", "fit_model", "is_b2b", "join"]

# Display order of the field groups.
GROUPS: tuple[str, ...] = (
    "company",
    "basic",
    "contact",
    "family",
    "need",
    "process",
    "deal",
    "notes",
)

_ROLE_GROUP: dict[Role, str] = {
    Role.CONTACT_TITLE: "contact",
    Role.PREVIOUS: "need",
    Role.NOTES: "notes",
    **{r: "deal" for r in (*MEASURE_ROLES, *DEAL_DATE_ROLES, Role.OUTCOME, Role.CHANNEL)},
}

# Header words per group (EN whole words, ZH substrings), tried in this order.
_WORDS: dict[str, tuple[str, ...]] = {
    "family": (
        "家庭", "父母", "父亲", "母亲", "婚", "配偶", "子女", "孩子", "family", "parent",
        "parents", "household", "marital", "spouse", "children",
    ),
    "contact": (
        "联系人", "联系方式", "电话", "手机", "邮箱", "微信", "决策", "职位", "职务", "contact",
        "phone", "email", "mobile", "wechat", "decision",
    ),
    "process": (
        "签证", "出国", "首付", "流程", "进度", "进展", "办理", "入学", "申请", "visa", "deposit",
        "application", "progress", "enrolment", "enrollment",
    ),
    "need": (
        "需求", "关注", "产品", "设备", "用途", "交付", "采购", "预算", "方案", "厂商", "工具",
        "need", "needs", "interest", "product", "products", "requirement", "requirements",
        "budget", "tools", "tool", "plan", "delivery", "vendor", "use",
    ),
    "deal": (
        "合同", "金额", "成交", "签约", "渠道", "来源", "周期", "回款", "deal", "contract",
        "revenue", "source", "stage", "status",
    ),
}  # fmt: skip

_B2B_WORDS = ("公司", "企业", "单位", "机构", "company", "account", "organization", "organisation")


def _words(header: str) -> set[str]:
    return set(re.findall(r"[a-z]+", header.casefold()))


def field_group(spec: ColumnSpec, *, b2b: bool) -> str:
    """The card group of one column: by role first, then by header words, else the profile."""
    if spec.role in _ROLE_GROUP:
        return _ROLE_GROUP[spec.role]
    if spec.type == FieldType.TEXT and spec.role not in (Role.NAME, Role.ID):
        return "notes"
    head = spec.name.casefold()
    latin = _words(spec.name)
    for group, words in _WORDS.items():
        for w in words:
            if (w.isascii() and w in latin) or (not w.isascii() and w in head):
                return group
    return "company" if b2b else "basic"


def is_b2b(mapping: Mapping) -> bool:
    """Whether the list describes companies (industry / size roles, or a 公司/company header)."""
    for c in mapping.columns:
        if not c.include:
            continue
        if c.role in (Role.INDUSTRY, Role.EMPLOYEES):
            return True
        if c.role in (Role.NAME, Role.ID) and any(w in c.name.casefold() for w in _B2B_WORDS):
            return True
    return False


def find_rows(dataset: Dataset, query: str, *, limit: int = 50) -> list[tuple[Any, str]]:
    """(row index, name) of the customers whose name holds ``query`` (case-insensitive)."""
    names = dataset.names()
    q = query.strip().casefold()
    hit = names.str.casefold().str.contains(q, regex=False) if q else names.notna()
    return list(names[hit].head(limit).items())


@dataclass
class CardField:
    column: str
    text: str  # the value as a person writes it ("" when empty)

    @property
    def empty(self) -> bool:
        return not self.text


@dataclass
class Card:
    """One customer's portrait, already in the chosen language."""

    name: str
    row: Any  # index label in dataset.table
    lang: Lang
    b2b: bool
    groups: list[tuple[str, list[CardField]]]  # (group key, fields) in GROUPS order
    status: str  # "best" / "won" / "lost" / "open" / "rest"
    rank: int | None
    score: int | None
    tier: str | None
    reasons: list[str]
    matches: list[str]
    lacks: list[str]
    warnings: list[str]
    ask: list[str]  # empty columns worth asking about
    next_steps: list[str]
    tags: list[str] = field(default_factory=list)
    n_traits: int = 0

    def group_title(self, key: str) -> str:
        if key == "company" or (key == "basic" and self.b2b):
            return t("card.group.company", self.lang)
        return t(f"card.group.{key}", self.lang)

    def sections(self) -> list[Section]:
        """The card as report sections (Markdown / PDF via ``icp.report``)."""
        lang = self.lang
        head = Section(t("card.title", lang, name=self.name))
        head.add("para", self.status_line())
        if self.tags:
            head.add("note", t("card.tags", lang, tags=join(self.tags, lang)))
        for key, fields in self.groups:
            table = pd.DataFrame(
                {
                    t("card.col.field", lang): [f.column for f in fields],
                    t("card.col.value", lang): [f.text or "—" for f in fields],
                }
            )
            head.add("h2", self.group_title(key)).add("table", table=table)
        fit = Section(t("card.fit", lang))
        if self.score is not None:
            fit.add("para", t("card.score", lang, score=self.score, tier=self.tier))
            for r in self.reasons:
                fit.add("bullet", r)
        else:
            fit.add("note", t("card.no_score", lang))
        fit.add("h2", t("card.matches", lang, k=len(self.matches), n=self.n_traits))
        for line in self.matches or [t("card.none", lang)]:
            fit.add("good" if self.matches else "note", line)
        fit.add("h2", t("card.lacks", lang))
        for line in self.lacks or [t("card.none", lang)]:
            fit.add("bad" if self.lacks else "note", line)
        if self.warnings:
            fit.add("h2", t("card.warnings", lang))
            for line in self.warnings:
                fit.add("bad", line)
        nxt = Section(t("card.next", lang))
        if self.ask:
            nxt.add("para", t("card.ask", lang, fields=join(self.ask, lang)))
        for line in self.next_steps:
            nxt.add("bullet", line)
        return [head, fit, nxt]

    def status_line(self) -> str:
        if self.rank is not None and self.status == "best":
            return t("card.status.best_rank", self.lang, rank=self.rank)
        return t(f"card.status.{self.status}", self.lang)


# ---------------------------------------------------------------- building


def _num(x: float, lang: Lang) -> str:
    return fmt_human(x, "zh") if lang == "zh" else fmt_number(x)


def _display(dataset: Dataset, spec: ColumnSpec, row: Any, lang: Lang) -> str:
    """The cell as a person writes it; Chinese amounts in 万/亿 (750万, not 7,500,000)."""
    v = dataset.table.at[row, spec.name]
    if v is None or (isinstance(v, float) and math.isnan(v)) or v is pd.NaT:
        return ""
    try:
        if pd.isna(v):
            return ""
    except (TypeError, ValueError):
        pass
    if spec.type == FieldType.NUMBER:
        rng = dataset.ranges.get(spec.name)
        if rng is not None and row in rng.index:
            lo, hi = rng.at[row, "low"], rng.at[row, "high"]
            if pd.notna(lo) and pd.notna(hi) and lo != hi:
                return f"{_num(float(lo), lang)}–{_num(float(hi), lang)}"
        x = float(v)
        return fmt_percent(x) if spec.role == Role.MARGIN else _num(x, lang)
    if spec.type == FieldType.DATE:
        return pd.Timestamp(v).strftime("%Y-%m-%d")
    return str(v).strip()


def _has(dataset: Dataset, tr: Trait, row: Any) -> bool | None:
    """Whether the row shows the trait; None when its cell is empty (unknown)."""
    v = dataset.table.at[row, tr.column] if tr.column in dataset.table.columns else None
    spec = dataset.mapping.get(tr.column)
    if spec is None or v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    text = str(v).strip()
    if not text or text.lower() in ("nan", "<na>"):
        return None
    if tr.kind == "multi" and spec.sep:
        return tr.value in split_tags(pd.Series([text]), spec.sep).iloc[0]
    if tr.kind == "text":
        return tr.value.casefold() in {w.casefold() for w in tokenize(text)}
    return text == tr.value


def _in_spot(dataset: Dataset, nt: NumericTrait, row: Any) -> bool | None:
    if nt.column not in dataset.table.columns:
        return None
    x = pd.to_numeric(pd.Series([dataset.table.at[row, nt.column]]), errors="coerce").iloc[0]
    if not np.isfinite(x):
        return None
    if math.isfinite(nt.low) and math.isfinite(nt.high):
        return bool(nt.low <= x <= nt.high)
    return bool((x >= nt.rest_median) == (nt.best_median >= nt.rest_median))


def _status(dataset: Dataset, analysis: Analysis, row: Any) -> tuple[str, int | None]:
    rank = None
    if analysis.ranking is not None and row in analysis.ranking.table.index:
        rank = int(analysis.ranking.table.at[row, "rank"])
    flags = won_flags(dataset, analysis.won)
    if flags is not None:
        flag = flags.get(row, pd.NA)
        if flag is not pd.NA and not pd.isna(flag):
            if bool(analysis.best_mask.get(row, False)) and analysis.mode == "top":
                return "best", rank
            return ("won" if bool(flag) else "lost"), rank
        if not bool(analysis.best_mask.get(row, False)):
            return "open", rank
    if bool(analysis.best_mask.get(row, False)):
        return ("best" if analysis.mode == "top" else "won"), rank
    return "rest", rank


def fit_model(dataset: Dataset, analysis: Analysis) -> _score.FitModel:
    """The prospect fit model trained on this analysis (cache it: the card reuses it per row)."""
    return _score.fit(
        dataset,
        analysis.best_mask,
        traits=[*analysis.traits, *analysis.warning_traits] or None,
        numeric=analysis.numeric,
    )


def _fit_row(
    dataset: Dataset, analysis: Analysis, row: Any, model: _score.FitModel, lang: Lang
) -> tuple[int, str, list[str]]:
    one = replace(dataset, table=dataset.table.loc[[row]])
    scored = _score.score_prospects(
        dataset, analysis, one, lang=lang, model=model, with_backtest=False
    ).table.iloc[0]
    reasons = [str(scored[f"reason_{i}"]) for i in (1, 2, 3) if str(scored[f"reason_{i}"])]
    return int(scored["score"]), str(scored["tier"]), reasons


def card(
    dataset: Dataset,
    analysis: Analysis,
    row: Any,
    *,
    lang: Lang,
    model: _score.FitModel | None = None,
    tags: list[str] | None = None,
) -> Card:
    """The portrait card of the customer in table row ``row`` (an index label)."""
    table = dataset.table
    mapping = dataset.mapping
    b2b = is_b2b(mapping)
    name = str(dataset.names().at[row])
    groups: dict[str, list[CardField]] = {}
    for spec in mapping.columns:
        if not spec.include or spec.name not in table.columns or spec.role == Role.NAME:
            continue
        key = field_group(spec, b2b=b2b)
        groups.setdefault(key, []).append(CardField(spec.name, _display(dataset, spec, row, lang)))
    ordered = [(k, groups[k]) for k in GROUPS if k in groups]

    outcome = analysis.mode == "outcome"
    matches, lacks, unknown = [], [], []
    for tr in analysis.traits:
        has = _has(dataset, tr, row)
        line = tr.message(outcome=outcome).render(lang)
        if has is None:
            unknown.append(tr.column)
        elif has:
            matches.append(line)
        elif tr.kind != "text":
            lacks.append(line)
    # Measures that define "best" (schema.MEASURE_ROLES: value, cycle, referrals…) are shown on
    # the card, never a trait it "matches": a customer does not fit because it is one of the best.
    profile_numeric = [nt for nt in analysis.numeric if nt.role not in MEASURE_ROLES]
    for nt in profile_numeric:
        inside = _in_spot(dataset, nt, row)
        line = nt.message(outcome=outcome).render(lang)
        if inside is None:
            unknown.append(nt.column)
        else:
            (matches if inside else lacks).append(line)
    warnings = [
        tr.message(outcome=outcome, warning=True).render(lang)
        for tr in analysis.warning_traits
        if _has(dataset, tr, row)
    ]
    n_traits = len(analysis.traits) + len(profile_numeric)

    model = model or fit_model(dataset, analysis)
    score, tier, reasons = _fit_row(dataset, analysis, row, model, lang)

    empty = {f.column for _, fields in ordered for f in fields if f.empty}
    worth = [*unknown, *model.columns]
    worth += [f.column for k, fields in ordered if k != "deal" and k != "notes" for f in fields]
    ask = [c for c in dict.fromkeys(worth) if c in empty]

    status, rank = _status(dataset, analysis, row)
    steps = [m.render(lang) for m in _next_steps(status, score, warnings, ask, lang)]
    return Card(
        name=name,
        row=row,
        lang=lang,
        b2b=b2b,
        groups=ordered,
        status=status,
        rank=rank,
        score=score,
        tier=tier,
        reasons=reasons,
        matches=matches,
        lacks=lacks,
        warnings=warnings,
        ask=ask[:8],
        next_steps=steps,
        tags=list(tags or []),
        n_traits=n_traits,
    )


def join(items: list[str], lang: Lang) -> str:
    """A list the way each language writes one: "a, b" / "a、b"."""
    return ("、" if lang == "zh" else ", ").join(items)


def _next_steps(
    status: str, score: int, warnings: list[str], ask: list[str], lang: Lang
) -> list[Msg]:
    """What to do with this customer: by where it stands, then by how well it fits."""
    out: list[Msg] = []
    if status in ("best", "won"):
        out.append(Msg(f"card.step.{status}"))
    elif status == "lost":
        out.append(Msg("card.step.lost_fit" if score >= 50 else "card.step.lost", {"score": score}))
    else:
        a, b, _ = _score.TIER_EDGES
        key = "first" if score >= a else "follow" if score >= b else "low"
        key = f"card.step.{key}"
        out.append(Msg(key, {"score": score}))
    if warnings:
        out.append(Msg("card.step.warning"))
    if ask:
        out.append(Msg("card.step.ask", {"fields": join(ask[:3], lang)}))
    return out
