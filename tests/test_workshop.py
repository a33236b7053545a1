"""icp.workshop: sessions, agenda, timers, notes, dot votes and what a join code grants."""

from __future__ import annotations

import threading

import pytest

from icp.errors import InputError
from icp.store import Store
from icp.workshop import (
    CODE_ALPHABET,
    TEMPLATES,
    AgendaItem,
    Workshop,
    fmt_clock,
    normalise_code,
    template,
)


@pytest.fixture
def db(tmp_path):
    store = Store(tmp_path)
    ws = store.create("Room")
    return store, Workshop(store.path), ws


def test_templates_fill_their_length():
    for minutes, items in TEMPLATES.items():
        assert sum(m for _, m in items) == minutes
    assert [a.screen for a in template(90)][-1] == "P7"


def test_start_gives_a_readable_code_and_the_first_screen(db):
    _, w, ws = db
    s = w.start(ws, lang="zh", agenda=template(30))
    assert len(s.code) == 6 and set(s.code) <= set(CODE_ALPHABET)
    assert s.screen == "best" and s.lang == "zh" and s.position() == (1, 6)
    assert w.resolve(s.code.lower()) == s  # typed in lower case on a phone
    assert w.resolve(f"{s.code[:3]}-{s.code[3:]}") is not None
    assert normalise_code(" ab-c 12 ") == "ABC12"


def test_next_and_previous_follow_the_agenda_and_stop_at_the_ends(db):
    _, w, ws = db
    w.start(ws, agenda=[AgendaItem("S1", 5), AgendaItem("S3", 5)])
    assert w.step(ws, -1).screen == "S1"
    assert w.step(ws, +1).screen == "S3"
    assert w.step(ws, +1).screen == "S3"
    assert w.go(ws, "P4").screen == "S3"  # not in the agenda: stays


def test_timer_survives_a_new_workshop_object_and_runs_over(db):
    store, w, ws = db
    w.start(ws, agenda=[AgendaItem("S1", 2), AgendaItem("S2", 3)], now=1000)
    w.toggle_timer(ws, now=1000)
    again = Workshop(store.path)  # a restarted server
    t = again.timer(ws)
    assert t.running and t.remaining(now=1030) == 90
    assert fmt_clock(t.remaining(now=1135)) == "+00:15"
    paused = again.toggle_timer(ws, now=1060)
    assert not paused.running and paused.remaining(now=5000) == 60


def test_moving_on_carries_a_running_clock_to_the_next_step(db):
    _, w, ws = db
    w.start(ws, agenda=[AgendaItem("S1", 2), AgendaItem("S2", 3)], now=0)
    w.toggle_timer(ws, now=0)
    w.step(ws, +1, now=50)
    assert w.timer(ws, "S1").remaining(now=500) == 70  # paused at 50 s
    assert w.timer(ws, "S2").running
    assert w.timer(ws, "S2").remaining(now=80) == 150


def test_clock_text():
    assert fmt_clock(300) == "05:00"
    assert fmt_clock(0.2) == "00:01"
    assert fmt_clock(-65) == "+01:05"


def test_notes_and_votes_tally_top_voted_first(db):
    _, w, ws = db
    s = w.start(ws, agenda=template(60))
    ana, bo = w.join(s.code, "Ana"), w.join(s.code, "Bo")
    first = w.post(ana.token, "Plants with 200+ staff")
    second = w.post(bo.token, "  Buyers   in ops  ")
    assert second.text == "Buyers in ops"
    assert w.vote(ana.token, note=second.id) is True
    assert w.vote(bo.token, note=second.id) is True
    board = w.notes(ws)
    assert [(n.text, n.votes) for n in board] == [("Buyers in ops", 2), (first.text, 0)]
    assert w.room(ana.token).dots_left == 2


def test_a_double_tap_stores_one_vote_and_one_note(db):
    _, w, ws = db
    s = w.start(ws)
    p = w.join(s.code, "Ana")
    n1 = w.post(p.token, "Same idea", client="tap-1")
    n2 = w.post(p.token, "Same idea", client="tap-1")
    assert n1.id == n2.id and len(w.notes(ws)) == 1
    assert w.vote(p.token, note=n1.id) is True
    assert w.vote(p.token, note=n1.id) is False
    assert w.notes(ws)[0].votes == 1


def test_dots_run_out_and_come_back_when_taken_back(db):
    _, w, ws = db
    s = w.start(ws, dots=3)
    p = w.join(s.code, "Ana")
    ids = [w.post(p.token, f"idea {i}").id for i in range(4)]
    for i in ids[:3]:
        w.vote(p.token, note=i)
    with pytest.raises(InputError) as err:
        w.vote(p.token, note=ids[3])
    assert err.value.msg.key == "workshop.no_dots"
    w.unvote(p.token, note=ids[0])
    assert w.vote(p.token, note=ids[3]) is True


def test_findings_on_the_slide_can_be_voted_and_nothing_else(db):
    _, w, ws = db
    s = w.start(ws)
    w.publish_findings(ws, s.screen, [("industry=Manufacturing", "Manufacturing: 8/10 vs 2/10")])
    p = w.join(s.code, "Ana")
    assert w.vote(p.token, finding="industry=Manufacturing")
    assert w.findings(ws)[0].votes == 1
    assert w.room(p.token).findings[0].label.startswith("Manufacturing")
    with pytest.raises(InputError):
        w.vote(p.token, finding="not-on-the-slide")


def test_locked_step_refuses_notes_and_votes(db):
    _, w, ws = db
    s = w.start(ws)
    p = w.join(s.code, "Ana")
    note = w.post(p.token, "before the lock")
    w.set_locked(ws, s.screen, True)
    for attempt in (lambda: w.post(p.token, "late"), lambda: w.vote(p.token, note=note.id)):
        with pytest.raises(InputError) as err:
            attempt()
        assert err.value.msg.key == "workshop.locked"
    assert w.room(p.token).locked
    w.set_locked(ws, s.screen, False)
    assert w.vote(p.token, note=note.id)


def test_closed_or_expired_code_lets_nobody_in(db):
    _, w, ws = db
    s = w.start(ws, agenda=[AgendaItem("S1", 30)], now=0)
    p = w.join(s.code, "Ana", now=10)
    w.set_open(ws, False)
    assert w.resolve(s.code) is None
    with pytest.raises(InputError):
        w.join(s.code, "Bo")
    with pytest.raises(InputError):
        w.post(p.token, "after close")
    w.set_open(ws, True)
    assert w.resolve(s.code, now=100) is not None
    assert w.resolve(s.code, now=(30 + 61) * 60) is None  # agenda + grace hour: expired
    assert w.participant(p.token, now=(30 + 61) * 60) is None


def test_a_new_session_retires_old_phones_and_starts_a_clean_board(db):
    _, w, ws = db
    s = w.start(ws)
    p = w.join(s.code, "Ana")
    w.post(p.token, "old")
    s2 = w.start(ws)
    assert s2.code != s.code and s2.sid == s.sid + 1
    assert w.resolve(s.code) is None and w.participant(p.token) is None
    assert w.notes(ws) == []


def test_a_code_only_reaches_its_own_workspace(db):
    store, w, ws = db
    other = store.create("Other")
    s1, s2 = w.start(ws), w.start(other)
    p = w.join(s1.code, "Ana")
    w.post(w.join(s2.code, "Bo").token, "secret of the other room")
    view = w.room(p.token)
    assert all("secret" not in n.text for n in view.notes)
    assert set(vars(view)) == {
        "screen",
        "lang",
        "locked",
        "notes",
        "findings",
        "dots_left",
        "my_votes",
    }  # no data set, no answers, no workspace id
    note_there = w.notes(other)[0]
    with pytest.raises(InputError):
        w.vote(p.token, note=note_there.id)


def test_hide_edit_merge_and_accept(db):
    _, w, ws = db
    s = w.start(ws, agenda=template(60))
    w.go(ws, "S2")
    a, b, c = (w.join(s.code, n) for n in ("A", "B", "C"))
    keep = w.post(a.token, "Factories")
    dup = w.post(b.token, "Manufacturers")
    junk = w.post(c.token, "lunch?")
    w.vote(a.token, note=dup.id)
    w.vote(b.token, note=keep.id)
    w.merge(ws, keep.id, dup.id)
    w.hide(ws, junk.id)
    w.edit(ws, keep.id, "Mid-size factories")
    board = w.notes(ws)
    assert [(n.text, n.votes, n.merged) for n in board] == [
        ("Mid-size factories", 2, ("Manufacturers",))
    ]
    assert [n.text for n in w.notes(ws, hidden=True)] == ["Mid-size factories", "lunch?"]
    accepted = w.accept(ws, keep.id)
    assert accepted.votes == 2 and accepted.screen == "S2"
    assert [(n.text, n.votes) for n in w.accepted(ws)] == [("Mid-size factories", 2)]
    assert w.notes(ws)[0].accepted


def test_agenda_change_keeps_the_current_screen_when_it_can(db):
    _, w, ws = db
    w.start(ws, agenda=template(60))
    w.go(ws, "S3")
    s = w.set_agenda(ws, [AgendaItem("S3", 8), AgendaItem("S4", 2), AgendaItem("nope", 3)])
    assert s.screen == "S3" and s.total_minutes == 10 and s.minutes("S3") == 8
    s = w.set_agenda(ws, [AgendaItem("P1", 5)])
    assert s.screen == "P1"
    with pytest.raises(InputError):
        w.set_agenda(ws, [])


def test_thirty_phones_at_once_lose_nothing(db):
    """Concurrent writers (threads, one connection each per call) — every note and dot lands."""
    store, w, ws = db
    s = w.start(ws)
    people = [w.join(s.code, f"P{i}") for i in range(30)]
    seed = w.post(people[0].token, "seed")
    errors: list[BaseException] = []

    def phone(i: int) -> None:
        try:
            mine = Workshop(store.path)
            for k in range(5):
                mine.post(people[i].token, f"note {i}-{k}")
            mine.vote(people[i].token, note=seed.id)
            mine.vote(people[i].token, note=seed.id)  # double tap
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=phone, args=(i,)) for i in range(30)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    board = w.notes(ws)
    assert len(board) == 151
    assert board[0].text == "seed" and board[0].votes == 30
