"""No file can take the server down: hostile files are read in a limited worker process.

The corpus (tests/hostile_files.py) is generated at test time.  Each file
must end with a clear outcome — a translated refusal or a table — inside the
worker's limits (1.5 GB of resident memory, CPU and wall time; nothing here
asserts a time), with this process (standing in for the server) alive and
unharmed; through the CLI each gives exit status 2
and exactly one ``error:`` line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import types
from pathlib import Path

import pyarrow
import pytest
from hostile_files import CORPUS

from icp import bookcheck, worker
from icp.dataset import Dataset
from icp.errors import InputError
from icp.store import Store

ROOT = Path(__file__).resolve().parent.parent
# Small enough to keep the suite quick, large enough for every legitimate sample.
TEST_LIMITS = {"ICP_WORKER_MEMORY_MB": "1536", "ICP_WORKER_CPU_S": "8", "ICP_WORKER_WALL_S": "12"}


@pytest.fixture
def limited(monkeypatch):
    for k, v in TEST_LIMITS.items():
        monkeypatch.setenv(k, v)


@pytest.mark.parametrize("case", list(CORPUS))
def test_hostile_file_gets_a_clear_outcome_and_the_server_lives(case, limited):
    filename, make = CORPUS[case]
    data = make()
    start = time.monotonic()
    try:
        outcome = worker.open_dataset(data, filename=filename)
    except InputError as exc:
        outcome = exc
    elapsed = time.monotonic() - start

    # The worker's own limits (12 s wall here, tested below) bound the time; this only
    # catches a hang, far above them, so a loaded machine cannot fail it.
    assert elapsed < 120, f"{case} took {elapsed:.1f} s"
    if isinstance(outcome, InputError):
        for lang in ("en", "zh"):
            text = outcome.message(lang)
            assert text and outcome.msg.key not in text  # a catalogue message, not a bare key
    else:
        assert isinstance(outcome, Dataset)
    # the "server" still works: a normal file reads fine right after
    ok = worker.open_dataset(b"Company,Revenue\nAcme,10\nGlobex,20\n", filename="ok.csv")
    assert list(ok.table.columns) == ["Company", "Revenue"]


def test_limits_are_what_the_messages_say(limited):
    assert worker.limits() == worker.Limits(memory_mb=1536, cpu_seconds=8, wall_seconds=12.0)
    msg = InputError("worker.memory", limit="1.5 GB")
    assert "needs more than 1.5 GB" in msg.message("en")
    assert "1.5 GB" in msg.message("zh")


def test_a_runaway_parse_is_stopped_by_the_wall_clock():
    lim = worker.Limits(memory_mb=1536, cpu_seconds=60, wall_seconds=1.0)
    with pytest.raises(InputError) as err:
        worker.run(time.sleep, 30, lim=lim)
    assert err.value.msg.key == "worker.timeout"


def test_a_servers_reader_runs_below_it_and_on_at_most_two_threads():
    """A big or hostile file takes only the CPU the other sessions leave idle."""
    ours = os.nice(0)
    assert worker.run(os.nice, 0) == min(19, ours + worker.NICE) > ours
    assert worker.run(os.nice, 0, fork=True) == ours  # the CLI: no other session to give way to
    assert worker.run(pyarrow.cpu_count) == worker.READER_THREADS <= 2


def test_input_errors_cross_the_process_boundary_in_both_languages():
    with pytest.raises(InputError) as err:
        worker.open_dataset(b"", filename="empty.csv")
    assert err.value.message("zh") != err.value.message("en")


def _assert_one_error_line(rc: int, stderr: str) -> None:
    assert rc == 2, stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr


@pytest.mark.parametrize("case", list(CORPUS))
def test_cli_gives_status_2_and_one_error_line(case, tmp_path, limited, monkeypatch, capfd):
    """In-process (``icp.cli.main``, as ``python -m icp`` calls it; the file is still read
    in the limited child process): the exit status and what reaches the terminal, the
    child's output included (``capfd``). The real interpreter runs in the test below."""
    from icp.cli import main as cli_main

    filename, make = CORPUS[case]
    path = tmp_path / filename
    path.write_bytes(make())
    monkeypatch.setenv("ICP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ICP_DEBUG", raising=False)
    capfd.readouterr()
    rc = cli_main(["analyze", str(path)])
    _assert_one_error_line(rc, capfd.readouterr().err)


@pytest.mark.parametrize("case", [c for c in CORPUS if CORPUS[c][0].endswith(".xlsx")])
def test_cli_scanning_a_workbook_first_refuses_it_in_the_same_words(
    case, tmp_path, limited, monkeypatch, capfd
):
    """A big workbook is scanned in a first worker (``icp.bookcheck.prescan``); a file
    that scan refuses is refused by the reader as before, with the same one line."""
    from icp.cli import main as cli_main

    filename, make = CORPUS[case]
    path = tmp_path / filename
    path.write_bytes(make())
    monkeypatch.setenv("ICP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("ICP_DEBUG", raising=False)
    errors = []
    for least in (10**12, 0):  # without the first worker, then with it
        monkeypatch.setattr(bookcheck, "PRESCAN_MIN_BYTES", least)
        capfd.readouterr()
        rc = cli_main(["analyze", str(path)])
        err = capfd.readouterr().err
        _assert_one_error_line(rc, err)
        errors.append(err)
    assert errors[0] == errors[1]


def test_python_m_icp_gives_status_2_and_one_error_line_for_a_hostile_file(tmp_path):
    """One case through a fresh ``python -m icp`` (its worker limits from the environment)."""
    filename, make = CORPUS["xlsx_far_cell"]
    path = tmp_path / filename
    path.write_bytes(make())
    env = {**os.environ, **TEST_LIMITS, "ICP_DATA_DIR": str(tmp_path / "data")}
    env.pop("ICP_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "icp", "analyze", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    _assert_one_error_line(proc.returncode, proc.stderr)


def _export_with(filename: str, data: bytes) -> bytes:
    store = Store()
    ws = store.create("Poisoned")
    store.set_source(ws, filename=filename, data=data, options={})
    return store.export_json(ws)


def test_an_import_embedding_a_hostile_file_is_refused_and_creates_nothing(limited):
    filename, make = CORPUS["xlsx_last_row_without_r"]
    blob = _export_with(filename, make())
    store = Store()
    before = {w.id for w in store.list()}
    with pytest.raises(InputError) as err:
        store.import_json(blob, check_file=worker.check_source)
    assert err.value.msg.key.startswith(("worker.", "load."))
    assert {w.id for w in store.list()} == before


def test_cli_deletes_a_workspace(tmp_path, monkeypatch, capsys):
    """In-process (``icp.cli.main``); test_cli.py runs the real ``python -m icp``."""
    from icp.cli import main as cli_main

    monkeypatch.setenv("ICP_DATA_DIR", str(tmp_path))
    ws = Store(tmp_path).create("Doomed")
    assert cli_main(["workspace", "delete", ws]) == 0, capsys.readouterr().err
    assert Store(tmp_path).info(ws) is None
    capsys.readouterr()
    assert cli_main(["workspace", "delete", ws]) == 2
    again = capsys.readouterr()
    assert again.err.startswith("error: ")
    assert json.dumps(ws) not in again.out


def test_reading_a_file_does_not_run_the_app_script_again(tmp_path, monkeypatch):
    """multiprocessing re-runs the parent's main script in each child; in the app that
    is app.py (it opens the store, may create a workspace) — the worker must not."""
    marker = tmp_path / "ran"
    script = tmp_path / "page.py"
    script.write_text(f"open({str(marker)!r}, 'w').close()\n")
    fake_main = types.ModuleType("__main__")
    fake_main.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", fake_main)
    ok = worker.open_dataset(b"Company,Revenue\nAcme,10\n", filename="ok.csv")
    assert list(ok.table.columns) == ["Company", "Revenue"]
    assert not marker.exists()


@pytest.mark.parametrize(
    ("case", "key"),
    [
        ("csv_single_line", "worker.long_line"),
        ("csv_huge_cell", "worker.long_line"),
        ("csv_wide", "worker.too_many_columns"),
    ],
)
def test_text_files_no_table_has_are_refused_before_any_parse(case, key):
    """With the production limits (no test overrides): the shape alone is refused, with
    the line or the column count named — not a minute later by the CPU or wall limit."""
    filename, make = CORPUS[case]
    with pytest.raises(InputError) as err:
        worker.open_dataset(make(), filename=filename)
    assert err.value.msg.key == key
    text = err.value.message("en")
    assert (
        ("Line 1 " in text or "Line 2 " in text) if key == "worker.long_line" else "16384" in text
    )
    assert err.value.message("zh") != text


def test_a_long_line_is_measured_across_blocks_and_a_long_normal_file_passes():
    rows = b"".join(f"Firm {i},{i},Retail\n".encode() for i in range(400_000))
    worker.precheck(b"Company,Revenue,Industry\n" + rows)  # 8 MB of short lines: fine
    worker.precheck(b"Company,Note\nAcme," + b"x" * (worker.MAX_LINE_BYTES - 10) + b"\n")
    with pytest.raises(InputError) as err:
        worker.precheck(b"Company,Note\r\n" + rows[:1000] + b"x" * (worker.MAX_LINE_BYTES + 5))
    assert err.value.msg.key == "worker.long_line"
    assert "Line 58 " in err.value.message("en")  # 1 header + 56 rows + the cut one
