"""AppTest of the Report page: preview and the four downloads.

A fresh workspace gets the English SaaS sample loaded automatically.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent


def _open() -> AppTest:
    st.cache_resource.clear()  # a Store bound to this test's ICP_DATA_DIR
    st.cache_data.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    at.switch_page("views/report.py")
    at.run()
    assert not at.exception, at.exception
    return at


def _downloads(at: AppTest) -> list:
    return at.get("download_button")


def test_report_page_previews_and_offers_every_download():
    at = _open()
    assert at.title[0].value == "Report"
    shown = "\n".join(m.value for m in at.markdown)
    assert "Our Ideal Customer Profile" in shown
    assert "manufacturing" in shown.lower()  # the drafted statement names the planted industry
    assert any("Previous solution" in t.value for t in at.text)  # the top traits
    assert len(at.dataframe) >= 2  # KPI table and best customers
    labels = [d.proto.label for d in _downloads(at)]
    assert labels == ["Markdown", "JSON", "Excel customer list"]
    assert at.button(key="report.make_pdf").label == "Prepare the PDF"


def test_pdf_is_made_on_click_and_offered_for_download():
    at = _open()
    at.button(key="report.make_pdf").click().run()
    assert not at.exception, at.exception
    labels = [d.proto.label for d in _downloads(at)]
    assert "PDF report" in labels
    assert not at.error


def test_report_page_in_chinese():
    at = _open()
    at.session_state["app.lang"] = "zh"
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "报告"
    labels = [d.proto.label for d in _downloads(at)]
    assert "Excel 客户名单" in labels
