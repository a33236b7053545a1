"""The portraits pages count as won what the user chose as good (``Analysis.won``), not only
what the header's polarity says: groups, lifecycle, competitors, the card and sales discipline."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pandas as pd
import pytest

from icp import analysis, competitors, groups, lifecycle, portrait
from icp.dataset import open_dataset
from icp.model import Settings

ROOT = Path(__file__).resolve().parent.parent


@cache
def _en():
    ds = open_dataset(ROOT / "sample_data" / "saas_customers_en.xlsx")
    # the user says open deals count as good too (a trial that is live is a kept customer)
    return ds, analysis.run(ds, Settings(mode="outcome", good_values=["Won", "Open"]))


def test_the_won_group_follows_the_chosen_good_values():
    ds, an = _en()
    status = ds.table["Status"]
    chosen = int(status.isin(["Won", "Open"]).sum())
    assert int(an.won.fillna(False).sum()) == chosen == 195
    rule = groups.outcome_rule(ds, won=True, flags=an.won)
    assert set(rule.conditions[0].values) == {"Won", "Open"}
    # without the analysis the header decides (Won only)
    assert set(groups.outcome_rule(ds, won=True).conditions[0].values) == {"Won"}
    won = groups.GroupSpec("won", "Won")
    comp = groups.compare_specs(
        ds, won, groups.GroupSpec("rest", "Rest"), best=an.best_mask, tags={}, won=an.won
    )
    assert comp.a_n == 195 and comp.b_n == len(ds.table) - 195


def test_lifecycle_competitors_and_card_agree_with_the_choice():
    ds, an = _en()
    life = lifecycle.stages(ds, won=an.won)
    assert int(life.table.at["won", "customers"]) == 195
    assert int(lifecycle.stages(ds).table.at["won", "customers"]) == 144  # header reading
    assert int(competitors.won_group(ds, an).sum()) == 195
    open_row = ds.table.index[ds.table["Status"] == "Open"][0]
    assert portrait.card(ds, an, open_row, lang="en").status == "won"
    lost_row = ds.table.index[ds.table["Status"] == "Lost"][0]
    assert portrait.card(ds, an, lost_row, lang="zh").status == "lost"


def test_a_churn_column_keeps_the_kept_customers_on_the_won_side():
    rows = [
        {
            "Company": f"Firm {i}",
            "Churned": "Yes" if i % 3 == 0 else "No",
            "Plan": "Basic" if i % 3 == 0 else "Pro",
            "Industry": "Retail" if i % 2 else "Software",
        }
        for i in range(60)
    ]
    buf = pd.DataFrame(rows).to_csv(index=False).encode()
    ds = open_dataset(buf, filename="churn.csv")
    an = analysis.run(ds, Settings(mode="outcome"))
    kept = ds.table["Churned"] == "No"
    assert (competitors.won_group(ds, an) == kept).all()
    assert int(lifecycle.stages(ds, won=an.won).table.at["won", "customers"]) == int(kept.sum())


def test_the_outcome_the_join_writes_reads_in_the_readers_language():
    from icp.i18n import t
    from icp.model import definition_sentence
    from tests.fixtures.real_exports import accounts_pipeline_en

    acc, deals = accounts_pipeline_en()
    ds = open_dataset(acc, filename="accounts.csv", deals=deals, deals_filename="deals.csv")
    assert set(ds.table["Outcome"].dropna()) <= {"Won", "Lost", "Open"}
    an = analysis.run(ds, Settings(mode="outcome"))
    zh = definition_sentence(an.definition, "zh")
    assert "已签约" in zh and "输单" in zh and "Won" not in zh and "Lost" not in zh
    assert "Won" in definition_sentence(an.definition, "en")
    params = {"best_count": 3, "best_n": 10, "rest_pct": 3, "best_pct": 30, "ci": "7–65%"}
    sentence = t("traits.sentence", "zh", column="Outcome", value="Open", **params)
    assert "「跟进中」" in sentence and "签约结果" in sentence
    # the user's own values are theirs: never translated
    assert "「Open」" in t("traits.sentence", "zh", column="Status", value="Open", **params)


def _churn_csv() -> bytes:
    """60 customers, a third churned; churners are mostly on Basic with few seats (not all:
    a column that follows the outcome row by row would define it, never be a finding)."""
    rows = [
        {
            "Company": f"Firm {i}",
            "Churned": "Yes" if i % 3 == 0 else "No",
            "Plan": "Basic" if (i % 3 == 0) != (i % 7 == 0) else "Pro",
            "Seats": 5 + (i % 3) * 20 + (i % 7),
        }
        for i in range(60)
    ]
    return pd.DataFrame(rows).to_csv(index=False).encode()


def test_churn_findings_say_kept_and_churned_not_won():
    from icp.i18n import t

    ds = open_dataset(_churn_csv(), filename="churn.csv")
    an = analysis.run(ds, Settings(mode="outcome"))
    sentences = [t(x.message(outcome=True), lang) for x in an.traits for lang in ("en", "zh")]
    sentences += [t(x.message(outcome=True), "en") for x in an.numeric]
    assert sentences and all("won" not in s and "签约" not in s for s in sentences), sentences
    assert any("kept customers" in s and "who churned" in s for s in sentences)
    assert any("留存客户" in s and "流失客户" in s for s in sentences)
    # a won/lost outcome keeps its words
    en, _ = _en()
    won = analysis.run(en, Settings(mode="outcome"))
    assert "won customers" in t(won.traits[0].message(outcome=True), "en")


@pytest.mark.parametrize(
    ("lang", "kept", "churned"), [("en", "kept customers", "churned"), ("zh", "留存客户", "流失")]
)
def test_commonalities_page_of_a_churn_file_talks_about_kept_customers(
    app_test, lang, kept, churned
):
    def setup(store, ws):
        store.set_source(ws, filename="churn.csv", data=_churn_csv(), options={})
        store.set_value(ws, "settings", {"mode": "outcome"})

    at = app_test("commonalities", lang=lang, setup=setup)
    captions = "\n".join(c.value for c in at.caption)
    texts = "\n".join(x.value for x in at.text)
    assert kept in captions and kept in texts, (captions, texts)
    assert "not won" not in texts and "未签约" not in texts
    assert any(churned in (m.delta or "") for m in at.metric) or not at.metric


def test_churn_report_and_money_kpis_in_the_exports():
    import io as _io

    import pypdf

    from icp import report

    ds = open_dataset(_churn_csv(), filename="churn.csv")
    an = analysis.run(ds, Settings(mode="outcome"))
    for lang, meta, kpis in (
        ("en", "40 kept compared with 20 who churned", "## Key numbers: kept vs churned"),
        ("zh", "40 个留存客户对比 20 个流失客户", "## 关键指标：留存与流失对比"),
    ):
        md = report.markdown_text(report.summarise(ds, an, answers={}, lang=lang))
        assert meta in md and kpis in md, md[:800]
        # (the builders' drafted suggestions still word their evidence as won / not won)
    en, _ = _en()
    pdf = report.pdf_bytes(report.summarise(en, analysis.run(en), answers={}, lang="en"))
    text = "".join(p.extract_text() for p in pypdf.PdfReader(_io.BytesIO(pdf)).pages[:1])
    assert "$67,400" in text and "$20,750" in text  # the deal-value row of the key numbers


@pytest.mark.parametrize(
    ("lang", "kept", "bad"), [("en", "kept", ("won", "not won")), ("zh", "留存", ("签约",))]
)
def test_churn_builder_hints_and_chart_words_say_kept_and_churned(lang, kept, bad):
    """The ICP builder's evidence lines and the charts' titles and legends name the groups
    the user is looking at: on a churn file, kept and churned — never won / not won."""
    from icp import builders, charts
    from icp.i18n import t

    ds = open_dataset(_churn_csv(), filename="churn.csv")
    an = analysis.run(ds, Settings(mode="outcome"))
    hints = [
        t(s.evidence, lang) if not isinstance(s.evidence, str) else s.evidence
        for step in builders.ICP_STEPS
        for s in builders.suggestions(step.id, an, ds, lang=lang)
        if s.evidence is not None
    ]
    texts = [
        s.text
        for step in builders.ICP_STEPS
        for s in builders.suggestions(step.id, an, ds, lang=lang)
    ]
    assert any(kept in h for h in hints), hints
    for line in hints + texts:
        assert not any(b in line for b in bad), line
    specs = [
        charts.trait_bars(an.traits, lang=lang, outcome=True, kept=True).to_json(),
        charts.value_bars(
            ds.table, "Plan", an.best_mask, lang=lang, outcome=True, kept=True
        ).to_json(),
    ]
    for spec in specs:
        assert kept in spec.casefold() and not any(b in spec for b in bad), spec[:400]
