"""Contacts sheets and the buying committee (issue 18, seed 001), in English and Chinese."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pandas as pd

from icp import analysis, committee, sheets
from icp.dataset import open_dataset

ROOT = Path(__file__).resolve().parent.parent


@cache
def _sample(name: str):
    ds = open_dataset(ROOT / "sample_data" / name, group_variants=False)
    return ds, analysis.run(ds)


def _workbook(accounts: pd.DataFrame, contacts: pd.DataFrame, sheet: str) -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf) as w:
        accounts.to_excel(w, sheet_name="Accounts", index=False)
        contacts.to_excel(w, sheet_name=sheet, index=False)
    return buf.getvalue()


def _en_contacts() -> tuple[pd.DataFrame, set[str]]:
    """Every account has an operations contact; the best 10 but two also have a CFO and
    a CEO — the two without a CEO are the ones a key-role check must name."""
    ds, an = _sample("saas_customers_en.xlsx")
    best = set(ds.names()[an.best_mask])
    no_ceo = set(sorted(best)[:2])
    rows = []
    for i, name in enumerate(ds.names()):
        rows.append({"Account": name, "Contact name": f"P{i}a", "Job title": "Operations Manager"})
        if name in best:
            rows.append({"Account": name, "Contact name": f"P{i}b", "Job title": "CFO"})
            if name not in no_ceo:
                rows.append({"Account": name, "Contact name": f"P{i}c", "Job title": "CEO"})
        elif i % 7 == 0:
            rows.append({"Account": name, "Contact name": f"P{i}c", "Job title": "Founder"})
    return pd.DataFrame(rows), no_ceo


def test_a_contacts_sheet_is_recognised_and_set_aside_in_english():
    ds0, _ = _sample("saas_customers_en.xlsx")
    contacts, _ = _en_contacts()
    data = _workbook(ds0.table, contacts, "Contacts")
    # the contacts sheet is bigger than the accounts, yet the accounts are the customer list
    guesses = {
        g.sheet: g.kind for g in sheets.find_tables(sheets.read_sheets(data, filename="x.xlsx"))[2]
    }
    assert guesses == {"Accounts": "accounts", "Contacts": "contacts"}
    ds = open_dataset(data, filename="crm.xlsx")
    assert len(ds.table) == len(ds0.table) and ds.contacts is not None
    assert any(m.key == "join.found.contacts" for m in ds.notes)
    # an accounts list with one "Contact title" column per account is not a contacts sheet
    assert sheets.contact_columns(ds0.table) is None


def test_committee_roles_among_the_best_and_who_lacks_a_key_role():
    ds, an = _sample("saas_customers_en.xlsx")
    contacts, no_ceo = _en_contacts()
    com = committee.committee(ds, an, committee.read_contacts(contacts))
    assert com is not None and com.best_with_contacts == 10
    assert com.role_counts.at["finance", "best"] == 10
    assert com.role_counts.at["decider", "best"] == 8
    assert {"decider", "finance", "influencer"} <= set(com.key_roles)
    assert {name for _, name, missing in com.lacking if missing == ["decider"]} == no_ceo
    lines = com.role_sentences("en")
    assert "Finance: in 10 of your 10 best accounts with contacts, vs 0% of the rest" in lines
    assert any(line.endswith("no contact as Decider") for line in com.lacking_sentences("en"))
    table = com.table("en", ds.names())
    assert list(table.columns[:3]) == ["Account", "Decider", "Influencer"]
    assert table["Finance"].str.contains("CFO").sum() == 10


def test_chinese_contacts_with_a_role_column():
    ds, an = _sample("equipment_customers_zh.xlsx")
    best = set(ds.names()[an.best_mask])
    rows = []
    for i, name in enumerate(ds.names()):
        rows.append(
            {"客户名称": name, "联系人姓名": f"张{i}", "职位": "采购专员", "决策角色": "把关者"}
        )
        if name in best:
            rows.append(
                {"客户名称": name, "联系人姓名": f"李{i}", "职位": "股东", "决策角色": "决策者"}
            )
    data = _workbook(ds.table, pd.DataFrame(rows), "联系人")
    joined = open_dataset(data, filename="客户.xlsx")
    assert joined.contacts is not None and len(joined.table) == len(ds.table)
    com = committee.committee(ds, an, committee.read_contacts(joined.contacts))
    assert com.role_counts.at["decider", "best"] == 10
    assert com.role_counts.at["gatekeeper", "rest"] == com.role_counts.at["gatekeeper", "rest_n"]
    zh = com.role_sentences("zh")
    assert "决策者：有联系人的 10 个最佳客户中有 10 个，其余客户中占 0%" in zh
    assert com.lacking == []
    [sec] = committee.sections(ds, an, com, lang="zh")
    assert sec.title == "采购决策链"


def test_without_contacts_only_titles_seen_across_the_best_never_per_account():
    for name, lang, word in (
        ("saas_customers_en.xlsx", "en", "titles seen across your best accounts"),
        ("equipment_customers_zh.xlsx", "zh", "在最佳客户中出现过的职位"),
    ):
        ds, an = _sample(name)
        seen = committee.titles_seen(ds, an)
        assert seen and seen[0].best_n == 10 and seen[0].best >= seen[-1].best
        [sec] = committee.sections(ds, an, None, lang=lang)
        text = "\n".join(b.text for b in sec.blocks)
        assert word in text
        assert not any(n in text for n in ds.names()[an.best_mask])  # no account is named


def test_role_words_in_both_languages():
    assert committee.role_of("Chief Financial Officer") == "finance"
    assert committee.role_of("CEO & Founder") == "decider"
    assert committee.role_of("VP Operations") == "influencer"
    assert committee.role_of("Procurement lead") == "gatekeeper"
    assert committee.role_of("Field engineer") == "user"
    assert committee.role_of("总经理") == "decider" and committee.role_of("财务经理") == "finance"
    assert committee.role_of("工程师", "影响者") == "influencer"  # the role column wins
    assert committee.role_of("Intern") is None


def test_a_deals_sheet_naming_its_contact_is_still_deals():
    deals = pd.DataFrame(
        {
            "Account": ["A", "A", "B", "B", "C"],
            "Contact name": ["x", "y", "z", "w", "v"],
            "Contact title": ["CEO", "CFO", "CTO", "CEO", "VP"],
            "Stage": ["Won", "Lost", "Won", "Open", "Won"],
            "Amount": [10, 20, 30, 40, 50],
        }
    )
    assert sheets.contact_columns(deals) is None
    assert sheets.classify(deals, sheet="Deals").kind == "deals"
