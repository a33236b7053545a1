"""Room view: what the projector shows — one slide per step, nothing to edit.

Step counter and title, the step's clock, the question, the data's evidence
(one chart, table or the top findings, with the room's dots), the room's
sticky notes with live tallies (top-voted first), and the QR code, short
link and code to join.  A small poll re-reads the workspace database every 1.5 s
and redraws the slide when anything on it changed, so what the facilitator or
the phones do shows here without a refresh (and an idle slide costs a read).
Keys: →/PageDown/Space next, ←/PageUp previous, T start/pause the clock
(hidden buttons pressed by our own script).
"""

from __future__ import annotations

import html

import streamlit as st

from icp.i18n import t
from icp.workshop import Finding, Note, Session, Timer
from ui import state
from ui import workshop as wui

ws = state.workspace_id()
wui.room_css()
wui.keyboard_script()
wui.clock_script()
_MAX_NOTES = 6


def _timer(shown_running: bool) -> None:
    """T: start if the slide showed a stopped clock, pause if it showed a running one."""
    if wui.engine().timer(ws).running == shown_running:
        wui.engine().toggle_timer(ws)


def _notes_html(notes: list[Note], s: Session) -> str:
    lang = s.lang
    if not notes:
        return f'<div class="icp-empty">{html.escape(t("workshop.room.no_notes", lang))}</div>'
    cards = []
    for n in notes[:_MAX_NOTES]:
        tally = t("workshop.room.votes", lang, n=n.votes)
        extra = (
            f' <span class="who">{html.escape(t("workshop.room.merged", lang, n=len(n.merged)))}'
            "</span>"
            if n.merged
            else ""
        )
        cards.append(
            f'<div class="icp-note{" accepted" if n.accepted else ""}">'
            f'<div><span class="txt">{html.escape(n.text)}</span>'
            f'<div class="who">{html.escape(n.author)}{extra}</div></div>'
            f'<div class="icp-dots" title="{html.escape(tally)}">● {n.votes}</div></div>'
        )
    more = len(notes) - _MAX_NOTES
    tail = (
        f'<div class="icp-more">{html.escape(t("workshop.room.more_notes", lang, n=more))}</div>'
        if more > 0
        else ""
    )
    return '<div class="icp-notes">' + "".join(cards) + "</div>" + tail


def _link_html(url: str) -> str:
    """The join link without its scheme, allowed to wrap only before ``/join`` so the
    code is never split across lines."""
    host, _, path = url.split("://", 1)[-1].partition("/")
    return (
        f'<span style="white-space:nowrap">{html.escape(host)}</span><wbr>'
        f'<span style="white-space:nowrap">/{html.escape(path)}</span>'
    )


LIVE_S = 1.5  # poll interval: a change shows within ~2 s; the clock ticks in the browser


def _read() -> tuple[object, ...]:
    """Everything the slide shows, as plain values: the session (screen, language,
    code, locks), whether it can be joined, the clock, the findings and notes with their
    tallies, and which data the evidence comes from.  ``follow`` compares it between
    polls and redraws the slide only when it changed."""
    engine = wui.engine()
    s = engine.session(ws)
    if s is None:
        return (None,)
    return (
        s,
        s.joinable(),
        engine.timer(ws),
        engine.findings(ws),
        engine.notes(ws),
        state.data_key(),
    )


def _keys(s: Session, timer: Timer) -> None:
    """The hidden buttons the keyboard script presses; Next and Previous are new buttons
    on each screen so that a → pressed twice before the redraw moves once (ui/stepnav.py)."""
    with st.container(key="room-keys"):
        st.button("next", key=f"room-next-{s.screen}", on_click=wui.move, args=(ws, s.screen, 1))
        st.button("prev", key=f"room-prev-{s.screen}", on_click=wui.move, args=(ws, s.screen, -1))
        st.button("timer", key="room-timer", on_click=_timer, args=(timer.running,))


def _main(s: Session, timer: Timer, findings: list[Finding], notes: list[Note]) -> None:
    """Counter, title, question, clock, the data's evidence with its dots, and the notes."""
    lang = s.lang
    i, n = s.position()
    head, clock = st.columns([5, 1.4], vertical_alignment="top")
    locked = (
        f' <span class="icp-locked">{html.escape(t("workshop.room.locked", lang))}</span>'
        if s.screen in s.locked
        else ""
    )
    head.markdown(
        f'<div class="icp-counter">{html.escape(wui.counter(s.screen, lang))}'
        f' <span style="font-size:1.1rem;color:#333;font-weight:600">'
        f"{html.escape(t('workshop.counter.agenda', lang, i=i, n=n))}</span>{locked}</div>"
        f'<div class="icp-title">{html.escape(wui.screen_title(s.screen, lang))}</div>'
        f'<div class="icp-question">{html.escape(wui.question(s.screen, lang))}</div>',
        unsafe_allow_html=True,
    )
    clock.markdown(wui.clock_html(timer, lang), unsafe_allow_html=True)
    evidence, board = st.columns(2, gap="large")
    with evidence:
        st.markdown(
            f'<div class="icp-h">{html.escape(t("workshop.room.evidence", lang))}</div>',
            unsafe_allow_html=True,
        )
        wui.draw_evidence(s.screen, state.dataset(), state.analysis(), lang)
        for f in findings:
            st.markdown(wui.finding_html(f.label, f.votes), unsafe_allow_html=True)
    board.markdown(
        f'<div class="icp-h">{html.escape(t("workshop.room.notes", lang))}</div>'
        + _notes_html(notes, s),
        unsafe_allow_html=True,
    )


def _join_column(s: Session, joinable: bool) -> None:
    """The QR code, code and short link (or why joining is closed), and the keys."""
    lang = s.lang
    st.markdown(
        f'<div class="icp-join"><div class="title">{html.escape(t("workshop.room.join", lang))}'
        "</div></div>",
        unsafe_allow_html=True,
    )
    if joinable:
        url = wui.join_url(s.code)
        st.image(wui.qr_png(url), width="stretch")
        st.markdown(
            f'<div class="icp-join"><div class="code">{html.escape(s.code)}</div>'
            f'<div class="link">{_link_html(url)}</div></div>',
            unsafe_allow_html=True,
        )
    else:
        st.markdown(
            f'<div class="icp-join">{html.escape(t("workshop.room.closed", lang))}</div>',
            unsafe_allow_html=True,
        )
    st.markdown(
        f'<div class="icp-keys">{html.escape(t("workshop.room.keys", lang))}</div>',
        unsafe_allow_html=True,
    )


def slide() -> None:
    """The slide, drawn from one read of the board; then a poll that redraws it when the
    board changes (a note, a dot, the clock, the screen, the language, the data)."""
    first = wui.engine().session(ws)
    if first is not None:
        wui.publish_evidence(ws, first)  # the screen's findings, before the board is read
    drawn = _read()
    if drawn[0] is None:
        st.info(t("workshop.room.no_session", state.lang()))
    else:
        s, joinable, timer, findings, notes, _ = drawn
        _keys(s, timer)
        main, join = st.columns([8, 1.8], gap="large")
        with main:
            _main(s, timer, findings, notes)
        with join:
            _join_column(s, joinable)
    wui.follow(_read, drawn, LIVE_S)


slide()
