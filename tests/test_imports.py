"""The engine's import graph keeps its floors: no circles, nothing that climbs
back up, and no function-local import except a marked lazy one.

Read with ``scripts/import_graph.py`` (AST only, nothing is imported)."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script():
    """scripts/import_graph.py as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("import_graph", ROOT / "scripts/import_graph.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while being built
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def graph():
    mod = _script()
    return mod, mod.build("icp", ROOT)


def test_no_import_cycles(graph):
    mod, g = graph
    assert mod.cycles(g) == []


def test_no_import_runs_back_up(graph):
    mod, g = graph
    assert [f"{e.source}:{e.line} → {e.target}" for e in mod.back_up_imports(g)] == []


def test_every_function_local_import_is_a_marked_lazy_one(graph):
    _, g = graph
    unmarked = [f"{i.module}:{i.line} {i.target}" for i in g.local_imports if not i.marked_lazy]
    assert unmarked == []


def test_the_ground_floor_imports_nothing_above_it(graph):
    _, g = graph
    ground = {"icp.parse", "icp.fmt", "icp.errors", "icp.warm", "icp.zhdict"}
    allowed = {"icp.i18n", *ground}
    above = [f"{e.source} → {e.target}" for e in g.edges if e.source in ground]
    assert [a for a in above if a.split(" → ")[1] not in allowed] == []


def test_the_script_sees_a_planted_cycle(tmp_path):
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from pkg import b\n")
    (pkg / "b.py").write_text("def f():\n    from pkg import a\n    return a\n")
    mod = _script()
    g = mod.build("pkg", tmp_path)
    assert mod.cycles(g) == [["pkg.a", "pkg.b"]]
    assert [(e.source, e.target) for e in mod.back_up_imports(g)] == [("pkg.b", "pkg.a")]
    assert [i.target for i in g.local_imports if not i.marked_lazy] == ["pkg.a"]


# Where each name lives now; the old homes no longer re-export them.
_OLD_HOMES = {
    "icp.analysis": {"run"},  # the types: icp.model; number formats: icp.fmt
    # the cell parsers: icp.parse
    "icp.clean": {"clean", "band_cells", "CleanReport", "Cleaned", "ColumnReport"},
}


def test_types_formats_and_parsers_are_imported_from_their_own_modules():
    """``from icp.analysis import Settings`` or ``from icp.clean import parse_number`` would
    work by accident (the module uses the name); every import names the real home."""
    files = [ROOT / "app.py"]
    for folder in ("icp", "ui", "views", "tests", "bench", "scripts"):
        files += sorted((ROOT / folder).rglob("*.py"))
    # only a file whose text has such a line is parsed (most have none; parsing them all
    # was a second of CPU)
    named = re.compile(r"\bfrom\s+(" + "|".join(map(re.escape, _OLD_HOMES)) + r")\s+import\b")
    wrong = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        if not named.search(text):
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ImportFrom) and node.module in _OLD_HOMES:
                extra = {a.name for a in node.names} - _OLD_HOMES[node.module]
                if extra:
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} {sorted(extra)}")
    assert wrong == []
