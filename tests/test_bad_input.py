"""icp.load refuses bad and dangerous files by content, each with its own message.

Every refusal is checked for its catalogue key and for a real message in both
languages (non-empty, and the Chinese is not just the English).
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import os
import struct
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from msoffcrypto.format.ooxml import OOXMLFile

from icp import bookscan, load
from icp.errors import InputError

_spec = importlib.util.spec_from_file_location(
    "biff8", Path(__file__).parent / "data" / "load" / "biff8.py"
)
biff8 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(biff8)

ROWS = [["Name", "City", "Revenue"], ["Acme", "上海", 10], ["Beta", "北京", 20]]


def xlsx(rows=ROWS, **sheets) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Customers"
    for r in rows:
        ws.append(r)
    for name, extra in sheets.items():
        ws2 = wb.create_sheet(name)
        for r in extra:
            ws2.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rezip(
    data: bytes, replace: dict[str, bytes], *, extra: dict[str, bytes] | None = None
) -> bytes:
    """Copy an xlsx, swapping some members' content (and adding members)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = replace.get(info.filename, zin.read(info.filename))
            zout.writestr(info.filename, body, compress_type=zipfile.ZIP_DEFLATED)
        for name, body in (extra or {}).items():
            zout.writestr(name, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def refused(src, key: str, **kw) -> InputError:
    with pytest.raises(InputError) as info:
        load.read_table(src, **kw)
    err = info.value
    assert err.msg.key == key, err.msg.key
    en, zh = err.message("en"), err.message("zh")
    assert en.strip() and zh.strip() and en != zh
    assert "{" not in en and "{" not in zh  # every placeholder was filled
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)
    return err


# --- what the bytes really are ----------------------------------------------------


def test_encrypted_xlsx_made_with_msoffcrypto():
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(xlsx())).encrypt("s3cret", out)
    err = refused(out.getvalue(), "load.encrypted", filename="customers.xlsx")
    assert "password" in err.message("en") and "密码" in err.message("zh")
    with pytest.raises(InputError):
        load.sniff(out.getvalue())


def test_encrypted_legacy_xls():
    data = biff8.xls_bytes([("S", ROWS)], filepass=True)
    refused(data, "load.encrypted", filename="old.xls")


def test_png_renamed_xlsx():
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + os.urandom(200)
    err = refused(png, "load.image", filename="customers.xlsx")
    assert "PNG" in err.message("en")


def test_pdf_renamed_csv():
    refused(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "load.pdf", filename="a.csv")


def test_truncated_xlsx():
    data = xlsx()
    refused(data[: len(data) // 2], "load.corrupt", filename="customers.xlsx")


def test_binary_garbage():
    refused(bytes(range(256)) * 40 + os.urandom(4000), "load.binary", filename="x.csv")


def test_word_document_renamed_xlsx():
    doc = io.BytesIO()
    with zipfile.ZipFile(doc, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    refused(doc.getvalue(), "load.word", filename="customers.xlsx")


def test_gzip_archive():
    refused(gzip.compress(b"Name,City\nA,B\n"), "load.archive", filename="customers.csv")


def test_html_table_saved_as_xls():
    page = b"<html><body><table><tr><td>Name</td></tr></table></body></html>"
    refused(page, "load.html", filename="export.xls")


# --- sizes and bombs -----------------------------------------------------------------


def test_empty_file():
    refused(b"", "load.empty")
    refused(io.BytesIO(b""), "load.empty")


def test_over_the_limit_is_refused_before_reading(tmp_path):
    data = xlsx()
    err = refused(data, "load.too_big", max_bytes=1000)
    assert "MB" in err.message("en")
    path = tmp_path / "big.xlsx"
    path.write_bytes(data)
    refused(path, "load.too_big", max_bytes=1000)

    class Endless(io.RawIOBase):  # a stream that never ends: only max_bytes + 1 is read
        def readable(self):
            return True

        def read(self, n=-1):
            assert n != -1
            return (b"a," * n)[:n]

    refused(Endless(), "load.too_big", max_bytes=4096)


def test_zip_bomb_by_compression_ratio():
    zeros = bytes(30 * 1024 * 1024)  # 30 MB of zeros deflate to ~30 KB: ratio ~1000
    data = rezip(xlsx(), {}, extra={"xl/media/padding.bin": zeros})
    assert len(data) < 200_000
    refused(data, "load.zip_bomb", filename="customers.xlsx")


def test_zip_bomb_by_declared_size():
    data = bytearray(xlsx())
    # Claim 4 GB uncompressed for the sheet in the central directory (crafted header).
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        name = bytes(data[pos + 46 : pos + 46 + name_len])
        if name == b"xl/worksheets/sheet1.xml":
            struct.pack_into("<I", data, pos + 24, 0xF0000000)
        pos = data.find(b"PK\x01\x02", pos + 4)
    assert (
        zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("xl/worksheets/sheet1.xml").file_size > 1e9
    )
    refused(bytes(data), "load.zip_bomb")


def test_xml_entity_bomb_in_shared_strings():
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
        b'uniqueCount="1"><si><t>&lol3;</t></si></sst>'
    )
    data = rezip(xlsx(), {}, extra={"xl/sharedStrings.xml": lol})
    refused(data, "load.xml_entities", filename="customers.xlsx")


def test_sparse_sheet_with_a_far_away_cell():
    wb = openpyxl.Workbook()
    wb.active["A1"] = "Name"
    wb.active["A2"] = "Acme"
    wb.active["ZZ900000"] = "x"  # 4 KB on disk, 630 million cells if read densely
    buf = io.BytesIO()
    wb.save(buf)
    err = refused(buf.getvalue(), "load.sheet_too_large")
    assert "900000" in err.message("en")


def test_ods_with_a_row_repeated_two_hundred_thousand_times():
    buf = io.BytesIO()
    pd.DataFrame({"Name": ["A", "B"], "City": ["x", "y"]}).to_excel(buf, engine="odf", index=False)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        content = z.read("content.xml")
    row = (
        b'<table:table-row table:number-rows-repeated="200000"><table:table-cell '
        b'office:value-type="string" table:number-columns-repeated="200"><text:p>x</text:p>'
        b"</table:table-cell></table:table-row>"
    )
    bomb = rezip(
        buf.getvalue(), {"content.xml": content.replace(b"</table:table>", row + b"</table:table>")}
    )
    assert len(bomb) < 10_000  # 40 million cells once unfolded
    refused(bomb, "load.book_too_large", filename="list.ods")
    # the trailing empty rows LibreOffice writes are fine
    empty = (
        b'<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
        b'table:number-columns-repeated="1024"/></table:table-row>'
    )
    ok = rezip(
        buf.getvalue(),
        {"content.xml": content.replace(b"</table:table>", empty + b"</table:table>")},
    )
    assert load.read_table(ok).df["Name"].tolist() == ["A", "B"]


def _sheet_with(extra_rows: bytes) -> bytes:
    """The small ROWS workbook with raw XML rows added at the end of its sheet."""
    data = xlsx()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    return rezip(
        data,
        {"xl/worksheets/sheet1.xml": sheet.replace(b"</sheetData>", extra_rows + b"</sheetData>")},
    )


def test_cells_without_references_on_the_last_row():
    # Cells without r= take the next column: 2,000 of them on row 1,048,576 make the
    # reader allocate two billion cells (it used to abort the whole process).
    cell = b'<c t="inlineStr"><is><t>x</t></is></c>'
    bomb = _sheet_with(b'<row r="1048576">' + cell * 2000 + b"</row>")
    assert len(bomb) < 10_000
    err = refused(bomb, "load.sheet_too_large", filename="customers.xlsx")
    assert "1048576" in err.message("en")


@pytest.mark.parametrize(
    "row",
    [
        b'<row r="1048576">',
        b"<row r='1048576'>",
        b'<row spans="1:1" r="1048576">',
        b'<row\nr="1048576">',
    ],
)
def test_one_far_away_row_written_any_way_is_refused(row):
    # under the cell limit (1M rows x 26 columns) but a million rows for one written
    bomb = _sheet_with(row + b'<c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>')
    err = refused(bomb, "load.sheet_sparse", filename="customers.xlsx")
    assert "1048576" in err.message("en")


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        (b'<c r="Z1048576"><v>1</v></c>', "load.sheet_sparse"),  # 27M cells: under the limit
        (b'<c r="XFD1048576"><v>1</v></c>', "load.sheet_too_large"),
        (b'<c r="A0001048576"><v>1</v></c>', "load.sheet_sparse"),
    ],
)
def test_a_cell_whose_reference_lies_far_below_its_row_is_refused(cell, key):
    # The reader places a cell by its own reference: one cell claiming row 1,048,576
    # inside row 6 stretches the sheet to a million rows (the scan only read the rows').
    bomb = _sheet_with(b'<row r="6">' + cell + b"</row>")
    assert len(bomb) < 10_000
    err = refused(bomb, key, filename="customers.xlsx")
    assert "1048576" in err.message("en")


@pytest.mark.parametrize(
    ("cell", "rows"),
    [
        (b'<c r="B6"><v>1</v></c>', 6),  # the usual cell: its row's number
        (b'<c r="B60"><v>1</v></c>', 60),  # more digits than any row: read
        (b'<c r="AB7"><v>1</v></c>', 7),  # two letters: always read
        (b'<c r="AB0123456"><v>1</v></c>', 123456),
    ],
)
def test_the_scan_counts_the_rows_cells_name(cell, rows):
    data = _sheet_with(b'<row r="6">' + cell + b"</row>")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        extent = bookscan.scan_xlsx(zf, {"s": "xl/worksheets/sheet1.xml"})["s"]
    assert extent.rows == rows


def test_a_row_numbered_with_twelve_digits_is_refused_not_a_crash():
    bomb = _sheet_with(b'<row r="100000000000"><c r="A100000000000"><v>1</v></c></row>')
    refused(bomb, "load.sheet_too_large", filename="customers.xlsx")


def test_rows_and_cells_without_references_read_in_order():
    row = b"<row>" + b'<c t="inlineStr"><is><t>Gamma</t></is></c><c t="n"><v>7</v></c>' + b"</row>"
    df = load.read_table(_sheet_with(row)).df
    assert df["Name"].tolist() == ["Acme", "Beta", "Gamma"]
    assert df["City"].tolist() == ["上海", "北京", 7]


def _ods_with(rows: bytes) -> bytes:
    buf = io.BytesIO()
    pd.DataFrame({"Name": ["A", "B"], "City": ["x", "y"]}).to_excel(buf, engine="odf", index=False)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z:
        content = z.read("content.xml")
    return rezip(
        buf.getvalue(),
        {"content.xml": content.replace(b"</table:table>", rows + b"</table:table>")},
    )


_FILLED_CELL = b'<table:table-cell office:value-type="string"><text:p>z</text:p></table:table-cell>'


def test_ods_one_filled_row_repeated_a_million_times():
    bomb = _ods_with(
        b'<table:table-row table:number-rows-repeated="1048570">'
        + _FILLED_CELL
        + b"</table:table-row>"
    )
    assert len(bomb) < 2_000
    err = refused(bomb, "load.sheet_sparse", filename="list.ods")
    assert "1048573" in err.message("en")  # 3 written rows + the repeats


def test_ods_empty_rows_repeated_before_a_filled_row():
    # empty repeats only count when something filled follows them, as here
    bomb = _ods_with(
        b'<table:table-row table:number-rows-repeated="1048570"><table:table-cell '
        b'table:number-columns-repeated="1024"/></table:table-row>'
        b"<table:table-row>" + _FILLED_CELL + b"</table:table-row>"
    )
    assert len(bomb) < 2_000
    refused(bomb, "load.sheet_sparse", filename="list.ods")


def test_ods_empty_cells_repeated_before_a_filled_cell():
    bomb = _ods_with(
        b'<table:table-row table:number-rows-repeated="100000"><table:table-cell '
        b'table:number-columns-repeated="1024"/>' + _FILLED_CELL + b"</table:table-row>"
    )
    refused(bomb, "load.book_too_large", filename="list.ods")


# --- tables that hold nothing to analyse --------------------------------------------


def test_header_only_xlsx_and_csv():
    err = refused(xlsx([["Name", "City", "Revenue"]]), "load.header_only")
    assert "Name, City, Revenue" in err.message("en")
    refused(b"Name,City\n\n,\n", "load.header_only")
    refused(xlsx([*ROWS[:1], ["Total", None, 30]]), "load.header_only")  # only a totals row


def test_no_usable_columns():
    refused(b",,,\n,,,\n , , ,\n", "load.no_columns")
    refused(b"\n\n   \n", "load.no_columns")


def test_missing_sheet_names_the_sheets_there_are():
    err = refused(xlsx(Notes=[["说明"]]), "load.sheet_missing", sheet="客户")
    assert "Customers, Notes" in err.message("en")


def test_empty_sheet_chosen_explicitly():
    refused(xlsx(Blank=[]), "load.sheet_empty", sheet="Blank")


def test_header_row_outside_the_table():
    refused(xlsx(), "load.header_row_out_of_range", header_row=50)


def test_missing_path(tmp_path):
    refused(tmp_path / "nope.xlsx", "load.not_found")


# --- awkward but valid: must read, not hang ------------------------------------------


def test_three_thousand_columns_read():
    header = [f"Field {i}" for i in range(3000)]
    raw = load.read_table(xlsx([header, list(range(3000)), list(range(3000))]))
    assert raw.df.shape == (2, 3000)
    assert raw.df.columns[-1] == "Field 2999"


def test_a_one_megabyte_cell_reads():
    big = "客" * 1_000_000
    # openpyxl caps cells at Excel's 32,767 characters, so write the cell into the XML
    data = xlsx([["Name", "Notes"], ["Acme", "PLACEHOLDER"]])
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        part = "xl/worksheets/sheet1.xml"
        sheet = z.read(part).replace(b"PLACEHOLDER", big.encode())
        if b"PLACEHOLDER" in z.read(part) or "xl/sharedStrings.xml" not in z.namelist():
            huge = rezip(data, {part: sheet})
        else:
            strings = z.read("xl/sharedStrings.xml").replace(b"PLACEHOLDER", big.encode())
            huge = rezip(data, {"xl/sharedStrings.xml": strings})
    raw = load.read_table(huge)
    assert raw.df["Notes"].iloc[0] == big
    text = ("Name,Notes\nAcme," + big + "\nBeta,short\n").encode()
    raw = load.read_table(text)
    assert raw.df["Notes"].tolist() == [big, "short"]
