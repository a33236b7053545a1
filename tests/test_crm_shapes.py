"""CRM export shapes the header words must read right: a deals export whose headers
carry their object ("Deal - Won time"), an owner column, a one-sided "Lost reason",
a forecast date, and a Chinese CRM customer list with a 负责人 column and title rows."""

from __future__ import annotations

import io

import pandas as pd

from icp import analysis
from icp.dataset import open_dataset
from icp.definition import definition_sentence
from icp.model import Settings
from icp.schema import Role, detect_mapping
from tests.fixtures.real_exports import KINDS


def _pipedrive():
    main, name, _, _ = KINDS["pipedrive_en"].files()
    return open_dataset(main, filename=name)


def _findings(result) -> set[str]:
    return {t.column for t in [*result.traits, *result.warning_traits]} | {
        nt.column for nt in result.numeric
    }


def test_deal_dates_named_by_their_event_give_the_sales_cycle_and_a_forecast_never_does():
    ds = _pipedrive()
    m = ds.mapping
    assert m.col(Role.CREATED) == "Deal - Add time"
    assert m.col(Role.CLOSED) == "Deal - Won time"
    assert next(c for c in m.columns if c.name == "Deal - Expected close date").role == Role.NONE
    result = analysis.run(ds, Settings(top_n=10))
    assert "sales cycle" in definition_sentence(result.definition, "en")


def test_the_deal_owner_is_never_a_finding_however_well_they_sell():
    ds = _pipedrive()
    assert next(c for c in ds.mapping.columns if c.name == "Deal - Owner").role == Role.OWNER
    won = ds.table["Deal - Status"] == "won"
    chen = ds.table["Deal - Owner"] == "Chen"
    assert chen[won].mean() > chen[~won].mean() + 0.05  # the data would make it one
    result = analysis.run(ds, Settings(mode="outcome"))
    found = _findings(result)
    assert "Organization - Industry" in found  # the planted trait is found
    assert "Deal - Owner" not in found


def test_a_lost_reason_is_never_a_warning_sign_of_the_won():
    """ "Only 0 of 140 won deals have Lost reason = Price" restates the outcome."""
    result = analysis.run(_pipedrive(), Settings(mode="outcome"))
    assert "Deal - Lost reason" in result.definition.defining_columns
    assert "Deal - Lost reason" not in _findings(result)


def test_chinese_crm_owner_and_dates():
    df = pd.DataFrame(
        {
            "客户名称": [f"某某{i}有限公司" for i in range(40)],
            "负责人": ["张三", "李四"] * 20,
            "销售代表": ["王五", "赵六", "钱七", "孙八"] * 10,
            "创建时间": ["2025/03/01"] * 40,
            "赢单时间": ["2025-05-01"] * 40,
            "预计成交日期": ["2025-06-01"] * 40,
            "成交状态": ["已成交", "未成交"] * 20,
        }
    )
    roles = {c.name: c.role for c in detect_mapping(df).columns}
    assert roles["负责人"] == roles["销售代表"] == Role.OWNER  # several owner columns may exist
    assert roles["创建时间"] == Role.CREATED and roles["赢单时间"] == Role.CLOSED
    assert roles["预计成交日期"] == Role.NONE
    buf = io.BytesIO()
    df.to_excel(buf, index=False)
    assert open_dataset(buf.getvalue(), filename="客户.xlsx").mapping.col(Role.OWNER) == "负责人"


def test_an_accounts_type_column_is_the_outcome_and_annual_revenue_is_a_trait():
    """Customer vs Prospect is what the founder compares; partners and competitors are in
    neither group; the account's own annual revenue never ranks who is best."""
    main, name, _, _ = KINDS["zoho_accounts_en"].files()
    ds = open_dataset(main, filename=name)
    roles = {c.name: c.role for c in ds.mapping.columns}
    assert roles["Annual Revenue"] == Role.NONE and roles["Account Owner"] == Role.OWNER
    result = analysis.run(ds, Settings(top_n=10))
    assert result.mode == "outcome"  # nothing to rank by: customers vs prospects
    assert int(result.best_mask.sum()) == int((ds.table["Account Type"] == "Customer").sum())
    assert set(ds.table.loc[result.rest_mask.astype(bool), "Account Type"]) == {"Prospect"}
    assert ("Industry", "Healthcare") in {(t.column, t.value) for t in result.traits}
