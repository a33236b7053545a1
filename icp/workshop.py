"""A live workshop: agenda, per-step timers, the room's sticky notes and dot votes.

The facilitator runs a session on a workspace; the people in the room join
from their phones with a 6-character code and post short notes and dot
votes on the current step.  Everything lives in its own tables inside the
workspace database (``workbench.db``), next to ``icp.store``'s:

- ``workshop_sessions``: one row per workspace — the join code, whether it
  is open, the language, the agenda, the current screen and when the code
  expires.  ``sid`` counts sessions, so a new session starts a clean board
  and old phone tokens stop working.
- ``workshop_timers``: one row per (session, screen) — seconds spent before
  the last start plus the epoch of that start, so a refresh, a second tab
  or a server restart shows the same clock.
- ``workshop_participants``, ``workshop_notes``, ``workshop_votes``,
  ``workshop_findings``, ``workshop_locks``.

Why rows and not one JSON value: thirty phones post at the same moment.
Each post is one ``INSERT`` in its own short ``BEGIN IMMEDIATE`` transaction
(SQLite WAL, busy timeout), so no write reads and rewrites anyone else's.
A vote's primary key is (participant, target), so a double tap stores one
vote; a note carries the phone's submission token, unique per participant,
so a double-submitted note is stored once.

The join code grants only the current step: :meth:`Workshop.room` returns
that step's question id, its visible notes and the findings the facilitator
put on the slide — never the data set, the answers or another workspace.

Pure Python: no Streamlit here; ``ui/workshop.py`` draws it.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from icp.errors import InputError
from icp.i18n import LANGS, Lang

__all__ = [
    "ALL_SCREENS",
    "CODE_ALPHABET",
    "MAX_NAME_CHARS",
    "MAX_NOTE_CHARS",
    "OPENINGS",
    "TEMPLATES",
    "AgendaItem",
    "Finding",
    "Note",
    "Participant",
    "RoomView",
    "Session",
    "Timer",
    "Workshop",
    "fmt_clock",
    "normalise_code",
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
_POOL_SIZE = 8
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


_SCHEMA = """
CREATE TABLE IF NOT EXISTS workshop_sessions (
    ws         TEXT PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
    sid        INTEGER NOT NULL,
    code       TEXT NOT NULL UNIQUE,
    open       INTEGER NOT NULL,
    lang       TEXT NOT NULL,
    screen     TEXT NOT NULL,
    agenda     TEXT NOT NULL,
    dots       INTEGER NOT NULL,
    started_at REAL NOT NULL,
    expires_at REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS workshop_timers (
    ws      TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    sid     INTEGER NOT NULL,
    screen  TEXT NOT NULL,
    spent   REAL NOT NULL DEFAULT 0,
    started REAL,
    PRIMARY KEY (ws, sid, screen)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS workshop_locks (
    ws     TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    sid    INTEGER NOT NULL,
    screen TEXT NOT NULL,
    PRIMARY KEY (ws, sid, screen)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS workshop_participants (
    token     TEXT PRIMARY KEY,
    ws        TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    sid       INTEGER NOT NULL,
    name      TEXT NOT NULL,
    joined_at REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS workshop_notes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    ws           TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    sid          INTEGER NOT NULL,
    screen       TEXT NOT NULL,
    participant  TEXT,
    author       TEXT NOT NULL,
    text         TEXT NOT NULL,
    client       TEXT,
    created_at   REAL NOT NULL,
    hidden       INTEGER NOT NULL DEFAULT 0,
    merged_into  INTEGER,
    accepted_at  REAL,
    accepted_votes INTEGER,
    UNIQUE (participant, client)
);
CREATE INDEX IF NOT EXISTS workshop_notes_board ON workshop_notes(ws, sid, screen);
CREATE TABLE IF NOT EXISTS workshop_votes (
    participant TEXT NOT NULL,
    target      TEXT NOT NULL,
    ws          TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    sid         INTEGER NOT NULL,
    screen      TEXT NOT NULL,
    created_at  REAL NOT NULL,
    PRIMARY KEY (participant, target)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS workshop_votes_board ON workshop_votes(ws, sid, screen);
CREATE TABLE IF NOT EXISTS workshop_findings (
    ws     TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    sid    INTEGER NOT NULL,
    screen TEXT NOT NULL,
    key    TEXT NOT NULL,
    label  TEXT NOT NULL,
    pos    INTEGER NOT NULL,
    PRIMARY KEY (ws, sid, screen, key)
) WITHOUT ROWID;
"""


_LOCKS: dict[str, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _write_lock(path: Path) -> threading.Lock:
    """The process-wide write lock of one database file."""
    key = str(path.resolve())
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(key, threading.Lock())


def normalise_code(text: str) -> str:
    """What a person typed as a join code, upper-cased, spaces and dashes dropped."""
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())[:16]


def _note_target(note_id: int) -> str:
    return f"n{note_id}"


def _finding_target(screen: str, key: str) -> str:
    return f"f{screen}:{key}"


class Workshop:
    """Workshop sessions stored in the workspace database at ``db_path``.

    Safe to share between threads (a small pool of connections, one per
    call at a time) and across ``fork``; SQLite's locks plus the busy
    timeout serialise writers of different processes.
    """

    def __init__(self, db_path: str | Path) -> None:
        self.path = Path(db_path)
        self._pool: list[sqlite3.Connection] = []
        self._inherited: list[sqlite3.Connection] = []
        self._pool_pid = os.getpid()
        self._pool_lock = threading.Lock()
        con = self._connect()
        try:
            if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                con.execute("PRAGMA journal_mode = WAL")
            con.execute("BEGIN IMMEDIATE")
            for stmt in _SCHEMA.split(";"):
                if stmt.strip():
                    con.execute(stmt)
            con.execute("COMMIT")
        finally:
            con.close()

    # -- plumbing ---------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(
            self.path, timeout=30.0, isolation_level=None, check_same_thread=False
        )
        con.execute("PRAGMA busy_timeout = 30000")
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA synchronous = FULL")
        return con

    @contextlib.contextmanager
    def _tx(self, *, write: bool) -> Iterator[sqlite3.Connection]:
        """One short transaction on a pooled connection.

        Writers of this process queue on a lock first: SQLite's own busy
        handler sleeps with growing back-off, so under a burst (thirty phones
        at once) an unlucky writer could wait seconds while others kept
        winning; a lock hands the turn straight on.  Other processes are
        still serialised by SQLite (WAL, busy timeout).
        """
        with _write_lock(self.path) if write else contextlib.nullcontext():
            con = self._acquire()
            try:
                con.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                try:
                    yield con
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
                con.execute("COMMIT")
            except BaseException:
                con.close()
                raise
            self._release(con)

    def _acquire(self) -> sqlite3.Connection:
        """A pooled connection of this process.

        Connections are kept open because closing the last one to a WAL
        database checkpoints and deletes the WAL file — about 10 ms on every
        call.  After a ``fork`` the parent's connections are set aside, never
        used or closed by the child (SQLite forbids carrying a connection
        across ``fork``).
        """
        with self._pool_lock:
            if self._pool_pid != os.getpid():
                self._inherited.extend(self._pool)
                self._pool, self._pool_pid = [], os.getpid()
            if self._pool:
                return self._pool.pop()
        return self._connect()

    def _release(self, con: sqlite3.Connection) -> None:
        with self._pool_lock:
            if self._pool_pid == os.getpid() and len(self._pool) < _POOL_SIZE:
                self._pool.append(con)
                return
        con.close()

    @staticmethod
    def _session(con: sqlite3.Connection, ws: str) -> Session | None:
        row = con.execute(
            "SELECT ws, sid, code, open, lang, screen, agenda, dots, started_at, expires_at "
            "FROM workshop_sessions WHERE ws = ?",
            (ws,),
        ).fetchone()
        if row is None:
            return None
        locked = frozenset(
            r[0]
            for r in con.execute(
                "SELECT screen FROM workshop_locks WHERE ws = ? AND sid = ?", (ws, row[1])
            )
        )
        agenda = tuple(AgendaItem(str(s), int(m)) for s, m in json.loads(row[6]))
        lang: Lang = row[4] if row[4] in LANGS else "en"
        return Session(
            ws=row[0],
            sid=int(row[1]),
            code=row[2],
            open=bool(row[3]),
            lang=lang,
            screen=row[5],
            agenda=agenda,
            dots=int(row[7]),
            started_at=float(row[8]),
            expires_at=float(row[9]),
            locked=locked,
        )

    def _need_session(self, con: sqlite3.Connection, ws: str) -> Session:
        s = self._session(con, ws)
        if s is None:
            raise InputError("workshop.no_session")
        return s

    @staticmethod
    def _new_code(con: sqlite3.Connection) -> str:
        for _ in range(50):
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LEN))
            if not con.execute(
                "SELECT 1 FROM workshop_sessions WHERE code = ?", (code,)
            ).fetchone():
                return code
        raise RuntimeError("could not find a free join code")  # pragma: no cover

    # -- the facilitator: session, agenda, screens ------------------------

    def session(self, ws: str) -> Session | None:
        """The workspace's current (or last) session, None if it never had one."""
        with self._tx(write=False) as con:
            return self._session(con, ws)

    def start(
        self,
        ws: str,
        *,
        lang: Lang = "en",
        agenda: Sequence[AgendaItem] | None = None,
        dots: int = DEFAULT_DOTS,
        now: float | None = None,
    ) -> Session:
        """A new session: a fresh join code, an empty board, the agenda's first screen.

        The previous session's notes stay in the database (accepted ones
        remain in the report) but no longer show, and its phones are out.
        """
        now = time.time() if now is None else now
        items = _check_agenda(agenda if agenda is not None else template(60))
        with self._tx(write=True) as con:
            old = self._session(con, ws)
            sid = old.sid + 1 if old else 1
            code = self._new_code(con)
            total = sum(a.minutes for a in items)
            con.execute(
                "INSERT OR REPLACE INTO workshop_sessions "
                "(ws, sid, code, open, lang, screen, agenda, dots, started_at, expires_at) "
                "VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?)",
                (
                    ws,
                    sid,
                    code,
                    lang if lang in LANGS else "en",
                    items[0].screen,
                    _agenda_json(items),
                    max(1, int(dots)),
                    now,
                    now + (total + GRACE_MINUTES) * 60,
                ),
            )
            return self._need_session(con, ws)

    def set_agenda(self, ws: str, agenda: Sequence[AgendaItem]) -> Session:
        """Replace the agenda; the code's expiry follows its new length.

        A current screen dropped from the agenda moves to the agenda's first.
        """
        items = _check_agenda(agenda)
        with self._tx(write=True) as con:
            s = self._need_session(con, ws)
            screen = s.screen if s.screen in {a.screen for a in items} else items[0].screen
            total = sum(a.minutes for a in items)
            con.execute(
                "UPDATE workshop_sessions SET agenda = ?, screen = ?, expires_at = ? WHERE ws = ?",
                (_agenda_json(items), screen, s.started_at + (total + GRACE_MINUTES) * 60, ws),
            )
            return self._need_session(con, ws)

    def set_lang(self, ws: str, lang: Lang) -> None:
        with self._tx(write=True) as con:
            con.execute("UPDATE workshop_sessions SET lang = ? WHERE ws = ?", (lang, ws))

    def set_open(self, ws: str, is_open: bool) -> None:
        """Close the join code (phones can no longer post or vote) or open it again."""
        with self._tx(write=True) as con:
            self._need_session(con, ws)
            con.execute(
                "UPDATE workshop_sessions SET open = ? WHERE ws = ?", (1 if is_open else 0, ws)
            )

    def go(self, ws: str, screen: str, *, now: float | None = None) -> Session:
        """Show ``screen``; a running clock moves with it (the old step's pauses)."""
        now = time.time() if now is None else now
        with self._tx(write=True) as con:
            s = self._need_session(con, ws)
            if screen not in s.screens or screen == s.screen:
                return s
            old = self._timer(con, s, s.screen)
            if old.running:
                self._save_timer(con, s, s.screen, old.elapsed(now), None)
                new = self._timer(con, s, screen)
                self._save_timer(con, s, screen, new.spent, now)
            con.execute("UPDATE workshop_sessions SET screen = ? WHERE ws = ?", (screen, ws))
            return self._need_session(con, ws)

    def step(self, ws: str, delta: int, *, now: float | None = None) -> Session:
        """Move ``delta`` screens along the agenda (clamped at both ends)."""
        s = self.session(ws)
        if s is None:
            raise InputError("workshop.no_session")
        order = s.screens
        at = order.index(s.screen) if s.screen in order else 0
        return self.go(ws, order[min(max(at + delta, 0), len(order) - 1)], now=now)

    def set_locked(self, ws: str, screen: str, locked: bool) -> None:
        """A locked step takes no more notes or votes (what is there stays)."""
        with self._tx(write=True) as con:
            s = self._need_session(con, ws)
            if locked:
                con.execute(
                    "INSERT OR IGNORE INTO workshop_locks (ws, sid, screen) VALUES (?, ?, ?)",
                    (ws, s.sid, screen),
                )
            else:
                con.execute(
                    "DELETE FROM workshop_locks WHERE ws = ? AND sid = ? AND screen = ?",
                    (ws, s.sid, screen),
                )

    # -- timers -----------------------------------------------------------

    @staticmethod
    def _timer(con: sqlite3.Connection, s: Session, screen: str) -> Timer:
        row = con.execute(
            "SELECT spent, started FROM workshop_timers WHERE ws = ? AND sid = ? AND screen = ?",
            (s.ws, s.sid, screen),
        ).fetchone()
        seconds = s.minutes(screen) * 60
        if row is None:
            return Timer(seconds)
        return Timer(seconds, float(row[0]), None if row[1] is None else float(row[1]))

    @staticmethod
    def _save_timer(
        con: sqlite3.Connection, s: Session, screen: str, spent: float, started: float | None
    ) -> None:
        con.execute(
            "INSERT OR REPLACE INTO workshop_timers (ws, sid, screen, spent, started) "
            "VALUES (?, ?, ?, ?, ?)",
            (s.ws, s.sid, screen, spent, started),
        )

    def timer(self, ws: str, screen: str | None = None) -> Timer:
        """The clock of ``screen`` (default: the current one)."""
        with self._tx(write=False) as con:
            s = self._need_session(con, ws)
            return self._timer(con, s, screen or s.screen)

    def toggle_timer(self, ws: str, *, now: float | None = None) -> Timer:
        """Start or pause the current step's clock."""
        now = time.time() if now is None else now
        with self._tx(write=True) as con:
            s = self._need_session(con, ws)
            t = self._timer(con, s, s.screen)
            if t.running:
                self._save_timer(con, s, s.screen, t.elapsed(now), None)
            else:
                self._save_timer(con, s, s.screen, t.spent, now)
            return self._timer(con, s, s.screen)

    def reset_timer(self, ws: str) -> Timer:
        with self._tx(write=True) as con:
            s = self._need_session(con, ws)
            con.execute(
                "DELETE FROM workshop_timers WHERE ws = ? AND sid = ? AND screen = ?",
                (ws, s.sid, s.screen),
            )
            return self._timer(con, s, s.screen)

    # -- findings on the slide ------------------------------------------------

    def publish_findings(self, ws: str, screen: str, findings: Sequence[tuple[str, str]]) -> None:
        """Put ``(key, label)`` findings on ``screen``'s slide (phones can vote on them).

        Only what is published here ever reaches a phone; votes on a finding
        that stays published keep their count.
        """
        wanted = [(str(k), str(label)) for k, label in findings]
        with self._tx(write=False) as con:  # the room calls this every second: read first
            s = self._need_session(con, ws)
            if self._published(con, s, screen) == wanted:
                return
        with self._tx(write=True) as con:
            s = self._need_session(con, ws)
            if self._published(con, s, screen) == wanted:
                return
            con.execute(
                "DELETE FROM workshop_findings WHERE ws = ? AND sid = ? AND screen = ?",
                (ws, s.sid, screen),
            )
            con.executemany(
                "INSERT OR IGNORE INTO workshop_findings (ws, sid, screen, key, label, pos) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(ws, s.sid, screen, k, label, i) for i, (k, label) in enumerate(wanted)],
            )

    @staticmethod
    def _published(con: sqlite3.Connection, s: Session, screen: str) -> list[tuple[str, str]]:
        return [
            (r[0], r[1])
            for r in con.execute(
                "SELECT key, label FROM workshop_findings "
                "WHERE ws = ? AND sid = ? AND screen = ? ORDER BY pos",
                (s.ws, s.sid, screen),
            )
        ]

    # -- reading the board ----------------------------------------------------

    def _tally(self, con: sqlite3.Connection, ws: str, sid: int, screen: str) -> dict[str, int]:
        return {
            target: n
            for target, n in con.execute(
                "SELECT target, count(*) FROM workshop_votes "
                "WHERE ws = ? AND sid = ? AND screen = ? GROUP BY target",
                (ws, sid, screen),
            )
        }

    def _notes(
        self, con: sqlite3.Connection, s: Session, screen: str, *, hidden: bool
    ) -> list[Note]:
        tally = self._tally(con, s.ws, s.sid, screen)
        rows = con.execute(
            "SELECT id, author, text, hidden, merged_into, accepted_at, created_at "
            "FROM workshop_notes WHERE ws = ? AND sid = ? AND screen = ? ORDER BY id",
            (s.ws, s.sid, screen),
        ).fetchall()
        merged: dict[int, list[tuple[str, int]]] = {}
        for nid, _a, text, _h, into, _acc, _c in rows:
            if into is not None:
                merged.setdefault(int(into), []).append((text, tally.get(_note_target(nid), 0)))
        notes = []
        for nid, author, text, is_hidden, into, accepted_at, created in rows:
            if into is not None or (is_hidden and not hidden):
                continue
            extra = merged.get(nid, [])
            notes.append(
                Note(
                    id=int(nid),
                    screen=screen,
                    author=author,
                    text=text,
                    votes=tally.get(_note_target(nid), 0) + sum(v for _, v in extra),
                    hidden=bool(is_hidden),
                    accepted=accepted_at is not None,
                    merged=tuple(t for t, _ in extra),
                    created_at=float(created),
                )
            )
        notes.sort(key=lambda n: (-n.votes, n.id))
        return notes

    def _findings(self, con: sqlite3.Connection, s: Session, screen: str) -> list[Finding]:
        tally = self._tally(con, s.ws, s.sid, screen)
        return [
            Finding(key, label, tally.get(_finding_target(screen, key), 0))
            for key, label in con.execute(
                "SELECT key, label FROM workshop_findings "
                "WHERE ws = ? AND sid = ? AND screen = ? ORDER BY pos",
                (s.ws, s.sid, screen),
            )
        ]

    def notes(self, ws: str, screen: str | None = None, *, hidden: bool = False) -> list[Note]:
        """The board of ``screen`` (default: current), top-voted first; merged notes fold in."""
        with self._tx(write=False) as con:
            s = self._session(con, ws)
            if s is None:
                return []
            return self._notes(con, s, screen or s.screen, hidden=hidden)

    def findings(self, ws: str, screen: str | None = None) -> list[Finding]:
        with self._tx(write=False) as con:
            s = self._session(con, ws)
            if s is None:
                return []
            return self._findings(con, s, screen or s.screen)

    def counts(self, ws: str) -> tuple[int, int, int]:
        """(participants, notes, votes) of the current session — for the facilitator."""
        with self._tx(write=False) as con:
            s = self._session(con, ws)
            if s is None:
                return 0, 0, 0
            return tuple(  # type: ignore[return-value]
                con.execute(
                    f"SELECT count(*) FROM {table} WHERE ws = ? AND sid = ?", (ws, s.sid)
                ).fetchone()[0]
                for table in ("workshop_participants", "workshop_notes", "workshop_votes")
            )

    def accepted(self, ws: str) -> list[Note]:
        """Every note ever accepted into an answer, with its votes when accepted (for reports)."""
        with self._tx(write=False) as con:
            rows = con.execute(
                "SELECT id, screen, author, text, accepted_votes, created_at FROM workshop_notes "
                "WHERE ws = ? AND accepted_at IS NOT NULL ORDER BY accepted_at, id",
                (ws,),
            ).fetchall()
        return [
            Note(int(i), sc, a, t, int(v or 0), accepted=True, created_at=float(c))
            for i, sc, a, t, v, c in rows
        ]

    # -- the facilitator edits notes ----------------------------------------

    def _own_note(self, con: sqlite3.Connection, ws: str, note_id: int) -> tuple[int, str, str]:
        row = con.execute(
            "SELECT sid, screen, text FROM workshop_notes WHERE ws = ? AND id = ?", (ws, note_id)
        ).fetchone()
        if row is None:
            raise InputError("workshop.no_note")
        return int(row[0]), row[1], row[2]

    def hide(self, ws: str, note_id: int, hidden: bool = True) -> None:
        with self._tx(write=True) as con:
            self._own_note(con, ws, note_id)
            con.execute(
                "UPDATE workshop_notes SET hidden = ? WHERE id = ?", (1 if hidden else 0, note_id)
            )

    def edit(self, ws: str, note_id: int, text: str) -> None:
        text = _check_note(text)
        with self._tx(write=True) as con:
            self._own_note(con, ws, note_id)
            con.execute("UPDATE workshop_notes SET text = ? WHERE id = ?", (text, note_id))

    def merge(self, ws: str, keep: int, other: int) -> None:
        """Fold note ``other`` into ``keep`` (same step): one card, the votes add up."""
        if keep == other:
            return
        with self._tx(write=True) as con:
            a = self._own_note(con, ws, keep)
            b = self._own_note(con, ws, other)
            if a[:2] != b[:2]:
                raise InputError("workshop.merge_other_step")
            con.execute(
                "UPDATE workshop_notes SET merged_into = ? WHERE id = ? OR merged_into = ?",
                (keep, other, other),
            )

    def accept(self, ws: str, note_id: int) -> Note:
        """Mark a note accepted, remembering its votes; returns it (merged texts included).

        The caller writes the text into the step's answer (``Store.set_answer``).
        """
        now = time.time()
        with self._tx(write=True) as con:
            sid, screen, _ = self._own_note(con, ws, note_id)
            s = self._need_session(con, ws)
            board = (
                {n.id: n for n in self._notes(con, s, screen, hidden=True)} if sid == s.sid else {}
            )
            note = board.get(note_id)
            votes = note.votes if note else 0
            con.execute(
                "UPDATE workshop_notes SET accepted_at = ?, accepted_votes = ? WHERE id = ?",
                (now, votes, note_id),
            )
            row = con.execute(
                "SELECT author, text, created_at FROM workshop_notes WHERE id = ?", (note_id,)
            ).fetchone()
        return Note(
            note_id,
            screen,
            row[0],
            row[1],
            votes,
            accepted=True,
            merged=note.merged if note else (),
            created_at=float(row[2]),
        )

    def add_note(self, ws: str, text: str, *, author: str, screen: str | None = None) -> Note:
        """A note typed by the facilitator (no participant, never locked out)."""
        text = _check_note(text)
        now = time.time()
        with self._tx(write=True) as con:
            s = self._need_session(con, ws)
            screen = screen or s.screen
            cur = con.execute(
                "INSERT INTO workshop_notes "
                "(ws, sid, screen, participant, author, text, created_at) "
                "VALUES (?, ?, ?, NULL, ?, ?, ?)",
                (ws, s.sid, screen, author[:MAX_NAME_CHARS], text, now),
            )
            return Note(int(cur.lastrowid or 0), screen, author, text, 0, created_at=now)

    # -- participants (everything below is reached with a join code only) ----

    def resolve(self, code: str, *, now: float | None = None) -> Session | None:
        """The open, unexpired session behind ``code``; None for a wrong, closed or old code."""
        code = normalise_code(code)
        if len(code) != CODE_LEN:
            return None
        with self._tx(write=False) as con:
            row = con.execute("SELECT ws FROM workshop_sessions WHERE code = ?", (code,)).fetchone()
            s = self._session(con, row[0]) if row else None
        return s if s is not None and s.joinable(now) else None

    def join(self, code: str, name: str, *, now: float | None = None) -> Participant:
        """Enter the room under ``name`` (no account); returns the phone's secret token."""
        now = time.time() if now is None else now
        name = " ".join((name or "").split())[:MAX_NAME_CHARS]
        if not name:
            raise InputError("workshop.name_empty")
        s = self.resolve(code, now=now)
        if s is None:
            raise InputError("workshop.closed")
        token = secrets.token_urlsafe(18)
        with self._tx(write=True) as con:
            con.execute(
                "INSERT INTO workshop_participants (token, ws, sid, name, joined_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (token, s.ws, s.sid, name, now),
            )
        return Participant(token, s.ws, s.sid, name)

    def _member(
        self, con: sqlite3.Connection, token: str, now: float
    ) -> tuple[Participant, Session]:
        """The participant and their session, if the session is still the one they joined."""
        row = con.execute(
            "SELECT token, ws, sid, name FROM workshop_participants WHERE token = ?", (token,)
        ).fetchone()
        if row is None:
            raise InputError("workshop.closed")
        p = Participant(row[0], row[1], int(row[2]), row[3])
        s = self._session(con, p.ws)
        if s is None or s.sid != p.sid or not s.joinable(now):
            raise InputError("workshop.closed")
        return p, s

    def participant(self, token: str, *, now: float | None = None) -> Participant | None:
        now = time.time() if now is None else now
        with self._tx(write=False) as con:
            try:
                return self._member(con, token, now)[0]
            except InputError:
                return None

    def room(self, token: str, *, now: float | None = None) -> RoomView:
        """The phone's view: the current step, its visible notes and findings, my dots left."""
        now = time.time() if now is None else now
        with self._tx(write=False) as con:
            _, s = self._member(con, token, now)
            mine = frozenset(
                r[0]
                for r in con.execute(
                    "SELECT target FROM workshop_votes WHERE participant = ? AND screen = ?",
                    (token, s.screen),
                )
            )
            return RoomView(
                screen=s.screen,
                lang=s.lang,
                locked=s.screen in s.locked,
                notes=self._notes(con, s, s.screen, hidden=False),
                findings=self._findings(con, s, s.screen),
                dots_left=max(0, s.dots - len(mine)),
                my_votes=mine,
            )

    def post(
        self, token: str, text: str, *, client: str | None = None, now: float | None = None
    ) -> Note:
        """Add a sticky note to the current step.  ``client``: the phone's submission id,
        so the same submission sent twice (double tap, retry) is stored once."""
        now = time.time() if now is None else now
        text = _check_note(text)
        client = client or secrets.token_hex(8)
        with self._tx(write=True) as con:
            p, s = self._member(con, token, now)
            if s.screen in s.locked:
                raise InputError("workshop.locked")
            con.execute(
                "INSERT OR IGNORE INTO workshop_notes "
                "(ws, sid, screen, participant, author, text, client, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (s.ws, s.sid, s.screen, token, p.name, text, client, now),
            )
            row = con.execute(
                "SELECT id, screen, text, created_at FROM workshop_notes "
                "WHERE participant = ? AND client = ?",
                (token, client),
            ).fetchone()
        return Note(int(row[0]), row[1], p.name, row[2], 0, created_at=float(row[3]))

    def _target_ok(self, con: sqlite3.Connection, s: Session, target: str) -> bool:
        if target.startswith("n") and target[1:].isdigit():
            row = con.execute(
                "SELECT 1 FROM workshop_notes WHERE id = ? AND ws = ? AND sid = ? AND screen = ? "
                "AND hidden = 0 AND merged_into IS NULL",
                (int(target[1:]), s.ws, s.sid, s.screen),
            ).fetchone()
            return row is not None
        prefix = _finding_target(s.screen, "")
        if target.startswith(prefix):
            row = con.execute(
                "SELECT 1 FROM workshop_findings WHERE ws = ? AND sid = ? AND screen = ? "
                "AND key = ?",
                (s.ws, s.sid, s.screen, target[len(prefix) :]),
            ).fetchone()
            return row is not None
        return False

    def vote(
        self,
        token: str,
        *,
        note: int | None = None,
        finding: str | None = None,
        now: float | None = None,
    ) -> bool:
        """Put one dot on a note or a finding of the current step.

        Returns False when it was already there (a double tap) — never two
        dots on one target; raises when the dots are used up or the step is
        locked or closed.
        """
        now = time.time() if now is None else now
        with self._tx(write=True) as con:
            _, s = self._member(con, token, now)
            if s.screen in s.locked:
                raise InputError("workshop.locked")
            target = (
                _note_target(note) if note is not None else _finding_target(s.screen, finding or "")
            )
            if not self._target_ok(con, s, target):
                raise InputError("workshop.no_note")
            if con.execute(
                "SELECT 1 FROM workshop_votes WHERE participant = ? AND target = ?", (token, target)
            ).fetchone():
                return False
            used = con.execute(
                "SELECT count(*) FROM workshop_votes WHERE participant = ? AND ws = ? AND sid = ? "
                "AND screen = ?",
                (token, s.ws, s.sid, s.screen),
            ).fetchone()[0]
            if used >= s.dots:
                raise InputError("workshop.no_dots", n=s.dots)
            con.execute(
                "INSERT INTO workshop_votes (participant, target, ws, sid, screen, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (token, target, s.ws, s.sid, s.screen, now),
            )
            return True

    def unvote(
        self,
        token: str,
        *,
        note: int | None = None,
        finding: str | None = None,
        now: float | None = None,
    ) -> None:
        """Take a dot back (until the step is locked)."""
        now = time.time() if now is None else now
        with self._tx(write=True) as con:
            _, s = self._member(con, token, now)
            if s.screen in s.locked:
                raise InputError("workshop.locked")
            target = (
                _note_target(note) if note is not None else _finding_target(s.screen, finding or "")
            )
            con.execute(
                "DELETE FROM workshop_votes WHERE participant = ? AND target = ?", (token, target)
            )


def _check_note(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise InputError("workshop.note_empty")
    if len(text) > MAX_NOTE_CHARS:
        raise InputError("workshop.note_long", n=MAX_NOTE_CHARS)
    return text


def _check_agenda(agenda: Sequence[AgendaItem]) -> list[AgendaItem]:
    items, seen = [], set()
    for a in agenda:
        if a.screen in ALL_SCREENS and a.screen not in seen:
            seen.add(a.screen)
            items.append(AgendaItem(a.screen, min(max(int(a.minutes), 1), 180)))
    if not items:
        raise InputError("workshop.agenda_empty")
    return items


def _agenda_json(items: Sequence[AgendaItem]) -> str:
    return json.dumps([[a.screen, a.minutes] for a in items])
