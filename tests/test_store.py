"""Workspaces survive restarts, concurrent writers, restores and a trip through one file."""

from __future__ import annotations

import base64
import errno
import hashlib
import json
import multiprocessing
import os
import sqlite3
import threading
from pathlib import Path

import pytest

from icp.errors import InputError
from icp.i18n import t
from icp.store import Store, data_dir, merge_texts, version_label

XLSX = b"PK\x03\x04" + bytes(range(256)) * 40  # stands in for an uploaded workbook
OPTIONS = {"sheet": "Deals", "header_row": 2}
MAPPING = [  # as the app stores it (icp.schema.Mapping.to_list)
    {"name": "Company", "type": "text", "role": "name", "sep": None, "include": True},
    {"name": "ARR", "type": "number", "role": "value", "sep": None, "include": True},
]


def _fill(store: Store, name: str = "Acme workshop") -> str:
    ws = store.create(name)
    store.set_source(
        ws, filename="客户.xlsx", data=XLSX, options={"sheet": "Deals", "header_row": 2}
    )
    store.set_value(ws, "mapping", MAPPING)
    store.set_value(ws, "settings", {"top": 10, "weights": {"value": 0.5}})
    store.set_value(ws, "ui.step", "S3")
    store.set_answer(ws, "S1", "criteria", "High ARR, short cycle")
    store.set_answer(ws, "S2", "industry", "制造业\n(equipment)")
    store.set_answer(ws, "P1", "title", "Head of Ops")
    return ws


def test_data_dir_follows_env_and_is_created(tmp_path, monkeypatch):
    target = tmp_path / "nested" / "data"
    monkeypatch.setenv("ICP_DATA_DIR", str(target))
    assert data_dir() == target and target.is_dir()
    Store()
    assert (target / "workbench.db").exists()


def test_default_data_dir_is_in_home(tmp_path, monkeypatch):
    monkeypatch.delenv("ICP_DATA_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert data_dir() == tmp_path / ".icp-workbench"
    assert data_dir().is_dir()


def test_database_is_in_wal_mode():
    store = Store()
    with sqlite3.connect(store.path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_everything_survives_a_restart():
    ws = _fill(Store())
    again = Store()  # a new server process would do exactly this
    info = again.info(ws)
    assert info is not None and info.name == "Acme workshop"
    assert again.get_source(ws) == ("客户.xlsx", XLSX, OPTIONS)
    assert again.get_value(ws, "mapping") == MAPPING
    assert again.get_value(ws, "ui.step") == "S3"
    assert again.get_value(ws, "missing", "fallback") == "fallback"
    assert again.values(ws)["settings"] == {"top": 10, "weights": {"value": 0.5}}
    assert again.answers(ws) == {
        "S1": {"criteria": "High ARR, short cycle"},
        "S2": {"industry": "制造业\n(equipment)"},
        "P1": {"title": "Head of Ops"},
    }


def test_answers_and_values_overwrite_in_place():
    store = Store()
    ws = store.create("w")
    store.set_answer(ws, "S4", "pain", "first draft")
    store.set_answer(ws, "S4", "pain", "")
    store.set_answer(ws, "S4", "pain", "final")
    store.set_value(ws, "lang", "zh")
    store.set_value(ws, "lang", "en")
    assert store.answers(ws) == {"S4": {"pain": "final"}}
    assert store.values(ws) == {"lang": "en"}


def test_ids_are_short_and_url_safe():
    store = Store()
    ids = {store.create(f"w{i}") for i in range(20)}
    assert len(ids) == 20
    assert all(6 <= len(i) <= 12 and all(c.isalnum() or c in "-_" for c in i) for i in ids)


def test_source_version_counts_uploads_and_files_are_stored_once():
    store = Store()
    ws = store.create("w")
    assert store.source_version(ws) == 0 and store.get_source(ws) is None
    store.set_source(ws, filename="a.csv", data=b"a,b\n1,2\n", options={})
    store.set_source(ws, filename="a.csv", data=b"a,b\n1,2\n", options={"header_row": 0})
    assert store.source_version(ws) == 2
    assert store.get_source(ws) == ("a.csv", b"a,b\n1,2\n", {"header_row": 0})
    sha = hashlib.sha256(b"a,b\n1,2\n").hexdigest()  # the UI's cache key, without the file
    assert store.source_ref(ws) == (sha, "a.csv", '{"header_row": 0}')
    assert store.blob(sha) == b"a,b\n1,2\n"
    assert store.source_ref(store.create("empty")) is None and store.source_ref("nope") is None
    store.snapshot(ws, "one")
    store.snapshot(ws, "two")
    with sqlite3.connect(store.path) as con:
        assert con.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1


def test_list_is_most_recently_changed_first_and_every_write_counts():
    store = Store()
    a, b, c = store.create("a"), store.create("b"), store.create("c")
    assert [w.id for w in store.list()] == [c, b, a]
    before = store.info(a).updated_at
    store.set_answer(a, "S1", "x", "typed")
    assert store.info(a).updated_at > before
    assert [w.id for w in store.list()] == [a, c, b]
    store.set_value(b, "settings", {})
    assert [w.id for w in store.list()] == [b, a, c]
    store.rename(c, "  Renamed   workshop ")
    assert store.list()[0].id == c and store.info(c).name == "Renamed workshop"
    store.snapshot(a, "v1")
    assert store.list()[0].id == a
    store.set_source(b, filename="f.csv", data=b"x", options={})
    assert store.list()[0].id == b
    created = store.info(b).created_at
    assert created.endswith("+00:00") and created < store.info(b).updated_at


def test_delete_removes_workspace_and_its_unshared_file():
    store = Store()
    keep, gone = _fill(store, "keep"), _fill(store, "gone")
    store.set_source(gone, filename="other.csv", data=b"only here", options={})
    store.snapshot(gone, "v")
    store.delete(gone)
    assert store.info(gone) is None
    assert [w.id for w in store.list()] == [keep]
    assert store.answers(gone) == {} and store.values(gone) == {} and store.versions(gone) == []
    assert store.get_source(keep)[1] == XLSX  # shared bytes stay for the other workspace
    with sqlite3.connect(store.path) as con:
        assert con.execute("SELECT count(*) FROM blobs").fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM answers WHERE ws = ?", (gone,)).fetchone()[0] == 0


def test_unknown_workspace_reads_empty_and_writes_refuse():
    store = Store()
    assert store.info("nope") is None
    assert store.get_source("nope") is None
    assert store.source_version("nope") == 0
    assert store.get_value("nope", "mapping", {}) == {}
    assert store.values("nope") == {} and store.answers("nope") == {}
    assert store.versions("nope") == []
    writes = [
        lambda: store.rename("nope", "x"),
        lambda: store.delete("nope"),
        lambda: store.set_source("nope", filename="a.csv", data=b"a", options={}),
        lambda: store.set_value("nope", "k", 1),
        lambda: store.set_answer("nope", "S1", "f", "lost?"),
        lambda: store.snapshot("nope", "v"),
        lambda: store.restore("nope", 1),
        lambda: store.export_json("nope"),
    ]
    for write in writes:
        with pytest.raises(InputError) as err:
            write()
        assert err.value.msg.key == "store.no_workspace" and err.value.msg.params["id"] == "nope"
    assert store.list() == []


def test_bad_names_are_refused():
    store = Store()
    for name in ["", "   ", "x" * 121]:
        with pytest.raises(InputError) as err:
            store.create(name)
        assert err.value.msg.key == "store.bad_name"
    assert store.list() == []


def test_versions_restore_and_undo_of_restore():
    store = Store()
    ws = _fill(store)
    v1 = store.snapshot(ws, "after S2")
    store.set_answer(ws, "S1", "criteria", "Changed my mind")
    store.set_answer(ws, "S5", "new", "added later")
    store.set_value(ws, "settings", {"top": 25})
    store.set_source(ws, filename="v2.csv", data=b"new,file\n", options={"header_row": 0})
    store.set_value(ws, "ui.step", "S5")
    store.set_value(ws, "lang", "zh")
    v2 = store.snapshot(ws, "after S5")
    assert [v.id for v in store.versions(ws)] == [v2, v1]

    sv = store.source_version(ws)
    store.restore(ws, v1)
    assert store.answers(ws)["S1"] == {"criteria": "High ARR, short cycle"}
    assert "S5" not in store.answers(ws)
    assert store.get_value(ws, "settings") == {"top": 10, "weights": {"value": 0.5}}
    assert store.get_source(ws) == ("客户.xlsx", XLSX, OPTIONS)
    assert store.source_version(ws) > sv  # the UI's cache must notice the file changed
    sha, name, options = store.source_ref(ws)
    assert sha == hashlib.sha256(XLSX).hexdigest() and name == "客户.xlsx"
    assert json.loads(options) == OPTIONS
    # the user stays where they are: page/step and language are not content
    assert store.get_value(ws, "ui.step") == "S5" and store.get_value(ws, "lang") == "zh"

    newest = store.versions(ws)[0]
    assert newest.label == "store.before_restore" and newest.id > v2
    assert version_label(newest.label, "en") == "Before restore"
    assert version_label(newest.label, "zh") == "恢复前自动保存"
    assert version_label("after S2", "zh") == "after S2"

    store.restore(ws, newest.id)  # undo the restore
    assert store.answers(ws)["S1"] == {"criteria": "Changed my mind"}
    assert store.answers(ws)["S5"] == {"new": "added later"}
    assert store.get_value(ws, "settings") == {"top": 25}
    assert store.get_source(ws)[:2] == ("v2.csv", b"new,file\n")


def test_restore_of_a_version_from_another_workspace_is_refused():
    store = Store()
    a, b = _fill(store, "a"), _fill(store, "b")
    va = store.snapshot(a, "mine")
    with pytest.raises(InputError) as err:
        store.restore(b, va)
    assert err.value.msg.key == "store.no_version"
    assert store.versions(b) == []  # no "before restore" left behind either


def test_export_import_round_trip():
    store = Store()
    ws = _fill(store)
    store.snapshot(ws, "first")
    store.set_source(ws, filename="second.csv", data=b"a;b\n1;2\n", options={"sep": ";"})
    store.set_answer(ws, "S7", "statement", "Mid-size 制造业 firms with long cycles")
    store.snapshot(ws, "second")
    blob = store.export_json(ws)

    doc = json.loads(blob)
    assert doc["format"] == "icp-workbench-workspace" and doc["version"] == 1
    assert doc["name"] == "Acme workshop" and doc["exported_at"].endswith("+00:00")
    assert base64.b64decode(doc["source"]["data_base64"]) == b"a;b\n1;2\n"

    other = Store(Path(os.environ["ICP_DATA_DIR"]) / "elsewhere")  # another machine
    new = other.import_json(blob)
    assert other.info(new).name == "Acme workshop"
    assert other.get_source(new) == store.get_source(ws)
    assert other.values(new) == store.values(ws)
    assert other.get_value(new, "mapping") == MAPPING
    assert other.answers(new) == store.answers(ws)
    assert [v.label for v in other.versions(new)] == ["second", "first"]
    other.restore(new, other.versions(new)[1].id)  # the old file came along too
    assert other.get_source(new) == ("客户.xlsx", XLSX, OPTIONS)

    again = store.import_json(blob)  # importing into the same store makes a copy
    assert again != ws and len(store.list()) == 2


def test_export_of_empty_workspace_round_trips():
    store = Store()
    ws = store.create("empty")
    doc = json.loads(store.export_json(ws, versions=False))
    assert doc["source"] is None and doc["values"] == {} and doc["answers"] == {}
    assert "versions" not in doc
    new = store.import_json(json.dumps(doc).encode())
    assert store.get_source(new) is None and store.answers(new) == {}


def _variants() -> dict[str, bytes]:
    store = Store()
    good = json.loads(store.export_json(_fill(store)))
    store.delete(store.list()[0].id)

    def changed(**kw):
        return json.dumps({**good, **kw}).encode()

    return {
        "garbage": os.urandom(2048),
        "xlsx": XLSX,
        "empty": b"",
        "other json": json.dumps({"rows": [1, 2, 3]}).encode(),
        "json list": b"[1, 2, 3]",
        "truncated": json.dumps(good).encode()[:-40],
        "wrong marker": changed(format="something-else"),
        "future version": changed(version=2),
        "version as text": changed(version="1"),
        "name not text": changed(name=42),
        "answers not text": changed(answers={"S1": {"x": 5}}),
        "values not a dict": changed(values=[1]),
        "bad base64": changed(source={**good["source"], "data_base64": "%%%not base64"}),
        "version file missing": changed(
            versions=[
                {
                    "label": "x",
                    "created_at": "2024-01-01T00:00:00+00:00",
                    "source": {"filename": "a.csv", "sha256": "00", "options": {}},
                }
            ]
        ),
        "version sha not text": changed(
            versions=[
                {
                    "label": "x",
                    "created_at": "2024-01-01",
                    "source": {"filename": "a", "sha256": []},
                }
            ]
        ),
        "version date not a date": changed(
            versions=[{"label": "x", "created_at": "yesterday", "source": None}]
        ),
        "deep nesting": b"[" * 100_000 + b"]" * 100_000,
        "invalid utf-8": "\ud800".encode("utf-8", "surrogatepass"),
    }


def test_foreign_or_damaged_imports_are_refused_and_create_nothing():
    cases = _variants()
    store = Store()
    for label, blob in cases.items():
        with pytest.raises(InputError) as err:
            store.import_json(blob)
        # a JSON file cut short says where the JSON breaks; anything else is "not an export"
        expected = "store.bad_json" if label == "truncated" else "store.bad_import"
        assert err.value.msg.key == expected, label
    assert store.list() == []
    with sqlite3.connect(store.path) as con:
        for table in ("workspaces", "kv", "answers", "versions", "blobs"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    message = t("store.bad_import", "en", limit=100)
    assert "not an ICP Workbench workspace export" in message
    assert "导入失败" in t("store.bad_import", "zh", limit=100)


def test_oversized_import_is_refused(monkeypatch):
    import icp.backup

    store = Store()
    blob = store.export_json(_fill(store))
    monkeypatch.setattr(icp.backup, "MAX_IMPORT_MB", len(blob) / 1024 / 1024 / 2)
    with pytest.raises(InputError) as err:
        store.import_json(blob)
    assert err.value.msg.key == "store.bad_import"
    assert len(store.list()) == 1


# -- concurrent writers -------------------------------------------------------

PER_WRITER = 200


def _write_answers(root: str, ws: str, writer: str) -> None:
    store = Store(root)  # what a separate server process or phone session would do
    for i in range(PER_WRITER):
        store.set_answer(ws, "S2", f"{writer}-{i}", f"note {i} from {writer}")
        if i % 50 == 0:
            store.set_value(ws, f"votes.{writer}", i)


def _write_with(store: Store, ws: str) -> None:
    store.set_value(ws, "from", "child")
    os._exit(0 if store.get_value(ws, "from") == "child" else 1)


def test_a_thread_reuses_its_connection_until_the_file_changes(tmp_path, monkeypatch):
    """A page run's calls share one connection per thread; a database replaced behind
    the store (a restored copy), another thread and a forked child each get their own,
    and the child leaves the parent's connection working."""
    opened: list[int] = []
    real_connect = Store._connect

    def counted(self):
        opened.append(threading.get_ident())
        return real_connect(self)

    store = Store(tmp_path)
    ws = store.create("Reused")
    monkeypatch.setattr(Store, "_connect", counted)
    for i in range(20):
        store.set_value(ws, "n", i)
        assert store.get_value(ws, "n") == i
    assert opened == []  # the connection create() left open served all forty calls

    other = threading.Thread(target=lambda: store.set_value(ws, "n", "thread"))
    other.start()
    other.join()
    assert len(opened) == 1 and opened[0] != threading.get_ident()
    assert store.get_value(ws, "n") == "thread" and len(opened) == 1

    child = multiprocessing.get_context("fork").Process(target=_write_with, args=(store, ws))
    child.start()
    child.join(60)
    assert child.exitcode == 0
    assert store.get_value(ws, "from") == "child" and len(opened) == 1
    store.set_value(ws, "after", "fork")  # the parent's connection still writes
    assert Store(tmp_path).get_value(ws, "after") == "fork"

    # a copy put in place of the database file (its own WAL emptied into it first)
    copy = Store(tmp_path / "copy")
    copy_ws = copy.create("The restored copy")
    copy.set_value(copy_ws, "n", "copy")
    for folder in (tmp_path, tmp_path / "copy"):
        with sqlite3.connect(folder / "workbench.db") as con:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    os.replace(tmp_path / "copy" / "workbench.db", tmp_path / "workbench.db")
    before = len(opened)
    assert [w.name for w in store.list()] == ["The restored copy"]
    assert store.get_value(copy_ws, "n") == "copy" and len(opened) == before + 1


def test_concurrent_threads_and_processes_lose_no_write():
    root = os.environ["ICP_DATA_DIR"]
    shared = Store(root)  # threads share one Store, like Streamlit sessions do
    ws = shared.create("workshop")
    # forked, not spawned: a spawned child imports this module and the store's (pandas,
    # pydantic) again, a second of CPU each; a forked one is as separate a process and
    # opens its own connections (the one this thread's store kept is never used there)
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_write_answers, args=(root, ws, f"proc{i}")) for i in range(2)]
    for p in procs:
        p.start()
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def thread_writer(name: str) -> None:
        try:
            start.wait()
            for i in range(PER_WRITER):
                shared.set_answer(ws, "S2", f"{name}-{i}", f"note {i} from {name}")
                if i % 50 == 0:
                    shared.set_value(ws, f"votes.{name}", i)
                    shared.answers(ws)  # readers interleave with the writers
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=thread_writer, args=(f"t{i}",)) for i in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    for p in procs:
        p.join(120)
    assert not errors
    assert [p.exitcode for p in procs] == [0, 0]

    notes = Store(root).answers(ws)["S2"]
    writers = [f"t{i}" for i in range(4)] + ["proc0", "proc1"]
    assert len(notes) == PER_WRITER * len(writers) == 1200
    for w in writers:
        assert notes[f"{w}-{PER_WRITER - 1}"] == f"note {PER_WRITER - 1} from {w}"
    assert shared.values(ws) == {f"votes.{w}": 150 for w in writers}


def test_catalogue_has_both_languages_for_store_keys():
    from icp.i18n.store import STRINGS

    wanted = ["workspace", "new", "rename", "delete", "snapshot", "restore", "versions"]
    wanted += ["export", "import", "bad_import", "no_workspace", "no_version", "bad_name"]
    for key in wanted:
        en, zh = STRINGS[f"store.{key}"]
        assert en and zh and en != zh


def test_ids_never_start_like_a_command_line_option(tmp_path):
    store = Store(tmp_path)
    ids = [store.create(f"w{i}") for i in range(300)]
    assert all(i[0].isalnum() for i in ids)


# ---------------------------------------------------------------- two writers, one field


def test_a_stale_writer_merges_instead_of_overwriting():
    store = Store()
    ws = store.create("Workshop")
    text, base_b = store.answer(ws, "S1", "best")  # B opens the page: empty, version 0
    assert (text, base_b) == ("", 0)
    _, base_a = store.answer(ws, "S1", "best")
    saved_a = store.set_answer(ws, "S1", "best", "Acme and Globex", base=base_a)
    assert (saved_a.version, saved_a.merged) == (1, False)

    saved_b = store.set_answer(ws, "S1", "best", "Initech", base=base_b)  # B still saw it empty

    assert saved_b.merged
    assert store.answers(ws)["S1"]["best"] == "Acme and Globex\nInitech"
    assert saved_b.text == "Acme and Globex\nInitech"
    assert store.answer(ws, "S1", "best") == (saved_b.text, 2)


def test_a_writer_that_only_added_to_the_latest_text_is_not_told_about_a_merge():
    store = Store()
    ws = store.create("Workshop")
    store.set_answer(ws, "S1", "best", "Acme")
    saved = store.set_answer(ws, "S1", "best", "Acme, Globex", base=0)
    assert not saved.merged
    assert store.answer(ws, "S1", "best") == ("Acme, Globex", 2)


def test_saving_the_same_text_again_changes_nothing():
    store = Store()
    ws = store.create("Workshop")
    store.set_answer(ws, "S1", "best", "Acme", base=0)
    before = store.info(ws).updated_at
    again = store.set_answer(ws, "S1", "best", "Acme", base=1)
    assert (again.version, again.merged) == (1, False)
    assert store.info(ws).updated_at == before


def test_merge_texts_keeps_both_sides():
    assert merge_texts("", "mine") == "mine"
    assert merge_texts("theirs", "") == "theirs"
    assert merge_texts("ab", "abc") == "abc"
    assert merge_texts("abc", "b") == "abc"
    assert merge_texts("theirs\n", "mine") == "theirs\nmine"


def test_a_version_1_database_gains_answer_versions(tmp_path):
    path = tmp_path / "workbench.db"
    con = sqlite3.connect(path)
    con.executescript(
        "CREATE TABLE workspaces (id TEXT PRIMARY KEY, name TEXT NOT NULL,"
        " created_at TEXT NOT NULL, updated_at TEXT NOT NULL, source_sha TEXT,"
        " source_filename TEXT, source_options TEXT,"
        " source_version INTEGER NOT NULL DEFAULT 0);"
        "CREATE TABLE answers (ws TEXT NOT NULL, step TEXT NOT NULL, field TEXT NOT NULL,"
        " text TEXT NOT NULL, PRIMARY KEY (ws, step, field)) WITHOUT ROWID;"
        "INSERT INTO workspaces VALUES ('w1', 'Old', '2026-01-01T00:00:00+00:00',"
        " '2026-01-01T00:00:00+00:00', NULL, NULL, NULL, 0);"
        "INSERT INTO answers VALUES ('w1', 'S1', 'best', 'kept');"
    )
    con.commit()
    con.close()
    store = Store(tmp_path)
    assert store.answer("w1", "S1", "best") == ("kept", 1)
    assert store.set_answer("w1", "S1", "best", "kept, more", base=1).version == 2


# ---------------------------------------------------------------- broken disks and databases


def test_a_full_disk_changes_nothing_and_says_so(tmp_path, monkeypatch):
    store = Store(tmp_path)
    ws = store.create("Full disk")
    store.set_source(ws, filename="old.csv", data=b"a,b\n1,2\n", options={})
    store.set_value(ws, "mapping", MAPPING)
    store.set_answer(ws, "S1", "best", "kept")
    real_put = Store._put_blob

    def full(con, data):  # the disk fills up half-way through the upload's transaction
        real_put(con, data)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Store, "_put_blob", staticmethod(full))
    with pytest.raises(InputError) as err:
        store.set_source(
            ws, filename="new.csv", data=b"x,y\n3,4\n", options={}, values={"mapping": None}
        )
    assert err.value.msg.key == "store.disk_full"
    assert "the disk is full" in err.value.message("en").lower()
    assert "磁盘已满" in err.value.message("zh")
    assert store.get_source(ws)[0] == "old.csv"  # not a new file with the old mapping
    assert store.get_value(ws, "mapping") == MAPPING
    assert store.answers(ws) == {"S1": {"best": "kept"}}


def test_sqlite_full_database_is_reported_as_a_full_disk(tmp_path, monkeypatch):
    store = Store(tmp_path)
    ws = store.create("Tiny disk")
    real_connect = Store._connect

    def tiny(self):
        con = real_connect(self)
        pages = con.execute("PRAGMA page_count").fetchone()[0]
        con.execute(f"PRAGMA max_page_count = {pages + 1}")
        return con

    monkeypatch.setattr(Store, "_connect", tiny)
    store = Store(tmp_path)  # a store whose connections are opened by tiny()
    with pytest.raises(InputError) as err:
        store.set_source(ws, filename="big.csv", data=os.urandom(200_000), options={})
    assert err.value.msg.key == "store.disk_full"
    assert store.get_source(ws) is None


def test_a_corrupt_database_names_the_store_and_is_never_overwritten(tmp_path):
    db = tmp_path / "workbench.db"
    junk = b"this is not a database " * 100
    db.write_bytes(junk)
    with pytest.raises(InputError) as err:
        Store(tmp_path)
    message = err.value.message("en")
    assert str(db) in message and "restore a backup" in message and "ICP_DATA_DIR" in message
    assert "Excel" not in message
    assert db.read_bytes() == junk


def test_a_data_folder_that_is_a_file_names_the_path(tmp_path):
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("oops")
    with pytest.raises(InputError) as err:
        Store(not_a_folder)
    assert str(not_a_folder) in err.value.message("en")


def test_data_folder_and_database_are_private(tmp_path, monkeypatch):
    folder = tmp_path / "fresh"
    monkeypatch.setenv("ICP_DATA_DIR", str(folder))
    store = Store()
    store.create("Private")
    assert folder.stat().st_mode & 0o777 == 0o700
    assert store.path.stat().st_mode & 0o777 == 0o600
