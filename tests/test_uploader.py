"""The file uploader's own words (button, limits line) follow the page's language."""

from __future__ import annotations

from ui.autosave import css_class
from ui.uploader import chrome_css


def test_the_style_is_scoped_by_the_class_streamlit_puts_on_a_keyed_widget():
    # seen in Chromium: key "data.deals_upload" → class "st-key-data-deals_upload"
    assert css_class("data.deals_upload") == "st-key-data-deals_upload"
    assert css_class("ws.import.3") == "st-key-ws-import-3"


def test_chinese_style_writes_the_button_and_the_limits_line_in_chinese():
    css = chrome_css("data.upload", ["xlsx", "csv"], 50, "zh")
    assert '"上传"' in css
    assert '"单个文件最大 50MB • XLSX, CSV"' in css
    assert ".st-key-data-upload [data-testid='stFileUploaderDropzone'] button" in css
    english = chrome_css("data.upload", ["xlsx", "csv"], 50, "en")
    assert '"Upload"' in english and '"50MB per file • XLSX, CSV"' in english


def test_the_style_cannot_be_closed_or_escaped_from_inside_its_strings():
    css = chrome_css('x"; } body { color: red } </style><script>', ['a"b\\c</style>'], 1, "zh")
    assert css.lower().count("</style>") == 1 and "<script" not in css.lower()
    assert 'A\\"B\\\\C' in css  # the type list, as a CSS string


def _html_bodies(at) -> list[str]:
    return [el.proto.body for el in at.get("html")]


def test_the_data_page_in_chinese_draws_the_uploaders_words_in_chinese(app_test):
    at = app_test("data", lang="zh")
    styles = [b for b in _html_bodies(at) if "stFileUploaderDropzone" in b]
    assert any(".st-key-data-upload " in b and '"上传"' in b for b in styles), styles
    assert any(".st-key-data-deals_upload " in b for b in styles), styles


def test_the_data_page_in_english_leaves_streamlits_own_words(app_test):
    at = app_test("data", lang="en")
    assert not [b for b in _html_bodies(at) if "stFileUploaderDropzone" in b]
