"""Spelling variants of one category are grouped (and can be ungrouped);
distinct categories never are."""

from __future__ import annotations

import numpy as np
import pandas as pd

from icp import variants
from icp.i18n import t
from icp.variants import apply_groups, explain, find_groups, spelling_key


def _series(pairs: list[tuple[str | None, int]]) -> pd.Series:
    return pd.Series([label for label, n in pairs for _ in range(n)], dtype=object)


def test_case_space_and_full_width_spellings_are_grouped():
    s = _series(
        [("Retail", 30), ("retail", 4), (" Retail ", 2), ("ＲＥＴＡＩＬ", 1), ("制造业", 12),
         ("制造 业", 1), ("E-commerce", 5), ("Ecommerce", 9), (None, 3)]
    )  # fmt: skip
    groups = find_groups(s)
    assert groups == {
        "retail": "Retail",
        " Retail ": "Retail",
        "ＲＥＴＡＩＬ": "Retail",
        "制造 业": "制造业",
        "E-commerce": "Ecommerce",  # the more frequent spelling wins
    }
    out = apply_groups(s, groups)
    assert out.value_counts()["Retail"] == 37 and out.value_counts()["Ecommerce"] == 14
    assert out.isna().sum() == 3
    assert spelling_key("Ｒｅｔａｉｌ") == spelling_key("re tail") == "retail"


def test_rare_typo_next_to_a_frequent_label_is_grouped():
    s = _series(
        [("Manufacturing", 80), ("Manufacturng", 3), ("Healthcare", 40), ("Helthcare", 2),
         ("Retail", 50), ("Retial", 1)]
    )  # fmt: skip
    groups = find_groups(s)
    assert groups == {
        "Manufacturng": "Manufacturing",
        "Helthcare": "Healthcare",
        "Retial": "Retail",
    }
    msgs = explain(groups, s)
    assert msgs[0].key == "variants.typo"
    assert t(msgs[0], "en").startswith("“Manufacturng” (3×) counted as “Manufacturing” (80×)")
    assert "可能是笔误" in t(msgs[0], "zh")


def test_frequent_or_distinct_labels_are_never_merged():
    s = _series(
        [("Retail", 50), ("Real estate", 40), ("Manufacturing", 30), ("Manufacturng", 10),
         ("Tier 1", 40), ("Tier 2", 2), ("Type A", 40), ("Type B", 1), ("制造业", 40),
         ("制造", 1), ("Manufacturer", 2)]
    )  # fmt: skip
    # "Manufacturng" is a third as frequent as "Manufacturing": two real labels, not a typo;
    # digits differ (Tier 1/2); too different (Type A/B, 制造业/制造, Manufacturer)
    assert find_groups(s) == {}


def test_undo_by_applying_a_smaller_mapping():
    s = _series([("Retail", 30), ("retail", 4), ("Manufacturing", 80), ("Manufacturng", 3)])
    groups = find_groups(s)
    assert set(groups) == {"retail", "Manufacturng"}
    assert apply_groups(s, {}).equals(s)  # everything undone
    partial = {k: v for k, v in groups.items() if k != "Manufacturng"}
    out = apply_groups(s, partial)
    assert out.value_counts().to_dict() == {"Manufacturing": 80, "Retail": 34, "Manufacturng": 3}
    assert s.value_counts()["retail"] == 4  # the original column is untouched


def test_non_text_cells_are_left_alone():
    s = pd.Series(["A1", "a1", 3, None, 3.5, "A1"], dtype=object)
    groups = find_groups(s)
    assert groups == {"a1": "A1"}
    assert apply_groups(s, groups).tolist()[:3] == ["A1", "A1", 3]
    assert find_groups(pd.Series([], dtype=object)) == {}


# --- the rapidfuzz matcher groups exactly as the plain difflib one did ---------------


def _reference_groups(series: pd.Series, min_ratio: float = 0.85, max_share: float = 0.10):
    """The original quadratic difflib implementation, kept as the reference."""
    import re
    from difflib import SequenceMatcher

    from icp.variants import _swapped

    digits = re.compile(r"\d+")

    def similar(a: str, b: str) -> float:
        if min(len(a), len(b)) < 4 or digits.findall(a) != digits.findall(b):
            return 0.0
        if _swapped(a, b):
            return 1.0 - 1.0 / len(a)
        if 2 * min(len(a), len(b)) / (len(a) + len(b)) < min_ratio:
            return 0.0
        m = SequenceMatcher(None, a, b, autojunk=False)
        r = m.ratio()
        return r if r >= min_ratio else 0.0

    counts = series.value_counts(sort=True, dropna=True)
    counts = counts[[isinstance(k, str) for k in counts.index]]
    groups: dict[str, list[str]] = {}
    for label in counts.index:
        groups.setdefault(spelling_key(label), []).append(label)
    total = {k: int(counts[labels].sum()) for k, labels in groups.items()}
    keys = sorted(total, key=lambda k: (-total[k], k))
    into: dict[str, str] = {}
    for rare in keys:
        best = None
        for target in keys:
            if total[target] * max_share < total[rare]:
                break
            if target == rare or target in into or not rare:
                continue
            score = similar(rare, target)
            if score and (best is None or (score, total[target]) > best[:2]):
                best = (score, total[target], target)
        if best is not None:
            into[rare] = best[2]
    out = {}
    for key, labels in groups.items():
        target = groups[into.get(key, key)][0]
        out.update({label: target for label in labels if label != target})
    return out


def test_groupings_on_the_samples_match_the_difflib_reference():
    from pathlib import Path

    from icp.load import read_table

    samples = Path(__file__).resolve().parent.parent / "sample_data"
    checked = grouped = 0
    for path in sorted(samples.glob("*.*")):
        if path.suffix not in (".xlsx", ".csv"):
            continue
        df = read_table(path).df
        for col in df.columns:
            if df[col].map(lambda v: isinstance(v, str)).any():
                got, want = find_groups(df[col]), _reference_groups(df[col])
                assert got == want, (path.name, col)
                checked += 1
                grouped += bool(got)
    assert checked >= 20 and grouped >= 1  # real text columns, some with variants


def test_many_labels_with_typos_match_the_difflib_reference():
    import random

    rng = random.Random(3)
    words = [
        "".join(rng.choice("abcdefghik") for _ in range(rng.randint(4, 9))) for _ in range(300)
    ]
    cells: list[str] = []
    for w in words:
        cells += [w] * rng.randint(10, 40)
        if rng.random() < 0.5:  # a rare typo: one letter dropped, swapped or changed
            i = rng.randrange(len(w) - 1)
            typo = rng.choice([w[:i] + w[i + 1 :], w[:i] + w[i + 1] + w[i] + w[i + 2 :],
                               w[:i] + "z" + w[i + 1 :]])  # fmt: skip
            cells += [typo] * rng.randint(1, 2)
    s = pd.Series(cells, dtype=object)
    got = find_groups(s)
    assert got == _reference_groups(s)
    assert len(got) >= 50


def test_over_the_label_cap_only_spellings_are_grouped(monkeypatch):
    import icp.variants as variants

    s = _series([("Manufacturing", 80), ("Manufacturng", 3), ("retail", 2), ("Retail", 9)])
    assert find_groups(s) == {"Manufacturng": "Manufacturing", "retail": "Retail"}
    monkeypatch.setattr(variants, "_MAX_LABELS", 2)  # too many labels: not a category list
    assert find_groups(s) == {"retail": "Retail"}


def test_columns_told_apart_early_group_as_the_full_count_would():
    """``find_groups`` answers "nothing to group" from the distinct labels alone when no two
    share a spelling key and no two long keys are close: the same answer as counting and
    scoring them all, on columns of answers, typos, spelling variants, short codes,
    numbers and Chinese labels."""
    rng = np.random.default_rng(16)
    pool = ["yes", "no", "A", "B", "制造业", "零售", "Retail", "retail ", "ＲＥＴＡＩＬ", "Retial",
            "Manufacturing", "Manufacturng", "Healthcare", "Agree", "Strongly agree", "Neutral",
            "Disagree", "Strongly disagree", "1", 1, 1.0, True, None, "E-commerce", "Ecommerce",
            "客户 A", "客户A", "Plan 2024", "Plan 2025", "非常满意", "满意"]  # fmt: skip
    early = set()
    for _ in range(400):
        k = int(rng.integers(1, 8))
        labels = [pool[i] for i in rng.choice(len(pool), k, replace=False)]
        weights = rng.dirichlet(np.full(k, 0.3))  # skewed: a rare typo next to a common label
        cells = [labels[i] for i in rng.choice(k, int(rng.integers(1, 300)), p=weights)]
        for s in (pd.Series(cells, dtype=object), pd.Series(cells, dtype=object).astype("str")):
            early.add(variants._may_group(s, 0.85))
            assert find_groups(s) == variants._find_groups(s, min_ratio=0.85, max_share=0.10)
    assert early == {True, False}
