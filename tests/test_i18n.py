"""Every string exists in both languages, with the same placeholders, and every
key the code asks for is in the catalogue (so no user ever sees a raw key)."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterable
from pathlib import Path

import pytest

from icp import (
    backup,
    builders,
    committee,
    groups,
    lifecycle,
    portrait,
    score,
    segments,
    workshop,
)
from icp.builders import steps, suggest, words
from icp.i18n import LANGS, MissingString, Msg, catalog, strict, t
from icp.model import CRITERIA
from icp.schema import FieldType, Role

ROOT = Path(__file__).resolve().parent.parent
# Literal keys passed to the translation helpers anywhere in the product code.
_CALL = re.compile(
    r"""\b(?:tr|t|Msg|InputError|_t|_msg)\(\s*["']([a-z][a-z0-9_]*(?:\.[A-Za-z0-9_]+)+)["']"""
)


# Keys built with f-strings: every template the product code uses, with the full
# list of keys it can build (taken from the code's own constants where they exist).
_FSTRING = re.compile(r"""\b(?:tr|t|Msg|InputError|_t|_msg)\(\s*f["']([^"']+)["']""")


def _product_files() -> list[Path]:
    files = [ROOT / "app.py", *ROOT.glob("views/*.py"), *ROOT.glob("ui/*.py")]
    return files + [p for p in ROOT.glob("icp/**/*.py") if "i18n" not in p.parts]


def _draft_keys() -> list[str]:
    """``say("name")`` and ``t(f"{key}.name")`` in the drafted ICP statement and persona story."""
    tree = ast.parse((ROOT / "icp" / "builders" / "draft.py").read_text(encoding="utf-8"))
    keys: list[str] = []
    for fn in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
        prefix = next(
            (
                a.value.value
                for a in ast.walk(fn)
                if isinstance(a, ast.Assign)
                and [getattr(x, "id", None) for x in a.targets] == ["key"]
                and isinstance(a.value, ast.Constant)
            ),
            None,
        )
        if prefix is None:
            continue
        for call in (n for n in ast.walk(fn) if isinstance(n, ast.Call) and n.args):
            first = call.args[0]
            if getattr(call.func, "id", None) == "say":
                options = [first] if isinstance(first, ast.Constant) else [first.body, first.orelse]
                keys += [f"{prefix}.{o.value}" for o in options if isinstance(o, ast.Constant)]
            elif isinstance(first, ast.JoinedStr) and isinstance(first.values[-1], ast.Constant):
                keys.append(f"{prefix}{first.values[-1].value}")
    return keys


def _families() -> dict[str, Iterable[str]]:
    pages = re.findall(
        r'\("(\w+)", "(\w+)", ":material', (ROOT / "app.py").read_text(encoding="utf-8")
    )
    kpis = ("ltv_cac", "sales_cycle_days", "employees", "deal_value")
    quadrants = list(segments.QUADRANTS)
    bases = ("profit", "value_margin", "value")
    channel_cols = (
        "channel", "customers", "won_rate", "best", "best_share", "avg_value", "cac",
        "ltv_cac", "cost_per_best",
    )  # fmt: skip
    join_slots = (
        "deals", "won_deals", "win_rate", "won_value", "avg_won_value", "cycle",
        "first_won", "last_won", "products", "agents", "outcome",
    )  # fmt: skip
    roles = [f"schema.role.{r.value}" for r in Role]
    compare_kinds = ("tag", "rule", "won", "lost", "best", "rest")
    draft = _draft_keys()
    return {
        "lang.{code}": [f"lang.{c}" for c in LANGS],
        "definition.crit.{crit}": [f"definition.crit.{c}" for c in CRITERIA],
        "definition.crit.{c.id}": [f"definition.crit.{c}" for c in CRITERIA],
        "confirm.mode.{m}": ["confirm.mode.top", "confirm.mode.outcome"],
        "definition.reason.id.{why}": [
            f"definition.reason.id.{w}" for w in ("role", "hash", "code", "row", "number")
        ],
        "nav.{name}": [f"nav.{name}" for _, name in pages],
        "nav.section.{section}": [f"nav.section.{sec}" for sec, _ in pages],
        "report.page.{kind}": [f"report.page.{k}" for k in ("markdown", "json", "xlsx")],
        "report.page.{kind}_help": [f"report.page.{k}_help" for k in ("markdown", "json", "xlsx")],
        "present.screen.{screen}": [f"present.screen.{s}" for s in ("best", "traits", "clouds")],
        "present.clouds.{label}": [
            f"present.clouds.{x}" for x in ("best", "rest", "won", "not_won")
        ],
        "schema.role.{role.value}": roles,
        "schema.role.{r.value}": roles,
        "schema.type.{ft.value}": [f"schema.type.{f.value}" for f in FieldType],
        "data.join.agg.{k}": ["data.join.agg.sum", "data.join.agg.mean"],
        "prospects.source.{v}": ["prospects.source.upload", "prospects.source.own"],
        "prospects.model.{model.kind}": ["prospects.model.logistic", "prospects.model.lift"],
        "score.tier.{tier}": [f"score.tier.{x}" for x in score.TIERS],
        "score.action.{tier}": [f"score.action.{x}" for x in score.TIERS],
        "score.col.{c}": [f"score.col.{c}" for c in score.SCORE_COLUMNS],
        "score.col.{col}": [f"score.col.{c}" for c in score.SCORE_COLUMNS],
        "segments.basis.{seg.basis}": [f"segments.basis.{b}" for b in bases],
        "segments.basis.{found[1]}": [f"segments.basis.{b}" for b in bases],
        "segments.q.{k}": [f"segments.q.{q}" for q in quadrants],
        "segments.q.{k}.help": [f"segments.q.{q}.help" for q in quadrants],
        "channels.col.{c}": [f"channels.col.{c}" for c in channel_cols],
        "ws.sample.{key}": [f"ws.sample.{s}" for s in ("saas_en", "equipment_zh", "study_zh")],
        "ws.sample.{sample}": [f"ws.sample.{s}" for s in ("saas_en", "equipment_zh", "study_zh")],
        "analysis.page.mode.{m}": ["analysis.page.mode.top", "analysis.page.mode.outcome"],
        "criterion.{crit}": [f"criterion.{c}" for c in CRITERIA],
        "criterion.{c}": [f"criterion.{c}" for c in CRITERIA],
        "kpi.{key}": [f"kpi.{k}" for k in kpis],
        "join.why.{slot}": ["join.why.products", "join.why.agents"],
        "join.col.{slot}": [f"join.col.{s}" for s in join_slots],
        "builders.opt.{step}.{pid}.{option}": [
            f"builders.opt.{step}.{pid}.{o}"
            for (step, pid), options in steps._OPTIONS.items()
            for o in options
        ],
        "builders.opt.S1.criteria.{_CRITERION_OPTION.get(c, c)}": [
            f"builders.opt.S1.criteria.{suggest._CRITERION_OPTION.get(c, c)}" for c in CRITERIA
        ],
        "builders.kpi.{key}": [f"builders.kpi.{k}" for k in suggest._KPI_KEYS],
        "builders.sug.measure.{goal}": [f"builders.sug.measure.{g}" for g in words._GOAL_WORDS],
        "builders.role.{role}": [f"builders.role.{r}" for r, _ in words._ROLE_WORDS],
        "builders.role.{roles[title]}": [f"builders.role.{r}" for r, _ in words._ROLE_WORDS],
        "compare.kind.{kind}": [f"compare.kind.{k}" for k in compare_kinds],
        "compare.kind.{k}": [f"compare.kind.{k}" for k in compare_kinds],
        "compare.{side}.kind": ["compare.a.kind", "compare.b.kind"],
        "builders.{screen}.{pid}.label": [
            f"builders.{sid}.{p.id}.label"
            for sid, step in builders.STEPS.items()
            if sid in workshop.STEP_IDS
            for p in step.prompts
        ],
        "life.stage.{k}": [f"life.stage.{k}" for k in lifecycle.STAGES],
        "store.bad_field.{kind}": [
            f"store.bad_field.{k}" for k in {*backup._EXPECTED.values(), "valid"}
        ],
        "life.action.{k}": [f"life.action.{k}" for k in lifecycle.STAGES],
        "workshop.screen.{screen}": [f"workshop.screen.{s}" for s in workshop.OPENINGS],
        "workshop.question.{screen}": [f"workshop.question.{s}" for s in workshop.ALL_SCREENS],
        "groups.op.{o}": [f"groups.op.{o}" for o in groups.OPS],
        "groups.cond.{self.op}": [f"groups.cond.{o}" for o in groups.OPS],
        "groups.ui.match.{m}": ["groups.ui.match.all", "groups.ui.match.any"],
        "groups.rule.{self.match}": ["groups.rule.all", "groups.rule.any"],
        "card.group.{key}": [f"card.group.{g}" for g in portrait.GROUPS],
        "card.status.{self.status}": [
            f"card.status.{x}" for x in ("best", "won", "lost", "open", "rest")
        ],
        "card.step.{status}": ["card.step.best", "card.step.won"],
        "committee.role.{role}": [f"committee.role.{r}" for r in committee.ROLES],
        "committee.role.{r}": [f"committee.role.{r}" for r in (*committee.ROLES, "other")],
        "committee.role_share.{self.best_label}": [
            "committee.role_share.best",
            "committee.role_share.won",
        ],
        "{key}.{name}": draft,
        "{key}.location": draft,
        "{key}.company": draft,
        "{key}.company_nosize": draft,
        "{key}.company_any": draft,
        "{key}.location_of": draft,
        "{key}.location_any": draft,
        "{key}.company_person": draft,
        "{key}_person.{name}": [k for k in catalog() if k.startswith("builders.draft.icp_person.")],
        "score.reason.{key}": ["score.reason.none_for", "score.reason.none_against"],
    }


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_string_has_both_languages_and_same_placeholders():
    cat = catalog()
    assert len(cat) > 50
    for key, (en, zh) in cat.items():
        assert en.strip() and zh.strip(), key
        assert _fields(en) == _fields(zh), key


def test_every_literal_key_used_in_code_exists():
    cat = catalog()
    missing = []
    files = [ROOT / "app.py", *ROOT.glob("views/*.py"), *ROOT.glob("ui/*.py")]
    files += [p for p in ROOT.glob("icp/**/*.py") if "i18n" not in p.parts]
    for path in files:
        for key in _CALL.findall(path.read_text(encoding="utf-8")):
            if key not in cat:
                missing.append(f"{path.relative_to(ROOT)}: {key}")
    assert not missing, "\n".join(missing)


def test_every_key_built_with_an_f_string_is_listed_and_exists():
    cat, families = catalog(), _families()
    unlisted, missing = [], []
    for path in _product_files():
        for template in _FSTRING.findall(path.read_text(encoding="utf-8")):
            if template not in families:
                unlisted.append(f"{path.relative_to(ROOT)}: {template}")
                continue
            keys = list(families[template])
            assert keys, template
            missing += [f"{template} → {k}" for k in keys if k not in cat]
    assert not unlisted, "list these templates in _families():\n" + "\n".join(unlisted)
    assert not missing, "\n".join(missing)


def test_chinese_is_chinese_and_params_are_filled():
    assert t("app.title", "zh") == "ICP 工作台"
    assert t(Msg("cli.bad_top", {"top": 0}), "zh") == "--top 必须在 1 到 1000 之间（当前为 0）"


def test_tests_run_strict_and_a_missing_key_or_placeholder_raises():
    assert strict()  # set by conftest for the whole suite
    with pytest.raises(MissingString):
        t("no.such.key", "en")
    with pytest.raises(MissingString):
        t("cli.bad_top", "en", wrong=1)  # {top} is never given


def test_users_see_the_key_instead_of_a_crash(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ICP_STRICT_I18N", "0")
    assert t("no.such.key", "en") == "no.such.key"
    assert "{top}" in t("cli.bad_top", "en", wrong=1)


def test_counted_nouns_are_singular_for_one():
    assert t("data.dropped", "en", count=1, reason="empty") == "1 row dropped: empty"
    assert t("data.dropped", "en", count=1200, reason="empty") == "1,200 rows dropped: empty"
    one = t("analysis.open_excluded", "en", n=1)
    assert one.startswith("1 customer has no outcome") and "and is left out" in one
    assert t("analysis.open_excluded", "en", n="2,500").startswith("2,500 customers have")
    assert t("analysis.open_excluded", "zh", n=1).startswith("1 个客户")


_TRAIT = {"best_n": 10, "best_count": 7, "ci": "40–89%", "rest_pct": 12}


def test_chinese_sentences_space_latin_words_from_the_data_but_never_change_them():
    from icp.i18n import glue

    assert (
        glue("Customer 0、Customer 1", "和", "Customer 2") == "Customer 0、Customer 1 和 Customer 2"
    )
    assert glue("客户甲、客户乙", "和", "客户丙") == "客户甲、客户乙和客户丙"
    # a column named in English sits in a Chinese sentence with a space on each side
    zh = t("traits.sentence.kept", "zh", **_TRAIT, column="Industry", value="Banking")
    assert "的 Industry 为「Banking」" in zh, zh
    zh = t("traits.sentence.kept", "zh", **_TRAIT, column="所属行业", value="制造业")
    assert "的所属行业为「制造业」" in zh, zh
    # numbers keep the catalogue's own spacing: "第3列" names a column the data set keeps
    assert t("load.unnamed_column", "zh", n=3) == "第3列"
    en = t("traits.sentence.kept", "en", **_TRAIT, column="Industry", value="Banking")
    assert "are Industry = Banking, vs" in en  # English is formatted as written
    # the definition's good value: no space beside a Chinese one, one before a Latin one
    top = {"criteria": "销售周期", "n": 10, "weights": ""}
    zh = t("definition.top_good", "zh", column="「签约状态」", good="已签约（99）", **top)
    assert "在「签约状态」为已签约（99）的客户中" in zh, zh
    zh = t("definition.top_good", "zh", column="「Status」", good="Won（144）", **top)
    assert "在「Status」为 Won（144）的客户中" in zh, zh
    # a good value that is a number is spaced as the catalogue spaces its numbers
    sides = {"good": "1（148）", "bad": "0（152）"}
    zh = t("definition.outcome", "zh", lead="赢单", column="「是否续约」", **sides)
    assert zh == "赢单 = 「是否续约」为 1（148），对比 0（152）", zh
    assert t("load.unnamed_column", "zh", n=3) == "第3列"  # a number, not data: as written
