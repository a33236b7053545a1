"""icp.outcome: telling what a column's values are (ids here; outcome words in
test_definition and test_crm_shapes)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from icp import outcome


def test_float_columns_are_told_as_ids_as_the_long_way_tells_them():
    """``float_id_reason`` (a wide sheet's number columns, without pandas) gives what
    ``id_reason`` gives the same cells, for rows, ids, amounts and odd floats."""
    rng = np.random.default_rng(4)
    samples = []
    for n in (5, 6, 40, 300):
        samples += [
            np.arange(n, dtype=float),  # row numbers 0..n-1
            rng.permutation(np.arange(1, n + 1)).astype(float),  # 1..n, shuffled
            np.arange(2, n + 2, dtype=float),  # starts at 2: no row
            rng.choice(np.arange(100_000, 999_999), n, replace=False).astype(float),
            rng.choice(np.arange(10_000, 9_999_999), n, replace=False).astype(float),
            rng.choice(np.arange(-500, 500), n, replace=False).astype(float),
            rng.random(n) * 1000,  # amounts with cents
            np.append(np.arange(n - 1, dtype=float), np.inf),
            np.append(np.arange(n - 1, dtype=float), 2.0**60),
            np.append(np.arange(n - 1, dtype=float), -0.0),
        ]
    told = []
    for values in samples:
        for header in ("ID", "客户编号", "Revenue", "num_5"):
            fast = outcome.float_id_reason(values, header=header)
            slow = outcome.id_reason(pd.Series(values.tolist(), dtype=object), header=header)
            assert fast == slow, (values[:6], header)
            told.append(fast)
    assert {"row", "number", None} <= set(told)


def test_a_column_with_an_infinite_number_is_no_id_and_no_crash():
    """A CSV's "inf" reads as a number: the id check said nothing sensible (it crashed)."""
    for cells in (["1", "2", "3", "4", "inf"], [1.0, 2.0, 3.0, 4.0, float("inf")]):
        assert outcome.id_reason(pd.Series(cells, dtype=object), header="ID") is None
