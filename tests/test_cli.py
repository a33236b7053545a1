"""`python -m icp`: the command-line contract from DESIGN.md.

The commands run in-process (``icp.cli.main`` with captured output), which is
what the user's shell would see on stdout/stderr plus the exit status; one
smoke test runs the real ``python -m icp`` in a subprocess.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest

from icp.cli import main
from icp.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAAS = ROOT / "sample_data" / "saas_customers_en.xlsx"
EQUIP = ROOT / "sample_data" / "equipment_customers_zh.xlsx"


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """``cli("analyze", path, …)`` runs one command in-process and returns its exit status
    and output; ``env_dir`` points ICP_DATA_DIR (the workspace folder) somewhere else."""

    def run(*args: str, env_dir: Path | None = None) -> Run:
        if env_dir is not None:
            monkeypatch.setenv("ICP_DATA_DIR", str(env_dir))
        capsys.readouterr()  # drop anything printed before
        code = main(list(args))
        out, err = capsys.readouterr()
        return Run(code, out, err)

    return run


def test_python_m_icp_runs_as_a_user_would():
    proc = subprocess.run(
        [sys.executable, "-m", "icp", "analyze", str(SAAS), "--json", "-"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["rows"] == 320
    bad = subprocess.run(
        [sys.executable, "-m", "icp", "frobnicate"], cwd=ROOT, capture_output=True, text=True
    )
    _assert_one_error_line(Run(bad.returncode, bad.stdout, bad.stderr))


def _assert_one_error_line(proc: Run) -> str:
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def test_analyze_json_has_the_contract_and_finds_the_planted_traits(cli):
    proc = cli("analyze", str(SAAS), "--json", "-")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["rows"] == 320
    assert {"name", "type", "role"} <= set(out["columns"][0])
    assert out["best"]["mode"] == "top" and out["best"]["n"] == 10
    assert len(out["best"]["names"]) == 10
    assert {"ltv_cac", "sales_cycle_days", "employees"} <= set(out["kpis"])
    assert out["kpis"]["sales_cycle_days"]["best"] < out["kpis"]["sales_cycle_days"]["rest"]
    top = {(t["column"], t["value"]) for t in out["traits"][:3]}
    assert ("Industry", "Manufacturing") in top
    for key in ("best_share", "rest_share", "lift", "best_count", "rest_count", "p_value"):
        assert key in out["traits"][0]
    for nt in out["numeric"]:  # ranking inputs (ACV, cycle …) define best: never findings here
        assert {"column", "best_median", "rest_median", "low", "high", "separation"} <= set(nt)
        assert nt["column"] not in out["definition"]["defining_columns"]
    sentence = out["definition"]["sentence"]
    assert sentence.startswith("Best = the top 10 of those whose “Status” is Won (")
    assert isinstance(out["leads"], list)
    assert isinstance(out["warnings"], list)


def test_analyze_chinese_top_n_and_outcome(cli):
    proc = cli("analyze", str(EQUIP), "--top", "5", "--lang", "zh", "--json", "-")
    out = json.loads(proc.stdout)
    assert out["best"]["n"] == 5 and len(out["best"]["names"]) == 5
    assert any(t["value"] == "生产型" for t in out["traits"])
    proc = cli("analyze", str(EQUIP), "--outcome", "--json", "-")
    assert json.loads(proc.stdout)["best"]["mode"] == "outcome"


def test_analyze_readable_summary_without_json(cli):
    proc = cli("analyze", str(SAAS))
    assert proc.returncode == 0
    assert "320 customers" in proc.stdout and "Manufacturing" in proc.stdout
    # the definition comes first, then every finding with its count and interval
    lines = proc.stdout.splitlines()
    assert lines[1].startswith("Best = the top 10 of those whose “Status” is Won (")
    assert "9 of your best 10 (60–98%) are Industry = Manufacturing" in proc.stdout
    zh = cli("analyze", str(EQUIP), "--lang", "zh")
    assert "最佳 = " in zh.stdout and "人员规模为「50-100人」" in zh.stdout


def test_unusable_inputs_exit_2_with_one_error_line(tmp_path: Path, cli):
    png = tmp_path / "photo.xlsx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 200)
    assert "PNG" in _assert_one_error_line(cli("analyze", str(png), "--json", "-"))
    _assert_one_error_line(cli("analyze", str(tmp_path / "missing.xlsx")))
    _assert_one_error_line(cli("analyze", str(SAAS), "--top", "0"))
    _assert_one_error_line(cli("analyze", str(SAAS), "--sheet", "Nope"))
    _assert_one_error_line(cli("frobnicate"))
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    _assert_one_error_line(cli("analyze", str(empty)))


def test_chinese_error_message(tmp_path: Path, cli):
    png = tmp_path / "photo.xlsx"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 200)
    line = _assert_one_error_line(cli("analyze", str(png), "--lang", "zh"))
    assert any("\u4e00" <= ch <= "\u9fff" for ch in line)


def test_workspace_list_export_import_round_trip(tmp_path: Path, cli):
    data = tmp_path / "data"
    store = Store(data)
    ws = store.create("Workshop Shenzhen")
    store.set_answer(ws, "S7", "statement", "我们的理想客户是生产型企业")
    listing = cli("workspace", "list", env_dir=data)
    assert listing.stdout.split("\t")[0] == ws and "Workshop Shenzhen" in listing.stdout
    out = tmp_path / "ws.json"
    assert cli("workspace", "export", ws, "--out", str(out), env_dir=data).returncode == 0
    other = tmp_path / "other"
    proc = cli("workspace", "import", str(out), env_dir=other)
    assert proc.returncode == 0, proc.stderr
    new_id = proc.stdout.strip()
    assert Store(other).answers(new_id)["S7"]["statement"] == "我们的理想客户是生产型企业"
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"hello": 1}')
    _assert_one_error_line(cli("workspace", "import", str(bogus), env_dir=other))
    _assert_one_error_line(cli("workspace", "export", "nope", "--out", str(out), env_dir=data))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_score_writes_a_formula_safe_sorted_xlsx(tmp_path: Path, lang: str, cli):
    prospects = tmp_path / "prospects.csv"
    prospects.write_text(
        "Company,Industry,Employees,Previous solution,Contact title\n"
        '=HYPERLINK("http://evil"),Manufacturing,200,Spreadsheets,VP Operations\n'
        "Beta Shops,Retail,15,None,Store manager\n"
        "Gamma Works,Manufacturing,250,Spreadsheets,VP Operations\n",
        encoding="utf-8",
    )
    out = tmp_path / "scored.xlsx"
    proc = cli("score", str(SAAS), "--prospects", str(prospects), "--out", str(out), "--lang", lang)
    assert proc.returncode == 0, proc.stderr
    wb = openpyxl.load_workbook(out)
    rows = list(wb.active.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == 3
    assert header[0] == "Company"  # the prospect's name first, then the fit score
    scores = [r[1] for r in body]
    assert all(isinstance(s, int) for s in scores) and scores == sorted(scores, reverse=True)
    assert {r[2] for r in body} <= {"A", "B", "C", "D"}
    for row in wb.active.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
    company = list(header).index("Company")
    assert '=HYPERLINK("http://evil")' in {r[company] for r in body}
    assert body[-1][company] == "Beta Shops"  # the retail shop fits least


def test_analyze_joins_a_separate_deals_file(tmp_path: Path, cli):
    accounts = tmp_path / "accounts.csv"
    accounts.write_text(
        "Account name,Sector,Employees\n"
        + "".join(f"Company {i:02d},{['Retail', 'Food'][i % 2]},{10 + i}\n" for i in range(30)),
        encoding="utf-8",
    )
    deals = tmp_path / "deals.csv"
    deals.write_text(
        "Account,Stage,Amount,Created,Close date\n"
        + "".join(
            f"company {i % 30:02d},{['Closed Won', 'Closed Lost'][i % 3 == 0]},{1000 + i},"
            "2024-01-01,2024-02-01\n"
            for i in range(90)
        ),
        encoding="utf-8",
    )
    proc = cli("analyze", str(accounts), "--deals", str(deals), "--json", "-")
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["rows"] == 30
    assert any("30 of 30 accounts matched" in w for w in out["warnings"])
    roles = {c["role"] for c in out["columns"]}
    assert {"value", "outcome", "cycle_days"} <= roles
