"""A UTF-8 CSV with a few lines in another code page keeps every line readable."""

from __future__ import annotations

from icp.i18n import t
from icp.load import read_table


def test_utf8_csv_with_cp1252_and_gbk_lines_is_repaired_line_by_line():
    lines = [
        b"Company,City,Note",
        "Café Noir,Zürich,déjà vu".encode(),
        "北京精工,北京,老客户".encode(),
        "Crème SA,Genève,très bien".encode(),
        "Müller GmbH,München,pünktlich".encode("cp1252"),  # line 5: typed on a Windows PC
        "上海机电,上海,新客户".encode("gbk"),  # line 6: pasted from a GBK export
        "Åsa AB,Malmö,ok".encode(),
    ]
    table = read_table(b"\n".join(lines) + b"\n", filename="mixed.csv")

    companies = table.df.iloc[:, 0].tolist()
    assert companies == ["Café Noir", "北京精工", "Crème SA", "Müller GmbH", "上海机电", "Åsa AB"]
    assert table.df.iloc[3, 1] == "München"
    assert table.df.iloc[4, 2] == "新客户"
    notes = [t(n, "en") for n in table.notes]
    assert any("2 line(s)" in n and "line 5, 6" in n for n in notes), notes


def test_a_plain_cp1252_file_is_still_read_whole_as_cp1252():
    data = "Company,City\nMüller GmbH,München\nCafé,Genève\n".encode("cp1252")
    table = read_table(data, filename="western.csv")
    assert table.df.iloc[:, 0].tolist() == ["Müller GmbH", "Café"]
    assert not any("line(s)" in t(n, "en") for n in table.notes)
