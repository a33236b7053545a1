"""icp.portrait: one customer's card — groups, fit, traits it has and lacks, asks, next step."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pypdf
import pytest

from icp import portrait, report
from icp.analysis import run
from icp.dataset import open_dataset
from icp.schema import ColumnSpec, FieldType, Role

ROOT = Path(__file__).resolve().parent.parent


@cache
def _loaded(name: str):
    ds = open_dataset(ROOT / "sample_data" / name)
    return ds, run(ds)


def _row(ds, name: str):
    return ds.names()[ds.names() == name].index[0]


def test_groups_follow_roles_then_header_words():
    g = portrait.field_group
    assert g(ColumnSpec("联系人身份", FieldType.SINGLE, Role.CONTACT_TITLE), b2b=True) == "contact"
    assert g(ColumnSpec("家庭年收入", FieldType.NUMBER), b2b=False) == "family"
    assert g(ColumnSpec("是否有签证", FieldType.SINGLE), b2b=False) == "process"
    assert g(ColumnSpec("关注产品", FieldType.MULTI), b2b=True) == "need"
    assert g(ColumnSpec("Budget", FieldType.NUMBER), b2b=True) == "need"
    assert g(ColumnSpec("合同金额", FieldType.NUMBER, Role.VALUE), b2b=True) == "deal"
    assert g(ColumnSpec("学员学历", FieldType.SINGLE), b2b=False) == "basic"
    assert g(ColumnSpec("注册资金", FieldType.NUMBER), b2b=True) == "company"


def test_to_b_equipment_card_in_chinese():
    ds, an = _loaded("equipment_customers_zh.xlsx")
    assert portrait.is_b2b(ds.mapping)
    row = an.best_mask.index[an.best_mask][0]
    c = portrait.card(ds, an, row, lang="zh")
    titles = [c.group_title(k) for k, _ in c.groups]
    assert titles[:3] == ["企业信息", "联系人", "需求"]
    fields = {f.column: f.text for _, fs in c.groups for f in fs}
    assert fields["人员规模"] == "50-100人"  # a band stays the label the user wrote
    assert fields["毛利率"].endswith("%")
    assert 0 <= c.score <= 100 and c.tier in "ABCD" and c.reasons
    assert c.status == "best" and c.rank is not None
    # every profile trait is either matched or lacked (its cells are filled)
    assert len(c.matches) + len(c.lacks) == c.n_traits
    assert not any("合同金额" in m for m in c.matches)  # what defines best is not a trait
    assert c.next_steps[0].startswith("维护好关系")


def test_to_c_study_card_groups_and_asks_for_empty_fields():
    ds, an = _loaded("study_abroad_zh.csv")
    assert not portrait.is_b2b(ds.mapping)
    toefl_empty = ds.table["托福成绩"].isna()
    row = toefl_empty[toefl_empty].index[0]
    c = portrait.card(ds, an, row, lang="zh")
    titles = [c.group_title(k) for k, _ in c.groups]
    assert titles[:3] == ["基本信息", "家庭信息", "提交流程"]
    assert "托福成绩" in c.ask
    assert any("托福成绩" in s for s in c.next_steps)


def test_open_lead_gets_a_follow_up_step_in_english():
    ds, an = _loaded("saas_customers_en.xlsx")
    status = ds.table["Status"]
    row = status[status == "Open"].index[0]
    c = portrait.card(ds, an, row, lang="en")
    assert c.status == "open"
    assert c.status_line() == "Still open: not yet won or lost."
    assert [k for k, _ in c.groups][:3] == ["company", "contact", "need"]
    assert any(c.next_steps[0].startswith(p) for p in ("Follow up first", "Worth a", "Low fit"))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_card_prints_to_markdown_and_pdf(lang):
    ds, an = _loaded("saas_customers_en.xlsx")
    row = _row(ds, "Horizon Industries Co.")
    c = portrait.card(ds, an, row, lang=lang, tags=["Key <b>accounts</b>"])
    md = report.sections_markdown(c.sections(), title="Card")
    assert "Horizon Industries Co." in md and "\\<b\\>" in md  # data escaped
    pdf = report.sections_pdf(c.sections(), title=c.name, lang=lang)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert "Horizon Industries Co." in text
    assert ("Suggested next step" if lang == "en" else "建议的下一步") in text


def test_search_by_name():
    ds, _ = _loaded("equipment_customers_zh.xlsx")
    hits = portrait.find_rows(ds, "天成")
    assert hits and all("天成" in name for _, name in hits)
