"""What "best" means: outcome by header words, polarity, ids, ties, funnels, the sentence.

Every test runs on a realistic fixture (``tests/fixtures/real_exports.py``)
and asserts what a founder would see: which column is the outcome, which
values count as good, that nothing defining best or identifying a row comes
back as a finding, and the one plain sentence that says what best means.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from icp import analysis
from icp.cli import main as cli_main
from icp.dataset import Dataset, open_dataset
from icp.definition import definition_sentence
from icp.model import Analysis, Settings
from icp.schema import Role
from tests.fixtures.real_exports import KINDS, Kind

ROOT = Path(__file__).resolve().parent.parent


@cache
def _opened(name: str) -> Dataset:
    main, filename, deals, deals_name = KINDS[name].files()
    return open_dataset(main, filename=filename, deals=deals, deals_filename=deals_name)


def _open(k: Kind) -> Dataset:
    """The kind as an upload reads it: read once per test process (all kinds ~5 s of CPU,
    the join and the workbooks the most), each test gets its own copy."""
    return copy.deepcopy(_opened(k.name))


@cache
def _analysed(name: str, mode: str) -> tuple[Dataset, Analysis]:
    """The kind read and analysed in one mode once per test process; the tests sharing it
    only read it (each asserts one thing a user sees of the same analysis)."""
    ds = _open(KINDS[name])
    return ds, analysis.run(ds, Settings(mode=mode))


def _finding_columns(result: Analysis) -> set[str]:
    cols = {t.column for t in [*result.traits, *result.warning_traits, *result.leads]}
    cols |= {nt.column for nt in result.numeric}
    cols |= {c for c, df in result.keywords.items() if len(df)}
    return cols


@pytest.mark.parametrize("name", sorted(KINDS))
def test_the_outcome_is_the_column_whose_header_says_so(name: str):
    k = KINDS[name]
    ds = _open(k)
    assert ds.mapping.col(Role.OUTCOME) == k.outcome


@pytest.mark.parametrize("name", [n for n in sorted(KINDS) if KINDS[n].outcome])
def test_good_values_default_by_polarity(name: str):
    k = KINDS[name]
    _, result = _analysed(name, "outcome")
    assert result.mode == "outcome"
    d = result.definition
    assert d.outcome_column == k.outcome
    assert tuple(d.good_values) == k.good
    assert 0 < result.best_mask.sum() < len(result.best_mask)


@pytest.mark.parametrize("name", sorted(KINDS))
@pytest.mark.parametrize("mode", ["top", "outcome"])
def test_nothing_that_defines_best_or_names_a_row_is_a_finding(name: str, mode: str):
    k = KINDS[name]
    _, result = _analysed(name, mode)
    d = result.definition
    banned = set(d.defining_columns) | set(d.id_columns) | set(k.ids)
    if result.mode == "outcome":
        assert d.outcome_column in d.defining_columns
    else:
        assert set(k.defining) <= set(d.defining_columns) or result.mode == "outcome"
    assert not (_finding_columns(result) & banned)
    assert not (set(result.profile_columns) & banned)
    assert set(k.ids) <= set(d.id_columns)


@pytest.mark.parametrize("name", sorted(KINDS))
def test_display_names_are_names_or_ids_never_row_numbers(name: str):
    k = KINDS[name]
    ds, result = _analysed(name, "top")  # Settings(): top mode
    names = result.best_names
    assert names and not any(str(n).startswith("#") for n in names)
    if k.name_column:
        assert ds.mapping.col(Role.NAME) == k.name_column
    low = {"1", "5", "TRUE"}
    assert not set(names) & low


def test_churn_good_value_is_no_and_flipping_it_changes_the_findings():
    ds = _open(KINDS["churn_en"])
    kept = analysis.run(ds, Settings(mode="outcome"))
    assert "Enterprise" in {t.value for t in kept.traits}
    flipped = analysis.run(ds, Settings(mode="outcome", good_values=["Yes"]))
    assert flipped.definition.good_values == ["Yes"]
    assert "Enterprise" not in {t.value for t in flipped.traits}
    assert "Basic" in {t.value for t in flipped.traits}
    assert int(flipped.best_mask.sum()) + int(kept.best_mask.sum()) == len(ds.table)


def test_win_loss_with_loss_values_compares_both_sides():
    result = analysis.run(_open(KINDS["winloss_en"]), Settings(mode="outcome"))
    assert result.mode == "outcome"
    assert not any(w.key == "analysis.outcome_one_sided" for w in result.warnings)
    assert ("Industry", "Manufacturing") in {(t.column, t.value) for t in result.traits}


def test_definition_sentence_top_and_outcome_in_both_languages():
    ds = _open(KINDS["winloss_en"])
    top = analysis.run(ds, Settings(top_n=10))
    en = definition_sentence(top.definition, "en")
    # a deals list with an outcome: the top 10 are ranked among the won only
    assert en.startswith("Best = the top 10 of those whose “Deal Outcome (Won/Lost)” is Won (")
    assert "deal value" in en and "sales cycle" in en and "equal weights" in en
    zh = definition_sentence(top.definition, "zh")
    assert "前 10" in zh and "Won" in zh
    won = analysis.run(ds, Settings(mode="outcome"))
    en = definition_sentence(won.definition, "en")
    n_good = int(won.best_mask.sum())
    assert en.startswith("Won = “Deal Outcome (Won/Lost)” is Won (")
    assert f"Won ({n_good:,})" in en and "Loss (" in en and "open left out" in en
    assert "“Deal Outcome (Won/Lost)”" in definition_sentence(won.definition, "zh").replace(
        "「", "“"
    ).replace("」", "”")


def test_a_crm_report_is_read_as_its_deals_only():
    """Title lines, "Grand Totals (240 records)" and a confidentiality line are
    not customers; Probability (%) follows the stage, so it is not a finding;
    the partner referrals that really win more are."""
    ds = _open(KINDS["sf_report_en"])
    assert len(ds.table) == 240
    notes = " ".join(m.render("en") for m in ds.notes)
    assert "Grand Totals (240 records)" in notes and "Confidential Information" in notes
    top = analysis.run(ds, Settings(top_n=10))
    assert "Probability (%)" in top.definition.defining_columns
    assert "Probability (%)" not in _finding_columns(top)
    won = analysis.run(ds, Settings(mode="outcome"))
    assert ("Lead Source", "Partner Referral") in {(t.column, t.value) for t in won.traits}


def test_a_lifecycle_stage_is_the_outcome_and_customers_are_ranked_among_themselves():
    """Leads and customers in one list: customer and evangelist are the good side, the
    best 10 come from them, and the planted industry is what those best share."""
    result = analysis.run(_open(KINDS["hubspot_en"]), Settings(top_n=10))
    assert result.definition.outcome_column == "Lifecycle Stage"
    assert definition_sentence(result.definition, "en").startswith(
        "Best = the top 10 of those whose “Lifecycle Stage” is customer or evangelist"
    )
    assert ("Industry", "COMPUTER_SOFTWARE") in {(t.column, t.value) for t in result.traits}


def test_a_stage_that_only_says_who_bought_is_not_a_finding():
    """A stage whose words are not outcome words ("onboarded", "nurture") but that only
    says who has revenue: 'Lifecycle Stage = onboarded' restates who bought; the
    planted industry is what the best really share."""
    words = {"customer": "onboarded", "evangelist": "advocate", "lead": "nurture",
             "marketingqualifiedlead": "engaged", "opportunity": "trial"}  # fmt: skip
    df = KINDS["hubspot_en"].build()
    df["Lifecycle Stage"] = df["Lifecycle Stage"].map(words)
    ds = open_dataset(df.to_csv(index=False).encode(), filename="companies.csv")
    result = analysis.run(ds, Settings(top_n=10))
    assert result.definition.outcome_column is None
    assert "Lifecycle Stage" in result.definition.defining_columns
    reason = result.definition.reasons["Lifecycle Stage"]
    assert "whether the customer has bought" in reason.render("en")
    assert ("Industry", "COMPUTER_SOFTWARE") in {(t.column, t.value) for t in result.traits}


@pytest.mark.parametrize("name", ["winloss_en", "funnel_en", "funnel_zh", "sf_report_en"])
def test_top_mode_never_calls_a_lost_or_open_deal_best(name: str):
    """A big lost deal is not a best customer: with an outcome column, the top
    N by the S1 criteria come from the won rows only."""
    ds = _open(KINDS[name])
    result = analysis.run(ds, Settings(top_n=10))
    assert result.mode == "top"
    won = result.definition.good_values
    out_col = result.definition.outcome_column
    assert out_col is not None and won
    best = ds.table.loc[result.best_mask.to_numpy(), out_col].map(str)
    assert len(best) == 10 and set(best) <= set(won)


def test_ties_at_the_cut_off_are_said_plainly():
    result = analysis.run(_open(KINDS["ties_en"]), Settings(top_n=10))
    tie = [w for w in result.warnings if w.key == "analysis.ties"]
    assert tie and tie[0].params["tied"] == 300
    assert "300" in tie[0].render("en") and "300" in tie[0].render("zh")


@pytest.mark.parametrize("name", ["funnel_en", "funnel_zh"])
def test_lead_funnel_no_deal_is_not_won_and_channel_conversion_is_right(name: str):
    from icp import segments

    ds = _open(KINDS[name])
    channel = ds.mapping.col(Role.CHANNEL)
    assert channel in ("origin", "获客渠道")
    result = analysis.run(ds, Settings(mode="outcome"))
    assert result.mode == "outcome"
    n_won = int(result.best_mask.sum())
    n_open = int((~result.best_mask & ~result.rest_mask).sum())
    assert n_won + int(result.rest_mask.sum()) + n_open == len(ds.table) == 400
    assert n_open < 40  # only leads with an open deal are left out
    table = segments.channels(ds, result.best_mask, won=result.won)
    top = table.sort_values("won_rate", ascending=False).iloc[0]
    assert top["channel"] in ("organic_search", "自然搜索")
    assert 0.2 < top["won_rate"] < 0.5


def test_accounts_with_decimal_revenue_join_without_a_crash():
    ds = _open(KINDS["accounts_pipeline_en"])
    assert ds.join is not None and ds.join.matched_accounts > 40
    assert str(ds.table["revenue"].dtype).startswith("float")
    assert ds.table["revenue"].max() >= 2310.55


def test_app_created_columns_read_in_chinese():
    from icp.i18n import column_label

    ds = _open(KINDS["accounts_pipeline_en"])
    assert "Won value" in ds.table.columns
    assert column_label("Won value", "zh") == "赢单金额"
    assert column_label("Sales cycle (days)", "zh") == "销售周期（天）"
    assert column_label("revenue", "zh") == "revenue"
    result = analysis.run(ds, Settings(mode="outcome"))
    assert "「签约结果」" in definition_sentence(result.definition, "zh")
    assert "“Outcome”" in definition_sentence(result.definition, "en")


def test_confirm_step_reasons_say_why():
    ds = _open(KINDS["churn_en"])
    d = analysis.run(ds, Settings(mode="outcome")).definition
    reason = d.reasons["churned"].render("en")
    assert "churned" in reason.lower()
    assert d.reasons["account_id"].render("zh")


def _cli_args(name: str, folder: Path) -> list[str]:
    """``analyze <main> [--deals <deals>]``, the kind's files written to ``folder``."""
    main_bytes, main_name, deals, deals_name = KINDS[name].files()
    src = folder / main_name
    src.write_bytes(main_bytes)
    args = ["analyze", str(src)]
    if deals is not None:
        (folder / deals_name).write_bytes(deals)
        args += ["--deals", str(folder / deals_name)]
    return args


def _assert_analyze_json(payload: dict, name: str) -> None:
    assert {"rows", "columns", "best", "kpis", "traits", "numeric", "warnings"} <= set(payload)
    d = payload["definition"]
    assert d["sentence"] and d["mode"] == payload["best"]["mode"]
    assert isinstance(payload["leads"], list)
    if d["mode"] == "outcome":
        assert d["column"] == KINDS[name].outcome
        assert d["good_values"] == list(KINDS[name].good)
    else:
        assert d["criteria"] and all(c["columns"] for c in d["criteria"])


@pytest.mark.parametrize("name", sorted(KINDS))
def test_every_kind_through_the_command_line(name: str, tmp_path, capsys):
    """rc 0 with ``definition`` and ``leads`` in the JSON, never a traceback: both modes
    of every kind, one in English and one in Chinese (which mode gets which language
    alternates over the kinds, so every pairing runs too).

    One mode runs the whole command (``icp.cli.main`` in-process, the file read in the
    worker: what the shell sees on stdout/stderr), which one alternates in pairs of kinds,
    so the command runs every mode in both languages; the other mode's JSON is made as the
    command makes it (``Analysis.to_json``, dumped) from the same reading, analysed once
    for the tests above. The real ``python -m icp`` runs in a fresh interpreter below."""
    index = sorted(KINDS).index(name)
    langs = ("en", "zh") if index % 2 else ("zh", "en")
    by_command = ("top", "outcome")[(index // 2) % 2]
    for lang, mode in zip(langs, ("top", "outcome"), strict=True):
        if mode == by_command:
            flag = ["--outcome"] if mode == "outcome" else []
            rc = cli_main([*_cli_args(name, tmp_path), *flag, "--lang", lang, "--json", "-"])
            out = capsys.readouterr()
            assert rc == 0, out.err
            assert "Traceback" not in out.err
            payload = json.loads(out.out)
        else:
            ds, result = _analysed(name, mode)
            payload = json.loads(json.dumps(result.to_json(ds, lang), ensure_ascii=False))
        _assert_analyze_json(payload, name)


def test_python_m_icp_reads_accounts_and_deals_in_a_fresh_interpreter(tmp_path):
    """One real ``python -m icp`` run (the join of two files, Chinese output): no
    import that only the test process happened to have made, no traceback."""
    args = [*_cli_args("accounts_pipeline_en", tmp_path), "--lang", "zh", "--json", "-"]
    proc = subprocess.run(
        [sys.executable, "-m", "icp", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0 and "Traceback" not in proc.stderr, proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["best"]["mode"] == "top" and payload["leads"] is not None
    # the outcome the join made, read in Chinese
    assert "「签约结果」" in payload["definition"]["sentence"]


def test_the_ranking_measure_in_another_unit_is_part_of_the_definition():
    """ "ACV (EUR)" next to the ranked "ACV" is the same number in euros: "your best pay
    more euros" would be a finding made of the definition.  Headcount, which only
    tends to go with ACV, stays a candidate."""
    rng = np.random.default_rng(4)
    n = 200
    acv = np.round(rng.gamma(2.0, 9000.0, n))
    df = pd.DataFrame(
        {
            "Company": [f"Firm {i}" for i in range(n)],
            "Industry": rng.choice(["Retail", "Software", "Health"], n),
            "Employees": np.round(acv / 100 * rng.uniform(0.3, 3.0, n)) + 1,
            "ACV": acv,
            "ACV (EUR)": np.round(acv * 0.92, 2),
        }
    )
    ds = open_dataset(df.to_csv(index=False).encode(), filename="accounts.csv")
    assert ds.mapping.col(Role.VALUE) == "ACV"
    d = analysis.run(ds, Settings(top_n=10)).definition
    assert "ACV (EUR)" in d.defining_columns
    assert "unit" in d.reasons["ACV (EUR)"].render("en")
    assert "Employees" not in d.defining_columns


@pytest.mark.parametrize("name", ["churn_en", "hubspot_en", "winloss_en", "funnel_zh"])
@pytest.mark.parametrize("mode", ["top", "outcome"])
def test_columns_factorised_once_per_run_give_the_same_analysis(monkeypatch, name, mode):
    """The echo check and the traits share each column's factorisation within a run
    (``icp.parse.factorized``); factorising every time gives the same result."""
    from icp import definition, parse, traits

    got = analysis.run(_open(KINDS[name]), Settings(mode=mode))
    ds = _open(KINDS[name])
    calls: list[str] = []

    def fresh(col: pd.Series, key: str, shared: dict | None):
        calls.append(key)
        return pd.factorize(col)

    for module in (parse, definition, traits):
        monkeypatch.setattr(module, "factorized", fresh)
    plain = analysis.run(ds, Settings(mode=mode))
    assert len(calls) > len(set(calls))  # columns the two share, factorised twice here
    assert json.dumps(got.to_json(ds), sort_keys=True) == json.dumps(
        plain.to_json(ds), sort_keys=True
    )
