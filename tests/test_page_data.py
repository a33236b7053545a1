"""AppTests of the Data page: mapping table, validation report, errors in place.

AppTest cannot drive a file uploader, so these tests put files into the
workspace the way the uploader does (``Store.set_source``); the real upload
widget is exercised by the browser tests.
"""

from __future__ import annotations

import io

import openpyxl


def _messy_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Customer export 2024"])
    ws.append([])
    ws.append(["Company", "Industry", "ACV", "Employees", "Status"])
    for i in range(40):
        acv = "N/A" if i == 3 else f"${1000 * (i + 1):,}"
        ws.append([f"Firm {i}", ["Retail", "Manufacturing"][i % 2], acv, 10 * i, "Won"])
    ws.append(["Total", None, "$820,000", None, None])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_sample_shows_mapping_report_and_preview(app_test):
    at = app_test("data")
    assert at.title[0].value == "Data"
    assert any("320 of" in m.value for m in at.markdown)  # validation report
    assert at.number_input[0].value == 3  # a title row and a blank row sit above the header
    editor = at.dataframe[0].value  # the mapping editor
    roles = dict(zip(editor["name"], editor["role"], strict=True))
    assert roles["Industry"] == "Industry" and roles["ACV"].startswith("Deal value")
    notes = " ".join(c.value for c in at.caption)
    assert "header is on row 3" in notes and "totals row" in notes


def test_messy_file_is_read_with_title_and_totals_rows_handled(app_test):
    def setup(store, ws):
        store.set_source(ws, filename="messy.xlsx", data=_messy_xlsx(), options={})
        store.set_value(ws, "mapping", None)

    at = app_test("data", setup=setup)
    assert any("40 customers" in m.value for m in at.markdown)
    notes = " ".join(c.value for c in at.caption)
    assert "Total" in notes or "total" in notes


def test_unusable_saved_file_shows_an_error_in_place_in_chinese(app_test):
    def setup(store, ws):
        store.set_source(
            ws, filename="photo.xlsx", data=b"\x89PNG\r\n\x1a\n" + b"\0" * 64, options={}
        )

    at = app_test("data", lang="zh", setup=setup)
    assert at.error, "an error must be shown"
    assert "无法使用" in at.error[0].value
    assert "Traceback" not in at.error[0].value


def test_accounts_with_a_deals_file_show_the_join(app_test):
    import base64

    import pandas as pd

    accounts = pd.DataFrame(
        {
            "Account name": [f"Company {i:02d}" for i in range(30)],
            "Sector": ["Manufacturing", "Retail", "Logistics"] * 10,
            "Employees": [50 + 10 * i for i in range(30)],
        }
    )
    deals = pd.DataFrame(
        {
            "Account": [f"company {i % 28:02d}" for i in range(60)] + ["Nobody Ltd"],
            "Stage": (["Closed Won", "Closed Lost"] * 31)[:61],
            "Amount": [1000 + 10 * i for i in range(61)],
            "Created": ["2024-01-01"] * 61,
            "Close date": ["2024-02-15"] * 61,
        }
    )

    def setup(store, ws):
        store.set_source(
            ws,
            filename="accounts.csv",
            data=accounts.to_csv(index=False).encode(),
            options={
                "deals": {
                    "filename": "deals.csv",
                    "data_b64": base64.b64encode(deals.to_csv(index=False).encode()).decode(),
                }
            },
        )
        store.set_value(ws, "mapping", None)

    at = app_test("data", setup=setup)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Accounts matched"] == "28"
    assert metrics["Deals without an account"] == "1"
    assert metrics["Accounts without deals"] == "2"
    assert any("30 customers" in m.value for m in at.markdown)
