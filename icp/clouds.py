"""Word clouds of what best customers (or the rest) say and are, EN and ZH.

``frequencies`` turns the category, tag and free-text columns of one group of
rows into word weights; ``cloud`` draws them with the bundled CJK font (so
Chinese never shows as boxes) and returns a PIL image; ``compare`` draws the
side-by-side view where a word's size says how much *more* it belongs to one
side than the other.  Pictures are deterministic (fixed ``random_state``).

An empty word list gives ``None`` instead of an image: the caller shows the
translated ``clouds.empty`` note in its own layout (UI text, PDF paragraph),
which reads better than a picture of a sentence.
"""

from __future__ import annotations

import io
import logging
import math
import random
import re
from collections import Counter
from functools import cache

import pandas as pd
from PIL import Image

from icp.fonts import font_path
from icp.schema import SEPARATORS, FieldType, Mapping, Role

__all__ = [
    "STOPWORDS",
    "cloud",
    "compare",
    "distinctive",
    "frequencies",
    "png_bytes",
    "tokenize",
]

# Roles whose values identify a row or restate the grouping; a cloud of them says nothing.
_SKIP_ROLES = frozenset({Role.NAME, Role.ID, Role.OUTCOME})
# Text columns longer than this are sampled (deterministically) before jieba runs.
_MAX_TEXT_ROWS = 5000


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ZH_STOPWORDS = _wordset(
    """
    的 了 和 与 及 或 是 在 有 也 都 就 而 并 又 很 还 把 被 让 给 对 从 向 到 为 以 于 由 但
    我 你 他 她 它 我们 你们 他们 她们 它们 自己 大家 咱们 这 那 这个 那个 这些 那些 这样 那样
    这里 那里 哪 哪个 哪些 什么 怎么 怎样 如何 为什么 因为 所以 因此 如果 虽然 但是 可是
    然后 而且 并且 或者 还是 以及 关于 对于 通过 根据 按照 已经 正在 曾经 将要 可以 可能
    能够 应该 需要 要 会 能 想 没有 没 不 不是 不会 不能 非常 比较 特别 一些 一个 一下 一点
    一直 一样 一起 一般 个 种 次 些 位 等 等等 之 其 其中 其他 其它 另外 此外 以上 以下 之后
    之前 之间 目前 现在 当时 时候 今年 去年 每 各 各种 所有 任何 更 最 太 再 才 只 只是 就是
    还有 上 下 中 里 内 外 前 后 吧 吗 呢 啊 呀 哦 嗯 着 过 地 得 所 该 该公司 公司 客户 方面
    情况 问题 进行 使用 提供 相关 主要 希望 觉得 认为 表示 包括 无 暂无 未知 不详 其余 他人
    """
)
_EN_STOPWORDS = _wordset(
    """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each etc few for from further get gets got had hadn't has
    hasn't have haven't having he her here hers herself him himself his how however i if in into
    is isn't it it's its itself just let's like me more most much must mustn't my myself need
    needs no nor not of off often on once only or other others ought our ours ourselves out over
    own per really same shall shan't she should shouldn't so some such than that that's the their
    theirs them themselves then there there's these they this those through to too under until
    up us very via was wasn't we were weren't what when where which while who whom why will with
    won't would wouldn't yes yet you your yours yourself yourselves n/a na none null nan unknown
    other others misc various want wants wanted use used using new one two three
    """
)
#: Words dropped from every cloud (compared lower-cased).
STOPWORDS: frozenset[str] = _ZH_STOPWORDS | _EN_STOPWORDS

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")  # letters, with inner ' or -
_DROP = re.compile(r"^[\W\d_]+$")  # only digits / punctuation / symbols


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def tokenize(text: str) -> list[str]:
    """Content words of one free-text cell, in order.

    Chinese runs are cut with jieba (``cut_all=False``); other text is split on
    non-letters and lower-cased.  Stop words, numbers, punctuation and
    one-character tokens are dropped (a lone hanzi is almost always a
    function word such as 的 or 了).
    """
    if not isinstance(text, str) or not text.strip():
        return []
    out: list[str] = []
    pieces = _jieba().lcut(text, cut_all=False) if _HAN.search(text) else [text]
    for piece in pieces:
        if _HAN.search(piece):
            word = piece.strip()
            if len(word) >= 2 and word not in STOPWORDS and not _DROP.match(word):
                out.append(word)
            continue
        for m in _LATIN_WORD.finditer(piece):
            word = m.group(0).lower()
            if len(word) >= 2 and word not in STOPWORDS:
                out.append(word)
    return out


def _keep_value(value: str) -> bool:
    v = value.strip()
    return bool(v) and v.lower() not in STOPWORDS and not _DROP.match(v)


def _tag_counts(s: pd.Series, sep: str | None) -> Counter[str]:
    """Per tag, the number of cells carrying it (a tag repeated in one cell counts once)."""
    pattern = re.compile(re.escape(sep) if sep else "|".join(re.escape(x) for x in SEPARATORS))
    counts: Counter[str] = Counter()
    for cell, n in s.value_counts().items():  # split each distinct cell once
        for tag in dict.fromkeys(p.strip() for p in pattern.split(str(cell))):
            if tag:
                counts[tag] += n
    return counts


def _text_counts(s: pd.Series) -> Counter[str]:
    """Per word, the number of cells that mention it (scaled up when sampled)."""
    scale = 1.0
    if len(s) > _MAX_TEXT_ROWS:
        scale = len(s) / _MAX_TEXT_ROWS
        s = s.sample(_MAX_TEXT_ROWS, random_state=0)
    cells = s.value_counts()  # tokenise each distinct text once
    counts: Counter[str] = Counter()
    for text, n in cells.items():
        for word in dict.fromkeys(tokenize(str(text))):  # once per cell, order kept
            counts[word] += n * scale
    return counts


def frequencies(
    table: pd.DataFrame,
    mapping: Mapping,
    mask: pd.Series,
    *,
    columns: list[str] | None = None,
) -> dict[str, float]:
    """Word → number of rows (where ``mask`` is True) that carry it.

    SINGLE columns contribute their whole value, MULTI columns each tag (split
    by the column's separator), TEXT columns their jieba / Latin tokens; a
    word counts at most once per row and column.  ``columns`` limits the
    columns used; by default every included category, tag and text column
    except name, id and outcome.  Stop words and numbers are dropped.
    """
    keep = mask.reindex(table.index, fill_value=False).fillna(False).astype(bool)
    rows = table.loc[keep]
    if columns is None:
        specs = [
            c
            for c in mapping.of_type(FieldType.SINGLE, FieldType.MULTI, FieldType.TEXT)
            if c.role not in _SKIP_ROLES
        ]
    else:
        specs = [mapping.get(name) for name in columns]
        specs = [c for c in specs if c is not None]
    counts: Counter[str] = Counter()
    for spec in specs:
        if spec.name not in rows.columns or rows.empty:
            continue
        s = rows[spec.name].dropna().astype(str)
        s = s[s.str.strip() != ""]
        if s.empty:
            continue
        if spec.type == FieldType.SINGLE:
            values = s.str.strip().value_counts()
        elif spec.type == FieldType.MULTI:
            values = _tag_counts(s, spec.sep)
        else:
            counts.update(_text_counts(s))
            continue
        for value, n in values.items():
            if _keep_value(str(value)):
                counts[str(value)] += float(n)
    return _sorted(counts)


def distinctive(
    best: dict[str, float], rest: dict[str, float], *, alpha: float = 1.0
) -> tuple[dict[str, float], dict[str, float]]:
    """Words that belong more to one side: (best-leaning, rest-leaning) weights.

    Weight = log of the ratio of additively smoothed shares (``alpha`` per
    word), kept only where positive, so a word common on both sides vanishes
    and a word seen once cannot dwarf a word seen thirty times.
    """
    vocab = sorted(set(best) | set(rest))
    if not vocab:
        return {}, {}
    nb, nr, v = sum(best.values()), sum(rest.values()), len(vocab)
    left: dict[str, float] = {}
    right: dict[str, float] = {}
    for w in vocab:
        pb = (best.get(w, 0.0) + alpha) / (nb + alpha * v)
        pr = (rest.get(w, 0.0) + alpha) / (nr + alpha * v)
        score = math.log(pb / pr)
        if score > 1e-9 and best.get(w, 0.0) > 0:
            left[w] = score
        elif score < -1e-9 and rest.get(w, 0.0) > 0:
            right[w] = -score
    return _sorted(left), _sorted(right)


def _sorted(weights: dict[str, float]) -> dict[str, float]:
    """Heaviest first, ties alphabetical: the same words always give the same cloud."""
    return {w: float(f) for w, f in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))}


# Okabe-Ito blue / orange in a few shades, darkest first (all readable on white).
_SHADES = {
    "best": ("#0072B2", "#005A8C", "#1F4E79", "#2C7FB8", "#3A6EA5"),
    "rest": ("#B87800", "#D55E00", "#A65E00", "#C26A00", "#8F5A00"),
}


def _colour_func(palette: str):
    shades = _SHADES.get(palette, _SHADES["best"])

    def colour(word, font_size, position, orientation, random_state=None, **kw) -> str:
        rs = random_state or random.Random(0)
        return shades[rs.randint(0, len(shades) - 1)]

    return colour


def cloud(
    freqs: dict[str, float],
    *,
    palette: str = "best",
    width: int = 800,
    height: int = 450,
    big: bool = False,
    max_words: int | None = None,
    seed: int = 7,
) -> Image.Image | None:
    """A word cloud (PIL RGB image) of ``freqs``; ``None`` when there are no words.

    ``palette`` is "best" (blues) or "rest" (oranges), matching the charts.
    ``big`` (projector mode) shows fewer, larger words.  The same input and
    ``seed`` always give the same picture.
    """
    from wordcloud import WordCloud

    words = _sorted({str(w): float(f) for w, f in freqs.items() if f and f > 0 and str(w).strip()})
    if not words:
        return None
    wc = WordCloud(
        font_path=str(font_path()),
        width=width,
        height=height,
        background_color="white",
        mode="RGB",
        max_words=max_words or (40 if big else 100),
        min_font_size=max(8, height // 18) if big else 10,
        max_font_size=None,
        prefer_horizontal=0.95,  # Chinese and English both read best horizontally
        relative_scaling=0.5,
        margin=4 if big else 2,
        random_state=seed,
        color_func=_colour_func(palette),
        collocations=False,
        normalize_plurals=False,
    )
    wc.generate_from_frequencies(words)
    return wc.to_image()


def compare(
    best: dict[str, float],
    rest: dict[str, float],
    *,
    alpha: float = 1.0,
    width: int = 640,
    height: int = 400,
    big: bool = False,
) -> tuple[Image.Image | None, Image.Image | None]:
    """Side-by-side clouds: words that set the best apart, and words that set the rest apart.

    A word's size is its positive log-ratio from ``distinctive`` — how much
    more it belongs to that side — not its raw count.  Either image is
    ``None`` when no word leans that way.
    """
    left, right = distinctive(best, rest, alpha=alpha)
    return (
        cloud(left, palette="best", width=width, height=height, big=big),
        cloud(right, palette="rest", width=width, height=height, big=big),
    )


def png_bytes(img: Image.Image) -> bytes:
    """PNG bytes of ``img`` (for ``st.image``, downloads and the PDF)."""
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
