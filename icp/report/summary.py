"""Summarise once: everything the exports show, as one frozen ``Summary``.

``summarise`` is the only place that reads the dataset and the analysis for a
report: the statement and story, KPIs, best customers, traits, the 7+7 step
answers with data suggestions for the unanswered ones, the checklist, a
methods note, what the pictures are drawn from, the analysis as JSON and the
sections other features add — already in the chosen language.  The renderers
(``pdf``, ``markdown``, ``json``) take the ``Summary`` alone and only lay it
out, so the Report page preview and every export can never disagree, and the
page computes it once.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from icp import builders, clouds, fmt
from icp.dataset import Dataset
from icp.i18n import Lang, t
from icp.model import Analysis, Kpi, Settings, Trait, definition_sentence
from icp.schema import Role
from icp.sections import Section
from icp.wording import is_kept, kept_key

Answers = dict[str, dict[str, str]]

_BEST_ROWS = 10  # customers in the "best" table of the document
_SUGGESTIONS_PER_PROMPT = 3
# Narrative prompts shown at the top of the document rather than in the step list.
_NARRATIVE = {"S7": "statement", "P7": "story"}


# ---------------------------------------------------------------- summary (plain data)


@dataclass(frozen=True)
class Narrative:
    """The ICP statement or the persona story; ``drafted`` = written from the data."""

    text: str
    drafted: bool


@dataclass(frozen=True)
class StepBlock:
    """One builder step as the exports show it."""

    id: str
    title: str
    answers: tuple[tuple[str, str], ...]  # (prompt label, answer)
    suggestions: tuple[tuple[str, str, str], ...]  # (prompt label, suggested text, evidence)
    note: str | None = None  # e.g. "the statement is at the start"


# Extra sections other features hand to the exports, printed last as (heading,
# lines) — the live workshop's accepted notes with their dot votes (issue 15).
Appendix = Sequence[tuple[str, Sequence[str]]]


@dataclass(frozen=True)
class Summary:
    """Everything the report shows, already in the chosen language.

    Plain data: the renderers need nothing else (no dataset, no analysis), and
    nothing downstream changes it.
    """

    title: str
    date: str  # written for people in ``lang`` (fmt.date)
    iso_date: str  # the same day as YYYY-MM-DD (the JSON's)
    lang: Lang
    outcome: bool
    source: str | None
    n_rows: int
    best_n: int
    rest_n: int
    statement: Narrative
    story: Narrative
    kpis: pd.DataFrame  # translated headers: measure, best, rest, ratio
    best: pd.DataFrame  # translated headers: rank, name, score, stability, trait columns
    best_note: str | None
    traits: tuple[Trait, ...]
    trait_rows: pd.DataFrame  # translated headers: trait, best, rest, lift, p
    trait_sentences: tuple[str, ...]
    numeric_sentences: tuple[str, ...]
    warning_sentences: tuple[str, ...]
    brief: tuple[str, ...]  # the 3–5 strongest findings with their counts, for page 1
    steps: tuple[StepBlock, ...]
    checklist: tuple[tuple[str, str, bool], ...]  # (area, item, done)
    methods: tuple[str, ...]
    notes: tuple[str, ...] = ()  # warnings from the analysis
    definition: str = ""  # what "best" means in this run (icp.model.definition_sentence)
    # what the pictures are drawn from (icp.report.images)
    kpi_values: Mapping[str, Kpi] = field(default_factory=dict)
    cloud_best: Mapping[str, float] = field(default_factory=dict)  # words the best use more
    cloud_rest: Mapping[str, float] = field(default_factory=dict)  # words the rest use more
    # what only the JSON carries
    answers: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # per step, as typed
    settings: Mapping[str, Any] = field(default_factory=dict)  # Settings.to_dict()
    analysis_json: Mapping[str, Any] = field(default_factory=dict)  # Analysis.to_json
    # what other features add, printed last
    appendix: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (heading, lines)
    extra: tuple[Section, ...] = ()  # the portraits' saved views (icp.sections)
    kept: bool = False  # a churn outcome: "kept" / "churned" instead of "won" / "not won"


def rest_mask(dataset: Dataset, analysis: Analysis) -> pd.Series:
    """The comparison group the analysis used (not best / not won; open deals in neither)."""
    if analysis.rest_mask is not None:
        return analysis.rest_mask
    return ~analysis.best_mask


def _default_title(dataset: Dataset, lang: Lang) -> str:
    name = dataset.source.filename
    if name:
        stem = re.sub(r"\.[A-Za-z0-9]{2,4}$", "", str(name).replace("\\", "/").split("/")[-1])
        if stem.strip():
            return stem
    return t("report.untitled", lang)


def _narrative(
    step: str,
    answers: Answers,
    analysis: Analysis,
    dataset: Dataset,
    lang: Lang,
) -> Narrative:
    typed = str((answers.get(step) or {}).get(_NARRATIVE[step]) or "").strip()
    if typed:
        return Narrative(typed, drafted=False)
    draft = builders.draft_icp_statement if step == "S7" else builders.draft_persona_story
    return Narrative(draft(answers, analysis, dataset, lang=lang), drafted=True)


def _ratio(best: float | None, rest: float | None) -> str:
    if best is None or rest is None or not (math.isfinite(best) and math.isfinite(rest)):
        return "–"
    if rest == 0:
        return "–"
    return f"×{fmt.number(best / rest)}"


def _kpi_table(analysis: Analysis, lang: Lang, outcome: bool) -> pd.DataFrame:
    kept = is_kept(analysis)
    best, rest = (
        (kept_key("common.won", kept), kept_key("common.not_won", kept))
        if outcome
        else ("common.best", "common.rest")
    )
    ratio = kept_key("report.kpis.ratio_outcome", kept) if outcome else "report.kpis.ratio"
    rows = [
        (t(f"kpi.{key}", lang), k.show(k.best), k.show(k.rest), _ratio(k.best, k.rest))
        for key, k in analysis.kpis.items()
    ]
    cols = [t("report.kpis.metric", lang), t(best, lang), t(rest, lang), t(ratio, lang)]
    return pd.DataFrame(rows, columns=cols)


def cell_text(value: Any) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return fmt.number(float(value))
    if isinstance(value, (pd.Timestamp, _dt.date)):
        return fmt.iso_date(value)
    return str(value)


def _trait_columns(dataset: Dataset, analysis: Analysis, limit: int = 2) -> list[str]:
    """Up to ``limit`` columns behind the top traits (shown next to each best customer)."""
    skip = {dataset.name_column}
    out: list[str] = []
    for tr in analysis.traits:
        if tr.kind == "text" or tr.column in skip or tr.column in out:
            continue
        if tr.column in dataset.table.columns:
            out.append(tr.column)
        if len(out) >= limit:
            break
    return out


def best_table(
    dataset: Dataset, analysis: Analysis, *, lang: Lang
) -> tuple[pd.DataFrame, str | None]:
    """The best customers as the report shows them (at most 10 rows, translated headers)
    and a note saying how many more there are (None when all are shown)."""
    names = dataset.names()
    extra = _trait_columns(dataset, analysis)
    n_best = int(analysis.best_mask.sum())
    rows: dict[str, list[str]] = {}
    if analysis.ranking is not None:
        rt = analysis.ranking.table
        top = rt[rt["is_best"]].head(_BEST_ROWS)
        idx = list(top.index)
        rows[t("report.best.rank", lang)] = [str(int(r)) for r in top["rank"]]
        rows[t("report.best.name", lang)] = [str(x) for x in top["name"]]
        rows[t("report.best.score", lang)] = [
            fmt.number(round(100 * float(s))) for s in top["score"]
        ]
        stab_head = t("report.best.stability", lang, n=n_best)
        rows[stab_head] = [
            "–" if not math.isfinite(float(s)) else f"{round(100 * float(s))}%"
            for s in top["stability"]
        ]
        more = "report.best.more"
    else:
        won = analysis.best_mask[analysis.best_mask].index
        value_col = dataset.mapping.col(Role.VALUE)
        if value_col and value_col in dataset.table.columns:
            values = pd.to_numeric(dataset.table.loc[won, value_col], errors="coerce")
            won = values.sort_values(ascending=False, na_position="last").index
        idx = list(won[:_BEST_ROWS])
        rows[t("report.best.rank", lang)] = [str(i + 1) for i in range(len(idx))]
        rows[t("report.best.name", lang)] = [str(names.loc[i]) for i in idx]
        if value_col and value_col in dataset.table.columns:
            rows[t("report.best.value", lang)] = [
                cell_text(dataset.table.loc[i, value_col]) for i in idx
            ]
        more = "report.best.more_outcome"
    for col in extra:
        rows[str(col)] = [cell_text(dataset.table.loc[i, col]) for i in idx]
    note = t(more, lang, shown=len(idx), total=n_best) if n_best > len(idx) else None
    return pd.DataFrame(rows), note


def _trait_rows(traits: list[Trait], lang: Lang, outcome: bool) -> pd.DataFrame:
    kept = any(tr.kept for tr in traits)
    best, rest = (
        (kept_key("report.traits.won", kept), kept_key("report.traits.not_won", kept))
        if outcome
        else (
            "report.traits.best",
            "report.traits.rest",
        )
    )
    rows = [
        (
            f"{tr.column} = {tr.value}",
            t(
                "report.traits.count_ci",
                lang,
                count=tr.best_count,
                n=tr.best_n,
                low=round(100 * tr.ci_low),
                high=round(100 * tr.ci_high),
            ),
            f"{tr.rest_count}/{tr.rest_n} ({round(100 * tr.rest_share)}%)",
            f"×{tr.lift:.1f}",
            f"{tr.p_value:.2g}",
        )
        for tr in traits
    ]
    cols = [
        t("report.traits.trait", lang),
        t(best, lang),
        t(rest, lang),
        t("report.traits.lift", lang),
        t("report.traits.p", lang),
    ]
    return pd.DataFrame(rows, columns=cols)


def _brief(analysis: Analysis, lang: Lang, outcome: bool, limit: int = 5) -> list[str]:
    """The strongest findings for page 1: categorical and numeric, strongest first, each
    a sentence with its counts and interval (at most ``limit``)."""
    ranked: list[tuple[float, str]] = [
        (tr.strength, tr.message(outcome=outcome).render(lang)) for tr in analysis.traits
    ]
    ranked += [
        (
            (nt.ci_low - nt.rest_in_range) if nt.kind == "band" else 0.5 * nt.contrast,
            nt.message(outcome=outcome).render(lang),
        )
        for nt in analysis.numeric
        if nt.is_finding and nt.kind != "warning"
    ]
    # who the best are (values, tags, words) before how much (numbers), strongest first in each
    n_traits = len(analysis.traits)
    order = sorted(range(len(ranked)), key=lambda i: (i >= n_traits, -ranked[i][0]))
    return [ranked[i][1] for i in order[:limit]]


def _steps(
    answers: Answers, analysis: Analysis, dataset: Dataset, lang: Lang, settings: Settings | None
) -> list[StepBlock]:
    out: list[StepBlock] = []
    for step in (*builders.ICP_STEPS, *builders.PERSONA_STEPS):
        given = answers.get(step.id) or {}
        narrative = _NARRATIVE.get(step.id)
        found = [
            s
            for s in builders.suggestions(step.id, analysis, dataset, lang=lang, settings=settings)
            if s.evidence is not None  # data-driven only; method options are not findings
        ]
        note: str | None = None
        given_answers: list[tuple[str, str]] = []
        suggested: list[tuple[str, str, str]] = []
        for prompt in step.prompts:
            if prompt.id == narrative:
                key = "report.steps.see_statement" if step.id == "S7" else "report.steps.see_story"
                note = t(key, lang)
                continue
            label = t(prompt.label_key, lang)
            text = str(given.get(prompt.id) or "").strip()
            if text:
                given_answers.append((label, text))
                continue
            mine = [s for s in found if s.prompt_id == prompt.id][:_SUGGESTIONS_PER_PROMPT]
            for s in mine:
                ev = s.evidence.render(lang) if s.evidence is not None else ""
                suggested.append((label, s.text, ev))
        title = t(step.title_key, lang)
        out.append(StepBlock(step.id, title, tuple(given_answers), tuple(suggested), note))
    return out


def _checklist(answers: Answers, lang: Lang) -> list[tuple[str, str, bool]]:
    ticks = answers.get(builders.USE_STEP) or {}
    return [
        (t(area, lang), t(item, lang), str(ticks.get(item) or "").strip() == "1")
        for area, items in builders.USE_CHECKLIST
        for item in items
    ]


def _methods(
    analysis: Analysis, settings: Settings | None, lang: Lang, best_n: int, rest_n: int
) -> list[str]:
    out: list[str] = []
    settings = settings or Settings()
    if analysis.ranking is not None:
        weights = settings.weights or {}
        crit = [
            t(
                "report.methods.weight",
                lang,
                criterion=t(f"criterion.{c}", lang),
                weight=fmt.number(float(weights.get(c, 1.0))),
            )
            for c in analysis.ranking.criteria
        ]
        sep = "、" if lang == "zh" else ", "
        out.append(
            t("report.methods.top", lang, n=best_n, rows=analysis.n_rows, criteria=sep.join(crit))
        )
        table = analysis.ranking.table
        pins = [str(x) for x in table.loc[table["pinned"], "name"]] if "pinned" in table else []
        excl = [str(x) for x in table.loc[table["excluded"], "name"]] if "excluded" in table else []
        if pins or excl:
            none = "—"
            out.append(
                t(
                    "report.methods.pins",
                    lang,
                    pins=sep.join(pins) or none,
                    excludes=sep.join(excl) or none,
                )
            )
        out.append(t("report.methods.stability", lang, draws=settings.draws, n=best_n))
    else:
        key = kept_key("report.methods.outcome", is_kept(analysis))
        out.append(t(key, lang, n=best_n, rest=rest_n))
    out.append(t("report.methods.traits", lang, best_n=best_n, rest_n=rest_n))
    out.append(t("report.methods.numeric", lang))
    kpis = t("report.methods.kpis", lang)
    if analysis.ltv_formula is not None:
        kpis += (" " if lang != "zh" else "") + analysis.ltv_formula.render(lang)
    out.append(kpis)
    out.append(t("report.methods.clouds", lang))
    out.append(t("report.steps.suggested_note", lang))
    out.append(t("report.methods.tool", lang))
    return out


def summarise(
    dataset: Dataset,
    analysis: Analysis,
    *,
    answers: Answers,
    lang: Lang,
    title: str | None = None,
    settings: Settings | None = None,
    appendix: Appendix = (),
    extra: Sequence[Section] = (),
) -> Summary:
    """Everything the report shows, as plain data in ``lang`` (see the module docstring).

    ``answers`` may be empty (the CLI has none); ``appendix`` and ``extra`` are
    what other features add at the end (workshop notes, portrait sections).
    """
    answers = answers or {}
    outcome = analysis.mode == "outcome"
    rest = rest_mask(dataset, analysis)
    best_n, rest_n = int(analysis.best_mask.sum()), int(rest.sum())
    best, note = best_table(dataset, analysis, lang=lang)
    cloud_best, cloud_rest = clouds.distinctive(
        clouds.frequencies(dataset.table, dataset.mapping, analysis.best_mask),
        clouds.frequencies(dataset.table, dataset.mapping, rest),
        best_n=best_n,
        rest_n=rest_n,
    )
    today = _dt.date.today()
    return Summary(
        title=(title or "").strip() or _default_title(dataset, lang),
        date=fmt.date(today, lang),
        iso_date=today.isoformat(),
        lang=lang,
        outcome=outcome,
        source=dataset.source.filename,
        n_rows=int(analysis.n_rows),
        best_n=best_n,
        rest_n=rest_n,
        statement=_narrative("S7", answers, analysis, dataset, lang),
        story=_narrative("P7", answers, analysis, dataset, lang),
        kpis=_kpi_table(analysis, lang, outcome),
        best=best,
        best_note=note,
        traits=tuple(analysis.traits),
        trait_rows=_trait_rows(analysis.traits, lang, outcome),
        trait_sentences=tuple(tr.message(outcome=outcome).render(lang) for tr in analysis.traits),
        numeric_sentences=tuple(
            nt.message(outcome=outcome).render(lang)
            for nt in analysis.numeric
            if nt.is_finding and nt.kind != "warning"
        )[:6],
        warning_sentences=(
            *(
                tr.message(outcome=outcome, warning=True).render(lang)
                for tr in analysis.warning_traits
            ),
            *(
                nt.message(outcome=outcome).render(lang)
                for nt in analysis.numeric
                if nt.kind == "warning"
            ),
        ),
        brief=tuple(_brief(analysis, lang, outcome)),
        steps=tuple(_steps(answers, analysis, dataset, lang, settings)),
        checklist=tuple(_checklist(answers, lang)),
        methods=tuple(_methods(analysis, settings, lang, best_n, rest_n)),
        notes=tuple(w.render(lang) for w in analysis.warnings),
        definition=definition_text(analysis, lang),
        kpi_values=dict(analysis.kpis),
        cloud_best=dict(cloud_best),
        cloud_rest=dict(cloud_rest),
        answers={
            sid: {str(k): str(v) for k, v in (answers.get(sid) or {}).items() if v is not None}
            for sid in (*builders.STEPS, builders.USE_STEP)
        },
        settings=(settings or Settings()).to_dict(),
        analysis_json=analysis.to_json(dataset, lang),
        appendix=tuple((str(h), tuple(str(x) for x in lines)) for h, lines in appendix),
        extra=tuple(extra),
        kept=is_kept(analysis),
    )


def definition_text(analysis: Analysis, lang: Lang) -> str:
    """What "best" means in this run, as one sentence ("" before a definition exists)."""
    d = analysis.definition
    return definition_sentence(d, lang) if d is not None else ""


def meta_groups(s: Summary) -> str:
    """The "N rows · best B · rest R" line under the title, in the summary's language."""
    key = kept_key("report.meta.groups_outcome", s.kept) if s.outcome else "report.meta.groups"
    return t(key, s.lang, rows=s.n_rows, best_n=s.best_n, rest_n=s.rest_n)
