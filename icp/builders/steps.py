"""The builder steps as data: S1–S7 (the ICP) and P1–P7 (the decision maker),
their prompts and method options, the "use it" checklist, and progress.

Answers are ``{step_id: {prompt_id: text}}``.  The S7 statement is prompt
``statement`` of S7, the P7 story prompt ``story`` of P7, and the checklist
ticks are step ``USE`` (field = item key, text ``"1"`` or ``""``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from icp.i18n import Lang, Msg, t

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
