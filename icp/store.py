"""Workspaces in SQLite: autosave, versions, import/export — nothing typed is lost.

One database file, ``<data dir>/workbench.db``, in WAL mode.  Everything a
user enters is stored as its own small row so that concurrent writers (two
browser tabs, several Streamlit sessions, later the phones of a workshop room)
never overwrite each other's work:

- ``workspaces``: one row per workspace (name, timestamps, current source).
- ``blobs``: uploaded files, content-addressed by sha256, so snapshots and
  repeated uploads of the same file cost nothing.
- ``kv``: one row per (workspace, key) for small JSON values.
- ``answers``: one row per (workspace, step, field) for builder answers.
- ``versions``: snapshots (values, answers and a *reference* to the source).

Connections: one per thread and ``Store`` (``_tx``), kept between calls only
while the database file is exactly as that connection left it (same file, size
and modification time: another process's checkpoint, a replaced or damaged
file, or an error opens a fresh one).  A ``Store`` is shared between threads
(Streamlit caches one object for every session thread; each script run is a
thread of its own, so a run's forty-odd calls open one connection, not forty)
with no lock of our own; SQLite's file locks plus ``busy_timeout`` serialise
writers.  A connection inherited across ``fork`` is never used nor closed in the
child (closing it there could checkpoint another process's database from
under it).  Every write is one short ``BEGIN IMMEDIATE`` transaction: taking the
write lock up front means a transaction never has to upgrade a read lock,
which is the case where SQLite reports "database is locked" without waiting.
``synchronous=FULL``: a commit survives a power cut, not just a crash.

Unknown workspace ids: reads answer ``None`` / empty (``info`` → None,
``get_source`` → None, ``source_version`` → 0, ``get_value`` → default,
``values``/``answers`` → {}, ``versions`` → []), so a stale link in the URL
simply finds nothing; every write, ``snapshot``, ``restore``, ``delete`` and
``export_json`` raises ``InputError("store.no_workspace", id=...)`` so a
write is never silently dropped.
"""

from __future__ import annotations

import base64
import contextlib
import errno
import hashlib
import json
import os
import secrets
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from icp import backup
from icp.datadir import data_dir
from icp.datadir import make_private_dir as _make_private_dir
from icp.errors import InputError
from icp.i18n import Lang, has, t
from icp.sqlite import connect

__all__ = [
    "EXPORT_FORMAT",
    "MAX_IMPORT_MB",
    "MAX_NAME_CHARS",
    "SavedAnswer",
    "Store",
    "VersionInfo",
    "WorkspaceInfo",
    "data_dir",
    "merge_texts",
    "version_label",
]

EXPORT_FORMAT = backup.EXPORT_FORMAT
MAX_IMPORT_MB = backup.MAX_IMPORT_MB  # the import uploader and the CLI allow this much
MAX_NAME_CHARS = backup.MAX_NAME_CHARS
BEFORE_RESTORE = "store.before_restore"  # label of the automatic snapshot (an i18n key)
# View state, not content: a restore leaves the user on the page, step and
# language they are using right now.
_VIEW_PREFIXES = ("ui.",)
_VIEW_KEYS = frozenset({"lang"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS blobs (
    sha256 TEXT PRIMARY KEY,
    data   BLOB NOT NULL,
    size   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS workspaces (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    source_sha      TEXT REFERENCES blobs(sha256),
    source_filename TEXT,
    source_options  TEXT,
    source_version  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS workspaces_updated ON workspaces(updated_at);
CREATE TABLE IF NOT EXISTS kv (
    ws    TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    key   TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (ws, key)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS answers (
    ws    TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    step  TEXT NOT NULL,
    field TEXT NOT NULL,
    text  TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (ws, step, field)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS versions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    ws              TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    label           TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    source_sha      TEXT REFERENCES blobs(sha256),
    source_filename TEXT,
    source_options  TEXT,
    vals            TEXT NOT NULL,
    answers         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_ws ON versions(ws, id);
"""
_SCHEMA_VERSION = 2  # 2: answers.version (per-field optimistic concurrency)


@dataclass
class WorkspaceInfo:
    id: str
    name: str
    created_at: str  # ISO 8601 UTC
    updated_at: str


@dataclass(frozen=True)
class SavedAnswer:
    """What ``Store.set_answer`` stored: the text (merged on a conflict) and its version."""

    text: str
    version: int
    merged: bool  # someone else had saved the field since the writer's base version


@dataclass
class VersionInfo:
    id: int
    label: str  # as given; automatic snapshots carry an i18n key (see version_label)
    created_at: str


def _short(exc: BaseException) -> str:
    """An error's own words, bounded (a path or a message is quoted, never a whole file)."""
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:199] + "…"


def _is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    return isinstance(exc, sqlite3.OperationalError) and "disk is full" in str(exc).lower()


def _is_unreadable(exc: BaseException) -> bool:
    """SQLite's "this is not (or no longer) a database I can read" — not a lock or a bug."""
    if type(exc) is sqlite3.DatabaseError:  # "file is not a database", "malformed"
        return True
    return isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc).lower()


def version_label(label: str, lang: Lang = "en") -> str:
    """A version's label for display: automatic labels are translated, user labels kept."""
    return t(label, lang) if label.startswith("store.") and has(label) else label


def _new_id() -> str:
    """A short url-safe id that starts with a letter or digit.

    An id starting with "-" would read as an option on the command line
    (``python -m icp workspace export -K5p…``), so such draws are redrawn.
    """
    while True:
        ws = secrets.token_urlsafe(6)
        if ws[0].isalnum():
            return ws


class _Held:
    """A thread's kept connection: the process that opened it, and the database file's
    (device, inode, size, modification time) as this connection left it."""

    __slots__ = ("__weakref__", "con", "file", "pid")

    def __init__(self, con: sqlite3.Connection, pid: int, file: tuple[int, ...] | None) -> None:
        self.con, self.pid, self.file = con, pid, file


_HELD: weakref.WeakSet[_Held] = weakref.WeakSet()  # every kept connection of this process
_INHERITED: list[sqlite3.Connection] = []  # kept connections of the parent: never closed


def _keep_inherited() -> None:
    _INHERITED.extend(held.con for held in list(_HELD))


os.register_at_fork(after_in_child=_keep_inherited)


def _file(path: Path) -> tuple[int, ...] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class Store:
    """All workspaces in one SQLite file; every method is one short transaction."""

    def __init__(self, root: str | Path | None = None) -> None:
        folder = data_dir() if root is None else Path(root).expanduser()
        _make_private_dir(folder)
        self.path = folder / "workbench.db"
        self._local = threading.local()
        try:
            self._init_db()
        except InputError:
            raise
        except (sqlite3.Error, OSError) as exc:
            # corrupt, truncated, read-only or not a file: say which store, never replace it
            raise InputError("store.cannot_open", path=str(self.path), detail=_short(exc)) from None
        for suffix in ("", "-wal", "-shm"):  # customer data: owner-only
            with contextlib.suppress(OSError):
                Path(f"{self.path}{suffix}").chmod(0o600)

    # -- plumbing ---------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        return connect(self.path)

    @contextlib.contextmanager
    def _tx(self, *, write: bool) -> Iterator[sqlite3.Connection]:
        """A connection inside one transaction: committed on success, rolled back on error.

        Every user action is one call, so a failure (the disk is full) leaves
        everything exactly as it was and says so.  A database that became
        unreadable after it was opened (damaged, replaced) is named, as at open.
        """
        con = self._kept()
        if con is None:
            try:
                con = self._connect()
            except sqlite3.Error as exc:
                raise InputError(
                    "store.cannot_open", path=str(self.path), detail=_short(exc)
                ) from None
        done = False
        try:
            try:
                con.execute("BEGIN IMMEDIATE" if write else "BEGIN")
                yield con
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    con.execute("ROLLBACK")
                self._raise_known(exc)
                raise
            try:
                con.execute("COMMIT")
            except (sqlite3.Error, OSError) as exc:
                with contextlib.suppress(sqlite3.Error):
                    con.execute("ROLLBACK")
                self._raise_known(exc)
                raise
            done = True
        finally:
            if done:  # kept for this thread's next call, with the file as it left it
                held = _Held(con, os.getpid(), _file(self.path))
                _HELD.add(held)
                self._local.held = held
            else:
                con.close()

    def _kept(self) -> sqlite3.Connection | None:
        """This thread's connection from its last call, if it is this process's and the
        database file has not changed since (else it is dropped: closed, or kept open
        unused if a parent process opened it)."""
        held = getattr(self._local, "held", None)
        if held is None:
            return None
        self._local.held = None
        if held.pid == os.getpid() and held.file is not None and held.file == _file(self.path):
            return held.con
        if held.pid == os.getpid():
            with contextlib.suppress(sqlite3.Error):
                held.con.close()
        return None

    def _raise_known(self, exc: BaseException) -> None:
        """Turn a full disk or an unreadable database into the store's own message."""
        if _is_disk_full(exc):
            raise InputError("store.disk_full", path=str(self.path)) from None
        if _is_unreadable(exc):
            raise InputError("store.cannot_open", path=str(self.path), detail=_short(exc)) from None

    def _init_db(self) -> None:
        con = self._connect()
        try:
            # WAL is a property of the file; switching needs a moment alone with it.
            if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                con.execute("PRAGMA journal_mode = WAL")
            con.execute("BEGIN IMMEDIATE")
            try:
                # one by one: executescript() would COMMIT our transaction
                for stmt in _SCHEMA.split(";"):
                    if stmt.strip():
                        con.execute(stmt)
                cols = {r[1] for r in con.execute("PRAGMA table_info(answers)")}
                if "version" not in cols:  # a version-1 database: add the counter in place
                    con.execute("ALTER TABLE answers ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
                con.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")
        finally:
            con.close()

    @staticmethod
    def _stamp(con: sqlite3.Connection) -> str:
        """Now, as ISO 8601 UTC, strictly after every ``updated_at`` in the database.

        So "most recently changed first" holds even when the clock is coarse
        or steps back.  Callers hold the write lock, so stamps never collide.
        """
        now = datetime.now(UTC)
        last = con.execute("SELECT max(updated_at) FROM workspaces").fetchone()[0]
        if last:
            now = max(now, datetime.fromisoformat(last) + timedelta(microseconds=1))
        return _iso(now)

    def _touch(self, con: sqlite3.Connection, ws: str) -> str:
        """Bump ``updated_at`` of ``ws`` (InputError if it does not exist); returns the stamp."""
        stamp = self._stamp(con)
        cur = con.execute("UPDATE workspaces SET updated_at = ? WHERE id = ?", (stamp, ws))
        if cur.rowcount == 0:
            raise InputError("store.no_workspace", id=ws)
        return stamp

    @staticmethod
    def _gc_blobs(con: sqlite3.Connection) -> None:
        con.execute(
            "DELETE FROM blobs WHERE sha256 NOT IN "
            "(SELECT source_sha FROM workspaces WHERE source_sha IS NOT NULL "
            " UNION SELECT source_sha FROM versions WHERE source_sha IS NOT NULL)"
        )

    @staticmethod
    def _put_blob(con: sqlite3.Connection, data: bytes) -> str:
        sha = hashlib.sha256(data).hexdigest()
        con.execute(
            "INSERT OR IGNORE INTO blobs (sha256, data, size) VALUES (?, ?, ?)",
            (sha, sqlite3.Binary(data), len(data)),
        )
        return sha

    def _new_workspace(self, con: sqlite3.Connection, name: str) -> str:
        name = _clean_name(name)
        for _ in range(20):
            ws = _new_id()
            stamp = self._stamp(con)
            cur = con.execute(
                "INSERT OR IGNORE INTO workspaces (id, name, created_at, updated_at) "
                "VALUES (?, ?, ?, ?)",
                (ws, name, stamp, stamp),
            )
            if cur.rowcount:
                return ws
        raise RuntimeError("could not find a free workspace id")  # pragma: no cover

    # -- workspaces -------------------------------------------------------

    def list(self) -> list[WorkspaceInfo]:
        """Every workspace, most recently changed first."""
        with self._tx(write=False) as con:
            rows = con.execute(
                "SELECT id, name, created_at, updated_at FROM workspaces "
                "ORDER BY updated_at DESC, id"
            ).fetchall()
        return [WorkspaceInfo(*r) for r in rows]

    def create(self, name: str) -> str:
        """A new empty workspace; returns its short url-safe id (for the URL query)."""
        with self._tx(write=True) as con:
            return self._new_workspace(con, name)

    def info(self, ws: str) -> WorkspaceInfo | None:
        with self._tx(write=False) as con:
            row = con.execute(
                "SELECT id, name, created_at, updated_at FROM workspaces WHERE id = ?", (ws,)
            ).fetchone()
        return WorkspaceInfo(*row) if row else None

    def rename(self, ws: str, name: str) -> None:
        name = _clean_name(name)
        with self._tx(write=True) as con:
            self._touch(con, ws)
            con.execute("UPDATE workspaces SET name = ? WHERE id = ?", (name, ws))

    def delete(self, ws: str) -> None:
        """Remove the workspace with its values, answers, versions and unshared files."""
        with self._tx(write=True) as con:
            cur = con.execute("DELETE FROM workspaces WHERE id = ?", (ws,))
            if cur.rowcount == 0:
                raise InputError("store.no_workspace", id=ws)
            self._gc_blobs(con)

    # -- the uploaded file ------------------------------------------------

    def set_source(
        self,
        ws: str,
        *,
        filename: str,
        data: bytes,
        options: dict,
        values: dict[str, Any] | None = None,
    ) -> None:
        """Keep the uploaded file itself plus how to read it (sheet, header_row).

        Replaces the previous source and bumps ``source_version``.  ``values``
        (e.g. ``{"mapping": None}`` for a new file) are set in the same
        transaction, so a failed write never leaves a new file with an old mapping.
        """
        if not isinstance(options, dict):
            raise TypeError("options must be a dict")
        opts, data = _dumps(options), bytes(data)
        with self._tx(write=True) as con:
            self._touch(con, ws)
            sha = self._put_blob(con, data)
            con.execute(
                "UPDATE workspaces SET source_sha = ?, source_filename = ?, source_options = ?, "
                "source_version = source_version + 1 WHERE id = ?",
                (sha, filename, opts, ws),
            )
            for key, value in (values or {}).items():
                con.execute(
                    "INSERT INTO kv (ws, key, value) VALUES (?, ?, ?) "
                    "ON CONFLICT (ws, key) DO UPDATE SET value = excluded.value",
                    (ws, key, _dumps(value)),
                )
            self._gc_blobs(con)

    def get_source(self, ws: str) -> tuple[str, bytes, dict] | None:
        """``(filename, bytes, options)`` of the current source, or None."""
        with self._tx(write=False) as con:
            row = con.execute(
                "SELECT w.source_filename, b.data, w.source_options FROM workspaces w "
                "JOIN blobs b ON b.sha256 = w.source_sha WHERE w.id = ?",
                (ws,),
            ).fetchone()
        if row is None:
            return None
        return row[0], bytes(row[1]), json.loads(row[2])

    def source_ref(self, ws: str) -> tuple[str, str, str] | None:
        """``(SHA-256 of the bytes, filename, options as stored JSON text)`` of the current
        source, or None: what the data set is read from, without reading the file nor
        parsing the options (they may hold a whole deals file) — a UI cache key."""
        with self._tx(write=False) as con:
            row = con.execute(
                "SELECT source_sha, source_filename, source_options FROM workspaces "
                "WHERE id = ? AND source_sha IS NOT NULL",
                (ws,),
            ).fetchone()
        if row is None:
            return None
        return row[0], row[1], row[2]

    def blob(self, sha: str) -> bytes | None:
        """The stored file with this SHA-256, or None once no workspace or snapshot keeps it."""
        with self._tx(write=False) as con:
            row = con.execute("SELECT data FROM blobs WHERE sha256 = ?", (sha,)).fetchone()
        return None if row is None else bytes(row[0])

    def source_version(self, ws: str) -> int:
        """A counter that changes whenever the source may have changed (a UI cache key)."""
        with self._tx(write=False) as con:
            row = con.execute(
                "SELECT source_version FROM workspaces WHERE id = ?", (ws,)
            ).fetchone()
        return int(row[0]) if row else 0

    # -- values and answers -----------------------------------------------

    def set_value(self, ws: str, key: str, value: Any) -> None:
        """Store one small JSON-able value ("mapping", "settings", "ui.step", "lang", ...)."""
        text = _dumps(value)
        with self._tx(write=True) as con:
            self._touch(con, ws)
            con.execute(
                "INSERT INTO kv (ws, key, value) VALUES (?, ?, ?) "
                "ON CONFLICT (ws, key) DO UPDATE SET value = excluded.value",
                (ws, key, text),
            )

    def get_value(self, ws: str, key: str, default: Any = None) -> Any:
        with self._tx(write=False) as con:
            row = con.execute("SELECT value FROM kv WHERE ws = ? AND key = ?", (ws, key)).fetchone()
        return json.loads(row[0]) if row else default

    def values(self, ws: str) -> dict[str, Any]:
        with self._tx(write=False) as con:
            return _values(con, ws)

    def set_answer(
        self, ws: str, step: str, field: str, text: str, *, base: int | None = None
    ) -> SavedAnswer:
        """Save one builder answer (step "S1".."S7", "P1".."P7"; any field id).

        ``base`` is the field's version the writer last saw (``answer``; 0 for
        "never saved").  If someone else saved the field since, the texts are
        merged (``merge_texts``: both kept) instead of one silently replacing
        the other, and the result says so.  ``base=None`` writes
        unconditionally (the command line, scripts, checklist ticks).
        Saving the text that is already stored changes nothing.
        """
        if not isinstance(text, str):
            raise TypeError(f"answer text must be str, not {type(text).__name__}")
        with self._tx(write=True) as con:
            row = con.execute(
                "SELECT text, version FROM answers WHERE ws = ? AND step = ? AND field = ?",
                (ws, step, field),
            ).fetchone()
            stored, version = (row[0], int(row[1])) if row else ("", 0)
            merged = False
            if base is not None and base != version and text != stored:
                new = merge_texts(stored, text)
                merged, text = new != text, new
            if row is not None and text == stored:
                return SavedAnswer(text, version, merged)
            self._touch(con, ws)
            con.execute(
                "INSERT INTO answers (ws, step, field, text, version) VALUES (?, ?, ?, ?, 1) "
                "ON CONFLICT (ws, step, field) DO UPDATE SET text = excluded.text, "
                "version = answers.version + 1",
                (ws, step, field, text),
            )
            return SavedAnswer(text, version + 1, merged)

    def answer(self, ws: str, step: str, field: str) -> tuple[str, int]:
        """``(text, version)`` of one answer; ``("", 0)`` when it was never saved."""
        with self._tx(write=False) as con:
            row = con.execute(
                "SELECT text, version FROM answers WHERE ws = ? AND step = ? AND field = ?",
                (ws, step, field),
            ).fetchone()
        return (row[0], int(row[1])) if row else ("", 0)

    def answers(self, ws: str) -> dict[str, dict[str, str]]:
        """``{step: {field: text}}`` for every answer saved so far."""
        with self._tx(write=False) as con:
            return _answers(con, ws)

    # -- versions ---------------------------------------------------------

    def snapshot(self, ws: str, label: str) -> int:
        """Save a named copy of values, answers and the source reference; returns its id.

        The file bytes are shared with the workspace (content-addressed), so a
        snapshot costs only its values and answers.
        """
        with self._tx(write=True) as con:
            return self._snapshot(con, ws, label)

    def _snapshot(self, con: sqlite3.Connection, ws: str, label: str) -> int:
        stamp = self._touch(con, ws)
        sha, filename, options = con.execute(
            "SELECT source_sha, source_filename, source_options FROM workspaces WHERE id = ?",
            (ws,),
        ).fetchone()
        cur = con.execute(
            "INSERT INTO versions (ws, label, created_at, source_sha, source_filename, "
            "source_options, vals, answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                ws,
                str(label),
                stamp,
                sha,
                filename,
                options,
                _dumps(_values(con, ws)),
                _dumps(_answers(con, ws)),
            ),
        )
        return int(cur.lastrowid)

    def versions(self, ws: str) -> list[VersionInfo]:
        """Snapshots of ``ws``, newest first."""
        with self._tx(write=False) as con:
            rows = con.execute(
                "SELECT id, label, created_at FROM versions WHERE ws = ? ORDER BY id DESC", (ws,)
            ).fetchall()
        return [VersionInfo(*r) for r in rows]

    def restore(self, ws: str, version_id: int) -> None:
        """Bring back a snapshot's values, answers and source.

        First takes an automatic snapshot labelled ``store.before_restore``,
        so a restore can itself be undone.  View state (``ui.*``, ``lang``)
        stays as it is now.
        """
        with self._tx(write=True) as con:
            row = con.execute(
                "SELECT source_sha, source_filename, source_options, vals, answers "
                "FROM versions WHERE id = ? AND ws = ?",
                (int(version_id), ws),
            ).fetchone()
            if row is None:
                if con.execute("SELECT 1 FROM workspaces WHERE id = ?", (ws,)).fetchone() is None:
                    raise InputError("store.no_workspace", id=ws)
                raise InputError("store.no_version", id=version_id)
            self._snapshot(con, ws, BEFORE_RESTORE)
            sha, filename, options, vals, answers = row
            con.execute(
                "UPDATE workspaces SET source_sha = ?, source_filename = ?, source_options = ?, "
                "source_version = source_version + 1 WHERE id = ?",
                (sha, filename, options, ws),
            )
            content = [k for k in _values(con, ws) if not _is_view_key(k)]
            con.executemany("DELETE FROM kv WHERE ws = ? AND key = ?", [(ws, k) for k in content])
            restored = {k: v for k, v in json.loads(vals).items() if not _is_view_key(k)}
            _insert_values(con, ws, restored)
            con.execute("DELETE FROM answers WHERE ws = ?", (ws,))
            _insert_answers(con, ws, json.loads(answers))

    # -- export / import ----------------------------------------------------

    def _export_doc(
        self, con: sqlite3.Connection, ws: str, *, versions: bool
    ) -> tuple[dict[str, Any], dict[str, bytes], str | None]:
        """The workspace as a document whose files are referred to by sha256, the
        files themselves (each once), and the sha256 of the current file."""
        row = con.execute(
            "SELECT name, source_sha, source_filename, source_options FROM workspaces WHERE id = ?",
            (ws,),
        ).fetchone()
        if row is None:
            raise InputError("store.no_workspace", id=ws)
        name, sha, filename, options = row
        shas: list[str] = []

        def ref(vsha: str | None, vfile: str | None, vopts: str | None) -> dict | None:
            if vsha is None:
                return None
            if vsha not in shas:
                shas.append(vsha)
            return {"filename": vfile, "sha256": vsha, "options": json.loads(vopts)}

        doc: dict[str, Any] = {
            "format": backup.EXPORT_FORMAT,
            "version": backup.ZIP_VERSION,
            "name": name,
            "exported_at": _iso(datetime.now(UTC)),
            "source": ref(sha, filename, options),
            "values": _values(con, ws),
            "answers": _answers(con, ws),
        }
        if versions:
            vrows = con.execute(
                "SELECT label, created_at, source_sha, source_filename, source_options, "
                "vals, answers FROM versions WHERE ws = ? ORDER BY id",
                (ws,),
            ).fetchall()
            doc["versions"] = [
                {
                    "label": label,
                    "created_at": created,
                    "source": ref(vsha, vfile, vopts),
                    "values": json.loads(vals),
                    "answers": json.loads(ans),
                }
                for label, created, vsha, vfile, vopts, vals, ans in vrows
            ]
        blobs = {
            s: bytes(con.execute("SELECT data FROM blobs WHERE sha256 = ?", (s,)).fetchone()[0])
            for s in shas
        }
        return doc, blobs, sha

    def export_zip(self, ws: str, *, versions: bool = True) -> bytes:
        """The whole workspace as one zip (``icp.backup`` format 2): names, values,
        answers and versions in ``workspace.json``, each data file once under
        ``files/``.  ``import_backup`` reads it back, whatever its size."""
        with self._tx(write=False) as con:
            doc, blobs, _ = self._export_doc(con, ws, versions=versions)
        return backup.write_zip(doc, blobs)

    def export_json(self, ws: str, *, versions: bool = True) -> bytes:
        """The workspace as one UTF-8 JSON file (format 1, files base64-encoded).

        Kept for scripts that read the JSON; the app writes ``export_zip``.
        ``source.data_base64`` holds the current file; each snapshot's file is
        given by sha256, its bytes (when they differ from the current file)
        under ``files``.
        """
        with self._tx(write=False) as con:
            doc, blobs, sha = self._export_doc(con, ws, versions=versions)
        doc["version"] = backup.JSON_VERSION
        if doc["source"] is not None:
            src = doc["source"]
            doc["source"] = {
                "filename": src["filename"],
                "data_base64": _b64(blobs[src["sha256"]]),
                "options": src["options"],
            }
        if versions:
            doc["files"] = {k: _b64(v) for k, v in blobs.items() if k != sha}
        return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")

    def import_backup(
        self, data: bytes, *, check_file: Callable[[str, bytes, dict], None] | None = None
    ) -> str:
        """A new workspace from an export (the zip, or the older JSON); returns its id.

        Anything else (another file, truncated, a value of the wrong type,
        over ``MAX_IMPORT_MB``) raises ``InputError`` — naming the field when
        one is wrong — and creates nothing: the file is checked in full first
        (``icp.backup.parse``) and written in one transaction.
        ``check_file(filename, bytes, options)`` is called on every embedded
        data file before anything is written (the app and the CLI pass
        ``icp.worker.check_source``, so a file that would break the reader is
        refused here, not on every later page load); its ``InputError`` is
        raised as is.
        """
        doc = backup.parse(data)
        if check_file is not None:
            sources = [doc.source] + [v.source for v in doc.versions]
            seen: set[str] = set()
            for src in sources:
                if src is None:
                    continue
                key = hashlib.sha256(src[1] + _dumps(src[2]).encode()).hexdigest()
                if key not in seen:
                    seen.add(key)
                    check_file(*src)
        with self._tx(write=True) as con:
            ws = self._new_workspace(con, doc.name)
            if doc.source is not None:
                filename, blob, options = doc.source
                sha = self._put_blob(con, blob)
                con.execute(
                    "UPDATE workspaces SET source_sha = ?, source_filename = ?, "
                    "source_options = ?, source_version = 1 WHERE id = ?",
                    (sha, filename, _dumps(options), ws),
                )
            _insert_values(con, ws, doc.values)
            _insert_answers(con, ws, doc.answers)
            for v in doc.versions:
                vsha = vfile = vopts = None
                if v.source is not None:
                    vfile, vblob, vopt = v.source
                    vsha, vopts = self._put_blob(con, vblob), _dumps(vopt)
                con.execute(
                    "INSERT INTO versions (ws, label, created_at, source_sha, source_filename, "
                    "source_options, vals, answers) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        ws,
                        v.label,
                        v.created_at,
                        vsha,
                        vfile,
                        vopts,
                        _dumps(v.values),
                        _dumps(v.answers),
                    ),
                )
        return ws

    import_json = import_backup  # the older name: it reads both formats


# -- helpers -------------------------------------------------------------


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _dumps(value: Any) -> str:
    """JSON text of ``value``; a value that is not JSON-able is a programming error."""
    return json.dumps(value, ensure_ascii=False)


def _b64(data: bytes) -> str:
    return base64.b64encode(bytes(data)).decode("ascii")


def _clean_name(name: str) -> str:
    name = " ".join(str(name).split())
    if not 1 <= len(name) <= MAX_NAME_CHARS:
        raise InputError("store.bad_name", max=MAX_NAME_CHARS)
    return name


def merge_texts(theirs: str, mine: str) -> str:
    """One text holding both edits of a field that two people changed at once.

    When one text already contains the other (someone only added to it), the
    longer one is kept; otherwise the stored text comes first and the new one
    follows on its own line — nothing typed is dropped.
    """
    if not theirs.strip() or theirs.strip() in mine:
        return mine
    if not mine.strip() or mine.strip() in theirs:
        return theirs
    return theirs.rstrip("\n") + "\n" + mine


def _is_view_key(key: str) -> bool:
    return key in _VIEW_KEYS or key.startswith(_VIEW_PREFIXES)


def _values(con: sqlite3.Connection, ws: str) -> dict[str, Any]:
    rows = con.execute("SELECT key, value FROM kv WHERE ws = ? ORDER BY key", (ws,))
    return {k: json.loads(v) for k, v in rows}


def _answers(con: sqlite3.Connection, ws: str) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    rows = con.execute("SELECT step, field, text FROM answers WHERE ws = ? ORDER BY step", (ws,))
    for step, field, text in rows:
        out.setdefault(step, {})[field] = text
    return out


def _insert_values(con: sqlite3.Connection, ws: str, vals: dict[str, Any]) -> None:
    con.executemany(
        "INSERT INTO kv (ws, key, value) VALUES (?, ?, ?)",
        [(ws, k, _dumps(v)) for k, v in vals.items()],
    )


def _insert_answers(con: sqlite3.Connection, ws: str, answers: dict[str, dict[str, str]]) -> None:
    con.executemany(
        "INSERT INTO answers (ws, step, field, text) VALUES (?, ?, ?, ?)",
        [(ws, s, f, txt) for s, fields in answers.items() for f, txt in fields.items()],
    )
