"""Issue 18's smaller persona gaps: P2 asks for marital status (and the data can suggest it),
and the "use it" checklist offers finding decision makers in new target accounts."""

from __future__ import annotations

import random

import pandas as pd

from icp import analysis, builders
from icp.dataset import open_dataset
from icp.i18n import t


def _married_list():
    rng = random.Random(1)
    rows = []
    for i in range(80):
        good = i < 20
        married = (good and i % 10 < 9) or (not good and i % 10 < 2)
        rows.append(
            {
                "客户姓名": f"客户{i}",
                "婚姻状况": "已婚" if married else "未婚",
                "合同金额": rng.randint(80, 120) * 1000 if good else rng.randint(10, 40) * 1000,
                "签约状态": "已签约" if good else "未签约",
            }
        )
    return open_dataset(pd.DataFrame(rows).to_csv(index=False).encode(), filename="m.csv")


def test_p2_has_a_marital_status_prompt_in_both_languages():
    ids = [p.id for p in builders.STEPS["P2"].prompts]
    assert ids.index("marital") == ids.index("income") + 1
    assert t("builders.P2.marital.label", "en") == "Marital status"
    assert t("builders.P2.marital.label", "zh") == "婚姻状态"


def test_a_marital_column_suggests_the_answer():
    ds = _married_list()
    result = analysis.run(ds)
    found = [
        s for s in builders.suggestions("P2", result, ds, lang="zh") if s.prompt_id == "marital"
    ]
    assert found and found[0].text.startswith("已婚")


def test_checklist_offers_finding_decision_makers_in_new_accounts():
    items = [i for _, group in builders.USE_CHECKLIST for i in group]
    assert "builders.use.sales.targets" in items
    assert "new target accounts" in t("builders.use.sales.targets", "en")
