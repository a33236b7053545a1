"""CRM export shapes the header words must read right: a deals export whose headers
carry their object ("Deal - Won time"), an owner column, a one-sided "Lost reason",
a forecast date, and a Chinese CRM customer list with a 负责人 column and title rows."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from icp import analysis
from icp.dataset import open_dataset
from icp.definition import definition_sentence
from icp.model import Settings
from icp.schema import FieldType, Role, detect_mapping
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


def _leadform():
    main, name, _, _ = KINDS["leadform_en"].files()
    return open_dataset(main, filename=name)


def test_sales_notes_written_after_the_outcome_are_set_aside_not_reported():
    """A lead list's "Tags" mixes what a lead is with what the sales team wrote once
    it was decided: "Closed by Horizzon" on many converted leads and no other is not a
    trait of good customers, and "0 converted leads are Ringing" is no warning sign."""
    ds = _leadform()
    for settings in (Settings(mode="outcome"), Settings(top_n=10)):
        result = analysis.run(ds, settings)
        shown = {(t.column, t.value) for t in [*result.traits, *result.warning_traits]}
        shown |= {(t.column, t.value) for t in result.leads}
        after = {(t.column, t.value) for t in result.after_outcome}
        assert after == {
            ("Tags", "Closed by Horizzon"),
            ("Tags", "Ringing"),
            ("Tags", "Already a student"),
        }
        assert not shown & after
        note = next(w for w in result.warnings if w.key.startswith("analysis.after_outcome"))
        for lang in ("en", "zh"):
            text = note.render(lang)
            assert "Closed by Horizzon" in text and "Converted" in text
        assert "probably written after the outcome" in note.render("en")
        assert "结果产生之后" in note.render("zh")
    # the tags that are what a lead is stay in the comparison, and the real trait is found
    result = analysis.run(ds, Settings(mode="outcome"))
    assert ("What is your current occupation", "Working Professional") in {
        (t.column, t.value) for t in result.traits
    }
    js = result.to_json(ds)
    first = js["after_outcome"][0]
    assert (first["column"], first["value"]) == ("Tags", "Closed by Horizzon")


def test_a_strong_real_trait_with_a_few_rows_on_the_other_side_is_still_a_finding():
    """Only an outcome-side value with none on the other side, at counts where an
    honest share would leave dozens there, is set aside: 75% vs 4% stays a finding."""
    n = 600
    won = [i % 2 == 0 for i in range(n)]
    plan = [
        ("Enterprise" if i % 4 == 0 or i % 50 == 1 else "Basic")
        if w
        else ("Enterprise" if i % 50 == 1 else "Basic")
        for i, w in enumerate(won)
    ]
    few = ["Rare" if w and i < 30 else "Common" for i, w in enumerate(won)]  # 15 vs 0: too few
    df = pd.DataFrame(
        {"Company": [f"C{i}" for i in range(n)], "Plan": plan, "Segment": few,
         "Outcome": ["Won" if w else "Lost" for w in won]}
    )  # fmt: skip
    buf = io.BytesIO()
    df.to_csv(buf, index=False)
    ds = open_dataset(buf.getvalue(), filename="deals.csv")
    result = analysis.run(ds, Settings(mode="outcome"))
    assert result.after_outcome == []
    assert ("Plan", "Enterprise") in {(t.column, t.value) for t in result.traits}
    assert not any(w.key.startswith("analysis.after_outcome") for w in result.warnings)


def test_the_parts_of_a_ranking_measure_are_never_findings():
    """Ranked by "TotalCharges" (= "MonthlyCharges" × "tenure"), "your best have tenure
    60 or more" restates the ranking: both parts define best, with the reason shown,
    and the comparison by outcome still finds what churns less."""
    main, name, _, _ = KINDS["telco_en"].files()
    ds = open_dataset(main, filename=name)
    top = analysis.run(ds, Settings(top_n=10))
    d = top.definition
    assert [c.columns for c in d.criteria] == [("TotalCharges",)]
    assert {"tenure", "MonthlyCharges"} <= set(d.defining_columns)
    assert not {"tenure", "MonthlyCharges"} & _findings(top)
    why = d.reasons["tenure"]
    assert "TotalCharges" in why.render("en") and "×" in why.render("en")
    assert "TotalCharges" in why.render("zh")
    # a column that only goes up with the measure (not its part) stays a finding candidate
    assert "SeniorCitizen" not in d.defining_columns
    kept = analysis.run(ds, Settings(mode="outcome"))
    assert ("Contract", "Two year") in {(t.column, t.value) for t in kept.traits}


def test_a_public_data_sets_y_column_is_its_outcome_and_equal_medians_are_said_plainly():
    """UCI bank-marketing shape: ';'-separated, the outcome is the last column "y"
    (yes/no) after yes/no columns about other things, and "previous" / "pdays" are 0 / -1
    for most rows on both sides, so their medians are equal."""
    n = 400
    won = [i % 4 == 0 for i in range(n)]
    rows = [
        {
            "age": 20 + i % 50,
            "job": "retired" if (w and i % 3 == 0) else ["admin.", "technician"][i % 2],
            "default": "no",
            "housing": ["yes", "no"][i % 2],
            "loan": ["no", "yes"][(i // 3) % 2],
            "previous": (1 + i % 2) if (i % 40 < (12 if w else 4)) else 0,
            "poutcome": "success" if (w and i % 8 == 0) else "unknown",
            "y": "yes" if w else "no",
        }
        for i, w in enumerate(won)
    ]
    data = pd.DataFrame(rows).to_csv(index=False, sep=";").encode()
    ds = open_dataset(data, filename="bank.csv")
    assert ds.mapping.col(Role.OUTCOME) == "y"
    result = analysis.run(ds)
    assert result.mode == "outcome" and result.definition.good_values == ["yes"]
    prev = next(nt for nt in result.numeric if nt.column == "previous")
    assert prev.best_median == prev.rest_median == 0
    assert "of won customers are above 0" in prev.message(outcome=True).render("en")


def test_an_orders_export_becomes_one_row_per_customer():
    """Invoice lines (the public "Online Retail" shape): each line is quantity × unit
    price, the lines of one invoice are one order, and the customers are the rows — not
    the lines, named after a stock code."""
    k = KINDS["orders_en"]
    lines = k.build()
    main, name, _, _ = k.files()
    ds = open_dataset(main, filename=name)
    known = lines.dropna(subset=["CustomerID"])
    assert len(ds.table) == known["CustomerID"].nunique()
    note = next(n for n in ds.notes if n.key.startswith("dataset.orders"))
    assert "quantity × unit price" in note.render("en") and "InvoiceNo" in note.render("en")
    assert "数量 × 单价" in note.render("zh")
    one = known[known["CustomerID"] == known["CustomerID"].iloc[0]]
    row = ds.table[ds.table["CustomerID"] == str(int(one["CustomerID"].iloc[0]))].iloc[0]
    assert row["Won deals"] == one["InvoiceNo"].nunique()  # orders, not lines
    assert abs(row["Won value"] - (one["Quantity"] * one["UnitPrice"]).sum()) < 0.01
    result = analysis.run(ds, Settings(top_n=10))
    assert ("Country", "Germany") in {(t.column, t.value) for t in result.traits}
    assert all(n.isdigit() for n in result.best_names)  # ids as written, not "12457.0"


def test_cancellation_invoices_are_no_orders():
    """ "Online Retail" writes a cancellation as "C" + an invoice number with negative
    quantities: such an invoice is no order (it was counted as one, value and all)."""
    lines = KINDS["orders_en"].build()
    first = lines["InvoiceNo"].unique()[:15]
    cancel = lines[lines["InvoiceNo"].isin(first)].assign(
        InvoiceNo=lambda d: "C" + d["InvoiceNo"], Quantity=lambda d: -d["Quantity"]
    )
    with_cancels = pd.concat([lines, cancel], ignore_index=True)
    ds = open_dataset(with_cancels.to_csv(index=False).encode(), filename="retail.csv")
    plain = open_dataset(lines.to_csv(index=False).encode(), filename="retail.csv")
    left = next(n for n in ds.notes if n.key == "dataset.orders_left_out")
    assert left.params == {"n": 15, "column": "InvoiceNo"}
    assert ds.table["Won deals"].sum() == plain.table["Won deals"].sum()
    assert ds.table["Won value"].sum() == pytest.approx(plain.table["Won value"].sum())


def test_a_shopify_orders_export_becomes_one_row_per_buyer():
    """Shopify: line items, the order number "#1001" under "Name", buyers known by their
    email. The customers are the buyers (named by their billing name), not "#1001"."""
    k = KINDS["shopify_orders_en"]
    lines = k.build()
    main, name, _, _ = k.files()
    ds = open_dataset(main, filename=name)
    assert len(ds.table) == lines["Email"].nunique()
    assert ds.name_column == "Billing Name"
    note = next(n for n in ds.notes if n.key.startswith("dataset.orders"))
    assert "“Name”" in note.render("en") and "“Email”" in note.render("en")
    # refunded orders (the status is on an order's first line only) are no purchase
    refunded = set(lines.loc[lines["Financial Status"] == "refunded", "Name"])
    left = next(n for n in ds.notes if n.key == "dataset.orders_left_out")
    assert left.params == {"n": len(refunded), "column": "Financial Status"}
    kept = lines[~lines["Name"].isin(refunded)]
    one = kept[kept["Email"] == kept["Email"].iloc[0]]
    row = ds.table[ds.table["Email"] == one["Email"].iloc[0]].iloc[0]
    assert row["Won deals"] == one["Name"].nunique()  # orders, not lines
    amount = (one["Lineitem quantity"] * one["Lineitem price"]).sum()
    assert abs(row["Won value"] - amount) < 0.01
    result = analysis.run(ds, Settings(top_n=10))
    assert not any(n.startswith("#") for n in result.best_names)
    assert ("Billing Country", "CA") in {(t.column, t.value) for t in result.traits}


def test_a_woocommerce_export_counts_completed_orders_per_buyer():
    """WooCommerce: one row per order, the buyer known by "Email (Billing)" and an "Order
    Status" in which cancelled and refunded orders are no purchase (not lost deals)."""
    k = KINDS["woo_orders_en"]
    orders = k.build()
    main, name, _, _ = k.files()
    ds = open_dataset(main, filename=name)
    assert len(ds.table) == orders["Email (Billing)"].nunique()
    void = orders["Order Status"].isin(["Cancelled", "Refunded"])
    left = next(n for n in ds.notes if n.key == "dataset.orders_left_out")
    assert left.params == {"n": int(void.sum()), "column": "Order Status"}
    assert "“Order Status”" in left.render("zh") and "未计入" in left.render("zh")
    assert ds.table["Won deals"].sum() == (~void).sum()
    result = analysis.run(ds, Settings(top_n=10))
    assert not any(n.isdigit() for n in result.best_names)  # buyers, not order numbers
    assert ("State Code (Billing)", "WA") in {(t.column, t.value) for t in result.traits}


def test_a_chinese_shop_export_leaves_closed_and_refunded_orders_out():
    """有赞 / 淘宝-style: 订单状态 交易成功, 交易关闭 (cancelled or fully refunded) and 退款中."""
    n = 240
    status = ["交易成功", "交易成功", "交易关闭", "交易成功", "退款中", "已发货"] * (n // 6)
    orders = pd.DataFrame(
        {
            "订单号": [f"E2024{i:08d}" for i in range(n)],
            "订单状态": status,
            "买家昵称": [f"用户{i % 40:03d}" for i in range(n)],
            "订单实付金额": [f"{30 + i:.2f}" for i in range(n)],
            "下单时间": [f"2024-{1 + i % 12:02d}-{1 + i % 28:02d} 12:00:00" for i in range(n)],
        }
    )
    ds = open_dataset(orders.to_csv(index=False).encode("utf-8-sig"), filename="youzan.csv")
    assert len(ds.table) == 40
    left = next(n for n in ds.notes if n.key == "dataset.orders_left_out")
    assert left.params == {"n": n // 3, "column": "订单状态"}
    assert ds.table["赢单数"].sum() == n - n // 3


def test_deals_known_by_a_contact_email_with_won_and_lost_stay_one_row_per_deal():
    """Only a shop's status (cancelled, refunded) makes an email-keyed list orders: a CRM's
    deals with a contact email and Closed Won / Closed Lost stay what a win–loss compares."""
    deals = pd.DataFrame(
        {
            "Contact Email": [f"buyer{i % 25}@corp.test" for i in range(150)],
            "Deal Stage": ["Closed Won" if i % 3 else "Closed Lost" for i in range(150)],
            "Amount": [1000 + 10 * i for i in range(150)],
            "Order Status": ["Returning" if i % 2 else "New" for i in range(150)],
        }
    )
    ds = open_dataset(deals.to_csv(index=False).encode(), filename="deals.csv")
    assert len(ds.table) == 150
    assert not any(n.key.startswith("dataset.orders") for n in ds.notes)


def test_a_chinese_order_list_groups_by_buyer_and_a_win_loss_list_stays_per_deal():
    main, name, _, _ = KINDS["orders_zh"].files()
    ds = open_dataset(main, filename=name)
    assert ds.name_column == "买家昵称" and ds.table["买家昵称"].is_unique
    result = analysis.run(ds, Settings(top_n=10))
    assert ("收货省份", "浙江") in {(t.column, t.value) for t in result.traits}
    # deals with won and lost rows are what a win-loss analysis compares: kept per deal
    deals = pd.DataFrame(
        {
            "Account": [f"Acme {i % 20}" for i in range(120)],
            "Stage": ["Closed Won" if i % 3 else "Closed Lost" for i in range(120)],
            "Amount": [1000 + 10 * i for i in range(120)],
            "Industry": ["Retail", "Software"] * 60,
        }
    )
    ds = open_dataset(deals.to_csv(index=False).encode(), filename="deals.csv")
    assert len(ds.table) == 120
    assert not any(n.key.startswith("dataset.orders") for n in ds.notes)


def test_a_lead_lists_junk_and_disqualified_leads_are_not_won_not_open():
    # a lead export's "Lead Status" (Converted, Qualified, Contacted, Junk Lead, Lost Lead …):
    # junk and disqualified leads were left out as "open", shrinking the not-won side
    statuses = ["Converted", "Lost Lead", "Junk Lead", "Unqualified", "Disqualified", "Contacted"]
    table = pd.DataFrame(
        {
            "Company": [f"Co {i}" for i in range(60)],
            "Lead Status": statuses * 10,
            "Industry": ["Software", "Retail", "Retail", "Finance", "Retail", "Software"] * 10,
        }
    )
    ds = open_dataset(table.to_csv(index=False).encode(), filename="leads.csv")
    result = analysis.run(ds, Settings(mode="outcome"))
    sentence = definition_sentence(result.definition, "en")
    assert "Converted (10)" in sentence
    assert "or Disqualified (40); 10 open left out" in sentence, sentence


def test_a_european_export_with_the_euro_written_after_the_amount_is_read_as_money():
    # "76.000,00 €" (thousands dot, decimal comma, euro after) was typed as text: the
    # revenue column left the analysis without a word
    rows = [
        {"Customer": f"Firma {i} GmbH", "Revenue (€)": f"{(i + 1) * 1000:,}.00 €", "Status": s}
        for i, s in enumerate(["Won", "Lost", "Open"] * 20)
    ]
    text = pd.DataFrame(rows).to_csv(index=False, sep=";")
    data = text.replace(",", "X").replace(".", ",").replace("X", ".").encode("cp1252")
    ds = open_dataset(data, filename="export.csv")
    spec = next(c for c in ds.mapping.columns if c.name == "Revenue (€)")
    assert spec.type.value == "number" and spec.role == Role.VALUE
    assert ds.table["Revenue (€)"].iloc[:3].tolist() == [1000.0, 2000.0, 3000.0]
    assert ds.units.get("Revenue (€)") == "€"


def test_a_ticked_renewals_sheet_with_amounts_in_words_reads_as_money_and_an_outcome():
    """是否续约 ticked √ / ×, 合同金额 as "人民币576,956", "62.7万元/年" and "约11.1万": the
    ticks are the outcome, the amounts are money in 元, and what sets the renewed apart
    (制造业) is found."""
    main, name, _, _ = KINDS["renewals_zh"].files()
    ds = open_dataset(main, filename=name)
    spec = ds.mapping.get("合同金额")
    assert (spec.type, spec.role) == (FieldType.NUMBER, Role.VALUE)
    assert ds.units.get("合同金额") == "元"
    assert ds.table["合同金额"].head(3).tolist() == [576956.0, 627000.0, 111000.0]
    result = analysis.run(ds, Settings(mode="outcome"))
    assert result.definition.good_values == ["√"]
    assert ("所属行业", "制造业") in {(t.column, t.value) for t in result.traits}


def test_a_deals_export_names_its_rows_by_the_associated_company_not_the_deal():
    """A HubSpot-shaped deals export: "Deal Name" ("Deal 7 - Hooli") and "Associated
    Company" (the customer, repeating over its deals). The best list names customers."""
    companies = [f"Company {i} Inc" for i in range(150)]
    df = pd.DataFrame(
        {
            "Record ID": [10_000_000_000 + 7 * i for i in range(240)],
            "Deal Name": [f"Deal {i} - renewal" for i in range(240)],
            "Deal Stage": ["Closed won", "Closed lost", "Contract sent"] * 80,
            "Amount": [f"${1000 + 37 * i:,}" for i in range(240)],
            "Associated Company": [companies[(i * 7) % 150] for i in range(240)],
        }
    )
    mapping = detect_mapping(df)
    assert mapping.col(Role.NAME) == "Associated Company"
