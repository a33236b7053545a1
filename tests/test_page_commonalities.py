"""AppTests of the Commonalities page on the English SaaS sample (loaded automatically)."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _texts(at: AppTest) -> str:
    return "\n".join(e.value for e in at.text)


def test_planted_traits_read_as_sentences_with_sweet_spots_and_clouds(app_test):
    at = app_test("commonalities")
    assert at.title[0].value == "Commonalities"
    text = _texts(at)
    assert "of your best 10 (60–98%) are Industry = Manufacturing" in text
    assert "Previous solution = Spreadsheets" in text
    # the ranking inputs (ACV, cycle, margin …) define best: shown apart, never sweet spots
    assert "Best = the top 10 of those whose “Status” is Won (" in text
    assert "How the best differ on what defines them" in {s.value for s in at.subheader}
    spots = [line for line in text.split("\n") if "best customers mostly" in line]
    assert not any(line.startswith(("• ACV", "• Sales cycle", "• CAC")) for line in spots)
    # noise columns of the sample never show up as findings
    details = at.dataframe[0].value
    assert not {"Region", "Lead source", "Tools used"} & set(details["Column"])
    assert {s.value for s in at.subheader} >= {"What they have in common", "Warning signs"}
    # the ACV cells are written "$67,400": the deal-value tile keeps the currency, the
    # employee tile (no currency) does not get one
    tiles = {m.label: (m.value, m.delta) for m in at.metric}
    value = next(v for k, v in tiles.items() if "value" in k.lower())
    assert value[0].startswith("$") and "$" in value[1], tiles
    assert not any("$" in v[0] for k, v in tiles.items() if "mploy" in k), tiles
    assert "ACV: median $67,400 for the best vs $20,750" in text  # what defines best, too
    # the side-by-side word clouds: the best's words; the rest's only beyond chance
    assert len(at.get("image")) >= 1
    if len(at.get("image")) == 1:
        assert any("beyond chance" in c.value for c in at.caption)
    # the planted contact title is held back by the noise control, and shown as a lead
    leads = next(e for e in at.expander if e.label.startswith("Worth checking"))
    lead_text = "\n".join(t.value for t in leads.text)
    assert "VP Operations" in lead_text and "before correcting" in lead_text
    assert "VP Operations" not in "\n".join(t.value for t in at.text if t not in leads.text)


def test_outcome_mode_talks_about_won_customers_in_chinese(app_test):
    at = app_test(
        "commonalities",
        setup=lambda store, ws: store.set_value(ws, "settings", {"mode": "outcome"}),
    )
    at.session_state["app.lang"] = "zh"  # what the sidebar language switch sets
    at.run()
    assert not at.exception
    assert at.title[0].value == "共同特征"
    assert "个已签约客户中有" in _texts(at)
    assert any("已签约客户与" in c.value for c in at.caption)
