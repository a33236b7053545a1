"""The facilitator's side of a workshop: the session, agenda, screens, clocks and notes.

Start a session (a fresh join code and an empty board), move along the
agenda, run a step's clock (stored as time spent + start epoch, so a
refresh, a second tab or a server restart shows the same time), put the
data's findings on the slide, and hide, edit, merge and accept notes.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence

from icp.errors import InputError
from icp.i18n import LANGS, Lang
from icp.workshop.db import Db
from icp.workshop.model import (
    DEFAULT_DOTS,
    GRACE_MINUTES,
    MAX_NAME_CHARS,
    AgendaItem,
    Finding,
    Note,
    Session,
    Timer,
    agenda_json,
    check_agenda,
    check_note,
    template,
)

__all__ = ["Facilitator"]


class Facilitator(Db):
    """What the laptop does; nothing here is reachable with a join code."""

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
        items = check_agenda(agenda if agenda is not None else template(60))
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
                    agenda_json(items),
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
        items = check_agenda(agenda)
        with self._tx(write=True) as con:
            s = self._need_session(con, ws)
            screen = s.screen if s.screen in {a.screen for a in items} else items[0].screen
            total = sum(a.minutes for a in items)
            con.execute(
                "UPDATE workshop_sessions SET agenda = ?, screen = ?, expires_at = ? WHERE ws = ?",
                (agenda_json(items), screen, s.started_at + (total + GRACE_MINUTES) * 60, ws),
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
        text = check_note(text)
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
        text = check_note(text)
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
