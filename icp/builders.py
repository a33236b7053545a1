"""The two 7-step builders: the Ideal Customer Profile (S1–S7) and the ideal
decision maker (P1–P7), plus the "use it" checklist.

Each step is a small model (title, intro, prompts).  ``suggestions`` pre-fills
a step with what the data says — the chosen best customers, the traits they
share, what they used before, the contact titles mapped to buying-committee
roles, goal and obstacle words in free-text notes — each with its evidence,
for the user to accept, edit or reject.  Where the data says nothing, the
method's own options are offered instead (with no evidence).

``draft_icp_statement`` (S7) and ``draft_persona_story`` (P7) write a
narrative from the answers in the chosen language, falling back to the data
for slots the user left empty; they are pure templates, no external service.

Answers are ``{step_id: {prompt_id: text}}``.  The S7 statement is prompt
``statement`` of S7, the P7 story prompt ``story`` of P7, and the checklist
ticks are step ``USE`` (field = item key, text ``"1"`` or ``""``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from icp import fmt
from icp.dataset import Dataset
from icp.i18n import Lang, Msg, t
from icp.model import Analysis, NumericTrait, Settings, Trait
from icp.schema import FieldType, Role

__all__ = [
    "COMMITTEE_ROLES",
    "EXCLUSIVE_PROMPTS",
    "ICP_STEPS",
    "PERSONA_STEPS",
    "STEPS",
    "USE_CHECKLIST",
    "USE_STEP",
    "Prompt",
    "Step",
    "Suggestion",
    "committee_role",
    "draft_icp_statement",
    "draft_persona_story",
    "is_person_data",
    "missing_required",
    "progress",
    "step_text",
    "suggestions",
    "use_all",
]

Answers = Mapping[str, Mapping[str, str]]


# ---------------------------------------------------------------- step models


@dataclass(frozen=True)
class Prompt:
    """One question of a step; its texts are catalogue keys."""

    id: str
    label_key: str
    help_key: str | None = None
    example_key: str | None = None
    required: bool = False


@dataclass(frozen=True)
class Step:
    id: str
    builder: Literal["icp", "persona"]
    title_key: str
    intro_key: str
    prompts: tuple[Prompt, ...]


@dataclass
class Suggestion:
    """A pre-filled answer for ``prompt_id``; ``evidence`` says why (None = a method option)."""

    prompt_id: str
    text: str  # already in the chosen language
    evidence: Msg | None


def _prompt(step: str, pid: str, *, required: bool = False, help: bool = True) -> Prompt:
    base = f"builders.{step}.{pid}"
    return Prompt(
        id=pid,
        label_key=f"{base}.label",
        help_key=f"{base}.help" if help else None,
        example_key=f"{base}.example",
        required=required,
    )


def _step(sid: str, builder: Literal["icp", "persona"], *prompts: Prompt) -> Step:
    return Step(sid, builder, f"builders.{sid}.title", f"builders.{sid}.intro", prompts)


# (prompt id, required) per step, in the order the user sees them.
_LAYOUT: dict[str, tuple[tuple[str, bool], ...]] = {
    "S1": (("best", True), ("criteria", False), ("why", False)),
    "S2": (
        ("industry", True),
        ("size", True),
        ("location", False),
        ("finance", False),
        ("growth", False),
    ),
    "S3": (
        ("technology", False),
        ("culture", False),
        ("team", False),
        ("influence", False),
        ("channels", False),
        ("other", False),
    ),
    "S4": (("goals", True), ("trigger", False), ("success", False)),
    "S5": (
        ("decider", True),
        ("stakeholders", False),
        ("champion", False),
        ("motivation", False),
        ("friction", False),
        ("support", False),
        ("customisation", False),
        ("cycle", False),
    ),
    "S6": (("before", True), ("kind", False), ("switch", False)),
    "S7": (("statement", True), ("disqualifiers", False)),
    "P1": (("title", True), ("seniority", False), ("duties", False)),
    "P2": (
        ("age", False),
        ("gender", False),
        ("location", False),
        ("education", False),
        ("income", False),
        ("marital", False),
        ("reading", False),
        ("hobbies", False),
        ("channels", False),
        ("habits", False),
    ),
    "P3": (
        ("personality", False),
        ("ambition", False),
        ("social", False),
        ("skills", False),
        ("experience", False),
    ),
    "P4": (("responsibilities", False), ("measures", True), ("career", False), ("skills", False)),
    "P5": (
        ("challenges", True),
        ("politics", False),
        ("budget", False),
        ("authority", False),
        ("timing", False),
        ("fud", False),
    ),
    "P6": (
        ("others", False),
        ("sources", False),
        ("time", True),
        ("obstacles", False),
        ("research", False),
        ("stakeholders", False),
        ("style", False),
    ),
    "P7": (("story", True),),
}


def _build(sid: str) -> Step:
    builder: Literal["icp", "persona"] = "icp" if sid.startswith("S") else "persona"
    return _step(sid, builder, *(_prompt(sid, p, required=r) for p, r in _LAYOUT[sid]))


ICP_STEPS: tuple[Step, ...] = tuple(_build(f"S{i}") for i in range(1, 8))
PERSONA_STEPS: tuple[Step, ...] = tuple(_build(f"P{i}") for i in range(1, 8))
STEPS: dict[str, Step] = {s.id: s for s in (*ICP_STEPS, *PERSONA_STEPS)}

USE_STEP = "USE"
USE_CHECKLIST: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "builders.use.marketing",
        (
            "builders.use.marketing.site",
            "builders.use.marketing.content",
            "builders.use.marketing.ads",
            "builders.use.marketing.cases",
        ),
    ),
    (
        "builders.use.sales",
        (
            "builders.use.sales.team",
            "builders.use.sales.targets",
            "builders.use.sales.enablement",
            "builders.use.sales.demo",
        ),
    ),
    (
        "builders.use.product",
        ("builders.use.product.onboarding", "builders.use.product.roadmap"),
    ),
)

# Method options offered when the data has nothing for a prompt: (step, prompt) -> option ids.
_OPTIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("S1", "criteria"): ("cycle", "profit", "volume", "referrals", "support", "ltv_cac"),
    ("S3", "team"): ("distributed", "centralised"),
    ("S4", "goals"): ("cost", "growth", "workflow", "bottom_line", "mission"),
    ("S6", "kind"): ("competitor", "unaware", "homegrown", "manual"),
    ("P1", "seniority"): ("c_level", "vp", "director", "manager"),
    ("P6", "style"): ("bargain", "best"),
}


# Prompts whose options exclude each other: "Use all" adds only the first of them.
EXCLUSIVE_PROMPTS: frozenset[tuple[str, str]] = frozenset(
    {
        ("S3", "team"),
        ("S6", "kind"),
        ("P1", "seniority"),
        ("P6", "style"),
    }
)


def use_all(step_id: str, prompt_id: str, found: list[Suggestion]) -> list[str]:
    """The texts "Use all" appends for one prompt: all of them, except where the options
    contradict each other (a distributed *and* a centralised team), where only the first
    (the data's strongest) is taken."""
    texts = list(dict.fromkeys(s.text for s in found if s.prompt_id == prompt_id))
    if (step_id, prompt_id) in EXCLUSIVE_PROMPTS:
        return texts[:1]
    return texts


def _option(step: str, pid: str, option: str, lang: Lang) -> str:
    return t(f"builders.opt.{step}.{pid}.{option}", lang)


# ---------------------------------------------------------------- buying committee


def _w(*parts: str) -> tuple[str, ...]:
    """A word list written as "a|b|c" strings (keeps the vocabularies readable)."""
    return tuple(w for part in parts for w in part.split("|"))


COMMITTEE_ROLES: tuple[str, ...] = ("decider", "champion", "influencer", "user", "gatekeeper")

# Checked in this order: a "purchasing director" guards the gate, an "IT manager" champions.
_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "gatekeeper",
        _w(
            "procurement|purchasing|purchaser|buyer|sourcing|legal|assistant",
            "secretary|admin|office manager|receptionist",
            "采购|法务|助理|秘书|行政|前台",
        ),
    ),
    (
        "decider",
        _w(
            "ceo|coo|cfo|cto|cio|cmo|cro|cpo|chief|president|founder|owner|partner",
            "vp|vice president|director|head|general manager|managing director|gm",
            "boss|owner",
            "总裁|总经理|董事|创始人|老板|总监|副总|首席|合伙人|负责人|厂长|校长|院长",
            "法人|法定代表人|股东|高管|老总",
        ),
    ),
    ("champion", _w("manager|lead|supervisor|经理|主管|组长|主任")),
    (
        "influencer",
        _w(
            "engineer|architect|analyst|consultant|it|technical",
            "工程师|架构师|分析师|顾问|技术|专家",
        ),
    ),
    ("user", _w("staff|specialist|operator|coordinator|clerk|agent|rep|专员|操作员|文员|员工")),
)

_SENIORITY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "c_level",
        _w(
            "ceo|coo|cfo|cto|cio|cmo|cro|cpo|chief|president|founder|owner",
            "总裁|总经理|董事|创始人|首席|老板",
        ),
    ),
    ("vp", _w("vp|vice president|副总")),
    ("director", _w("director|head|总监|负责人|厂长")),
    ("manager", _w("manager|lead|经理|主管")),
)


_PLAIN = re.compile(r"[a-z0-9]+")


def _has_word(text: str, words: Iterable[str]) -> str | None:
    """The first of ``words`` found in ``text`` (whole words for Latin, substrings for CJK)."""
    low = text.lower()
    tokens = set(re.findall(r"[a-z0-9]+", low))
    for w in words:
        if w in tokens or (not _PLAIN.fullmatch(w) and w in low):
            return w
    return None


def committee_role(title: str) -> str | None:
    """The buying-committee role a contact title most likely plays, or None if unclear.

    Roles follow seed 001: decider, champion, influencer, user, gatekeeper.
    """
    for role, words in _ROLE_WORDS:
        if _has_word(title, words):
            return role
    return None


def _seniority(title: str) -> str | None:
    for level, words in _SENIORITY_WORDS:
        if _has_word(title, words):
            return level
    return None


# ---------------------------------------------------------------- routing data to prompts

# Header words for columns without a specific role: (words, step, prompt).
_HEADER_ROUTES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (_w("title|position|job|职位|职务|岗位|头衔"), "P1", "title"),
    (_w("marital|married|婚姻|婚否|婚姻状况|婚姻状态"), "P2", "marital"),
    (_w("previous|before|incumbent|current vendor|原方案|之前|原有|原先"), "S6", "before"),
    (_w("goal|goals|need|needs|pain|pains|目标|需求|痛点|诉求"), "S4", "goals"),
    (
        _w(
            "tool|tools|tech|technology|stack|software|system|systems|erp|crm",
            "platform",
            "工具|技术|系统|软件|平台",
        ),
        "S3",
        "technology",
    ),
    (_w("culture|文化|价值观"), "S3", "culture"),
    (_w("team|remote|office|offices|distributed|团队|办公|远程"), "S3", "team"),
    (_w("social|media|blog|content|influence|社交|媒体|博客|内容|影响力"), "S3", "influence"),
    (_w("channel|source|marketing|渠道|来源|营销"), "S3", "channels"),
    (_w("stage|funding|round|growth|阶段|融资|轮次|增长|增速"), "S2", "growth"),
    (
        _w("revenue|turnover|sales|profit|valuation|营收|收入|营业额|销售额|利润|估值|市值"),
        "S2",
        "finance",
    ),
    (_w("industry|sector|vertical|market|segment|行业|市场|领域|客群"), "S2", "industry"),
    (_w("location|city|province|country|region|state|地区|城市|省|区域|所在地"), "S2", "location"),
    (_w("size|employees|headcount|staff|department|人数|规模|员工|部门"), "S2", "size"),
)

_ROLE_ROUTES: dict[Role, tuple[str, str]] = {
    Role.INDUSTRY: ("S2", "industry"),
    Role.REGION: ("S2", "location"),
    Role.EMPLOYEES: ("S2", "size"),
    Role.VALUE: ("S2", "finance"),
    Role.PROFIT: ("S2", "finance"),
    Role.MARGIN: ("S2", "finance"),
    Role.LTV: ("S2", "finance"),
    Role.CHANNEL: ("S3", "channels"),
    Role.PREVIOUS: ("S6", "before"),
    Role.CONTACT_TITLE: ("P1", "title"),
    Role.NOTES: ("S4", "goals"),
    Role.CYCLE_DAYS: ("S5", "cycle"),
    Role.TICKETS: ("S5", "support"),
    Role.CAC: ("S1", "why"),
    Role.DEALS: ("S1", "why"),
    Role.REFERRALS: ("S1", "why"),
}
_SKIP_ROLES = frozenset({Role.NAME, Role.ID, Role.OUTCOME, Role.CREATED, Role.CLOSED})


def _column_role(column: str, dataset: Dataset | None) -> Role:
    if dataset is not None:
        spec = dataset.mapping.get(column)
        if spec is not None:
            return spec.role
    return Role.NONE


def _route(column: str, role: Role) -> tuple[str, str] | None:
    """Where a column's findings belong: (step id, prompt id), or None to skip."""
    if role in _SKIP_ROLES:
        return None
    if role in _ROLE_ROUTES:
        return _ROLE_ROUTES[role]
    for words, step, pid in _HEADER_ROUTES:
        if _has_word(column, words):
            return step, pid
    return "S3", "other"


# Goal and obstacle vocabularies for free-text notes and tags.
_GOAL_WORDS: dict[str, tuple[str, ...]] = {
    "cost": _w("cost|costs|saving|savings|save|cheaper|成本|降本|节省|省钱|费用"),
    "growth": _w("growth|grow|scale|scaling|expand|expansion|增长|扩张|规模|拓展|获客"),
    "workflow": _w(
        "workflow|process|efficiency|efficient|automation|automate|productivity",
        "流程|效率|自动化|协同|提效",
    ),
    "bottom_line": _w("profit|profitability|margin|margins|revenue|利润|营收|毛利|盈利"),
    "mission": _w(
        "mission|social|sustainability|sustainable|esg|green|impact",
        "使命|社会责任|环保|可持续|公益",
    ),
}
_OBSTACLE_WORDS: dict[str, tuple[str, ...]] = {
    "budget": _w("budget|price|pricing|expensive|预算|价格|太贵|报价"),
    "authority": _w(
        "approval|approve|sign-off|signoff|authority|boss|board|审批|批准|老板|领导|上级"
    ),
    "timing": _w("timing|later|delay|delayed|busy|postpone|时机|明年|以后|推迟|延期|忙"),
    "fud": _w(
        "risk|risky|worry|worried|concern|concerns|doubt|fear|security|unsure",
        "风险|担心|顾虑|安全|怀疑|不确定",
    ),
    "politics": _w("politics|political|conflict|silo|turf|政治|矛盾|内耗|扯皮"),
}
_PREVIOUS_KINDS: dict[str, tuple[str, ...]] = {
    "manual": _w(
        "excel|spreadsheet|spreadsheets|sheet|sheets|manual|paper|email|wps",
        "表格|手工|人工|纸质|手动|邮件",
    ),
    "unaware": _w("none|nothing|no|n/a|无|没有|未使用|不需要"),
    "homegrown": _w("homegrown|in-house|inhouse|internal|custom|own|自研|自建|自主开发|内部|定制"),
}


# ---------------------------------------------------------------- formatting helpers


def _join(items: list[str], lang: Lang, *, word: str | None = None) -> str:
    """ "a, b and c" / "a、b和c"; ``word`` replaces "and"/"和" (e.g. "or"/"或")."""
    items = [i for i in items if i]
    if not items:
        return ""
    if lang == "zh":
        if len(items) == 1:
            return items[0]
        return "、".join(items[:-1]) + (word or "和") + items[-1]
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + f" {word or 'and'} " + items[-1]


_BULLET = re.compile(r"^\s*(?:[-*•·●▪]|\d+[.)、])\s*")


def _lines(text: str | None) -> list[str]:
    """An answer split into its items (one per line), bullets and end punctuation removed."""
    if not text:
        return []
    out = []
    for line in str(text).splitlines():
        line = _BULLET.sub("", line).strip().rstrip("。.;；,，、 ")
        if line:
            out.append(line)
    return out


def _lower_first(text: str) -> str:
    """Lower-case a leading plain capitalised word so a phrase fits mid-sentence ("Cut costs")."""
    words = text.split(" ", 1)
    head = words[0]
    if len(head) > 1 and head[0].isupper() and head[1].isalpha() and head[1:].islower():
        return head[0].lower() + head[1:] + (" " + words[1] if len(words) > 1 else "")
    return text


def _common_noun(text: str) -> str:
    """Lower-case every plain capitalised word ("Financial Services" -> "financial services")."""
    return " ".join(
        w[0].lower() + w[1:]
        if len(w) > 1 and w[0].isupper() and w[1].isalpha() and w[1:].islower()
        else w
        for w in text.split(" ")
    )


# ---------------------------------------------------------------- evidence


def _outcome(analysis: Analysis | None) -> bool:
    return analysis is not None and analysis.mode == "outcome"


def _trait_evidence(tr: Trait, analysis: Analysis | None) -> Msg:
    key = "builders.ev.trait_outcome" if _outcome(analysis) else "builders.ev.trait"
    return Msg(
        key,
        {
            "count": tr.best_count,
            "n": tr.best_n,
            "column": tr.column,
            "rest_pct": round(100 * tr.rest_share),
        },
    )


def _numeric_evidence(nt: NumericTrait, analysis: Analysis | None, lang: Lang) -> Msg:
    key = "builders.ev.numeric_outcome" if _outcome(analysis) else "builders.ev.numeric"
    return Msg(
        key,
        {
            "column": nt.column,
            "best": nt.num(nt.best_median),
            "rest": nt.num(nt.rest_median),
            "n": nt.best_n,
        },
    )


# ---------------------------------------------------------------- suggestions


def suggestions(
    step_id: str,
    analysis: Analysis | None,
    dataset: Dataset | None,
    *,
    lang: Lang,
    settings: Settings | None = None,
) -> list[Suggestion]:
    """Pre-filled answers for ``step_id`` from the data, each with its evidence.

    Returns data-backed suggestions first (strongest first, a few per prompt);
    prompts the data says nothing about get the method's own options (with
    ``evidence=None``) where the method has a list to choose from.  Never
    fails for missing data: ``analysis`` and ``dataset`` may be None.
    """
    step = STEPS.get(step_id)
    if step is None:
        return []
    found: dict[str, list[Suggestion]] = {p.id: [] for p in step.prompts}

    def add(pid: str, text: str, evidence: Msg | None) -> None:
        bucket = found.setdefault(pid, [])
        if text and all(s.text != text for s in bucket) and len(bucket) < _PER_PROMPT:
            bucket.append(Suggestion(pid, text, evidence))

    for sid, pid, text, ev in _data_suggestions(analysis, dataset, lang, settings):
        if sid == step_id:
            add(pid, text, ev)

    for p in step.prompts:
        if found.get(p.id):
            continue
        for option in _OPTIONS.get((step_id, p.id), ()):
            found[p.id].append(Suggestion(p.id, _option(step_id, p.id, option, lang), None))
    return [s for p in step.prompts for s in found.get(p.id, [])]


_PER_PROMPT = 5
_Found = tuple[str, str, str, Msg | None]  # (step, prompt, text, evidence)


def _data_suggestions(
    analysis: Analysis | None, dataset: Dataset | None, lang: Lang, settings: Settings | None
) -> list[_Found]:
    """Every data-backed suggestion for every step, in strength order."""
    out: list[_Found] = []
    if analysis is not None:
        out += _from_ranking(analysis, lang, settings)
        out += _from_traits(analysis, dataset, lang)
        out += _from_numeric(analysis, lang)
        out += _from_kpis(analysis, lang)
        out += _from_text(analysis, dataset, lang)
    out += _from_titles(analysis, dataset, lang)
    return out


def _from_ranking(analysis: Analysis, lang: Lang, settings: Settings | None) -> list[_Found]:
    out: list[_Found] = []
    names = [n for n in analysis.best_names if n]
    if names:
        sep = "、" if lang == "zh" else ", "
        key = "builders.ev.best_outcome" if _outcome(analysis) else "builders.ev.best_top"
        out.append(("S1", "best", sep.join(names), Msg(key, {"n": len(names)})))
    if _outcome(analysis):
        ev = Msg("builders.ev.mode_outcome", {})
        out.append(("S1", "criteria", t("builders.sug.criteria_outcome", lang), ev))
    elif analysis.ranking is not None and analysis.ranking.criteria:
        weights = settings.weights if settings is not None else {}
        parts = [
            t(
                "builders.sug.criterion_weight",
                lang,
                criterion=t(f"builders.opt.S1.criteria.{_CRITERION_OPTION.get(c, c)}", lang),
                weight=fmt.human(float(weights.get(c, 1.0)), lang),
            )
            for c in analysis.ranking.criteria
        ]
        sep = "；" if lang == "zh" else "; "
        out.append(
            (
                "S1",
                "criteria",
                sep.join(parts),
                Msg("builders.ev.criteria", {"count": len(parts)}),
            )
        )
    return out


# analysis.CRITERIA id -> option id of S1.criteria
_CRITERION_OPTION = {
    "sales_cycle": "cycle",
    "profit": "profit",
    "deal_value": "volume",
    "referrals": "referrals",
    "support": "support",
    "ltv_cac": "ltv_cac",
}


def _from_traits(analysis: Analysis, dataset: Dataset | None, lang: Lang) -> list[_Found]:
    out: list[_Found] = []
    for tr in analysis.traits:
        role = _column_role(tr.column, dataset)
        route = _route(tr.column, role)
        if route is None or tr.kind == "text" or route == ("P1", "title"):
            continue  # text keywords: see _from_text; titles: see _from_titles
        sid, pid = route
        ev = _trait_evidence(tr, analysis)
        if (sid, pid) == ("S4", "goals"):  # offered only as goals ("Cut costs"), never raw values
            out += _classified(tr.value, ev, lang, analysis, goals=True)
            continue
        value = tr.value
        if (sid, pid) in {("S2", "industry"), ("S2", "location"), ("S6", "before")}:
            text = value
        elif (sid, pid) == ("S3", "technology"):
            text = t("builders.sug.uses", lang, value=value)
        else:
            text = t("builders.sug.value_column", lang, column=tr.column, value=value)
        out.append((sid, pid, text, ev))
        if (sid, pid) == ("S6", "before"):
            kind = _previous_kind(value)
            out.append(
                (
                    "S6",
                    "kind",
                    _option("S6", "kind", kind, lang),
                    Msg("builders.ev.kind_from", {"value": value}),
                )
            )
        if (sid, pid) == ("S3", "channels"):
            out.append(("P6", "sources", text, ev))
            out.append(("P2", "channels", text, ev))
    for tr in analysis.warning_traits:
        if _column_role(tr.column, dataset) in _SKIP_ROLES or tr.kind == "text":
            continue
        out.append(
            (
                "S7",
                "disqualifiers",
                t("builders.sug.value_column", lang, column=tr.column, value=tr.value),
                Msg(
                    "builders.ev.warning_outcome" if _outcome(analysis) else "builders.ev.warning",
                    {
                        "count": tr.rest_count,
                        "n": tr.rest_n,
                        "best_pct": round(100 * tr.best_share),
                        "column": tr.column,
                    },
                ),
            )
        )
    return out


def _previous_kind(value: str) -> str:
    for kind, words in _PREVIOUS_KINDS.items():
        if _has_word(value, words) or value.strip().lower() in words:
            return kind
    return "competitor"


def _from_numeric(analysis: Analysis, lang: Lang) -> list[_Found]:
    """Numeric findings routed to their prompts: a band as its range ("100–300 employees"),
    a shift as both medians, a warning band as a disqualifier."""
    out: list[_Found] = []
    for nt in analysis.numeric:
        route = _route(nt.column, nt.role)
        if route is None or not nt.is_finding:
            continue
        if nt.kind == "warning":
            ev = Msg(
                "builders.ev.warning_outcome" if _outcome(analysis) else "builders.ev.warning",
                {
                    "count": nt.rest_count,
                    "n": nt.rest_n,
                    "best_pct": round(100 * nt.best_in_range),
                    "column": nt.column,
                },
            )
            text = t("builders.sug.column_range", lang, column=nt.column, range=nt.span())
            out.append(("S7", "disqualifiers", text, ev))
            continue
        ev = _numeric_evidence(nt, analysis, lang)
        band = nt.kind == "band"
        medians = t(
            "builders.sug.median_vs",
            lang,
            column=nt.column,
            best=nt.num(nt.best_median),
            rest=nt.num(nt.rest_median),
        )
        if nt.role == Role.EMPLOYEES or route == ("S2", "size"):
            if not band:
                text = medians
            elif nt.role == Role.EMPLOYEES:
                text = t("builders.sug.employees", lang, range=nt.span())
            else:
                text = t("builders.sug.column_range", lang, column=nt.column, range=nt.span())
            out.append(("S2", "size", text, ev))
        elif nt.role == Role.CYCLE_DAYS:
            text = t("builders.sug.days", lang, range=nt.span()) if band else medians
            out.append(("S5", "cycle", text, ev))
            out.append(("P6", "time", text, ev))
        elif nt.role == Role.TICKETS:
            out.append(("S5", "support", medians, ev))
        else:
            sid, pid = route
            if sid == "S3" and pid != "other":
                pid = "other"
            if sid not in {"S1", "S2", "S3"}:
                sid, pid = "S3", "other"
            text = (
                t("builders.sug.column_range", lang, column=nt.column, range=nt.span())
                if band
                else medians
            )
            out.append((sid, pid, text, ev))
    return out


def _from_kpis(analysis: Analysis, lang: Lang) -> list[_Found]:
    out: list[_Found] = []
    for key, kpi in analysis.kpis.items():
        if kpi.best is None or (isinstance(kpi.best, float) and math.isnan(kpi.best)):
            continue
        label = t(f"builders.kpi.{key}", lang) if key in _KPI_KEYS else key
        text = t(
            "builders.sug.kpi",
            lang,
            kpi=label,
            best=fmt.human(kpi.best, lang),
            rest=fmt.human(kpi.rest, lang) if kpi.rest is not None else "—",
        )
        ev = Msg("builders.ev.kpi_outcome" if _outcome(analysis) else "builders.ev.kpi", {})
        out.append(("S1", "why", text, ev))
    return out


_KPI_KEYS = frozenset({"ltv_cac", "sales_cycle_days", "employees", "deal_value"})


def _from_text(analysis: Analysis, dataset: Dataset | None, lang: Lang) -> list[_Found]:
    """Goal words (S4, P4) and obstacle words (P5) in notes, tags and free text."""
    out: list[_Found] = []
    outcome = _outcome(analysis)
    for column, df in analysis.keywords.items():
        if df is None or df.empty or "word" not in df.columns:
            continue
        role = _column_role(column, dataset)
        if role in _SKIP_ROLES or role == Role.CONTACT_TITLE:
            continue
        best = df.get("best_count", pd.Series(0, index=df.index)).fillna(0)
        rest = df.get("rest_count", pd.Series(0, index=df.index)).fillna(0)
        order = df.assign(_b=best, _r=rest).sort_values(["_b", "_r"], ascending=False)
        for word, b, r in zip(order["word"], order["_b"], order["_r"], strict=False):
            word = str(word)
            if b >= _MIN_MENTIONS:
                ev = Msg(
                    "builders.ev.keyword_outcome" if outcome else "builders.ev.keyword",
                    {"word": word, "count": int(b), "column": column},
                )
                out += _classified(word, ev, lang, analysis, goals=True)
            if b + r >= _MIN_MENTIONS:
                ev = Msg(
                    "builders.ev.keyword_all",
                    {"word": word, "count": int(b + r), "column": column},
                )
                out += _classified(word, ev, lang, analysis, goals=False)
    for tr in analysis.traits:
        if tr.kind == "text":
            out += _classified(tr.value, _trait_evidence(tr, analysis), lang, analysis, goals=True)
    for tr in analysis.warning_traits:
        if tr.kind in ("text", "multi"):
            ev = Msg(
                "builders.ev.warning_outcome" if outcome else "builders.ev.warning",
                {
                    "count": tr.rest_count,
                    "n": tr.rest_n,
                    "best_pct": round(100 * tr.best_share),
                    "column": tr.column,
                },
            )
            out += _classified(tr.value, ev, lang, analysis, goals=False)
    return out


_MIN_MENTIONS = 2  # a word one customer used is an anecdote, not a finding


def _classified(
    text: str, ev: Msg, lang: Lang, analysis: Analysis | None, *, goals: bool
) -> list[_Found]:
    """Goal categories (S4 goals + P4 measures) or obstacle categories (P5) that ``text`` names."""
    out: list[_Found] = []
    if goals:
        for goal, words in _GOAL_WORDS.items():
            if _has_word(text, words):
                out.append(("S4", "goals", _option("S4", "goals", goal, lang), ev))
                out.append(("P4", "measures", t(f"builders.sug.measure.{goal}", lang), ev))
    else:
        for obstacle, words in _OBSTACLE_WORDS.items():
            if _has_word(text, words):
                column = str(ev.params.get("column", ""))
                said = t("builders.sug.mentioned", lang, word=text, column=column)
                out.append(("P5", obstacle, said, ev))
    return out


def _titles(analysis: Analysis | None, dataset: Dataset | None) -> tuple[Counter, int, bool]:
    """Contact titles among the best (or won, or all) customers: counts, group size, best-only?"""
    col = None
    if dataset is not None:
        col = dataset.mapping.col(Role.CONTACT_TITLE)
        if col is None:
            for spec in dataset.mapping.columns:
                if (
                    spec.include
                    and spec.role == Role.NONE
                    and _route(spec.name, Role.NONE)
                    == (
                        "P1",
                        "title",
                    )
                ):
                    col = spec.name
                    break
    if dataset is not None and col is not None and col in dataset.table.columns:
        series = dataset.table[col]
        best = False
        if analysis is not None and len(analysis.best_mask) and analysis.best_mask.any():
            mask = analysis.best_mask.reindex(series.index, fill_value=False).astype(bool)
            series, best = series[mask], True
        values = [str(v).strip() for v in series.dropna() if str(v).strip()]
        return Counter(values), len(series), best
    if analysis is not None:
        counts: Counter = Counter()
        n = 0
        for tr in analysis.traits:
            if _route(tr.column, _column_role(tr.column, dataset)) == ("P1", "title"):
                counts[tr.value] = tr.best_count
                n = tr.best_n
        if counts:
            return counts, n, True
    return Counter(), 0, False


_COMMITTEE_WORDS = _w(
    "committee|stakeholders|stakeholder|buying team|buying group|contacts|decision makers",
    "采购委员会|决策链|参与人|联系人们|采购小组|决策团队",
)


def _committee_columns(dataset: Dataset | None) -> list[str]:
    """Columns that describe a buying committee *per account*: one column per role
    (two or more title columns), or one multi-select column of contacts/stakeholders.

    Without them, titles (one contact per account) are only "seen across the
    best accounts" — a committee is never invented from one title per row.
    """
    if dataset is None:
        return []
    specs = [c for c in dataset.mapping.columns if c.include]
    titles = [
        c.name
        for c in specs
        if c.role == Role.CONTACT_TITLE
        or (c.role == Role.NONE and _route(c.name, Role.NONE) == ("P1", "title"))
    ]
    if len(titles) >= 2:
        return titles
    return [
        c.name
        for c in specs
        if c.type == FieldType.MULTI and _has_word(str(c.name), _COMMITTEE_WORDS) is not None
    ]


def _from_titles(analysis: Analysis | None, dataset: Dataset | None, lang: Lang) -> list[_Found]:
    counts, n, best = _titles(analysis, dataset)
    if not counts:
        return []
    out: list[_Found] = []
    if best:
        key = "builders.ev.title_outcome" if _outcome(analysis) else "builders.ev.title"
    else:
        key = "builders.ev.title_all"
    roles = {title: committee_role(title) for title in counts}

    def ev(title: str) -> Msg:
        role = roles[title]
        role_name = t(f"builders.role.{role}" if role else "builders.role.unknown", lang)
        return Msg(key, {"count": counts[title], "n": n, "role": role_name})

    ranked = sorted(counts, key=lambda x: (-counts[x], x))
    deciders = [x for x in ranked if roles[x] == "decider"]
    for title in deciders or ranked[:1]:
        out.append(("P1", "title", title, ev(title)))
        out.append(("S5", "decider", title, ev(title)))
    for title in deciders[1:]:
        out.append(("P6", "others", title, ev(title)))
    for title in deciders or ranked[:1]:
        level = _seniority(title)
        if level:
            out.append(("P1", "seniority", _option("P1", "seniority", level, lang), ev(title)))
    for title in ranked:
        if roles[title] == "champion":
            out.append(("S5", "champion", title, ev(title)))
    labelled = [
        t(
            "builders.sug.title_role",
            lang,
            title=title,
            role=t(
                f"builders.role.{roles[title]}" if roles[title] else "builders.role.unknown", lang
            ),
        )
        for title in ranked[:7]
    ]
    primary = (deciders or ranked)[0]
    others = [label for title, label in zip(ranked, labelled, strict=False) if title != primary]
    distinct = {roles[x] for x in ranked if roles[x]}
    per_account = _committee_columns(dataset)
    out.append(
        (
            "S5",
            "stakeholders",
            _join(others[:6], lang),
            Msg(
                "builders.ev.committee" if per_account else "builders.ev.committee_across",
                {"roles": len(distinct), "titles": len(counts)},
            ),
        )
    )
    for title in ranked[:6]:
        if roles[title] not in (None, "decider"):
            label = labelled[ranked.index(title)]
            out.append(("P6", "stakeholders", label, ev(title)))
    return out


# ---------------------------------------------------------------- progress


def _filled(text: str | None) -> bool:
    return bool(text and str(text).strip())


def progress(answers: Answers) -> dict[str, Literal["empty", "partial", "done"]]:
    """Per step id: "empty" (nothing typed), "partial" (a required prompt still empty), "done"."""
    out: dict[str, Literal["empty", "partial", "done"]] = {}
    for sid, step in STEPS.items():
        given = answers.get(sid) or {}
        filled = {p.id for p in step.prompts if _filled(given.get(p.id))}
        if not filled:
            out[sid] = "empty"
        elif all(p.id in filled for p in step.prompts if p.required):
            out[sid] = "done"
        else:
            out[sid] = "partial"
    return out


def missing_required(answers: Answers) -> list[tuple[str, str]]:
    """(step id, prompt id) of every required prompt still empty, in step order."""
    return [
        (sid, p.id)
        for sid, step in STEPS.items()
        for p in step.prompts
        if p.required and not _filled((answers.get(sid) or {}).get(p.id))
    ]


def step_text(step_id: str, answers: Answers, *, lang: Lang) -> list[tuple[str, str]]:
    """(prompt label, answer) for every answered prompt of a step, for exports.

    For ``USE_STEP`` the pairs are (area, ticked item) for every ticked item.
    """
    given = answers.get(step_id) or {}
    if step_id == USE_STEP:
        return [
            (t(area, lang), t(item, lang))
            for area, items in USE_CHECKLIST
            for item in items
            if _filled(given.get(item))
        ]
    step = STEPS.get(step_id)
    if step is None:
        return []
    return [
        (t(p.label_key, lang), str(given[p.id]).strip())
        for p in step.prompts
        if _filled(given.get(p.id))
    ]


# ---------------------------------------------------------------- narrative drafts


# Evidence of suggestions that rest on a finding (a trait, a numeric finding, a warning
# sign): only these may fill a draft's empty slot.  Everything else — keyword mentions,
# the most common title, method options — waits until the user accepts it.
_FINDING_EVIDENCE = frozenset(
    {
        "builders.ev.trait",
        "builders.ev.trait_outcome",
        "builders.ev.numeric",
        "builders.ev.numeric_outcome",
        "builders.ev.warning",
        "builders.ev.warning_outcome",
        "builders.ev.kind_from",
    }
)


class _Slots:
    """Answer items per (step, prompt): the user's own answers (typed or accepted), else the
    findings of the data — never a suggestion nobody accepted."""

    def __init__(
        self, answers: Answers, analysis: Analysis | None, dataset: Dataset | None, lang: Lang
    ) -> None:
        self.answers = answers
        self.lang = lang
        self._data: dict[tuple[str, str], list[str]] = {}
        for sid, pid, text, ev in _data_suggestions(analysis, dataset, lang, None):
            if ev is not None and ev.key in _FINDING_EVIDENCE:
                self._data.setdefault((sid, pid), []).append(text)
        titles = _title_findings(analysis, dataset)
        for slot in (("P1", "title"), ("S5", "decider")):
            self._data.setdefault(slot, []).extend(titles)
        self.best_names = list(analysis.best_names) if analysis is not None else []

    def typed(self, sid: str, pid: str) -> list[str]:
        return _lines((self.answers.get(sid) or {}).get(pid))

    def get(self, sid: str, pid: str, *, fallback: int = 1) -> list[str]:
        return self.typed(sid, pid) or self._data.get((sid, pid), [])[:fallback]

    def first(self, *slots: tuple[str, str]) -> str:
        """The first slot the user answered, else the first the data fills ("" if none)."""
        for sid, pid in slots:
            if self.typed(sid, pid):
                return self.text(sid, pid)
        for sid, pid in slots:
            if self.get(sid, pid):
                return self.text(sid, pid)
        return ""

    def text(self, sid: str, pid: str, *, fallback: int = 1, word: str | None = None) -> str:
        return _join(self.get(sid, pid, fallback=fallback), self.lang, word=word)


def _title_findings(analysis: Analysis | None, dataset: Dataset | None) -> list[str]:
    """Contact titles that are findings (held clearly more often by the best), strongest first."""
    if analysis is None:
        return []
    return [
        tr.value
        for tr in analysis.traits
        if tr.kind == "single"
        and _route(tr.column, _column_role(tr.column, dataset)) == ("P1", "title")
    ]


# Header and value words of a list of people (TO C), not companies.
_PERSON_WORDS = _w(
    "student|students|person|people|patient|member|applicant|parent|family|age|gender|school",
    "学员|学生|姓名|年龄|性别|学历|家庭|父母|学校|患者|会员|孩子|家长",
)


def is_person_data(dataset: Dataset | None) -> bool:
    """Whether the rows are people (TO C: students, patients, members) rather than companies.

    Read from the headers: a name column such as 学员姓名, or at least two
    person headers (age, school, family …) and no company header.
    """
    if dataset is None:
        return False
    headers = [str(c.name) for c in dataset.mapping.columns if c.include]
    person = sum(1 for h in headers if _has_word(h, _PERSON_WORDS))
    company = sum(1 for h in headers if _has_word(h, _COMPANY_WORDS + _w("industry|行业")))
    name = dataset.mapping.col(Role.NAME)
    named = name is not None and _has_word(str(name), _PERSON_WORDS) is not None
    return company == 0 and (named or person >= 2)


def _sentences(parts: list[str], lang: Lang) -> str:
    """Sentences joined into one paragraph (a name ending in "Co." does not end in "..")."""
    sep = "" if lang == "zh" else " "
    return re.sub(r"(?<!\.)\.\.(?!\.)", ".", sep.join(p for p in parts if p))


# An industry answer that already names the kind of organisation ("SaaS companies", "制造企业").
_COMPANY_WORDS = (
    "companies",
    "company",
    "firms",
    "businesses",
    "organisations",
    "organizations",
    "企业",
    "公司",
    "工厂",
    "机构",
    "厂商",
)
# Sentences whose pronoun changes for people (它们 → 他们).
_PERSON_SENTENCES = frozenset(
    {"lead_any", "apart", "goals", "trigger", "before", "before_kind", "switch"}
)


def draft_icp_statement(
    answers: Answers, analysis: Analysis | None, dataset: Dataset | None, *, lang: Lang
) -> str:
    """The S7 ICP statement written from the S1–S6 answers (findings fill empty core slots).

    The user's own answers come first, then the data's findings; a clause
    with neither is left out and the sentence still reads, so a draft never
    holds a bracketed placeholder.  A list of people (``is_person_data``)
    is described as people, not companies.
    """
    s = _Slots(answers, analysis, dataset, lang)
    zh = lang == "zh"
    person = is_person_data(dataset)
    industry_items = s.get("S2", "industry", fallback=2)
    if not zh:
        industry_items = [_common_noun(i) for i in industry_items]
    industry = _join(industry_items, lang, word="或" if zh else "or")
    size = s.text("S2", "size")
    location = s.text("S2", "location", fallback=2, word="或" if zh else "or")
    finance = s.text("S2", "finance")
    growth = s.text("S2", "growth")
    apart_items = [
        i
        for pid in ("technology", "culture", "team", "influence", "channels", "other")
        for i in s.get("S3", pid, fallback=2)
    ]
    if person:  # a person has no finance or growth stage: what was found there sets them apart
        apart_items += [*s.get("S2", "finance"), *s.get("S2", "growth")]
    apart_items = apart_items[:5]
    goals_items = s.get("S4", "goals", fallback=2)
    goals = _join(goals_items if zh else [_lower_first(g) for g in goals_items], lang)
    before = s.text("S6", "before", fallback=2, word="或" if zh else "or")
    kind = s.text("S6", "kind")
    decider = s.first(("S5", "decider"), ("P1", "title"))
    champion = s.text("S5", "champion")
    stakeholders = s.text("S5", "stakeholders")
    cycle = s.text("S5", "cycle")
    trigger = s.text("S4", "trigger")
    switch = s.text("S6", "switch")
    disq = s.text("S7", "disqualifiers", fallback=2)
    examples = s.best_names[:3]
    key = "builders.draft.icp"
    parts: list[str] = []

    def say(name: str, **params: str) -> None:
        full = f"{key}_person.{name}" if person and name in _PERSON_SENTENCES else f"{key}.{name}"
        parts.append(t(full, lang, **params))

    where = t(f"{key}.location", lang, location=location) if location else ""
    noun = bool(industry) and _has_word(industry, _COMPANY_WORDS) is not None
    if industry and size:
        say("lead_noun" if noun else "lead", industry=industry, size=size, location=where)
    elif industry:
        where = t(f"{key}.location_of", lang, location=location) if location else ""
        say("lead_industry_noun" if noun else "lead_industry", industry=industry, location=where)
    elif size:
        say("lead_size", size=size, location=where)
    else:
        near = t(f"{key}.location_any", lang, location=location) if location else ""
        say("lead_any", location=near)
    if finance and not person:
        say("finance", finance=finance)
    if growth and not person:
        say("growth", growth=growth)
    if apart_items:
        say("apart", traits=("；" if zh else "; ").join(apart_items))
    if goals:
        say("goals", goals=goals)
    if trigger:
        say("trigger", trigger=trigger)
    if before:
        say(
            "before_kind" if kind else "before",
            before=before,
            kind=_lower_first(kind) if not zh else kind,
        )
    if switch:
        say("switch", switch=switch)
    if decider:
        say("decider", decider=decider)
    if champion:
        say("champion", champion=champion)
    if stakeholders:
        say("stakeholders", stakeholders=stakeholders)
    if cycle:
        say("cycle", cycle=cycle)
    if disq:
        say("disqualifiers", disqualifiers=disq)
    if examples:
        say("examples", names=_join(examples, lang))
    return _sentences(parts, lang)


def draft_persona_story(
    answers: Answers, analysis: Analysis | None, dataset: Dataset | None, *, lang: Lang
) -> str:
    """The P7 story of the ideal decision maker, written from the P1–P6 answers (and S2, S5).

    The user's own answers come first (a decider typed in S5 names the
    person when P1 is empty), then the data's findings; clauses with
    neither are left out.
    """
    s = _Slots(answers, analysis, dataset, lang)
    zh = lang == "zh"
    person = is_person_data(dataset)
    key = "builders.draft.persona"
    parts: list[str] = []

    def say(name: str, **params: str) -> None:
        parts.append(t(f"{key}.{name}", lang, **params))

    def text(sid: str, pid: str, **kw) -> str:
        value = s.text(sid, pid, **kw)
        return value if zh else _lower_first(value)

    title = s.first(("P1", "title"), ("S5", "decider"))
    industry_items = s.get("S2", "industry")
    industry = _join(industry_items if zh else [_common_noun(i) for i in industry_items], lang)
    size = s.text("S2", "size")
    if person:
        company = t(f"{key}.company_person", lang)
    elif industry and size:
        company = t(f"{key}.company", lang, industry=industry, size=size)
    elif industry:
        company = t(f"{key}.company_nosize", lang, industry=industry)
    else:
        company = t(f"{key}.company_any", lang)
    seniority = text("P1", "seniority")
    if title:
        say("lead_sen" if seniority else "lead", title=title, company=company, seniority=seniority)
    else:
        say("lead_person" if person else "lead_notitle", company=company)
    duties = text("P1", "duties")
    if duties:
        say("duties", duties=duties)
    profile = [
        i
        for pid in ("age", "gender", "location", "education", "income", "marital")
        for i in _lines((answers.get("P2") or {}).get(pid))
    ]
    if profile:
        say("profile", profile=("，" if zh else ", ").join(profile))
    media = [i for pid in ("reading", "channels") for i in s.get("P2", pid)]
    if media:
        say("media", media=_join(media, lang))
    life = [i for pid in ("hobbies", "habits") for i in _lines((answers.get("P2") or {}).get(pid))]
    if life:
        say("life", life=_join(life, lang))
    traits = [
        i
        for pid in ("personality", "ambition", "skills", "experience")
        for i in _lines((answers.get("P3") or {}).get(pid))
    ]
    if traits:
        say("traits", traits=_join(traits, lang))
    social = text("P3", "social")
    if social:
        say("social", social=social)
    responsibilities = text("P4", "responsibilities")
    if responsibilities:
        say("responsibilities", responsibilities=responsibilities)
    measures = text("P4", "measures", fallback=2)
    if measures:
        say("measures", measures=measures)
    career = text("P4", "career")
    if career:
        say("career", career=career)
    skills = text("P4", "skills")
    if skills:
        say("skills", skills=skills)
    p5 = ("challenges", "politics", "budget", "authority", "timing", "fud")
    obstacles = [i for pid in p5 for i in s.typed("P5", pid)]
    obstacles = obstacles or [i for pid in p5 for i in s.get("P5", pid)]
    if obstacles:
        say("obstacles", obstacles=("；" if zh else "; ").join(obstacles[:6]))
    others = s.text("P6", "others")
    if others:
        say("others", others=others)
    stakeholders = s.text("P6", "stakeholders", fallback=3)
    if stakeholders:
        say("stakeholders", stakeholders=stakeholders)
    sources = s.text("P6", "sources", fallback=2)
    research = text("P6", "research")
    if sources:
        say("sources", sources=sources)
    if research:
        say("research", research=research)
    time = s.first(("P6", "time"), ("S5", "cycle"))
    if time:
        say("time", time=time)
    inner = text("P6", "obstacles")
    if inner:
        say("inner", obstacles=inner)
    style = text("P6", "style")
    if style:
        say("style", style=style)
    return _sentences(parts, lang)
