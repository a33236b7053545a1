"""icp.discipline: per sales rep, who leaves the key fields empty (issue 18, seed 003)."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.testing.v1 import AppTest

from icp import analysis, discipline
from icp.dataset import open_dataset
from icp.i18n import t
from icp.store import Store

ROOT = Path(__file__).resolve().parent.parent
REPS = ["张伟", "李娜", "王强", "赵敏"]


def _with_reps() -> bytes:
    """The equipment sample plus a rep column; 王强 leaves 注册资金 and 联系人身份 empty often."""
    df = pd.read_excel(ROOT / "sample_data" / "equipment_customers_zh.xlsx", engine="openpyxl")
    rng = random.Random(2)
    df["销售负责人"] = [REPS[i % 4] for i in range(len(df))]
    df["跟进次数"] = [rng.randint(1, 9) for _ in range(len(df))]
    sloppy = (df["销售负责人"] == "王强") & (df.index % 3 != 0)
    df.loc[sloppy, ["注册资金", "联系人身份"]] = None
    buf = io.BytesIO()
    df.to_excel(buf, index=False)
    return buf.getvalue()


def test_the_sloppy_rep_is_found_with_counts():
    ds = open_dataset(_with_reps(), filename="reps.xlsx")
    d = discipline.discipline(ds, analysis.run(ds))
    assert d.owner == "销售负责人"
    assert {"注册资金", "联系人身份"} <= set(d.fields)
    assert d.table.index[0] == "王强"  # the least complete first
    gaps = {(rep, field): (empty, n) for rep, field, empty, n in d.gaps()}
    assert gaps[("王强", "联系人身份")] == (43, 65)
    assert all(rep == "王强" for rep, _ in gaps)
    assert "follow_ups" in d.table.columns and "won_rate" in d.table.columns
    line = t("disc.gap", "zh", rep="王强", field="联系人身份", empty=43, n=65)
    assert line == "王强名下 65 个客户中有 43 个未填“联系人身份”。"


def test_no_owner_column_means_no_table():
    ds = open_dataset(ROOT / "sample_data" / "saas_customers_en.xlsx")
    assert discipline.discipline(ds, analysis.run(ds)) is None


def test_tags_page_shows_the_discipline_section():
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.run()
    ws = at.query_params["ws"]
    ws = ws if isinstance(ws, str) else ws[0]
    Store().set_source(ws, filename="reps.xlsx", data=_with_reps(), options={})
    at.session_state["app.lang"] = "zh"
    at.switch_page("views/tags.py")
    at.run()
    assert not at.exception, at.exception
    assert "各销售的数据录入情况" in [s.value for s in at.subheader]
    texts = " ".join(m.value for m in at.markdown).replace("\\", "")
    assert "王强名下 65 个客户中有 43 个未填“联系人身份”" in texts
