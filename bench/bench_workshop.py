"""Workshop load test: 30 phones post 10 notes and 3 dot votes each, at once, while
the room view keeps refreshing.  Nothing may be lost.

Participants are simulated at the ``icp.workshop`` layer — the same calls the
phone page makes — writing to one workspace database in a throwaway folder
(no network at all; the app's own HTTP layer is one Streamlit process, so the
writers are threads by default, as in the server, or separate processes with
``--processes`` to stress SQLite's file locking harder).  Each vote is sent
twice, as a double tap would.  A room reader polls the board every second
the way the room view does (session, clock, notes with tallies, findings)
and records when each note first appears.  Afterwards the real room page is
rendered in-process (Streamlit ``AppTest``) over the full board.

Bounded: 30 participants × (10 notes + 3 votes), a 60 s deadline for the
writes, 127.0.0.1 / local files only.  Exits 1 if a note or a vote is lost
or the deadline is missed.

    python bench/bench_workshop.py [--participants 30] [--notes 10] [--votes 3]
                                   [--processes] [--spread 0]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from icp.store import Store
from icp.workshop import Workshop, template

ROOT = Path(__file__).resolve().parent.parent

DEADLINE_S = 60.0
SEED_NOTES = 6


def _participant(args: tuple) -> list[tuple[str, float, float]]:
    """One phone: post its notes, then its votes (each sent twice). Returns
    (kind, start epoch, seconds) per write."""
    db, token, n_notes, votes, spread, start_at, seed = args
    w = Workshop(db)
    rng = random.Random(seed)
    # when each write is due: all at the start (burst) or at random moments in the window
    due = sorted(rng.uniform(0, spread) for _ in range(n_notes + len(votes)))
    out = []
    for i, at in enumerate(due):
        while time.time() < start_at + at:
            time.sleep(min(0.005, max(0.0, start_at + at - time.time())))
        if i < n_notes:
            t0 = time.time()
            w.post_once(token, f"note {seed}-{i}: {rng.choice(['ops', 'plants', 'ERP', 'growth'])}")
            out.append(("note", t0, time.time() - t0))
            continue
        for _ in range(2):  # double tap: the second must not count
            t0 = time.time()
            w.vote(token, note=votes[i - n_notes])
            out.append(("vote", t0, time.time() - t0))
    return out


def _room_reader(w: Workshop, ws: str, stop: threading.Event, seen: dict, reads: list) -> None:
    """Poll like the room view: every second read everything the slide shows."""
    while not stop.is_set():
        t0 = time.time()
        w.session(ws)
        w.timer(ws)
        notes = w.notes(ws)
        w.findings(ws)
        now = time.time()
        reads.append(now - t0)
        for n in notes:
            seen.setdefault(n.id, now)
        stop.wait(1.0)


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def _room_page_ms(data_dir: str, ws: str) -> list[float]:
    """Render the real room page (app.py → views/room.py) in-process, 3 times."""
    os.environ["ICP_DATA_DIR"] = data_dir
    times = []
    for _ in range(3):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params["ws"] = ws
        at.run()
        at.switch_page("views/room.py")
        t0 = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - t0) * 1000)
        assert not at.exception, at.exception
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--participants", type=int, default=30)
    ap.add_argument("--notes", type=int, default=10)
    ap.add_argument("--votes", type=int, default=3)
    ap.add_argument("--processes", action="store_true", help="one OS process per phone")
    ap.add_argument(
        "--spread",
        type=float,
        default=0.0,
        help="seconds over which each phone's writes fall at random (0 = all at once)",
    )
    ap.add_argument("--no-page", action="store_true", help="skip rendering the room page")
    a = ap.parse_args()
    n_people = min(a.participants, 200)
    n_notes = min(a.notes, 100)

    tmp = tempfile.mkdtemp(prefix="icp-bench-workshop-")
    store = Store(tmp)
    ws = store.create("Load test")
    sample = ROOT / "sample_data" / "saas_customers_en.xlsx"
    store.set_source(ws, filename=sample.name, data=sample.read_bytes(), options={})
    w = Workshop(store.path)
    s = w.start(ws, agenda=template(60))
    w.go(ws, "S2")
    people = [w.join(s.code, f"P{i:02d}") for i in range(n_people)]
    seeds = [w.add_note(ws, f"seed {i}", author="Facilitator").id for i in range(SEED_NOTES)]
    rng = random.Random(7)
    jobs = [
        (
            str(store.path),
            p.token,
            n_notes,
            rng.sample(seeds, min(a.votes, len(seeds))),
            min(a.spread, DEADLINE_S - 5),
            0.0,
            i,
        )
        for i, p in enumerate(people)
    ]

    stop, seen, reads = threading.Event(), {}, []
    reader = threading.Thread(target=_room_reader, args=(w, ws, stop, seen, reads))
    reader.start()
    start_at = time.time() + 0.5
    jobs = [(*j[:5], start_at, j[6]) for j in jobs]
    if a.processes:
        with mp.get_context("fork").Pool(n_people) as pool:
            results = pool.map(_participant, jobs, chunksize=1)
    else:
        results: list = [None] * n_people

        def run(i: int) -> None:
            results[i] = _participant(jobs[i])

        threads = [threading.Thread(target=run, args=(i,)) for i in range(n_people)]
        for th in threads:
            th.start()
        for th in threads:
            th.join(DEADLINE_S)
    wall = time.time() - start_at
    time.sleep(2.2)  # two more room polls
    stop.set()
    reader.join()

    writes = [r for rs in results if rs for r in rs]
    latencies = [d for _, _, d in writes]
    board = w.notes(ws)
    notes_stored = sum(1 for n in board if n.author != "Facilitator")
    votes_stored = sum(n.votes for n in board)
    expected_notes, expected_votes = n_people * n_notes, n_people * min(a.votes, SEED_NOTES)
    # a note's visibility delay on the room view: first poll that saw it − its insert
    committed = {}
    for n in board:
        committed[n.id] = n.created_at
    delays = [seen[i] - committed[i] for i in committed if i in seen and i not in seeds]

    mode = "processes" if a.processes else "threads"
    print(f"\n{n_people} participants × ({n_notes} notes + {a.votes} votes, each vote sent twice)")
    when = f"spread over {a.spread:.0f} s" if a.spread else "all at once (burst)"
    print(f"writers: {mode}; writes {when}; data dir {tmp}")
    print("| measure | value |\n|---|---|")
    print(f"| notes stored / sent | {notes_stored} / {expected_notes} |")
    print(f"| votes tallied / sent (double taps not counted) | {votes_stored} / {expected_votes} |")
    print(f"| writes (incl. the 2nd tap of each vote) | {len(writes)} |")
    print(f"| all writes done in | {wall:.2f} s |")
    print(f"| p50 write | {statistics.median(latencies) * 1000:.1f} ms |")
    print(f"| p95 write (target ≤ 200 ms) | {_pct(latencies, 0.95) * 1000:.1f} ms |")
    print(f"| slowest write | {max(latencies) * 1000:.1f} ms |")
    print(
        f"| room board read while writing: median / max "
        f"({len(reads)} polls) | {statistics.median(reads) * 1000:.1f} / "
        f"{max(reads) * 1000:.1f} ms |"
    )
    if delays:
        print(
            f"| note visible on the room view after (max; polls every 1 s) | {max(delays):.2f} s |"
        )
    if not a.no_page:
        page = _room_page_ms(tmp, ws)
        print(
            f"| room page render, {len(board)} notes (AppTest, median of 3) | "
            f"{statistics.median(page):.0f} ms |"
        )
    ok = notes_stored == expected_notes and votes_stored == expected_votes and wall <= DEADLINE_S
    print("\nOK: nothing lost" if ok else "\nFAILED: writes lost or deadline missed")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
