"""open_dataset: the one intake path — plain tables, accounts+deals joins, variants."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from icp import dataset
from icp.dataset import open_dataset
from icp.errors import InputError
from icp.fmt import currency_of
from icp.i18n import t
from icp.schema import ColumnSpec, FieldType, Mapping, Role

ROOT = Path(__file__).resolve().parent.parent

INDUSTRIES = ["Manufacturing", "Retail", "Logistics", "Healthcare"]


def _accounts(n: int = 60) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Account name": [f"Company {i:03d}" for i in range(n)],
            "Sector": [INDUSTRIES[i % 4] for i in range(n)],
            "Employees": [50 + 10 * i for i in range(n)],
        }
    )


def _deals(n_accounts: int = 60, *, key=lambda i: f"company {i:03d} ") -> pd.DataFrame:
    rows = []
    for i in range(n_accounts):
        for j in range(1 + i % 3):
            won = (i + j) % 2 == 0
            rows.append(
                {
                    "Account": key(i),
                    "Stage": "Closed Won" if won else "Closed Lost",
                    "Amount": f"${1000 * (1 + i % 7):,}",
                    "Created": f"2024-01-{1 + j:02d}",
                    "Close date": f"2024-03-{1 + (i % 20):02d}",
                    "Sales agent": ["Ann", "Bo"][j % 2],
                    "Product": ["Core", "Plus"][i % 2],
                }
            )
    return pd.DataFrame(rows)


def _workbook(sheets: dict[str, pd.DataFrame | list[list]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, content in sheets.items():
        ws = wb.create_sheet(name)
        if isinstance(content, pd.DataFrame):
            ws.append(list(content.columns))
            for row in content.itertuples(index=False):
                ws.append(list(row))
        else:
            for row in content:
                ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


PIVOT = [
    ["Row Labels", "Q1", "Q2"],
    ["Manufacturing", 10, 12],
    ["Retail", 3, 4],
    ["Grand Total", 13, 16],
]


def test_sample_files_open_with_the_documented_size():
    ds = open_dataset(ROOT / "sample_data" / "equipment_customers_zh.xlsx")
    assert len(ds.table) == 260
    assert ds.mapping.col(Role.INDUSTRY) == "客户行业"
    assert ds.join is None


def test_workbook_with_accounts_and_deals_among_pivots_is_joined():
    data = _workbook({"Pivot": PIVOT, "Accounts": _accounts(), "Deals": _deals(), "Empty": []})
    ds = open_dataset(data, filename="crm.xlsx")
    assert ds.join is not None
    assert len(ds.table) == 60  # one row per account
    assert ds.source.sheet == "Accounts"
    roles = {spec.role for spec in ds.mapping.columns if spec.include}
    assert {Role.VALUE, Role.OUTCOME, Role.CYCLE_DAYS} <= roles
    notes = [t(n, "en") for n in ds.notes]
    assert any("Accounts" in n and "Deals" in n for n in notes)
    # Company 000 has one deal, won, $1,000
    row = ds.table[ds.table["Account name"] == "Company 000"].iloc[0]
    assert row[ds.mapping.col(Role.VALUE)] == 1000


def test_forcing_a_sheet_skips_the_join():
    data = _workbook({"Accounts": _accounts(), "Deals": _deals()})
    ds = open_dataset(data, filename="crm.xlsx", sheet="Deals")
    assert ds.join is None
    assert len(ds.table) == len(_deals())


def test_two_files_are_joined():
    acc = _workbook({"Accounts": _accounts()})
    deals = _deals().to_csv(index=False).encode()
    ds = open_dataset(acc, filename="accounts.xlsx", deals=deals, deals_filename="deals.csv")
    assert ds.join is not None and ds.join.matched_accounts == 60


def test_deals_that_match_no_account_leave_the_accounts_usable():
    acc = _workbook({"Accounts": _accounts()})
    deals = _deals(key=lambda i: f"zz-unknown-{i}").to_csv(index=False).encode()
    ds = open_dataset(acc, filename="a.xlsx", deals=deals, deals_filename="d.csv")
    assert ds.join is None
    assert len(ds.table) == 60
    assert any(n.key in ("dataset.no_join_key", "join.no_match") for n in ds.notes)


def test_spelling_variants_are_grouped_and_reversible():
    acc = _accounts(120)
    acc.loc[[1, 5], "Sector"] = "Manufacturng"  # typo next to a frequent label
    acc.loc[9, "Sector"] = "manufacturing "
    data = acc.to_csv(index=False).encode()
    ds = open_dataset(data, filename="a.csv")
    assert ds.variants.get("Sector", {}).get("Manufacturng") == "Manufacturing"
    assert "Manufacturng" not in set(ds.table["Sector"])
    raw = open_dataset(data, filename="a.csv", group_variants=False)
    assert "Manufacturng" in set(raw.table["Sector"])


def test_bad_input_is_refused_with_a_message():
    with pytest.raises(InputError) as exc:
        open_dataset(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, filename="x.xlsx")
    assert exc.value.message("zh") != exc.value.message("en")


def test_customers_without_a_name_are_called_by_what_they_are_and_their_sheet_row():
    """No name or id column: "#21" said nothing; the label names the row's industry and
    region and the row of the file it is on, so the founder can find it."""
    csv = (
        "Pipeline export 2026,,,\n"
        "Industry,Region,Revenue,Status\n"
        'Manufacturing,East,"$12,000",Won\n'
        "Retail,,500,Lost\n"
        ",,,\n"
        "SaaS,West,1.2万,Won\n"
        "Total,,13700,\n"
    ).encode()
    ds = open_dataset(csv, filename="pipeline.csv")
    assert list(ds.names()) == ["Manufacturing · East #3", "Retail #4", "SaaS · West #6"]
    assert ds.named_by_row


def test_sheet_rows_follow_title_rows_and_dropped_rows_in_a_workbook():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Customer report"])
    ws.append([])
    ws.append(["Region", "Contract value", "Employees"])
    for i in range(12):
        ws.append(["North" if i % 2 else "South", 1000 * (i + 1), 10 * (i + 1)])
        if i == 4:
            ws.append([None, None, None])  # a blank row inside the table
    buf = io.BytesIO()
    wb.save(buf)
    ds = open_dataset(buf.getvalue(), filename="report.xlsx")
    names = list(ds.names())
    assert names[0] == "South #4"  # the first data row is row 4 of the sheet
    assert names[5] == "North #10"  # row 9 was blank, so the sixth customer is on row 10
    row10 = ds.table.iloc[5]
    assert row10["Contract value"] == 6000


def test_a_named_customer_keeps_its_name():
    ds = open_dataset(_accounts().to_csv(index=False).encode(), filename="accounts.csv")
    assert ds.names().iloc[0] == "Company 000"
    assert not ds.named_by_row


def test_units_skip_columns_without_text_as_reading_every_cell_would():
    """``_units`` asks ``currency_of`` only about columns with a text cell: the same
    currency per column as asking it about every number column (then the header)."""
    cols = {
        "ACV ($)": [1.0, None, 2.5],  # no text: the header's mark
        "Revenue": [1, 2, 3],
        "Amount": [np.nan, np.nan, None],
        "Deal value": ["$12,000", "$3,000", None],
        "合同金额（元）": ["1.2万", 3, None],
        "Price": ["USD 12,000.00", 5.0, True],
        "Signed (EUR)": [dt.date(2024, 3, 5), None, None],
        "Spend": [np.str_("€12"), "€3", 1],
    }
    table = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in cols.items()})
    table["Typed"] = pd.Series([1.5, 2.5, np.nan])
    mapping = Mapping([ColumnSpec(c, FieldType.NUMBER) for c in table.columns])
    want = {}
    for c in table.columns:
        mark = currency_of(table[c].head(2000).tolist()) or dataset._header_unit(c)
        if mark:
            want[c] = mark
    assert dataset._units(table, mapping) == want
    assert want["ACV ($)"] == "$" and want["Deal value"] == "$" and "Revenue" not in want
