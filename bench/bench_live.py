"""Server CPU of a live workshop: the room view and N phones on one step.

    python bench/bench_live.py [--phones 10] [--notes 12] [--seconds 30] [--rounds 2]
                               [--before DIR] [--port 8660]

A real ``streamlit run app.py`` per tree on a workspace holding the English
sample, a session on S1 with ``--notes`` notes (12); headless Chromium opens the room view
(1920×1080) and N phone pages, each joined under its own name.  Then, per tree
(trees alternate which goes first), two windows of ``--seconds`` each:

* **idle**: nobody does anything (the facilitator talks);
* **voting**: one note is posted or a dot given every 2 s through
  ``icp.workshop`` (the calls a phone makes), so every screen must redraw.

Reported: the server process's CPU seconds (user + sys, ``/proc``) in each
window.  Chromium's CPU is not counted.  ``--before DIR`` runs a ``git
archive`` of another commit in the same rounds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import ROOT

SAMPLE = ROOT / "sample_data" / "saas_customers_en.xlsx"
CHROMIUM = os.environ.get("ICP_CHROMIUM", "/usr/bin/chromium")


def _cpu(pid: int) -> float:
    """User + sys seconds of a process and its reaped children, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _seed(data: Path, notes: int) -> None:
    """In the tree under test (a child process): a workspace on the sample, a session on S1
    with ``notes`` notes; prints the workspace id and the join code."""
    from icp.store import Store
    from icp.workshop import Workshop, template

    store = Store(data)
    ws = store.create("Live")
    store.set_source(ws, filename=SAMPLE.name, data=SAMPLE.read_bytes(), options={})
    w = Workshop(data / "workbench.db")
    w.start(ws, lang="en", agenda=template(60))
    w.go(ws, "S1")
    code = w.session(ws).code
    token = w.join(code, "Seed").token
    for i in range(notes):
        w.post(token, f"Seed note {i}")
    print(ws, code)


def _write(data: Path, code: str, seconds: float) -> None:
    """In the tree under test: a note every 4 s and a dot every 4 s, in turn, for ``seconds``."""
    from icp.workshop import Workshop

    w = Workshop(data / "workbench.db")
    token = w.join(code, "Writer").token
    for i in range(int(seconds / 2)):
        if i % 2 == 0:
            w.post(token, f"Live note {i}")
        else:
            voter = w.join(code, f"Voter {i}").token  # three dots each: a new voter per dot
            w.vote(voter, note=w.notes(w.resolve(code).ws)[-1].id)
        time.sleep(2)


def _child(tree: Path, env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [sys.executable, __file__, *args],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _tree_run(
    tree: Path, port: int, phones: int, notes: int, seconds: float
) -> tuple[float, float]:
    data = Path(tempfile.mkdtemp(prefix="icp-live-"))
    env = dict(os.environ, ICP_DATA_DIR=str(data), PYTHONPATH=str(tree))
    ws, join_code = _child(tree, env, "--seed", str(data), str(notes)).split()
    srv = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=tree,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            b = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            room = b.new_page(viewport={"width": 1920, "height": 1080})
            room.goto(f"{url}/room?ws={ws}")
            room.locator(".icp-counter").wait_for(timeout=120_000)
            for i in range(phones):
                phone = b.new_page(viewport={"width": 390, "height": 844})
                phone.goto(f"{url}/join?code={join_code}")
                phone.get_by_role("textbox", name="Your name").fill(f"P{i}")
                phone.get_by_role("button", name="Join").click()
                phone.locator(".icp-q").wait_for(timeout=120_000)
            time.sleep(5)  # every page drawn and polling
            c0 = _cpu(srv.pid)
            time.sleep(seconds)
            idle = _cpu(srv.pid) - c0
            c0 = _cpu(srv.pid)
            _child(tree, env, "--write", str(data), join_code, str(seconds))
            voting = _cpu(srv.pid) - c0
            b.close()
        return idle, voting
    finally:
        srv.terminate()
        srv.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)


def main() -> None:
    if sys.argv[1:2] == ["--seed"]:
        return _seed(Path(sys.argv[2]), int(sys.argv[3]))
    if sys.argv[1:2] == ["--write"]:
        return _write(Path(sys.argv[2]), sys.argv[3], float(sys.argv[4]))
    ap = argparse.ArgumentParser()
    ap.add_argument("--phones", type=int, default=10)
    ap.add_argument("--notes", type=int, default=12, help="notes on the board at the start")
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--before", type=Path)
    ap.add_argument("--port", type=int, default=8660)
    args = ap.parse_args()
    trees = [("after", ROOT)] + ([("before", args.before.resolve())] if args.before else [])
    results: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in trees}
    print("load before:", Path("/proc/loadavg").read_text().strip())
    for r in range(args.rounds):
        order = trees if r % 2 == 0 else trees[::-1]
        for name, tree in order:
            got = _tree_run(tree, args.port, args.phones, args.notes, args.seconds)
            results[name].append(got)
            print(f"round {r + 1} {name}: idle {got[0]:.2f} s CPU, voting {got[1]:.2f} s CPU")
    print("load after:", Path("/proc/loadavg").read_text().strip())
    for name, runs in results.items():
        idle = sorted(x for x, _ in runs)[len(runs) // 2]
        vote = sorted(y for _, y in runs)[len(runs) // 2]
        print(
            f"{name}: server CPU over {args.seconds:.0f} s, room + {args.phones} phones: "
            f"idle {idle:.2f} s, voting {vote:.2f} s (median of {len(runs)})"
        )


if __name__ == "__main__":
    main()
