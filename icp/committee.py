"""The buying committee: who decides, influences, uses, guards and pays, per account (seed 001).

With a contacts sheet or file (account, name, title, optionally role — ``icp.join`` tells it
apart from accounts and deals), every contact gets a buying role: the role column's own word
when the sheet has one ("Decision maker", 决策者), else a reading of the title ("CFO" →
finance, 总经理 → decider).  Contacts are matched to the customer list by the account name,
normalised the way the deals join does.  Then:

- the committee of each account (who holds which role);
- how often each role appears among the best accounts, against the rest;
- which best accounts lack a contact in a key role (the decider always; and any role that at
  least half of the best accounts with contacts have).

Without contacts the committee is *never* described per account: ``titles_seen`` only counts
the titles of the contact-title column across the best accounts ("VP Operations: 6 of your
best 10"), because one title per account says nothing about who else is in the room.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from icp.dataset import Dataset
from icp.i18n import Lang, t
from icp.model import Analysis
from icp.parse import split_tags
from icp.schema import FieldType, Role
from icp.sections import Section
from icp.sheetcols import normalize_key
from icp.sheets import ContactColumns, contact_columns

__all__ = [
    "ROLES",
    "Committee",
    "TitleCount",
    "committee",
    "read_contacts",
    "role_of",
    "sections",
    "titles_seen",
]

ROLES: tuple[str, ...] = ("decider", "influencer", "user", "gatekeeper", "finance")


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# what a role column says (checked in this order: "economic buyer" is a decider)
_ROLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("finance", _rx(r"financ|budget|cfo|财务|预算|出纳|会计")),
    ("decider", _rx(r"decid|decision|economic buyer|approv|sign|owner|决策|拍板|决定|审批|签字")),
    ("gatekeeper", _rx(r"gate ?keep|procure|purchas|buyer|assistant|把关|采购|助理|秘书|守门")),
    ("influencer", _rx(r"influenc|champion|recommend|evaluat|technical|advis|影响|推荐|评估|技术")),
    ("user", _rx(r"\buser|end ?user|operator|使用|用户|操作")),
)
# what a title says about the role (checked in this order: "CFO" before "chief")
_TITLE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("finance", _rx(r"\bcfo\b|financ|controller|accountant|treasur|财务|会计|出纳")),
    (
        "decider",
        _rx(
            r"\bceo\b|founder|owner|president|managing director|general manager|\bgm\b|"
            r"chairman|\bpartner\b|principal|董事长|总经理|总裁|老板|法人|股东|创始人|校长|院长"
        ),
    ),
    (
        "gatekeeper",
        _rx(r"procure|purchas|buyer|sourcing|assistant|secretary|recept|采购|助理|秘书|前台|行政"),
    ),
    (
        "influencer",
        _rx(
            r"\bvp\b|vice president|director|head of|\bhead\b|\bcto\b|\bcoo\b|\bcio\b|chief|"
            r"manager|lead\b|总监|副总|主管|经理|主任|负责人|厂长"
        ),
    ),
    (
        "user",
        _rx(
            r"engineer|operator|analyst|specialist|technician|staff|coordinator|工程师|操作|专员|技术员|员工"
        ),
    ),
)


def role_of(title: Any, role: Any = None) -> str | None:
    """The buying role of one contact: the role column's word first, else the title's."""
    for text, table in ((role, _ROLE_WORDS), (title, _TITLE_WORDS)):
        if text is None or (isinstance(text, float) and text != text):
            continue
        s = str(text).strip()
        for key, rx in table:
            if s and rx.search(s):
                return key
    return None


def read_contacts(df: pd.DataFrame, cols: ContactColumns | None = None) -> pd.DataFrame | None:
    """A contacts sheet as rows of account, name, title, role (one of ``ROLES`` or None).

    ``df`` is already known to hold contacts (a sheet ``icp.join`` recognised, or a file the
    user gave as contacts); None when it lacks an account, name or title/role column.
    """
    cols = cols or contact_columns(df, told=True)
    if cols is None:
        return None

    def column(name: str | None) -> pd.Series:
        if name is None:
            return pd.Series(None, index=df.index, dtype=object)
        return df[name].astype("string").str.strip().astype(object).where(df[name].notna(), None)

    out = pd.DataFrame(
        {
            "account": column(cols.account),
            "name": column(cols.name),
            "title": column(cols.title),
            "role_text": column(cols.role),
        }
    )
    out = out[out["account"].notna() & (out["account"] != "")]
    out["role"] = [role_of(ti, ro) for ti, ro in zip(out["title"], out["role_text"], strict=True)]
    return out.reset_index(drop=True)


@dataclass
class Committee:
    """The committee per account and what it says about the best accounts."""

    members: pd.DataFrame  # account row (dataset index) -> role -> "name (title)", one per line
    role_counts: pd.DataFrame  # index ROLES; best, best_n, rest, rest_n (accounts with the role)
    key_roles: list[str]
    lacking: list[tuple[Any, str, list[str]]]  # best account row, its name, key roles missing
    best_with_contacts: int
    best_n: int
    matched_contacts: int
    unmatched_contacts: int
    no_role: int  # contacts whose title and role say nothing about their buying role
    best_label: str = "best"  # "best" | "won": the words of the analysis' mode
    examples: dict[str, list[str]] = field(default_factory=dict)  # role -> titles seen

    def role_sentences(self, lang: Lang) -> list[str]:
        """How often each role appears among the best accounts, with counts, commonest first."""
        out = []
        rows = self.role_counts.sort_values("best", ascending=False)
        for role, r in rows.iterrows():
            if not r["best_n"]:
                continue
            out.append(
                t(
                    f"committee.role_share.{self.best_label}",
                    lang,
                    role=t(f"committee.role.{role}", lang),
                    count=int(r["best"]),
                    n=int(r["best_n"]),
                    rest_pct=round(100 * r["rest"] / r["rest_n"]) if r["rest_n"] else 0,
                )
            )
        return out

    def lacking_sentences(self, lang: Lang) -> list[str]:
        """One line per best account that has no contact in a key role."""
        sep = t("committee.list_sep", lang)
        return [
            t(
                "committee.lacks",
                lang,
                name=name,
                roles=sep.join(t(f"committee.role.{r}", lang) for r in missing),
            )
            for _, name, missing in self.lacking
        ]

    def table(self, lang: Lang, names: pd.Series) -> pd.DataFrame:
        """The committee per account as a table (account name first, one column per role)."""
        frame = self.members.copy()
        frame.insert(0, "account", names.reindex(frame.index).astype(str))
        return frame.rename(
            columns={
                "account": t("committee.col.account", lang),
                **{r: t(f"committee.role.{r}", lang) for r in ROLES},
                "other": t("committee.role.other", lang),
            }
        )


def committee(dataset: Dataset, analysis: Analysis, contacts: pd.DataFrame) -> Committee | None:
    """The buying committee of each customer from ``contacts`` (``read_contacts`` rows).

    None when no contact matches a customer of the list.
    """
    names = dataset.names()
    keys = normalize_key(names)
    row_of: dict[str, Any] = {}
    for row, key in zip(keys.index, keys, strict=True):
        if isinstance(key, str) and key and key not in row_of:
            row_of[key] = row
    ckeys = normalize_key(contacts["account"])
    rows = [row_of.get(k) if isinstance(k, str) else None for k in ckeys]
    matched = contacts.assign(row=rows)
    unmatched = int(matched["row"].isna().sum())
    matched = matched[matched["row"].notna()]
    if matched.empty:
        return None
    members: dict[Any, dict[str, list[str]]] = {}
    examples: dict[str, list[str]] = {}
    for rec in matched.itertuples(index=False):
        who = str(rec.name or "").strip() or "?"
        if rec.title:
            who += f" ({rec.title})"
        role = rec.role or "other"
        members.setdefault(rec.row, {}).setdefault(role, []).append(who)
        if rec.role and rec.title and rec.title not in examples.setdefault(rec.role, []):
            examples[rec.role].append(str(rec.title))
    frame = pd.DataFrame(
        {r: {row: "\n".join(m.get(r, [])) for row, m in members.items()} for r in (*ROLES, "other")}
    )
    best = analysis.best_mask.reindex(dataset.table.index, fill_value=False).astype(bool)
    rest = (
        analysis.rest_mask.reindex(dataset.table.index, fill_value=False).astype(bool)
        if analysis.rest_mask is not None
        else ~best
    )
    has = {r: pd.Series(False, index=dataset.table.index) for r in ROLES}
    for row, m in members.items():
        for r in ROLES:
            if m.get(r):
                has[r].at[row] = True
    with_contacts = pd.Series(False, index=dataset.table.index)
    with_contacts[list(members)] = True
    best_c, rest_c = best & with_contacts, rest & with_contacts
    counts = pd.DataFrame(
        {
            "best": [int((has[r] & best_c).sum()) for r in ROLES],
            "best_n": int(best_c.sum()),
            "rest": [int((has[r] & rest_c).sum()) for r in ROLES],
            "rest_n": int(rest_c.sum()),
        },
        index=list(ROLES),
    )
    n_best_c = int(best_c.sum())
    key_roles = [
        r for r in ROLES if r == "decider" or (n_best_c and counts.at[r, "best"] * 2 >= n_best_c)
    ]
    lacking = []
    for row in best[best].index:
        missing = [r for r in key_roles if not has[r].at[row]]
        if missing:
            lacking.append((row, str(names.at[row]), missing))
    return Committee(
        members=frame.fillna(""),
        role_counts=counts,
        key_roles=key_roles,
        lacking=lacking,
        best_with_contacts=n_best_c,
        best_n=int(best.sum()),
        matched_contacts=len(matched),
        unmatched_contacts=unmatched,
        no_role=int(matched["role"].isna().sum()),
        best_label="won" if analysis.mode == "outcome" else "best",
        examples={r: v[:3] for r, v in examples.items()},
    )


@dataclass(frozen=True)
class TitleCount:
    title: str
    best: int  # best accounts whose contact holds this title
    best_n: int
    rest_pct: int


def titles_seen(dataset: Dataset, analysis: Analysis, *, top: int = 8) -> list[TitleCount]:
    """Titles of the contact-title column across the best accounts, commonest first.

    What a list with one contact per account can honestly say: titles seen across the best,
    never a committee per account.
    """
    spec = dataset.mapping.by_role(Role.CONTACT_TITLE)
    if spec is None or spec.name not in dataset.table.columns:
        return []
    col = dataset.table[spec.name]
    if spec.type == FieldType.MULTI and spec.sep:
        lists = split_tags(col, spec.sep)
    else:
        text = col.astype("string").str.strip()
        lists = text.map(lambda v: [v] if isinstance(v, str) and v else [], na_action="ignore")
        lists = lists.where(lists.notna(), pd.Series([[]] * len(lists), index=lists.index))
    best = analysis.best_mask.reindex(col.index, fill_value=False).astype(bool)
    rest = ~best
    best_counts = lists[best].explode().dropna().value_counts()
    rest_counts = lists[rest].explode().dropna().value_counts()
    n_best, n_rest = int(best.sum()), int(rest.sum())
    return [
        TitleCount(
            str(title),
            int(k),
            n_best,
            round(100 * int(rest_counts.get(title, 0)) / n_rest) if n_rest else 0,
        )
        for title, k in best_counts.head(top).items()
    ]


def sections(
    dataset: Dataset,
    analysis: Analysis,
    com: Committee | None,
    *,
    lang: Lang,
) -> list[Section]:
    """The committee (or, without contacts, the titles seen across the best) as a report section."""
    sec = Section(t("committee.title", lang))
    if com is None:
        seen = titles_seen(dataset, analysis)
        if not seen:
            return []
        sec.add("note", t("committee.no_contacts", lang))
        for tc in seen:
            sec.add("bullet", title_sentence(tc, lang, outcome=analysis.mode == "outcome"))
        return [sec]
    sec.add(
        "para",
        t(
            "committee.coverage",
            lang,
            matched=com.matched_contacts,
            with_contacts=com.best_with_contacts,
            best_n=com.best_n,
        ),
    )
    for line in com.role_sentences(lang):
        sec.add("bullet", line)
    lines = com.lacking_sentences(lang)
    if lines:
        sec.add("para", t("committee.lacking_title", lang))
        for line in lines:
            sec.add("bullet", line)
    return [sec]


def title_sentence(tc: TitleCount, lang: Lang, *, outcome: bool) -> str:
    """ "VP Operations — 6 of your best 10 accounts (vs 12% of the rest)"."""
    key = "committee.title_seen.won" if outcome else "committee.title_seen.best"
    return t(key, lang, title=tc.title, count=tc.best, n=tc.best_n, rest_pct=tc.rest_pct)
