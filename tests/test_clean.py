"""Cleaning: awkward cells parse the way a spreadsheet user means them, the
report counts what did not, and outcome/tag helpers read EN and ZH."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from icp import clean as clean_module
from icp.clean import clean
from icp.i18n import t
from icp.parse import parse_date, parse_dates, parse_number, parse_range, split_tags, won_mask
from icp.schema import ColumnSpec, FieldType, Mapping, Role


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("$12,000", 12000.0),
        ("12,000.50", 12000.5),
        ("1.2万", 12000.0),
        ("3亿", 3e8),
        ("15%", 0.15),
        ("1,5", 1.5),
        ("¥3,000元", 3000.0),
        ("￥3,000元", 3000.0),
        ("(1,200)", -1200.0),
        ("-1,200", -1200.0),
        ("1.234,56", 1234.56),
        ("1 000", 1000.0),
        ("10k", 10000.0),
        ("$1.2M", 1.2e6),
        ("1.5亿元", 1.5e8),
        ("8.5万元", 85000.0),
        ("1千万", 1e7),
        ("35 days", 35.0),
        ("120人", 120.0),
        ("约50", 50.0),
        ("１２３", 123.0),  # full-width digits
        (42, 42.0),
        (3.5, 3.5),
        ("N/A", None),
        ("-", None),
        ("--", None),
        ("—", None),
        ("无", None),
        ("暂无", None),
        ("null", None),
        ("#N/A", None),
        ("", None),
        ("   ", None),
        (None, None),
        (float("nan"), None),
        ("abc", None),
        ("2024-03-05", None),
        ("100-300人", None),  # a range, not a number
        ("inf", None),
    ],
)
def test_parse_number(cell, expected):
    got = parse_number(cell)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("100-300人", (100, 300)),
        ("10–20", (10, 20)),
        ("10~20", (10, 20)),
        ("10 to 20", (10, 20)),
        ("300-500万", (3e6, 5e6)),
        ("5-10万", (5e4, 1e5)),
        ("1.2万-1.5万", (12000, 15000)),
        ("$10k-$20k", (1e4, 2e4)),
        ("10-20%", (0.1, 0.2)),
        ("300万以上", (3e6, math.nan)),
        ("100人以上", (100, math.nan)),
        ("500+", (500, math.nan)),
        (">100", (100, math.nan)),
        ("10人以下", (0, 10)),
        ("5万以内", (0, 5e4)),
        ("<10", (0, 10)),
        ("2024-03", None),  # reversed: a date, not a range
        ("2024-03-05", None),
        ("12", None),
        ("N/A", None),
        (None, None),
        ("abc-def", None),
    ],
)
def test_parse_range(cell, expected):
    got = parse_range(cell)
    if expected is None:
        assert got is None
        return
    assert got is not None
    assert got[0] == pytest.approx(expected[0])
    if math.isnan(expected[1]):
        assert math.isnan(got[1])
    else:
        assert got[1] == pytest.approx(expected[1])


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024/3/5", "2024-03-05"),
        ("05.03.2024", "2024-03-05"),
        ("2024年3月5日", "2024-03-05"),
        ("2024年3月", "2024-03-01"),
        ("20240305", "2024-03-05"),
        (45356, "2024-03-05"),  # Excel serial number
        ("45356", "2024-03-05"),
        (45356.5, "2024-03-05 12:00"),
        (dt.datetime(2024, 3, 5, 14, 30), "2024-03-05 14:30"),
        (dt.date(2024, 3, 5), "2024-03-05"),
        (pd.Timestamp("2024-03-05", tz="Asia/Shanghai"), "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("2024-03-05T10:00:00+08:00", "2024-03-05 10:00"),
        ("2024-13-45", None),
        ("soon", None),
        ("3", None),
        ("N/A", None),
        (None, None),
    ],
)
def test_parse_date(cell, expected):
    got = parse_date(cell)
    if expected is None:
        assert got is None
    else:
        assert got == pd.Timestamp(expected)


def test_parse_dates_reads_day_first_when_the_column_shows_it():
    s = pd.Series(["03/05/2024", "13/05/2024", None])
    out = parse_dates(s)
    assert out.dtype == "datetime64[ns]"
    assert list(out[:2]) == [pd.Timestamp("2024-05-03"), pd.Timestamp("2024-05-13")]
    assert pd.isna(out[2])


def _messy() -> tuple[pd.DataFrame, Mapping]:
    df = pd.DataFrame(
        {
            "Company": ["  Acme ", "Beta", None, "Gamma", "Delta", "Total", "Eps"],
            "Employees": ["100-300人", "50", None, "300人以上", "N/A", None, "10人以下"],
            "ACV": ["$12,000", "1.2万", None, "oops", "(1,200)", "$23,800", "n/a"],
            "Margin": ["35%", 35, None, "0.35", "40", None, "—"],
            "Created": ["2024-03-05", "2024/3/5", None, "2024年3月5日", 45356, None, "never"],
            "Status": ["Won", "Lost", None, "已签约", "无", None, "Open"],
            "Ignored": ["x", "=SUM(A1)", None, 5, None, None, "  y "],
        }
    )
    m = Mapping(
        [
            ColumnSpec("Company", FieldType.TEXT, Role.NAME),
            ColumnSpec("Employees", FieldType.NUMBER, Role.EMPLOYEES),
            ColumnSpec("ACV", FieldType.NUMBER, Role.VALUE),
            ColumnSpec("Margin", FieldType.NUMBER, Role.MARGIN),
            ColumnSpec("Created", FieldType.DATE, Role.CREATED),
            ColumnSpec("Status", FieldType.SINGLE, Role.OUTCOME),
            ColumnSpec("Ignored", FieldType.TEXT, include=False),
        ]
    )
    return df, m


def test_clean_types_values_and_report():
    df, m = _messy()
    out = clean(df, m)
    tab, rep = out.table, out.report

    # the blank row and the totals row are gone, and the report says why
    assert rep.rows_in == 7 and rep.rows_kept == 5 and len(tab) == 5
    reasons = {msg.key: n for msg, n in rep.dropped}
    assert reasons == {"clean.dropped.empty": 1, "clean.dropped.totals": 1}
    assert "Total" not in set(tab["Company"].dropna())

    assert tab["Employees"].dtype == "float64"
    assert tab["ACV"].dtype == "float64"
    assert tab["Created"].dtype == "datetime64[ns]"
    assert list(tab["Company"]) == ["Acme", "Beta", "Gamma", "Delta", "Eps"]

    # ranges → midpoint (open-ended → bound, "below" → half), ends kept
    emp = tab["Employees"].tolist()
    assert emp[:3] == [200.0, 50.0, 300.0] and math.isnan(emp[3]) and emp[4] == 5.0
    rng = out.ranges["Employees"]
    assert list(rng.columns) == ["low", "high"] and len(rng) == 5
    assert rng.iloc[0].tolist() == [100.0, 300.0]
    assert rng.iloc[1].tolist() == [50.0, 50.0]
    assert rng.iloc[2, 0] == 300.0 and math.isnan(rng.iloc[2, 1])
    assert "ACV" not in out.ranges

    assert tab["ACV"].tolist()[:2] == [12000.0, 12000.0]
    assert tab["ACV"][3] == -1200.0 and math.isnan(tab["ACV"][2])

    # 35%, 35 and 0.35 all mean the same margin
    assert tab["Margin"].tolist()[:4] == pytest.approx([0.35, 0.35, 0.35, 0.40])

    assert (tab["Created"][:4] == pd.Timestamp("2024-03-05")).all()
    assert pd.isna(tab["Created"][4])

    assert tab["Status"].isna().tolist() == [False, False, False, True, False]

    # excluded column: kept exactly as read
    assert tab["Ignored"].tolist()[:2] == ["x", "=SUM(A1)"]
    assert "Ignored" not in {c.name for c in rep.columns}

    cols = {c.name: c for c in rep.columns}
    acv = cols["ACV"]
    assert (acv.parsed, acv.failed, acv.missing) == (3, 1, 1)
    assert acv.examples == ["oops"]
    created = cols["Created"]
    assert (created.parsed, created.failed, created.missing, created.examples) == (
        4,
        1,
        0,
        ["never"],
    )
    assert (cols["Employees"].parsed, cols["Employees"].missing) == (4, 1)
    assert cols["Status"].missing == 1

    keys = {n.key for n in rep.notes}
    assert {"clean.note.ranges", "clean.note.margin_percent", "clean.note.excel_dates"} <= keys
    for note in rep.notes:  # every note renders in both languages with its column
        assert "Employees" in t(note, "en") or note.key != "clean.note.ranges"
        assert t(note, "zh") != note.key


def test_examples_are_capped_at_three_and_in_row_order():
    df = pd.DataFrame({"v": ["a", "1", "b", "c", "a", "d", "2"]})
    out = clean(df, Mapping([ColumnSpec("v", FieldType.NUMBER)]))
    col = out.report.columns[0]
    assert (col.parsed, col.failed, col.missing) == (2, 5, 0)
    assert col.examples == ["a", "b", "c"]


def test_numeric_dtype_columns_and_text_numbers():
    df = pd.DataFrame({"n": [1, 2, None], "s": [1.0, 2.5, None], "d": [45356, None, 45357]})
    m = Mapping(
        [
            ColumnSpec("n", FieldType.NUMBER, Role.MARGIN),
            ColumnSpec("s", FieldType.SINGLE),
            ColumnSpec("d", FieldType.DATE),
        ]
    )
    out = clean(df, m).table
    assert out["n"].tolist()[:2] == [0.01, 0.02]  # margin in percent points
    assert out["s"].tolist()[:2] == ["1", "2.5"]  # Excel's 1.0 is the category "1"
    assert out["d"][0] == pd.Timestamp("2024-03-05")


def test_many_distinct_values_take_the_vectorised_path_with_the_same_answers():
    rng = np.random.default_rng(0)
    amounts = rng.integers(1000, 10_000_000, 5000)
    cells = [f"${a:,}" for a in amounts] + ["1,5", "2.5万", "(3,000)", "N/A", "bad"]
    names = [f" Customer {i} " for i in range(5000)] + ["合计", "x", "y", "z", "-"]
    df = pd.DataFrame({"v": pd.Series(cells, dtype="str"), "name": pd.Series(names, dtype="str")})
    m = Mapping([ColumnSpec("v", FieldType.NUMBER), ColumnSpec("name", FieldType.TEXT)])
    out = clean(df, m)
    got = out.table["v"].tolist()
    # the "合计" row (text "合计", little else) is a totals row
    assert out.report.rows_kept == len(cells) - 1
    assert got[:5000] == [parse_number(c) for c in cells[:5000]] == [float(a) for a in amounts]
    assert got[5000:5002] == [25000.0, -3000.0]
    assert math.isnan(got[5002]) and math.isnan(got[5003])
    assert out.table["name"][0] == "Customer 0"
    assert pd.isna(out.table["name"].iloc[-1])
    col = out.report.columns[0]
    assert (col.failed, col.missing, col.examples) == (1, 1, ["bad"])


def test_won_mask_english_and_chinese():
    won = ["Won", "closed won", "Closed Won", "已签约", "成交", "是", "yes", "1", 1, True]
    lost = ["Lost", "Closed lost", "未签约", "流失", "否", "no", "0", 0]
    s = pd.Series([*won, *lost, "Open", "跟进中", None, "", "maybe"])
    w = won_mask(s)
    assert str(w.dtype) == "boolean"
    assert w[:10].tolist() == [True] * 10
    assert w[10:18].tolist() == [False] * 8
    assert w[18:].isna().all()
    assert won_mask(pd.Series([], dtype="str")).empty


def test_split_tags():
    s = pd.Series(["Salesforce, Slack", " Slack ,, HubSpot ", "机床设备，机电设备", None, "N/A"])
    tags = split_tags(s, ",")
    assert tags.tolist() == [
        ["Salesforce", "Slack"],
        ["Slack", "HubSpot"],
        ["机床设备", "机电设备"],  # full-width comma splits too
        [],
        [],
    ]
    zh = split_tags(pd.Series(["机床设备、矿山设备", "重型机械设备"]), "、")
    assert zh.tolist() == [["机床设备", "矿山设备"], ["重型机械设备"]]


def test_clean_an_empty_frame_and_an_all_blank_column():
    df = pd.DataFrame({"a": [None, None], "b": ["", "  "]})
    m = Mapping([ColumnSpec("a", FieldType.NUMBER), ColumnSpec("b", FieldType.TEXT)])
    out = clean(df, m)
    assert out.report.rows_kept == 0 and len(out.table) == 0
    assert list(out.table.columns) == ["a", "b"]


def test_many_distinct_dates_read_the_same_as_one_by_one():
    base = pd.Timestamp("2023-01-01")
    cells = [(base + pd.Timedelta(minutes=7 * i)).strftime("%Y-%m-%d %H:%M") for i in range(6000)]
    cells += ["2024年3月5日", "45356", "05.03.2024", "soon", "N/A"]
    out = parse_dates(pd.Series(cells, dtype="str"))
    assert out[0] == base and out[5999] == base + pd.Timedelta(minutes=7 * 5999)
    assert (out[6000:6003] == pd.Timestamp("2024-03-05")).all()
    assert out[6003:].isna().all()


def test_number_cells_read_once_across_columns_equal_each_column_read_alone():
    """Columns sharing one ``texts`` memo (what ``clean`` does for a wide sheet) parse each
    cell as a fresh reading would: text amounts, ranges, percents, markers, failures, and
    1 / 1.0 / True / "1" kept apart."""
    cols = [
        ["1.2万", "$12,000", "N/A", "15%", "100-300人", "300万以上", 1, 1.0, True, "1", None],
        ["1.2万", "1,5", "(1,200)", "abc", "", "—", 2.5, False, "2024-03-05", "15%", "x"],
        ["abc", "1.2万", 0, 0.0, "0", "-0", "¥3,000元", dt.date(2024, 3, 5), np.nan, "2 - 1"],
    ]  # fmt: skip
    texts: dict = {}
    for cells in cols * 2:
        uniq = np.asarray(pd.unique(pd.Series(cells, dtype=object)), dtype=object)
        shared = clean_module._numbers_from_uniques(uniq, texts)
        alone = clean_module._numbers_from_uniques(uniq)
        for key in alone:
            np.testing.assert_array_equal(shared[key], alone[key], err_msg=key)
    assert texts and all(type(k) is str for k in texts)
