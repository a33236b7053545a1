"""icp.levels: the industry level, the ICP and warning segments × channel, in EN and ZH."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd

from icp import analysis, levels, report
from icp.dataset import open_dataset
from icp.model import Settings

ROOT = Path(__file__).resolve().parent.parent


@cache
def _sample(name: str):
    ds = open_dataset(ROOT / "sample_data" / name)
    return ds, analysis.run(ds)


def test_industry_level_has_counts_win_rates_and_medians():
    ds, an = _sample("saas_customers_en.xlsx")
    ind = levels.industries(ds, an).set_index("industry")
    assert ind.at["Manufacturing", "best"] == 9 and ind.at["Manufacturing", "customers"] == 84
    status = ds.table.loc[ds.table["Industry"] == "Manufacturing", "Status"]
    won, lost = int((status == "Won").sum()), int((status == "Lost").sum())
    assert abs(ind.at["Manufacturing", "won_rate"] - won / (won + lost)) < 1e-9
    assert ind["value"].notna().all() and ind["cycle"].notna().all()
    assert levels.industries(*_sample("study_abroad_zh.csv")) is None  # no industry column


def test_a_thin_industry_says_nothing():
    rows = [
        {"Company": f"F{i}", "Industry": "Big" if i < 30 else "Tiny", "ACV": 1000 + i}
        for i in range(33)
    ]
    ds = open_dataset(pd.DataFrame(rows).to_csv(index=False).encode(), filename="x.csv")
    ind = levels.industries(ds, analysis.run(ds)).set_index("industry")
    assert ind.at["Tiny", "customers"] == 3 and pd.isna(ind.at["Tiny", "value"])
    assert pd.notna(ind.at["Big", "value"])


def test_icp_segment_holds_most_findings_and_its_channels_are_counted():
    ds, an = _sample("equipment_customers_zh.xlsx")
    [icp] = [s for s in levels.segments(ds, an) if s.kind == "icp"]
    assert len(icp.traits) == 3  # 客户行业, 人员规模, 目前设备厂商: 2 of 3 make the segment
    held = sum(levels.groups.mask(ds, levels.trait_rule(t)).astype(int) for t in icp.traits)
    assert (icp.rows == (held >= 2)).all() and int(icp.rows.sum()) == 51
    assert icp.title("zh", outcome=False).startswith("ICP 细分：满足以下 3 项中至少 2 项的客户")
    table, headline = levels.segment_channels(ds, an, icp)
    assert int(table["customers"].sum()) == 51
    assert headline.render("zh") == "该细分客户最多来自抖音：51 个中的 10 个。"
    thin = table["customers"] < levels.groups.MIN_CHANNEL
    assert table.loc[thin, "won_rate"].isna().all()


def test_warning_segments_and_the_report_sections_in_english():
    rows = []
    for i in range(120):
        retail = i % 4 == 0
        rows.append(
            {
                "Company": f"Firm {i}",
                "Industry": "Retail" if retail else ("Software" if i % 2 else "Health"),
                "Lead source": "Partner" if i % 3 else "Ads",
                "Status": "Lost" if retail else ("Won" if i % 5 else "Lost"),
                "ACV": 1000 + 10 * i,
            }
        )
    ds = open_dataset(pd.DataFrame(rows).to_csv(index=False).encode(), filename="x.csv")
    an = analysis.run(ds, Settings(mode="outcome"))
    warning = [s for s in levels.segments(ds, an) if s.kind == "warning"]
    assert warning and warning[0].traits[0].value == "Retail"
    assert "rare among the won" in warning[0].title("en", outcome=True)
    [sec] = levels.sections(ds, an, lang="en")
    md = report.sections_markdown([sec], title="x")
    assert "Where to advertise" in md and "Warning sign: Industry = Retail" in md
    assert "Partner" in md and "Win rate" in md
