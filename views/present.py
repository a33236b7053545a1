"""Workshop (facilitator view): run a live session from the laptop.

The projector shows the room view (``/room``, another tab or window); the
room joins from their phones.  Here: the agenda (screens and minutes, 30/60/90
templates), Previous / Next / Go to screen, the step's clock (kept in the
database as time spent + start time, so a refresh, this panel or a server
restart never resets it), the join code, the notes coming in — hide, edit,
merge, lock, accept into the step's answer — and the answer itself, edited
here with the builders' editor (saved while typing; a stale box merges, never
overwrites an accepted note).
"""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from icp import builders
from icp.errors import InputError
from icp.report import md_escape
from icp.workshop import ALL_SCREENS, STEP_IDS, TEMPLATES, AgendaItem, Session, template
from ui import builder, confirm, present, state, stepnav
from ui import workshop as wui

tr = state.tr
lang = state.lang()
ws = state.workspace_id()
engine = wui.engine()
if not state.presenting():
    present.base_css()
wui.clock_script()


# ---------------------------------------------------------------- callbacks


def _start() -> None:
    minutes = int(st.session_state.get("present.template", 60))
    engine.start(ws, lang=lang, agenda=template(minutes))
    st.session_state.pop("present.agenda_editor", None)


def _jump(shown: str) -> None:
    """Go to the screen picked in the picker drawn for ``shown``, only while the session
    still shows it: the picker has one key per screen, so a poll that carries the
    browser's not-yet-updated picker (a Next just pressed, or the room's → key) names
    the old screen's picker and never moves the session back."""
    s = engine.session(ws)
    if s is not None and s.screen == shown:
        engine.go(ws, st.session_state[f"present.jump.{shown}"])


def _toggle_timer(shown_running: bool) -> None:
    if engine.timer(ws).running == shown_running:  # a double click toggles once
        engine.toggle_timer(ws)


def _reset_timer() -> None:
    engine.reset_timer(ws)


def _set_open(shown: bool) -> None:
    """Joining on/off from the switch drawn showing ``shown`` (its key names it, so a poll
    carrying a switch the browser has not redrawn yet changes nothing)."""
    s = engine.session(ws)
    if s is not None and s.open == shown:
        engine.set_open(ws, bool(st.session_state[f"present.join_open.{shown:d}"]))


def _set_lock(screen: str, shown: bool) -> None:
    """Lock/unlock ``screen`` from the switch drawn for it: after Next, a stale switch of
    the locked screen before must not lock the new one."""
    s = engine.session(ws)
    if s is not None and s.screen == screen and (screen in s.locked) == shown:
        engine.set_locked(ws, screen, bool(st.session_state[f"present.lock.{screen}.{shown:d}"]))


def _use_template(minutes: int) -> None:
    engine.set_agenda(ws, template(minutes))
    st.session_state.pop("present.agenda_editor", None)


def _save_agenda(table: pd.DataFrame) -> None:
    items = [
        AgendaItem(str(row["id"]), int(row["minutes"] or 1))
        for _, row in table.iterrows()
        if bool(row["on"])
    ]
    try:
        engine.set_agenda(ws, items)
        st.session_state.pop("present.agenda_error", None)
    except InputError as exc:
        st.session_state["present.agenda_error"] = exc.msg


def _accept(note_id: int, screen: str) -> None:
    note = engine.accept(ws, note_id)
    prompt = st.session_state.get(f"present.accept_into.{screen}") or wui.note_target_prompt(screen)
    if prompt is not None:  # through the answer box's own save: a stale box merges, never wins
        builder.add_lines(screen, prompt, [note.text])
    st.session_state["present.flash"] = (screen, note.text)
    st.session_state["present.redraw"] = True  # the answer tab is outside the fragment


def _accept_top(screen: str, n: int) -> None:
    for note in [x for x in engine.notes(ws, screen) if not x.accepted][:n]:
        _accept(note.id, screen)


def _hide(note_id: int, hidden: bool) -> None:
    engine.hide(ws, note_id, hidden)


def _edit(note_id: int) -> None:
    try:
        engine.edit(ws, note_id, st.session_state.get(f"present.edit.{note_id}", ""))
    except InputError as exc:
        st.toast(exc.message(lang), icon="⚠️")


def _merge(note_id: int) -> None:
    into = st.session_state.get(f"present.merge.{note_id}")
    if into:
        engine.merge(ws, int(into), note_id)


def _add_note() -> None:
    try:
        text = st.session_state.get("present.new_note", "")
        engine.add_note(ws, text, author=tr("workshop.fac.author"))
        st.session_state["present.new_note"] = ""
    except InputError as exc:
        st.toast(exc.message(lang), icon="⚠️")


# ---------------------------------------------------------------- no session yet

st.title(tr("present.title"))
session = engine.session(ws)


def _start_controls(*, again: bool) -> None:
    """The 30/60/90 template and the button that starts a session (``again``: a new one)."""
    st.radio(
        tr("workshop.fac.template"),
        options=sorted(TEMPLATES),
        index=1,
        format_func=lambda n: tr("workshop.fac.template_n", n=n),
        key="present.template",
        horizontal=True,
    )
    st.button(
        tr("workshop.fac.restart" if again else "workshop.fac.start"),
        key="present.restart" if again else "present.start",
        type="secondary" if again else "primary",
        icon=":material/restart_alt:" if again else ":material/play_circle:",
        help=tr("workshop.fac.restart_help") if again else None,
        on_click=_start,
    )


if session is None:
    st.write(tr("workshop.fac.intro"))
    _start_controls(again=False)
    st.stop()

if session.lang != lang:  # the room and the phones follow the facilitator's language
    engine.set_lang(ws, lang)


# ---------------------------------------------------------------- header: step, clock, links


def _header(s: Session) -> None:
    head, clock = st.columns([3, 2], vertical_alignment="top")
    with head:
        st.markdown(
            f'<div class="icp-counter">{html.escape(wui.counter(s.screen, lang))}</div>',
            unsafe_allow_html=True,
        )
        i, n = s.position()
        st.progress(i / max(n, 1), text=tr("workshop.counter.agenda", i=i, n=n))
    with clock:
        _clock()


@st.fragment(run_every=2)
def _clock() -> None:
    s = engine.session(ws)
    if s is None:
        return
    timer = engine.timer(ws)
    st.markdown(wui.clock_html(timer, lang), unsafe_allow_html=True)
    people, notes, votes = engine.counts(ws)
    st.caption(tr("workshop.fac.join_status", code=s.code, people=people, notes=notes, votes=votes))
    go, reset = st.columns(2)
    if timer.running:
        label, icon = tr("workshop.timer.pause"), ":material/pause:"
    elif timer.spent > 0:
        label, icon = tr("workshop.timer.resume"), ":material/play_arrow:"
    else:
        label, icon = tr("workshop.timer.start"), ":material/play_arrow:"
    go.button(
        label,
        key="present.timer.go",
        icon=icon,
        on_click=_toggle_timer,
        args=(timer.running,),
        width="stretch",
    )
    reset.button(
        tr("workshop.timer.reset"),
        key="present.timer.reset",
        icon=":material/replay:",
        on_click=_reset_timer,
        width="stretch",
    )


_header(session)
_result = state.analysis()
if _result is not None and _result.definition is not None:
    confirm.definition_line(_result.definition)

stepnav.keep_focus()
with st.container(key=stepnav.NAV_PREFIX):
    prev, jump, nxt = st.columns([1, 2, 1], vertical_alignment="bottom")
    at = session.screens.index(session.screen) if session.screen in session.screens else 0
    prev.button(
        tr("present.prev"),
        key=f"present.prev.{session.screen}",  # new on each screen: see ui/stepnav.py
        icon=":material/arrow_back:",
        disabled=at == 0,
        on_click=wui.move,
        args=(ws, session.screen, -1),
        width="stretch",
    )
    jump.selectbox(  # a new picker per screen: it always names what is shown
        tr("workshop.fac.go"),
        options=session.screens,
        index=at,
        format_func=lambda sc: wui.label(sc, lang),
        key=f"present.jump.{session.screen}",
        on_change=_jump,
        args=(session.screen,),
    )
    nxt.button(
        tr("present.next"),
        key=f"present.next.{session.screen}",
        icon=":material/arrow_forward:",
        icon_position="right",
        type="primary",
        disabled=at == len(session.screens) - 1,
        on_click=wui.move,
        args=(ws, session.screen, 1),
        width="stretch",
    )

room, status = st.columns([1, 2], vertical_alignment="center")
with status:
    st.markdown(f"`{md_escape(wui.join_url(session.code))}`")
room.link_button(
    tr("workshop.fac.open_room"),
    url=f"room?ws={ws}",
    icon=":material/cast:",
    help=tr("workshop.fac.open_room_help"),
    width="stretch",
)


st.subheader(f"{wui.label(session.screen, lang)}")
st.markdown(f"**{md_escape(wui.question(session.screen, lang))}**")
wui.publish_evidence(ws, session)

notes_tab, answer_tab, agenda_tab = st.tabs(
    [tr("workshop.fac.notes"), tr("workshop.fac.answers"), tr("workshop.fac.agenda")]
)


# ---------------------------------------------------------------- notes


@st.fragment(run_every=2)
def _notes(screen: str) -> None:
    s = engine.session(ws)
    if s is None or s.screen != screen:  # moved on elsewhere (room keys): redraw the page
        st.rerun(scope="app")
    if st.session_state.pop("present.redraw", False):
        st.rerun(scope="app")
    flash = st.session_state.pop("present.flash", None)
    if flash:
        accepted = tr("workshop.fac.accepted", step=flash[0], text=flash[1])
        st.success(state.plain(accepted), icon="✅")
    board = engine.notes(ws, screen, hidden=True)
    visible = [n for n in board if not n.hidden]
    if screen in STEP_IDS:
        step = builders.STEPS[screen]
        pick, top = st.columns([2, 1], vertical_alignment="bottom")
        pick.selectbox(
            tr("workshop.fac.accept_into"),
            options=[p.id for p in step.prompts],
            format_func=lambda pid: tr(f"builders.{screen}.{pid}.label"),
            key=f"present.accept_into.{screen}",
        )
        top.button(
            tr("workshop.fac.accept_top", n=3),
            key="present.accept_top",
            icon=":material/done_all:",
            disabled=not visible,
            on_click=_accept_top,
            args=(screen, 3),
            width="stretch",
        )
    else:
        st.caption(tr("workshop.fac.no_answer_step"))
    for f in engine.findings(ws, screen):
        st.markdown(f"● {f.votes} · {md_escape(f.label)}")
    if not board:
        st.caption(tr("workshop.fac.no_notes"))
    others = {n.id: n.text for n in visible}
    for n in board:
        text, accept, hide, more = st.columns([6, 1.3, 1.2, 1.3], vertical_alignment="center")
        tags = []
        if n.accepted:
            tags.append("✅")
        if n.hidden:
            tags.append(f"*({tr('workshop.fac.hidden_tag')})*")
        merged = f" *(+{len(n.merged)})*" if n.merged else ""
        who = md_escape(n.author)
        text.markdown(f"**● {n.votes}** · {md_escape(n.text)}{merged} — {who} {' '.join(tags)}")
        accept.button(
            tr("workshop.fac.accept"),
            key=f"present.accept.{n.id}",
            disabled=n.accepted or n.hidden,
            on_click=_accept,
            args=(n.id, screen),
            width="stretch",
        )
        hide.button(
            tr("workshop.fac.show" if n.hidden else "workshop.fac.hide"),
            key=f"present.hide.{n.id}",
            on_click=_hide,
            args=(n.id, not n.hidden),
            width="stretch",
        )
        with more.popover(tr("workshop.fac.edit"), width="stretch"):
            st.session_state.setdefault(f"present.edit.{n.id}", n.text)
            st.text_input(tr("workshop.fac.edit"), key=f"present.edit.{n.id}", max_chars=200)
            st.button(
                tr("workshop.fac.save"),
                key=f"present.save.{n.id}",
                on_click=_edit,
                args=(n.id,),
            )
            st.selectbox(
                tr("workshop.fac.merge"),
                options=[None, *[i for i in others if i != n.id]],
                format_func=lambda i: others[i][:60] if i else tr("workshop.fac.merge_none"),
                key=f"present.merge.{n.id}",
                on_change=_merge,
                args=(n.id,),
            )


with notes_tab:
    left, right = st.columns([3, 1])
    with right:
        # Live switches: the key names the state drawn (see _jump), the value is the session's.
        st.toggle(
            tr("workshop.fac.join_open"),
            value=session.open,
            key=f"present.join_open.{session.open:d}",
            on_change=_set_open,
            args=(session.open,),
        )
        locked = session.screen in session.locked
        st.toggle(
            tr("workshop.fac.lock"),
            value=locked,
            key=f"present.lock.{session.screen}.{locked:d}",
            on_change=_set_lock,
            args=(session.screen, locked),
        )
        with st.form("present.add", clear_on_submit=False, border=False):
            st.text_input(tr("workshop.fac.add_note"), key="present.new_note", max_chars=200)
            st.form_submit_button(tr("workshop.fac.add"), on_click=_add_note)
    with left:
        _notes(session.screen)


# ---------------------------------------------------------------- the answer


with answer_tab:
    if session.screen in STEP_IDS:
        # The builders' own editor: saved while typing, every save against the version this
        # screen last saw, so a stale box merges with accepted notes instead of replacing them.
        builder.render_step(builders.STEPS[session.screen], state.answers(), heading=False)
    else:
        st.caption(tr("workshop.fac.no_answer_step"))


# ---------------------------------------------------------------- agenda

with agenda_tab:
    st.caption(tr("workshop.fac.agenda_total", n=session.total_minutes))
    cols = st.columns(len(TEMPLATES) + 1)
    for col, minutes in zip(cols, sorted(TEMPLATES), strict=False):
        col.button(
            tr("workshop.fac.template_n", n=minutes),
            key=f"present.tpl.{minutes}",
            on_click=_use_template,
            args=(minutes,),
            width="stretch",
        )
    planned = {a.screen: a.minutes for a in session.agenda}
    table = pd.DataFrame(
        {
            "on": [sc in planned for sc in ALL_SCREENS],
            "id": list(ALL_SCREENS),
            "screen": [wui.label(sc, lang) for sc in ALL_SCREENS],
            "minutes": [planned.get(sc, 5) for sc in ALL_SCREENS],
        }
    )
    edited = st.data_editor(
        table,
        key="present.agenda_editor",
        hide_index=True,
        column_order=["on", "screen", "minutes"],
        column_config={
            "on": st.column_config.CheckboxColumn(tr("workshop.fac.agenda_on")),
            "screen": st.column_config.TextColumn(tr("workshop.fac.agenda_screen"), disabled=True),
            "minutes": st.column_config.NumberColumn(
                tr("workshop.fac.agenda_minutes"), min_value=1, max_value=180, step=1
            ),
        },
        width="stretch",
    )
    st.button(
        tr("workshop.fac.agenda_save"),
        key="present.agenda_save",
        type="primary",
        on_click=_save_agenda,
        args=(edited,),
    )
    if st.session_state.get("present.agenda_error") is not None:
        st.error(tr(st.session_state["present.agenda_error"]), icon="⚠️")
    st.divider()
    _start_controls(again=True)
