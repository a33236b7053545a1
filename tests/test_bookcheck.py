"""icp.bookcheck: a workbook's checks, and the CLI's scan in a first worker.

The CLI scans a big workbook in one limited worker while it imports the
reader's modules; the reading worker then trusts that scan for the same
bytes.  What a user would notice: the same analysis, the same refusals with
the same words, and the scan done once.
"""

from __future__ import annotations

import io
import json
import zipfile

import openpyxl
import pytest
from hostile_files import xlsx_far_cell

from icp import bookcheck, samples, worker
from icp.cli import main as cli_main
from icp.dataset import open_dataset
from icp.errors import InputError
from icp.load import workbook


def _workbook(rows: int = 300) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "客户"
    ws.append(["Company", "Industry", "ARR", "Won"])
    for i in range(rows):
        ws.append([f"Co {i}", ["SaaS", "Retail", "Bank"][i % 3], 1000 + 37 * i, i % 4 == 0])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.fixture
def scans(tmp_path, monkeypatch):
    """A file with one line per ``check_extents`` run, in this process or a forked worker."""
    log = tmp_path / "scans"
    log.write_text("")
    real = bookcheck.check_extents

    def spy(*args, **kwargs):
        with log.open("a") as fh:
            fh.write("scan\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(bookcheck, "check_extents", spy)
    monkeypatch.setattr(bookcheck, "FAST_MIN_ROWS", 0)  # 300 rows take the fast read
    return lambda: log.read_text().count("scan")


def test_the_cli_hands_a_big_workbooks_scan_to_the_reader_and_finds_the_same(tmp_path, monkeypatch):
    """The reader is handed the first worker's scan (which it trusts: the test below);
    a small workbook's reader scans it itself.  The analysis is the same."""
    path = tmp_path / "accounts.xlsx"
    path.write_bytes(_workbook())
    monkeypatch.setenv("ICP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(bookcheck, "FAST_MIN_ROWS", 0)  # 300 rows take the fast read
    handed = []
    real = samples.open_dataset

    def spy(src, **kwargs):
        handed.append(kwargs.get("scanned"))
        return real(src, **kwargs)

    monkeypatch.setattr(samples, "open_dataset", spy)
    monkeypatch.setattr(bookcheck, "PRESCAN_MIN_BYTES", 0)
    assert cli_main(["analyze", str(path), "--json", str(tmp_path / "a.json")]) == 0
    monkeypatch.setattr(bookcheck, "PRESCAN_MIN_BYTES", 10**12)  # as for a small file
    assert cli_main(["analyze", str(path), "--json", str(tmp_path / "b.json")]) == 0
    first, second = handed
    assert first.key == bookcheck.content_key(path.read_bytes())
    assert first.parts == {"客户": "xl/worksheets/sheet1.xml"}
    assert second is None
    a, b = (json.loads((tmp_path / f"{x}.json").read_text()) for x in "ab")
    assert a == b and a["rows"] == 300


def test_prescan_gives_a_scan_only_for_a_sound_workbook(tmp_path, monkeypatch):
    monkeypatch.setattr(bookcheck, "FAST_MIN_ROWS", 0)
    good = tmp_path / "good.xlsx"
    good.write_bytes(_workbook())
    scanned = bookcheck.prescan(str(good), 10**9)
    assert scanned is not None and scanned.parts == {"客户": "xl/worksheets/sheet1.xml"}
    assert scanned.heads["xl/worksheets/sheet1.xml"].count(b"</row>") == 100
    assert scanned.key == bookcheck.content_key(good.read_bytes())

    other = tmp_path / "notes.zip"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("notes.txt", "hello")
    hostile = tmp_path / "far.xlsx"
    hostile.write_bytes(xlsx_far_cell())
    text = tmp_path / "a.csv"
    text.write_text("Company,ARR\nAcme,1\n")
    for path in (other, hostile, text, tmp_path / "missing.xlsx"):
        assert bookcheck.prescan(str(path), 10**9) is None, path.name
    assert bookcheck.prescan(str(good), 1000) is None  # over the size limit: the reader says so


def test_a_scan_is_trusted_once_and_only_for_the_same_bytes(monkeypatch, scans):
    monkeypatch.setattr(workbook, "_BOOKS", type(workbook._BOOKS)())  # nothing opened before
    good = _workbook()
    bookcheck.trust(bookcheck.scan(good))
    assert scans() == 1
    with pytest.raises(InputError) as err:  # other bytes: checked, and refused
        open_dataset(xlsx_far_cell(), filename="far.xlsx")
    assert err.value.msg.key == "load.sheet_too_large"
    assert scans() == 2
    ds = open_dataset(good, filename="good.xlsx")
    assert len(ds.table) == 300 and scans() == 2  # the trusted scan stood in
    assert bookcheck.trusted(bookcheck.content_key(good)) is None  # used up


def test_a_text_file_starts_no_scanning_worker(tmp_path, monkeypatch):
    """Only a zip may be a workbook: a CSV is read by one worker, as before."""
    path = tmp_path / "accounts.csv"
    path.write_text("Company,ARR,Won\n" + "".join(f"Co {i},{i * 10},{i % 2}\n" for i in range(50)))
    monkeypatch.setenv("ICP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(bookcheck, "PRESCAN_MIN_BYTES", 0)
    started = []
    real = worker.start

    def spy(fn, *args, **kwargs):
        started.append(fn)
        return real(fn, *args, **kwargs)

    monkeypatch.setattr(worker, "start", spy)
    assert cli_main(["analyze", str(path), "--json", str(tmp_path / "a.json")]) == 0
    assert bookcheck.prescan not in started and len(started) == 1
