"""Plain reference versions of code that has a fast path: the tests check the fast path
gives the same answer as these, on inputs from both sides of every rule."""

from __future__ import annotations

import numpy as np
import pandas as pd

from icp import outcome

__all__ = ["plain_id_reason"]


def plain_id_reason(values: pd.Series, *, header) -> str | None:
    """``outcome.id_reason`` as it was: the distinct count first, over every row."""
    s = values.dropna()
    if len(s) < 5:
        return None
    if pd.api.types.is_bool_dtype(s.dtype) or pd.api.types.is_datetime64_any_dtype(s.dtype):
        return None
    n, distinct = len(s), s.nunique()
    if distinct < 0.95 * n:
        return None
    id_header = outcome._looks_like_id_header(header)
    head_numeric = bool(pd.to_numeric(s.iloc[:1000], errors="coerce").notna().all())
    nums = pd.to_numeric(s, errors="coerce") if head_numeric else None
    if nums is not None and nums.notna().all():
        whole = bool((nums == nums.round()).all())
        if not whole:
            return None
        ints = nums.astype("int64")
        ordered = np.sort(ints.to_numpy())
        if ordered[0] in (0, 1) and bool((np.diff(ordered) == 1).all()):
            return "row"
        if id_header:
            return "number"
        digits = np.char.str_len(np.abs(ordered).astype(str))
        if ordered[0] >= 100_000 and digits.min() == digits.max():
            return "number"
        return None
    text = s.astype(str).str.strip()
    sample = text.iloc[:500]
    if sample.str.lower().str.match(outcome._HEX).mean() >= 0.95:
        return "hash"
    if sample.str.match(outcome._CODE).mean() >= 0.95 and sample.str.contains(r"\d").mean() >= 0.95:
        return "code"
    if id_header and sample.str.len().max() <= 40 and not sample.str.contains(" ").any():
        return "code"
    return None
