"""The two 7-step builders: the Ideal Customer Profile (S1–S7) and the ideal
decision maker (P1–P7), plus the "use it" checklist.

One module per job: ``steps`` (the steps, prompts, options, checklist and
progress, as data), ``words`` (committee roles, routing and word lists shared
below), ``suggest`` (what the data suggests for each prompt, with evidence)
and ``draft`` (the S7 statement and P7 story written from the answers).
Callers import from ``icp.builders`` (the names below).

Answers are ``{step_id: {prompt_id: text}}``.  The S7 statement is prompt
``statement`` of S7, the P7 story prompt ``story`` of P7, and the checklist
ticks are step ``USE`` (field = item key, text ``"1"`` or ``""``).
"""

from __future__ import annotations

from icp.builders.draft import draft_icp_statement, draft_persona_story, is_person_data
from icp.builders.steps import (
    EXCLUSIVE_PROMPTS,
    ICP_STEPS,
    PERSONA_STEPS,
    STEPS,
    USE_CHECKLIST,
    USE_STEP,
    Answers,
    Prompt,
    Step,
    Suggestion,
    missing_required,
    progress,
    step_text,
    use_all,
)
from icp.builders.suggest import suggestions
from icp.builders.words import COMMITTEE_ROLES, committee_role

__all__ = [
    "COMMITTEE_ROLES",
    "EXCLUSIVE_PROMPTS",
    "ICP_STEPS",
    "PERSONA_STEPS",
    "STEPS",
    "USE_CHECKLIST",
    "USE_STEP",
    "Answers",
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
