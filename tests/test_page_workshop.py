"""AppTests of the workshop: the facilitator page, the room view (projector) and the phone page."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from streamlit.proto.WidgetStates_pb2 import WidgetStates
from streamlit.testing.v1 import AppTest

from icp import report
from icp.analysis import run
from icp.dataset import open_dataset
from icp.store import Store
from icp.workshop import AgendaItem, Workshop, template
from ui import workshop as wui

ROOT = Path(__file__).resolve().parent.parent
# the app's store in this test's data folder; its other caches are kept by content (conftest)
pytestmark = pytest.mark.usefixtures("app_in_this_data_dir")
SAMPLE = ROOT / "sample_data" / "saas_customers_en.xlsx"


def _app() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)


def _workspace(lang: str = "en") -> tuple[Store, Workshop, str]:
    store = Store()
    ws = store.create("Workshop test")
    store.set_source(ws, filename=SAMPLE.name, data=SAMPLE.read_bytes(), options={})
    store.set_value(ws, "ui.lang", lang)
    return store, Workshop(store.path), ws


def _page(ws: str, page: str, **state) -> AppTest:
    at = _app()
    at.query_params["ws"] = ws
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def _shown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def _ws_of(at: AppTest) -> str:
    ws = at.query_params["ws"]
    return ws if isinstance(ws, str) else ws[0]


# ---------------------------------------------------------------- facilitator


def test_facilitator_starts_a_session_and_go_to_shows_the_screen_it_names():
    _, w, ws = _workspace()
    at = _page(ws, "present")
    assert at.title[0].value == "Workshop"
    at.radio(key="present.template").set_value(30)
    at.button(key="present.start").click().run()
    assert not at.exception, at.exception
    s = w.session(ws)
    assert s is not None and s.total_minutes == 30 and len(s.code) == 6
    assert "Our best 10 customers" in at.subheader[0].value
    at.button(key="present.next.best").click().run()
    assert w.session(ws).screen == "commonalities"
    at.selectbox(key="present.jump.commonalities").set_value("S4").run()
    assert not at.exception, at.exception
    assert w.session(ws).screen == "S4"
    assert "S4 / 7" in _shown(at)
    assert at.subheader[0].value.startswith("S4 · ")
    assert at.selectbox(key="present.jump.S4").value == "S4"
    at.button(key="present.prev.S4").click().run()
    assert at.selectbox(key="present.jump.S2").value == "S2"  # the picker follows Previous
    assert at.subheader[0].value.startswith("S2 · ")
    at.selectbox(key="present.jump.S2").set_value("S4").run()  # and jumps from there again
    at.button(key="present.prev.S4").click().run()
    assert at.selectbox(key="present.jump.S2").value == "S2"  # not the S4 picked here before


def test_a_stale_go_to_picker_never_moves_the_session_back():
    """Regression (seen under load in the browser): a poll sent while the page still
    showed S1's picker jumped the session back to S1 right after Next moved it to S2.
    A picker acts only while the session shows the screen it was drawn for; the browser
    cannot be made stale here, so a pick on the stale picker stands in for its value."""
    _, w, ws = _workspace()
    w.start(ws, agenda=template(60))
    w.go(ws, "S1")
    at = _page(ws, "present")
    w.go(ws, "S2")  # Next (or the room's → key) moved on; this page still shows S1's picker
    at.selectbox(key="present.jump.S1").set_value("S5").run()  # a value from the stale picker
    assert not at.exception, at.exception
    assert w.session(ws).screen == "S2"
    assert at.subheader[0].value.startswith("S2 · ")
    at.selectbox(key="present.jump.S2").set_value("S5").run()  # the picker the page shows now
    assert w.session(ws).screen == "S5"
    w.go(ws, "S6")  # moved on again; the lock switch the page shows is S5's
    at.toggle(key="present.lock.S5.0").set_value(True).run()
    assert not w.session(ws).locked  # a stale switch locks nothing
    at.toggle(key="present.lock.S6.0").set_value(True).run()
    assert "S6" in w.session(ws).locked


def test_next_from_a_stale_page_does_not_skip_a_screen():
    """A Next delivered twice (double click, slow server) or after the room's → key
    already moved on names the screen it was pressed on: it moves once, never two."""
    _, w, ws = _workspace()
    w.start(ws, agenda=template(60))
    w.go(ws, "S2")
    at = _page(ws, "present")
    w.go(ws, "S3")  # the presenter pressed → on the room view meanwhile
    at.button(key="present.next.S2").click().run()  # this page still showed S2
    assert not at.exception, at.exception
    assert w.session(ws).screen == "S3"
    at.button(key="present.next.S3").click().run()  # now showing S3: moves on
    assert w.session(ws).screen == "S4"


def _press_from_stale_page(at: AppTest, button) -> None:
    """What a browser sends when a button it still shows is pressed after the server has
    already drawn the next screen (a slow projector laptop, a double click): that button's
    id with a trigger, not the button of the server's latest run."""
    at._run(WidgetStates(widgets=[button.click()._widget_state]))


@pytest.mark.parametrize(("page", "next_key"), [("present", "present.next"), ("room", "room-next")])
def test_next_pressed_twice_before_the_redraw_moves_one_screen(page: str, next_key: str):
    """Streamlit runs a button's callback with the arguments of the latest script run, so
    a second press of the Next the browser still shows (S2) used to arrive as "Next from
    S3" and skip a screen. The button is a new widget on each screen: the stale one names
    nothing the server knows and is dropped."""
    _, w, ws = _workspace()
    w.start(ws, agenda=template(60))
    w.go(ws, "S2")
    at = _page(ws, page)
    shown = next(b for b in at.button if b.key and b.key.startswith(next_key))
    at.button(key=shown.key).click().run()  # the first press: the server draws S3
    assert w.session(ws).screen == "S3"
    _press_from_stale_page(at, shown)  # the second press, on the S2 page still on screen
    assert not at.exception, at.exception
    assert w.session(ws).screen == "S3"
    again = next(b for b in at.button if b.key and b.key.startswith(next_key))
    at.button(key=again.key).click().run()  # a press on the S3 page moves on
    assert w.session(ws).screen == "S4"


def test_running_timer_survives_the_panel_other_controls_a_refresh_and_a_restart():
    """Regression: opening the facilitator panel used to reset the timer to 01:00 and stop it."""
    _, w, ws = _workspace()
    w.start(ws, agenda=[AgendaItem("S1", 7), AgendaItem("S2", 4)])
    at = _page(ws, "present")
    at.button(key="present.timer.go").click().run()
    started = w.timer(ws)
    assert started.running and started.seconds == 7 * 60
    assert at.button(key="present.timer.go").label == "Pause timer"
    # every other control of the page, one after the other
    at.toggle(key="present.lock.S1.0").set_value(True).run()
    assert at.toggle(key="present.lock.S1.1").value  # redrawn as locked
    at.toggle(key="present.join_open.1").set_value(False).run()
    assert not at.toggle(key="present.join_open.0").value
    at.selectbox(key="present.jump.S1").set_value("S1").run()
    assert not at.exception, at.exception
    after = w.timer(ws)
    assert after.running and after.started == started.started and after.spent == started.spent
    again = _page(ws, "present")  # a refresh: a new browser session
    assert again.button(key="present.timer.go").label == "Pause timer"
    assert Workshop(Store().path).timer(ws).started == started.started  # a server restart


def test_next_carries_the_running_clock_to_the_next_step_and_pause_stops_it():
    _, w, ws = _workspace()
    w.start(ws, agenda=[AgendaItem("S1", 2), AgendaItem("S2", 3)])
    at = _page(ws, "present")
    at.button(key="present.timer.go").click().run()
    at.button(key="present.next.S1").click().run()
    assert w.timer(ws, "S2").running and not w.timer(ws, "S1").running
    at.button(key="present.timer.go").click().run()
    assert not w.timer(ws).running
    assert at.button(key="present.timer.go").label == "Resume timer"
    at.button(key="present.timer.reset").click().run()
    assert w.timer(ws).spent == 0
    assert "03:00" in _shown(at)


def test_accepting_notes_puts_them_into_the_steps_answer():
    store, w, ws = _workspace()
    s = w.start(ws, agenda=template(60))
    w.go(ws, "S2")
    ana, bo = w.join(s.code, "Ana"), w.join(s.code, "Bo")
    top = w.post(ana.token, "Mid-size manufacturers")
    other = w.post(bo.token, "Logistics firms")
    w.vote(bo.token, note=top.id)
    at = _page(ws, "present")
    assert "Mid-size manufacturers" in _shown(at)
    at.button(key=f"present.accept.{top.id}").click().run()
    assert not at.exception, at.exception
    assert store.answers(ws)["S2"]["industry"] == "Mid-size manufacturers"
    assert "Mid-size manufacturers" in _shown(at)  # in the answer tab too
    at.button(key="present.accept_top").click().run()  # the rest of the top 3
    assert store.answers(ws)["S2"]["industry"].splitlines() == [
        "Mid-size manufacturers",
        "Logistics firms",
    ]
    assert [(n.text, n.votes) for n in w.accepted(ws)] == [
        ("Mid-size manufacturers", 1),
        ("Logistics firms", 0),
    ]
    at.button(key=f"present.hide.{other.id}").click().run()
    assert [n.text for n in w.notes(ws)] == ["Mid-size manufacturers"]


def test_facilitator_edits_the_answer_here_and_a_stale_box_never_drops_an_accepted_note():
    store, w, ws = _workspace()
    s = w.start(ws, agenda=template(60))
    w.go(ws, "S2")
    at = _page(ws, "present")
    box = at.text_area(key="builder.answer.S2.industry")
    box.set_value("Software").run()  # typed on the Workshop page itself
    assert not at.exception, at.exception
    assert store.answer(ws, "S2", "industry") == ("Software", 1)
    # a note accepted after the box was drawn goes through the box: both lines shown and kept
    note = w.post(w.join(s.code, "Ana").token, "Mid-size manufacturers")
    at.run()
    at.button(key=f"present.accept.{note.id}").click().run()
    assert not at.exception, at.exception
    both = "Software\nMid-size manufacturers"
    assert store.answer(ws, "S2", "industry")[0] == both
    assert at.text_area(key="builder.answer.S2.industry").value == both
    # someone saves on the builder page meanwhile; this (now stale) box types on: merged
    store.set_answer(ws, "S2", "industry", both + "\nLogistics")
    at.text_area(key="builder.answer.S2.industry").set_value(both + "\nRetail").run()
    kept = store.answer(ws, "S2", "industry")[0]
    for line in ("Software", "Mid-size manufacturers", "Logistics", "Retail"):
        assert line in kept.splitlines()
    assert "edited elsewhere" in "\n".join(i.value for i in at.info).lower()


def test_agenda_template_and_edit():
    _, w, ws = _workspace()
    w.start(ws, agenda=template(60))
    at = _page(ws, "present")
    at.button(key="present.tpl.90").click().run()
    assert w.session(ws).total_minutes == 90
    assert "90 minutes in total" in "\n".join(c.value for c in at.caption)


# ---------------------------------------------------------------- room view


def test_room_shows_the_step_its_notes_with_tallies_and_how_to_join():
    _, w, ws = _workspace()
    s = w.start(ws, agenda=template(60))
    w.go(ws, "S2")
    people = [w.join(s.code, n) for n in ("Ana", "Bo")]
    note = w.post(people[0].token, "Plants with two shifts <b>")
    for p in people:
        w.vote(p.token, note=note.id)
    at = _page(ws, "room")
    shown = _shown(at)
    assert "S2 / 7" in shown
    assert "What do our best customers have in common" in shown
    assert "Plants with two shifts &lt;b&gt;" in shown  # participant text is escaped
    assert "● 2" in shown
    assert s.code in shown and f"/join?code={s.code}" in shown
    assert len(at.get("image")) == 1  # the QR code
    assert not at.get("text_area") and not at.get("text_input")  # nothing to edit
    assert "Manufacturing" in shown  # the data's evidence for S2
    at.button(key="room-next-S2").click().run()  # what → / PageDown / Space press
    assert w.session(ws).screen == "S3"
    assert "S3 / 7" in _shown(at)
    at.button(key="room-timer").click().run()  # T
    assert w.timer(ws).running


def test_room_without_a_session_says_where_to_start_one():
    _, _, ws = _workspace()
    at = _page(ws, "room")
    assert "Start one on the Workshop page" in "\n".join(i.value for i in at.info)


# ---------------------------------------------------------------- phones


def _phone(code: str) -> AppTest:
    at = _app()
    at.query_params["code"] = code
    at.run()
    assert not at.exception, at.exception
    return at


def test_phone_joins_posts_votes_and_sees_nothing_else():
    store, w, ws = _workspace()
    s = w.start(ws, agenda=template(60))
    w.go(ws, "S2")
    at = _phone(s.code.lower())
    assert at.text_input(key="join.code").value == s.code
    at.text_input(key="join.name").input("Ana")
    at.button(key="join.go").click().run()
    assert not at.exception, at.exception
    assert at.query_params["p"]
    assert "What do our best customers have in common" in _shown(at)
    at.text_area(key="join.note").input("Ops directors sign")
    next(b for b in at.button if b.label == "Post note").click().run()
    assert not at.exception, at.exception
    [note] = w.notes(ws)
    assert (note.text, note.author) == ("Ops directors sign", "Ana")
    at.button(key=f"join.vote.n{note.id}").click().run()
    assert w.notes(ws)[0].votes == 1
    assert "Dots left: 2 of 3" in _shown(at)
    # only the question, notes and findings: no data table, no answers, no navigation
    assert not at.get("arrow_data_frame") and not at.table and not at.sidebar.children
    assert store.info(ws).name not in _shown(at)


def test_phone_follows_the_workshop_language_and_can_switch():
    _, w, ws = _workspace("zh")
    s = w.start(ws, lang="zh", agenda=template(60))
    w.go(ws, "S5")
    at = _phone(s.code)
    assert at.button(key="join.go").label == "加入"
    at.text_input(key="join.name").input("王芳")
    at.button(key="join.go").click().run()
    assert "谁拍板、谁影响决策" in _shown(at)
    at.segmented_control(key="join.lang").set_value("en").run()
    assert "Who decides, who influences" in _shown(at)


def test_closed_code_lets_no_phone_in():
    _, w, ws = _workspace()
    s = w.start(ws)
    w.set_open(ws, False)
    at = _phone(s.code)
    assert "closed or has expired" in "\n".join(x.value for x in at.warning)
    at.text_input(key="join.name").input("Ana")
    at.button(key="join.go").click().run()
    assert "p" not in at.query_params
    assert "closed or has expired" in "\n".join(x.value for x in at.error)


@pytest.mark.parametrize("code", ["", "WRONG1"])
def test_phone_page_without_a_valid_code_asks_for_one(code):
    at = _phone(code) if code else _phone("")
    assert at.text_input(key="join.name") is not None
    assert not at.exception


def test_accepted_notes_reach_the_report_appendix_with_their_dots():
    _, w, ws = _workspace()
    s = w.start(ws, agenda=template(60))
    w.go(ws, "S5")
    p = w.join(s.code, "Ana")
    note = w.post(p.token, "Ops director signs *off*")
    w.vote(p.token, note=note.id)
    w.accept(ws, note.id)
    at = _page(ws, "report")
    assert not at.exception, at.exception
    appendix = wui.report_appendix(ws, "en")  # what the Report page hands to the exports
    line = "S5 · How they buy · Ops director signs *off* · dots: 1"
    assert appendix == [("Workshop notes accepted", [line])]
    ds = open_dataset(SAMPLE.read_bytes(), filename=SAMPLE.name)
    result = run(ds)
    md = report.markdown_text(
        report.summarise(ds, result, answers={}, lang="en", appendix=appendix)
    )
    assert "## Workshop notes accepted" in md and r"signs \*off\*" in md
    js = report.json_bytes(
        report.summarise(ds, result, answers={}, lang="en", appendix=appendix)
    ).decode()
    assert "Ops director signs *off*" in js
    pdf = report.pdf_bytes(report.summarise(ds, result, answers={}, lang="en", appendix=appendix))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages[-2:])
    assert "Workshop notes accepted" in text and "Ops director signs" in text
