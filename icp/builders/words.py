"""Word lists and phrase helpers that suggestions and drafts share.

Buying-committee roles from contact titles, which header or role feeds which
prompt, goal / obstacle / previous-solution words, joining and trimming
phrases ("a, b and c" / "a、b和c"), and the evidence line of a finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from icp.dataset import Dataset
from icp.i18n import Lang, Msg, glue
from icp.model import Analysis, NumericTrait, Trait
from icp.schema import DEAL_DATE_ROLES, NOT_TRAIT_ROLES, Role
from icp.wording import is_kept, kept_key

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
_SKIP_ROLES = NOT_TRAIT_ROLES | DEAL_DATE_ROLES


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
        return glue("、".join(items[:-1]), word or "和", items[-1])
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


def ev_key(analysis: Analysis | None, base: str) -> str:
    """``builders.ev.<base>``: its won-vs-not-won form in outcome mode, kept-vs-churned on
    a churn file (the hint must name the groups the user is looking at)."""
    if not _outcome(analysis):
        return f"builders.ev.{base}"
    return kept_key(f"builders.ev.{base}_outcome", is_kept(analysis))


def _trait_evidence(tr: Trait, analysis: Analysis | None) -> Msg:
    key = ev_key(analysis, "trait")
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
    key = ev_key(analysis, "numeric")
    return Msg(
        key,
        {
            "column": nt.column,
            "best": nt.num(nt.best_median),
            "rest": nt.num(nt.rest_median),
            "n": nt.best_n,
        },
    )
