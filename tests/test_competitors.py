"""icp.competitors: per rival, who is still on it vs who you won, with counts and a sentence."""

from __future__ import annotations

from pathlib import Path

from icp import competitors
from icp.analysis import run
from icp.dataset import open_dataset

ROOT = Path(__file__).resolve().parent.parent


def _run(name: str):
    ds = open_dataset(ROOT / "sample_data" / name)
    return ds, run(ds)


def test_equipment_rivals_differ_from_the_won_customers_in_chinese():
    ds, an = _run("equipment_customers_zh.xlsx")
    column, rivals = competitors.competitors(ds, an)
    assert column == "目前设备厂商"
    names = [r.name for r in rivals]
    assert names[0] == "施耐德" and set(names) == {"施耐德", "德国罗波特", "莞盈", "国厦"}
    schneider = rivals[0]
    won = ds.table["签约状态"] == "已签约"
    still = (ds.table["目前设备厂商"] == "施耐德") & ~won
    assert schneider.n == still.sum() and schneider.won_n == won.sum()
    top = schneider.differences[0]
    assert top.column == "客户行业" and top.value == "生产型"
    assert top.comp_count == (still & (ds.table["客户行业"] == "生产型")).sum()
    # 36 of 99 is the most common value, not "most" customers (多为 would overstate it)
    assert schneider.sentence("zh") == (
        "你的已签约客户中最常见的客户行业是“生产型”（99 个中 36 个）；"
        "仍在用施耐德的客户中最常见的是“贸易型”（48 个中 18 个）。"
    )
    (sec,) = competitors.sections(column, rivals, "zh")
    assert sec.title.startswith("竞品")


def test_english_sentences_and_no_view_without_a_vendor_column():
    ds, an = _run("saas_customers_en.xlsx")
    _, rivals = competitors.competitors(ds, an)
    assert all(r.n >= competitors.MIN_CUSTOMERS for r in rivals)
    assert rivals[0].sentence("en").startswith("The most common Tools used among your won")
    table = rivals[0].table("en")
    assert list(table.columns)[-1] == "Your won customers"
    ds2, an2 = _run("study_abroad_zh.csv")
    assert competitors.competitors(ds2, an2) is None


def test_mostly_is_said_only_of_a_majority_on_both_sides():
    d = competitors.Difference("Industry", "Retail", 6, 10, 2, 20, "Retail", 6, "Software", 14)
    rival = competitors.Competitor("Acme", 10, 20, [d])
    assert rival.sentence("en") == (
        "Your won customers are mostly Industry = Software (14 of 20); "
        "customers still on Acme are mostly Retail (6 of 10)."
    )
    d.won_mode_count = 8  # 8 of 20: the most common, not most
    assert rival.sentence("en").startswith("The most common Industry among your won customers")
