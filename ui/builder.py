"""The step wizard shared by the ICP builder and the decision-maker builder pages.

One step on screen at a time, visitable in any order: a step picker with ✓
marks from ``icp.builders.progress``, a progress bar, the step's intro, and
for every prompt a text area that saves while the user types (``ui.autosave``)
and on blur, with the data's suggestions underneath ("Use" appends one, "Use all" appends them all).
S7/P7 get a "Draft from my answers" button that asks before replacing text.

Every save carries the field's version as this session last saw it, so when
two people edit the same answer the store keeps both texts and this screen
shows the merged text with an "edited elsewhere — merged" note, instead of
one silently replacing the other.
"""

from __future__ import annotations

from typing import Literal

import streamlit as st

from icp import builders
from icp.builders import Prompt, Step, Suggestion
from icp.errors import InputError
from icp.report import md_escape
from ui import autosave, confirm, state, stepnav

__all__ = ["add_lines", "answer_key", "render", "render_checklist", "render_step"]

Builder = Literal["icp", "persona"]
_MARK = {"done": "✓", "partial": "◐", "empty": "○"}
# The prompt each narrative step drafts into.
_DRAFT_PROMPT = {"S7": "statement", "P7": "story"}


def answer_key(step_id: str, prompt_id: str) -> str:
    """Session-state key of the text area holding one answer."""
    return f"builder.answer.{step_id}.{prompt_id}"


def _steps(builder: Builder) -> tuple[Step, ...]:
    return builders.ICP_STEPS if builder == "icp" else builders.PERSONA_STEPS


# ---------------------------------------------------------------- callbacks


def _remember_step(builder: Builder) -> None:
    state.set_ui(f"{builder}.step", st.session_state[f"{builder}.step"])


def _go(builder: Builder, step_id: str) -> None:
    st.session_state[f"{builder}.step"] = step_id
    state.set_ui(f"{builder}.step", step_id)


_BASES = "builder.bases"  # answer key -> the field's version this session last saw
_MERGED = "builder.merged"  # answer keys whose last save was merged with someone else's text
_REPLACE = "builder.replace"  # answer key -> merged text still to be put into the browser's box
_FAILED = "builder.failed"  # answer key -> why its last save failed (the text stays in the box)


def _load(step_id: str, prompt_id: str) -> None:
    """Put the stored answer into its text area (first draw) and remember its version."""
    key = answer_key(step_id, prompt_id)
    text, version = state.answer(step_id, prompt_id)
    st.session_state[key] = text
    st.session_state.setdefault(_BASES, {})[key] = version


def _store(step_id: str, prompt_id: str, text: str) -> None:
    """Save one answer against the version this session saw; show a merge in the box.

    Must run before the text area is drawn in this run (a callback, or the
    autosave hand-off at the top of ``render_step``) so its text can be replaced.
    """
    key = answer_key(step_id, prompt_id)
    bases = st.session_state.setdefault(_BASES, {})
    failed = st.session_state.setdefault(_FAILED, {})
    try:
        saved = state.save_answer(step_id, prompt_id, text, base=bases.get(key))
    except InputError as exc:  # the disk is full, the database is gone: say so, keep the text
        failed[key] = exc
        return
    failed.pop(key, None)
    bases[key] = saved.version
    merged = st.session_state.setdefault(_MERGED, set())
    if saved.merged:
        st.session_state[key] = saved.text
        st.session_state.setdefault(_REPLACE, {})[key] = saved.text
        merged.add(key)
    else:
        merged.discard(key)


def _save(step_id: str, prompt_id: str) -> None:
    _store(step_id, prompt_id, st.session_state[answer_key(step_id, prompt_id)])


def _append(step_id: str, prompt_id: str, texts: list[str]) -> None:
    """Add suggestion texts to an answer, one per line, skipping lines already there."""
    key = answer_key(step_id, prompt_id)
    current = st.session_state.get(key, "") or ""
    have = {line.strip() for line in current.splitlines()}
    new = [x for x in texts if x.strip() not in have]
    if not new:
        return
    text = "\n".join([current.rstrip("\n"), *new]) if current.strip() else "\n".join(new)
    st.session_state[key] = text
    _store(step_id, prompt_id, text)


def add_lines(step_id: str, prompt_id: str, texts: list[str]) -> None:
    """Add lines to an answer from outside its text area (a workshop note accepted on the
    Workshop page) — in a callback, before the box is drawn.

    Goes through the box's own save: the stored text is loaded if the box was never
    drawn, the save carries the version the box last saw (so a stale screen merges
    instead of overwriting), and the new text is also put into the box in the browser.
    """
    key = answer_key(step_id, prompt_id)
    if key not in st.session_state:
        _load(step_id, prompt_id)
    _append(step_id, prompt_id, texts)
    st.session_state.setdefault(_REPLACE, {})[key] = st.session_state[key]


def _set_text(step_id: str, prompt_id: str, text: str) -> None:
    st.session_state[answer_key(step_id, prompt_id)] = text
    st.session_state.pop("builder.confirm", None)
    _store(step_id, prompt_id, text)


def _draft(step_id: str) -> str:
    answers = state.answers()
    draft = builders.draft_icp_statement if step_id == "S7" else builders.draft_persona_story
    return draft(answers, state.analysis(), state.dataset(), lang=state.lang())


def _ask_draft(step_id: str) -> None:
    """Fill the narrative at once if it is empty, otherwise ask before replacing it."""
    prompt_id = _DRAFT_PROMPT[step_id]
    current = st.session_state.get(answer_key(step_id, prompt_id), "") or ""
    if current.strip():
        st.session_state["builder.confirm"] = step_id
    else:
        _set_text(step_id, prompt_id, _draft(step_id))


def _confirm_draft(step_id: str) -> None:
    _set_text(step_id, _DRAFT_PROMPT[step_id], _draft(step_id))


def _cancel_draft() -> None:
    st.session_state.pop("builder.confirm", None)


# ---------------------------------------------------------------- drawing


def render(builder: Builder) -> None:
    """Draw the wizard for ``builder`` ("icp" or "persona")."""
    tr = state.tr
    steps = _steps(builder)
    ids = [s.id for s in steps]
    answers = state.answers()
    prog = builders.progress(answers)

    step_key = f"{builder}.step"
    st.session_state.setdefault(step_key, state.get_ui(step_key, ids[0]))
    if st.session_state[step_key] not in ids:
        st.session_state[step_key] = ids[0]

    done = sum(prog[i] == "done" for i in ids)
    st.progress(done / len(ids), text=tr("builders.ui.progress", done=done, total=len(ids)))
    result = state.analysis()
    if result is not None and result.definition is not None:
        confirm.definition_line(result.definition)

    picker, body = st.columns([1, 3], gap="large")
    with picker:
        st.radio(
            tr("builders.ui.step_picker"),
            options=ids,
            format_func=lambda sid: tr(
                "builders.ui.step_label",
                mark=_MARK[prog[sid]],
                id=sid,
                title=tr(builders.STEPS[sid].title_key),
            ),
            key=step_key,
            on_change=_remember_step,
            args=(builder,),
        )
    step = builders.STEPS[st.session_state[step_key]]
    with body:
        render_step(step, answers)
        _render_nav(builder, ids, step.id)


def render_step(step: Step, answers: dict[str, dict[str, str]], *, heading: bool = True) -> None:
    """One step's prompts as autosaving text areas with the data's suggestions.

    ``heading=False``: without the step's title (the Workshop page shows it above).
    """
    tr = state.tr
    if heading:
        st.subheader(f"{step.id} · {tr(step.title_key)}")
    st.write(tr(step.intro_key))

    analysis, dataset = state.analysis(), state.dataset()
    if analysis is None and dataset is None:
        st.info(tr("builders.ui.no_analysis"))
    found = builders.suggestions(
        step.id, analysis, dataset, lang=state.lang(), settings=state.settings()
    )
    given = answers.get(step.id, {})
    missing = [
        tr(p.label_key) for p in step.prompts if p.required and not (given.get(p.id) or "").strip()
    ]
    if missing:
        st.warning(tr("builders.ui.missing", prompts="; ".join(missing)), icon="✏️")

    typed = autosave.watch(
        {answer_key(step.id, p.id): p.id for p in step.prompts},
        key=f"builder.autosave.{step.id}",
        replace=st.session_state.pop(_REPLACE, None),
    )
    if typed is not None:  # typing paused in one of this step's boxes: save it now
        _store(step.id, typed["field"], typed["text"])
        if st.session_state.get(_REPLACE):  # merged: run again to show it in the box
            st.rerun()

    for prompt in step.prompts:
        _render_prompt(step, prompt, [s for s in found if s.prompt_id == prompt.id])


def _render_prompt(step: Step, prompt: Prompt, found: list[Suggestion]) -> None:
    tr = state.tr
    key = answer_key(step.id, prompt.id)
    if key not in st.session_state:
        _load(step.id, prompt.id)
    label = tr(prompt.label_key)
    if prompt.required:
        label += tr("builders.ui.required_suffix")
    narrative = step.id in _DRAFT_PROMPT and prompt.id == _DRAFT_PROMPT[step.id]
    if narrative:
        _render_draft_controls(step.id)
    st.text_area(
        label,
        key=key,
        help=tr(prompt.help_key) if prompt.help_key else None,
        placeholder=tr("builders.ui.example", example=tr(prompt.example_key))
        if prompt.example_key
        else None,
        height=220 if narrative else 100,
        on_change=_save,
        args=(step.id, prompt.id),
    )
    if key in st.session_state.get(_MERGED, ()):
        st.info(tr("autosave.merged"), icon="🔀")
    problem = st.session_state.get(_FAILED, {}).get(key)
    if problem is not None:
        state.show_error(problem)
        st.caption(tr("autosave.kept"))
    if found:
        _render_suggestions(step.id, prompt.id, found)


def _render_draft_controls(step_id: str) -> None:
    tr = state.tr
    st.button(
        tr("builders.ui.draft"),
        key=f"builder.draft.{step_id}",
        icon="✍️",
        on_click=_ask_draft,
        args=(step_id,),
    )
    if st.session_state.get("builder.confirm") == step_id:
        st.warning(tr("builders.ui.confirm_overwrite"))
        yes, no, _ = st.columns([1, 1, 4])
        yes.button(
            tr("builders.ui.replace"),
            key=f"builder.replace.{step_id}",
            type="primary",
            on_click=_confirm_draft,
            args=(step_id,),
        )
        no.button(tr("builders.ui.cancel"), key=f"builder.cancel.{step_id}", on_click=_cancel_draft)


def _render_suggestions(step_id: str, prompt_id: str, found: list[Suggestion]) -> None:
    """Suggestion rows: a "Use" button, the text (as plain text) and its evidence in small print."""
    tr = state.tr
    from_data = any(s.evidence is not None for s in found)
    head, use_all = st.columns([4, 1])
    head.caption(tr("builders.ui.suggestions" if from_data else "builders.ui.options"))
    every = builders.use_all(step_id, prompt_id, found)
    if len(every) > 1:  # options that exclude each other get no "Use all"
        use_all.button(
            tr("builders.ui.use_all"),
            key=f"builder.useall.{step_id}.{prompt_id}",
            on_click=_append,
            args=(step_id, prompt_id, every),
            width="stretch",
        )
    for i, sug in enumerate(found):
        button, text = st.columns([1, 5], vertical_alignment="center")
        button.button(
            tr("builders.ui.use"),
            key=f"builder.use.{step_id}.{prompt_id}.{i}",
            on_click=_append,
            args=(step_id, prompt_id, [sug.text]),
            width="stretch",
        )
        with text:
            st.text(sug.text)  # customer data: plain text, never markup
            if sug.evidence is not None:
                st.caption(md_escape(tr(sug.evidence)))


def _render_nav(builder: Builder, ids: list[str], current: str) -> None:
    tr = state.tr
    i = ids.index(current)
    stepnav.keep_focus()
    with st.container(key=f"{stepnav.NAV_PREFIX}-{builder}"):
        prev, _, nxt = st.columns([1, 3, 1])
    prev.button(  # new buttons on each step: a press sent from a step already left is dropped
        tr("builders.ui.prev"),
        key=f"{builder}.prev.{current}",
        disabled=i == 0,
        on_click=_go,
        args=(builder, ids[max(i - 1, 0)]),
        width="stretch",
    )
    nxt.button(
        tr("builders.ui.next"),
        key=f"{builder}.next.{current}",
        disabled=i == len(ids) - 1,
        on_click=_go,
        args=(builder, ids[min(i + 1, len(ids) - 1)]),
        width="stretch",
        type="primary",
    )


# ---------------------------------------------------------------- "use it" checklist


def _tick(item: str) -> None:
    state.save_answer(builders.USE_STEP, item, "1" if st.session_state[f"use.{item}"] else "")


def render_checklist() -> None:
    """The "put it to work" checklist: one autosaving checkbox per item, by area."""
    tr = state.tr
    ticks = state.answers().get(builders.USE_STEP, {})
    st.subheader(tr("builders.use.title"))
    st.caption(tr("builders.use.intro"))
    for area, items in builders.USE_CHECKLIST:
        st.markdown(f"**{tr(area)}**")
        for item in items:
            key = f"use.{item}"
            st.session_state.setdefault(key, (ticks.get(item) or "") == "1")
            st.checkbox(tr(item), key=key, on_change=_tick, args=(item,))
