"""AppTests of the ICP builder and the decision-maker builder pages.

A fresh workspace gets the English SaaS sample loaded automatically, so the
pages have real suggestions to show.
"""

from __future__ import annotations

import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetStates
from streamlit.testing.v1 import AppTest

from icp.store import Store
from ui.builder import answer_key


def _saved(at: AppTest) -> dict[str, dict[str, str]]:
    return Store().answers(at.ws)


def _texts(at: AppTest) -> str:
    return "\n".join(e.value for e in at.text)


@pytest.fixture
def icp_page(app_test) -> AppTest:
    return app_test("icp_builder")


def test_icp_page_shows_steps_progress_and_data_suggestions(icp_page):
    at = icp_page
    assert at.title[0].value == "ICP builder"
    picker = at.radio(key="icp.step")
    assert len(picker.options) == 7
    assert any("Your best customers today" in o for o in picker.options)
    assert at.subheader[0].value == "S1 · Your best customers today"
    assert "0/7 steps done" in str(at.get("progress")[0].proto)
    # S1 is pre-filled from the ranking of the sample data, with its evidence
    assert "Northwind Manufacturing LLC" in _texts(at)
    assert any("Top 10 by best-customer score" in c.value for c in at.caption)


def test_typing_an_answer_autosaves_and_survives_a_language_switch(icp_page):
    at = icp_page
    key = answer_key("S1", "why")
    at.text_area(key=key).input("They refer us and renew early").run()
    assert not at.exception
    assert _saved(at)["S1"]["why"] == "They refer us and renew early"

    at.session_state["app.lang"] = "zh"  # what the sidebar's language switch sets
    at.run()
    assert not at.exception
    assert at.subheader[0].value == "S1 · 当前最好的客户"
    assert at.text_area(key=key).value == "They refer us and renew early"
    assert _saved(at)["S1"]["why"] == "They refer us and renew early"


def test_use_appends_a_suggestion_and_the_step_is_remembered(icp_page):
    at = icp_page
    at.radio(key="icp.step").set_value("S2").run()
    assert at.subheader[0].value.startswith("S2 ·")
    assert Store().get_value(at.ws, "ui.icp.step") == "S2"

    at.button(key="builder.use.S2.industry.0").click().run()
    assert not at.exception
    assert at.text_area(key=answer_key("S2", "industry")).value == "Manufacturing"
    assert _saved(at)["S2"]["industry"] == "Manufacturing"
    # using it twice does not duplicate the line
    at.button(key="builder.use.S2.industry.0").click().run()
    assert _saved(at)["S2"]["industry"] == "Manufacturing"
    # the required "size" is still empty and flagged, but nothing blocks
    assert any("Company size" in w.value for w in at.warning)

    at.button(key="icp.next.S2").click().run()
    assert at.subheader[0].value.startswith("S3 ·")


def test_next_pressed_twice_before_the_redraw_moves_one_step(icp_page):
    """The second press of the Next the browser still shows (S2's), sent after the server
    already drew S3, is dropped: it used to arrive with S3's arguments and open S4."""
    at = icp_page
    at.radio(key="icp.step").set_value("S2").run()
    shown = at.button(key="icp.next.S2")
    shown.click().run()
    assert at.subheader[0].value.startswith("S3 ·")
    at._run(WidgetStates(widgets=[shown.click()._widget_state]))  # what the stale page sends
    assert not at.exception, at.exception
    assert at.subheader[0].value.startswith("S3 ·")
    assert Store().get_value(at.ws, "ui.icp.step") == "S3"
    at.button(key="icp.next.S3").click().run()
    assert at.subheader[0].value.startswith("S4 ·")


def test_statement_is_drafted_only_on_request_and_asks_before_replacing(icp_page):
    at = icp_page
    at.radio(key="icp.step").set_value("S7").run()
    key = answer_key("S7", "statement")
    assert at.text_area(key=key).value == ""

    at.button(key="builder.draft.S7").click().run()
    drafted = at.text_area(key=key).value
    assert drafted.startswith("Our ideal customers are manufacturing companies")
    assert _saved(at)["S7"]["statement"] == drafted

    at.text_area(key=key).input("My own words").run()
    at.button(key="builder.draft.S7").click().run()
    assert at.text_area(key=key).value == "My own words"  # not overwritten yet
    assert any("replaces the text" in w.value for w in at.warning)
    at.button(key="builder.cancel.S7").click().run()
    assert at.text_area(key=key).value == "My own words"

    at.button(key="builder.draft.S7").click().run()
    at.button(key="builder.replace.S7").click().run()
    assert at.text_area(key=key).value == drafted
    assert _saved(at)["S7"]["statement"] == drafted


def test_persona_page_suggests_the_decider_and_saves_the_checklist(app_test):
    at = app_test("persona_builder")
    assert at.title[0].value == "Decision-maker builder"
    assert at.subheader[0].value == "P1 · Who makes the final decision"
    assert "VP Operations" in _texts(at)
    assert any("decider" in c.value for c in at.caption)

    item = "builders.use.sales.demo"
    at.checkbox(key=f"use.{item}").check().run()
    assert not at.exception
    assert _saved(at)["USE"][item] == "1"
    at.checkbox(key=f"use.{item}").uncheck().run()
    assert _saved(at)["USE"][item] == ""

    # VP Operations is a suggestion, not a finding: the story names it once it is accepted
    at.radio(key="persona.step").set_value("P7").run()
    at.button(key="builder.draft.P7").click().run()
    story = at.text_area(key=answer_key("P7", "story")).value
    assert "VP Operations" not in story and "[" not in story
    at.radio(key="persona.step").set_value("P1").run()
    at.button(key="builder.use.P1.title.0").click().run()
    assert _saved(at)["P1"]["title"] == "VP Operations"
    at.radio(key="persona.step").set_value("P7").run()
    at.button(key="builder.draft.P7").click().run()
    at.button(key="builder.replace.P7").click().run()
    story = at.text_area(key=answer_key("P7", "story")).value
    assert story.startswith("Meet our ideal decision maker: the VP Operations")
