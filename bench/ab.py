"""Paired A/B runner: whole processes, alternating, medians and the ratio per pair.

    python bench/ab.py floor-xlsx  [--pairs 3] [--before DIR]
    python bench/ab.py floor-csv   [--pairs 3] [--before DIR]
    python bench/ab.py cli-analyze [--pairs 5] --before DIR
    python bench/ab.py cli-report  [--pairs 5] --before DIR

The machine is shared, so one absolute time means little; what is fair is a
ratio between two commands run back to back under the same load.  Every
round runs each command once as a fresh process (order alternates between
rounds so neither always runs second) and records wall time, CPU time and
peak RSS.  The runner is a child subreaper, so the command's helper processes
(the limited reader process the CLI starts, its forkserver) are reaped here
too: CPU is user + sys summed over the whole process tree, the peak RSS is
that of the largest process in it, and "main" is the command's own process.

* ``floor-*``: A = ``python -m icp analyze FILE --json /dev/null`` in this
  tree, B = the reader's floor (fastexcel read + ``to_pandas`` for the xlsx,
  pyarrow ``read_csv`` + ``to_pandas`` for the CSV).  ``--before DIR`` adds
  the same analyze from another tree (e.g. a ``git archive`` of main) to
  every round, so before, after and floor share one run.
* ``cli-*``: the 320-row English sample through ``analyze`` / ``report
  --pdf`` cold, ``--before DIR`` against this tree.  All runs share one
  temporary ``ICP_DATA_DIR`` (so a picture cache is warm after the first,
  untimed run); ``--fresh-data`` gives every run an empty one instead.

The system load (``/proc/loadavg``) is printed before and after.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from common import CSV, ROOT, XLSX, make_csv, make_xlsx

SAMPLE = ROOT / "sample_data" / "saas_customers_en.xlsx"

FLOOR_XLSX = (
    "import fastexcel,sys; r=fastexcel.read_excel(sys.argv[1]); "
    "names=r.sheet_names; best=None\n"
    "for n in names:\n"
    "    s=r.load_sheet(n)\n"
    "    best = s if best is None or s.height>best.height else best\n"
    "df=best.to_arrow().to_pandas(); print(df.shape)"
)
FLOOR_CSV = "import pyarrow.csv as c,sys; df=c.read_csv(sys.argv[1]).to_pandas(); print(df.shape)"


@dataclass
class Run:
    wall: float
    cpu: float  # the whole process tree
    rss_mb: float  # the largest process of the tree
    main_cpu: float  # the command's own process
    main_rss_mb: float


@dataclass
class Cmd:
    label: str
    argv: list[str]
    cwd: Path
    runs: list[Run] = field(default_factory=list)


def _run(cmd: Cmd, fresh: bool = False) -> Run:
    env = dict(os.environ)
    if fresh:  # a data folder of its own: no picture cached by an earlier run
        env["ICP_DATA_DIR"] = tempfile.mkdtemp(prefix="icp-ab-")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd.argv, cwd=cmd.cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, ru = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu, rss = ru.ru_utime + ru.ru_stime, ru.ru_maxrss
    main_cpu, main_rss = cpu, ru.ru_maxrss
    while True:  # descendants left behind (a forkserver exits when its parent has)
        try:
            _, _, sub = os.wait4(-1, 0)
        except ChildProcessError:
            break
        cpu += sub.ru_utime + sub.ru_stime
        rss = max(rss, sub.ru_maxrss)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{cmd.label} failed (rc {proc.returncode}): {err[-2000:]}")
    return Run(wall, cpu, rss / 1024, main_cpu, main_rss / 1024)


def _subreaper() -> None:
    """Orphaned descendants of a command become our children (Linux prctl), to be reaped."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _load() -> str:
    return Path("/proc/loadavg").read_text().split(" ")[0:3].__str__()


def _cases(case: str, before: Path | None, tmp: Path) -> list[Cmd]:
    py = sys.executable
    trees = [("before", before)] if before else []
    trees.append(("after", ROOT))
    if case in ("floor-xlsx", "floor-csv"):
        path = make_xlsx() if case == "floor-xlsx" else make_csv()
        assert path in (XLSX, CSV)
        cmds = [
            Cmd(
                f"analyze ({name})",
                [py, "-m", "icp", "analyze", str(path), "--json", os.devnull],
                tree,
            )
            for name, tree in trees
        ]
        floor = FLOOR_XLSX if case == "floor-xlsx" else FLOOR_CSV
        cmds.append(Cmd("floor", [py, "-c", floor, str(path)], ROOT))
        return cmds
    if before is None:
        raise SystemExit(f"{case} compares two trees: give --before DIR")
    if case == "cli-analyze":
        tail = ["analyze", str(SAMPLE), "--json", os.devnull]
    else:
        tail = ["report", str(SAMPLE), "--pdf", str(tmp / "out.pdf")]
    return [Cmd(f"{case[4:]} ({name})", [py, "-m", "icp", *tail], tree) for name, tree in trees]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("case", choices=["floor-xlsx", "floor-csv", "cli-analyze", "cli-report"])
    ap.add_argument("--pairs", type=int, default=3)
    ap.add_argument("--before", type=Path, help="another tree (e.g. a git archive of main)")
    ap.add_argument(
        "--fresh-data", action="store_true", help="each run its own ICP_DATA_DIR (cold caches)"
    )
    args = ap.parse_args()
    _subreaper()
    with tempfile.TemporaryDirectory() as tmp:
        env_dir = Path(tmp)
        os.environ.setdefault("ICP_DATA_DIR", str(env_dir / "data"))
        cmds = _cases(args.case, args.before, env_dir)
        print(f"# {args.case}: {args.pairs} rounds; load before {_load()}")
        for _ in range(1):  # one untimed warm run each: page cache, .pyc files
            for c in cmds:
                _run(c)
        for i in range(args.pairs):
            order = cmds if i % 2 == 0 else cmds[::-1]
            for c in order:
                c.runs.append(_run(c, fresh=args.fresh_data))
            row = "  ".join(f"{c.label} {c.runs[-1].wall:.2f}s" for c in cmds)
            print(
                f"round {i + 1}: {row}  ratio {cmds[0].runs[-1].wall / cmds[-1].runs[-1].wall:.2f}"
                + (
                    f" / {cmds[-2].runs[-1].wall / cmds[-1].runs[-1].wall:.2f}"
                    if len(cmds) == 3
                    else ""
                )
            )
        print(f"# load after {_load()}")
        print("| command | wall | CPU (all processes) | CPU (main) | peak RSS (largest / main) |")
        print("|---|---:|---:|---:|---:|")
        for c in cmds:
            med = {k: statistics.median(getattr(r, k) for r in c.runs) for k in vars(c.runs[0])}
            print(
                f"| {c.label} | {med['wall']:.2f} s | {med['cpu']:.2f} s | {med['main_cpu']:.2f} s"
                f" | {med['rss_mb']:.0f} / {med['main_rss_mb']:.0f} MB |"
            )
        base = cmds[-1]
        for c in cmds[:-1]:
            ratios = [a.wall / b.wall for a, b in zip(c.runs, base.runs, strict=True)]
            cpu_r = [a.cpu / b.cpu for a, b in zip(c.runs, base.runs, strict=True)]
            print(
                f"ratio {c.label} / {base.label}: per round "
                + ", ".join(f"{r:.2f}" for r in ratios)
                + f"; median wall {statistics.median(ratios):.2f}x,"
                + f" CPU {statistics.median(cpu_r):.2f}x"
            )


if __name__ == "__main__":
    main()
