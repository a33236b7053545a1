"""Room view: what the projector shows — one slide per step, nothing to edit.

Step counter and title, the step's clock, the question, the data's evidence
(one chart, table or the top findings, with the room's dots), the room's
sticky notes with live tallies (top-voted first), and the QR code, short
link and code to join.  The live parts (clock, notes, tallies) are fragments
that re-read the workspace database every second, so what the facilitator or
the phones do shows here without a refresh; a new screen redraws the slide.
Keys: →/PageDown/Space next, ←/PageUp previous, T start/pause the clock
(hidden buttons pressed by our own script).
"""

from __future__ import annotations

import html

import streamlit as st

from icp.i18n import t
from icp.workshop import Note, Session
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


def _shape(s: Session) -> tuple[str, str, str, bool]:
    """What the static part of the slide depends on: screen, language, code, joinable."""
    return s.screen, s.lang, s.code, s.joinable()


LIVE_S = 1.5  # poll interval: a change shows within ~2 s; the clock ticks in the browser


@st.fragment(run_every=LIVE_S)
def live(shape: tuple[str, str, str, bool]) -> None:
    """Counter, title, question, clock, the data's evidence with its dots and the notes
    with their tallies — re-read every 1.5 s (one poll per slide keeps the server light);
    when the screen, language or join code changed, the whole slide redraws."""
    engine = wui.engine()
    s = engine.session(ws)
    if s is None or _shape(s) != shape:
        st.rerun(scope="app")
    lang = s.lang
    with st.container(key="room-keys"):
        timer = engine.timer(ws)
        st.button("next", key="room-next", on_click=wui.move, args=(ws, s.screen, 1))
        st.button("prev", key="room-prev", on_click=wui.move, args=(ws, s.screen, -1))
        st.button("timer", key="room-timer", on_click=_timer, args=(timer.running,))
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
    evidence, notes = st.columns(2, gap="large")
    with evidence:
        st.markdown(
            f'<div class="icp-h">{html.escape(t("workshop.room.evidence", lang))}</div>',
            unsafe_allow_html=True,
        )
        wui.draw_evidence(s.screen, state.dataset(), state.analysis(), lang)
        for f in engine.findings(ws):
            st.markdown(wui.finding_html(f.label, f.votes), unsafe_allow_html=True)
    notes.markdown(
        f'<div class="icp-h">{html.escape(t("workshop.room.notes", lang))}</div>'
        + _notes_html(engine.notes(ws), s),
        unsafe_allow_html=True,
    )


def slide() -> None:
    """The slide: the live part (everything that changes) in one polling fragment, the
    join column (QR code, code, link) drawn once per screen."""
    s = wui.engine().session(ws)
    if s is None:
        st.info(t("workshop.room.no_session", state.lang()))
        waiting()
        return
    lang = s.lang
    wui.publish_evidence(ws, s)
    main, join = st.columns([8, 1.8], gap="large")
    with main:
        live(_shape(s))
    with join:
        st.markdown(
            f'<div class="icp-join"><div class="title">{html.escape(t("workshop.room.join", lang))}'
            "</div></div>",
            unsafe_allow_html=True,
        )
        if s.joinable():
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


@st.fragment(run_every=2)
def waiting() -> None:
    """No session yet: check every 2 s, and draw the slide as soon as one starts."""
    if wui.engine().session(ws) is not None:
        st.rerun(scope="app")


slide()
