"""A full room at once: 30 phones post 10 notes and 3 dots each while the room view reads.

The phones go through the calls the phone page makes (``Workshop.join``,
``post_once`` behind the Post button, ``vote`` behind a tap, ``room`` for its
poll) on one shared ``Workshop`` object, as the server's cached engine is
shared by every browser session's thread.  Every note is sent twice and
every dot tapped twice (a double tap, a retry).  Nothing may be lost or
doubled and the tally must be exactly what the phones voted; the room page
then shows the top-voted notes with those tallies.  No timing is asserted:
bench/bench_workshop.py measures speed.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from icp.errors import InputError
from icp.store import Store
from icp.workshop import Workshop, template

ROOT = Path(__file__).resolve().parent.parent
PEOPLE, NOTES, DOTS = 30, 10, 3
CARD_DOTS = r'</span><div class="who">.*?class="icp-dots"[^>]*>● (\d+)<'  # after a note's text
FINDINGS = [("f-industry", "Manufacturing: 8 of 10 best"), ("f-size", "200–1,000 staff")]


def _plan(i: int) -> list[tuple[str, object]]:
    """Participant ``i``'s three dots: two notes of others (uneven, so the order means
    something) and one finding on the slide.  Never twice the same target."""
    return [("note", (i % 3, 0)), ("note", (i % 7, 1)), ("finding", FINDINGS[i % 2][0])]


def _crowd(store: Store, ws: str) -> tuple[Workshop, dict[tuple[int, int], int]]:
    """Run the room; returns the engine and note id by (author index, note index)."""
    engine = Workshop(store.path)  # one object for every phone, as on the server
    s = engine.start(ws, agenda=template(60))
    engine.go(ws, "S2")
    engine.publish_findings(ws, "S2", FINDINGS)
    ids: dict[tuple[int, int], int] = {}
    ids_lock = threading.Lock()
    posted = threading.Barrier(PEOPLE)
    done = threading.Event()
    errors: list[BaseException] = []
    seen_counts: list[tuple[int, int, int]] = []

    def phone(i: int) -> None:
        try:
            me = engine.join(s.code, f"Person {i}")
            for k in range(NOTES):
                text = f"idea {k} from person {i}"
                note = engine.post_once(me.token, text)
                again = engine.post_once(me.token, f"  {text} ")  # double tap, other spacing
                assert again.id == note.id
                with ids_lock:
                    ids[(i, k)] = note.id
            posted.wait()  # everyone's notes exist before anyone votes
            for kind, target in _plan(i):
                for _tap in range(2):  # the second tap is the double tap
                    if kind == "note":
                        engine.vote(me.token, note=ids[target])  # type: ignore[index]
                    else:
                        engine.vote(me.token, finding=str(target))
                engine.room(me.token)  # the phone's poll
            with pytest.raises(InputError):  # a fourth dot: none left
                engine.vote(me.token, note=ids[((i + 1) % PEOPLE, 9)])
        except BaseException as exc:
            errors.append(exc)
            posted.abort()

    def room_view() -> None:
        """The projector polling the board while the phones write."""
        try:
            while not done.is_set():
                engine.notes(ws)
                engine.findings(ws)
                seen_counts.append(engine.counts(ws))
        except BaseException as exc:
            errors.append(exc)

    reader = threading.Thread(target=room_view)
    reader.start()
    phones = [threading.Thread(target=phone, args=(i,)) for i in range(PEOPLE)]
    for th in phones:
        th.start()
    for th in phones:
        th.join()
    done.set()
    reader.join()
    assert not errors, errors[:3]
    assert seen_counts == sorted(seen_counts)  # the room never saw anything disappear
    return engine, ids


def _expected(ids: dict[tuple[int, int], int]) -> tuple[Counter[int], Counter[str]]:
    notes: Counter[int] = Counter()
    findings: Counter[str] = Counter()
    for i in range(PEOPLE):
        for kind, target in _plan(i):
            if kind == "note":
                notes[ids[target]] += 1  # type: ignore[index]
            else:
                findings[str(target)] += 1
    return notes, findings


def test_thirty_phones_posting_and_voting_at_once_lose_nothing(tmp_path):
    store = Store(tmp_path)
    ws = store.create("Full room")
    engine, ids = _crowd(store, ws)

    assert engine.counts(ws) == (PEOPLE, PEOPLE * NOTES, PEOPLE * DOTS)
    board = engine.notes(ws)
    assert len(board) == PEOPLE * NOTES == len(set(ids.values()))
    assert {n.text for n in board} == {
        f"idea {k} from person {i}" for i in range(PEOPLE) for k in range(NOTES)
    }
    want_notes, want_findings = _expected(ids)
    assert {n.id: n.votes for n in board if n.votes} == dict(want_notes)
    assert {f.key: f.votes for f in engine.findings(ws)} == dict(want_findings)
    assert [n.votes for n in board] == sorted((n.votes for n in board), reverse=True)
    assert board[0].votes == max(want_notes.values())


@pytest.mark.slow
@pytest.mark.usefixtures("app_in_this_data_dir")  # the app's store is this test's (conftest)
def test_the_room_page_shows_the_full_rooms_tally():
    store = Store()  # the app's own data folder (ICP_DATA_DIR of this test)
    ws = store.create("Full room")
    engine, ids = _crowd(store, ws)
    want_notes = _expected(ids)[0]
    top = engine.notes(ws)[:6]

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["ws"] = ws
    at.run()
    at.switch_page("views/room.py")
    at.run()
    assert not at.exception, at.exception
    shown = "\n".join(m.value for m in at.markdown)
    for note in top:  # the top-voted notes, each with the dots the phones gave it
        card = re.search(re.escape(note.text) + CARD_DOTS, shown)
        assert card is not None, note.text
        assert int(card.group(1)) == want_notes[note.id] > 0
    assert f"+{PEOPLE * NOTES - 6} more notes" in shown
