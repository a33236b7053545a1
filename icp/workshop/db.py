"""The workshop's tables and connections: one short transaction per call, nothing lost.

Why rows and not one JSON value: thirty phones post at the same moment.
Each post is one ``INSERT`` in its own short ``BEGIN IMMEDIATE`` transaction
(SQLite WAL, busy timeout), so no write reads and rewrites anyone else's.
A vote's primary key is (participant, target), so a double tap stores one
vote; a note carries the phone's submission token, unique per participant,
so a double-submitted note is stored once.

``Db`` holds the connection pool, the transaction and the reads both the
facilitator's side (``icp.workshop.facilitator``) and the phones' side
(``icp.workshop.phones``) need: the session row and the board of a step.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from icp.errors import InputError
from icp.i18n import LANGS, Lang
from icp.sqlite import connect
from icp.workshop.model import (
    CODE_ALPHABET,
    CODE_LEN,
    AgendaItem,
    Finding,
    Note,
    Session,
    finding_target,
    note_target,
)

__all__ = ["Db"]

_POOL_SIZE = 8

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


class Db:
    """Workshop tables stored in the workspace database at ``db_path``.

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

    def _connect(self) -> sqlite3.Connection:
        return connect(self.path, shared=True)

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
                merged.setdefault(int(into), []).append((text, tally.get(note_target(nid), 0)))
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
                    votes=tally.get(note_target(nid), 0) + sum(v for _, v in extra),
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
            Finding(key, label, tally.get(finding_target(screen, key), 0))
            for key, label in con.execute(
                "SELECT key, label FROM workshop_findings "
                "WHERE ws = ? AND sid = ? AND screen = ? ORDER BY pos",
                (s.ws, s.sid, screen),
            )
        ]
