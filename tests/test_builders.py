"""The 7+7 builders: data-driven suggestions, progress, and the drafted narratives.

``icp.analysis.run`` is someone else's module, so the Analysis here is built
by hand with planted traits — what is under test is how the builders use it.
"""

from __future__ import annotations

import re
import string

import pandas as pd
import pytest

from icp import builders as b
from icp.builders import steps
from icp.dataset import Dataset, Source
from icp.i18n import LANGS, catalog, t
from icp.model import Analysis, Kpi, NumericTrait, Ranking, Settings, Trait
from icp.schema import ColumnSpec, FieldType, Mapping, Role

BEST = 10
REST = 30


def _trait(column, value, kind, best_count, rest_count, *, lift=3.0):
    return Trait(
        column=column,
        value=value,
        kind=kind,
        best_count=best_count,
        best_n=BEST,
        rest_count=rest_count,
        rest_n=REST,
        best_share=best_count / BEST,
        rest_share=rest_count / REST,
        lift=lift,
        ci_low=0.4,
        ci_high=0.95,
        p_value=0.001,
        strength=1.0,
    )


def _dataset() -> Dataset:
    """40 customers; the first 10 are the best. Titles planted in EN and ZH."""
    n = BEST + REST
    titles = ["COO"] * 5 + ["运营总监"] * 2 + ["Purchasing Manager", "IT Engineer", "CEO"]
    titles += ["Marketing Specialist"] * REST
    table = pd.DataFrame(
        {
            "Company": [f"Customer {i}" for i in range(n)],
            "Industry": ["Manufacturing"] * 8 + ["Retail"] * 2 + ["Retail"] * REST,
            "Region": ["East China"] * 7 + ["North China"] * 3 + ["South China"] * REST,
            "Employees": [150.0] * BEST + [20.0] * REST,
            "Tools": ["SAP, Excel"] * 6 + ["Oracle"] * 4 + ["Oracle"] * REST,
            "Previous tool": ["Excel"] * 7 + ["Salesforce"] * 3 + ["Salesforce"] * REST,
            "Contact title": titles,
            "Notes": ["want to cut cost, worried about budget"] * n,
        }
    )
    mapping = Mapping(
        [
            ColumnSpec("Company", FieldType.TEXT, Role.NAME),
            ColumnSpec("Industry", FieldType.SINGLE, Role.INDUSTRY),
            ColumnSpec("Region", FieldType.SINGLE, Role.REGION),
            ColumnSpec("Employees", FieldType.NUMBER, Role.EMPLOYEES),
            ColumnSpec("Tools", FieldType.MULTI, Role.NONE, sep=","),
            ColumnSpec("Previous tool", FieldType.SINGLE, Role.PREVIOUS),
            ColumnSpec("Contact title", FieldType.SINGLE, Role.CONTACT_TITLE),
            ColumnSpec("Notes", FieldType.TEXT, Role.NOTES),
        ]
    )
    source = Source(filename="planted.csv", kind="csv", sheet=None, sheets=[], header_row=0)
    return Dataset(table=table, mapping=mapping, source=source, report=None)


def _analysis(ds: Dataset, *, mode="top") -> Analysis:
    mask = pd.Series([True] * BEST + [False] * REST, index=ds.table.index)
    names = [f"Customer {i}" for i in range(BEST)]
    ranking = Ranking(
        table=pd.DataFrame({"name": names}),
        criteria=["sales_cycle", "profit"],
        missing={},
    )
    keywords = pd.DataFrame(
        {
            "word": ["cost", "budget", "automation", "mission"],
            "best_count": [6, 2, 4, 1],
            "rest_count": [3, 12, 1, 0],
            "weight": [3.0, 0.5, 2.4, 2.0],
        }
    )
    return Analysis(
        mode=mode,
        n_rows=len(ds.table),
        best_mask=mask,
        best_names=names,
        ranking=ranking if mode == "top" else None,
        traits=[
            _trait("Industry", "Manufacturing", "single", 8, 0),
            _trait("Region", "East China", "single", 7, 0),
            _trait("Tools", "SAP", "multi", 6, 0),
            _trait("Previous tool", "Excel", "single", 7, 0),
        ],
        warning_traits=[_trait("Industry", "Retail", "single", 2, 30, lift=0.2)],
        numeric=[
            NumericTrait(
                column="Employees",
                role=Role.EMPLOYEES,
                best_median=150.0,
                rest_median=20.0,
                low=100.0,
                high=300.0,
                separation=0.95,
                best_n=BEST,
                rest_n=REST,
            )
        ],
        kpis={"ltv_cac": Kpi("ltv_cac", 5.2, 2.1)},
        ltv_formula=None,
        keywords={"Notes": keywords},
    )


@pytest.fixture
def planted():
    ds = _dataset()
    return _analysis(ds), ds


def _texts(step, analysis, ds, lang="en", **kw):
    return [s.text for s in b.suggestions(step, analysis, ds, lang=lang, **kw)]


def _by_prompt(step, analysis, ds, lang="en"):
    out: dict[str, list[b.Suggestion]] = {}
    for s in b.suggestions(step, analysis, ds, lang=lang):
        out.setdefault(s.prompt_id, []).append(s)
    return out


# ---------------------------------------------------------------- step models


def test_fourteen_steps_in_order_with_their_prompts():
    assert [s.id for s in b.ICP_STEPS] == [f"S{i}" for i in range(1, 8)]
    assert [s.id for s in b.PERSONA_STEPS] == [f"P{i}" for i in range(1, 8)]
    assert set(b.STEPS) == {s.id for s in (*b.ICP_STEPS, *b.PERSONA_STEPS)}
    assert "statement" in [p.id for p in b.STEPS["S7"].prompts]
    assert "story" in [p.id for p in b.STEPS["P7"].prompts]
    # the method's dimensions are all asked for
    s5 = {p.id for p in b.STEPS["S5"].prompts}
    assert {"stakeholders", "champion", "motivation", "decider", "friction", "support"} <= s5
    p5 = {p.id for p in b.STEPS["P5"].prompts}
    assert {"politics", "budget", "authority", "timing", "fud"} <= p5
    assert [area for area, _ in b.USE_CHECKLIST] == [
        "builders.use.marketing",
        "builders.use.sales",
        "builders.use.product",
    ]


def test_every_step_prompt_and_checklist_item_has_text_in_both_languages():
    cat = catalog()
    keys = []
    for step in b.STEPS.values():
        keys += [step.title_key, step.intro_key]
        for p in step.prompts:
            keys += [k for k in (p.label_key, p.help_key, p.example_key) if k]
    for area, items in b.USE_CHECKLIST:
        keys += [area, *items]
    for (sid, pid), options in steps._OPTIONS.items():
        keys += [f"builders.opt.{sid}.{pid}.{o}" for o in options]
    keys += [f"builders.role.{r}" for r in b.COMMITTEE_ROLES]
    missing = [k for k in keys if k not in cat]
    assert not missing
    for k in keys:
        en, zh = cat[k]
        assert en.strip() and zh.strip(), k
        assert re.search(r"[\u4e00-\u9fff]", zh), f"{k} has no Chinese: {zh!r}"


def test_builder_strings_have_matching_placeholders():
    def fields(s):
        return {f for _, f, _, _ in string.Formatter().parse(s) if f}

    for key, (en, zh) in catalog().items():
        if key.startswith("builders."):
            assert fields(en) == fields(zh), key


# ---------------------------------------------------------------- suggestions


def test_s1_offers_the_chosen_best_customers_and_the_weighted_criteria(planted):
    analysis, ds = planted
    sug = _by_prompt("S1", analysis, ds)
    best = sug["best"][0]
    assert "Customer 0" in best.text and "Customer 9" in best.text
    assert best.evidence.render("en") == "Top 10 by best-customer score"
    settings = Settings(weights={"profit": 2.0})
    crit = [s for s in b.suggestions("S1", analysis, ds, lang="en", settings=settings)]
    crit_text = next(s.text for s in crit if s.prompt_id == "criteria")
    assert "shortest sales cycle (weight 1)" in crit_text
    assert "highest profit (weight 2)" in crit_text
    assert any("LTV/CAC: 5.2 vs 2.1" in s.text for s in sug["why"])


def test_a_kpi_suggestion_writes_both_sides_on_one_scale_with_the_currency(planted):
    # seen in a workshop: "成交金额：最佳客户 16.68万，其余 40,150" (万 beside plain digits)
    analysis, ds = planted
    analysis.kpis = {"deal_value": Kpi("deal_value", 166_800.0, 40_150.0, unit="元")}
    why = [s.text for s in b.suggestions("S1", analysis, ds, lang="zh") if s.prompt_id == "why"]
    assert any("最佳客户 16.7万元，其余 4.01万元" in text for text in why), why
    analysis.kpis = {"deal_value": Kpi("deal_value", 1_200_000.0, 850_000.0, unit="$")}
    why = [s.text for s in b.suggestions("S1", analysis, ds, lang="en") if s.prompt_id == "why"]
    assert any("$1.2M vs $0.85M" in text for text in why), why


def test_s2_contains_the_planted_firmographics_with_evidence(planted):
    analysis, ds = planted
    sug = _by_prompt("S2", analysis, ds)
    assert sug["industry"][0].text == "Manufacturing"
    assert sug["industry"][0].evidence.render("en").startswith("8 of best 10 (Industry)")
    assert sug["location"][0].text == "East China"
    assert sug["size"][0].text == "100–300 employees"
    # warning trait (Retail) is NOT offered as a commonality
    assert "Retail" not in _texts("S2", analysis, ds)
    zh = _by_prompt("S2", analysis, ds, lang="zh")
    assert zh["size"][0].text == "员工 100–300 人"
    assert "最佳 10 个中有 8 个" in zh["industry"][0].evidence.render("zh")


def test_s3_turns_a_multi_select_tools_column_into_uses_sap(planted):
    analysis, ds = planted
    assert "uses SAP" in _texts("S3", analysis, ds)
    assert "使用 SAP" in _texts("S3", analysis, ds, lang="zh")


def test_s6_offers_the_previous_solution_and_classifies_it(planted):
    analysis, ds = planted
    sug = _by_prompt("S6", analysis, ds)
    assert sug["before"][0].text == "Excel"
    kind = sug["kind"][0]
    assert "semi-manual" in kind.text
    assert kind.evidence.render("en") == "Based on “Excel”"


def test_p1_maps_coo_and_its_chinese_title_to_the_decider_role(planted):
    analysis, ds = planted
    sug = _by_prompt("P1", analysis, ds)
    titles = [s.text for s in sug["title"]]
    assert titles[0] == "COO"  # most frequent decider among the best
    assert "运营总监" in titles
    assert "Marketing Specialist" not in titles  # only in the rest, and not a decider
    ev = sug["title"][0].evidence.render("en")
    assert ev == "5 of best 10 contacts · decider"
    zh = _by_prompt("P1", analysis, ds, lang="zh")
    zh_ev = next(s.evidence.render("zh") for s in zh["title"] if s.text == "运营总监")
    assert "决策者" in zh_ev
    assert any("executive" in s.text for s in sug["seniority"])
    # the rest of the buying committee shows up in S5 / P6
    s5 = _by_prompt("S5", analysis, ds)
    assert s5["decider"][0].text == "COO"
    assert "Purchasing Manager (gatekeeper)" in s5["stakeholders"][0].text
    assert "IT Engineer (influencer)" in s5["stakeholders"][0].text


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("COO", "decider"),
        ("运营总监", "decider"),
        ("Chief Financial Officer", "decider"),
        ("总经理", "decider"),
        ("企业法人", "decider"),
        ("Office Manager", "gatekeeper"),
        ("Head of Operations", "decider"),
        ("Purchasing Manager", "gatekeeper"),
        ("采购经理", "gatekeeper"),
        ("总经理助理", "gatekeeper"),
        ("Plant Manager", "champion"),
        ("车间主任", "champion"),
        ("IT Engineer", "influencer"),
        ("财务专员", "user"),
        ("Barista", None),
    ],
)
def test_committee_roles_from_titles(title, role):
    assert b.committee_role(title) == role


def test_s4_and_p5_read_goals_and_obstacles_from_notes(planted):
    analysis, ds = planted
    s4 = _by_prompt("S4", analysis, ds)
    goals = [s.text for s in s4["goals"]]
    assert "cut costs" in goals and "streamline their workflows" in goals
    assert "fulfil a social mission" not in goals  # one customer's word is an anecdote
    assert not [g for g in goals if "mentioned" in g]  # S4 offers goals, not word lists
    assert all(s.evidence is not None for s in s4["goals"])
    p5 = _by_prompt("P5", analysis, ds)
    assert "“budget” (from Notes)" in [s.text for s in p5["budget"]]
    assert "Notes" in p5["budget"][0].evidence.render("en")
    assert "节省的成本" in _texts("P4", analysis, ds, lang="zh")


def test_s7_disqualifiers_come_from_warning_traits(planted):
    analysis, ds = planted
    sug = _by_prompt("S7", analysis, ds)
    assert sug["disqualifiers"][0].text == "Retail (Industry)"
    assert "statement" not in sug  # drafted only on request


def test_outcome_mode_speaks_of_won_customers(planted):
    _, ds = planted
    analysis = _analysis(ds, mode="outcome")
    s1 = _by_prompt("S1", analysis, ds)
    assert s1["best"][0].evidence.render("en") == "The 10 customers you won"
    assert "won" in s1["criteria"][0].text
    ev = _by_prompt("S2", analysis, ds)["industry"][0].evidence.render("en")
    assert ev.startswith("8 of 10 won")


@pytest.mark.parametrize("lang", LANGS)
def test_without_data_every_step_still_has_prompts_examples_and_method_options(lang):
    for sid, step in b.STEPS.items():
        sug = b.suggestions(sid, None, None, lang=lang)
        assert all(s.evidence is None for s in sug), sid
        for p in step.prompts:
            assert t(p.example_key, lang) != p.example_key
    goals = _texts("S4", None, None, lang)
    assert len(goals) == 5
    assert ("降低成本" if lang == "zh" else "cut costs") in goals
    assert len(_texts("S6", None, None, lang)) == 4
    assert len(_texts("S1", None, None, lang)) == 6
    assert b.suggestions("nope", None, None, lang=lang) == []


def test_dataset_without_analysis_still_suggests_titles():
    ds = _dataset()
    titles = [s.text for s in b.suggestions("P1", None, ds, lang="en") if s.prompt_id == "title"]
    assert titles[0] == "COO"


def test_messy_columns_do_not_crash():
    ds = _dataset()
    analysis = _analysis(ds)
    analysis.keywords["Empty"] = pd.DataFrame(columns=["word", "best_count", "rest_count"])
    analysis.numeric.append(
        NumericTrait("Revenue", Role.NONE, float("nan"), float("nan"), 1e7, 3e7, 0.7, 10, 30)
    )
    analysis.kpis["sales_cycle_days"] = Kpi("sales_cycle_days", None, None)
    for sid in b.STEPS:
        b.suggestions(sid, analysis, ds, lang="zh")
    fin = [s.text for s in b.suggestions("S2", analysis, ds, lang="zh") if s.prompt_id == "finance"]
    assert fin == ["Revenue 1000万–3000万"]


# ---------------------------------------------------------------- progress


def test_progress_and_missing_required():
    answers = {
        "S1": {"best": "Acme"},
        "S2": {"industry": "Manufacturing", "size": "  "},
        "S3": {"culture": "bold"},
        "P7": {"story": ""},
        "USE": {"builders.use.sales.demo": "1"},
    }
    prog = b.progress(answers)
    assert set(prog) == set(b.STEPS)
    assert prog["S1"] == "done"
    assert prog["S2"] == "partial"  # size is required and blank
    assert prog["S3"] == "done"  # no required prompt, something typed
    assert prog["P7"] == "empty"
    assert prog["S4"] == "empty"
    missing = b.missing_required(answers)
    assert ("S2", "size") in missing and ("S1", "best") not in missing
    assert ("P7", "story") in missing
    assert missing.index(("S2", "size")) < missing.index(("P7", "story"))
    assert len(b.missing_required({})) == sum(
        p.required for s in b.STEPS.values() for p in s.prompts
    )


def test_step_text_pairs_labels_with_answers_for_exports():
    answers = {"S2": {"size": "100–300 employees", "industry": "Manufacturing", "growth": ""}}
    assert b.step_text("S2", answers, lang="en") == [
        ("Industry and target market", "Manufacturing"),
        ("Company size", "100–300 employees"),
    ]
    assert b.step_text("S2", answers, lang="zh")[0] == ("行业与目标市场", "Manufacturing")
    ticks = {"USE": {"builders.use.sales.demo": "1", "builders.use.product.roadmap": ""}}
    pairs = b.step_text("USE", ticks, lang="en")
    assert len(pairs) == 1 and pairs[0][0] == "Sales" and pairs[0][1].startswith("Demo")


# ---------------------------------------------------------------- drafts


def test_icp_statement_weaves_in_the_data_and_the_typed_answers(planted):
    analysis, ds = planted
    answers = {
        "S4": {"goals": "Cut costs\nreduce scrap"},
        "S5": {"champion": "plant manager", "decider": "COO"},
    }
    text = b.draft_icp_statement(answers, analysis, ds, lang="en")
    assert text.startswith(
        "Our ideal customers are manufacturing companies with 100–300 employees in East China."
    )
    assert "They buy to cut costs and reduce scrap." in text
    assert "Before us, they relied on Excel" in text
    assert "The final decision is made by the COO." in text
    assert "the plant manager champions the purchase" in text
    assert "uses SAP" in text
    assert "Customer 0" in text
    assert "[" not in text  # every core slot filled


def test_typed_answers_win_over_the_data(planted):
    analysis, ds = planted
    answers = {"S2": {"industry": "Food processing companies", "location": "Jiangsu"}}
    text = b.draft_icp_statement(answers, analysis, ds, lang="en")
    assert "food processing companies with 100–300 employees in Jiangsu" in text
    assert "companies companies" not in text
    assert "East China" not in text
    # goal words in the notes are suggestions, not findings: unaccepted, they stay out
    assert "They buy to" not in text
    assert "often mentioned" not in text
    # the most common contact title is not a finding either
    assert "final decision" not in text


def test_icp_statement_in_chinese_reads_as_chinese(planted):
    analysis, ds = planted
    answers = {
        "S2": {"industry": "制造业"},
        "S4": {"goals": "降低成本"},
        "S5": {"decider": "运营总监"},
    }
    text = b.draft_icp_statement(answers, analysis, ds, lang="zh")
    assert text.startswith("我们的理想客户是位于 East China、员工 100–300 人的制造业企业。")
    assert "理想客户" in text
    assert "它们购买是为了降低成本。" in text
    assert "最终拍板的是运营总监。" in text
    assert "Excel" in text
    assert " They " not in text and "Our ideal" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_empty_answers_without_data_leave_clauses_out_not_placeholders(lang):
    text = b.draft_icp_statement({}, None, None, lang=lang)
    assert text and "[" not in text
    assert t("builders.draft.icp.lead_any", lang, location="")[:6] in text
    story = b.draft_persona_story({}, None, None, lang=lang)
    assert story and "[" not in story


def test_persona_story_is_a_narrative_of_the_answers(planted):
    analysis, ds = planted
    answers = {
        "P1": {"duties": "Running three plants"},
        "P4": {"measures": "cost per unit"},
        "P5": {"challenges": "rising labour costs", "timing": "peak season"},
        "P6": {"time": "about two months", "style": "Wants the best"},
        "P3": {"personality": "pragmatic"},
        "S5": {"decider": "COO"},  # the S5 answer names the person when P1 is empty
    }
    text = b.draft_persona_story(answers, analysis, ds, lang="en")
    assert text.startswith(
        "Meet our ideal decision maker: the COO at a manufacturing company with 100–300 employees"
    )
    assert "They are in charge of running three plants." in text
    assert "measured by cost per unit" in text
    assert "rising labour costs; peak season" in text
    assert "A decision usually takes about two months." in text
    assert "pragmatic" in text
    zh = b.draft_persona_story(
        {"P1": {"title": "运营总监"}, "P6": {"time": "两个月"}}, analysis, ds, lang="zh"
    )
    assert zh.startswith("我们的理想决策人是一家员工 100–300 人的 Manufacturing 企业的运营总监")
    assert "做出购买决定通常需要两个月。" in zh
