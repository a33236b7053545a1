"""The phones' side of a workshop: everything here is reached with a join code only.

The code grants the current step and nothing else: :meth:`Phones.room`
returns that step's question id, its visible notes and the findings the
facilitator put on the slide — never the data set, the answers or another
workspace.  A phone holds a secret token from :meth:`Phones.join`; a new
session, a closed code or an expired one turns every old token away.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import time

from icp.errors import InputError
from icp.workshop.db import Db
from icp.workshop.model import (
    CODE_LEN,
    MAX_NAME_CHARS,
    Note,
    Participant,
    RoomView,
    Session,
    check_note,
    finding_target,
    normalise_code,
    note_target,
)

__all__ = ["Phones"]


class Phones(Db):
    """What a participant's phone may do: join, read the room, post, vote."""

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

    def _unlocked(
        self, con: sqlite3.Connection, token: str, now: float
    ) -> tuple[Participant, Session]:
        """As ``_member``, and the current step must take notes and votes (not locked)."""
        p, s = self._member(con, token, now)
        if s.screen in s.locked:
            raise InputError("workshop.locked")
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
        so the same submission sent twice (double tap, retry) is stored once on a step."""
        now = time.time() if now is None else now
        text = check_note(text)
        client = client or secrets.token_hex(8)
        with self._tx(write=True) as con:
            p, s = self._unlocked(con, token, now)
            client = f"{s.screen}:{client}"  # the same submission on another step is new
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

    def post_once(self, token: str, text: str, *, now: float | None = None) -> Note:
        """The phone page's Post: the same text from the same phone on the same step is
        one note, however often it is sent (a double tap, a retry after a slow network)."""
        folded = check_note(text)
        client = hashlib.sha1(folded.encode("utf-8")).hexdigest()[:20]
        return self.post(token, folded, client=client, now=now)

    def _target_ok(self, con: sqlite3.Connection, s: Session, target: str) -> bool:
        if target.startswith("n") and target[1:].isdigit():
            row = con.execute(
                "SELECT 1 FROM workshop_notes WHERE id = ? AND ws = ? AND sid = ? AND screen = ? "
                "AND hidden = 0 AND merged_into IS NULL",
                (int(target[1:]), s.ws, s.sid, s.screen),
            ).fetchone()
            return row is not None
        prefix = finding_target(s.screen, "")
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
            s = self._unlocked(con, token, now)[1]
            target = _target(s.screen, note, finding)
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
            s = self._unlocked(con, token, now)[1]
            target = _target(s.screen, note, finding)
            con.execute(
                "DELETE FROM workshop_votes WHERE participant = ? AND target = ?", (token, target)
            )


def _target(screen: str, note: int | None, finding: str | None) -> str:
    """The vote target: a note by id, else a finding of ``screen`` by key."""
    return note_target(note) if note is not None else finding_target(screen, finding or "")
