"""Phone page: join the workshop with the code on the screen, post sticky notes, dot-vote.

Reached by the QR code / short link (``/join?code=ABC123``).  It talks to
``icp.workshop`` through the join code and the phone's own token only, so
it can show nothing but the current step's question, its notes and the
findings the facilitator put on the slide: no data set, no answers, no other
workspace.  The language follows the workshop's, switchable here.  The
phone's token sits in the URL (``&p=``), so a refresh keeps the person in.
"""

from __future__ import annotations

import html

import streamlit as st

from icp.errors import InputError
from icp.i18n import LANGS, Lang, t
from icp.report import md_escape
from icp.workshop import MAX_NAME_CHARS, MAX_NOTE_CHARS, RoomView, normalise_code
from icp.workshop.model import finding_target, note_target
from ui import workshop as wui

wui.phone_css()
engine = wui.engine()


def _param(name: str) -> str:
    value = st.query_params.get(name, "")
    return value if isinstance(value, str) else (value[0] if value else "")


code = normalise_code(_param("code"))
token = _param("p")
me = engine.participant(token) if token else None
session = engine.resolve(code) if code else None
if me is not None and session is None:  # joined, then the code was closed / replaced
    me = None


def lang() -> Lang:
    chosen = st.session_state.get("join.lang")
    if chosen in LANGS:
        return chosen
    return session.lang if session is not None else "en"


def tr(key: str, **params: object) -> str:
    return t(key, lang(), **params)


# ---------------------------------------------------------------- callbacks


def _join() -> None:
    typed = normalise_code(st.session_state.get("join.code", ""))
    try:
        person = engine.join(typed, st.session_state.get("join.name", ""))
    except InputError as exc:
        st.session_state["join.error"] = exc.msg
        return
    st.session_state.pop("join.error", None)
    st.query_params["code"] = typed
    st.query_params["p"] = person.token


def _leave() -> None:
    st.query_params.pop("p", None)


def _post() -> None:
    try:
        engine.post_once(token, st.session_state.get("join.note", ""))
    except InputError as exc:
        st.session_state["join.error"] = exc.msg
        return
    st.session_state.pop("join.error", None)
    st.session_state["join.posted"] = True


def _vote(note: int | None, finding: str | None, on: bool) -> None:
    try:
        if on:
            engine.vote(token, note=note, finding=finding)
        else:
            engine.unvote(token, note=note, finding=finding)
        st.session_state.pop("join.error", None)
    except InputError as exc:
        st.session_state["join.error"] = exc.msg


# ---------------------------------------------------------------- the page

top, switch = st.columns([3, 2], vertical_alignment="center")
st.session_state.setdefault("join.lang", lang())
switch.segmented_control(
    tr("workshop.join.language"),
    options=list(LANGS),
    format_func=lambda c: {"en": "EN", "zh": "中文"}[c],
    key="join.lang",
    label_visibility="collapsed",
)
if st.session_state.get("join.lang") not in LANGS:  # a deselected segment: keep the last one
    st.session_state["join.lang"] = session.lang if session else "en"


def _error() -> None:
    msg = st.session_state.get("join.error")
    if msg is not None:
        st.error(t(msg, lang()), icon="⚠️")


if me is None:
    top.markdown(f"### {tr('workshop.join.title')}")
    if code and session is None:
        st.warning(tr("workshop.closed"), icon="⚠️")
    st.session_state.setdefault("join.code", code)
    st.text_input(tr("workshop.join.code"), key="join.code", max_chars=12)
    st.text_input(
        tr("workshop.join.name"),
        key="join.name",
        max_chars=MAX_NAME_CHARS,
        help=tr("workshop.join.name_help"),
    )
    _error()
    st.button(
        tr("workshop.join.go"),
        key="join.go",
        type="primary",
        on_click=_join,
        icon=":material/login:",
        width="stretch",
    )
    st.stop()

top.markdown(f"**{md_escape(tr('workshop.join.hello', name=me.name))}**")


LIVE_S = 2.5  # the phone's poll: a read; the page redraws only when the board changed


def _read() -> tuple[RoomView, int] | None:
    """What this phone shows: the step, its notes and findings with their dots, my dots
    left of how many (None once the workshop is closed or expired)."""
    try:
        view = engine.room(token)
    except InputError:
        return None
    current = engine.session(me.ws)
    return view, (current.dots if current else view.dots_left)


def header(drawn: tuple[RoomView, int] | None) -> None:
    """The current step and its question."""
    if drawn is None:
        st.warning(tr("workshop.closed"), icon="⚠️")
        return
    view, _ = drawn
    lg = lang()
    st.markdown(
        f'<div class="icp-step">{html.escape(wui.counter(view.screen, lg))} · '
        f"{html.escape(wui.screen_title(view.screen, lg))}</div>"
        f'<div class="icp-q">{html.escape(wui.question(view.screen, lg))}</div>',
        unsafe_allow_html=True,
    )
    if view.locked:
        st.info(tr("workshop.join.locked"), icon=":material/lock:")


def board(drawn: tuple[RoomView, int] | None) -> None:
    """Findings on the slide and the step's notes, each a big button: tap to give a dot."""
    if drawn is None:
        return
    view, total = drawn
    left = tr("workshop.join.dots", n=view.dots_left, total=total)
    st.markdown(
        f'<div class="icp-dotsleft">{html.escape(left)}</div>',
        unsafe_allow_html=True,
    )
    st.caption(tr("workshop.join.vote_help"))
    _error()
    if view.findings:
        st.markdown(f"**{tr('workshop.join.findings')}**")
        for f in view.findings:
            target = finding_target(view.screen, f.key)
            _dot_button(view, target, f.votes, md_escape(f.label), finding=f.key)
    st.markdown(f"**{tr('workshop.join.notes')}**")
    if not view.notes:
        st.caption(tr("workshop.join.no_notes"))
    for n in view.notes:
        text = f"{md_escape(n.text)} — {md_escape(n.author)}"
        _dot_button(view, note_target(n.id), n.votes, text, note=n.id)


def _dot_button(
    view: RoomView,
    target: str,
    votes: int,
    text: str,
    *,
    note: int | None = None,
    finding: str | None = None,
) -> None:
    """One note or finding as a big button: ● when my dot is on it (tap takes it back)."""
    mine = target in view.my_votes
    st.button(
        f"{'●' if mine else '○'} {votes} · {text}",
        key=f"join.{'unvote' if mine else 'vote'}.{target}",
        type="primary" if mine else "secondary",
        disabled=view.locked,
        on_click=_vote,
        args=(note, finding, not mine),
        width="stretch",
    )


drawn = _read()
header(drawn)
with st.form("join.form", clear_on_submit=True, border=True):
    st.text_area(
        tr("workshop.join.note"),
        key="join.note",
        max_chars=MAX_NOTE_CHARS,
        height=90,
        placeholder=tr("workshop.join.note_help"),
    )
    st.form_submit_button(
        tr("workshop.join.post"),
        type="primary",
        on_click=_post,
        icon=":material/sticky_note_2:",
        width="stretch",
    )
if st.session_state.pop("join.posted", False):
    st.toast(tr("workshop.join.posted"), icon=":material/check:")

board(drawn)
st.button(tr("workshop.join.leave"), key="join.leave", on_click=_leave, icon=":material/logout:")
wui.follow(_read, drawn, LIVE_S)
