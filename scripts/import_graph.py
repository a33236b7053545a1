"""Print the import graph of the engine package ``icp/``: cycles, imports that
run back up, and function-local imports.

Why: the layering rule ("imports point down, no function-local import to
dodge a cycle") is easy to break one edit at a time and hard to see by
reading files. This walks the source with ``ast`` (nothing is imported or
executed) so it is fast and safe to run anywhere, and ``tests/test_imports.py``
keeps the numbers at zero.

Definitions used:
- an *edge* A → B is any ``import``/``from … import`` of one ``icp`` module
  by another, at module level or inside a function;
- a *cycle* is a strongly connected group of two or more modules over all
  edges (a function-local import still closes a circle: it only hides it);
- the *floor* of a module is 0 for modules without ``icp`` imports at module
  level, else one more than the highest floor it imports at module level;
- an import *runs back up* when a function-local edge A → B targets a module
  that itself depends on A (directly or through others): it could not be
  written at module level without closing a circle, so it is hidden in a
  function — the pattern the layering rule forbids;
- *function-local* imports are listed with their kind: ``icp`` (internal) or
  third-party / standard library. Third-party ones may stay lazy for startup
  speed when marked with a ``# lazy: startup speed`` comment.

Usage: ``python scripts/import_graph.py [--package icp] [--json]``
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Edge:
    """One import of an ``icp`` module by another."""

    source: str
    target: str
    line: int
    local: bool  # inside a function body


@dataclass(frozen=True)
class LocalImport:
    """One import statement inside a function body."""

    module: str
    line: int
    target: str
    internal: bool
    marked_lazy: bool  # the line (or the one above) says "lazy: startup speed"


@dataclass(frozen=True)
class Graph:
    modules: list[str]
    edges: list[Edge]
    local_imports: list[LocalImport]


def _module_name(path: Path, root: Path) -> str:
    rel = path.relative_to(root).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """Absolute module name a ``from`` import refers to."""
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _owner(name: str, modules: set[str]) -> str | None:
    """The longest known module that ``name`` is or lies inside."""
    parts = name.split(".")
    for i in range(len(parts), 0, -1):
        candidate = ".".join(parts[:i])
        if candidate in modules:
            return candidate
    return None


def _function_ranges(tree: ast.AST) -> list[tuple[int, int]]:
    return [
        (n.lineno, n.end_lineno or n.lineno)
        for n in ast.walk(tree)
        if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
    ]


def _type_checking_ranges(tree: ast.AST) -> list[tuple[int, int]]:
    """``if TYPE_CHECKING:`` blocks: annotations only, never run, so not an arrow."""
    return [
        (n.lineno, n.end_lineno or n.lineno)
        for n in ast.walk(tree)
        if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test)
    ]


def build(package: str = "icp", root: Path = ROOT) -> Graph:
    """Parse every module under ``root/package`` and collect its imports."""
    files = sorted((root / package).rglob("*.py"))
    names = {_module_name(f, root): f for f in files}
    known = set(names)
    edges: list[Edge] = []
    local_imports: list[LocalImport] = []
    for module, path in names.items():
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        tree = ast.parse(source, filename=str(path))
        ranges = _function_ranges(tree)
        typing_only = _type_checking_ranges(tree)
        is_package = path.name == "__init__.py"
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _resolve(node, module, is_package)
                # ``from icp import rank`` names a module; ``from icp.x import y`` a name.
                targets = [
                    f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names
                ]
            else:
                continue
            if any(a <= node.lineno <= b for a, b in typing_only):
                continue
            local = any(a <= node.lineno <= b for a, b in ranges)
            for target in dict.fromkeys(targets):
                owner = _owner(target, known)
                if owner is not None and owner != module:
                    edges.append(Edge(module, owner, node.lineno, local))
                if local:
                    text = lines[node.lineno - 1] + (
                        lines[node.lineno - 2] if node.lineno > 1 else ""
                    )
                    local_imports.append(
                        LocalImport(
                            module,
                            node.lineno,
                            owner or target,
                            owner is not None,
                            "lazy: startup speed" in text,
                        )
                    )
    return Graph(sorted(names), edges, local_imports)


def cycles(graph: Graph) -> list[list[str]]:
    """Strongly connected groups of two or more modules (Tarjan's algorithm)."""
    adjacency: dict[str, set[str]] = {m: set() for m in graph.modules}
    for e in graph.edges:
        adjacency[e.source].add(e.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(adjacency[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    sys.setrecursionlimit(max(1000, 10 * len(graph.modules)))
    for m in graph.modules:
        if m not in index:
            visit(m)
    return sorted(groups)


def floors(graph: Graph) -> dict[str, int]:
    """Floor of each module over module-level edges (a cycle shares one floor)."""
    top = {m: set() for m in graph.modules}
    for e in graph.edges:
        if not e.local:
            top[e.source].add(e.target)
    result: dict[str, int] = {}
    visiting: set[str] = set()

    def floor(m: str) -> int:
        if m in result:
            return result[m]
        if m in visiting:  # module-level cycle: count it once
            return 0
        visiting.add(m)
        value = 1 + max((floor(t) for t in top[m]), default=-1)
        visiting.discard(m)
        result[m] = value
        return value

    for m in graph.modules:
        floor(m)
    return result


def _reaches(graph: Graph, start: str, goal: str) -> bool:
    adjacency: dict[str, set[str]] = {m: set() for m in graph.modules}
    for e in graph.edges:
        adjacency[e.source].add(e.target)
    seen, todo = {start}, [start]
    while todo:
        for nxt in adjacency[todo.pop()]:
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def back_up_imports(graph: Graph) -> list[Edge]:
    """Function-local ``icp`` imports whose target depends back on the importer."""
    return [e for e in graph.edges if e.local and _reaches(graph, e.target, e.source)]


def report(graph: Graph) -> dict[str, object]:
    circles = cycles(graph)
    back_up = back_up_imports(graph)
    local = graph.local_imports
    return {
        "modules": len(graph.modules),
        "edges": len({(e.source, e.target) for e in graph.edges}),
        "floors": max(floors(graph).values(), default=-1) + 1,
        "cycles": circles,
        "back_up_imports": [asdict(e) for e in back_up],
        "local_imports": [asdict(i) for i in local],
        "local_internal": sum(i.internal for i in local),
        "local_internal_unmarked": sum(i.internal and not i.marked_lazy for i in local),
        "local_unmarked_third_party": sum(not i.internal and not i.marked_lazy for i in local),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", default="icp")
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    args = parser.parse_args(argv)
    data = report(build(args.package))
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(
        f"{data['modules']} modules, {data['edges']} import arrows, {data['floors']} floors\n"
        f"cycles: {len(data['cycles'])}"
    )
    for group in data["cycles"]:
        print("  " + " ↔ ".join(group))
    print(f"imports that run back up: {len(data['back_up_imports'])}")
    for e in data["back_up_imports"]:
        print(f"  {e['source']}:{e['line']} → {e['target']}")
    local = data["local_imports"]
    print(
        f"function-local imports: {len(local)} — {data['local_internal']} of icp modules "
        f"({data['local_internal_unmarked']} not marked 'lazy: startup speed'), "
        f"{len(local) - data['local_internal']} of other libraries "
        f"({data['local_unmarked_third_party']} not marked)"
    )
    for i in local:
        kind = ("icp" if i["internal"] else "lib") + (", lazy" if i["marked_lazy"] else "")
        print(f"  {i['module']}:{i['line']} {i['target']} [{kind}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
