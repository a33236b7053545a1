"""Which column is the outcome, which of its values are good, and which columns are ids.

Real exports hold many yes/no and 0/1 columns (``is_partner``, ``has_catalog``,
``是否会员``); only one of them says whether the customer was won, kept or
lost.  So the **header words decide** and the values only confirm: a column is
an outcome candidate when its header holds an outcome word (won, result,
churn, 成交, 流失 …) and its values read as won/lost.  A churn/lost-style header
("churned", "是否流失") turns the polarity round: the good value is the other
one ("churned = No").

Identifiers (unique codes, 32-hex hashes, row numbers, long numeric ids) are
recognised here too, so they never become findings, words or model inputs.

This module is words and shapes only (no Dataset), so ``icp.schema``,
``icp.join`` and ``icp.definition`` can all use it.  The header words
themselves live in ``icp.parse`` (``read_header``), next to the cell words,
so ``parse.won_mask`` reads a churn column the right way round too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd

from icp.parse import HeaderRead, outcome, read_header

__all__ = [
    "HeaderRead",
    "default_good_values",
    "float_id_reason",
    "id_reason",
    "label_counts",
    "outcome_words_share",
    "read_header",
    "read_value",
    "split_outcome",
    "value_label",
]

# ------------------------------------------------------------------ values


def read_value(v: Any) -> bool | None:
    """True for a won-like value, False for a lost-like one, None for open/unknown."""
    return outcome(v)


# Values that say yes/no about *anything* (is_partner, has_catalog, 是否会员):
# they confirm an outcome header but never make a column an outcome alone.
_GENERIC = frozenset(
    {"yes", "no", "y", "n", "true", "false", "1", "0", "1.0", "0.0", "是", "否", "有", "无"}
)


def outcome_words_share(values: Sequence[Any], *, open_words: Iterable[str] = ()) -> float:
    """Share of cells that are explicit outcome words (Won, Closed lost, 已签约,
    流失 …) or open-deal words (``open_words``), 0 unless both a won and a lost
    word occur.  Generic yes/no, 0/1 and true/false cells never count: only a
    header can make those an outcome."""
    opened = {w.lower() for w in open_words}
    if not len(values):
        return 0.0
    seen: set[bool] = set()
    hits = 0
    words: dict[str, tuple[bool | None, bool]] = {}  # each distinct text read once
    for v in values:
        if isinstance(v, (bool, np.bool_, int, float, np.integer, np.floating)):
            continue
        if type(v) is str:
            word = words.get(v)
            if word is None:
                word = words[v] = _outcome_word(v, opened)
        else:
            word = _outcome_word(v, opened)
        read, hit = word
        if read is not None:
            seen.add(read)
        hits += hit
    return hits / len(values) if seen == {True, False} else 0.0


def _outcome_word(v: Any, opened: set[str]) -> tuple[bool | None, bool]:
    """(won/lost reading, counts as an outcome or open word) of one cell that is no number."""
    text = str(v).strip().lower()
    if text in _GENERIC:
        return None, False
    read = read_value(v)
    if read is not None:
        return read, True
    return None, text in opened


def value_label(v: Any) -> str:
    """The text a value is shown and saved as (1.0 → "1", True → "True")."""
    if isinstance(v, (bool, np.bool_)):
        return str(bool(v))
    if isinstance(v, (float, np.floating)) and float(v).is_integer():
        return str(int(v))
    return str(v).strip()


def _mixed_objects(s: pd.Series) -> bool:
    """Mixed Python objects: 1, 1.0 and True are one key to a hash table but
    have different labels, so they must be labelled row by row."""
    return s.dtype == object and pd.api.types.infer_dtype(s, skipna=True) != "string"


def label_codes(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """``pd.factorize(series.map(value_label, na_action="ignore"))``, labelling each
    distinct value once instead of every row (same codes, same label order)."""
    if _mixed_objects(series):
        codes, uniques = pd.factorize(series.map(value_label, na_action="ignore"))
        return codes, np.asarray(uniques, dtype=object)
    codes, uniques = pd.factorize(series)
    labels = [value_label(u) for u in uniques]
    label_codes_, label_uniques = pd.factorize(pd.Index(labels, dtype=object))
    lookup = np.append(label_codes_, -1).astype(codes.dtype, copy=False)
    return lookup[codes], np.asarray(label_uniques, dtype=object)


def label_counts(series: pd.Series) -> list[tuple[str, int]]:
    """Row counts per label (``value_label``) of the non-missing values, commonest first.

    Ties keep the order in which the labels first appear, as ``value_counts``
    does.  Labels are made once per distinct value, not once per row (a
    million-row Status column has a handful of values).
    """
    s = series.dropna()
    if _mixed_objects(s):
        counts = s.map(value_label).value_counts()
    else:
        codes, uniques = pd.factorize(s)
        labels = pd.Index([value_label(u) for u in uniques], dtype=object)
        label_codes, label_uniques = pd.factorize(labels)
        per_label = np.bincount(label_codes[codes], minlength=len(label_uniques))
        counts = pd.Series(per_label, index=label_uniques).sort_values(
            ascending=False, kind="stable"
        )
    return [(str(k), int(v)) for k, v in counts.items()]


def default_good_values(values: Iterable[Any], *, header: Any) -> list[str]:
    """The values that count as good by default: the won readings, or for a
    lost-style header (churn, 流失) the lost readings (churned = "No")."""
    read = read_header(header)
    want = not (read is not None and read.lost_style)
    out: list[str] = []
    for v in values:
        if read_value(v) is want and value_label(v) not in out:
            out.append(value_label(v))
    return out


def split_outcome(series: pd.Series, good: Sequence[str]) -> pd.Series:
    """Nullable boolean per row: True for a good value, False for a known other
    value, NA for open/unknown (never counted on either side).

    A value is "known" when it reads as won or lost (``read_value``), so with a
    flipped choice (good = "Yes" in a churn column) "No" becomes the other side.
    """
    good_set = {value_label(g) for g in good}
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    labels: list[Any] = []
    for u in uniques:
        if value_label(u) in good_set:
            labels.append(True)
        elif read_value(u) is not None:
            labels.append(False)
        else:
            labels.append(pd.NA)
    arr = pd.array([*labels, pd.NA], dtype="boolean")
    out = arr.take(np.where(codes >= 0, codes, len(labels)))
    return pd.Series(out, index=series.index, name=series.name)


# ------------------------------------------------------------------ identifiers

_HEX = re.compile(r"^[0-9a-f]{16,}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_CODE = re.compile(r"^(?=.*\d)[A-Za-z0-9]+([-_/.][A-Za-z0-9]+)*$")
_ID_WORDS = re.compile(
    r"(^|[^a-z])(id|ids|uuid|guid|hash|key|no|nr|number|code|ref|row|index)([^a-z]|$)|^#$|"
    r"编号|编码|序号|代码|单号|工号|账号|学号|id$",
    re.IGNORECASE,
)


def _looks_like_id_header(header: Any) -> bool:
    s = unicodedata.normalize("NFKC", str(header)).strip()
    s = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", s)
    return bool(_ID_WORDS.search(s.replace("_", " ")))


_SHORT = 20_000  # rows up to which counting distinct cells first is cheaper than the shapes


def id_reason(values: pd.Series, *, header: Any) -> str | None:
    """Why a column is an identifier ("hash", "code", "row", "number"), or None.

    Only columns whose non-empty cells are (nearly) all distinct qualify, and
    then by shape: 32-hex hashes and UUIDs; codes mixing digits and letters
    (``4821-QWZKT``); row numbers 1..n; long integers (≥ 6 digits) or any
    integers under an id-like header.  A unique column of names is not an id.
    """
    s = values.dropna()
    if len(s) < 5:
        return None
    if pd.api.types.is_bool_dtype(s.dtype) or pd.api.types.is_datetime64_any_dtype(s.dtype):
        return None
    n = len(s)
    # every answer but None needs (nearly) all cells distinct: a short column says so at
    # once (a wide sheet of short columns spent most of its typing on the shapes below);
    # the count is kept for the checks below, as is the head's conversion when it is all
    distinct = s.nunique() if n <= _SHORT else None
    if distinct is not None and distinct < 0.95 * n:
        return None
    id_header = _looks_like_id_header(header)
    # a head that is not all numbers settles it: converting a million names would take a second
    head = pd.to_numeric(s.iloc[:1000], errors="coerce")
    head_numeric = bool(head.notna().all())
    # (the head of a column counted above is all of it, or its repeats are the column's)
    if head_numeric and distinct is None and _surely_repeats(s):
        return None
    nums = (head if n <= 1000 else pd.to_numeric(s, errors="coerce")) if head_numeric else None
    if nums is not None and nums.notna().all():
        if not np.isfinite(nums.to_numpy(dtype=float)).all():  # "inf" is a number, no id
            return None
        # plain floats are told whole before their distinct count (a million amounts
        # with cents: no count at all); anything else in the order it always was
        early = pd.api.types.is_float_dtype(nums.dtype)
        if early and not bool((nums == nums.round()).all()):
            return None
        if (s.nunique() if distinct is None else distinct) < 0.95 * n:
            return None
        if not early and not bool((nums == nums.round()).all()):
            return None
        return _integer_id(np.sort(nums.astype("int64").to_numpy()), id_header)
    # the shape is read on the first 500 cells; only a column of that shape is then
    # checked for distinct cells over all its rows (a million names: no full pass)
    shape = _text_id_shape(s.iloc[:500].astype(str).str.strip(), id_header=id_header)
    if shape is None or s.nunique() < 0.95 * n:
        return None
    return shape


def _integer_id(ordered: np.ndarray, id_header: bool) -> str | None:
    """The id a column of distinct whole numbers (sorted) is: "row", "number" or None."""
    if ordered[0] in (0, 1) and bool((np.diff(ordered) == 1).all()):
        return "row"
    if id_header:
        return "number"
    digits = np.char.str_len(np.abs(ordered).astype(str))
    if ordered[0] >= 100_000 and digits.min() == digits.max():  # 20481377, not amounts
        return "number"
    return None


def float_id_reason(values: np.ndarray, *, header: Any) -> str | None:
    """``id_reason`` of an array of floats (no NaN), without pandas.

    A wide sheet's number columns (calamine gives floats) are each typed this
    way: the pandas steps cost ~1 ms a column.  Floats beyond 2**53 (not
    whole-number exact) go the long way.
    """
    if len(values) < 5 or not np.isfinite(values).all():
        return None
    if len(np.unique(values)) < 0.95 * len(values):
        return None
    if np.abs(values).max() >= 2**53:
        return id_reason(pd.Series(values.tolist(), dtype=object), header=header)
    if not bool((values == np.round(values)).all()):
        return None
    return _integer_id(np.sort(values.astype(np.int64)), _looks_like_id_header(header))


def _text_id_shape(sample: pd.Series, *, id_header: bool) -> str | None:
    """ "hash" or "code" when a column's first cells (stripped text) look like ids."""
    if sample.str.lower().str.match(_HEX).mean() >= 0.95:
        return "hash"
    if sample.str.match(_CODE).mean() >= 0.95 and sample.str.contains(r"\d").mean() >= 0.95:
        return "code"
    if id_header and sample.str.len().max() <= 40 and not sample.str.contains(" ").any():
        return "code"
    return None


def _surely_repeats(s: pd.Series) -> bool:
    """Whether fewer than 95% of ``s``'s cells are distinct, told from a head alone.

    Each repeat inside the head is a repeat in the whole column, so a head of a
    fifth of the rows with more than 5% of *all* rows repeated settles it (a
    million-row column of a hundred thousand zip codes, or of ten categories)
    at a fifth of the cost.  False means "not settled", never "distinct".
    """
    n = len(s)
    head = s.iloc[: max(1000, n // 5)]
    return n - (len(head) - head.nunique()) < 0.95 * n
