"""icp.fmt: how numbers, shares, money, years and dates read, in English and Chinese."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from icp import fmt
from icp.model import NumericTrait
from icp.schema import Role


@pytest.mark.parametrize(
    ("x", "text"),
    [(1200, "1,200"), (35, "35"), (1.5, "1.5"), (0.35, "0.35"), (1234.5, "1,234"), (None, "–")],
)
def test_number_reads_like_a_person_writes_it(x, text):
    assert fmt.number(x) == text


def test_number_can_keep_more_digits_for_close_comparisons():
    assert fmt.number(1.234, digits=3) == "1.23"
    assert fmt.number(1234.5, digits=3) == "1,234"


def test_missing_values_print_as_a_dash_or_what_the_caller_asks():
    assert fmt.number(math.nan) == "–"
    assert fmt.number(math.inf, missing="") == ""
    assert fmt.percent(None) == "–"
    assert fmt.share(math.nan) == "—"


def test_shares_are_percentages():
    assert fmt.percent(0.325) == "32.5%"
    assert fmt.percent(0.35) == "35%"
    assert fmt.share(0.354) == "35%"


@pytest.mark.parametrize(
    ("x", "en", "zh"),
    [
        (1_234_567, "1.23M", "123万"),
        (45_600, "45.6k", "4.56万"),
        (3e8, "300M", "3亿"),
        (800, "800", "800"),
    ],
)
def test_compact_labels_use_the_readers_units(x, en, zh):
    assert fmt.compact(x, "en") == en
    assert fmt.compact(x, "zh") == zh


@pytest.mark.parametrize(
    ("x", "en", "zh"),
    [(120_000, "120,000", "12万"), (1.2e8, "120M", "1.2亿"), (8_000, "8,000", "8,000")],
)
def test_numbers_in_sentences_use_wan_and_yi_in_chinese(x, en, zh):
    assert fmt.human(x, "en") == en
    assert fmt.human(x, "zh") == zh


def test_money_shows_cents_only_for_small_amounts():
    assert fmt.money(12_000) == "12,000"
    assert fmt.money(12.5) == "12.50"


def test_years_never_get_a_thousands_separator():
    assert fmt.year(1996.0) == "1996"
    assert fmt.value(1996, column="Founded") == "1996"
    assert fmt.value(1996, column="成立年份") == "1996"
    assert fmt.value(1996, column="Employees") == "1,996"
    assert fmt.value(0.35, column="Margin", fraction=True) == "35%"


def test_a_year_column_finding_reads_as_years():
    nt = NumericTrait("Founded", Role.NONE, 2012, 1996, 2008, 2016, 0.8, 10, 90)
    text = nt.message().render("en")
    assert "2008" in text and "1996" in text and "1,996" not in text


def test_dates_in_running_text_and_in_cells():
    d = dt.date(2026, 12, 1)
    assert fmt.date(d, "en") == "1 December 2026"
    assert fmt.date(d, "zh") == "2026年12月1日"
    assert fmt.iso_date(d) == "2026-12-01"


def test_an_iso_code_on_amounts_counts_as_its_currency():
    # a CRM report writes multi-currency amounts as "USD 12,000.00"; the sentences then said
    # "median 161,000" with no currency
    assert fmt.currency_of(["USD 12,000.00", "USD 5.00", ""]) == "$"
    assert fmt.currency_of(["12.000,00 EUR", "1 eur"]) == "€"
    assert fmt.currency_of(["RMB 3,000", "CNY 12"]) == "¥"
    assert fmt.currency_of(["USDA", "EURO zone", "12"]) is None  # words, not amounts


def test_the_currency_as_a_chinese_word_or_before_a_period_is_found():
    assert fmt.currency_of(["人民币12,000", "人民币 3,000", "约5000"]) == "元"
    assert fmt.currency_of(["1.2万元/年", "3万元/年", ""]) == "元"
    assert fmt.currency_of(["$99/mo", "$10 per month"]) == "$"


def test_a_foreign_currency_in_a_chinese_amount_is_said_after_it_like_yuan():
    # a USD export in a Chinese sentence read "中位数 $16.1万"
    assert fmt.Num(161_000, unit="$", ref=112_500).render("zh") == "16.1万美元"
    assert fmt.Span(40_000, 100_000, unit="$").render("zh") == "4万–10万美元"
    assert fmt.amount(1.2e8, unit="€", lang="zh") == "1.2亿欧元"
    assert fmt.amount(67_400, unit="$", lang="zh") == "$67,400"  # no 万: the mark stays in front
    assert fmt.Num(161_000, unit="$", ref=112_500).render("en") == "$161,000"
