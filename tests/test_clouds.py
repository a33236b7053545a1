"""Word clouds: the right words go in, Chinese comes out as Chinese (not boxes),
and the same data always gives the same picture."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from PIL import Image, ImageDraw, ImageFont

from icp.clouds import cloud, compare, distinctive, frequencies, png_bytes
from icp.fonts import font_path, missing_chars
from icp.schema import ColumnSpec, FieldType, Mapping, Role
from icp.text import tokenize


def _ink(img: Image.Image) -> np.ndarray:
    """True where a pixel is not (near-)white background."""
    return np.asarray(img.convert("L")) < 200


@pytest.fixture(scope="module")
def customers() -> tuple[pd.DataFrame, Mapping, pd.Series]:
    table = pd.DataFrame(
        {
            "公司": ["甲公司", "乙公司", "丙公司", "丁公司"] * 5,
            "行业": ["制造业", "制造业", "零售", "其他"] * 5,
            "需求": ["降本、增效", "增效、数字化、增效", "促销", "招生、促销"] * 5,
            "备注": [
                "希望提升生产效率，降低设备故障率",
                "我们需要数字化转型，提升生产效率",
                "门店促销活动频繁",
                "Need better online lead generation",
            ]
            * 5,
            "结果": ["已签约", "已签约", "未签约", "未签约"] * 5,
        }
    )
    mapping = Mapping(
        [
            ColumnSpec("公司", FieldType.SINGLE, Role.NAME),
            ColumnSpec("行业", FieldType.SINGLE, Role.INDUSTRY),
            ColumnSpec("需求", FieldType.MULTI, sep="、"),
            ColumnSpec("备注", FieldType.TEXT, Role.NOTES),
            ColumnSpec("结果", FieldType.SINGLE, Role.OUTCOME),
        ]
    )
    best = pd.Series([True, True, False, False] * 5)
    return table, mapping, best


def test_tokenize_cuts_chinese_and_drops_stop_words_numbers_and_single_letters():
    words = tokenize("我们希望提升生产效率，降低设备故障率的问题。We need a better ERP, 24/7 x!")
    assert {"提升", "生产", "效率", "故障率", "better", "erp"} <= set(words)
    assert not {"我们", "的", "希望", "we", "need", "a", "x", "24", "7", "，"} & set(words)


def test_frequencies_split_tags_count_rows_and_respect_the_mask(customers):
    table, mapping, best = customers
    freqs = frequencies(table, mapping, best)
    assert freqs["制造业"] == 10
    # "增效" is tagged by both best rows (twice in one cell, counted once per row)
    assert freqs["增效"] == 10
    assert freqs["降本"] == 5 and freqs["数字化"] == 10
    assert "降本、增效" not in freqs  # tags are split, never the raw cell
    assert freqs["效率"] == 10  # free text, tokenised by jieba
    # rows outside the mask, the name column and the outcome column contribute nothing
    assert not {"零售", "促销", "招生", "甲公司", "已签约"} & set(freqs)
    rest = frequencies(table, mapping, ~best)
    assert "其他" not in rest  # placeholder category treated as a stop word
    assert {"促销", "招生", "lead", "online"} <= set(rest)
    assert rest["促销"] == 15  # 10 rows tag it, 5 more mention it in the notes


def test_frequencies_can_be_limited_to_columns(customers):
    table, mapping, best = customers
    only_tags = frequencies(table, mapping, best, columns=["需求"])
    assert set(only_tags) == {"降本", "增效", "数字化"}
    assert frequencies(table, mapping, pd.Series(False, index=table.index)) == {}


def test_distinctive_keeps_only_words_that_lean_to_one_side():
    best = {"制造业": 9, "增效": 5, "price": 1}
    rest = {"零售": 8, "增效": 5, "price": 1}
    left, right = distinctive(best, rest)
    assert "制造业" in left and "零售" in right
    assert "零售" not in left and "制造业" not in right
    assert left["制造业"] > 0 and right["零售"] > 0
    assert "增效" not in left or left["增效"] < left["制造业"]


def test_cloud_is_deterministic_and_sized():
    freqs = {"制造业": 10, "数字化": 7, "efficiency": 5, "华东": 3, "降本": 2}
    a, b = cloud(freqs), cloud(dict(reversed(list(freqs.items()))))
    assert a.size == (800, 450)
    assert png_bytes(a) == png_bytes(b)
    assert _ink(a).mean() > 0.02  # not blank
    big = cloud(freqs, big=True, width=1200, height=675)
    assert big.size == (1200, 675)
    decoded = Image.open(io.BytesIO(png_bytes(big)))
    assert decoded.format == "PNG" and decoded.size == (1200, 675)


def test_cloud_of_nothing_is_none():
    assert cloud({}) is None
    assert cloud({"客户": 0}) is None
    left, right = compare({"制造业": 3}, {"制造业": 3})
    assert left is None and right is None


def test_compare_gives_one_image_per_side():
    left, right = compare({"制造业": 9, "数字化": 4}, {"零售": 8, "促销": 6})
    assert left is not None and right is not None
    assert _ink(left).mean() > 0.02 and _ink(right).mean() > 0.02
    # blue words on the best side, orange on the rest side (blue channel dominates on the left)
    lpx = np.asarray(left)[_ink(left)]
    rpx = np.asarray(right)[_ink(right)]
    assert lpx[:, 2].mean() > lpx[:, 0].mean()
    assert rpx[:, 0].mean() > rpx[:, 2].mean()


def test_chinese_renders_as_glyphs_not_boxes():
    """A cloud of a Chinese word must differ from the same cloud drawn with the
    font's "missing glyph" box.  Hangul is outside the bundled subset, so it is
    drawn with .notdef; if Chinese were drawn as boxes too, the two would match."""
    assert missing_chars("가각") == {"가", "각"}
    assert missing_chars("客户") == set()
    chinese = _ink(cloud({"客户": 1}, width=400, height=200))
    boxes = _ink(cloud({"가각": 1}, width=400, height=200))
    assert chinese.mean() > 0.03
    assert (chinese != boxes).mean() > 0.05

    # the same check on the font alone, independent of wordcloud's layout
    font = ImageFont.truetype(str(font_path()), 96)

    def draw(text: str) -> np.ndarray:
        img = Image.new("L", (240, 130), 255)
        ImageDraw.Draw(img).text((10, 10), text, font=font, fill=0)
        return np.asarray(img) < 128

    glyphs, notdef = draw("客户"), draw("가각")
    assert glyphs.sum() > 1500
    assert (glyphs != notdef).mean() > 0.05
