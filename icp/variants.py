"""Category spelling variants: one label written several ways counts as one.

CRM exports spell the same category many ways — "Retail", "retail ",
"ＲＥＴＡＩＬ", "Manufacturng" — and every spelling would otherwise become its
own trait with a diluted share.  ``find_groups`` proposes a grouping
``{variant: canonical}`` the UI shows (``explain``) and can undo (drop keys and
``apply_groups`` again on the original column).

Two kinds of variant are grouped:

- *spelling*: equal after Unicode NFKC (full-width → half-width), case
  folding and removing spaces, "_", "-" and "·" — always grouped, the most
  frequent spelling is canonical;
- *typo*: a label at most ``max_share`` (10%) as frequent as a label it is
  nearly identical to (InDel similarity ≥ ``min_ratio``, i.e. ``2·LCS/(len a +
  len b)``, or two adjacent letters swapped), with the same digits and at
  least 4 characters — grouped into the frequent one.  Two frequent labels are
  never merged, however alike.

Typo matching scores all label pairs with rapidfuzz's C ``cdist`` (only
pairs over the cut come back to Python), so it stays fast with thousands of
labels; a column with more than ``_MAX_LABELS`` distinct spellings is not a
category list and only gets the spelling step.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from icp.i18n import Msg

__all__ = ["apply_groups", "explain", "find_groups", "spelling_key"]

_DROP = re.compile(r"[\s_\-·・]+")
_DIGITS = re.compile(r"\d+")
_MIN_LEN = 4  # shorter labels are never typo-grouped ("CRM" vs "CRO")
_MAX_LABELS = 5000  # distinct spellings above which typo matching is skipped
_PRE_CHECK = 64  # long keys up to which _may_group scores the pairs itself


def spelling_key(label: str) -> str:
    """The form two spellings of one label share: NFKC, case-folded, no spaces/_/-/·."""
    return _DROP.sub("", unicodedata.normalize("NFKC", label).casefold())


def _swapped(a: str, b: str) -> bool:
    """True if ``b`` is ``a`` with two adjacent characters transposed."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) != 2:
        return False
    i, j = diff
    return j == i + 1 and a[i] == b[j] and a[j] == b[i]


def find_groups(
    series: pd.Series, *, min_ratio: float = 0.85, max_share: float = 0.10
) -> dict[str, str]:
    """``{variant: canonical}`` for the text labels of ``series`` (canonicals omitted).

    Returns an empty dict when every label is already spelled one way.  Only
    string cells take part; missing cells and numbers are left alone.
    """
    if not _may_group(series, min_ratio):
        return {}
    return _find_groups(series, min_ratio=min_ratio, max_share=max_share)


def _find_groups(series: pd.Series, *, min_ratio: float, max_share: float) -> dict[str, str]:
    """``find_groups`` without the early answer: count the labels, then group them."""
    counts = series.value_counts(sort=True, dropna=True)
    counts = counts[[isinstance(k, str) for k in counts.index]]
    if counts.empty:
        return {}
    # 1. spelling groups: same key → most frequent spelling (first seen on ties)
    groups: dict[str, list[str]] = {}
    total: dict[str, int] = {}
    for label, n in zip(counts.index, counts.to_numpy(), strict=True):
        key = spelling_key(label)
        groups.setdefault(key, []).append(label)
        total[key] = total.get(key, 0) + int(n)
    canonical = {k: labels[0] for k, labels in groups.items()}  # value_counts order

    # 2. typos: a rare key folds into the most similar key ≥ 1/max_share as frequent
    keys = sorted(total, key=lambda k: (-total[k], k))
    into = _typos(keys, total, min_ratio, max_share) if len(keys) <= _MAX_LABELS else {}

    out: dict[str, str] = {}
    for key, labels in groups.items():
        target = canonical[into.get(key, key)]
        out.update({label: target for label in labels if label != target})
    return out


def _may_group(series: pd.Series, min_ratio: float) -> bool:
    """Whether any two distinct labels could be grouped: two share a spelling key, or two
    keys of ``_MIN_LEN`` characters score over the typo cut. False settles it without
    counting the labels (most columns of a wide export: answers that are all apart)."""
    labels = {v for v in pd.unique(series) if isinstance(v, str)}
    keys = {spelling_key(label) for label in labels}
    if len(keys) < len(labels):
        return True
    long = [k for k in keys if len(k) >= _MIN_LEN]
    if len(long) < 2 or len(keys) > _MAX_LABELS:
        return False
    if len(long) > _PRE_CHECK:  # a long list: the scores are worked out once, by _typos
        return True
    scores = process.cdist(
        long, long, scorer=fuzz.ratio, score_cutoff=_cutoff(min_ratio), dtype=np.float32
    )
    np.fill_diagonal(scores, 0)
    return bool(scores.any())


def _cutoff(min_ratio: float) -> float:
    """The cdist score cut: a swap scores 1 - 1/len, below min_ratio for short words, so
    cut lower and check the pairs over it."""
    return 100 * min(min_ratio, 1.0 - 1.0 / _MIN_LEN) - 0.5


def _typos(
    keys: list[str], total: dict[str, int], min_ratio: float, max_share: float
) -> dict[str, str]:
    """``{rare key: frequent key}`` for keys (most frequent first) that look mistyped.

    Candidates for a rare key are the keys at least ``1/max_share`` times as
    frequent, with the same digits, not merged themselves; among those above
    the similarity cut the best (similarity, count) wins, the first of equals.
    All similarities come from one ``cdist`` call (C, no Python per pair);
    the rules above are then applied row by row on the few pairs over the cut.
    """
    long = [k for k in keys if len(k) >= _MIN_LEN]
    if len(long) < 2:
        return {}
    scores = process.cdist(
        long, long, scorer=fuzz.ratio, score_cutoff=_cutoff(min_ratio), dtype=np.float32
    )
    digits = [tuple(_DIGITS.findall(k)) for k in long]
    counts = np.array([total[k] for k in long])
    into: dict[str, str] = {}
    for i, rare in enumerate(long):
        # frequent enough: counts are sorted, so the candidates are a prefix
        n = int(np.searchsorted(-counts * max_share, -total[rare], side="right"))
        hits = np.nonzero(scores[i, :n])[0]
        best: tuple[float, int, int] | None = None
        for j in hits:
            target = long[j]
            if j == i or target in into or digits[j] != digits[i]:
                continue
            score = float(fuzz.ratio(rare, target)) / 100  # exact, not float32
            if score < min_ratio - 1e-9 and not _swapped(rare, target):
                continue
            cand = (score, total[target], -int(j))
            if best is None or cand > best:
                best = cand
        if best is not None:
            into[rare] = long[-best[2]]
    return into


def apply_groups(series: pd.Series, groups: dict[str, str]) -> pd.Series:
    """A copy of ``series`` with each variant replaced by its canonical label.

    Undo is applying a smaller mapping (or ``{}``) to the original column.
    """
    if not groups:
        return series.copy()
    mapped = series.map(groups)
    return series.where(mapped.isna(), mapped)


def explain(groups: dict[str, str], series: pd.Series) -> list[Msg]:
    """One message per grouped variant with both counts and the reason, biggest first."""
    counts = series.dropna().astype(str).value_counts()
    rows = sorted(groups.items(), key=lambda kv: (-int(counts.get(kv[1], 0)), kv[1], kv[0]))
    out = []
    for variant, canonical in rows:
        same = spelling_key(variant) == spelling_key(canonical)
        params = {
            "variant": variant,
            "variant_count": int(counts.get(variant, 0)),
            "canonical": canonical,
            "canonical_count": int(counts.get(canonical, 0)),
        }
        out.append(Msg("variants.spelling" if same else "variants.typo", params))
    return out
