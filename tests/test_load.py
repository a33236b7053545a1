"""icp.load: every reader, sheet choice, header detection and the notes a user sees."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from icp import load
from icp.i18n import t

_spec = importlib.util.spec_from_file_location(
    "biff8", Path(__file__).parent / "data" / "load" / "biff8.py"
)
biff8 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(biff8)


def xlsx(sheets: dict[str, list[list]], merges: dict[str, list[str]] | None = None) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row, start=1):
                if v is not None:
                    ws.cell(row=r, column=c, value=v)
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


CUSTOMERS = [
    ["Name", "Zip", "Revenue", "Signed", "City"],
    ["Acme", "01234", 1500.5, dt.datetime(2023, 3, 1), "上海"],
    ["北京某某科技", "00999", 20, dt.datetime(2023, 5, 2), "北京"],
    ["Gamma", "10001", 3, dt.datetime(2024, 1, 9), "Boston"],
]


def notes(raw: load.RawTable, lang: str = "en") -> str:
    return "\n".join(t(n, lang) for n in raw.notes)


# --- readers ---------------------------------------------------------------


def test_xlsx_keeps_cells_as_read():
    raw = load.read_table(xlsx({"Customers": CUSTOMERS}), filename="list.xlsx")
    assert raw.kind == "xlsx" and raw.sheet == "Customers"
    assert list(raw.df.columns) == ["Name", "Zip", "Revenue", "Signed", "City"]
    assert raw.df["Zip"].tolist() == ["01234", "00999", "10001"]  # leading zeros kept
    assert raw.df["Revenue"].tolist() == [1500.5, 20, 3]
    assert raw.df["Signed"].iloc[0] == dt.date(2023, 3, 1)
    assert raw.df["City"].tolist() == ["上海", "北京", "Boston"]
    assert raw.header_row == 0 and raw.header_rows == 1


def test_content_decides_not_the_extension():
    data = xlsx({"S": CUSTOMERS})
    assert load.sniff(data, "customers.csv") == "xlsx"
    assert load.read_table(data, filename="macro.xlsm").kind == "xlsx"
    text = b"Name,City\nA,B\n"
    assert load.sniff(text, "customers.xlsx") == "csv"
    assert load.read_table(text, filename="customers.xlsx").df.shape == (1, 2)


def test_legacy_xls_reads_with_sheet_choice_and_title_row():
    data = biff8.xls_bytes(
        [
            ("说明", [["本表用于登记客户"], ["请勿修改表头"]]),
            (
                "客户",
                [
                    ["2023 客户名单", None, None, None],
                    [None, None, None, None],
                    ["客户名称", "邮编", "金额", "签约日期"],
                    ["华为", "01234", 1500.5, dt.date(2023, 3, 1)],
                    ["腾讯", "00999", 20, dt.date(2023, 5, 2)],
                    ["阿里", "10001", 3, dt.date(2024, 1, 9)],
                ],
            ),
        ]
    )
    raw = load.read_table(data, filename="legacy.xls")
    assert raw.kind == "xls"
    assert raw.sheet == "客户"
    assert raw.header_row == 2
    assert list(raw.df.columns) == ["客户名称", "邮编", "金额", "签约日期"]
    assert raw.df["邮编"].tolist() == ["01234", "00999", "10001"]
    assert raw.df["签约日期"].iloc[2] == dt.date(2024, 1, 9)
    assert "跳过了表头上方的 1 行" in notes(raw, "zh")


def test_ods_reads():
    df = pd.DataFrame({"Name": ["A", "B"], "Zip": ["01", "02"], "N": [1.5, 2.0]})
    buf = io.BytesIO()
    df.to_excel(buf, engine="odf", index=False, sheet_name="Kunden")
    raw = load.read_table(buf.getvalue(), filename="list.ods")
    assert raw.kind == "ods" and raw.sheet == "Kunden"
    assert raw.df["Zip"].tolist() == ["01", "02"]
    assert raw.df["N"].tolist() == [1.5, 2.0]


@pytest.mark.parametrize("how", ["path", "str", "bytes", "filelike", "uploaded"])
def test_path_bytes_and_file_like_give_the_same_table(tmp_path, how):
    data = xlsx({"S": CUSTOMERS})
    path = tmp_path / "c.xlsx"
    path.write_bytes(data)

    class Uploaded(io.BytesIO):  # what Streamlit's UploadedFile looks like
        name = "c.xlsx"
        size = len(data)

    if how == "filelike":
        with open(path, "rb") as f:
            raw = load.read_table(f)
    else:
        src = {"path": path, "str": str(path), "bytes": data, "uploaded": Uploaded(data)}[how]
        if how == "uploaded":
            src.read(10)  # a read position elsewhere must not matter
        raw = load.read_table(src)
    assert raw.kind == "xlsx"
    assert raw.df["Zip"].tolist() == ["01234", "00999", "10001"]
    assert raw.df.shape == (3, 5)


# --- sheet choice --------------------------------------------------------------


def test_customer_sheet_beats_notes_sheet():
    notes_rows = [["说明"], ["1. 每行一个客户"], ["2. 金额单位：万元"], ["3. 日期格式 YYYY-MM-DD"]]
    data = xlsx({"说明": notes_rows, "Readme": notes_rows, "客户": CUSTOMERS, "Sheet3": []})
    raw = load.read_table(data)
    assert raw.sheet == "客户"
    infos = {s.name: s for s in load.list_sheets(data)}
    assert set(infos) == {"说明", "Readme", "客户", "Sheet3"}
    assert infos["客户"].n_rows == 4 and infos["客户"].n_cols == 5
    assert infos["客户"].score > max(infos["说明"].score, infos["Readme"].score)
    assert 'Using sheet "客户"' in notes(raw)
    assert load.read_table(data, sheet="说明").df.shape[0] == 3  # explicit choice wins


def test_list_sheets_of_text_file_is_empty():
    assert load.list_sheets(b"a,b\n1,2\n") == []


# --- header detection ----------------------------------------------------------


def test_title_rows_and_blank_rows_are_skipped():
    rows = [["2024 客户名单"], ["导出时间：2024-05-01"], [], *CUSTOMERS, [], ["Zed", "1", 1]]
    data = xlsx({"S": rows}, merges={"S": ["A1:E1"]})
    raw = load.read_table(data)
    assert raw.header_row == 3
    assert list(raw.df.columns)[:2] == ["Name", "Zip"]
    assert raw.df["Name"].tolist() == ["Acme", "北京某某科技", "Gamma", "Zed"]  # blank row gone
    assert "Skipped 2 row(s) above the header" in notes(raw)


def test_header_row_can_be_given():
    rows = [["x", "y"], ["Name", "City"], ["A", "B"]]
    raw = load.read_table(xlsx({"S": rows}), header_row=1)
    assert list(raw.df.columns) == ["Name", "City"] and raw.df.shape == (1, 2)


def test_two_row_merged_header_is_joined():
    rows = [
        ["Name", "Region", "Revenue", None, "Employees"],
        [None, None, 2023, 2024, None],
        ["Acme", "East", 10, 12, 50],
        ["Beta", "West", 20, 25, 80],
    ]
    merges = {"S": ["A1:A2", "B1:B2", "C1:D1", "E1:E2"]}
    raw = load.read_table(xlsx({"S": rows}, merges))
    assert raw.header_rows == 2
    assert list(raw.df.columns) == [
        "Name",
        "Region",
        "Revenue / 2023",
        "Revenue / 2024",
        "Employees",
    ]
    assert raw.df["Revenue / 2024"].tolist() == [12, 25]
    assert "Revenue / 2023" in notes(raw)


def test_two_row_header_in_csv_without_merge_info():
    text = "客户,地区,收入,,员工数\n,,2023,2024,\n甲,华东,1,2,10\n乙,华北,3,4,20\n"
    raw = load.read_table(text.encode())
    assert list(raw.df.columns) == ["客户", "地区", "收入 / 2023", "收入 / 2024", "员工数"]
    assert raw.df.shape == (2, 5)


def test_a_text_data_row_is_not_mistaken_for_a_second_header():
    raw = load.read_table(b"Name,Name,,City\nAcme,Beta,Gamma,Delta\n")
    assert raw.header_rows == 1 and raw.df.shape == (1, 4)


def test_totals_rows_are_dropped_with_a_note():
    rows = [*CUSTOMERS, ["Total", None, 1523.5], [None, None, None], ["合计：", None, 1523.5]]
    raw = load.read_table(xlsx({"S": rows}))
    assert raw.df["Name"].tolist() == ["Acme", "北京某某科技", "Gamma"]
    assert "Dropped 2 totals rows" in notes(raw) and "合计行" in notes(raw, "zh")
    # a customer whose name merely starts with the word stays
    raw = load.read_table(b"Name,Deals\nTotal Gym Inc,3\nSum Co,4\n")
    assert raw.df["Name"].tolist() == ["Total Gym Inc", "Sum Co"]


def test_duplicate_and_empty_headers_get_unique_names():
    rows = [["Name", "name", None, "Name", "City"], ["a", "b", "c", "d", "e"]]
    raw = load.read_table(xlsx({"S": rows}))
    assert list(raw.df.columns) == ["Name", "name (2)", "Column 3", "Name (3)", "City"]
    zh = load.read_table(xlsx({"S": rows}), lang="zh")
    assert "第3列" in zh.df.columns
    assert "renamed" in notes(raw) and "Column 3" in notes(raw)


def test_blank_columns_are_dropped_but_named_empty_columns_kept():
    rows = [["Name", None, "Notes", None], ["a", None, None, None], ["b", None, None, None]]
    raw = load.read_table(xlsx({"S": rows}))
    assert list(raw.df.columns) == ["Name", "Notes"]
    assert raw.df["Notes"].isna().all()


def test_formulas_without_cached_values_are_named():
    rows = [["Name", "Revenue", "Double"], ["a", 1, "=B2*2"], ["b", 2, "=B3*2"]]
    raw = load.read_table(xlsx({"S": rows}))  # openpyxl never stores formula results
    assert raw.df["Double"].isna().all()
    assert 'Column "Double" holds formulas' in notes(raw)
    assert "Revenue" not in notes(raw)


# --- text files ----------------------------------------------------------------


def test_gbk_csv():
    raw = load.read_table("客户名称,城市,金额\n华为,深圳,100\n腾讯,深圳,200\n".encode("gbk"))
    assert raw.kind == "csv" and raw.sheet is None
    assert raw.df["客户名称"].tolist() == ["华为", "腾讯"]
    assert "GB18030" in notes(raw)


def test_western_and_traditional_chinese_legacy_encodings():
    raw = load.read_table("Name,City\nMüller GmbH,Zürich\nCafé,Besançon\n".encode("cp1252"))
    assert raw.df["City"].tolist() == ["Zürich", "Besançon"]
    raw = load.read_table("客戶名稱,城市\n台積電,新竹\n鴻海,台北\n".encode("big5"))
    assert raw.df["城市"].tolist() == ["新竹", "台北"]


def test_header_with_many_unnamed_columns_above_numeric_data():
    raw = load.read_table(b"Export 2024\n\nName,,,,,,City,,\n1,2,3,4,5,6,7,8,9\n")
    assert raw.header_row == 2
    assert list(raw.df.columns)[:2] == ["Name", "Column 2"] and raw.df.shape == (1, 9)


def test_whitespace_only_fields_count_as_blank():
    raw = load.read_table(b"Name,Note\nA,   \n , \nB,x\n")
    assert raw.df["Name"].tolist() == ["A", "B"]
    assert raw.df["Note"].isna().iloc[0]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "utf-16-le"])
def test_unicode_encodings(encoding):
    raw = load.read_table("名称,City\n甲,Zürich\n乙,東京\n".encode(encoding))
    assert list(raw.df.columns) == ["名称", "City"]  # BOM never leaks into the first name
    assert raw.df["City"].tolist() == ["Zürich", "東京"]


def test_semicolon_csv_keeps_decimal_commas_and_zeros():
    raw = load.read_table(b"Name;Amount;Zip\nAcme;1,5;01234\nBeta;2,75;00999\n")
    assert raw.df["Amount"].tolist() == ["1,5", "2,75"]
    assert raw.df["Zip"].tolist() == ["01234", "00999"]
    assert "semicolons" in notes(raw)


def test_tab_and_pipe_delimited():
    assert load.read_table(b"Name\tCity\nA\tB\nC\tD\n").df.shape == (2, 2)
    assert list(load.read_table(b"Name|City\nA|B\n").df.columns) == ["Name", "City"]


def test_csv_quotes_newlines_and_empty_fields():
    raw = load.read_table(b'Name,Note,X\n"Acme, Inc","two\nlines",\nB,,1\n')
    assert raw.df["Name"].tolist() == ["Acme, Inc", "B"]
    assert raw.df["Note"].iloc[0] == "two\nlines"
    assert raw.df["Note"].isna().iloc[1] and raw.df["X"].isna().iloc[0]


def test_csv_title_rows_and_totals():
    text = "2024 客户名单,,\n,,\nName,City,Revenue\nA,X,1\nB,Y,2\n合计,,3\n"
    raw = load.read_table(text.encode())
    assert raw.header_row == 2
    assert raw.df["Name"].tolist() == ["A", "B"]
    assert "合计" in notes(raw)


def test_ragged_csv_keeps_every_field():
    raw = load.read_table(b"Name,City\nA,B\nC,D,extra\nE\n")
    assert raw.df["Name"].tolist() == ["A", "C", "E"]
    assert raw.df.shape == (3, 3) and raw.df.iloc[1, 2] == "extra"
    assert "different number of fields" in notes(raw)
