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
  nearly identical to (difflib ratio ≥ ``min_ratio``, or two adjacent letters
  swapped), with the same digits and at least 4 characters — grouped into the
  frequent one.  Two frequent labels are never merged, however alike.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

import pandas as pd

from icp.i18n import Msg

__all__ = ["apply_groups", "explain", "find_groups", "spelling_key"]

_DROP = re.compile(r"[\s_\-·・]+")
_DIGITS = re.compile(r"\d+")


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


def _similar(a: str, b: str, min_ratio: float) -> float:
    """Similarity in [0, 1] if ``a`` and ``b`` may be one label mistyped, else 0."""
    if min(len(a), len(b)) < 4 or _DIGITS.findall(a) != _DIGITS.findall(b):
        return 0.0
    if _swapped(a, b):
        return 1.0 - 1.0 / len(a)
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < min_ratio:
        return 0.0  # lengths alone rule it out
    m = SequenceMatcher(None, a, b, autojunk=False)
    if m.quick_ratio() < min_ratio:
        return 0.0
    r = m.ratio()
    return r if r >= min_ratio else 0.0


def find_groups(
    series: pd.Series, *, min_ratio: float = 0.85, max_share: float = 0.10
) -> dict[str, str]:
    """``{variant: canonical}`` for the text labels of ``series`` (canonicals omitted).

    Returns an empty dict when every label is already spelled one way.  Only
    string cells take part; missing cells and numbers are left alone.
    """
    counts = series.value_counts(sort=True, dropna=True)
    counts = counts[[isinstance(k, str) for k in counts.index]]
    if counts.empty:
        return {}
    # 1. spelling groups: same key → most frequent spelling (first seen on ties)
    groups: dict[str, list[str]] = {}
    for label in counts.index:
        groups.setdefault(spelling_key(label), []).append(label)
    total = {k: int(counts[labels].sum()) for k, labels in groups.items()}
    canonical = {k: labels[0] for k, labels in groups.items()}  # value_counts order

    # 2. typos: a rare key folds into the most similar key ≥ 1/max_share as frequent
    keys = sorted(total, key=lambda k: (-total[k], k))
    into: dict[str, str] = {}
    for rare in keys:  # most frequent first, so a merged key is never a target later
        if not rare:
            continue
        best: tuple[float, int, str] | None = None
        for target in keys:
            if total[target] * max_share < total[rare]:
                break  # keys are sorted by count: no later target is frequent enough
            if target == rare or target in into:
                continue
            score = _similar(rare, target, min_ratio)
            if score and (best is None or (score, total[target]) > best[:2]):
                best = (score, total[target], target)
        if best is not None:
            into[rare] = best[2]

    out: dict[str, str] = {}
    for key, labels in groups.items():
        target = canonical[into.get(key, key)]
        out.update({label: target for label in labels if label != target})
    return out


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
