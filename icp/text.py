"""What a word is: the one tokenizer for free text, EN and ZH.

Keyword traits (``icp.traits``) and word clouds (``icp.clouds``) both read
free text through ``tokenize`` and both drop ``STOP_WORDS``, so a keyword
finding and the word cloud never disagree on what a word is.

Grammar: Chinese runs (Han characters) are cut with jieba; a Latin word
starts with a letter and may hold digits and ``+ # & . -`` inside
("c++", "b2b", "web3", "long-term"); words are lower-cased; stop words,
numbers and one-character words (a lone hanzi is almost always a function
word such as 的 or 了) are dropped.

``learn_vocabulary`` teaches jieba a data set's own short Chinese category
values (vendors, products, regions), so "对国厦设备满意" gives 国厦, not 对国厦;
``table_vocabulary`` collects them from a table's single- and multi-select
columns.
"""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from icp.parse import split_tags
from icp.schema import SEPARATORS, FieldType, Mapping, Role

__all__ = [
    "STOP_WORDS",
    "blank_numbers",
    "learn_vocabulary",
    "table_vocabulary",
    "tokenize",
    "tokens",
]

_EN_STOP = """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each etc few for from further get gets got had hadn't has
    hasn't have haven't having he her here hers herself him himself his how however i if in into
    is isn't it it's its itself just let's like me misc more most much must mustn't my myself n/a
    na nan need needs new nil no none nor not null of off often on once one only or other others
    ought our ours ourselves out over own per really same shall shan't she should shouldn't so
    some such than that that's the their theirs them themselves then there there's these they
    this those three through to too two under unknown until up us use used using various very via
    want wanted wants was wasn't we were weren't what when where which while who whom why will
    with won't would wouldn't yes yet you your yours yourself yourselves
    aren couldn didn doesn don hadn hasn haven isn mightn mustn needn shan shouldn wasn weren
    wouldn ll ve re
    ask asked asking call called come came discuss discussed discussing give gave go goes going
    gone went know knew look looked looking make made makes making put said say says see seen saw
    seem seemed seems take taken takes took tell told think thinks thought tried try trying
"""
# The "aren couldn" lines: what is left of a contraction once the apostrophe splits
# it ("don't" -> "don", "t"; "we'll" -> "we", "ll").  Then common verbs, which say
# nothing about who a customer is ("discussed", "looking").
_ZH_STOP = """
    啊 吧 把 被 并 不 才 次 从 但 到 得 的 等 地 都 对 而 该 个 各 给 更 过 和 很 后 还 会 或 及 就
    里 了 吗 没 每 哪 那 呢 内 能 你 哦 其 前 让 上 是 所 他 它 她 太 外 为 位 我 无 下 想 向 些 呀
    要 也 以 由 有 又 于 与 再 在 这 之 只 中 种 着 最 嗯
    按照 包括 比较 表示 并且 不会 不能 不是 不详 此外 大家 但是 当时 等等 对于 而且 方面 非常
    各种 根据 公司 关于 还是 还有 或者 将要 今年 进行 就是 觉得 可能 可是 可以 客户 另外 没有
    目前 哪个 哪些 那个 那里 那些 那样 能够 你们 其他 其它 其余 其中 情况 去年 然后 任何 认为
    如果 如何 时候 什么 使用 虽然 所以 所有 他们 他人 它们 她们 特别 提供 通过 未知 问题 我们
    希望 现在 相关 需要 一般 一点 一个 一起 一下 一些 一样 一直 已经 以后 以及 以上 以下 因此
    因为 应该 咱们 暂无 怎么 怎样 曾经 这个 这里 这些 这样 正在 之后 之间 之前 只是 主要 自己
    该公司 为什么
    讨论 考虑 提到 表示 准备 打算 知道 看看 了解 说过 觉得 进行
"""
#: Words that are never a keyword nor a cloud word (compared lower-cased), EN + ZH.
STOP_WORDS: frozenset[str] = frozenset(_EN_STOP.split()) | frozenset(_ZH_STOP.split())

_HAN = "\u3400-\u9fff\uf900-\ufaff"  # CJK unified (+ extension A) and compatibility ideographs
# ASCII letters plus the accented Latin ones (Latin-1, Extended-A/B; not × or ÷)
_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_INNER = "0-9+#&.\\-"  # may sit inside a Latin word (never start it)
_TOKEN_RE = re.compile(f"[{_HAN}]+|[{_LETTERS}][{_LETTERS}{_INNER}]*[{_LETTERS}0-9+#]|[{_LETTERS}]")
_HAN_RE = re.compile(f"[{_HAN}]")
_HAN_RUN = re.compile(f"[{_HAN}]{{2,}}")
# Latin words start with a letter, so the letter-less start of a stretch of
# word characters (a number such as "12345" between two Chinese words, the
# "12" of "12ab") can never be part of a word: ``blank_numbers`` replaces it
# by one space, and cells that differ only there ("公司1号", "公司2号") become
# one distinct cell, tokenised once.  Arrow (RE2) syntax; the space keeps
# neighbouring Chinese runs apart, exactly as the number did.
_LETTERLESS = f"(^|[^{_LETTERS}{_INNER}])[{_INNER}]+"
_MEMO = 1 << 16  # distinct cells / Chinese runs remembered between runs

# Vocabulary: values shorter or longer than this are not category names.
_VOCAB_LEN = (2, 12)
_VOCAB_MAX_DISTINCT = 5000  # a column with more distinct values is not a category list
_VOCAB_SKIP = frozenset({Role.NAME, Role.ID})  # one value per customer, not a category
_ANY_SEP = re.compile("|".join(re.escape(s) for s in SEPARATORS))
_learned: set[str] = set()
_learn_lock = threading.Lock()


def _jieba() -> Any:
    """The process's jieba tokenizer (``icp.zhdict``: the dictionary loads per character)."""
    from icp import zhdict  # lazy: startup speed (jieba)

    return zhdict.tokenizer()


@functools.lru_cache(maxsize=_MEMO)
def _cut(run: str) -> tuple[str, ...]:
    """jieba's words of one Chinese run (memoised: runs repeat across cells and runs)."""
    return tuple(_jieba().lcut(run))


@functools.lru_cache(maxsize=_MEMO)
def tokens(text: str) -> tuple[str, ...]:
    """Distinct words of one ``str`` cell, first seen first (memoised; the fast path).

    ``tokenize`` is the same for any object; this one skips its checks, for
    callers that already hold a string.
    """
    seen: dict[str, None] = {}
    for run in _TOKEN_RE.findall(text):
        words = _cut(run) if _HAN_RE.match(run) else (run,)
        for w in words:
            w = w.strip().lower()
            if len(w) < 2 or w in STOP_WORDS or w.isdigit():
                continue
            seen.setdefault(w, None)
    return tuple(seen)


def tokenize(text: object) -> list[str]:
    """Distinct words of one cell, in first-seen order (``[]`` for blanks and non-text).

    jieba for Chinese, a word split for Latin text; lower-cased, without
    stop words, numbers and one-character words.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    return list(tokens(text))


def blank_numbers(values: pd.Series) -> tuple[np.ndarray, list[str]]:
    """Distinct text cells with their letter-less stretches blanked (see ``_LETTERLESS``).

    Returns (new code per cell, the new distinct cells): every cell tokenises
    exactly as before, but far fewer distinct cells are left to tokenise.
    Runs in Arrow until the distinct results come back as Python strings.
    """
    import pyarrow as pa  # lazy: startup speed
    import pyarrow.compute as pc  # lazy: startup speed

    arr = pa.array(values, from_pandas=True)
    if isinstance(arr, pa.ChunkedArray):  # one dictionary for the whole column
        arr = arr.combine_chunks()
    fast = _blank_letterless(arr) if len(arr) >= _BLANK_BYTES_MIN else None
    if fast is None:
        arr = pc.replace_substring_regex(arr, pattern=_LETTERLESS, replacement=r"\1 ")
    else:
        arr = fast
    enc = pc.dictionary_encode(arr)
    return enc.indices.to_numpy(zero_copy_only=False), enc.dictionary.to_pylist()


# ``_LETTERLESS`` on the UTF-8 bytes, for a column of this many cells or more: Arrow's
# regex replace builds a new string per cell (0.2 s for a million names)
_BLANK_BYTES_MIN = 10_000
_INNER_BYTE = np.zeros(256, dtype=bool)
_INNER_BYTE[list(b"0123456789+#&.-")] = True  # ``_INNER``: all ASCII
_ASCII_LETTER = np.zeros(256, dtype=bool)
_ASCII_LETTER[list(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")] = True


def _blank_letterless(arr: Any) -> Any:
    """``replace_substring_regex(arr, _LETTERLESS, r"\1 ")`` worked out on the bytes, or None.

    A stretch of ``_INNER`` characters (all ASCII, so never part of a longer
    UTF-8 character) that starts its cell or follows a character that is
    neither a letter nor ``_INNER`` becomes one space; one that follows a
    letter is kept.  The letters beyond ASCII (U+00C0–U+024F, not × ÷) are
    two-byte characters: the character before a stretch is read from its
    last two bytes.  None (use the regex) for anything but a string array
    without missing cells.
    """
    import pyarrow as pa  # lazy: startup speed

    if arr.null_count or not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        return None
    n = len(arr)
    width = np.int64 if pa.types.is_large_string(arr.type) else np.int32
    _, off_buf, data_buf = arr.buffers()
    offsets = np.frombuffer(off_buf, dtype=width)[arr.offset : arr.offset + n + 1].astype(np.int64)
    if n == 0 or offsets[-1] == offsets[0]:
        return arr
    data = np.frombuffer(data_buf, dtype=np.uint8)[offsets[0] : offsets[-1]]
    offsets -= offsets[0]
    inner = _INNER_BYTE[data]
    row_start = np.zeros(len(data) + 1, dtype=bool)  # one past the end: the last stretch stops
    row_start[offsets[offsets < offsets[-1]]] = True
    row_start[-1] = True
    edge = np.empty(len(data) + 1, dtype=bool)  # an _INNER byte after none, or the reverse
    edge[0] = inner[0]
    edge[1:-1] = inner[1:] != inner[:-1]
    edge[-1] = inner[-1]
    # a stretch never runs across two cells: a cell's start closes one and may open one
    starts = np.flatnonzero((edge[:-1] & inner) | (row_start[:-1] & inner))
    stops = np.flatnonzero((edge[1:] & inner) | (row_start[1:] & inner)) + 1
    blank = row_start[starts]  # a stretch that starts its cell: the "^" of the pattern
    inside = starts[~blank]
    before = data[inside - 1]  # the last byte of the character before the stretch
    letter = _ASCII_LETTER[before]
    two = (before >= 0x80) & (before < 0xC0)  # the end of a longer character
    lead = data[inside[two] - 2].astype(np.int64)
    point = ((lead & 0x1F) << 6) | (before[two].astype(np.int64) & 0x3F)
    letter[two] = (
        (lead >= 0xC2)
        & (lead <= 0xDF)  # a two-byte character, U+0080–U+07FF
        & (
            ((point >= 0xC0) & (point <= 0xD6))
            | ((point >= 0xD8) & (point <= 0xF6))
            | ((point >= 0xF8) & (point <= 0x24F))
        )
    )
    blank[~blank] = ~letter
    if not blank.any():
        return arr
    first, stop = starts[blank], stops[blank]
    # each blanked stretch keeps its first byte, as a space, and loses the rest
    delta = np.zeros(len(data) + 1, dtype=np.int8)
    delta[first + 1] += 1
    delta[stop] -= 1
    gone = np.cumsum(delta[:-1], dtype=np.int8).view(bool)
    out = data.copy()
    out[first] = 0x20
    out = out[~gone]
    lost = np.concatenate([[0], np.cumsum(stop - first - 1)])
    ends = (offsets - lost[np.searchsorted(first, offsets)]).astype(width)
    return pa.Array.from_buffers(arr.type, n, [None, pa.py_buffer(ends), pa.py_buffer(out)])


def learn_vocabulary(values: Iterable[str]) -> bool:
    """Teach jieba a data set's own Chinese category values; True if its dictionary changed.

    Values of 2–12 characters holding Han characters are taken (each Chinese
    run of 2+ characters in them, which is what jieba sees), each added with
    the lowest frequency at which jieba keeps it whole — enough to stop a
    function character gluing onto it ("对国厦" → 对 + 国厦) without
    out-voting ordinary words around it (a word jieba already keeps whole is
    left as it is).  Words seen before cost nothing; when a word is added the
    memoised cuts are dropped, since they may now come out differently.
    jieba's dictionary is per process, so what one data set teaches stays
    for the next.
    """
    lo, hi = _VOCAB_LEN
    fresh: set[str] = set()
    for v in values:
        if not isinstance(v, str):
            continue
        v = v.strip()
        if lo <= len(v) <= hi and _HAN_RE.search(v):
            fresh.update(w for w in _HAN_RUN.findall(v) if w not in _learned)
    if not fresh:
        return False
    with _learn_lock:
        fresh -= _learned
        if not fresh:
            return False
        jieba = _jieba()
        changed = False
        for word in sorted(fresh):  # sorted: the same values always give the same cuts
            freq = jieba.suggest_freq(word, tune=False)
            if freq > jieba.FREQ.get(word, 0):  # not already a word jieba keeps whole
                jieba.add_word(word, freq=freq)
                changed = True
        _learned.update(fresh)
        if changed:
            _cut.cache_clear()
            tokens.cache_clear()
        return changed


def table_vocabulary(table: pd.DataFrame, mapping: Mapping) -> set[str]:
    """The distinct values and tags of ``table``'s single- and multi-select columns.

    What ``learn_vocabulary`` should learn before the table's free text is
    tokenised.  Name and id columns (one value per customer) and columns with
    more than a few thousand distinct values are left out; multi-select cells
    are split by the column's separator (any usual one when it has none).
    """
    out: set[str] = set()
    for spec in mapping.of_type(FieldType.SINGLE, FieldType.BAND, FieldType.MULTI):
        if spec.role in _VOCAB_SKIP or spec.name not in table.columns:
            continue
        col = table[spec.name]
        head = col.iloc[:10_000]
        if head.nunique() > _VOCAB_MAX_DISTINCT:
            continue
        uniq = pd.unique(col.dropna())
        if len(uniq) > _VOCAB_MAX_DISTINCT:
            continue
        cells = [v for v in uniq if isinstance(v, str)]
        if spec.type == FieldType.MULTI and spec.sep:
            cells = [
                t for tags in split_tags(pd.Series(cells, dtype=object), spec.sep) for t in tags
            ]
        elif spec.type == FieldType.MULTI:
            cells = [t for c in cells for t in _ANY_SEP.split(c)]
        out.update(c.strip() for c in cells if c.strip())
    return out
