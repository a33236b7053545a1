"""The workshop's vocabulary: screens, agenda templates, clocks and what the board holds.

Plain values only (no database): the facilitator's and the phones' code in
``icp.workshop`` return these, and the pages draw them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from icp.errors import InputError
from icp.i18n import Lang

__all__ = [
    "ALL_SCREENS",
    "CODE_ALPHABET",
    "CODE_LEN",
    "DEFAULT_DOTS",
    "GRACE_MINUTES",
    "MAX_NAME_CHARS",
    "MAX_NOTE_CHARS",
    "OPENINGS",
    "STEP_IDS",
    "TEMPLATES",
    "AgendaItem",
    "Finding",
    "Note",
    "Participant",
    "RoomView",
    "Session",
    "Timer",
    "agenda_json",
    "check_agenda",
    "check_note",
    "finding_target",
    "fmt_clock",
    "normalise_code",
    "note_target",
    "template",
]

OPENINGS: tuple[str, ...] = ("data", "best", "commonalities")
STEP_IDS: tuple[str, ...] = tuple(f"S{i}" for i in range(1, 8)) + tuple(
    f"P{i}" for i in range(1, 8)
)
ALL_SCREENS: tuple[str, ...] = (*OPENINGS, *STEP_IDS)
# No 0/O, 1/I/L: the code is read off a projector and typed on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LEN = 6
MAX_NOTE_CHARS = 200
MAX_NAME_CHARS = 40
DEFAULT_DOTS = 3
GRACE_MINUTES = 60  # the join code outlives the agenda by this much, then expires


@dataclass(frozen=True)
class AgendaItem:
    screen: str
    minutes: int


# The data screens and all seven ICP steps: the first 52 minutes of the 60- and 90-minute sessions.
_FULL_ICP: tuple[tuple[str, int], ...] = (
    ("data", 3),
    ("best", 5),
    ("commonalities", 7),
    ("S1", 4),
    ("S2", 5),
    ("S3", 4),
    ("S4", 5),
    ("S5", 5),
    ("S6", 4),
    ("S7", 6),
)

# Minutes per screen for a 30-, 60- and 90-minute session (each sums to its length).
TEMPLATES: dict[int, tuple[tuple[str, int], ...]] = {
    30: (("best", 4), ("commonalities", 5), ("S2", 5), ("S4", 5), ("S5", 5), ("S7", 6)),
    60: (
        *_FULL_ICP,
        ("P1", 4),
        ("P5", 4),
        ("P7", 4),
    ),
    90: (
        *_FULL_ICP,
        *((f"P{i}", 6) for i in range(1, 8)),
    ),
}


def template(minutes: int) -> list[AgendaItem]:
    """The agenda template for a ``minutes``-long session (30, 60 or 90)."""
    return [AgendaItem(s, m) for s, m in TEMPLATES[minutes]]


@dataclass(frozen=True)
class Timer:
    """A step's clock: ``seconds`` long, ``spent`` before the last start, ``started`` epoch."""

    seconds: int
    spent: float = 0.0
    started: float | None = None

    @property
    def running(self) -> bool:
        return self.started is not None

    def elapsed(self, now: float | None = None) -> float:
        now = time.time() if now is None else now
        run = max(0.0, now - self.started) if self.started is not None else 0.0
        return self.spent + run

    def remaining(self, now: float | None = None) -> float:
        """Seconds left (negative once the step runs over)."""
        return self.seconds - self.elapsed(now)


def fmt_clock(seconds: float) -> str:
    """``"04:59"`` while time is left, ``"+01:05"`` when the step runs over."""
    over = seconds < 0
    s = int(-seconds // 1) if over else int(-(-seconds // 1))  # ceil left, floor overrun
    text = f"{s // 60:02d}:{s % 60:02d}"
    return "+" + text if over else text


@dataclass(frozen=True)
class Session:
    ws: str
    sid: int
    code: str
    open: bool
    lang: Lang
    screen: str
    agenda: tuple[AgendaItem, ...]
    dots: int
    started_at: float
    expires_at: float
    locked: frozenset[str] = frozenset()

    @property
    def screens(self) -> list[str]:
        return [a.screen for a in self.agenda]

    def minutes(self, screen: str) -> int:
        return next((a.minutes for a in self.agenda if a.screen == screen), 5)

    @property
    def total_minutes(self) -> int:
        return sum(a.minutes for a in self.agenda)

    def joinable(self, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        return self.open and now < self.expires_at

    def position(self) -> tuple[int, int]:
        """(1-based index of the current screen in the agenda, number of screens)."""
        order = self.screens
        return (order.index(self.screen) + 1 if self.screen in order else 0), len(order)


@dataclass(frozen=True)
class Note:
    id: int
    screen: str
    author: str
    text: str
    votes: int
    hidden: bool = False
    accepted: bool = False
    merged: tuple[str, ...] = ()  # texts of the notes merged into this one
    created_at: float = 0.0


@dataclass(frozen=True)
class Finding:
    key: str
    label: str
    votes: int


@dataclass(frozen=True)
class Participant:
    token: str
    ws: str
    sid: int
    name: str


@dataclass(frozen=True)
class RoomView:
    """What a phone may see: the current step, its notes and findings, and the dots left."""

    screen: str
    lang: Lang
    locked: bool
    notes: list[Note]
    findings: list[Finding]
    dots_left: int
    my_votes: frozenset[str] = field(default_factory=frozenset)


def normalise_code(text: str) -> str:
    """What a person typed as a join code, upper-cased, spaces and dashes dropped."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[:16]


def note_target(note_id: int) -> str:
    """A vote's target id for a sticky note."""
    return f"n{note_id}"


def finding_target(screen: str, key: str) -> str:
    """A vote's target id for a finding on ``screen``'s slide."""
    return f"f{screen}:{key}"


def check_note(text: str) -> str:
    """A note's text with its whitespace folded; InputError when empty or too long."""
    text = " ".join((text or "").split())
    if not text:
        raise InputError("workshop.note_empty")
    if len(text) > MAX_NOTE_CHARS:
        raise InputError("workshop.note_long", n=MAX_NOTE_CHARS)
    return text


def check_agenda(agenda: Sequence[AgendaItem]) -> list[AgendaItem]:
    """Known screens once each, minutes clamped to 1–180; InputError when nothing is left."""
    items, seen = [], set()
    for a in agenda:
        if a.screen in ALL_SCREENS and a.screen not in seen:
            seen.add(a.screen)
            items.append(AgendaItem(a.screen, min(max(int(a.minutes), 1), 180)))
    if not items:
        raise InputError("workshop.agenda_empty")
    return items


def agenda_json(items: Sequence[AgendaItem]) -> str:
    return json.dumps([[a.screen, a.minutes] for a in items])
