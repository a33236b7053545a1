"""icp.parse: the one place cells are read — missing markers, numbers, bands, dates,
outcome words and tags — and the modules that must agree with it."""

from __future__ import annotations

import datetime as dt
import math
import random
import re

import numpy as np
import pandas as pd
import pytest

from icp import clean, join, parse, schema, sheetcols, sheets


@pytest.mark.parametrize("cell", [None, math.nan, pd.NaT, "", "  ", "N/A", "-", "无", "null"])
def test_missing_markers(cell):
    assert parse.is_missing(cell)


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("$12,000", 12000),
        ("1.2万", 12000),
        ("3亿", 3e8),
        ("15%", 0.15),
        ("1,5", 1.5),
        ("(1,200)", -1200),
        # a Chinese sheet's amounts: the currency as a word, an estimate, a fee's period
        ("人民币12,000", 12000),
        ("约1.2万", 12000),
        ("1.2万元/年", 12000),
        ("3000元/月", 3000),
        ("$99 per month", 99),
    ],
)
def test_numbers_people_type(cell, value):
    assert parse.parse_number(cell) == pytest.approx(value)


def test_bands():
    assert parse.parse_range("100-300人") == (100, 300)
    assert parse.parse_range("300-500万") == (3e6, 5e6)
    low, high = parse.parse_range("300万以上")
    assert low == 3e6 and math.isnan(high)


@pytest.mark.parametrize(
    "text",
    [
        "2024-03-05",
        "2024/3/5",
        "2024年3月5日",
        "2024.03.05",
        "05.03.2024",
        "3/5/24",
        "20240305",
        "5 Mar 2024",
        "5-Mar-2024",
        "March 5, 2024",
    ],
)
def test_date_shaped_text_is_date_like(text):
    assert parse.looks_like_date(text)


@pytest.mark.parametrize("text", ["2310.55", "2024.03", "1200,50", "12", "Acme Ltd", "100-300人"])
def test_numbers_and_words_are_never_date_like(text):
    assert not parse.looks_like_date(text)


def test_a_decimal_column_is_not_read_as_dates_by_the_join():
    col = pd.Series(["2310.55", "1200.10", "980.00"], dtype=object)
    assert sheetcols.to_dates(col, strict=True).isna().all()
    assert parse.parse_dates(pd.Series(["2310.55"], dtype=object)).isna().all()


def test_a_decimal_column_is_typed_as_a_number():
    df = pd.DataFrame({"Company": list("abcdefgh"), "revenue": ["2310.55", "1200.10"] * 4})
    spec = schema.detect_mapping(df).get("revenue")
    assert spec is not None and spec.type == schema.FieldType.NUMBER


def test_outcome_words_and_open_deals():
    s = pd.Series(["Won", "已签约", "是", "Lost", "未签约", "Open", None], dtype=object)
    assert parse.won_mask(s).tolist() == [True, True, True, False, False, pd.NA, pd.NA]


def test_salesforce_account_types_and_lead_statuses_read_as_customer_or_not():
    """An accounts export's Type: "Customer - Direct" is a customer, "Prospect" is not
    (yet); "Other" says nothing, nor does a "Former Customer"."""
    assert parse.outcome("Customer - Direct") is True
    assert parse.outcome("Customer - Channel") is True
    assert parse.outcome("Prospect") is False and parse.outcome("Prospect - Hot") is False
    assert parse.outcome("Other") is None and parse.outcome("Former Customer") is None
    # and its lead statuses
    assert parse.outcome("Converted") is True
    assert parse.outcome("Closed - Not Converted") is False
    assert parse.outcome("Open - Not Contacted") is None


def test_a_tick_is_yes_and_a_cross_is_no():
    # Chinese sheets mark 是否续约 / 是否转介绍 with √ and ×
    s = pd.Series(["√", "×", "✓", "✗", "✔", "☒", "", None], dtype=object)
    assert parse.won_mask(s).tolist() == [True, False, True, False, True, False, pd.NA, pd.NA]


def test_a_period_is_not_a_date_or_a_fraction():
    assert parse.parse_number("1/2") is None  # a fraction or a date, not "1 per 2"
    assert parse.parse_number("2023/5") is None


def test_tags_split_on_half_and_full_width_separators():
    s = pd.Series(["CRM, ERP，BI", None], dtype=object)
    assert parse.split_tags(s, ",").tolist() == [["CRM", "ERP", "BI"], []]


def test_clean_and_join_use_the_same_parsers():
    """No module re-implements a cell parser: clean, schema and the join define no
    function that icp.parse defines, and keep no private copy of the old helpers."""
    parsers = {
        n
        for n, f in vars(parse).items()
        if callable(f) and getattr(f, "__module__", None) == "icp.parse"
    }
    assert {"parse_number", "is_missing", "parse_date"} <= parsers
    for mod in (clean, schema, join, sheets, sheetcols):
        own = {
            n
            for n, f in vars(mod).items()
            if callable(f) and getattr(f, "__module__", None) == mod.__name__
        }
        assert not parsers & own, (mod.__name__, parsers & own)
    for mod in (join, sheets, sheetcols):
        assert not hasattr(mod, "_is_missing") and not hasattr(mod, "_DATE_LIKE")


def test_an_untouched_dropdown_is_no_answer_and_never_a_trait():
    """Web-form exports write "Select" / 请选择 where nobody picked a value; a finding
    "Specialization = Select" would describe the form, not the customer."""
    from icp.dataset import open_dataset

    for cell in ("Select", " select ", "-- Select --", "请选择", "未填写"):
        assert parse.is_missing(cell)
    assert not parse.is_missing("Selected accounts")
    rows = ["Name,Specialization,Converted"] + [
        f"Lead {i},{'Select' if i % 2 else 'Finance'},{i % 3 == 0:d}" for i in range(40)
    ]
    ds = open_dataset("\n".join(rows).encode(), filename="leads.csv")
    assert set(ds.table["Specialization"].dropna()) == {"Finance"}


def test_y_target_and_label_name_the_outcome_only_as_the_whole_header():
    for header in ("y", "Y", "target", "Label"):
        assert parse.read_header(header) is not None, header
        assert not parse.read_header(header).lost_style
    for header in ("Target industry", "Label colour", "Yearly spend", "city"):
        assert parse.read_header(header) is None, header


def _digit_cells(seed: int) -> list[str]:
    rng = np.random.default_rng(seed)
    cells = ["0", "1", "00", "01", "10", "1.0", "0.0", "0.5", ".5", "5.", "1.2.3", "..", "7" * 300]
    cells += [
        "9" * 301,
        "9" * 310,
        "9" * 309 + ".5",
        "1" * 299 + ".5",
        "0" * 400,
        "1e5",
        "٣",
        "１２",
    ]
    for _ in range(3000):
        whole = "".join(rng.choice(list("0123456789"), int(rng.integers(1, 25))))
        frac = "".join(rng.choice(list("0123456789"), int(rng.integers(0, 10))))
        cells.append(f"{whole}.{frac}" if frac and rng.random() < 0.5 else whole)
    return cells


@pytest.mark.parametrize("seed", [0, 1])
def test_plain_digits_read_on_the_spot_as_the_long_way_reads_them(monkeypatch, seed):
    """``parse._DIGITS`` short-cuts numbers, ranges and outcomes of cells such as
    "4165" or "48213.57": the same answers as the full parsers give them."""
    cells = _digit_cells(seed)
    fast = [(parse.parse_number(c), parse.parse_range(c), parse.outcome(c)) for c in cells]
    monkeypatch.setattr(parse, "_DIGITS", re.compile(r"(?!)"))  # never matches
    slow = [(parse.parse_number(c), parse.parse_range(c), parse.outcome(c)) for c in cells]
    for c, a, b in zip(cells, fast, slow, strict=True):
        assert a == b, c
        assert type(a[0]) is type(b[0]), c
    assert {True, False, None} <= {o for _, _, o in fast}
    assert parse.parse_number("9" * 310) is None  # not a finite number either way
    assert parse.parse_number("1.2.3") is None


def test_cells_without_a_digit_are_no_number_as_the_long_way_finds(monkeypatch):
    """``parse._ANY_DIGIT`` turns names and words away at once: the same answers as the
    full parsers give them, for digits of any script (fullwidth, Arabic-Indic, ①, ²)."""
    rng = np.random.default_rng(5)
    alphabet = [
        *"abcXYZ kmMK万亿千元人年月%$¥€,.-+()~至到以上下约/",
        "１", "٣", "①", "²", "7", "0", "inf", "nan", "N/A", "－", "　", "e", "E",
    ]  # fmt: skip
    cells = ["", "inf", "-inf", "nan", "Infinity", "一百", "万", "约万元", "Ⅻ", "N/A", "-"]
    cells += ["".join(rng.choice(alphabet, int(rng.integers(1, 9)))) for _ in range(6000)]
    digits = ["1", "25", "3.5", "1,200", "１２", "٣", "①", "0.5"]
    ends = ["", "万", "元", "%", "k", "人", "以上", "-300", "~5万", "/年", " USD"]
    starts = ["", "$", "¥", "约", "-", "(", "≥", "人民币"]
    cells += [rng.choice(starts) + rng.choice(digits) + rng.choice(ends) for _ in range(2000)]
    fast = [(parse.parse_number(c), parse.parse_range(c)) for c in cells]
    monkeypatch.setattr(parse, "_ANY_DIGIT", re.compile(r""))  # always "has a digit"
    slow = [(parse.parse_number(c), parse.parse_range(c)) for c in cells]
    for c, a, b in zip(cells, fast, slow, strict=True):
        assert repr(a) == repr(b), c  # repr: nan == nan in a range's open end
    assert sum(a[0] is not None for a in fast) > 800  # the digits did read
    assert sum(a[1] is not None for a in fast) > 300  # and ranges


def test_a_period_is_dropped_as_the_pattern_drops_it():
    """``drop_period`` tries ``PERIOD_SUFFIX`` only where it can end: the same text."""
    rng = np.random.default_rng(9)
    parts = [
        "12", "1.2万", "$3,000", "/", "每", " per ", "年", "月", "yr", "YEAR", "Mo",
        "month", "annum", " p.a.", " p. a.", " P.A.", "\n", " ", "元", "x", "h", "m",
    ]  # fmt: skip
    cells = ["".join(rng.choice(parts, int(rng.integers(1, 6)))) for _ in range(5000)]
    cells += ["", "1.2万/年", "62.7万元/年", "$99 per month", "5,000 p.a.", "3万/年\n"]
    dropped = [parse.drop_period(c) for c in cells]
    assert dropped == [parse.PERIOD_SUFFIX.sub("", c) for c in cells]
    assert sum(d != c for d, c in zip(dropped, cells, strict=True)) > 500


def test_date_objects_read_in_one_numpy_pass_equal_pd_timestamp_one_by_one():
    """Naive dates and datetimes (a workbook's date cells) are converted by numpy at once:
    the same datetime64[ns] as ``pd.Timestamp`` of each, the same years kept (1678-2261),
    and tz-aware or out-of-range ones still go the long way."""
    rng = random.Random(1)
    vals = [
        dt.date(1678, 1, 1), dt.date(2261, 12, 31), dt.datetime(2261, 12, 31, 23, 59, 59, 999999),
        dt.datetime(1678, 1, 1, 0, 0, 0, 1), dt.date(1677, 12, 31), dt.date(2262, 1, 1),
        dt.datetime(2024, 3, 5, 8, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        pd.Timestamp("2024-03-05 10:00"), "2024-03-05", 45000.0, None,
    ]  # fmt: skip
    vals += [dt.date(1700, 1, 1) + dt.timedelta(days=rng.randint(0, 200_000)) for _ in range(300)]
    vals += [dt.datetime(1900, 1, 1) + dt.timedelta(seconds=rng.random() * 1e9) for _ in range(300)]
    out, state, _ = parse.dates_from_uniques(np.array(vals, dtype=object))
    for i, v in enumerate(vals):
        if i in (8, 9, 10):  # text, a serial number, missing
            continue
        ts = pd.Timestamp(v)
        ts = ts.tz_localize(None) if ts.tzinfo is not None else ts
        assert (state[i] == 0) == (1678 <= ts.year <= 2261), v
        if state[i] == 0:
            assert out[i] == ts.as_unit("ns").to_datetime64(), v
    assert list(state[8:11]) == [0, 0, 1]
