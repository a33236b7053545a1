"""The drafted ICP statement (S7) and persona story (P7).

``draft_icp_statement`` and ``draft_persona_story`` write a narrative from the
answers in the chosen language, falling back to the data for slots the user
left empty; they are pure templates, no external service.
"""

from __future__ import annotations

import re

from icp.builders.steps import Answers
from icp.builders.suggest import _data_suggestions
from icp.builders.words import (
    _column_role,
    _common_noun,
    _has_word,
    _join,
    _lines,
    _lower_first,
    _route,
    _w,
)
from icp.dataset import Dataset
from icp.i18n import Lang, t
from icp.model import Analysis
from icp.schema import Role

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
        "builders.ev.trait_kept",
        "builders.ev.numeric_kept",
        "builders.ev.warning_kept",
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
