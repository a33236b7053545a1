"""What the data suggests for each builder prompt, each with its evidence.

``suggestions`` pre-fills a step with what the data says — the chosen best
customers, the traits they share, what they used before, the contact titles
mapped to buying-committee roles, goal and obstacle words in free-text
notes — for the user to accept, edit or reject.  Where the data says nothing,
the method's own options are offered instead (with no evidence).
"""

from __future__ import annotations

import math
from collections import Counter

import pandas as pd

from icp import fmt
from icp.builders.steps import _OPTIONS, STEPS, Suggestion, _option
from icp.builders.words import (
    _GOAL_WORDS,
    _OBSTACLE_WORDS,
    _PREVIOUS_KINDS,
    _SKIP_ROLES,
    _column_role,
    _has_word,
    _join,
    _numeric_evidence,
    _outcome,
    _route,
    _seniority,
    _trait_evidence,
    _w,
    committee_role,
    ev_key,
)
from icp.dataset import Dataset
from icp.i18n import Lang, Msg, t
from icp.model import Analysis, Settings
from icp.schema import FieldType, Role
from icp.wording import is_kept, kept_key

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
        key = ev_key(analysis, "best") if _outcome(analysis) else "builders.ev.best_top"
        out.append(("S1", "best", sep.join(names), Msg(key, {"n": len(names)})))
    if _outcome(analysis):
        ev = Msg("builders.ev.mode_outcome", {})
        out.append(
            (
                "S1",
                "criteria",
                t(kept_key("builders.sug.criteria_outcome", is_kept(analysis)), lang),
                ev,
            )
        )
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


# icp.model.CRITERIA id -> option id of S1.criteria
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
                    ev_key(analysis, "warning"),
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
                ev_key(analysis, "warning"),
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
            # one scale for both sides and the column's currency: "16.7万元，其余 4.01万元",
            # never "16.68万，其余 40,150" (the tiles' scale, as the Best customers page shows)
            best=fmt.Num(kpi.best, unit=kpi.unit, ref=kpi.rest).render(lang),
            rest=fmt.Num(kpi.rest, unit=kpi.unit, ref=kpi.best).render(lang)
            if kpi.rest is not None
            else "—",
        )
        ev = Msg(ev_key(analysis, "kpi"), {})
        out.append(("S1", "why", text, ev))
    return out


_KPI_KEYS = frozenset({"ltv_cac", "sales_cycle_days", "employees", "deal_value"})


def _from_text(analysis: Analysis, dataset: Dataset | None, lang: Lang) -> list[_Found]:
    """Goal words (S4, P4) and obstacle words (P5) in notes, tags and free text."""
    out: list[_Found] = []
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
                    ev_key(analysis, "keyword"),
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
                ev_key(analysis, "warning"),
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
    key = ev_key(analysis, "title") if best else "builders.ev.title_all"
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
