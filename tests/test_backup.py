"""Backups always restore, and a hand-edited or hostile import is refused with the
field named and nothing created (icp/backup.py, Store.export_zip/import_backup)."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from icp import backup
from icp.cli import main as cli_main
from icp.errors import InputError, clip
from icp.i18n import t
from icp.store import Store

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = {"top_n": 12, "mode": "top", "weights": {"profit": 2.0}, "pins": ["Acme"]}
MAPPING = [{"name": "Company", "type": "text", "role": "name", "sep": None, "include": True}]


def _csv(rows: int, tag: str) -> bytes:
    lines = [f"Firm {tag} {i},{i * 37 % 1000},{'Retail' if i % 3 else 'Bank'}" for i in range(rows)]
    return ("Company,Revenue,Industry\n" + "\n".join(lines) + "\n").encode()


def _two_files_and_a_snapshot(store: Store) -> tuple[str, bytes, bytes]:
    ws = store.create("Backup test")
    first, second = _csv(20_000, "a"), _csv(20_000, "b")
    store.set_source(ws, filename="first.csv", data=first, options={"header_row": 0})
    store.set_value(ws, "settings", SETTINGS)
    store.set_value(ws, "mapping", MAPPING)
    store.set_answer(ws, "S1", "best", "Mid-size firms")
    store.snapshot(ws, "with the first file")
    store.set_source(ws, filename="second.csv", data=second, options={})
    store.snapshot(ws, "with the second file")
    store.set_answer(ws, "S1", "best", "Mid-size firms, now")
    return ws, first, second


def _entries(blob: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return zf.namelist()


def test_a_zip_export_keeps_each_file_once_and_imports_back_whole():
    store = Store()
    ws, first, second = _two_files_and_a_snapshot(store)
    blob = store.export_zip(ws)
    files = [n for n in _entries(blob) if n.startswith("files/")]
    assert len(files) == 2  # two distinct files, three references: stored once each
    assert len(blob) < len(first) + len(second)  # no base64, no copy per snapshot

    new = Store().import_backup(blob)
    assert store.get_source(new) == ("second.csv", second, {})
    assert store.get_value(new, "settings") == SETTINGS
    assert store.answers(new) == {"S1": {"best": "Mid-size firms, now"}}
    labels = [v.label for v in store.versions(new)]
    assert labels == ["with the second file", "with the first file"]
    store.restore(new, store.versions(new)[1].id)  # the older snapshot brings its own file back
    assert store.get_source(new) == ("first.csv", first, {"header_row": 0})
    assert store.answers(new) == {"S1": {"best": "Mid-size firms"}}


def test_an_older_json_backup_still_imports():
    store = Store()
    ws, _, second = _two_files_and_a_snapshot(store)
    old = store.export_json(ws)
    assert json.loads(old)["version"] == 1
    new = store.import_backup(old)
    assert store.get_source(new)[1] == second
    assert len(store.versions(new)) == 2


def _zip(doc: dict, files: dict[str, bytes] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("workspace.json", json.dumps(doc))
        for name, data in (files or {}).items():
            zf.writestr(name, data)
    return out.getvalue()


def _nothing_created(store: Store, before: int) -> None:
    assert len(store.list()) == before
    with sqlite3.connect(store.path) as con:
        assert con.execute("SELECT count(*) FROM versions").fetchone()[0] == 0


def test_a_zip_bomb_or_a_swapped_file_is_refused_and_creates_nothing(monkeypatch):
    store = Store()
    ws = store.create("Bomb")
    store.set_source(ws, filename="a.csv", data=_csv(50, "x"), options={})
    good = store.export_zip(ws)
    doc = json.loads(zipfile.ZipFile(io.BytesIO(good)).read("workspace.json"))
    sha = doc["source"]["sha256"]
    swapped = _zip(doc, {f"files/{sha}": b"Company\nsomething else\n"})
    missing = _zip(doc)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("workspace.json", json.dumps(doc))
        zf.writestr("files/" + "0" * 64, b"\0" * (8 * 1024 * 1024))
    store.delete(ws)
    monkeypatch.setattr(backup, "MAX_IMPORT_MB", 4)  # the bomb inflates to 8 MB from a few KB
    cases = {"swapped": swapped, "missing": missing, "bomb": bomb.getvalue()}
    for label, blob in cases.items():
        with pytest.raises(InputError) as err:
            store.import_backup(blob)
        assert err.value.msg.key == "store.bad_import", label
    _nothing_created(store, 0)


def _hand_edited(**changes) -> bytes:
    store = Store()
    ws = store.create("Edited by hand")
    store.set_value(ws, "settings", SETTINGS)
    store.set_value(ws, "mapping", MAPPING)
    store.snapshot(ws, "v1")
    doc = json.loads(store.export_json(ws))
    store.delete(ws)
    for path, value in changes.items():
        *parents, last = path.split("/")
        node = doc
        for p in parents:
            node = node[int(p)] if isinstance(node, list) else node.setdefault(p, {})
        node[int(last) if isinstance(node, list) else last] = value
    return json.dumps(doc).encode()


BAD = {  # what a hand edit broke -> the field the refusal must name, and its message key
    "ten for a number": (
        {"values/settings/top_n": "ten"},
        "values.settings.top_n",
        "store.bad_field.int",
    ),
    "unknown column type": (
        {"values/mapping/0/type": "numbr"},
        "values.mapping[0].type",
        "store.bad_field.choice",
    ),
    "mapping not a list": ({"values/mapping": "Company"}, "values.mapping", "store.bad_field.list"),
    "mode in a snapshot": (
        {"versions/0/values/settings/mode": "fastest"},
        "versions[0].values.settings.mode",
        "store.bad_field.choice",
    ),
    "negative top": (
        {"values/settings/top_n": -3},
        "values.settings.top_n",
        "store.bad_field.range",
    ),
    "language": ({"values/ui.lang": "fr"}, "values.ui.lang", "store.bad_field.choice"),
    "flag as text": ({"values/ui.present": "yes"}, "values.ui.present", "store.bad_field.bool"),
    "lifecycle days": (
        {"values/portraits.lifecycle": {"new_days": "ten"}},
        "values.portraits.lifecycle.new_days",
        "store.bad_field.int",
    ),
    "weight not a number": (
        {"values/settings/weights": {"profit": "high"}},
        "values.settings.weights.profit",
        "store.bad_field.number",
    ),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_hand_edited_import_names_the_wrong_field_and_creates_nothing(case):
    changes, field, key = BAD[case]
    blob = _hand_edited(**changes)
    store = Store()
    with pytest.raises(InputError) as err:
        store.import_backup(blob)
    assert err.value.msg.key == key
    for lang in ("en", "zh"):
        text = err.value.message(lang)
        assert field in text and "{" not in text.replace("{…}", "")
    _nothing_created(store, 0)


def test_a_lone_surrogate_says_what_is_wrong_and_where():
    blob = _hand_edited(**{"answers": {"S1": {"best": "ok \ud800 here"}}})
    assert b"\\ud800" in blob  # json.dumps escapes it: valid JSON, invalid text
    with pytest.raises(InputError) as err:
        Store().import_backup(blob)
    assert err.value.msg.key == "store.bad_field.surrogate"
    assert "answers.S1.best" in err.value.message("en")
    assert "\\ud800" in err.value.message("en")


def test_broken_json_says_where_it_breaks():
    blob = _hand_edited()
    cut = blob.replace(b'"values"', b'"values" 1', 1)
    with pytest.raises(InputError) as err:
        Store().import_backup(cut)
    assert err.value.msg.key == "store.bad_json"
    assert "line" in err.value.message("en") and "行" in err.value.message("zh")


def test_a_huge_value_is_not_quoted_back_in_full():
    blob = _hand_edited(**{"values/settings/top_n": "9" * 5_000_000 + "x"})
    with pytest.raises(InputError) as err:
        Store().import_backup(blob)
    assert len(err.value.message("en")) < 500
    assert len(clip("x" * 10_000)) == 200 and clip("a\udc80b") == "a\\udc80b"


def test_cli_exports_a_zip_and_imports_it_and_an_old_json_and_names_a_bad_field(tmp_path, capsys):
    """In-process (``icp.cli.main``, what the shell sees on stdout/stderr); the real
    ``python -m icp`` runs in a fresh interpreter in test_cli.py."""

    def cli(*args: str) -> tuple[int, str, str]:
        rc = cli_main(list(args))
        out = capsys.readouterr()
        return rc, out.out, out.err

    store = Store()
    ws, _, second = _two_files_and_a_snapshot(store)
    rc, _, err = cli("workspace", "export", ws, "--out", str(tmp_path / "b.zip"))
    assert rc == 0, err
    assert (tmp_path / "b.zip").read_bytes()[:2] == b"PK"
    rc, out, err = cli("workspace", "import", str(tmp_path / "b.zip"))
    assert rc == 0, err
    assert store.get_source(out.strip())[1] == second
    (tmp_path / "old.json").write_bytes(store.export_json(ws))
    assert cli("workspace", "import", str(tmp_path / "old.json"))[0] == 0
    before = len(store.list())
    (tmp_path / "bad.json").write_bytes(_hand_edited(**{"values/settings/top_n": "ten"}))
    rc, _, err = cli("workspace", "import", str(tmp_path / "bad.json"))
    assert rc == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "values.settings.top_n" in lines[0]
    assert len(store.list()) == before
    assert t("store.bad_field.int", "en", field="f", found="x").startswith("Import failed")
