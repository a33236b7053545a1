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
import json
import math
import random
import re
from collections import Counter
from collections.abc import Mapping as AnyMapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from PIL import Image

from icp.fonts import font_path
from icp.pngcache import cached_png, code_hash, version_of
from icp.pvalues import hypergeom_sf
from icp.schema import NOT_TRAIT_ROLES, SEPARATORS, FieldType, Mapping
from icp.text import STOP_WORDS, learn_vocabulary, table_vocabulary, tokens

if TYPE_CHECKING:
    from icp.dataset import Dataset
    from icp.model import Analysis

__all__ = [
    "PAGE_SIZE",
    "best_rest_pngs",
    "cloud",
    "cloud_png",
    "compare",
    "compare_pngs",
    "distinctive",
    "frequencies",
    "png_bytes",
]

PAGE_SIZE = (640, 400)  # one cloud in half of the wide page, in pixels

# Roles whose values identify a row or restate the grouping; a cloud of them says nothing.
# Text columns longer than this are sampled (deterministically) before jieba runs.
_MAX_TEXT_ROWS = 5000


_DROP = re.compile(r"^[\W\d_]+$")  # only digits / punctuation / symbols


_ONE_HAN = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]$")  # a lone hanzi is a function word


def _keep_value(value: str) -> bool:
    v = value.strip()
    return bool(v) and v.lower() not in STOP_WORDS and not _DROP.match(v) and not _ONE_HAN.match(v)


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
        for word in tokens(str(text)):  # distinct words of the cell: once per cell
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
    by the column's separator), TEXT columns their words (``icp.text.tokenize``,
    the same words the keyword traits count); a word counts at most once per
    row and column.  ``columns`` limits the columns used; by default every
    included category, tag and text column except name, id and outcome.
    Stop words and numbers are dropped.
    """
    keep = mask.reindex(table.index, fill_value=False).fillna(False).astype(bool)
    rows = table.loc[keep]
    if columns is None:
        specs = [
            c
            for c in mapping.of_type(
                FieldType.SINGLE, FieldType.BAND, FieldType.MULTI, FieldType.TEXT
            )
            if c.role not in NOT_TRAIT_ROLES
        ]
    else:
        specs = [mapping.get(name) for name in columns]
        specs = [c for c in specs if c is not None]
    if not rows.empty and any(c.type == FieldType.TEXT for c in specs):
        # the same vocabulary as the keyword traits: the whole table's, whatever ``columns``
        learn_vocabulary(table_vocabulary(table, mapping))
    counts: Counter[str] = Counter()
    for spec in specs:
        if spec.name not in rows.columns or rows.empty:
            continue
        s = rows[spec.name].dropna().astype(str)
        s = s[s.str.strip() != ""]
        if s.empty:
            continue
        if spec.type in (FieldType.SINGLE, FieldType.BAND):
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
    best: dict[str, float],
    rest: dict[str, float],
    *,
    alpha: float = 1.0,
    best_n: int | None = None,
    rest_n: int | None = None,
    min_share: float = 0.2,
    q: float = 0.1,
    min_lift: float = 1.5,
) -> tuple[dict[str, float], dict[str, float]]:
    """Words that belong more to one side: (best-leaning, rest-leaning) weights.

    Forms are merged first ("Spreadsheets" = "spreadsheets" = "spreadsheet",
    shown as the commonest form).  A word is kept for the best side only when
    at least ``max(2, min_share × best_n)`` best rows hold it — one customer
    is an anecdote — and, given the group sizes, its over-representation
    survives a Benjamini–Hochberg control at ``q`` over every word with a
    smoothed lift of at least ``min_lift``: so a column of pure noise gives an
    empty cloud.  The rest side mirrors it (at least 2 rows and 5% of the
    rest).  Without ``best_n``/``rest_n`` only the two-rows rule applies.
    Weight = log of the ratio of additively smoothed shares (``alpha``).
    """
    b_all, r_all, shown = _merge_forms(best, rest)
    vocab = sorted(set(b_all) | set(r_all))
    if not vocab:
        return {}, {}
    sized = best_n is not None and rest_n is not None and best_n > 0 and rest_n > 0
    if sized:
        nb, nr = float(best_n), float(rest_n)  # rows: the share of the group holding a word
        v = 2  # holds it / does not
    else:
        nb, nr, v = sum(b_all.values()), sum(r_all.values()), len(vocab)
    score: dict[str, float] = {}
    for w in vocab:
        pb = (min(b_all.get(w, 0.0), nb) + alpha) / (nb + alpha * v)
        pr = (min(r_all.get(w, 0.0), nr) + alpha) / (nr + alpha * v)
        score[w] = math.log(pb / pr)
    need_b = max(2, math.ceil(min_share * best_n)) if sized else 2
    need_r = max(2, math.ceil(0.05 * rest_n)) if sized else 2
    left = [w for w in vocab if score[w] > 1e-9 and b_all.get(w, 0.0) >= need_b]
    right = [w for w in vocab if score[w] < -1e-9 and r_all.get(w, 0.0) >= need_r]
    if sized:
        left = _significant(left, b_all, r_all, best_n, rest_n, q, math.log(min_lift))
        right = _significant(right, r_all, b_all, rest_n, best_n, q, math.log(min_lift))
    return (
        _sorted({shown[w]: score[w] for w in left}),
        _sorted({shown[w]: -score[w] for w in right}),
    )


def _significant(
    words: list[str],
    mine: dict[str, float],
    other: dict[str, float],
    n_mine: int,
    n_other: int,
    q: float,
    min_log_lift: float,
) -> list[str]:
    """The ``words`` over-represented on their side beyond chance (one-sided Fisher, BH)."""
    if not words:
        return []
    a = np.array([min(mine.get(w, 0.0), n_mine) for w in words])
    b = np.array([min(other.get(w, 0.0), n_other) for w in words])
    lift = np.log(((a + 1) / (n_mine + 2)) / ((b + 1) / (n_other + 2)))
    p = hypergeom_sf(np.rint(a) - 1, n_mine + n_other, np.rint(a + b), n_mine)
    keep = lift >= min_log_lift
    if not keep.any():
        return []
    adj = np.ones(len(words))
    adj[keep] = bh_adjust(np.clip(p[keep], 0, 1))
    return [w for w, ok in zip(words, adj < q, strict=True) if ok]


def bh_adjust(ps: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values, as ``false_discovery_control(ps, method="bh")``.

    The same steps in the same order (stable sort, ``p * (m / i)``, running
    minimum from the largest, back to the input order, clipped), so the
    values are identical — without importing ``scipy.stats`` (~1 s) for the
    Commonalities page's word clouds.  ``tests/test_clouds_bh.py`` compares.
    """
    ps = np.asarray(ps, dtype=float)
    if ps.size <= 1:
        return ps
    m = ps.shape[-1]
    order = np.argsort(ps, kind="stable")
    adj = ps[order] * (m / np.arange(1, m + 1, dtype=float))
    np.minimum.accumulate(adj[::-1], out=adj[::-1])
    out = np.empty_like(adj)
    out[order] = adj
    return np.clip(out, 0.0, 1.0)


def _form(word: str) -> str:
    """A merge key: case folded, an English plural cut to its singular ("Policies" -> "policy")."""
    w = word.strip().casefold()
    if not w.isascii() or " " in w or len(w) <= 3 or w[-1] != "s":
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if w.endswith(("ss", "us", "is")):
        return w  # "business", "status", "analysis" are not plurals
    return w[:-1]


def _merge_forms(
    best: dict[str, float], rest: dict[str, float]
) -> tuple[dict[str, float], dict[str, float], dict[str, str]]:
    """Counts per merged form on each side, and the form to show (the commonest spelling)."""
    b: dict[str, float] = {}
    r: dict[str, float] = {}
    seen: dict[str, Counter[str]] = {}
    for side, out in ((best, b), (rest, r)):
        for word, n in side.items():
            if not n or not _keep_value(str(word)):
                continue
            key = _form(str(word))
            out[key] = out.get(key, 0.0) + float(n)
            seen.setdefault(key, Counter())[str(word)] += float(n)
    shown = {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in seen.items()}
    return b, r, shown


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
    words = _sorted({str(w): float(f) for w, f in freqs.items() if f and f > 0 and str(w).strip()})
    if not words:  # before the import: no words needs no wordcloud (+ matplotlib, ~0.5 s)
        return None
    from wordcloud import WordCloud  # lazy: startup speed

    wc = WordCloud(
        font_path=str(font_path()),
        width=width,
        height=height,
        background_color="white",
        mode="RGB",
        max_words=max_words or (40 if big else 100),
        min_font_size=max(8, height // 18) if big else 10,
        max_font_size=None,
        prefer_horizontal=1.0,  # never rotated: Chinese and English both read horizontally
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
    best_n: int | None = None,
    rest_n: int | None = None,
) -> tuple[Image.Image | None, Image.Image | None]:
    """Side-by-side clouds: words that set the best apart, and words that set the rest apart.

    A word's size is its positive log-ratio from ``distinctive`` — how much
    more it belongs to that side — not its raw count.  ``best_n`` and
    ``rest_n`` (rows per group) switch on the noise filter of
    ``distinctive``.  Either image is ``None`` when no word leans that way.
    """
    left, right = distinctive(best, rest, alpha=alpha, best_n=best_n, rest_n=rest_n)
    return (
        cloud(left, palette="best", width=width, height=height, big=big),
        cloud(right, palette="rest", width=width, height=height, big=big),
    )


def cloud_png(
    freqs: AnyMapping[str, float],
    *,
    palette: str = "best",
    width: int = 800,
    height: int = 450,
    big: bool = False,
) -> bytes | None:
    """``cloud`` as PNG bytes, drawn once per content (None: no words).

    Kept by ``icp.pngcache`` under the words and weights, palette, size and
    ``big``, plus icp's code and the wordcloud version: the same words never
    cost a second drawing (nor, found in the cache, the wordcloud import) — in
    this process, in the next page visit, the report or a restarted server.
    """

    def render() -> bytes:
        img = cloud(dict(freqs), palette=palette, width=width, height=height, big=big)
        return png_bytes(img) if img is not None else b""

    words = json.dumps(sorted((str(w), float(f)) for w, f in freqs.items()), ensure_ascii=False)
    size = f"({width}, {height})" + ("|big" if big else "")  # the report's key predates "big"
    key = f"cloud|{code_hash()}|{version_of('wordcloud')}|{palette}|{size}|{words}"
    return cached_png(key.encode(), render) or None


def compare_pngs(
    table: pd.DataFrame,
    mapping: Mapping,
    best_mask: pd.Series,
    rest_mask: pd.Series,
    *,
    width: int = 640,
    height: int = 400,
    big: bool = False,
) -> tuple[bytes | None, bytes | None]:
    """``compare`` for the rows of ``best_mask`` vs ``rest_mask`` of ``table``, as PNG bytes.

    The words are counted each call (a few hundredths of a second on the
    samples); the pictures come from ``cloud_png``'s cache when these words
    were drawn before.  None where no word leans that way.
    """
    best = frequencies(table, mapping, best_mask)
    rest = frequencies(table, mapping, rest_mask)
    left, right = distinctive(best, rest, best_n=int(best_mask.sum()), rest_n=int(rest_mask.sum()))
    return (
        cloud_png(left, palette="best", width=width, height=height, big=big),
        cloud_png(right, palette="rest", width=width, height=height, big=big),
    )


def best_rest_pngs(
    ds: Dataset, result: Analysis, *, size: tuple[int, int] = PAGE_SIZE, big: bool = False
) -> tuple[bytes | None, bytes | None]:
    """The analysis' best-vs-rest (or won-vs-lost) clouds as PNG bytes, as the page shows them.

    Only profile columns count (``profile_mapping``): no id, name, outcome or
    ranking column becomes a word.
    """
    rest = result.rest_mask if result.rest_mask is not None else ~result.best_mask
    mapping = result.profile_mapping or ds.mapping
    width, height = size
    return compare_pngs(
        ds.table, mapping, result.best_mask, rest, width=width, height=height, big=big
    )


def png_bytes(img: Image.Image) -> bytes:
    """PNG bytes of ``img`` (for ``st.image``, downloads and the PDF)."""
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
