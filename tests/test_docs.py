"""The README and docs say what the code does: every command, option, file and
module they name exists, so they cannot quietly go stale."""

from __future__ import annotations

import argparse
import inspect
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from icp import bands, cli, clouds, traits
from icp.i18n import t

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", ROOT / "bench" / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = cli._build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _options(parser: argparse.ArgumentParser) -> set[str]:
    """Option strings of a command and of its own sub-commands (``workspace export --out``)."""
    found = set(parser._option_string_actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= _options(sub)
    return found


def _cli_lines() -> list[str]:
    lines = []
    for doc in DOCS:
        lines += re.findall(r"python -m icp ([^`\n]+)", _text(doc))
    return lines


def _runnable_lines() -> list[str]:
    """``python -m icp …`` lines of the docs' code blocks that name real files (no
    ``INPUT`` / ``ID`` placeholders, no ``[optional]`` or ``a | b`` synopsis)."""
    lines = []
    for doc in DOCS:
        for line in re.findall(r"^python -m icp ([^`\n]+)$", _text(doc), re.M):
            if not re.search(r"\b[A-Z]{2,}\b|[|\[]", line):
                lines.append(line.strip())
    return lines


def test_the_docs_show_the_command_line():
    assert len(_cli_lines()) >= 4


@pytest.mark.parametrize("line", _cli_lines())
def test_every_cli_command_and_option_in_the_docs_exists(line: str):
    words = line.split()
    commands = _subparsers()
    assert words[0] in commands, f"python -m icp {line}"
    known = _options(commands[words[0]])
    for option in re.findall(r"(?<![\w-])--[a-z][a-z-]*", line):
        assert option in known, f"{option} in 'python -m icp {line}'"


def test_the_docs_have_examples_to_run():
    assert len(_runnable_lines()) >= 3


@pytest.mark.parametrize("line", _runnable_lines())
def test_every_example_command_in_the_docs_runs(line: str, tmp_path, monkeypatch, capsys):
    """Each example runs as written from the repository root (outputs go to a
    temporary folder that links ``sample_data/``): exit 0, and what it says it
    writes is there."""
    (tmp_path / "sample_data").symlink_to(ROOT / "sample_data")
    monkeypatch.chdir(tmp_path)
    args = shlex.split(line)
    assert cli.main(args) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    for flag in ("--pdf", "--out", "--json"):
        if flag in args and args[args.index(flag) + 1] != "-":
            assert (tmp_path / args[args.index(flag) + 1]).stat().st_size > 0
    if args[-1] == "-":
        assert json.loads(out)["rows"] > 0


def test_the_scripts_the_docs_show_run():
    """The cheap script the README names (the import graph) runs and exits 0."""
    done = subprocess.run(
        [sys.executable, "scripts/import_graph.py"], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "cycles: 0" in done.stdout


def test_the_documented_analyze_command_parses():
    args = cli._build_parser().parse_args(
        shlex.split("analyze in.xlsx --sheet S --deals d.csv --top 5 --outcome --lang zh --json -")
    )
    assert (args.command, args.top, args.outcome, args.lang, args.json) == (
        "analyze", 5, True, "zh", "-",
    )  # fmt: skip


def test_readme_test_command_and_its_files():
    readme = _text(ROOT / "README.md")
    command = "python -m pip install -r requirements-dev.txt && python -m pytest"
    assert command in readme
    assert command in _text(ROOT / ".ci" / "run")  # CI runs exactly what the README says
    dev = _text(ROOT / "requirements-dev.txt")
    assert "-r requirements.txt" in dev and re.search(r"^-e \.", dev, re.M)


def test_every_script_and_file_the_docs_name_exists():
    missing = []
    for doc in DOCS:
        text = _text(doc)
        for path in re.findall(r"python ((?:bench|scripts)/[\w./-]+\.py)", text):
            if not (ROOT / path).is_file():
                missing.append(f"{doc.name}: {path}")
        for path in re.findall(r"`((?:icp|ui|views|tests|bench|scripts)/[\w./-]+\.py)`", text):
            if not (ROOT / path).is_file():
                missing.append(f"{doc.name}: {path}")
    assert not missing, "\n".join(missing)


def test_every_engine_module_the_docs_name_exists():
    missing = []
    for doc in DOCS:
        for name in re.findall(r"`(icp(?:\.[a-z_0-9]+)+)", _text(doc)):
            parts = name.split(".")
            # icp.module or icp.module.function: the module file (or package) must exist
            if not any(
                (ROOT / Path(*parts[:i])).with_suffix(".py").is_file()
                or (ROOT / Path(*parts[:i]) / "__init__.py").is_file()
                for i in range(2, len(parts) + 1)
            ):
                missing.append(f"{doc.name}: {name}")
    assert not missing, "\n".join(missing)


def test_the_methods_note_names_the_correction_the_code_runs():
    default = inspect.signature(traits.categorical_traits).parameters["method"].default
    assert default == "holm"
    for lang in ("en", "zh"):
        note = t("report.methods.traits", lang, best_n=10, rest_n=90)
        assert "Holm" in note and "Benjamini" not in note
    assert "Benjamini–Hochberg false-discovery control at" not in (traits.__doc__ or "")
    assert "Holm" in _text(ROOT / "docs" / "architecture.md")


def test_the_numbers_and_clouds_notes_say_what_the_code_runs():
    """Number columns: a searched band tested by relabelling, Holm over the columns at the
    default alpha; clouds: Benjamini–Hochberg at the default q (the code calls bh_adjust,
    scipy's method="bh" repeated without importing scipy.stats)."""
    numeric = inspect.signature(traits.numeric_traits).parameters["alpha"].default
    q = inspect.signature(clouds.distinctive).parameters["q"].default
    assert "bh_adjust(" in inspect.getsource(clouds._significant)
    assert 'method="bh"' in inspect.getsource(clouds.bh_adjust)  # its docstring names it
    draws = f"{bands.DRAWS:,}"
    for lang in ("en", "zh"):
        note = t("report.methods.numeric", lang)
        assert "Holm" in note and f"{round(100 * numeric)}%" in note and draws in note
        assert "10–90" not in note and "10th–90th" not in note  # the old percentile band
        note = t("report.methods.clouds", lang)
        assert "Benjamini–Hochberg" in note and f"{round(100 * q)}%" in note
    assert f"{bands.DRAWS:,} random relabellings" in (traits.__doc__ or "")
    assert "10th–90th percentile of the" not in (traits.__doc__ or "")
