"""AppTest of the Report page: preview and the four downloads.

A fresh workspace gets the English SaaS sample loaded automatically.
"""

from __future__ import annotations

import streamlit as st
from streamlit.testing.v1 import AppTest

from icp import report


def _downloads(at: AppTest) -> list:
    return at.get("download_button")


def test_report_page_previews_and_offers_every_download(app_test):
    at = app_test("report")
    assert at.title[0].value == "Report"
    shown = "\n".join(m.value for m in at.markdown)
    assert "Our Ideal Customer Profile" in shown
    assert "manufacturing" in shown.lower()  # the drafted statement names the planted industry
    assert any("Previous solution" in t.value for t in at.text)  # the top traits
    assert len(at.dataframe) >= 2  # KPI table and best customers
    labels = [d.proto.label for d in _downloads(at)]
    assert labels == ["Markdown", "JSON", "Excel customer list"]
    assert at.button(key="report.make_pdf").label == "Prepare the PDF"


def test_pdf_is_made_on_click_and_offered_for_download(app_test):
    at = app_test("report")
    at.button(key="report.make_pdf").click().run()
    assert not at.exception, at.exception
    labels = [d.proto.label for d in _downloads(at)]
    assert "PDF report" in labels
    assert not at.error


def test_report_page_in_chinese(app_test):
    at = app_test("report")
    at.session_state["app.lang"] = "zh"
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "报告"
    labels = [d.proto.label for d in _downloads(at)]
    assert "Excel 客户名单" in labels


def test_the_page_summarises_once_for_the_preview_and_every_export(app_test, monkeypatch):
    """The preview, Markdown, JSON and PDF all render one Summary: preparing the PDF
    (a rerun) does not summarise the data again."""
    calls: list[str] = []
    real = report.summarise

    def counting(*args, **kwargs):
        calls.append(kwargs.get("lang", ""))
        return real(*args, **kwargs)

    monkeypatch.setattr(report, "summarise", counting)
    st.cache_data.clear()  # summarised here, not found from an earlier test of this process
    at = app_test("report")
    assert len(calls) == 1
    at.button(key="report.make_pdf").click().run()
    assert not at.exception, at.exception
    assert "PDF report" in [d.proto.label for d in _downloads(at)]
    assert len(calls) == 1
