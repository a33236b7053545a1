"""AppTest of the Prospects page on the sample data set loaded into a fresh workspace."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

PROSPECTS_CSV = (
    b"Company,Sector,Headcount,Region,Website\n"
    b'Acme Works,Manufacturing,180,North America,=HYPERLINK("http://x")\n'
    b"Nova Retail,Retail,40,Europe,nova.example\n"
    b"Orbit Tools,Aerospace,250,APAC,orbit.example\n"
    b"Delta Foods,Food,900,Europe,delta.example\n"
)


def _text(at: AppTest) -> str:
    parts = [e.value for e in [*at.title, *at.header, *at.subheader, *at.markdown, *at.caption]]
    parts += [e.value for e in [*at.info, *at.warning, *at.error]]
    return "\n".join(str(p) for p in parts)


def test_own_customers_scored_with_segments_and_channels(app_test):
    at = app_test("prospects")
    assert at.title[0].value == "Prospects"
    assert "Upload a list" in _text(at)  # nothing uploaded yet: a hint, no table
    at.radio(key="prospects.source").set_value("own").run()
    assert not at.exception, at.exception
    text = _text(at)
    assert "Scored list, best fit first" in text
    assert "Backtest on your own customers" in text
    table = at.dataframe[0].value
    assert {"Fit score", "Tier", "Suggested action", "Reason 1"} <= set(table.columns)
    assert table["Fit score"].is_monotonic_decreasing
    assert table["Reason 1"].str.len().gt(0).any()
    labels = [m.label for m in at.metric]
    assert "A — best fit" in labels and "Cross-validated AUC" in labels
    # segments and channels from the sample (it has profit inputs and a lead source)
    assert re.search(r"of your customers \\?\(\d+ of \d+\\?\) bring 80% of your", text)
    # the sample's lead source is noise: no channel is named as the headline
    assert "Not enough data to tell which channel brings your best customers" in text
    assert any("Protect & grow" in str(df.value.to_string()) for df in at.dataframe)


def test_uploaded_prospect_list_is_matched_and_scored_in_chinese(app_test):
    at = app_test("prospects")
    at.session_state["app.lang"] = "zh"
    at.session_state["prospects.file"] = ("prospects.csv", PROSPECTS_CSV)
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "潜在客户"
    scored = next(df.value for df in at.dataframe if "匹配分" in df.value.columns)
    assert len(scored) == 4
    assert scored["匹配分"].is_monotonic_decreasing
    assert '=HYPERLINK("http://x")' in set(scored["Website"])  # shown as text, untouched
    assert "名单中没有这些列" in _text(at)  # the sample has columns this list lacks


def test_bad_upload_shows_the_error_in_place(app_test):
    at = app_test("prospects")
    at.session_state["prospects.file"] = ("broken.xlsx", b"PK\x03\x04 this is not a workbook")
    at.run()
    assert not at.exception, at.exception
    assert at.error, "an unreadable file must be refused with a message"
