"""Accounts + deals: the two tables are found among pivot/dashboard sheets,
joined on a forgiving key, and aggregated per account into the analysis roles."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from icp.errors import InputError
from icp.i18n import t
from icp.join import JoinPlan, join, propose_join
from icp.schema import FieldType, Role
from icp.sheetcols import normalize_key
from icp.sheets import classify, find_tables, read_sheets

D = datetime

ACCOUNTS = [
    ("account", "sector", "employees", "revenue", "office_location"),
    ("Acme Corp", "Retail", 120, 12.5, "Berlin"),
    ("Betatech", "Software", 2300, 310.0, "Boston"),
    ("Cheese Inc", "Retail", 45, 3.2, "Paris"),
    ("Delta LLC", "Medical", 800, 95.0, "Austin"),
    ("Echo Ltd", "Software", 15, 0.8, "Oslo"),
    ("Foxtrot", "Finance", 5000, 720.0, "London"),
]
DEALS = [
    ("opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date",
     "close_date", "close_value"),
    ("D01", "Anna", "GTX Basic", "Acme Corp", "Won", D(2024, 1, 1), D(2024, 1, 31), 1000),
    ("D02", "Bo", "MG Special", "acme corp", "Won", D(2024, 2, 1), D(2024, 2, 11), 3000),
    ("D03", "Anna", "GTX Basic", "ACME CORP ", "Lost", D(2024, 3, 1), D(2024, 3, 20), 0),
    ("D04", "Cy", "GTX Pro", "Acme Corp", "Engaging", D(2024, 4, 1), None, None),
    ("D05", "Bo", "MG Special", "Betatech", "Won", D(2024, 1, 10), D(2024, 1, 15), 500),
    ("D06", "Cy", "GTX Basic", "Cheese Inc", "Prospecting", D(2024, 5, 1), None, None),
    ("D07", "Anna", "GTX Pro", "Foxtrot", "Lost", D(2024, 2, 1), D(2024, 3, 1), 0),
    ("D08", "Bo", "GTX Pro", "Foxtrot", "Lost", D(2024, 3, 1), D(2024, 4, 1), 0),
    ("D09", "Dee", "MG Special", "Ghost Co", "Won", D(2024, 1, 1), D(2024, 2, 1), 700),
    ("D10", "Dee", "GTX Basic", "Ghost Co", "Lost", D(2024, 1, 1), D(2024, 2, 1), 0),
    ("D11", "Cy", "GTX Basic", None, "Prospecting", D(2024, 6, 1), None, None),
    ("D12", "Anna", "GTX Pro", "Delta LLC", "Won", D(2024, 2, 1), D(2024, 2, 16), "$2,500"),
]  # fmt: skip


def _frame(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows[1:], columns=list(rows[0]))


def _write_workbook(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Dashboard"
    ws["A1"] = "Sales dashboard 2024"
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["Total deals", 12])
    ws.append(["Won value", 7700])
    for name, rows in (("Accounts", ACCOUNTS), ("Deals", DEALS)):
        sheet = wb.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    pivot = wb.create_sheet("Pivot")
    pivot.append(["Row Labels", "Won", "Lost", "Grand Total"])
    pivot.append(["Retail", 2, 1, 3])
    pivot.append(["Software", 1, 0, 1])
    pivot.append(["Finance", 0, 2, 2])
    pivot.append(["Medical", 1, 0, 1])
    pivot.append(["Grand Total", 4, 3, 7])
    wb.create_sheet("Empty")
    wb.save(path)
    return path


def _row(result, name: str) -> pd.Series:
    table = result.table
    return table.loc[table.iloc[:, 0] == name].iloc[0]


def test_workbook_with_pivot_dashboard_and_empty_sheets(tmp_path: Path):
    sheets = read_sheets(_write_workbook(tmp_path / "crm.xlsx"))
    acc_sheet, deal_sheet, guesses = find_tables(sheets)
    assert (acc_sheet, deal_sheet) == ("Accounts", "Deals")
    kinds = {g.sheet: g.kind for g in guesses}
    assert kinds["Pivot"] == "other" and kinds["Dashboard"] == "other"
    assert kinds["Empty"] in ("empty", "other")
    for g in guesses:
        if g.kind in ("other", "empty"):
            assert g.note is not None and g.note.key.startswith("join.skip.")
            assert g.sheet in t(g.note, "zh")
    assert {g.sheet: g.key_column for g in guesses}["Deals"] == "account"

    plan = propose_join(sheets["Accounts"], sheets["Deals"])
    assert plan is not None
    assert (plan.accounts_key, plan.deals_key) == ("account", "account")
    assert (plan.stage, plan.value) == ("deal_stage", "close_value")
    assert (plan.created, plan.closed) == ("engage_date", "close_date")
    assert (plan.agents, plan.products) == ("sales_agent", "product")

    res = join(sheets["Accounts"], sheets["Deals"], plan)
    assert len(res.table) == 6  # one row per account, account columns kept
    assert list(res.table.columns[:5]) == list(ACCOUNTS[0][:5])
    acme = _row(res, "Acme Corp")
    assert acme["Deals"] == 4 and acme["Won deals"] == 2
    assert acme["Win rate"] == pytest.approx(2 / 3)
    assert acme["Won value"] == 4000 and acme["Average won value"] == 2000
    assert acme["Sales cycle (days)"] == 20  # median of 30 and 10 days, won deals only
    assert acme["First won"] == pd.Timestamp("2024-01-31")
    assert acme["Last won"] == pd.Timestamp("2024-02-11")
    assert acme["Products"] == "GTX Basic, GTX Pro, MG Special"
    assert acme["Sales agents"] == "Anna, Bo, Cy"
    assert acme["Outcome"] == "Won"
    assert _row(res, "Delta LLC")["Won value"] == 2500  # "$2,500" read as money
    assert _row(res, "Cheese Inc")["Outcome"] == "Open"

    # preview stats: matched, without deals, unmatched deals listed
    assert res.matched_accounts == 5 and res.accounts_without_deals == 1
    assert sorted(res.unmatched_deals["opportunity_id"]) == ["D09", "D10", "D11"]
    assert {m.key for m in res.notes} >= {"join.note.unmatched", "join.note.without_deals"}
    echo = _row(res, "Echo Ltd")
    assert echo["Deals"] == 0 and echo["Won value"] == 0 and pd.isna(echo["Outcome"])


def test_roles_say_which_aggregate_feeds_which_role_in_both_languages():
    res = join(_frame(ACCOUNTS), _frame(DEALS), propose_join(_frame(ACCOUNTS), _frame(DEALS)))
    by_role = {role: col for col, role, _ in res.roles if role != Role.NONE}
    assert by_role == {
        Role.VALUE: "Won value",
        Role.DEALS: "Won deals",
        Role.CYCLE_DAYS: "Sales cycle (days)",
        Role.OUTCOME: "Outcome",
    }
    for col, _, why in res.roles:
        assert col in res.table.columns
        en, zh = t(why, "en"), t(why, "zh")
        assert en != why.key and zh != why.key and "{" not in en + zh
    assert "sum" in t(dict((c, w) for c, _, w in res.roles)["Won value"], "en")
    specs = {s.name: s for s in res.specs}
    assert specs["Products"].type == FieldType.MULTI and specs["Products"].sep == ", "
    assert specs["First won"].type == FieldType.DATE
    for note in res.notes:
        assert t(note, "zh") != note.key

    # the user switches VALUE from the sum to the average won value
    plan = replace(propose_join(_frame(ACCOUNTS), _frame(DEALS)), value_agg="mean")
    roles = {col: role for col, role, _ in join(_frame(ACCOUNTS), _frame(DEALS), plan).roles}
    assert roles["Average won value"] == Role.VALUE and roles["Won value"] == Role.NONE


def test_account_with_only_lost_deals():
    res = join(_frame(ACCOUNTS), _frame(DEALS), propose_join(_frame(ACCOUNTS), _frame(DEALS)))
    fox = _row(res, "Foxtrot")
    assert fox["Outcome"] == "Lost"
    assert fox["Deals"] == 2 and fox["Won deals"] == 0 and fox["Win rate"] == 0
    assert fox["Won value"] == 0  # bought nothing
    assert math.isnan(fox["Average won value"]) and math.isnan(fox["Sales cycle (days)"])
    assert pd.isna(fox["First won"])


def test_two_files_accounts_csv_and_deals_workbook(tmp_path: Path):
    _frame(ACCOUNTS).to_csv(tmp_path / "accounts.csv", index=False)
    wb = openpyxl.Workbook()
    for row in DEALS:
        wb.active.append(list(row))
    wb.save(tmp_path / "deals.xlsx")
    (accounts,) = read_sheets(tmp_path / "accounts.csv").values()
    (deals,) = read_sheets(tmp_path / "deals.xlsx").values()
    assert classify(accounts, sheet="accounts.csv").kind == "accounts"
    assert classify(deals, sheet="deals.xlsx").kind == "deals"
    res = join(accounts, deals, propose_join(accounts, deals))
    assert _row(res, "Acme Corp")["Won value"] == 4000
    assert res.matched_accounts == 5


def test_chinese_accounts_and_deals():
    accounts = pd.DataFrame(
        {
            "客户名称": ["华为技术", "小米科技", "比亚迪", "美的集团", "格力电器"],
            "所属行业": ["通信", "消费电子", "汽车", "家电", "家电"],
            "员工人数": [200000, 30000, 290000, 160000, 80000],
            "所在城市": ["深圳", "北京", "深圳", "佛山", "珠海"],
        }
    )
    deals = pd.DataFrame(
        {
            "商机编号": [f"S{i:03d}" for i in range(1, 9)],
            "客户": ["华为技术", "华为技术", "小米科技", "比亚迪", "比亚迪", "美的集团",
                   "美的集团", "华为 技术"],
            "阶段": ["赢单", "赢单", "输单", "已签约", "跟进中", "输单", "输单", "赢单"],
            "金额": ["12万", "¥30,000", "8万", "1.5万", "20万", "5万", "3万", "2万"],
            "创建日期": ["2024-01-01", "2024-02-01", "2024-01-05", "2024年3月1日",
                     "2024-04-01", "2024-01-01", "2024-02-01", "2024-05-01"],
            "成交日期": ["2024-01-21", "2024-03-02", "2024-02-05", "2024年3月11日", None,
                     "2024-02-01", "2024-03-01", "2024-05-31"],
            "负责人": ["张伟", "李娜", "张伟", "王芳", "王芳", "李娜", "张伟", "王芳"],
            "产品": ["云服务", "安全网关", "云服务", "云服务", "数据平台", "安全网关",
                   "云服务", "云服务"],
        }
    )  # fmt: skip
    acc_sheet, deal_sheet, _ = find_tables({"商机": deals, "客户": accounts})
    assert (acc_sheet, deal_sheet) == ("客户", "商机")
    plan = propose_join(accounts, deals)
    assert plan is not None and (plan.accounts_key, plan.deals_key) == ("客户名称", "客户")
    assert (plan.stage, plan.value, plan.created, plan.closed) == (
        "阶段",
        "金额",
        "创建日期",
        "成交日期",
    )
    assert (plan.agents, plan.products) == ("负责人", "产品")

    res = join(accounts, deals, plan, lang="zh")
    hw = _row(res, "华为技术")
    assert hw["商机数"] == 3 and hw["赢单数"] == 3  # "华为 技术" is the same customer
    assert hw["赢单金额"] == 170_000  # 12万 + 3万 + 2万
    assert hw["销售周期（天）"] == 30  # median of 20, 30 and 30 days
    assert hw["购买产品"] == "安全网关、云服务" or hw["购买产品"] == "云服务、安全网关"
    assert hw["签约结果"] == "已签约"
    assert _row(res, "美的集团")["签约结果"] == "输单"
    assert _row(res, "比亚迪")["销售周期（天）"] == 10
    assert pd.isna(_row(res, "格力电器")["签约结果"])
    assert {s.name: s.sep for s in res.specs}["购买产品"] == "、"


def test_id_key_instead_of_names():
    accounts = pd.DataFrame(
        {
            "Account ID": [1001, 1002, 1003, 1004],
            "Company": ["Acme", "Betatech", "Cheese", "Delta"],
            "Industry": ["Retail", "Software", "Retail", "Medical"],
        }
    )
    deals = pd.DataFrame(
        {
            "Deal": ["Renewal", "Upsell", "New", "New", "Pilot"],
            "account_id": ["1001", "1001.0", 1002, 1004.0, "9999"],
            "Status": ["Closed Won", "Closed Won", "Closed Lost", "Closed Won", "Closed Won"],
            "Amount": [100, 200, 300, 400, 50],
        }
    )
    plan = propose_join(accounts, deals)
    assert plan is not None and (plan.accounts_key, plan.deals_key) == ("Account ID", "account_id")
    res = join(accounts, deals, plan)
    amounts = dict(zip(res.table["Company"], res.table["Won value"], strict=True))
    assert amounts == {"Acme": 300, "Betatech": 0, "Cheese": 0, "Delta": 400}
    assert res.unmatched_deals["Deal"].tolist() == ["Pilot"]


def test_names_match_case_space_and_full_width_insensitively():
    keys = pd.Series(
        ["Acme Corp", "ａｃｍｅ　ｃｏｒｐ", " ACME  CORP ", "AcmeCorp", "Acme Co", None]
    )
    norm = normalize_key(keys)
    assert norm.iloc[:4].nunique() == 1 and norm.iloc[4] != norm.iloc[0]
    assert norm.iloc[5] is None
    accounts = pd.DataFrame({"Customer": ["Acme Corp", "Other"], "Size": [10, 20]})
    deals = pd.DataFrame({"Customer": keys.iloc[:4], "Stage": ["Won"] * 4, "Value": [1, 2, 3, 4]})
    res = join(accounts, deals, JoinPlan("Customer", "Customer", stage="Stage", value="Value"))
    assert _row(res, "Acme Corp")["Won value"] == 10 and len(res.unmatched_deals) == 0


def test_deals_that_match_no_account_are_refused():
    accounts = _frame(ACCOUNTS)
    deals = _frame(DEALS).assign(account=lambda d: "Unknown " + d["opportunity_id"])
    assert propose_join(accounts, deals.drop(columns=["sales_agent", "product"])) is None
    with pytest.raises(InputError) as err:
        join(accounts, deals, JoinPlan("account", "account", stage="deal_stage"))
    assert err.value.msg.key == "join.no_match"
    assert "account" in err.value.message("zh")
    with pytest.raises(InputError) as err:
        join(accounts, deals, JoinPlan("account", "no such column"))
    assert err.value.msg.key == "join.bad_column.deals"


def test_without_stage_every_deal_is_won():
    deals = _frame(DEALS).drop(columns=["deal_stage"])
    plan = propose_join(_frame(ACCOUNTS), deals)
    assert plan is not None and plan.stage is None
    res = join(_frame(ACCOUNTS), deals, plan)
    assert "join.note.no_stage" in {m.key for m in res.notes}
    fox = _row(res, "Foxtrot")
    assert fox["Won deals"] == fox["Deals"] > 0
    # "Won" on every account with a deal, nothing on the rest: no comparison, no column
    assert "Outcome" not in res.table.columns
    assert Role.OUTCOME not in {role for _, role, _ in res.roles}


def test_summary_and_tiny_frames_are_not_tables():
    crosstab = pd.DataFrame(
        {"Sector": ["Retail", "Software", "Finance", "Medical"], "Q1": [3, 5, 1, 2],
         "Q2": [4, 2, 2, 1], "Q3": [1, 1, 0, 3]}
    )  # fmt: skip
    assert classify(crosstab, sheet="By quarter").kind == "other"
    totals = pd.DataFrame(
        {"行标签": ["华东", "华南", "华北", "总计"], "求和项:金额": [10.0, 20.0, 5.0, 35.0]}
    )
    assert classify(totals, sheet="透视表").kind == "other"
    tiny = pd.DataFrame({"KPI": ["Deals", "Won"], "Value": [12, 5]})
    assert classify(tiny).note.key == "join.skip.few_rows"
    assert classify(pd.DataFrame()).kind == "empty"
    blank = pd.DataFrame({"a": [None, None], "b": [np.nan, ""]})
    assert classify(blank).kind == "empty"
    # a plain accounts table with two numeric fields is still a table
    acc = _frame(ACCOUNTS)[["account", "employees", "revenue"]]
    assert classify(acc).kind == "accounts"


def test_duplicate_account_names_are_noted():
    accounts = pd.concat([_frame(ACCOUNTS), _frame(ACCOUNTS).iloc[[0]]], ignore_index=True)
    res = join(accounts, _frame(DEALS), propose_join(accounts, _frame(DEALS)))
    assert "join.note.duplicate_accounts" in {m.key for m in res.notes}
    assert (res.table.loc[res.table["account"] == "Acme Corp", "Won value"] == 4000).all()


def test_key_found_by_value_overlap_when_headers_say_nothing():
    accounts = pd.DataFrame(
        {"Firma": ["Acme", "Betatech", "Cheese", "Delta"], "Land": ["DE", "US", "FR", "US"]}
    )
    deals = pd.DataFrame(
        {
            "Ref": ["Acme-1", "Beta-2", "Cheese-3", "Delta-4", "Acme-5"],
            "Land": ["DE", "US", "FR", "US", "DE"],  # matches nothing in "Firma"
            "Kunde": ["acme", "BETATECH", "Cheese", "Delta", "Acme"],
            "Stage": ["Won", "Lost", "Won", "Won", "Won"],
            "Amount": [10, 20, 30, 40, 50],
        }
    )
    plan = propose_join(accounts, deals)
    assert plan is not None and (plan.accounts_key, plan.deals_key) == ("Firma", "Kunde")
    assert plan.match_share == 1.0
    res = join(accounts, deals, plan)
    assert dict(zip(res.table["Firma"], res.table["Won value"], strict=True)) == {
        "Acme": 60,
        "Betatech": 0,
        "Cheese": 30,
        "Delta": 40,
    }
