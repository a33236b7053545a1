"""Field types and column roles: the vocabulary every other module speaks.

A *field type* says how to read a column's cells (seed 000's five CRM field
types).  A *role* says what a column means to the analysis (deal value,
outcome, industry …).  A ``Mapping`` holds one ``ColumnSpec`` per column and
is what the user corrects on the Data page and what the workspace stores.

Automatic detection (``detect_mapping``) lives at the bottom of this module.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from functools import lru_cache
from itertools import islice
from typing import Any

import numpy as np
import pandas as pd

from icp.outcome import float_id_reason, id_reason, outcome_words_share, read_header
from icp.parse import (
    MISSING_MARKERS,
    dates_from_uniques,
    is_missing,
    looks_like_date,
    parse_number,
    parse_range,
)
from icp.parse import outcome as read_outcome

__all__ = [
    "CATEGORY_ROLES",
    "DEAL_DATE_ROLES",
    "MEASURE_ROLES",
    "NOT_TRAIT_ROLES",
    "NUMERIC_ROLES",
    "ROLE_SYNONYMS",
    "SEPARATORS",
    "ColumnSpec",
    "FieldType",
    "Mapping",
    "Role",
    "detect_mapping",
    "is_band_column",
]


class FieldType(StrEnum):
    TEXT = "text"
    SINGLE = "single"  # single-select: one category per cell
    MULTI = "multi"  # multi-select: several tags per cell, split by ColumnSpec.sep
    NUMBER = "number"
    DATE = "date"
    BAND = "band"  # ordered single-select of range labels ("50-100人", "$1M–$5M")


class Role(StrEnum):
    NONE = "none"
    NAME = "name"  # customer / company name (the row's identity)
    ID = "id"  # customer id / account number
    OUTCOME = "outcome"  # won/lost, 已签约/未签约
    VALUE = "value"  # deal value, revenue, ACV, contract amount
    PROFIT = "profit"  # profit in money
    MARGIN = "margin"  # gross margin, a fraction (0.35) after cleaning
    LTV = "ltv"
    CAC = "cac"  # acquisition cost / CPA
    CYCLE_DAYS = "cycle_days"  # sales cycle in days
    CREATED = "created"  # date the deal/lead was created (cycle start)
    CLOSED = "closed"  # date the deal closed / contract signed (cycle end)
    DEALS = "deals"  # number of deals / orders / volume
    EMPLOYEES = "employees"  # company size
    REFERRALS = "referrals"
    TICKETS = "tickets"  # support tickets / support need
    INDUSTRY = "industry"
    REGION = "region"
    CHANNEL = "channel"  # lead source
    CONTACT_TITLE = "contact_title"  # decision-maker title / role
    PREVIOUS = "previous_solution"  # what they used before / current vendor
    NOTES = "notes"  # free text: needs, goals, pains
    OWNER = "owner"  # who holds the record on the seller's side: deal owner, sales rep, 负责人


# What each role is for: the one table that detection, traits, clouds, the builders,
# prospect scoring and the customer card read (it lives beside ``Role`` because type
# detection below needs it and every module above can import it).
#
# The measures "best" can be defined by (a criterion's input or a deal figure): shown
# and compared apart, never a profile trait and never an input of the fit model.
MEASURE_ROLES = frozenset(
    {
        Role.VALUE,
        Role.PROFIT,
        Role.MARGIN,
        Role.LTV,
        Role.CAC,
        Role.CYCLE_DAYS,
        Role.DEALS,
        Role.REFERRALS,
        Role.TICKETS,
    }
)
# Roles whose cells are numbers: the measures and company size.
NUMERIC_ROLES = MEASURE_ROLES | {Role.EMPLOYEES}
# Who a row is, how its deal ended and who sold it: never a trait of the best (traits,
# clouds) — "55 of 140 won deals are Chen's" is about the sales team, not the customer.
NOT_TRAIT_ROLES = frozenset({Role.NAME, Role.ID, Role.OUTCOME, Role.OWNER})
# When a deal ran (the sales-cycle dates): read for the cycle, never a profile value.
DEAL_DATE_ROLES = frozenset({Role.CREATED, Role.CLOSED})
CATEGORY_ROLES = frozenset(
    {Role.INDUSTRY, Role.REGION, Role.CHANNEL, Role.CONTACT_TITLE, Role.PREVIOUS, Role.OUTCOME}
)

# Multi-select separators users actually type, in the order we try them.
SEPARATORS: tuple[str, ...] = (",", "、", ";", "/", "|", "，", "；")


@dataclass
class ColumnSpec:
    """How one column is read and what it means. ``include=False`` ignores it."""

    name: str
    type: FieldType = FieldType.TEXT
    role: Role = Role.NONE
    sep: str | None = None  # multi-select separator
    include: bool = True

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["type"] = self.type.value
        d["role"] = self.role.value
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ColumnSpec:
        return cls(
            name=str(d["name"]),
            type=FieldType(d.get("type", "text")),
            role=Role(d.get("role", "none") or "none"),
            sep=d.get("sep"),
            include=bool(d.get("include", True)),
        )


@dataclass
class Mapping:
    """The user-confirmed meaning of every column, in table order."""

    columns: list[ColumnSpec] = field(default_factory=list)

    def by_role(self, role: Role) -> ColumnSpec | None:
        """The included column with ``role`` (the first one if several)."""
        for c in self.columns:
            if c.include and c.role == role:
                return c
        return None

    def col(self, role: Role) -> str | None:
        spec = self.by_role(role)
        return spec.name if spec else None

    def get(self, name: str) -> ColumnSpec | None:
        for c in self.columns:
            if c.name == name:
                return c
        return None

    def of_type(self, *types: FieldType) -> list[ColumnSpec]:
        return [c for c in self.columns if c.include and c.type in types]

    def to_list(self) -> list[dict[str, Any]]:
        return [c.to_dict() for c in self.columns]

    @classmethod
    def from_list(cls, items: list[dict[str, Any]]) -> Mapping:
        return cls([ColumnSpec.from_dict(d) for d in items])


# ---------------------------------------------------------------------------
# Automatic detection
# ---------------------------------------------------------------------------

# Header synonyms per role, English and Chinese.  Matching ignores case,
# spaces and punctuation; English synonyms match whole words, Chinese ones
# any substring.  The score is the share of the header a synonym covers, so
# "Company size" is employees (whole header) before it is a name ("company").
ROLE_SYNONYMS: dict[Role, tuple[str, ...]] = {
    Role.NAME: (
        "单位名称", "机构名称", "客户全称",
        "company", "company name", "customer", "customer name", "account", "account name",
        "client", "client name", "organization", "organisation", "name", "business name",
        "客户名称", "公司名称", "企业名称", "客户", "公司", "姓名", "学员姓名", "客户姓名", "名称",
        "学员", "buyer", "buyer name", "买家", "买家昵称", "买家姓名", "顾客", "顾客姓名",
        "associated company",  # a CRM deals export: the customer, not the deal's own name
    ),
    Role.ID: (
        "id", "customer id", "account id", "client id", "customer number", "account number",
        "customer code", "account code", "code", "uuid", "guid", "hash", "row", "row number",
        "record id", "lead id", "mql id", "opportunity id", "deal id", "seller id",
        "客户编号", "编号", "客户id", "序号", "客户代码", "线索编号", "编码", "单号",
    ),
    Role.OUTCOME: (
        "status", "stage", "deal stage", "won lost", "win loss", "outcome", "result",
        "deal status", "closed won", "is won", "won", "win", "churn", "churned", "retained",
        "renewed", "converted", "lost", "loss", "deal outcome", "签约状态", "是否签约", "状态",
        "成交状态", "是否成交", "结果", "销售阶段", "阶段", "签单状态", "是否续约", "续约",
        "是否流失", "流失", "是否转化", "转化", "赢单", "丢单",
    ),
    Role.VALUE: (
        "成交价", "合同总额", "订单总额", "消费金额", "采购金额",
        "acv", "arr", "mrr", "tcv", "deal value", "deal size", "deal amount", "revenue",
        "contract amount", "contract value", "amount", "value", "sales", "order value",
        "total charges", "charges", "total spend", "spend", "total spent",
        "amount spent", "total revenue", "lifetime revenue",
        "累计消费", "消费总额", "累计金额",
        "booking", "bookings", "合同金额", "成交金额", "销售额", "客单价", "金额", "营收",
        "收入", "订单金额", "签约金额", "合同额", "成交额",
    ),
    Role.PROFIT: (
        "profit", "gross profit", "net profit", "利润", "毛利", "毛利润", "净利润", "毛利额",
    ),
    Role.MARGIN: (
        "gross margin", "margin", "gm", "margin pct", "毛利率", "利润率", "毛利比例", "净利率",
    ),
    Role.LTV: (
        "ltv", "clv", "cltv", "lifetime value", "customer lifetime value", "客户终身价值",
        "终身价值", "生命周期价值",
    ),
    Role.CAC: (
        "获客单价", "线索成本", "单客成本",
        "cac", "cpa", "acquisition cost", "customer acquisition cost", "cost per acquisition",
        "获客成本", "客户获取成本", "获客费用",
    ),
    Role.CYCLE_DAYS: (
        "跟进周期", "成交用时", "签单周期",
        "sales cycle", "cycle", "days to close", "time to close", "cycle days", "sales cycle days",
        "销售周期", "成交周期", "签约周期", "咨询周期", "周期", "成交天数",
    ),
    Role.CREATED: (
        "录入日期", "建档时间", "首次联系日期",
        "created", "created date", "create date", "created at", "created on", "first contact",
        "first contact date", "lead date", "start date", "首次接触日期", "首次接触", "创建日期",
        "创建时间", "建档日期", "线索日期", "首次咨询日期", "咨询日期",
        "add time", "added", "date added", "added on", "create time", "creation date",
        "creation time", "添加时间", "录入时间",
    ),
    Role.CLOSED: (
        "签单时间", "合同日期",
        "closed", "close date", "closed date", "closed at", "closed on", "won date", "signed date",
        "signing date", "签约日期", "成交日期", "签单日期", "关闭日期", "签约时间", "成交时间",
        "won time", "close time", "closed time", "win date", "won on", "赢单时间", "赢单日期",
    ),
    Role.DEALS: (
        "采购次数", "下单次数", "复购次数", "订单次数",
        "deals", "orders", "number of deals", "deal count", "order count", "volume", "quantity",
        "payment count", "purchase count",
        "units", "需求量", "订单数", "订单量", "成交次数", "购买次数", "数量", "需求设备量",
    ),
    Role.EMPLOYEES: (
        "员工规模", "人员数量", "团队规模",
        "employees", "employee count", "number of employees", "headcount", "company size",
        "staff", "fte", "size", "人员规模", "员工人数", "员工数", "人数", "公司规模", "企业规模",
        "规模",
    ),
    Role.REFERRALS: (
        "推荐次数", "推荐人数", "转介绍次数", "转介绍人数", "老带新", "介绍人数",
        "referrals", "referral", "referral count", "referred", "转介绍", "转介绍数", "推荐数",
        "介绍客户数", "转介绍客户",
    ),
    Role.TICKETS: (
        "售后次数", "报修次数", "投诉数",
        "support tickets", "tickets", "ticket count", "support cases", "cases", "support requests",
        "工单", "工单数", "售后工单", "售后工单数", "投诉次数", "服务请求",
    ),
    Role.INDUSTRY: (
        "行业类别", "所属领域",
        "industry", "vertical", "sector", "segment", "客户行业", "行业", "所属行业", "行业类型",
    ),
    Role.REGION: (
        "所在地区", "所在城市", "所属区域",
        "region", "country", "state", "city", "province", "territory", "geo", "location", "area",
        "地区", "区域", "城市", "省份", "所在地", "省市", "地域",
    ),
    Role.CHANNEL: (
        "线索渠道", "获客来源", "推广渠道",
        "lead source", "source", "channel", "acquisition channel", "utm source", "lead channel",
        "origin", "lead origin", "traffic source", "utm medium", "获客来源", "渠道来源",
        "来源渠道", "获客渠道", "渠道", "客户来源", "线索来源", "来源",
    ),
    Role.CONTACT_TITLE: (
        "联系人职务", "岗位", "头衔", "对接人身份", "决策角色",
        "contact title", "title", "job title", "decision maker", "contact role", "role", "position",
        "buyer role", "联系人身份", "联系人职位", "职位", "职务", "身份", "决策人", "联系人角色",
    ),
    Role.PREVIOUS: (
        "竞争对手", "在用品牌", "原厂商", "现用系统",
        "previous solution", "current vendor", "current solution", "previous vendor", "incumbent",
        "competitor", "replaced", "previous tool", "目前设备厂商", "原有方案", "现有方案", "竞品",
        "目前厂商", "原供应商", "现用品牌", "目前供应商", "现有厂商",
    ),
    Role.OWNER: (
        "owner", "deal owner", "account owner", "lead owner", "contact owner", "record owner",
        "opportunity owner", "sales rep", "salesperson", "sales person", "sales owner", "rep",
        "account manager", "account executive", "assigned to", "created by", "modified by",
        "last modified by", "负责人", "销售负责人", "跟进人", "客户经理", "销售员", "销售代表",
        "创建人", "归属销售", "所属销售", "业务员", "销售人员", "对接销售", "录入人", "所属人",
    ),
    Role.NOTES: (
        "notes", "note", "comments", "comment", "description", "remarks", "needs", "requirements",
        "备注", "需求描述", "说明", "描述", "客户需求", "需求说明", "跟进记录",
    ),
}  # fmt: skip

_SAMPLE = 2000
_VALUE_ROLE_SCORE = 0.25  # a role guessed from values alone loses to any decent header match


@lru_cache(maxsize=4096)
def _norm_header(header: str) -> tuple[tuple[str, ...], str]:
    """(lower-case words, compact form without spaces/punctuation) of a header."""
    s = unicodedata.normalize("NFKC", str(header))
    s = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", s).lower()  # camelCase → camel case
    words = tuple(re.findall(r"[a-z0-9]+|[^\W\d_a-z]+", s))
    return words, "".join(words)


@lru_cache(maxsize=1)
def _synonym_index() -> tuple[
    dict[str, list[tuple[Role, tuple[str, ...], int]]],
    dict[str, list[tuple[Role, int]]],
    list[tuple[Role, str]],
]:
    """``ROLE_SYNONYMS`` normalised once: English synonyms by their first word and by their
    compact form, the others as compact forms to look for inside a header. A header is
    scored against every synonym; a 3,000-column sheet used to normalise all of them 3,000
    times over and compare each with each header."""
    by_first: dict[str, list[tuple[Role, tuple[str, ...], int]]] = {}
    by_compact: dict[str, list[tuple[Role, int]]] = {}
    inside: list[tuple[Role, str]] = []
    for role, synonyms in ROLE_SYNONYMS.items():
        for syn in synonyms:
            syn_words, syn_compact = _norm_header(syn)
            if not syn_compact:
                continue  # would score 0: never a hit that counts
            if syn.isascii():
                by_first.setdefault(syn_words[0], []).append((role, syn_words, len(syn_compact)))
                by_compact.setdefault(syn_compact, []).append((role, len(syn_compact)))
            else:
                inside.append((role, syn_compact))
    return by_first, by_compact, inside


def _header_scores(header: str) -> dict[Role, tuple[float, int]]:
    """Per role: (share of the header the best synonym covers, that synonym's length).

    An English synonym hits when its words appear in a row among the header's words, or
    its compact form is the header's; any other synonym when its compact form is inside
    the header's."""
    words, compact = _norm_header(header)
    if not compact:
        return {}
    by_first, by_compact, inside = _synonym_index()
    hits: list[tuple[Role, int]] = list(by_compact.get(compact, ()))
    for i, word in enumerate(words):
        for role, syn_words, size in by_first.get(word, ()):
            if words[i : i + len(syn_words)] == syn_words:
                hits.append((role, size))
    if not compact.isascii():  # the other synonyms are never ASCII
        hits += [(role, len(syn)) for role, syn in inside if syn in compact]
    scores: dict[Role, tuple[float, int]] = {}
    for role, size in hits:
        scores[role] = max(scores.get(role, (0.0, 0)), (size / len(compact), size))
    return _without_vetoed(scores, words, compact)


def _without_vetoed(
    scores: dict[Role, tuple[float, int]], words: tuple[str, ...], compact: str
) -> dict[Role, tuple[float, int]]:
    """``scores`` without the roles the header's other words rule out."""
    if _has_phrase(words, compact, _COMPANY_MONEY):
        # "Annual Revenue", 年营业额, 注册资金: how big the customer's business is (a
        # firmographic trait), not what the customer is worth to you
        for role in MEASURE_ROLES:
            scores.pop(role, None)
    if _PLAN_WORDS & set(words) or any(w in compact for w in _PLAN_WORDS_ZH):
        # "Expected close date", 预计成交日期: a forecast, not when the deal ran
        for role in DEAL_DATE_ROLES:
            scores.pop(role, None)
    if _REFUND_WORDS & set(words) or any(w in compact for w in _REFUND_WORDS_ZH):
        # "Refunded Volume", "Returns", 退款金额: money or orders handed back, not bought
        for role in MEASURE_ROLES:
            scores.pop(role, None)
    if _NOT_PERSON_WORDS & set(words) or any(w in compact for w in _NOT_PERSON_WORDS_ZH):
        # "Payment Method Title", "Product Title", 商品名称: a thing's title, not a person's
        scores.pop(Role.CONTACT_TITLE, None)
    if _CODE_WORDS & set(words) or any(w in compact for w in _CODE_WORDS_ZH):
        # "Deal Size Category", "Customer Tier", 客户等级: a code, never a measure
        for role in NUMERIC_ROLES:
            scores.pop(role, None)
    return scores


_REFUND_WORDS = frozenset(
    {"refund", "refunds", "refunded", "return", "returns", "returned", "chargeback", "chargebacks"}
)
_REFUND_WORDS_ZH = ("退款", "退货", "退单")
_NOT_PERSON_WORDS = frozenset(
    {"payment", "shipping", "method", "product", "item", "page", "post", "course", "book", "plan"}
)
_NOT_PERSON_WORDS_ZH = ("支付", "付款", "配送", "商品", "产品", "课程")
_CODE_WORDS = frozenset(
    {"category", "class", "tier", "level", "grade", "code", "bucket", "segment", "rank", "rating"}
)
_COMPANY_MONEY = (
    "annual revenue", "company revenue", "annual sales", "annual turnover", "turnover",
    "registered capital", "年营业额", "年营收", "年销售额", "营业收入", "公司营收", "企业营收",
    "注册资本", "注册资金",
)  # fmt: skip


def _has_phrase(words: tuple[str, ...], compact: str, phrases: tuple[str, ...]) -> bool:
    """Whether the header holds one of ``phrases`` (English: whole words; Chinese: a substring)."""
    english, other = _split_phrases(phrases)
    for p in english:
        if any(words[i : i + len(p)] == p for i in range(len(words) - len(p) + 1)):
            return True
    return any(phrase in compact for phrase in other)


@lru_cache(maxsize=8)
def _split_phrases(
    phrases: tuple[str, ...],
) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """(English phrases as word tuples, the others): split once, not once per header."""
    english = tuple(tuple(p.split()) for p in phrases if p.isascii())
    return english, tuple(p for p in phrases if not p.isascii())


_PLAN_WORDS = frozenset({"expected", "forecast", "planned", "estimated", "target", "next"})
_PLAN_WORDS_ZH = ("预计", "计划", "预期", "下次")
_CODE_WORDS_ZH = ("等级", "级别", "类别", "分类", "档次", "分级", "评级")


# How CRMs tier accounts by size ("Segment": SMB / Mid-Market / Enterprise): a size, not
# an industry, though the header is one of the industry words.
_SIZE_TIER_WORDS = frozenset(
    {
        "smb", "smbs", "small business", "small", "medium", "large", "mid-market", "midmarket",
        "mid market", "mid-size", "midsize", "enterprise", "enterprises", "startup", "start-up",
        "startups", "commercial", "strategic", "corporate", "key account", "key accounts",
        "ka", "大客户", "中小企业", "中小客户", "中型", "大型", "小型", "小微", "小微企业",
        "中型企业", "大型企业", "小型企业", "腰部客户", "头部客户", "长尾客户",
    }
)  # fmt: skip


def _size_tiers(sample: list[Any]) -> bool:
    """Whether most cells of a column are size tiers (``_SIZE_TIER_WORDS``)."""
    cells = [str(v).strip().lower() for v in sample if isinstance(v, str) and v.strip()]
    return len(cells) >= 5 and sum(c in _SIZE_TIER_WORDS for c in cells) >= 0.8 * len(cells)


def _sample(s: pd.Series) -> list[Any]:
    """Up to ``_SAMPLE`` non-missing cells from the top of the column."""
    if len(s) <= _SAMPLE:  # the whole column: one list, no pandas slicing (a wide sheet)
        return _present(s.tolist())
    head = s.iloc[: _SAMPLE * 10]
    # the first _SAMPLE that are not missing (stop there: is_missing is Python), from
    # the first _SAMPLE cells, then the rest of the head only if that was too few
    vals: list[Any] = []
    for part in (head.iloc[:_SAMPLE], head.iloc[_SAMPLE:]):
        if len(vals) >= _SAMPLE:
            break
        wanted = _SAMPLE - len(vals)
        vals += islice((v for v in part.dropna().tolist() if not is_missing(v)), wanted)
    if len(vals) < _SAMPLE and len(s) > len(head):
        vals += [v for v in s.iloc[len(head) :].dropna().tolist()[:_SAMPLE] if not is_missing(v)]
    return vals[:_SAMPLE]


def _present(cells: list[Any]) -> list[Any]:
    """The cells that are not missing, in order: ``is_missing`` with its text test inline.

    ``dropna`` first would change nothing: every cell pandas calls missing, is_missing
    calls missing too (None, NaN, NaT, pd.NA)."""
    return [
        v
        for v in cells
        if type(v) in _NEVER_MISSING
        or not (v.strip().lower() in MISSING_MARKERS if type(v) is str else is_missing(v))
    ]


# cell types is_missing always says no to (exactly these types: not NaT, not NaN floats)
_NEVER_MISSING = frozenset({int, bool, dt.date, dt.datetime})


class _Reads:
    """Each distinct text cell read once per ``detect_mapping``: as a number, a range and an
    outcome word. Wide exports repeat the same answers ("yes", "N/A", "1.2万") column after
    column, and one column repeats them row after row. Only ``str`` cells are kept (1, 1.0
    and True are one dict key but not one cell); anything else is read on the spot."""

    def __init__(self) -> None:
        self._memo: dict[str, tuple[float | None, tuple[float, float] | None, bool | None]] = {}

    def of(self, v: Any) -> tuple[float | None, tuple[float, float] | None, bool | None]:
        """(``parse_number``, ``parse_range``, ``parse.outcome``) of one cell."""
        if type(v) is not str:
            return parse_number(v), parse_range(v), read_outcome(v)
        hit = self._memo.get(v)
        if hit is None:
            hit = self._memo[v] = (parse_number(v), parse_range(v), read_outcome(v))
        return hit

    def number(self, v: Any) -> float | None:
        return self.of(v)[0] if type(v) is str else parse_number(v)

    def range(self, v: Any) -> tuple[float, float] | None:
        return self.of(v)[1] if type(v) is str else parse_range(v)

    def outcome(self, v: Any) -> bool | None:
        return self.of(v)[2] if type(v) is str else read_outcome(v)


def _multi_sep(texts: list[str]) -> str | None:
    """The separator that splits these cells into short, repeated tags, if any."""
    best: tuple[float, str] | None = None
    joined = "\x00".join(texts)  # a separator in no cell: nothing to count
    for sep in SEPARATORS:
        if sep not in joined:
            continue
        with_sep = [t for t in texts if sep in t]
        share = len(with_sep) / len(texts)
        if share < 0.15 or len(with_sep) < 3:
            continue
        tokens = [p.strip() for t in texts for p in t.split(sep) if p.strip()]
        counts = Counter(tokens)
        mean_len = sum(map(len, tokens)) / len(tokens)
        repeated = sum(c for c in counts.values() if c >= 2) / len(tokens)
        tag_like = mean_len <= 25 and repeated >= 0.7 and len(counts) < len(set(texts)) + 3
        if tag_like and (best is None or share > best[0]):
            best = (share, sep)
    return best[1] if best else None


@dataclass
class _Profile:
    type: FieldType
    sep: str | None = None
    currency: float = 0.0  # share of cells with a currency mark
    percent: float = 0.0
    outcome: float = 0.0  # share of cells that read as won/lost
    nunique: int = 0
    n: int = 0  # cells sampled
    codes: bool = False  # a number column of a few small whole numbers (1–5 tiers)


_OPEN_WORDS = frozenset(
    {
        "open",
        "in progress",
        "pending",
        "negotiation",
        "proposal",
        "qualified",
        "new",
        "跟进中",
        "进行中",
        "洽谈中",
        "待定",
        "意向",
        "待签约",
    }
)


def _is_open_word(v: Any) -> bool:
    return isinstance(v, str) and v.strip().lower() in _OPEN_WORDS


def _profile(values: list[Any], *, date_hint: bool, reads: _Reads | None = None) -> _Profile:
    """Field type from the values alone (plus whether the header says "date")."""
    reads = reads or _Reads()
    if not values:
        return _Profile(FieldType.TEXT)
    n = len(values)
    counts = Counter(values)
    uniq = list(counts)
    texts = [str(v).strip() for v in values]
    n_dates = n_nums = 0
    maybe_dates: list[Any] = []  # parsed as dates in one batch below
    read: dict[Any, bool | None] = {}  # won / lost / neither, per distinct cell
    for u in uniq:
        if isinstance(u, (dt.date, pd.Timestamp)):
            n_dates += counts[u]
            read[u] = None  # parse.outcome of a date: no outcome word
            continue
        read[u] = reads.outcome(u)
        if isinstance(u, (int, float)) and not isinstance(u, bool):
            n_nums += counts[u]
            if date_hint:
                maybe_dates.append(u)
        elif isinstance(u, str):
            number, rng, _ = reads.of(u)
            if number is not None or rng is not None:
                n_nums += counts[u]
                if date_hint and u.strip().isdigit():
                    maybe_dates.append(u)
            elif date_hint or looks_like_date(u):
                maybe_dates.append(u)
    if maybe_dates:
        _, state, _ = dates_from_uniques(np.array(maybe_dates, dtype=object))
        n_dates += sum(counts[u] for u, st in zip(maybe_dates, state, strict=True) if st == 0)
    known = {v for v in read.values() if v is not None}
    vocab = sum(counts[u] for u in uniq if read[u] is not None or _is_open_word(u))
    outcome = vocab / n if known == {True, False} else 0.0
    prof = _Profile(FieldType.TEXT, outcome=outcome, nunique=len(uniq))
    if n_dates >= 0.8 * n and (date_hint or n_nums < 0.5 * n):
        prof.type = FieldType.DATE
        return prof
    if n_nums >= 0.8 * n:
        prof.type = FieldType.NUMBER
        prof.codes = _small_codes(uniq, reads)
        prof.currency = sum(1 for t in texts if t[:1] in "$¥￥€£" or t.endswith("元")) / n
        prof.percent = sum(1 for t in texts if t.endswith(("%", "％"))) / n
        return prof
    sep = _multi_sep(texts)
    if sep is not None:
        prof.type, prof.sep = FieldType.MULTI, sep
        return prof
    mean_len = sum(map(len, texts)) / n
    nunique = len(set(texts))
    few = nunique <= 50 and (nunique <= 0.6 * n or (n < 20 and nunique < n))
    few = few or nunique <= 0.05 * n
    prof.type = FieldType.SINGLE if mean_len <= 40 and few else FieldType.TEXT
    return prof


def _small_codes(uniq: list[Any], reads: _Reads) -> bool:
    """Whether a number column holds only a few whole numbers from 0 to 10."""
    nums = [u for u in uniq if isinstance(u, (int, float)) and not isinstance(u, bool)]
    nums += [x for u in uniq if isinstance(u, str) and (x := reads.number(u)) is not None]
    if not nums or len(set(nums)) > 11 or len(nums) < len(uniq) * 0.8:
        return False
    return all(float(x).is_integer() and 0 <= x <= 10 for x in nums)


_MONEY_ROLES = frozenset({Role.VALUE, Role.PROFIT, Role.LTV, Role.CAC})

_DATE_WORDS = ("date", "time", "day", "created", "closed", "日期", "时间", "日")


def _fit(role: Role, prof: _Profile) -> FieldType | None:
    """The field type a column gets in ``role``, or None if its values rule the role out."""
    t = prof.type
    if role in NUMERIC_ROLES:
        if role in _MONEY_ROLES and prof.codes:
            return None  # "Client Size By Revenue" = 1…5 is a tier, not an amount
        return t if t in (FieldType.NUMBER, FieldType.BAND) else None
    if role in (Role.CREATED, Role.CLOSED):
        return FieldType.DATE if t == FieldType.DATE else None
    if role in (Role.NAME, Role.ID):
        return FieldType.TEXT if t != FieldType.DATE else None
    if role == Role.OWNER:
        return None if t == FieldType.DATE else t
    if role == Role.NOTES:
        return FieldType.TEXT if t in (FieldType.TEXT, FieldType.SINGLE, FieldType.MULTI) else None
    if role == Role.OUTCOME:
        if t in (FieldType.DATE, FieldType.BAND):
            return None
        if t == FieldType.NUMBER and prof.outcome < 0.9:
            return None
        return FieldType.SINGLE
    # category roles
    if t == FieldType.DATE:
        return None
    if t == FieldType.NUMBER:
        return FieldType.SINGLE if prof.nunique <= 30 else None
    if t == FieldType.TEXT:
        return FieldType.SINGLE
    return t


_BAND_MAX_LABELS = 15


def is_band_column(values: list[Any], reads: _Reads | None = None) -> bool:
    """Whether a column's cells are a few range labels: an ordered single choice.

    CRM exports bucket sizes and money into labels — ``50-100人``,
    ``500-1000万``, ``$1M–$5M``, ``1-10 employees``, ``300人以上`` — and a
    founder reads findings in those labels.  True when at least half the
    cells are range labels, there are 2–15 distinct labels, each label is
    used more than once on average, and every other cell is a plain number
    (an exact amount such as ``650万``, read into its band by cleaning).
    """
    if len(values) < 5:
        return False
    if 2 * sum(isinstance(v, str) for v in values) < len(values):
        return False  # only text cells can be range labels: fewer than half can't be half
    reads = reads or _Reads()
    labels: Counter[str] = Counter()
    for v in values:
        if isinstance(v, str) and reads.range(v) is not None:
            labels[v.strip()] += 1
        elif isinstance(v, bool) or not (
            isinstance(v, (int, float)) or reads.number(v) is not None
        ):
            return False
    ranged = sum(labels.values())
    return (
        ranged >= 0.5 * len(values)
        and 2 <= len(labels) <= _BAND_MAX_LABELS
        and len(labels) <= 0.5 * ranged
    )


def detect_mapping(df: pd.DataFrame) -> Mapping:
    """A best-guess Mapping for a raw table: a field type and a role per column.

    Roles come from the header (English and Chinese synonyms) and, for a few
    roles, from the values (currency → value, percentages → margin).  The
    outcome is decided by the header's words (``icp.outcome.read_header``:
    won, result, churn, 成交, 流失 …) and only confirmed by the values — a
    yes/no or 0/1 column whose header names no outcome never becomes one;
    cells that are themselves outcome words (Won / Lost, 已签约) also qualify.
    Identifiers (unique codes, hashes, row numbers, long numbers) all get the
    id role, so they never become findings; every other role is given at
    most once, to the best-scoring column.  A name column must hold mostly
    distinct values (never a low-cardinality code).  Types come from a sample
    of the first non-empty cells, so a million rows cost the same as a few
    thousand.
    """
    profiles: dict[str, _Profile] = {}
    ids: dict[str, str] = {}
    candidates: list[tuple[tuple[float, int], int, str, Role]] = []
    reads = _Reads()
    for pos, name in enumerate(df.columns):
        header = str(name)
        scores = _header_scores(header)
        words, compact = _norm_header(header)
        date_hint = any(w in words or (not w.isascii() and w in compact) for w in _DATE_WORDS)
        date_hint = date_hint or Role.CREATED in scores or Role.CLOSED in scores
        sample = _sample(df[name])
        prof = _profile(sample, date_hint=date_hint, reads=reads)
        prof.n = len(sample)
        if prof.type == FieldType.NUMBER and not date_hint and is_band_column(sample, reads):
            prof.type = FieldType.BAND
        profiles[name] = prof
        said = read_header(header)
        if said is not None and prof.outcome > 0 and prof.type != FieldType.DATE:
            scores[Role.OUTCOME] = max(scores.get(Role.OUTCOME, (0.0, 0)), (0.6, len(said.word)))
        elif (
            prof.type == FieldType.SINGLE
            and outcome_words_share(sample, open_words=_OPEN_WORDS) >= 0.9
        ):
            # the cells themselves are outcome words (Won / Lost, 已签约 / 未签约)
            scores[Role.OUTCOME] = (2 * _VALUE_ROLE_SCORE, 0)
        else:
            scores.pop(Role.OUTCOME, None)  # yes/no, 0/1: only a header makes it an outcome
        company_money = _has_phrase(words, compact, _COMPANY_MONEY)
        if prof.type == FieldType.NUMBER and prof.currency >= 0.5 and not company_money:
            scores.setdefault(Role.VALUE, (_VALUE_ROLE_SCORE, 0))
        if prof.type == FieldType.NUMBER and prof.percent >= 0.5:
            scores.setdefault(Role.MARGIN, (_VALUE_ROLE_SCORE * 0.8, 0))
        # values decide an id only where the header names nothing else ("Deals": 0, 1, 2 …)
        if prof.type != FieldType.DATE and (not scores or set(scores) == {Role.ID}):
            why = _id_reason(sample, header)
            if why is not None and (prof.n >= 20 or Role.ID in scores):
                ids[name] = why
        if Role.INDUSTRY in scores and _size_tiers(sample):
            scores.pop(Role.INDUSTRY)  # a CRM's "Segment" of SMB / Mid-Market / Enterprise
        strong = scores.get(Role.NAME, (0.0, 0))[0] >= 1.0  # the whole header says "name"
        if name in ids or (Role.NAME in scores and not _name_like(prof, strong=strong)):
            scores.pop(Role.NAME, None)
        for role, score in scores.items():
            if _fit(role, prof) is not None:
                candidates.append((score, -pos, name, role))
    candidates.sort(reverse=True)
    chosen: dict[str, Role] = {name: Role.ID for name in ids}
    used: set[Role] = set()
    for _, _, name, role in candidates:
        if name in chosen or (role in used and role not in (Role.ID, Role.OWNER)):
            continue
        chosen[name] = role
        used.add(role)
    specs: list[ColumnSpec] = []
    for name in df.columns:
        prof = profiles[name]
        role = chosen.get(name, Role.NONE)
        ftype = _fit(role, prof) if role != Role.NONE else prof.type
        ftype = ftype or prof.type
        sep = prof.sep if ftype == FieldType.MULTI else None
        specs.append(ColumnSpec(name=name, type=ftype, role=role, sep=sep))
    return Mapping(specs)


def _id_reason(sample: list[Any], header: str) -> str | None:
    """``id_reason`` of the sampled cells. A sample of fewer than 5 cells, or with fewer
    than 95% distinct, is no id (id_reason's first answer for up to 20,000 cells): told
    from a set, without a Series per column (most columns of a wide export repeat)."""
    if len(sample) < 5 or len(set(sample)) < 0.95 * len(sample):
        return None
    if all(type(v) is float for v in sample):
        return float_id_reason(np.array(sample, dtype=float), header=header)
    return id_reason(pd.Series(sample, dtype=object), header=header)


def _name_like(prof: _Profile, *, strong: bool = False) -> bool:
    """Whether a column's values can name customers: mostly distinct, not a
    handful of codes ("1", "5", "TRUE") repeated down the list.  A header that
    is nothing but a name word ("Company name", 客户名称) keeps the role with
    fewer distinct values (branches, re-imported rows), as long as they are
    text and not a short list of codes."""
    if prof.n < 10 or prof.nunique >= 0.5 * prof.n:
        return True
    text = prof.type in (FieldType.TEXT, FieldType.SINGLE)
    return strong and text and prof.nunique >= max(10, 0.1 * prof.n)
