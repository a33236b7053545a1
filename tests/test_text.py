"""icp.text: one tokenizer for keywords and clouds, and a data set's own vocabulary."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from icp import analysis, clouds, traits
from icp.dataset import open_dataset
from icp.schema import ColumnSpec, FieldType, Mapping, Role
from icp.text import STOP_WORDS, learn_vocabulary, table_vocabulary, tokenize

SAMPLE_ZH = Path(__file__).resolve().parents[1] / "sample_data" / "equipment_customers_zh.xlsx"


def test_one_stop_list_for_english_and_chinese():
    # each of these was dropped by only one of the two old tokenizers
    assert tokenize("need needs wants one two 以后 问题 情况 使用") == []
    assert {"need", "the", "don't", "需要", "的", "问题", "以后", "客户"} <= STOP_WORDS
    words = tokenize("以后需要解决设备故障问题，we need a better ERP")
    assert {"解决", "设备", "故障", "better", "erp"} <= set(words)


def test_word_grammar_keeps_product_names_accents_and_drops_contraction_stubs():
    words = tokenize("C++ and C# on .NET, B2B web3 long-term; Müller's Café 3D打印 12345")
    assert words == ["c++", "c#", "net", "b2b", "web3", "long-term", "müller", "café", "打印"]
    assert tokenize("we don't, we'll, it isn't") == []
    assert tokenize("订单 ERP，订单 erp") == ["订单", "erp"]  # distinct, first seen first
    assert tokenize(None) == [] and tokenize(3.5) == [] and tokenize(" \u3000") == []


def test_keywords_and_cloud_count_the_same_words():
    notes = [
        "需要ERP系统2024年上线，对接MES",
        "Need better SSO; C++ SDK",
        "价格敏感，比较供应商 v2.0",
        "故障率高的问题 - want on-site service",
        None,
        "  ",
    ] * 7
    best = pd.Series([i % 3 == 0 for i in range(len(notes))])
    table = pd.DataFrame({"Notes": pd.Series(notes, dtype="str")})
    mapping = Mapping([ColumnSpec("Notes", FieldType.TEXT, Role.NOTES)])
    kw = traits.keyword_table(table["Notes"], best, ~best).set_index("word")
    cloud = clouds.frequencies(table, mapping, best)
    assert set(cloud) == set(kw.index[kw["best_count"] > 0])
    for word, n in cloud.items():
        assert kw.loc[word, "best_count"] == n, word
    assert {"erp", "mes", "c++", "sdk", "价格", "on-site"} <= set(kw.index)


def test_learn_vocabulary_stops_a_function_character_gluing_onto_a_name():
    # jieba alone glues 对/签 onto an unknown vendor name (and the result is memoised)
    assert "对恒岳" in tokenize("对恒岳设备满意")
    assert "恒岳签" in tokenize("和恒岳签了合同")
    assert learn_vocabulary(["恒岳", "ERP", "岳", "恒岳集团华东区域第一分公司专用"]) is True
    assert tokenize("对恒岳设备满意") == ["恒岳", "设备", "满意"]  # the memo was dropped
    assert "恒岳" in tokenize("和恒岳签了合同") and "恒岳签" not in tokenize("和恒岳签了合同")
    assert learn_vocabulary(["恒岳"]) is False  # already known: nothing to do
    # no Han characters, one character, longer than 12: not a category name to learn
    assert learn_vocabulary(["ERP", "岳", "恒岳集团华东区域第一分公司专用"]) is False


def test_table_vocabulary_takes_categories_and_tags_not_names_or_free_text():
    table = pd.DataFrame(
        {
            "客户": ["甲公司", "乙公司"],
            "厂商": ["国厦", None],
            "产品": ["机床、 矿山设备", "机床"],
            "标签": ["华东;重点", "华东"],
            "备注": ["对国厦设备满意", "价格敏感"],
        }
    )
    mapping = Mapping(
        [
            ColumnSpec("客户", FieldType.SINGLE, Role.NAME),
            ColumnSpec("厂商", FieldType.SINGLE, Role.PREVIOUS),
            ColumnSpec("产品", FieldType.MULTI, sep="、"),
            ColumnSpec("标签", FieldType.MULTI, sep=None),
            ColumnSpec("备注", FieldType.TEXT, Role.NOTES),
        ]
    )
    assert table_vocabulary(table, mapping) == {"国厦", "机床", "矿山设备", "华东", "重点"}


def test_a_vendor_in_the_notes_is_the_vendor_in_keywords_and_cloud():
    n = 12
    table = pd.DataFrame(
        {
            "客户": [f"客户{i}" for i in range(n)],
            "厂商": ["国厦", "施耐德"] * (n // 2),
            "备注": ["对国厦设备满意", "设备老化，准备更换"] * (n // 2),
        }
    )
    mapping = Mapping(
        [
            ColumnSpec("客户", FieldType.TEXT, Role.NAME),
            ColumnSpec("厂商", FieldType.SINGLE, Role.PREVIOUS),
            ColumnSpec("备注", FieldType.TEXT, Role.NOTES),
        ]
    )
    best = pd.Series([i % 2 == 0 for i in range(n)])
    _, _, keywords = traits.categorical_traits(table, mapping, best, ~best)
    words = set(keywords["备注"]["word"])
    assert "国厦" in words and "对国厦" not in words
    cloud = clouds.frequencies(table, mapping, best, columns=["备注"])
    assert cloud["国厦"] == n // 2 and "对国厦" not in cloud
    assert "国厦" in tokenize("对国厦设备满意") and "对国厦" not in tokenize("对国厦设备满意")


def test_sample_best_cloud_has_no_vendor_with_a_glued_function_character():
    ds = open_dataset(SAMPLE_ZH)
    vendors = set(ds.table["目前设备厂商"].dropna().astype(str).str.strip())
    result = analysis.run(ds)
    best = clouds.frequencies(ds.table, ds.mapping, result.best_mask)
    rest = clouds.frequencies(ds.table, ds.mapping, ~result.best_mask)
    keywords = set(result.keywords["备注"]["word"])
    for words in (set(best), set(rest), keywords):
        glued = {w for w in words if w.startswith("对") and any(w.endswith(v) for v in vendors)}
        assert not glued
    assert "国厦" in best  # the vendor itself is counted
