"""Streamlit side of the live workshop: the engine handle, screen texts, the data's
evidence per screen, the join link and QR code, the clock, and the CSS of the
room (projector) and the phone pages.

The room view and the facilitator view draw from the same rows in the
workspace database (``icp.workshop``); each polls with
``st.fragment(run_every=…)`` so a change made on one shows on the other
within about two seconds.  The room and the phones only *read* on each poll
(``follow``) and redraw when what they show has changed: a projector and
thirty phones idle between votes cost a few database reads, not thirty
page redraws every two seconds.  Participant text is always HTML-escaped before it
goes into our markup and Markdown-escaped before it goes into a label.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import json
import os
from collections.abc import Callable
from urllib.parse import urlsplit

import segno
import streamlit as st

from icp import builders, report
from icp.dataset import Dataset
from icp.i18n import Lang, t
from icp.model import Analysis, definition_sentence
from icp.workshop import OPENINGS, STEP_IDS, Session, Timer, Workshop, fmt_clock
from ui import state

__all__ = [
    "clock_html",
    "clock_script",
    "counter",
    "engine",
    "evidence_findings",
    "finding_html",
    "follow",
    "join_url",
    "keyboard_script",
    "move",
    "note_target_prompt",
    "phone_css",
    "publish_evidence",
    "qr_png",
    "question",
    "report_appendix",
    "room_css",
    "screen_title",
]


@st.cache_resource
def engine() -> Workshop:
    """One ``Workshop`` on the workspace database (safe to share: a connection per call)."""
    return Workshop(state.store().path)


def follow(read: Callable[[], object], drawn: object, every: float) -> None:
    """Redraw the page as soon as ``read()`` differs from ``drawn`` (what the page was
    drawn from), checking every ``every`` seconds.  The check is a small fragment that
    draws nothing, so an unchanged board costs one read per poll, not a redraw."""
    _watcher(every)(read, drawn)


@functools.cache
def _watcher(every: float) -> Callable[[Callable[[], object], object], None]:
    @st.fragment(run_every=every)
    def watch(read: Callable[[], object], drawn: object) -> None:
        if read() != drawn:
            st.rerun(scope="app")

    return watch


def move(ws: str, shown: str, delta: int) -> None:
    """Next / Previous from the screen the page showed (a button's args): a click or key
    delivered twice — a double click, a slow server — moves once, not two screens. The
    buttons must be new widgets on each screen for that (see ``ui/stepnav.py``)."""
    s = engine().session(ws)
    if s is not None and s.screen == shown:
        engine().step(ws, delta)


# ---------------------------------------------------------------- texts


def screen_title(screen: str, lang: Lang) -> str:
    if screen in OPENINGS:
        return t(f"workshop.screen.{screen}", lang)
    return t(builders.STEPS[screen].title_key, lang)


def question(screen: str, lang: Lang) -> str:
    """The one question the room answers on ``screen``."""
    return t(f"workshop.question.{screen}", lang)


def counter(screen: str, lang: Lang) -> str:
    """``"S3 / 7"`` for a builder step, ``"Data 2 / 3"`` for an opening screen."""
    if screen in OPENINGS:
        return t("workshop.counter.opening", lang, i=OPENINGS.index(screen) + 1, n=len(OPENINGS))
    return t("present.counter.step", lang, id=screen, n=7)


def label(screen: str, lang: Lang) -> str:
    """``"S3 · How they work"`` — for pickers and the agenda."""
    if screen in OPENINGS:
        return screen_title(screen, lang)
    return f"{screen} · {screen_title(screen, lang)}"


def note_target_prompt(screen: str) -> str | None:
    """The prompt an accepted note goes into by default: the step's first required one."""
    step = builders.STEPS.get(screen)
    if step is None:
        return None
    return next((p.id for p in step.prompts if p.required), step.prompts[0].id)


# ---------------------------------------------------------------- join link + QR


def public_base() -> str:
    """Where phones reach this server: ``$ICP_PUBLIC_URL``, else the address in the browser."""
    env = os.environ.get("ICP_PUBLIC_URL", "").strip().rstrip("/")
    if env:
        return env
    url = st.context.url or "http://localhost:8501"
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def join_url(code: str) -> str:
    return f"{public_base()}/join?code={code}"


@st.cache_data(max_entries=16, show_spinner=False)
def qr_png(url: str) -> bytes:
    """The join link as a QR code PNG, made locally by ``segno`` (never a web service)."""
    buf = io.BytesIO()
    segno.make(url, error="m").save(buf, kind="png", scale=12, border=2, dark="#000000")
    return buf.getvalue()


# ---------------------------------------------------------------- the data's evidence


def _key(*parts: object) -> str:
    """A language-independent id for a finding, so votes survive a language switch."""
    return hashlib.sha1(json.dumps(parts, default=str).encode()).hexdigest()[:12]


def evidence_findings(
    screen: str, ds: Dataset | None, result: Analysis | None, lang: Lang
) -> list[tuple[str, str]]:
    """``(key, label)`` findings the room may vote on for ``screen`` (at most 4).

    Commonalities: the top traits.  A builder step: the data-backed
    suggestions for it, each with its evidence.  Other screens: none.
    """
    if result is None:
        return []
    outcome = result.mode == "outcome"
    if screen == "commonalities":
        return [
            (_key(tr.message(outcome=outcome).to_dict()), tr.message(outcome=outcome).render(lang))
            for tr in result.traits[:4]
        ]
    if screen not in STEP_IDS:
        return []
    found = builders.suggestions(screen, result, ds, lang=lang, settings=state.settings())
    return [
        (_key(s.prompt_id, s.evidence.to_dict()), f"{s.text} — {s.evidence.render(lang)}")
        for s in found
        if s.evidence is not None
    ][:4]


def publish_evidence(ws: str, session: Session) -> None:
    """Put the current screen's findings on the slide (and on the phones)."""
    ds, result = state.dataset(), state.analysis()
    engine().publish_findings(
        ws, session.screen, evidence_findings(session.screen, ds, result, session.lang)
    )


def draw_evidence(screen: str, ds: Dataset | None, result: Analysis | None, lang: Lang) -> None:
    """What best means, then the data screen's headline or the best-10 table.

    Commonalities and the steps show their findings instead (``evidence_findings``,
    drawn by the room with the room's dots): the same top traits a chart would show,
    and what the phones vote on — one kind of evidence per slide, so it fits the screen.
    """
    if ds is None or result is None:
        return
    if result.definition is not None:  # what "best" means, on every slide (context, not a headline)
        st.markdown(
            '<div class="icp-definition">'
            + html.escape(definition_sentence(result.definition, lang))
            + "</div>",
            unsafe_allow_html=True,
        )
    outcome = result.mode == "outcome"
    if screen == "best":
        table, _ = report.best_table(ds, result, lang=lang)
        st.dataframe(table.set_index(table.columns[0]).head(10), width="stretch", height="content")
    elif screen == "data":
        st.markdown(
            '<div class="icp-data-line">'
            + html.escape(
                t(
                    "workshop.room.data_line",
                    lang,
                    rows=int(result.n_rows),
                    best=int(result.best_mask.sum()),
                    traits=len(result.traits),
                )
            )
            + "</div>",
            unsafe_allow_html=True,
        )
        for tr in result.traits[:3]:
            text = tr.message(outcome=outcome).render(lang)
            st.markdown(finding_html(text), unsafe_allow_html=True)


def finding_html(label: str, votes: int | None = None) -> str:
    """One finding on the slide (at most three lines), with its dots when phones vote on it."""
    dots = "" if votes is None else f'<span class="icp-dots">● {votes}</span>'
    return f'<div class="icp-finding"><span class="txt">{html.escape(label)}</span>{dots}</div>'


# ---------------------------------------------------------------- the report


def report_appendix(ws: str, lang: Lang) -> list[tuple[str, list[str]]]:
    """The report's appendix: every note accepted in a workshop, with its dots."""
    notes = engine().accepted(ws)
    if not notes:
        return []
    rows = [
        t("workshop.report.row", lang, step=label(n.screen, lang), text=n.text, votes=n.votes)
        for n in notes
    ]
    return [(t("workshop.report.title", lang), rows)]


# ---------------------------------------------------------------- clock


def clock_html(timer: Timer, lang: Lang, *, size: str = "") -> str:
    left = timer.remaining()
    cls = "over" if left < 0 else ("running" if timer.running else "paused")
    note = (
        f'<div class="icp-clock-note">{html.escape(t("workshop.timer.over", lang))}</div>'
        if left < 0
        else ""
    )
    # data-left / data-running let the page's own script tick the digits between polls
    return (
        f'<div class="icp-clock {cls} {size}" role="timer" data-left="{left:.1f}" '
        f'data-running="{1 if timer.running else 0}" '
        f'aria-label="{html.escape(t("workshop.timer.label", lang))}">{fmt_clock(left)}</div>'
        + note
    )


# ---------------------------------------------------------------- CSS + keys

_ROOM_CSS = """
<style>
html { font-size: min(1.25vw, 2.2vh) !important; }
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stHeader"],
[data-testid="stDecoration"], [data-testid="stToolbar"], [data-testid="stStatusWidget"] {
  display: none !important;
}
.stApp { background: #ffffff; }
.stApp [data-testid="stMainBlockContainer"] {
  padding: 0.8rem 2rem 0.5rem 2rem !important; max-width: 100% !important;
}
.stApp [data-testid="stVerticalBlock"] { gap: 0.6rem; }
.st-key-room-keys { display: none !important; }
.stApp [data-stale="true"] { opacity: 1 !important; transition: none !important; }
.icp-top { display: flex; align-items: flex-start; justify-content: space-between; gap: 2rem; }
.icp-counter { font-size: 2.2rem; font-weight: 800; color: #004f8c; line-height: 1.1; }
.icp-title { font-size: 2.5rem; font-weight: 800; color: #000; line-height: 1.1;
  margin: 0.1rem 0; }
.icp-question { font-size: 1.8rem; font-weight: 600; color: #111; line-height: 1.25;
  margin-top: 0.5rem; }
.icp-clock { font-size: 4.4rem; font-weight: 800; line-height: 1; text-align: right;
  font-variant-numeric: tabular-nums; color: #000; }
.icp-clock.running { color: #004f8c; }
.icp-clock.over { color: #b00020; }
.icp-clock-note { text-align: right; font-size: 1.2rem; font-weight: 700; color: #b00020; }
.icp-h { font-size: 1.35rem; font-weight: 800; color: #000; margin: 0.2rem 0 0.4rem 0;
  text-transform: uppercase; letter-spacing: 0.04em; }
.icp-notes { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.6rem; }
.icp-note { background: #fff4a8; border: 2px solid #c9b400; border-radius: 0.4rem;
  padding: 0.55rem 0.8rem; font-size: 1.25rem; line-height: 1.25; color: #000;
  display: flex; justify-content: space-between; gap: 0.6rem; overflow: hidden; }
.icp-note .txt, .icp-finding .txt { display: -webkit-box; -webkit-box-orient: vertical;
  -webkit-line-clamp: 3; overflow: hidden; }
.icp-note.accepted { background: #d8f0d8; border-color: #2e7d32; }
.icp-note .who { font-size: 0.95rem; color: #333; margin-top: 0.2rem; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }
.icp-note > div:first-child { min-width: 0; }
.icp-dots { font-weight: 800; font-size: 1.6rem; color: #004f8c; white-space: nowrap;
  font-variant-numeric: tabular-nums; }
.icp-more, .icp-empty { font-size: 1.2rem; color: #222; margin-top: 0.4rem; }
.icp-finding { font-size: 1.35rem; line-height: 1.35; color: #000; padding: 0.45rem 0.7rem;
  border-left: 0.35rem solid #004f8c; background: #eef4fa; margin-bottom: 0.5rem;
  display: flex; justify-content: space-between; gap: 0.6rem; }
.icp-data-line { font-size: 2rem; font-weight: 800; margin-bottom: 0.8rem; }
.icp-definition { font-size: 1.25rem; font-weight: 600; color: #222; line-height: 1.35;
  margin-bottom: 0.6rem; }
.icp-join { text-align: center; }
.icp-join .code { font-size: 2.3rem; font-weight: 800; letter-spacing: 0.06em;
  font-variant-numeric: tabular-nums; color: #000; white-space: nowrap; }
.icp-join .link { font-size: 1.05rem; color: #000; overflow-wrap: anywhere; }
.icp-join .title { font-size: 1.3rem; font-weight: 800; }
.icp-keys { font-size: 0.95rem; color: #333; text-align: center; margin-top: 0.6rem; }
.icp-locked { display: inline-block; background: #b00020; color: #fff; font-weight: 700;
  padding: 0.15rem 0.6rem; border-radius: 0.3rem; font-size: 1.1rem; }
.stApp [data-testid="stDataFrame"] * { font-size: 1.05rem; }
</style>
"""

_PHONE_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stToolbar"],
[data-testid="stDecoration"] { display: none !important; }
.stApp [data-testid="stMainBlockContainer"] { padding: 2.2rem 0.9rem 3rem 0.9rem !important; }
html { font-size: 17px; }
.stApp .stButton button, .stApp .stFormSubmitButton button {
  min-height: 3rem; font-size: 1.05rem; width: 100%; text-align: left; justify-content: flex-start;
  white-space: normal; height: auto; padding: 0.55rem 0.8rem;
}
.stApp .stButton button > div, .stApp .stButton button p { justify-content: flex-start;
  text-align: left; }
.stApp .stButton button[kind="primary"] { background: #004f8c; border-color: #004f8c; }
.stApp textarea, .stApp input { font-size: 1.1rem !important; }
.icp-step { font-size: 0.95rem; font-weight: 700; color: #004f8c; }
.icp-q { font-size: 1.35rem; font-weight: 700; line-height: 1.3; color: #000;
  margin: 0.2rem 0 0.4rem; }
.icp-dotsleft { font-size: 1.05rem; font-weight: 700; }
</style>
"""

_KEYS = """
<script>
(() => {
  const doc = window.parent && window.parent.document ? window.parent.document : document;
  if (doc.__icpRoomKeys) return;
  doc.__icpRoomKeys = true;
  doc.addEventListener('keydown', (e) => {
    const tag = ((e.target && e.target.tagName) || '').toLowerCase();
    if (tag === 'input' || tag === 'textarea' || e.ctrlKey || e.metaKey || e.altKey) return;
    let name = null;
    if (['ArrowRight', 'PageDown', ' ', 'Spacebar'].includes(e.key)) name = 'next';
    else if (['ArrowLeft', 'PageUp'].includes(e.key)) name = 'prev';
    else if (e.key === 't' || e.key === 'T') name = 'timer';
    if (!name) return;
    const box = name === 'timer' ? '.st-key-room-timer' : '[class*="st-key-room-' + name + '-"]';
    const button = doc.querySelector(box + ' button');
    if (button) { e.preventDefault(); button.click(); }
  });
})();
</script>
"""


def room_css() -> None:
    st.html(_ROOM_CSS)


def phone_css() -> None:
    st.html(_PHONE_CSS)


_TICK = """
<script>
(() => {
  const doc = window.parent && window.parent.document ? window.parent.document : document;
  if (doc.__icpClockTick) return;
  doc.__icpClockTick = true;
  const fmt = (v) => {
    const over = v < 0;
    const s = over ? Math.floor(-v) : Math.ceil(v);
    const mm = String(Math.floor(s / 60)).padStart(2, '0');
    return (over ? '+' : '') + mm + ':' + String(s % 60).padStart(2, '0');
  };
  setInterval(() => {
    doc.querySelectorAll('.icp-clock[data-left]').forEach((el) => {
      if (el.dataset.src !== el.dataset.left) {
        el.dataset.src = el.dataset.left;
        el.dataset.seen = String(Date.now());
      }
      if (el.dataset.running !== '1') return;
      const left = parseFloat(el.dataset.left) - (Date.now() - Number(el.dataset.seen)) / 1000;
      const text = fmt(left);
      if (el.textContent !== text) el.textContent = text;
      el.classList.toggle('over', left < 0);
    });
  }, 250);
})();
</script>
"""


def clock_script() -> None:
    """Tick running clocks every 250 ms in the browser (our own static JS), so the page
    polls the server only every 1.5–2 s instead of every second."""
    st.html(_TICK, unsafe_allow_javascript=True)


def keyboard_script() -> None:
    """→/PageDown/Space, ←/PageUp and T press the room's hidden buttons (our own static JS)."""
    st.html(_KEYS, unsafe_allow_javascript=True)
